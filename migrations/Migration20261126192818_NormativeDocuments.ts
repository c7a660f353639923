import { Migration } from '@mikro-orm/migrations';

export class Migration20261126192818_NormativeDocuments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cleanup_campaign" ("id" uuid not null, "title" varchar(200) not null, "started_on" date not null, constraint "cleanup_campaign_pkey" primary key ("id"));`);

    this.addSql(`create table "normative_document" ("id" uuid not null, "title" varchar(200) not null, "issuer" text check ("issuer" in ('STREET_OFFICE', 'PARTY_WORKING_COMMITTEE')) not null, "joint_issuers" varchar(300) null, "sponsor_department_id" uuid not null, "created_by_id" uuid not null, "originating_proposal_id" uuid null, "state" text check ("state" in ('DRAFTING', 'RELEASED', 'REPEALED', 'AMENDED')) not null default 'DRAFTING', "current_version_number" int not null default 0, "affects_businesses_or_public" boolean not null default false, "touches_market_entities" boolean not null default false, "assessment_answers" jsonb null, "assessed_verdict" text check ("assessed_verdict" in ('FILING_REQUIRED', 'NOT_REQUIRED', 'NEEDS_CONFIRMATION')) null, "assessment_reasons" jsonb null, "red_flags" jsonb null, "red_flag_count" int not null default 0, "confirmed_verdict" text check ("confirmed_verdict" in ('FILING_REQUIRED', 'NOT_REQUIRED', 'NEEDS_CONFIRMATION')) null, "override_reason" text null, "confirmed_by_id" uuid null, "public_comment_starts_on" date null, "public_comment_ends_on" date null, "fair_competition_reviewed_on" date null, "deliberated_on" date null, "deliberation_reference" varchar(200) null, "effective_on" date null, "valid_until" date null, "urgent_reason" text null, "registration_number" varchar(64) null, "registered_on" date null, "published_on" date null, "publication_channel" varchar(200) null, "ended_on" date null, "replaced_by_id" uuid null, "replaces_id" uuid null, "version" int not null default 1, "created_at" timestamptz not null, constraint "normative_document_pkey" primary key ("id"));`);
    this.addSql(`create index "normative_document_sponsor_department_id_index" on "normative_document" ("sponsor_department_id");`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_registration_number_unique" unique ("registration_number");`);
    this.addSql(`create index "normative_document_state_published_on_index" on "normative_document" ("state", "published_on");`);

    this.addSql(`create table "normative_version" ("id" uuid not null, "document_id" uuid not null, "number" int not null, "text" text not null, "content_hash" varchar(64) not null, "change_note" text not null, "author_id" uuid not null, "created_at" timestamptz not null, constraint "normative_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "normative_version" add constraint "normative_version_document_id_number_unique" unique ("document_id", "number");`);

    this.addSql(`create table "filing_material" ("id" uuid not null, "document_id" uuid not null, "kind" text check ("kind" in ('FILING_REPORT', 'OFFICIAL_TEXT', 'DRAFTING_EXPLANATION', 'LEGAL_BASIS_STATEMENT', 'OTHER')) not null, "text" text not null, "content_hash" varchar(64) not null, constraint "filing_material_pkey" primary key ("id"));`);
    this.addSql(`create index "filing_material_document_id_index" on "filing_material" ("document_id");`);
    this.addSql(`alter table "filing_material" add constraint "filing_material_document_id_kind_unique" unique ("document_id", "kind");`);

    this.addSql(`create table "filing" ("id" uuid not null, "document_id" uuid not null, "authority" varchar(200) not null, "filed_on" date not null, "materials" jsonb not null, "status" text check ("status" in ('FILED', 'REGISTERED', 'DEFERRED', 'REVIEWED_NO_ISSUE', 'CORRECTION_REQUIRED', 'CORRECTION_CLOSED')) not null default 'FILED', "deferred_on" date null, "deferral_reason" text null, "corrected_on" date null, "registered_on" date null, "correction_request" text null, "reviewed_on" date null, "correction_closed_on" date null, "version" int not null default 1, constraint "filing_pkey" primary key ("id"));`);
    this.addSql(`alter table "filing" add constraint "filing_document_id_unique" unique ("document_id");`);

    this.addSql(`create table "cleanup_entry" ("id" uuid not null, "campaign_id" uuid not null, "document_id" uuid not null, "outcome" text check ("outcome" in ('KEEP', 'AMEND', 'REPEAL')) not null, "reason" text not null, constraint "cleanup_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "cleanup_entry_campaign_id_index" on "cleanup_entry" ("campaign_id");`);
    this.addSql(`alter table "cleanup_entry" add constraint "cleanup_entry_campaign_id_document_id_unique" unique ("campaign_id", "document_id");`);

    this.addSql(`alter table "normative_document" add constraint "normative_document_sponsor_department_id_foreign" foreign key ("sponsor_department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_originating_proposal_id_foreign" foreign key ("originating_proposal_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_replaced_by_id_foreign" foreign key ("replaced_by_id") references "normative_document" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "normative_document" add constraint "normative_document_replaces_id_foreign" foreign key ("replaces_id") references "normative_document" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "normative_version" add constraint "normative_version_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);
    this.addSql(`alter table "normative_version" add constraint "normative_version_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "filing_material" add constraint "filing_material_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);

    this.addSql(`alter table "filing" add constraint "filing_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);

    this.addSql(`alter table "cleanup_entry" add constraint "cleanup_entry_campaign_id_foreign" foreign key ("campaign_id") references "cleanup_campaign" ("id") on update cascade;`);
    this.addSql(`alter table "cleanup_entry" add constraint "cleanup_entry_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);

    this.addSql(`alter table "review_request" add column "normative_document_id" uuid null, add column "normative_version_id" uuid null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_normative_document_id_foreign" foreign key ("normative_document_id") references "normative_document" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_normative_version_id_foreign" foreign key ("normative_version_id") references "normative_version" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "review_request_normative_document_id_index" on "review_request" ("normative_document_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cleanup_entry" drop constraint "cleanup_entry_campaign_id_foreign";`);

    this.addSql(`alter table "normative_document" drop constraint "normative_document_replaced_by_id_foreign";`);

    this.addSql(`alter table "normative_document" drop constraint "normative_document_replaces_id_foreign";`);

    this.addSql(`alter table "normative_version" drop constraint "normative_version_document_id_foreign";`);

    this.addSql(`alter table "filing_material" drop constraint "filing_material_document_id_foreign";`);

    this.addSql(`alter table "filing" drop constraint "filing_document_id_foreign";`);

    this.addSql(`alter table "cleanup_entry" drop constraint "cleanup_entry_document_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_normative_document_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_normative_version_id_foreign";`);

    this.addSql(`drop table if exists "cleanup_campaign" cascade;`);

    this.addSql(`drop table if exists "normative_document" cascade;`);

    this.addSql(`drop table if exists "normative_version" cascade;`);

    this.addSql(`drop table if exists "filing_material" cascade;`);

    this.addSql(`drop table if exists "filing" cascade;`);

    this.addSql(`drop table if exists "cleanup_entry" cascade;`);

    this.addSql(`drop index "review_request_normative_document_id_index";`);
    this.addSql(`alter table "review_request" drop column "normative_document_id", drop column "normative_version_id";`);
  }

}
