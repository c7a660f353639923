import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #11, item 8: major law-enforcement decisions (重大执法决定法制审核, R-EN-1…4) — the enforcement
 * case with its evidence list, officers and procedure record, and the review engine's additive
 * values (the ENFORCEMENT_DECISION subject type, the four enforcement conclusions, the enforcement
 * aspects). Added by hand: a decided case is a record (R-EN-4) — the database refuses any change
 * of it, or of its evidence, officers and procedure record, and its removal, whoever connects.
 */
export class Migration20261128030639_EnforcementCases extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "enforcement_case" ("id" uuid not null, "code" varchar(32) not null, "title" varchar(200) not null, "department_id" uuid not null, "state" text check ("state" in ('INVESTIGATING', 'UNDER_REVIEW', 'REVIEWED', 'DECIDED')) not null default 'INVESTIGATING', "party_kind" text check ("party_kind" in ('INDIVIDUAL', 'ORGANISATION')) not null, "party_name" varchar(200) not null, "party_id_number" varchar(50) null, "facts_found" text null, "legal_basis_law" varchar(200) null, "legal_basis_article" varchar(200) null, "discretion_standard" text null, "major_public_interest" boolean not null default false, "social_risk" boolean not null default false, "complex_case" boolean not null default false, "hearing_required" boolean not null default false, "measure_kinds" jsonb not null, "fine_amount" numeric(16,2) null, "confiscation_value" numeric(16,2) null, "current_decision_number" int not null default 0, "submitted_voluntarily" boolean null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "decided_on" date null, "decided_by_id" uuid null, "decided_version_number" int null, "decided_hash" varchar(64) null, "opinion_id" uuid null, "opinion_conclusion" text check ("opinion_conclusion" in ('LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED', 'AGREED', 'AGREED_WITH_AMENDMENTS', 'RETURNED_FOR_FURTHER_INVESTIGATION', 'NOT_AGREED')) null, "departs_from_opinion" boolean null, "discussion_meeting_id" uuid null, "discussion_conclusion" text null, "discussion_reason" text null, "version" int not null default 1, constraint "enforcement_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_code_unique" unique ("code");`);
    this.addSql(`create index "enforcement_case_department_id_created_at_index" on "enforcement_case" ("department_id", "created_at");`);

    this.addSql(`create table "enforcement_procedure_record" ("id" uuid not null, "case_id" uuid not null, "seq" int not null, "kind" text check ("kind" in ('INVESTIGATION', 'RIGHTS_NOTIFICATION', 'STATEMENT_AND_DEFENCE', 'HEARING')) not null, "occurred_on" date not null, "note" text not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "enforcement_procedure_record_pkey" primary key ("id"));`);
    this.addSql(`create index "enforcement_procedure_record_case_id_index" on "enforcement_procedure_record" ("case_id");`);
    this.addSql(`alter table "enforcement_procedure_record" add constraint "enforcement_procedure_record_case_id_seq_unique" unique ("case_id", "seq");`);

    this.addSql(`create table "enforcement_officer" ("id" uuid not null, "case_id" uuid not null, "seq" int not null, "name" varchar(50) not null, "certificate_number" varchar(50) not null, "certificate_valid_until" date null, "added_at" timestamptz not null, constraint "enforcement_officer_pkey" primary key ("id"));`);
    this.addSql(`create index "enforcement_officer_case_id_index" on "enforcement_officer" ("case_id");`);
    this.addSql(`alter table "enforcement_officer" add constraint "enforcement_officer_case_id_certificate_number_unique" unique ("case_id", "certificate_number");`);

    this.addSql(`create table "enforcement_evidence" ("id" uuid not null, "case_id" uuid not null, "seq" int not null, "kind" text check ("kind" in ('DOCUMENTARY', 'PHYSICAL', 'AUDIO_VISUAL', 'ELECTRONIC_DATA', 'WITNESS_TESTIMONY', 'PARTY_STATEMENT', 'EXPERT_OPINION', 'INSPECTION_RECORD')) not null, "title" varchar(200) not null, "description" text not null, "obtained_on" date not null, "added_by_id" uuid not null, "added_at" timestamptz not null, constraint "enforcement_evidence_pkey" primary key ("id"));`);
    this.addSql(`create index "enforcement_evidence_case_id_index" on "enforcement_evidence" ("case_id");`);
    this.addSql(`alter table "enforcement_evidence" add constraint "enforcement_evidence_case_id_seq_unique" unique ("case_id", "seq");`);

    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_opinion_id_foreign" foreign key ("opinion_id") references "legal_opinion" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_discussion_meeting_id_foreign" foreign key ("discussion_meeting_id") references "meeting" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "enforcement_procedure_record" add constraint "enforcement_procedure_record_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_procedure_record" add constraint "enforcement_procedure_record_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "enforcement_officer" add constraint "enforcement_officer_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);

    this.addSql(`alter table "enforcement_evidence" add constraint "enforcement_evidence_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_evidence" add constraint "enforcement_evidence_added_by_id_foreign" foreign key ("added_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "review_request" drop constraint if exists "review_request_subject_type_check";`);

    this.addSql(`alter table "legal_opinion" drop constraint if exists "legal_opinion_conclusion_check";`);

    this.addSql(`alter table "opinion_finding" drop constraint if exists "opinion_finding_aspect_check";`);

    this.addSql(`alter table "review_request" add constraint "review_request_subject_type_check" check("subject_type" in ('DECISION', 'NORMATIVE_DOCUMENT', 'CONTRACT', 'ENFORCEMENT_DECISION'));`);

    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_conclusion_check" check("conclusion" in ('LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED', 'AGREED', 'AGREED_WITH_AMENDMENTS', 'RETURNED_FOR_FURTHER_INVESTIGATION', 'NOT_AGREED'));`);

    this.addSql(`alter table "opinion_finding" add constraint "opinion_finding_aspect_check" check("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT', 'FACTS_AND_EVIDENCE', 'LEGAL_BASIS', 'DISCRETION', 'DOCUMENTS'));`);

    // ---- by hand: a decided enforcement case never changes, nor does its package (R-EN-4)
    this.addSql(`create function enforcement_case_guard() returns trigger language plpgsql as $$
begin
  if old.state = 'DECIDED' then
    raise exception 'enforcement case % is decided and immutable: % is not allowed', old.id, tg_op using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger enforcement_case_decided_immutable before update or delete on "enforcement_case" for each row execute function enforcement_case_guard();`);
    this.addSql(`create function enforcement_package_guard() returns trigger language plpgsql as $$
begin
  if exists (select 1 from enforcement_case c where c.state = 'DECIDED'
              and c.id in (case when tg_op <> 'INSERT' then old.case_id end, case when tg_op <> 'DELETE' then new.case_id end)) then
    raise exception 'the enforcement case is decided and immutable: % on % is not allowed', tg_op, tg_table_name using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    for (const table of ['enforcement_evidence', 'enforcement_officer', 'enforcement_procedure_record']) {
      this.addSql(`create trigger "${table}_decided_immutable" before insert or update or delete on "${table}" for each row execute function enforcement_package_guard();`);
    }
    for (const table of ['enforcement_case', 'enforcement_evidence', 'enforcement_officer', 'enforcement_procedure_record']) {
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function immutable_row_refuse_change();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists enforcement_package_guard() cascade;`);
    this.addSql(`drop function if exists enforcement_case_guard() cascade;`);
    this.addSql(`alter table "enforcement_procedure_record" drop constraint "enforcement_procedure_record_case_id_foreign";`);

    this.addSql(`alter table "enforcement_officer" drop constraint "enforcement_officer_case_id_foreign";`);

    this.addSql(`alter table "enforcement_evidence" drop constraint "enforcement_evidence_case_id_foreign";`);

    this.addSql(`drop table if exists "enforcement_case" cascade;`);

    this.addSql(`drop table if exists "enforcement_procedure_record" cascade;`);

    this.addSql(`drop table if exists "enforcement_officer" cascade;`);

    this.addSql(`drop table if exists "enforcement_evidence" cascade;`);

    this.addSql(`alter table "legal_opinion" drop constraint if exists "legal_opinion_conclusion_check";`);

    this.addSql(`alter table "opinion_finding" drop constraint if exists "opinion_finding_aspect_check";`);

    this.addSql(`alter table "review_request" drop constraint if exists "review_request_subject_type_check";`);

    this.addSql(`alter table "legal_opinion" add constraint "legal_opinion_conclusion_check" check("conclusion" in ('LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED'));`);

    this.addSql(`alter table "opinion_finding" add constraint "opinion_finding_aspect_check" check("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT'));`);

    this.addSql(`alter table "review_request" add constraint "review_request_subject_type_check" check("subject_type" in ('DECISION', 'NORMATIVE_DOCUMENT', 'CONTRACT'));`);
  }

}
