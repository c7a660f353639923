import { Migration } from '@mikro-orm/migrations';

/**
 * One text-version store and one material store for every owner, and reviews of any subject type
 * (issue #9). Written by hand from the generated diff so that existing records survive: rows keep
 * their ids, so every reference (pinned versions, agenda items) points at the same text afterwards.
 */
export class Migration20261128002004_ContentStoreAndReviewSubjects extends Migration {
  override async up(): Promise<void> {
    // ---- one text-version table (drafts, contract drafts, normative versions)
    this.addSql(`create table "text_version" ("id" uuid not null, "owner_type" varchar(32) not null, "owner_id" uuid not null, "number" int not null, "text" text not null, "change_note" text not null, "content_hash" varchar(64) not null, "author_id" uuid not null, "created_at" timestamptz not null, constraint "text_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "text_version" add constraint "text_version_owner_type_owner_id_number_unique" unique ("owner_type", "owner_id", "number");`);
    this.addSql(`alter table "text_version" add constraint "text_version_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`insert into "text_version" select "id", 'PROPOSAL', "proposal_id", "number", "text", "change_note", "content_hash", "author_id", "created_at" from "draft_version";`);
    this.addSql(`insert into "text_version" select "id", 'CONTRACT', "contract_id", "number", "text", "change_note", "content_hash", "author_id", "created_at" from "contract_draft";`);
    this.addSql(`insert into "text_version" select "id", 'NORMATIVE_DOCUMENT', "document_id", "number", "text", "change_note", "content_hash", "author_id", "created_at" from "normative_version";`);
    this.addSql(`create trigger text_version_immutable before update or delete on "text_version" for each row execute function immutable_row_refuse_change();`);
    this.addSql(`create trigger text_version_no_truncate before truncate on "text_version" for each statement execute function immutable_row_refuse_change();`);

    // ---- one material table (proposal materials, contract materials)
    this.addSql(`create table "material" ("id" uuid not null, "owner_type" varchar(32) not null, "owner_id" uuid not null, "kind" text check ("kind" in ('DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION', 'CONSULTATION_REPORT', 'EXPERT_OPINIONS', 'RISK_REPORT', 'FAIR_COMPETITION_REVIEW', 'OTHER')) not null, "title" varchar(200) not null, "text" text null, "file_name" varchar(255) null, "mime_type" varchar(100) null, "size_bytes" int not null, "content_hash" varchar(64) not null, "storage" varchar(8) not null, "bytes" bytea null, "uploaded_by_id" uuid not null, "created_at" timestamptz not null, constraint "material_pkey" primary key ("id"));`);
    this.addSql(`create index "material_owner_type_owner_id_index" on "material" ("owner_type", "owner_id");`);
    this.addSql(`alter table "material" add constraint "material_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`insert into "material" select "id", 'PROPOSAL', "proposal_id", "kind", "title", "text", "file_name", "mime_type", "size_bytes", "content_hash", "storage", "bytes", "uploaded_by_id", "created_at" from "proposal_material";`);
    this.addSql(`insert into "material" select m."id", 'CONTRACT', m."contract_id", 'OTHER', m."title", m."text", null, null, octet_length(m."text"), m."content_hash", 'db', null, c."created_by_id", m."created_at" from "contract_material" m join "contract" c on c."id" = m."contract_id";`);
    this.addSql(`create trigger material_immutable before update or delete on "material" for each row execute function immutable_row_refuse_change();`);
    this.addSql(`create trigger material_no_truncate before truncate on "material" for each statement execute function immutable_row_refuse_change();`);

    // ---- reviews name their subject by type and id and pin a text version
    this.addSql(`alter table "review_request" add column "subject_id" uuid null, add column "pinned_version_id" uuid null, add column "pinned_hash" varchar(64) null;`);
    this.addSql(`update "review_request" set "subject_id" = coalesce("proposal_id", "contract_id", "normative_document_id"), "pinned_version_id" = coalesce("draft_version_id", "contract_draft_id", "normative_version_id");`);
    this.addSql(`update "review_request" r set "pinned_hash" = coalesce(r."draft_hash", v."content_hash") from "text_version" v where v."id" = r."pinned_version_id";`);
    this.addSql(`alter table "review_request" alter column "subject_id" set not null, alter column "pinned_version_id" set not null, alter column "pinned_hash" set not null;`);
    this.addSql(`alter table "review_request" drop constraint "review_request_proposal_id_foreign", drop constraint "review_request_contract_id_foreign", drop constraint "review_request_normative_document_id_foreign", drop constraint "review_request_draft_version_id_foreign", drop constraint "review_request_contract_draft_id_foreign", drop constraint "review_request_normative_version_id_foreign";`);
    this.addSql(`drop index "review_request_contract_id_index";`);
    this.addSql(`drop index "review_request_normative_document_id_index";`);
    this.addSql(`drop index "review_request_proposal_id_index";`);
    this.addSql(`alter table "review_request" drop column "proposal_id", drop column "contract_id", drop column "draft_version_id", drop column "contract_draft_id", drop column "draft_hash", drop column "normative_document_id", drop column "normative_version_id";`);
    this.addSql(`alter table "review_request" add constraint "review_request_pinned_version_id_foreign" foreign key ("pinned_version_id") references "text_version" ("id") on update cascade;`);
    this.addSql(`create index "review_request_subject_type_subject_id_index" on "review_request" ("subject_type", "subject_id");`);
    this.addSql(`create unique index "review_request_one_open_per_subject" on "review_request" ("subject_type", "subject_id") where "status" <> 'OPINION_ISSUED';`);

    // ---- an opinion names the text version it covers: the one with its hash, else the review's pin.
    // Issued opinions are immutable (trigger): the trigger is suspended for this one backfill only.
    this.addSql(`alter table "legal_opinion" add column "reviewed_version_id" uuid null;`);
    this.addSql(`alter table "legal_opinion" disable trigger legal_opinion_issued_immutable;`);
    this.addSql(`update "legal_opinion" o set "reviewed_version_id" = coalesce(
        (select v."id" from "text_version" v where v."owner_id" = r."subject_id" and v."content_hash" = o."reviewed_draft_hash" order by v."number" desc limit 1),
        r."pinned_version_id")
      from "review_request" r where r."id" = o."review_id";`);
    this.addSql(`alter table "legal_opinion" enable trigger legal_opinion_issued_immutable;`);
    this.addSql(`alter table "legal_opinion" alter column "reviewed_version_id" set not null;`);
    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_reviewed_version_id_foreign" foreign key ("reviewed_version_id") references "text_version" ("id") on update cascade;`);

    // ---- agenda items keep their draft: same ids, new table
    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_draft_version_id_foreign";`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_draft_version_id_foreign" foreign key ("draft_version_id") references "text_version" ("id") on update cascade;`);

    this.addSql(`drop table "contract_draft" cascade;`);
    this.addSql(`drop table "contract_material" cascade;`);
    this.addSql(`drop table "draft_version" cascade;`);
    this.addSql(`drop table "normative_version" cascade;`);
    this.addSql(`drop table "proposal_material" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "draft_version" ("id" uuid not null, "proposal_id" uuid not null, "number" int4 not null, "text" text not null, "change_note" text not null, "author_id" uuid not null, "content_hash" varchar(64) not null, "created_at" timestamptz(6) not null, constraint "draft_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "draft_version" add constraint "draft_version_proposal_id_number_unique" unique ("proposal_id", "number");`);
    this.addSql(`alter table "draft_version" add constraint "draft_version_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "draft_version" add constraint "draft_version_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`insert into "draft_version" select "id", "owner_id", "number", "text", "change_note", "author_id", "content_hash", "created_at" from "text_version" where "owner_type" = 'PROPOSAL';`);
    this.addSql(`create trigger draft_version_immutable before update or delete on "draft_version" for each row execute function immutable_row_refuse_change();`);

    this.addSql(`create table "contract_draft" ("id" uuid not null, "contract_id" uuid not null, "number" int4 not null, "text" text not null, "change_note" text not null, "content_hash" varchar(64) not null, "author_id" uuid not null, "created_at" timestamptz(6) not null, constraint "contract_draft_pkey" primary key ("id"));`);
    this.addSql(`alter table "contract_draft" add constraint "contract_draft_contract_id_number_unique" unique ("contract_id", "number");`);
    this.addSql(`alter table "contract_draft" add constraint "contract_draft_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "contract_draft" add constraint "contract_draft_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade;`);
    this.addSql(`insert into "contract_draft" select "id", "owner_id", "number", "text", "change_note", "content_hash", "author_id", "created_at" from "text_version" where "owner_type" = 'CONTRACT';`);
    this.addSql(`create trigger contract_draft_immutable before update or delete on "contract_draft" for each row execute function immutable_row_refuse_change();`);

    this.addSql(`create table "normative_version" ("id" uuid not null, "document_id" uuid not null, "number" int4 not null, "text" text not null, "content_hash" varchar(64) not null, "change_note" text not null, "author_id" uuid not null, "created_at" timestamptz(6) not null, constraint "normative_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "normative_version" add constraint "normative_version_document_id_number_unique" unique ("document_id", "number");`);
    this.addSql(`alter table "normative_version" add constraint "normative_version_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "normative_version" add constraint "normative_version_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);
    this.addSql(`insert into "normative_version" select "id", "owner_id", "number", "text", "content_hash", "change_note", "author_id", "created_at" from "text_version" where "owner_type" = 'NORMATIVE_DOCUMENT';`);

    this.addSql(`create table "proposal_material" ("id" uuid not null, "proposal_id" uuid not null, "kind" text check ("kind" in ('DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION', 'CONSULTATION_REPORT', 'EXPERT_OPINIONS', 'RISK_REPORT', 'FAIR_COMPETITION_REVIEW', 'OTHER')) not null, "title" varchar(200) not null, "text" text null, "file_name" varchar(255) null, "mime_type" varchar(100) null, "size_bytes" int4 not null, "content_hash" varchar(64) not null, "storage" varchar(8) not null, "bytes" bytea null, "uploaded_by_id" uuid not null, "created_at" timestamptz(6) not null, constraint "proposal_material_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_material_proposal_id_index" on "proposal_material" ("proposal_id");`);
    this.addSql(`alter table "proposal_material" add constraint "proposal_material_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`alter table "proposal_material" add constraint "proposal_material_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`insert into "proposal_material" select "id", "owner_id", "kind", "title", "text", "file_name", "mime_type", "size_bytes", "content_hash", "storage", "bytes", "uploaded_by_id", "created_at" from "material" where "owner_type" = 'PROPOSAL';`);

    this.addSql(`create table "contract_material" ("id" uuid not null, "contract_id" uuid not null, "title" varchar(200) not null, "text" text not null, "content_hash" varchar(64) not null, "created_at" timestamptz(6) not null, constraint "contract_material_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_material_contract_id_index" on "contract_material" ("contract_id");`);
    this.addSql(`alter table "contract_material" add constraint "contract_material_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade;`);
    this.addSql(`insert into "contract_material" select "id", "owner_id", "title", coalesce("text", ''), "content_hash", "created_at" from "material" where "owner_type" = 'CONTRACT';`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_draft_version_id_foreign";`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_draft_version_id_foreign" foreign key ("draft_version_id") references "draft_version" ("id") on update cascade;`);

    this.addSql(`alter table "legal_opinion" drop constraint "legal_opinion_reviewed_version_id_foreign";`);
    this.addSql(`alter table "legal_opinion" drop column "reviewed_version_id";`);

    this.addSql(`alter table "review_request" add column "proposal_id" uuid null, add column "contract_id" uuid null, add column "draft_version_id" uuid null, add column "contract_draft_id" uuid null, add column "draft_hash" varchar(64) null, add column "normative_document_id" uuid null, add column "normative_version_id" uuid null;`);
    this.addSql(`update "review_request" set "draft_hash" = "pinned_hash",
        "proposal_id" = case when "subject_type" = 'DECISION' then "subject_id" end,
        "draft_version_id" = case when "subject_type" = 'DECISION' then "pinned_version_id" end,
        "contract_id" = case when "subject_type" = 'CONTRACT' then "subject_id" end,
        "contract_draft_id" = case when "subject_type" = 'CONTRACT' then "pinned_version_id" end,
        "normative_document_id" = case when "subject_type" = 'NORMATIVE_DOCUMENT' then "subject_id" end,
        "normative_version_id" = case when "subject_type" = 'NORMATIVE_DOCUMENT' then "pinned_version_id" end;`);
    this.addSql(`drop index "review_request_one_open_per_subject";`);
    this.addSql(`drop index "review_request_subject_type_subject_id_index";`);
    this.addSql(`alter table "review_request" drop constraint "review_request_pinned_version_id_foreign";`);
    this.addSql(`alter table "review_request" drop column "subject_id", drop column "pinned_version_id", drop column "pinned_hash";`);
    this.addSql(`alter table "review_request" add constraint "review_request_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_draft_version_id_foreign" foreign key ("draft_version_id") references "draft_version" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_contract_draft_id_foreign" foreign key ("contract_draft_id") references "contract_draft" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_normative_document_id_foreign" foreign key ("normative_document_id") references "normative_document" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_normative_version_id_foreign" foreign key ("normative_version_id") references "normative_version" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "review_request_contract_id_index" on "review_request" ("contract_id");`);
    this.addSql(`create index "review_request_normative_document_id_index" on "review_request" ("normative_document_id");`);
    this.addSql(`create index "review_request_proposal_id_index" on "review_request" ("proposal_id");`);

    this.addSql(`drop table "text_version" cascade;`);
    this.addSql(`drop table "material" cascade;`);
  }
}
