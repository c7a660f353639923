import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #11, item 10: holiday years as data. Every load, correction or withdrawal of a year's
 * holiday arrangement is a new row (the newest version of a year is in force). Added by hand: the
 * rows are append-only for whoever connects (UPDATE, DELETE and TRUNCATE refused; the app role also
 * holds only SELECT and INSERT, src/db/privileges.ts), and every insert notifies the running
 * servers on `calendar_year_changed` (delivered at commit), so they use the new data at once.
 */
export class Migration20261128032036_CalendarYears extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "calendar_year_version" ("id" uuid not null, "year" smallint not null, "version" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "withdrawn" boolean not null default false, "reason" text null, "content_hash" varchar(64) not null, "loaded_by_id" uuid null, "loaded_by" varchar(64) not null, "loaded_at" timestamptz not null, constraint "calendar_year_version_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "calendar_year_version" add constraint "calendar_year_version_year_version_unique" unique ("year", "version");`);

    this.addSql(`create trigger calendar_year_version_immutable before update or delete on "calendar_year_version" for each row execute function immutable_row_refuse_change();`);
    this.addSql(`create trigger "calendar_year_version_no_truncate" before truncate on "calendar_year_version" for each statement execute function immutable_row_refuse_change();`);
    this.addSql(`create function calendar_year_version_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('calendar_year_changed', new.year::text);
  return null;
end $$;`);
    this.addSql(`create trigger calendar_year_version_notify after insert on "calendar_year_version" for each row execute function calendar_year_version_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_year_version" cascade;`);
    this.addSql(`drop function if exists calendar_year_version_notify();`);
  }
}
