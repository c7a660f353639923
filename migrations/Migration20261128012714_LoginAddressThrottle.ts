import { Migration } from '@mikro-orm/migrations';

export class Migration20261128012714_LoginAddressThrottle extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_address_throttle" ("address" varchar(64) not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_address_throttle_pkey" primary key ("address"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_address_throttle" cascade;`);
  }

}
