import { Migration } from '@mikro-orm/migrations';

export class Migration20261126191714_Deliberation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "meeting" ("id" uuid not null, "title" varchar(200) not null, "body" text check ("body" in ('PARTY_WORKING_COMMITTEE', 'DIRECTORS_OFFICE')) not null, "held_on" date not null, "chair_id" uuid not null, "status" text check ("status" in ('OPEN', 'FINALISED')) not null default 'OPEN', "minutes" text null, "finalised_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, constraint "meeting_pkey" primary key ("id"));`);

    this.addSql(`create table "meeting_member" ("id" uuid not null, "meeting_id" uuid not null, "user_id" uuid not null, "present" boolean not null, constraint "meeting_member_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_member_meeting_id_index" on "meeting_member" ("meeting_id");`);
    this.addSql(`alter table "meeting_member" add constraint "meeting_member_meeting_id_user_id_unique" unique ("meeting_id", "user_id");`);

    this.addSql(`create table "meeting_correction" ("id" uuid not null, "meeting_id" uuid not null, "text" text not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, constraint "meeting_correction_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_correction_meeting_id_index" on "meeting_correction" ("meeting_id");`);

    this.addSql(`create table "agenda_item" ("id" uuid not null, "meeting_id" uuid not null, "proposal_id" uuid not null, "seq" int not null, "draft_version_id" uuid not null, "draft_hash" varchar(64) not null, "head_decision" text check ("head_decision" in ('APPROVE', 'APPROVE_WITH_CHANGES', 'REJECT', 'DEFER', 'RETURN_FOR_REVISION')) null, "decision_reason" text null, "version" int not null default 1, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_item_meeting_id_index" on "agenda_item" ("meeting_id");`);
    this.addSql(`create index "agenda_item_proposal_id_index" on "agenda_item" ("proposal_id");`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_seq_unique" unique ("meeting_id", "seq");`);

    this.addSql(`create table "member_position" ("id" uuid not null, "agenda_item_id" uuid not null, "member_id" uuid not null, "position" text check ("position" in ('SUPPORT', 'OPPOSE', 'ABSTAIN', 'CONDITIONAL')) not null, "remarks" text not null, constraint "member_position_pkey" primary key ("id"));`);
    this.addSql(`create index "member_position_agenda_item_id_index" on "member_position" ("agenda_item_id");`);
    this.addSql(`alter table "member_position" add constraint "member_position_agenda_item_id_member_id_unique" unique ("agenda_item_id", "member_id");`);

    this.addSql(`create table "decision" ("id" uuid not null, "proposal_id" uuid not null, "agenda_item_id" uuid not null, "approved_draft_number" int not null, "approved_draft_hash" varchar(64) not null, "status" text check ("status" in ('APPROVED', 'SIGNED', 'PUBLISHED', 'SUSPENDED')) not null default 'APPROVED', "signed_by_id" uuid null, "signed_on" date null, "document_number" varchar(64) null, "party_reported_on" date null, "publication_due_on" date null, "published_on" date null, "publication_channel" varchar(200) null, "opinions_use_explanation" text null, "executing_department_id" uuid null, "suspended_reason" text null, "version" int not null default 1, constraint "decision_pkey" primary key ("id"));`);
    this.addSql(`alter table "decision" add constraint "decision_proposal_id_unique" unique ("proposal_id");`);
    this.addSql(`alter table "decision" add constraint "decision_document_number_unique" unique ("document_number");`);

    this.addSql(`create table "post_evaluation" ("id" uuid not null, "decision_id" uuid not null, "assessor" varchar(200) not null, "conclusion" text not null, "evaluated_on" date not null, constraint "post_evaluation_pkey" primary key ("id"));`);
    this.addSql(`create index "post_evaluation_decision_id_index" on "post_evaluation" ("decision_id");`);

    this.addSql(`create table "execution_report" ("id" uuid not null, "decision_id" uuid not null, "reported_on" date not null, "content" text not null, "reported_by" varchar(64) not null, constraint "execution_report_pkey" primary key ("id"));`);
    this.addSql(`create index "execution_report_decision_id_index" on "execution_report" ("decision_id");`);

    this.addSql(`alter table "meeting" add constraint "meeting_chair_id_foreign" foreign key ("chair_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "meeting_member" add constraint "meeting_member_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "meeting_member" add constraint "meeting_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "meeting_correction" add constraint "meeting_correction_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_draft_version_id_foreign" foreign key ("draft_version_id") references "draft_version" ("id") on update cascade;`);

    this.addSql(`alter table "member_position" add constraint "member_position_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade;`);
    this.addSql(`alter table "member_position" add constraint "member_position_member_id_foreign" foreign key ("member_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "decision" add constraint "decision_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision" add constraint "decision_executing_department_id_foreign" foreign key ("executing_department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "post_evaluation" add constraint "post_evaluation_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade;`);

    this.addSql(`alter table "execution_report" add constraint "execution_report_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade;`);

    this.addSql(`alter table "decision_proposal" drop constraint if exists "decision_proposal_state_check";`);

    this.addSql(`alter table "decision_proposal" add column "amends_id" uuid null;`);
    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_amends_id_foreign" foreign key ("amends_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_state_check" check("state" in ('AWAITING_INCLUSION', 'DECLINED', 'INCLUDED', 'LEGALITY_REVIEW_REQUESTED', 'LEGALITY_REVIEWED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));`);

    // Added by hand: finalised minutes are immutable (R-DEC-11); dissent limits liability, so the
    // record must not change, whoever connects. Corrections are appended to meeting_correction.
    this.addSql(`create function meeting_record_guard() returns trigger language plpgsql as $$
declare
  meeting_status text;
begin
  if tg_table_name = 'meeting' then
    meeting_status := old.status;
  elsif tg_table_name = 'agenda_item' then
    select status into meeting_status from meeting where id = coalesce(new.meeting_id, old.meeting_id);
  else
    select m.status into meeting_status from meeting m join agenda_item a on a.meeting_id = m.id
      where a.id = coalesce(new.agenda_item_id, old.agenda_item_id);
  end if;
  if meeting_status = 'FINALISED' then
    raise exception 'the minutes are finalised and immutable: % on % is not allowed', tg_op, tg_table_name using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger meeting_finalised_immutable before update or delete on "meeting" for each row execute function meeting_record_guard();`);
    this.addSql(`create trigger agenda_item_finalised_immutable before insert or update or delete on "agenda_item" for each row execute function meeting_record_guard();`);
    this.addSql(`create trigger member_position_finalised_immutable before insert or update or delete on "member_position" for each row execute function meeting_record_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists member_position_finalised_immutable on "member_position";`);
    this.addSql(`drop trigger if exists agenda_item_finalised_immutable on "agenda_item";`);
    this.addSql(`drop trigger if exists meeting_finalised_immutable on "meeting";`);
    this.addSql(`drop function if exists meeting_record_guard();`);
    this.addSql(`alter table "meeting_member" drop constraint "meeting_member_meeting_id_foreign";`);

    this.addSql(`alter table "meeting_correction" drop constraint "meeting_correction_meeting_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "member_position" drop constraint "member_position_agenda_item_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_agenda_item_id_foreign";`);

    this.addSql(`alter table "post_evaluation" drop constraint "post_evaluation_decision_id_foreign";`);

    this.addSql(`alter table "execution_report" drop constraint "execution_report_decision_id_foreign";`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "meeting_member" cascade;`);

    this.addSql(`drop table if exists "meeting_correction" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "member_position" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "post_evaluation" cascade;`);

    this.addSql(`drop table if exists "execution_report" cascade;`);

    this.addSql(`alter table "decision_proposal" drop constraint if exists "decision_proposal_state_check";`);

    this.addSql(`alter table "decision_proposal" drop constraint "decision_proposal_amends_id_foreign";`);

    this.addSql(`alter table "decision_proposal" drop column "amends_id";`);

    this.addSql(`alter table "decision_proposal" add constraint "decision_proposal_state_check" check("state" in ('AWAITING_INCLUSION', 'DECLINED', 'INCLUDED', 'LEGALITY_REVIEW_REQUESTED', 'LEGALITY_REVIEWED', 'WITHDRAWN'));`);
  }

}
