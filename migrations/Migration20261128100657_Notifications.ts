import { Migration } from '@mikro-orm/migrations';

export class Migration20261128100657_Notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_preference" ("id" uuid not null, "user_id" uuid not null, "email_enabled" boolean not null default false, "email_address" varchar(254) null, "webhook_enabled" boolean not null default false, "webhook_url" varchar(500) null, "mode" text check ("mode" in ('IMMEDIATE', 'DAILY_DIGEST')) not null default 'IMMEDIATE', "version" int not null default 1, constraint "notification_preference_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "notification" ("id" uuid not null, "recipient_id" uuid not null, "kind" text check ("kind" in ('REVIEW_DUE_SOON', 'REVIEW_OVERDUE', 'REVIEW_RETURNED', 'CONSULTATION_CLOSING', 'PUBLICATION_DUE_SOON', 'PUBLICATION_OVERDUE', 'FILING_DUE_SOON', 'FILING_OVERDUE', 'CORRECTION_DUE', 'CORRECTION_OVERDUE', 'VALIDITY_ENDING', 'OPINION_ISSUED', 'FINDING_AWAITING_ANSWER')) not null, "subject_type" varchar(40) not null, "subject_id" uuid not null, "subject_label" varchar(300) not null, "rule" varchar(20) not null, "due_on" date null, "day" date not null, "message" varchar(1000) not null, "link" varchar(300) not null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_unread" on "notification" ("recipient_id") where "read_at" is null;`);
    this.addSql(`create index "notification_inbox_order" on "notification" ("recipient_id", "created_at", "id");`);
    this.addSql(`create unique index "notification_once_per_day" on "notification" ("recipient_id", "kind", "subject_id", "day");`);

    this.addSql(`create table "notification_delivery" ("id" uuid not null, "recipient_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'WEBHOOK')) not null, "notification_id" uuid null, "digest_day" date null, "notification_ids" jsonb null, "target" varchar(500) not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_delivery_recipient_id_index" on "notification_delivery" ("recipient_id");`);
    this.addSql(`create index "notification_delivery_list" on "notification_delivery" ("status", "created_at", "id");`);
    this.addSql(`create index "notification_delivery_due" on "notification_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create unique index "notification_delivery_digest_once" on "notification_delivery" ("recipient_id", "channel", "digest_day") where "digest_day" is not null;`);
    this.addSql(`create unique index "notification_delivery_once" on "notification_delivery" ("notification_id", "channel") where "notification_id" is not null;`);

    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_delivery" drop constraint "notification_delivery_notification_id_foreign";`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_delivery" cascade;`);
  }

}
