import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #11 (R-DEC-11, R-DEC-12): standing deliberating bodies with dated membership and headship
 * periods; a meeting's roll taken from its body (role, position held, reason for absence), its head
 * and a recorded delegation of the chair; conditions of conditional support; the changes an approval
 * with changes requires, and the amended texts confirmed before sign-off.
 *
 * Existing meetings are migrated as their record says: one body per kind that met; every user on a
 * roll becomes a member from the first meeting of that body they were called to (their membership
 * left open — administrators end what has ended); the chairs become the heads, one period per run of
 * meetings with the same chair; each meeting's head is its chair; absences keep a note that no
 * reason was recorded; a conditional support takes its remarks as its condition. The immutability
 * triggers of finalised meetings are paused for this one data migration only. By hand besides the
 * generated DDL: that data migration, the immutability of the new history tables and of an
 * amendment's confirmed facts, and the decision guard extended to the amended and signed versions.
 */
export class Migration20261128030644_StandingBodiesAndAmendments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "standing_body" ("id" uuid not null, "kind" text check ("kind" in ('PARTY_WORKING_COMMITTEE', 'DIRECTORS_OFFICE')) not null, "name" varchar(100) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "standing_body_pkey" primary key ("id"));`);
    this.addSql(`alter table "standing_body" add constraint "standing_body_kind_unique" unique ("kind");`);

    this.addSql(`create table "decision_amendment" ("id" uuid not null, "decision_id" uuid not null, "seq" int not null, "draft_version_id" uuid not null, "draft_number" int not null, "draft_hash" varchar(64) not null, "explanation" text not null, "opinion_id" uuid null, "concerned_finding_ids" jsonb not null, "legal_confirmation_required" boolean not null, "legal_confirmation_basis" text null, "submitted_by_id" uuid not null, "submitted_at" timestamptz not null, "advisor_confirmed_by_id" uuid null, "advisor_confirmed_at" timestamptz null, "advisor_note" text null, "chair_confirmed_by_id" uuid null, "chair_confirmed_at" timestamptz null, "chair_note" text null, "returned_by_id" uuid null, "returned_at" timestamptz null, "return_reason" text null, constraint "decision_amendment_pkey" primary key ("id"));`);
    this.addSql(`create index "decision_amendment_decision_id_index" on "decision_amendment" ("decision_id");`);
    this.addSql(`create unique index "decision_amendment_one_pending" on "decision_amendment" ("decision_id") where "returned_at" is null and "chair_confirmed_at" is null;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_decision_id_seq_unique" unique ("decision_id", "seq");`);

    this.addSql(`create table "body_membership" ("id" uuid not null, "body_id" uuid not null, "user_id" uuid not null, "deputy" boolean not null, "title" varchar(100) not null, "started_on" date not null, "ended_on" date null, "end_reason" text null, "created_at" timestamptz not null, constraint "body_membership_pkey" primary key ("id"));`);
    this.addSql(`create index "body_membership_body_id_index" on "body_membership" ("body_id");`);
    this.addSql(`create index "body_membership_user_id_index" on "body_membership" ("user_id");`);
    this.addSql(`create unique index "body_membership_one_open_per_member" on "body_membership" ("body_id", "user_id") where "ended_on" is null;`);

    this.addSql(`create table "body_headship" ("id" uuid not null, "body_id" uuid not null, "user_id" uuid not null, "started_on" date not null, "ended_on" date null, "created_at" timestamptz not null, constraint "body_headship_pkey" primary key ("id"));`);
    this.addSql(`create index "body_headship_body_id_index" on "body_headship" ("body_id");`);
    this.addSql(`create unique index "body_headship_one_open_per_body" on "body_headship" ("body_id") where "ended_on" is null;`);

    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_draft_version_id_foreign" foreign key ("draft_version_id") references "text_version" ("id") on update cascade;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_opinion_id_foreign" foreign key ("opinion_id") references "legal_opinion" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_advisor_confirmed_by_id_foreign" foreign key ("advisor_confirmed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_chair_confirmed_by_id_foreign" foreign key ("chair_confirmed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision_amendment" add constraint "decision_amendment_returned_by_id_foreign" foreign key ("returned_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "body_membership" add constraint "body_membership_body_id_foreign" foreign key ("body_id") references "standing_body" ("id") on update cascade;`);
    this.addSql(`alter table "body_membership" add constraint "body_membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "body_headship" add constraint "body_headship_body_id_foreign" foreign key ("body_id") references "standing_body" ("id") on update cascade;`);
    this.addSql(`alter table "body_headship" add constraint "body_headship_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "decision" drop constraint if exists "decision_status_check";`);

    // ---- meetings: columns first nullable, filled from the record, then constrained
    this.addSql(`alter table "meeting" add column "standing_body_id" uuid null, add column "head_id" uuid null, add column "chair_delegation" text null;`);
    this.addSql(`alter table "meeting_member" add column "seq" int null, add column "role" text null, add column "title" varchar(100) null, add column "absence_reason" text null;`);
    this.addSql(`alter table "agenda_item" add column "required_changes" text null;`);
    this.addSql(`alter table "member_position" add column "condition" text null;`);

    this.addSql(`alter table "meeting" disable trigger "meeting_finalised_immutable";`);
    this.addSql(`alter table "meeting_member" disable trigger "meeting_member_finalised_immutable";`);
    this.addSql(`alter table "member_position" disable trigger "member_position_finalised_immutable";`);
    this.addSql(`insert into "standing_body" ("id", "kind", "name", "version", "created_at", "updated_at")
      select gen_random_uuid(), k.body, case k.body when 'PARTY_WORKING_COMMITTEE' then '党工委会议' else '主任办公会议' end, 1, now(), now()
      from (select distinct "body" from "meeting") k;`);
    this.addSql(`update "meeting" m set "standing_body_id" = b."id", "head_id" = m."chair_id" from "standing_body" b where b."kind" = m."body";`);
    this.addSql(`insert into "body_membership" ("id", "body_id", "user_id", "deputy", "title", "started_on", "created_at")
      select gen_random_uuid(), m."standing_body_id", mm."user_id", false, '（迁移前未记录职务）', min(m."held_on"), now()
      from "meeting_member" mm join "meeting" m on m."id" = mm."meeting_id"
      group by m."standing_body_id", mm."user_id";`);
    this.addSql(`with ordered as (
        select "standing_body_id" as body_id, "chair_id", "held_on",
               lag("chair_id") over (partition by "standing_body_id" order by "held_on", "created_at", "id") as prev_chair
        from "meeting"),
      starts as (select body_id, "chair_id", "held_on" as started_on from ordered where prev_chair is null or prev_chair <> "chair_id"),
      periods as (select body_id, "chair_id", started_on, lead(started_on) over (partition by body_id order by started_on) as next_start from starts)
      insert into "body_headship" ("id", "body_id", "user_id", "started_on", "ended_on", "created_at")
      select gen_random_uuid(), body_id, "chair_id", started_on, next_start - 1, now() from periods;`);
    this.addSql(`update "meeting_member" mm set "role" = case when mm."user_id" = m."chair_id" then 'HEAD' else 'MEMBER' end, "title" = '（迁移前未记录职务）',
        "absence_reason" = case when mm."present" then null else '（迁移前未记录缺席原因）' end
      from "meeting" m where m."id" = mm."meeting_id";`);
    this.addSql(`update "meeting_member" mm set "seq" = r.n
      from (select "id", row_number() over (partition by "meeting_id" order by case "role" when 'HEAD' then 0 else 1 end, "id") as n from "meeting_member") r
      where r."id" = mm."id";`);
    this.addSql(`update "member_position" set "condition" = coalesce(nullif(btrim("remarks"), ''), '（迁移前未单独记录所附条件）') where "position" = 'CONDITIONAL';`);
    this.addSql(`alter table "meeting" enable trigger "meeting_finalised_immutable";`);
    this.addSql(`alter table "meeting_member" enable trigger "meeting_member_finalised_immutable";`);
    this.addSql(`alter table "member_position" enable trigger "member_position_finalised_immutable";`);

    this.addSql(`alter table "meeting" alter column "standing_body_id" set not null, alter column "head_id" set not null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_standing_body_id_foreign" foreign key ("standing_body_id") references "standing_body" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_head_id_foreign" foreign key ("head_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`create index "meeting_standing_body_id_index" on "meeting" ("standing_body_id");`);
    this.addSql(`alter table "meeting_member" alter column "seq" set not null, alter column "role" set not null, alter column "title" set not null;`);
    this.addSql(`alter table "meeting_member" add constraint "meeting_member_role_check" check ("role" in ('HEAD', 'DEPUTY', 'MEMBER'));`);
    this.addSql(`alter table "meeting_member" add constraint meeting_member_absence_reason_check check(present or absence_reason is not null);`);
    this.addSql(`alter table "member_position" add constraint member_position_condition_check check((position = 'CONDITIONAL') = (condition is not null));`);

    this.addSql(`alter table "decision" add column "required_changes" text null, add column "amended_draft_number" int null, add column "amended_draft_hash" varchar(64) null, add column "signed_draft_number" int null, add column "signed_draft_hash" varchar(64) null;`);
    this.addSql(`alter table "decision" add constraint "decision_status_check" check("status" in ('AMENDMENT_REQUIRED', 'AMENDMENT_SUBMITTED', 'APPROVED', 'SIGNED', 'PUBLISHED', 'SUSPENDED'));`);
    // decisions signed before: they signed the approved version (no trigger forbids setting new columns)
    this.addSql(`update "decision" set "signed_draft_number" = "approved_draft_number", "signed_draft_hash" = "approved_draft_hash" where "document_number" is not null;`);

    // ---- decisions: what was approved (with its required changes) never changes; the confirmed
    // amended version is set once; once signed, the signed version, number and signature are fixed
    this.addSql(`create or replace function decision_record_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'decision % records an approval and is immutable: DELETE is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (new.id, new.proposal_id, new.agenda_item_id, new.approved_draft_number, new.approved_draft_hash, new.required_changes)
      is distinct from (old.id, old.proposal_id, old.agenda_item_id, old.approved_draft_number, old.approved_draft_hash, old.required_changes) then
    raise exception 'the approved version of decision % is immutable: UPDATE of it is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (old.amended_draft_number is not null or old.amended_draft_hash is not null)
      and (new.amended_draft_number, new.amended_draft_hash) is distinct from (old.amended_draft_number, old.amended_draft_hash) then
    raise exception 'the confirmed amended version of decision % is immutable', old.id using errcode = 'insufficient_privilege';
  end if;
  if (old.document_number is not null or old.signed_by_id is not null or old.signed_on is not null)
      and (new.document_number, new.signed_by_id, new.signed_on, new.signed_draft_number, new.signed_draft_hash)
          is distinct from (old.document_number, old.signed_by_id, old.signed_on, old.signed_draft_number, old.signed_draft_hash) then
    raise exception 'decision % is signed: its document number, signature and signed version are immutable', old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);

    // ---- amended texts: the submission never changes; each confirmation or the return is set once; never deleted
    this.addSql(`create function decision_amendment_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'amended text % is immutable: DELETE is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (to_jsonb(new) - 'advisor_confirmed_by_id' - 'advisor_confirmed_at' - 'advisor_note' - 'chair_confirmed_by_id' - 'chair_confirmed_at' - 'chair_note'
        - 'returned_by_id' - 'returned_at' - 'return_reason')
      is distinct from (to_jsonb(old) - 'advisor_confirmed_by_id' - 'advisor_confirmed_at' - 'advisor_note' - 'chair_confirmed_by_id' - 'chair_confirmed_at' - 'chair_note'
        - 'returned_by_id' - 'returned_at' - 'return_reason')
    or (old.advisor_confirmed_at is not null and (new.advisor_confirmed_by_id, new.advisor_confirmed_at, new.advisor_note) is distinct from (old.advisor_confirmed_by_id, old.advisor_confirmed_at, old.advisor_note))
    or (old.chair_confirmed_at is not null and (new.chair_confirmed_by_id, new.chair_confirmed_at, new.chair_note) is distinct from (old.chair_confirmed_by_id, old.chair_confirmed_at, old.chair_note))
    or (old.returned_at is not null and (new.returned_by_id, new.returned_at, new.return_reason) is distinct from (old.returned_by_id, old.returned_at, old.return_reason)) then
    raise exception 'amended text % is immutable once submitted; its confirmations and return are recorded once', old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger decision_amendment_immutable before update or delete on "decision_amendment" for each row execute function decision_amendment_guard();`);

    // ---- the bodies' history: a period is never deleted or rewritten; only its end is recorded, once
    this.addSql(`create function body_period_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception '% % is immutable history of the body: DELETE is not allowed', tg_table_name, old.id using errcode = 'insufficient_privilege';
  end if;
  if old.ended_on is not null
      or (to_jsonb(new) - 'ended_on' - 'end_reason') is distinct from (to_jsonb(old) - 'ended_on' - 'end_reason') then
    raise exception '% % is immutable history of the body: only its end is recorded, once', tg_table_name, old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger body_membership_history before update or delete on "body_membership" for each row execute function body_period_guard();`);
    this.addSql(`create trigger body_headship_history before update or delete on "body_headship" for each row execute function body_period_guard();`);
    for (const table of ['decision_amendment', 'body_membership', 'body_headship']) {
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function immutable_row_refuse_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['decision_amendment', 'body_membership', 'body_headship']) this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`);
    this.addSql(`drop trigger if exists body_headship_history on "body_headship";`);
    this.addSql(`drop trigger if exists body_membership_history on "body_membership";`);
    this.addSql(`drop function if exists body_period_guard();`);
    this.addSql(`drop trigger if exists decision_amendment_immutable on "decision_amendment";`);
    this.addSql(`drop function if exists decision_amendment_guard();`);
    this.addSql(`create or replace function decision_record_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'decision % records an approval and is immutable: DELETE is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (new.id, new.proposal_id, new.agenda_item_id, new.approved_draft_number, new.approved_draft_hash)
      is distinct from (old.id, old.proposal_id, old.agenda_item_id, old.approved_draft_number, old.approved_draft_hash) then
    raise exception 'the approved version of decision % is immutable: UPDATE of it is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (old.document_number is not null or old.signed_by_id is not null or old.signed_on is not null)
      and (new.document_number, new.signed_by_id, new.signed_on) is distinct from (old.document_number, old.signed_by_id, old.signed_on) then
    raise exception 'decision % is signed: its document number and signature are immutable', old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);
    this.addSql(`alter table "meeting" drop constraint "meeting_standing_body_id_foreign";`);

    this.addSql(`alter table "body_membership" drop constraint "body_membership_body_id_foreign";`);

    this.addSql(`alter table "body_headship" drop constraint "body_headship_body_id_foreign";`);

    this.addSql(`drop table if exists "standing_body" cascade;`);

    this.addSql(`drop table if exists "decision_amendment" cascade;`);

    this.addSql(`drop table if exists "body_membership" cascade;`);

    this.addSql(`drop table if exists "body_headship" cascade;`);

    this.addSql(`alter table "decision" drop constraint if exists "decision_status_check";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_head_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop column "required_changes";`);

    this.addSql(`alter table "decision" drop column "required_changes", drop column "amended_draft_number", drop column "amended_draft_hash", drop column "signed_draft_number", drop column "signed_draft_hash";`);

    this.addSql(`alter table "decision" add constraint "decision_status_check" check("status" in ('APPROVED', 'SIGNED', 'PUBLISHED', 'SUSPENDED'));`);

    this.addSql(`drop index "meeting_standing_body_id_index";`);
    this.addSql(`alter table "meeting" drop column "standing_body_id", drop column "head_id", drop column "chair_delegation";`);

    this.addSql(`alter table "meeting_member" drop constraint meeting_member_absence_reason_check;`);
    this.addSql(`alter table "meeting_member" drop column "seq", drop column "role", drop column "title", drop column "absence_reason";`);

    this.addSql(`alter table "member_position" drop constraint member_position_condition_check;`);
    this.addSql(`alter table "member_position" drop column "condition";`);
  }

}
