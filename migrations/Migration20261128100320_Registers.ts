import { Migration } from '@mikro-orm/migrations';

/** The registers of the office's other legal work the annual report counts (R-AR-2): consultations, mediations, administrative cases, publicity events; each list reads by its (date, id) index. */
export class Migration20261128100320_Registers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "publicity_event" ("id" uuid not null, "held_on" date not null, "topic" varchar(200) not null, "form" text check ("form" in ('LECTURE', 'TRAINING', 'CAMPAIGN', 'ONLINE', 'OTHER')) not null, "audience_size" int not null, "community" varchar(100) null, "department_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "publicity_event_pkey" primary key ("id"));`);
    this.addSql(`create index "publicity_event_department_id_index" on "publicity_event" ("department_id");`);
    this.addSql(`create index "publicity_event_list_order" on "publicity_event" ("held_on", "id");`);

    this.addSql(`create table "legal_consultation" ("id" uuid not null, "consulted_on" date not null, "requester" varchar(100) not null, "topic" varchar(200) not null, "answer" text not null, "advisor" varchar(100) not null, "community" varchar(100) null, "department_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "legal_consultation_pkey" primary key ("id"));`);
    this.addSql(`create index "legal_consultation_department_id_index" on "legal_consultation" ("department_id");`);
    this.addSql(`create index "legal_consultation_list_order" on "legal_consultation" ("consulted_on", "id");`);

    this.addSql(`create table "dispute_mediation" ("id" uuid not null, "received_on" date not null, "parties" varchar(500) not null, "dispute_type" text check ("dispute_type" in ('NEIGHBOURHOOD', 'FAMILY', 'LABOUR', 'PROPERTY_MANAGEMENT', 'LAND_AND_HOUSING', 'CONTRACT', 'OTHER')) not null, "summary" text not null, "outcome" text check ("outcome" in ('IN_PROGRESS', 'SETTLED', 'PARTLY_SETTLED', 'NOT_SETTLED')) not null default 'IN_PROGRESS', "closed_on" date null, "community" varchar(100) null, "department_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "dispute_mediation_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_mediation_department_id_index" on "dispute_mediation" ("department_id");`);
    this.addSql(`create index "dispute_mediation_list_order" on "dispute_mediation" ("received_on", "id");`);

    this.addSql(`create table "administrative_case" ("id" uuid not null, "case_number" varchar(64) not null, "kind" text check ("kind" in ('LITIGATION', 'RECONSIDERATION')) not null, "party" varchar(300) not null, "cause" varchar(300) not null, "stage" text check ("stage" in ('ACCEPTED', 'FIRST_INSTANCE', 'SECOND_INSTANCE', 'RETRIAL', 'CLOSED')) not null, "outcome" text check ("outcome" in ('UPHELD', 'CORRECTED', 'REVOKED', 'WITHDRAWN', 'SETTLED')) null, "opened_on" date not null, "closed_on" date null, "department_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "administrative_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "administrative_case" add constraint "administrative_case_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "administrative_case_department_id_index" on "administrative_case" ("department_id");`);
    this.addSql(`create index "administrative_case_list_order" on "administrative_case" ("opened_on", "id");`);

    this.addSql(`alter table "publicity_event" add constraint "publicity_event_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "publicity_event" add constraint "publicity_event_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "legal_consultation" add constraint "legal_consultation_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "legal_consultation" add constraint "legal_consultation_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "dispute_mediation" add constraint "dispute_mediation_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "dispute_mediation" add constraint "dispute_mediation_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "administrative_case" add constraint "administrative_case_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "administrative_case" add constraint "administrative_case_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "publicity_event" cascade;`);

    this.addSql(`drop table if exists "legal_consultation" cascade;`);

    this.addSql(`drop table if exists "dispute_mediation" cascade;`);

    this.addSql(`drop table if exists "administrative_case" cascade;`);
  }

}
