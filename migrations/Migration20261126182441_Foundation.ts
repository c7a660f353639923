import { Migration } from '@mikro-orm/migrations';

export class Migration20261126182441_Foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null, "actor_id" uuid null, "actor_username" varchar(64) not null, "action" varchar(100) not null, "subject_type" varchar(64) not null, "subject_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_event_subject_type_subject_id_index" on "audit_event" ("subject_type", "subject_id");`);

    this.addSql(`create table "department" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('PARTY_COMMITTEE', 'GOVERNMENT_OFFICE', 'LEGAL_SERVICE', 'LAW_ENFORCEMENT', 'COMMUNITY', 'OTHER')) not null, "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(`create table "login_throttle" ("username" varchar(64) not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("username"));`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(64) not null, "display_name" varchar(100) not null, "department_id" uuid not null, "roles" text[] not null, "active" boolean not null default true, "password_hash" text not null, "version" int not null default 1, "last_login_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_department_id_index" on "app_user" ("department_id");`);

    this.addSql(`alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);

    // Added by hand: the audit trail is append-only. UPDATE, DELETE and TRUNCATE are refused by the
    // database itself, whoever connects; the hash chain detects edits that bypass the trigger.
    this.addSql(`create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger audit_event_no_update_delete before update or delete on "audit_event" for each row execute function audit_event_refuse_change();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event" for each statement execute function audit_event_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_department_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop function if exists audit_event_refuse_change();`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
