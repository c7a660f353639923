import { Migration } from '@mikro-orm/migrations';

export class Migration20261126185216_DirectoryAndProposals extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "decision_directory" ("id" uuid not null, "year" int not null, "title" varchar(200) not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED')) not null default 'DRAFT', "party_approved_at" date null, "party_approval_reference" varchar(200) null, "published_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "decision_directory_pkey" primary key ("id"));`);
    this.addSql(`alter table "decision_directory" add constraint "decision_directory_year_unique" unique ("year");`);

    this.addSql(`create table "directory_item" ("id" uuid not null, "directory_id" uuid not null, "seq" int not null, "title" varchar(200) not null, "category" text check ("category" in ('PUBLIC_POLICY', 'IMPORTANT_PLAN', 'RESOURCE_POLICY', 'PUBLIC_CONSTRUCTION', 'OTHER_PUBLIC_INTEREST', 'FISCAL_MONETARY', 'LAW_MAKING', 'EMERGENCY_RESPONSE')) not null, "sponsor_department_id" uuid not null, "legal_basis" text not null, "planned_quarter" smallint not null, "reason" text not null, "status" text check ("status" in ('ACTIVE', 'WITHDRAWN')) not null default 'ACTIVE', "current_quarter" smallint not null, "added_by_adjustment" boolean not null default false, "version" int not null default 1, "created_at" timestamptz not null, constraint "directory_item_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_item_directory_id_index" on "directory_item" ("directory_id");`);
    this.addSql(`create index "directory_item_sponsor_department_id_index" on "directory_item" ("sponsor_department_id");`);
    this.addSql(`alter table "directory_item" add constraint "directory_item_directory_id_seq_unique" unique ("directory_id", "seq");`);

    this.addSql(`create table "directory_adjustment" ("id" uuid not null, "directory_id" uuid not null, "item_id" uuid not null, "kind" text check ("kind" in ('ADD', 'WITHDRAW', 'RESCHEDULE')) not null, "reason" text not null, "from_quarter" smallint null, "to_quarter" smallint null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, constraint "directory_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_adjustment_directory_id_index" on "directory_adjustment" ("directory_id");`);

    this.addSql(`create table "number_sequence" ("scope" varchar(100) not null, "last_value" int not null, constraint "number_sequence_pkey" primary key ("scope"));`);

    this.addSql(`create table "decision_proposal" ("id" uuid not null, "code" varchar(32) not null, "year" int not null, "title" varchar(200) not null, "source" text check ("source" in ('LEADERSHIP', 'DEPARTMENT', 'DEPUTIES_CPPCC', 'PUBLIC_SUGGESTION')) not null, "sponsor_department_id" uuid not null, "created_by_id" uuid not null, "problem" text not null, "legal_basis" text not null, "preliminary_plan" text not null, "necessity" text not null, "feasibility" text not null, "affects_public_interest" boolean not null default false, "specialised" boolean not null default false, "stability_risk" boolean not null default false, "touches_market_entities" boolean not null default false, "views_differ_widely" boolean not null default false, "added_procedures" text[] not null, "state" text check ("state" in ('AWAITING_INCLUSION', 'DECLINED', 'INCLUDED', 'LEGALITY_REVIEW_REQUESTED', 'WITHDRAWN')) not null default 'AWAITING_INCLUSION', "directory_item_id" uuid null, "decline_reason" text null, "current_draft_number" int not null default 0, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "decision_proposal_pkey" primary key ("id"));`);
    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_code_unique" unique ("code");`);
    this.addSql(`create index "decision_proposal_sponsor_department_id_index" on "decision_proposal" ("sponsor_department_id");`);
    this.addSql(`create index "decision_proposal_directory_item_id_index" on "decision_proposal" ("directory_item_id");`);
    this.addSql(`create index "decision_proposal_year_state_index" on "decision_proposal" ("year", "state");`);

    this.addSql(`create table "risk_assessment" ("id" uuid not null, "proposal_id" uuid not null, "round" int not null, "risk_points" text not null, "measures" text not null, "contingency_plan" text not null, "level" text check ("level" in ('LOW', 'MEDIUM', 'HIGH')) not null, "assessor" varchar(200) not null, "assessed_on" date not null, constraint "risk_assessment_pkey" primary key ("id"));`);
    this.addSql(`create index "risk_assessment_proposal_id_index" on "risk_assessment" ("proposal_id");`);

    this.addSql(`create table "public_consultation" ("id" uuid not null, "proposal_id" uuid not null, "starts_on" date not null, "ends_on" date not null, "channel" varchar(200) not null, "shortened_reason" text null, "adoption_summary" text null, "version" int not null default 1, constraint "public_consultation_pkey" primary key ("id"));`);
    this.addSql(`alter table "public_consultation" add constraint "public_consultation_proposal_id_unique" unique ("proposal_id");`);

    this.addSql(`create table "consultation_opinion" ("id" uuid not null, "consultation_id" uuid not null, "seq" int not null, "submitter" varchar(200) not null, "content" text not null, "received_on" date not null, "response" text check ("response" in ('ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED')) null, "response_reason" text null, constraint "consultation_opinion_pkey" primary key ("id"));`);
    this.addSql(`create index "consultation_opinion_consultation_id_index" on "consultation_opinion" ("consultation_id");`);

    this.addSql(`create table "proposal_disagreement" ("id" uuid not null, "proposal_id" uuid not null, "departments" varchar(300) not null, "description" text not null, "unresolved" boolean not null default true, "created_at" timestamptz not null, constraint "proposal_disagreement_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_disagreement_proposal_id_index" on "proposal_disagreement" ("proposal_id");`);

    this.addSql(`create table "proposal_alternative" ("id" uuid not null, "proposal_id" uuid not null, "title" varchar(200) not null, "description" text not null, "created_at" timestamptz not null, constraint "proposal_alternative_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_alternative_proposal_id_index" on "proposal_alternative" ("proposal_id");`);

    this.addSql(`create table "proposal_material" ("id" uuid not null, "proposal_id" uuid not null, "kind" text check ("kind" in ('DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION', 'CONSULTATION_REPORT', 'EXPERT_OPINIONS', 'RISK_REPORT', 'FAIR_COMPETITION_REVIEW', 'OTHER')) not null, "title" varchar(200) not null, "text" text null, "file_name" varchar(255) null, "mime_type" varchar(100) null, "size_bytes" int not null, "content_hash" varchar(64) not null, "storage" varchar(8) not null, "bytes" bytea null, "uploaded_by_id" uuid not null, "created_at" timestamptz not null, constraint "proposal_material_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_material_proposal_id_index" on "proposal_material" ("proposal_id");`);

    this.addSql(`create table "hearing" ("id" uuid not null, "proposal_id" uuid not null, "held_on" date not null, "participants" jsonb not null, "participants_published_on" date not null, "materials_sent_on" date not null, "record" text null, "record_signed" boolean not null default false, constraint "hearing_pkey" primary key ("id"));`);
    this.addSql(`alter table "hearing" add constraint "hearing_proposal_id_unique" unique ("proposal_id");`);

    this.addSql(`create table "fair_competition_review" ("id" uuid not null, "proposal_id" uuid not null, "conclusion" text check ("conclusion" in ('COMPLIANT', 'COMPLIANT_AFTER_CHANGES', 'NON_COMPLIANT')) not null, "reviewer" varchar(100) not null, "reviewed_on" date not null, "notes" text not null, constraint "fair_competition_review_pkey" primary key ("id"));`);
    this.addSql(`alter table "fair_competition_review" add constraint "fair_competition_review_proposal_id_unique" unique ("proposal_id");`);

    this.addSql(`create table "expert_opinion" ("id" uuid not null, "proposal_id" uuid not null, "expert_name" varchar(100) not null, "affiliation" varchar(200) not null, "conflict_declaration" text not null, "opinion" text not null, "signed_on" date not null, "adoption" text check ("adoption" in ('ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED')) null, "adoption_reason" text null, constraint "expert_opinion_pkey" primary key ("id"));`);
    this.addSql(`create index "expert_opinion_proposal_id_index" on "expert_opinion" ("proposal_id");`);

    this.addSql(`create table "draft_version" ("id" uuid not null, "proposal_id" uuid not null, "number" int not null, "text" text not null, "change_note" text not null, "author_id" uuid not null, "content_hash" varchar(64) not null, "created_at" timestamptz not null, constraint "draft_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "draft_version" add constraint "draft_version_proposal_id_number_unique" unique ("proposal_id", "number");`);

    this.addSql(`create table "review_request" ("id" uuid not null, "subject_type" text check ("subject_type" in ('DECISION', 'NORMATIVE_DOCUMENT', 'CONTRACT')) not null, "proposal_id" uuid null, "draft_version_id" uuid null, "draft_hash" varchar(64) null, "status" text check ("status" in ('SUBMITTED')) not null default 'SUBMITTED', "requested_by_id" uuid not null, "requested_at" timestamptz not null, constraint "review_request_pkey" primary key ("id"));`);
    this.addSql(`create index "review_request_proposal_id_index" on "review_request" ("proposal_id");`);

    this.addSql(`alter table "directory_item" add constraint "directory_item_directory_id_foreign" foreign key ("directory_id") references "decision_directory" ("id") on update cascade;`);
    this.addSql(`alter table "directory_item" add constraint "directory_item_sponsor_department_id_foreign" foreign key ("sponsor_department_id") references "department" ("id") on update cascade;`);

    this.addSql(`alter table "directory_adjustment" add constraint "directory_adjustment_directory_id_foreign" foreign key ("directory_id") references "decision_directory" ("id") on update cascade;`);
    this.addSql(`alter table "directory_adjustment" add constraint "directory_adjustment_item_id_foreign" foreign key ("item_id") references "directory_item" ("id") on update cascade;`);

    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_sponsor_department_id_foreign" foreign key ("sponsor_department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_directory_item_id_foreign" foreign key ("directory_item_id") references "directory_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "public_consultation" add constraint "public_consultation_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "consultation_opinion" add constraint "consultation_opinion_consultation_id_foreign" foreign key ("consultation_id") references "public_consultation" ("id") on update cascade;`);

    this.addSql(`alter table "proposal_disagreement" add constraint "proposal_disagreement_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "proposal_alternative" add constraint "proposal_alternative_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "proposal_material" add constraint "proposal_material_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`alter table "proposal_material" add constraint "proposal_material_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "hearing" add constraint "hearing_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "fair_competition_review" add constraint "fair_competition_review_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "expert_opinion" add constraint "expert_opinion_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);

    this.addSql(`alter table "draft_version" add constraint "draft_version_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`alter table "draft_version" add constraint "draft_version_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "review_request" add constraint "review_request_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_draft_version_id_foreign" foreign key ("draft_version_id") references "draft_version" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade;`);

    // Added by hand: a draft version is immutable once written (R-DEC-2); its hash is what a legal
    // opinion pins (R-DEC-9). The database refuses any change, whoever connects.
    this.addSql(`create function immutable_row_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is immutable: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger draft_version_immutable before update or delete on "draft_version" for each row execute function immutable_row_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists draft_version_immutable on "draft_version";`);
    this.addSql(`drop function if exists immutable_row_refuse_change();`);
    this.addSql(`alter table "directory_item" drop constraint "directory_item_directory_id_foreign";`);

    this.addSql(`alter table "directory_adjustment" drop constraint "directory_adjustment_directory_id_foreign";`);

    this.addSql(`alter table "directory_adjustment" drop constraint "directory_adjustment_item_id_foreign";`);

    this.addSql(`alter table "decision_proposal" drop constraint "decision_proposal_directory_item_id_foreign";`);

    this.addSql(`alter table "risk_assessment" drop constraint "risk_assessment_proposal_id_foreign";`);

    this.addSql(`alter table "public_consultation" drop constraint "public_consultation_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_disagreement" drop constraint "proposal_disagreement_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_alternative" drop constraint "proposal_alternative_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_material" drop constraint "proposal_material_proposal_id_foreign";`);

    this.addSql(`alter table "hearing" drop constraint "hearing_proposal_id_foreign";`);

    this.addSql(`alter table "fair_competition_review" drop constraint "fair_competition_review_proposal_id_foreign";`);

    this.addSql(`alter table "expert_opinion" drop constraint "expert_opinion_proposal_id_foreign";`);

    this.addSql(`alter table "draft_version" drop constraint "draft_version_proposal_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_proposal_id_foreign";`);

    this.addSql(`alter table "consultation_opinion" drop constraint "consultation_opinion_consultation_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_draft_version_id_foreign";`);

    this.addSql(`drop table if exists "decision_directory" cascade;`);

    this.addSql(`drop table if exists "directory_item" cascade;`);

    this.addSql(`drop table if exists "directory_adjustment" cascade;`);

    this.addSql(`drop table if exists "number_sequence" cascade;`);

    this.addSql(`drop table if exists "decision_proposal" cascade;`);

    this.addSql(`drop table if exists "risk_assessment" cascade;`);

    this.addSql(`drop table if exists "public_consultation" cascade;`);

    this.addSql(`drop table if exists "consultation_opinion" cascade;`);

    this.addSql(`drop table if exists "proposal_disagreement" cascade;`);

    this.addSql(`drop table if exists "proposal_alternative" cascade;`);

    this.addSql(`drop table if exists "proposal_material" cascade;`);

    this.addSql(`drop table if exists "hearing" cascade;`);

    this.addSql(`drop table if exists "fair_competition_review" cascade;`);

    this.addSql(`drop table if exists "expert_opinion" cascade;`);

    this.addSql(`drop table if exists "draft_version" cascade;`);

    this.addSql(`drop table if exists "review_request" cascade;`);
  }

}
