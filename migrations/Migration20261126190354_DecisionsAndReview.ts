import { Migration } from '@mikro-orm/migrations';

export class Migration20261126190354_DecisionsAndReview extends Migration {

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

    this.addSql(`create table "decision_proposal" ("id" uuid not null, "code" varchar(32) not null, "year" int not null, "title" varchar(200) not null, "source" text check ("source" in ('LEADERSHIP', 'DEPARTMENT', 'DEPUTIES_CPPCC', 'PUBLIC_SUGGESTION')) not null, "sponsor_department_id" uuid not null, "created_by_id" uuid not null, "problem" text not null, "legal_basis" text not null, "preliminary_plan" text not null, "necessity" text not null, "feasibility" text not null, "affects_public_interest" boolean not null default false, "specialised" boolean not null default false, "stability_risk" boolean not null default false, "touches_market_entities" boolean not null default false, "views_differ_widely" boolean not null default false, "added_procedures" text[] not null, "state" text check ("state" in ('AWAITING_INCLUSION', 'DECLINED', 'INCLUDED', 'LEGALITY_REVIEW_REQUESTED', 'LEGALITY_REVIEWED', 'WITHDRAWN')) not null default 'AWAITING_INCLUSION', "directory_item_id" uuid null, "decline_reason" text null, "current_draft_number" int not null default 0, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "decision_proposal_pkey" primary key ("id"));`);
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

    this.addSql(`create table "contract" ("id" uuid not null, "code" varchar(32) not null, "title" varchar(200) not null, "counterparty" varchar(200) not null, "amount" numeric(16,2) not null, "department_id" uuid not null, "created_by_id" uuid not null, "current_draft_number" int not null default 0, "version" int not null default 1, "created_at" timestamptz not null, constraint "contract_pkey" primary key ("id"));`);
    this.addSql(`alter table "contract" add constraint "contract_code_unique" unique ("code");`);
    this.addSql(`create index "contract_department_id_index" on "contract" ("department_id");`);

    this.addSql(`create table "contract_material" ("id" uuid not null, "contract_id" uuid not null, "title" varchar(200) not null, "text" text not null, "content_hash" varchar(64) not null, "created_at" timestamptz not null, constraint "contract_material_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_material_contract_id_index" on "contract_material" ("contract_id");`);

    this.addSql(`create table "contract_draft" ("id" uuid not null, "contract_id" uuid not null, "number" int not null, "text" text not null, "change_note" text not null, "content_hash" varchar(64) not null, "author_id" uuid not null, "created_at" timestamptz not null, constraint "contract_draft_pkey" primary key ("id"));`);
    this.addSql(`alter table "contract_draft" add constraint "contract_draft_contract_id_number_unique" unique ("contract_id", "number");`);

    this.addSql(`create table "review_request" ("id" uuid not null, "code" varchar(32) not null, "subject_type" text check ("subject_type" in ('DECISION', 'NORMATIVE_DOCUMENT', 'CONTRACT')) not null, "subject_title" varchar(200) not null, "proposal_id" uuid null, "contract_id" uuid null, "draft_version_id" uuid null, "contract_draft_id" uuid null, "draft_hash" varchar(64) null, "pinned_materials" jsonb not null, "department_id" uuid not null, "status" text check ("status" in ('FIRST_REVIEW', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'OPINION_ISSUED')) not null default 'SUBMITTED', "requested_by_id" uuid not null, "requested_at" timestamptz not null, "requested_completion_on" date null, "first_review_note" text null, "first_reviewed_by_id" uuid null, "assigned_to_id" uuid null, "accepted_on" date null, "returned_on" date null, "return_reason" text null, "paused_working_days" int not null default 0, "extension_working_days" int not null default 0, "extension_reason" text null, "due_on" date null, "due_sort_key" varchar(10) not null, "opinion_issued_on" date null, "version" int not null default 1, constraint "review_request_pkey" primary key ("id"));`);
    this.addSql(`alter table "review_request" add constraint "review_request_code_unique" unique ("code");`);
    this.addSql(`create index "review_request_proposal_id_index" on "review_request" ("proposal_id");`);
    this.addSql(`create index "review_request_contract_id_index" on "review_request" ("contract_id");`);
    this.addSql(`create index "review_request_department_id_index" on "review_request" ("department_id");`);
    this.addSql(`create index "review_request_assigned_to_id_index" on "review_request" ("assigned_to_id");`);
    this.addSql(`create index "review_request_status_due_sort_key_index" on "review_request" ("status", "due_sort_key");`);

    this.addSql(`create table "legal_opinion" ("id" uuid not null, "review_id" uuid not null, "number" int not null, "status" text check ("status" in ('DRAFT', 'ISSUED')) not null default 'DRAFT', "conclusion" text check ("conclusion" in ('LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED')) not null, "text" text not null, "reviewed_draft_hash" varchar(64) not null, "author_id" uuid not null, "signed_by_id" uuid null, "issued_at" timestamptz null, "supersedes_id" uuid null, "superseded" boolean not null default false, "version" int not null default 1, constraint "legal_opinion_pkey" primary key ("id"));`);
    this.addSql(`create index "legal_opinion_review_id_index" on "legal_opinion" ("review_id");`);
    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_review_id_number_unique" unique ("review_id", "number");`);

    this.addSql(`create table "opinion_finding" ("id" uuid not null, "opinion_id" uuid not null, "seq" int not null, "aspect" text check ("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT')) not null, "must_fix" boolean not null, "text" text not null, "law_name" varchar(200) not null, "article" varchar(100) not null, "response" text check ("response" in ('ADOPTED', 'NOT_ADOPTED')) null, "response_reason" text null, "responded_at" timestamptz null, constraint "opinion_finding_pkey" primary key ("id"));`);
    this.addSql(`create index "opinion_finding_opinion_id_index" on "opinion_finding" ("opinion_id");`);
    this.addSql(`alter table "opinion_finding" add constraint "opinion_finding_opinion_id_seq_unique" unique ("opinion_id", "seq");`);

    this.addSql(`create table "opinion_confirmation" ("id" uuid not null, "opinion_id" uuid not null, "draft_hash" varchar(64) not null, "note" text not null, "confirmed_by_id" uuid not null, "confirmed_at" timestamptz not null, constraint "opinion_confirmation_pkey" primary key ("id"));`);
    this.addSql(`create index "opinion_confirmation_opinion_id_index" on "opinion_confirmation" ("opinion_id");`);

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

    this.addSql(`alter table "contract" add constraint "contract_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "contract" add constraint "contract_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "contract_material" add constraint "contract_material_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade;`);

    this.addSql(`alter table "contract_draft" add constraint "contract_draft_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade;`);
    this.addSql(`alter table "contract_draft" add constraint "contract_draft_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "review_request" add constraint "review_request_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_draft_version_id_foreign" foreign key ("draft_version_id") references "draft_version" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_contract_draft_id_foreign" foreign key ("contract_draft_id") references "contract_draft" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "review_request" add constraint "review_request_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "review_request" add constraint "review_request_first_reviewed_by_id_foreign" foreign key ("first_reviewed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "review_request" add constraint "review_request_assigned_to_id_foreign" foreign key ("assigned_to_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_review_id_foreign" foreign key ("review_id") references "review_request" ("id") on update cascade;`);
    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_supersedes_id_foreign" foreign key ("supersedes_id") references "legal_opinion" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "opinion_finding" add constraint "opinion_finding_opinion_id_foreign" foreign key ("opinion_id") references "legal_opinion" ("id") on update cascade;`);

    this.addSql(`alter table "opinion_confirmation" add constraint "opinion_confirmation_opinion_id_foreign" foreign key ("opinion_id") references "legal_opinion" ("id") on update cascade;`);
    this.addSql(`alter table "opinion_confirmation" add constraint "opinion_confirmation_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "app_user" ("id") on update cascade;`);

    // Added by hand: a draft version is immutable once written (R-DEC-2); its hash is what a legal
    // opinion pins (R-DEC-9). The database refuses any change, whoever connects.
    this.addSql(`create function immutable_row_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is immutable: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger draft_version_immutable before update or delete on "draft_version" for each row execute function immutable_row_refuse_change();`);
    this.addSql(`create trigger contract_draft_immutable before update or delete on "contract_draft" for each row execute function immutable_row_refuse_change();`);

    // Added by hand: an issued legal opinion and its findings are immutable (R-LR-5). Only the
    // "superseded" mark of a corrected opinion and the drafter's answers to findings may change.
    this.addSql(`create function legal_opinion_guard() returns trigger language plpgsql as $$
begin
  if old.status = 'ISSUED' then
    if tg_op = 'DELETE' or (new.status, new.conclusion, new.text, new.reviewed_draft_hash, new.signed_by_id, new.issued_at, new.supersedes_id, new.number, new.review_id, new.author_id)
        is distinct from (old.status, old.conclusion, old.text, old.reviewed_draft_hash, old.signed_by_id, old.issued_at, old.supersedes_id, old.number, old.review_id, old.author_id) then
      raise exception 'legal_opinion is issued and immutable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end if;
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger legal_opinion_issued_immutable before update or delete on "legal_opinion" for each row execute function legal_opinion_guard();`);
    this.addSql(`create function opinion_finding_guard() returns trigger language plpgsql as $$
declare
  parent_status text;
begin
  select status into parent_status from legal_opinion where id = coalesce(new.opinion_id, old.opinion_id);
  if parent_status = 'ISSUED' then
    if tg_op <> 'UPDATE' or (new.opinion_id, new.seq, new.aspect, new.must_fix, new.text, new.law_name, new.article)
        is distinct from (old.opinion_id, old.seq, old.aspect, old.must_fix, old.text, old.law_name, old.article) then
      raise exception 'findings of an issued legal opinion are immutable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end if;
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger opinion_finding_issued_immutable before insert or update or delete on "opinion_finding" for each row execute function opinion_finding_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists opinion_finding_issued_immutable on "opinion_finding";`);
    this.addSql(`drop function if exists opinion_finding_guard();`);
    this.addSql(`drop trigger if exists legal_opinion_issued_immutable on "legal_opinion";`);
    this.addSql(`drop function if exists legal_opinion_guard();`);
    this.addSql(`drop trigger if exists draft_version_immutable on "draft_version";`);
    this.addSql(`drop trigger if exists contract_draft_immutable on "contract_draft";`);
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

    this.addSql(`alter table "contract_material" drop constraint "contract_material_contract_id_foreign";`);

    this.addSql(`alter table "contract_draft" drop constraint "contract_draft_contract_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_contract_id_foreign";`);

    this.addSql(`alter table "review_request" drop constraint "review_request_contract_draft_id_foreign";`);

    this.addSql(`alter table "legal_opinion" drop constraint "legal_opinion_review_id_foreign";`);

    this.addSql(`alter table "legal_opinion" drop constraint "legal_opinion_supersedes_id_foreign";`);

    this.addSql(`alter table "opinion_finding" drop constraint "opinion_finding_opinion_id_foreign";`);

    this.addSql(`alter table "opinion_confirmation" drop constraint "opinion_confirmation_opinion_id_foreign";`);

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

    this.addSql(`drop table if exists "contract" cascade;`);

    this.addSql(`drop table if exists "contract_material" cascade;`);

    this.addSql(`drop table if exists "contract_draft" cascade;`);

    this.addSql(`drop table if exists "review_request" cascade;`);

    this.addSql(`drop table if exists "legal_opinion" cascade;`);

    this.addSql(`drop table if exists "opinion_finding" cascade;`);

    this.addSql(`drop table if exists "opinion_confirmation" cascade;`);
  }

}
