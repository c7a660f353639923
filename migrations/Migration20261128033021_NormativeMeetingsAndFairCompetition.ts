import { Migration } from '@mikro-orm/migrations';

export class Migration20261128033021_NormativeMeetingsAndFairCompetition extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "normative_fair_competition_review" ("id" uuid not null, "document_id" uuid not null, "seq" int not null, "conclusion" text check ("conclusion" in ('COMPLIANT', 'NEEDS_CHANGE', 'NON_COMPLIANT')) not null, "reviewer" varchar(100) not null, "reviewed_on" date not null, "notes" text not null, "version_number" int not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "normative_fair_competition_review_pkey" primary key ("id"));`);
    this.addSql(`alter table "normative_fair_competition_review" add constraint "normative_fair_competition_review_document_id_seq_unique" unique ("document_id", "seq");`);

    this.addSql(`alter table "normative_fair_competition_review" add constraint "normative_fair_competition_review_document_id_foreign" foreign key ("document_id") references "normative_document" ("id") on update cascade;`);
    this.addSql(`alter table "normative_fair_competition_review" add constraint "normative_fair_competition_review_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_proposal_id_foreign";`);

    this.addSql(`alter table "normative_document" add column "touches_market_entities_reason" text null, add column "market_entities_answered_terms" jsonb null, add column "validity_defaulted" boolean not null default false;`);

    this.addSql(`alter table "agenda_item" add column "subject_type" text check ("subject_type" in ('DECISION_PROPOSAL', 'NORMATIVE_DOCUMENT')) not null default 'DECISION_PROPOSAL', add column "normative_document_id" uuid null, add column "created_at" timestamptz not null default now();`);
    this.addSql(`alter table "agenda_item" alter column "proposal_id" drop default;`);
    this.addSql(`alter table "agenda_item" alter column "proposal_id" type uuid using ("proposal_id"::text::uuid);`);
    this.addSql(`alter table "agenda_item" alter column "proposal_id" drop not null;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_normative_document_id_foreign" foreign key ("normative_document_id") references "normative_document" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "agenda_item_normative_document_id_index" on "agenda_item" ("normative_document_id");`);
    this.addSql(`create unique index "agenda_item_one_undecided_per_document" on "agenda_item" ("normative_document_id") where "head_decision" is null;`);
    this.addSql(`alter table "agenda_item" add constraint agenda_item_one_subject check((subject_type = 'DECISION_PROPOSAL' and proposal_id is not null and normative_document_id is null) or (subject_type = 'NORMATIVE_DOCUMENT' and normative_document_id is not null and proposal_id is null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "normative_fair_competition_review" cascade;`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_normative_document_id_foreign";`);
    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_proposal_id_foreign";`);

    this.addSql(`drop index "agenda_item_normative_document_id_index";`);
    this.addSql(`drop index "agenda_item_one_undecided_per_document";`);
    this.addSql(`alter table "agenda_item" drop constraint agenda_item_one_subject;`);
    this.addSql(`alter table "agenda_item" drop column "subject_type", drop column "normative_document_id", drop column "created_at";`);

    this.addSql(`alter table "agenda_item" alter column "proposal_id" drop default;`);
    this.addSql(`alter table "agenda_item" alter column "proposal_id" type uuid using ("proposal_id"::text::uuid);`);
    this.addSql(`alter table "agenda_item" alter column "proposal_id" set not null;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_proposal_id_foreign" foreign key ("proposal_id") references "decision_proposal" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "normative_document" drop column "touches_market_entities_reason", drop column "market_entities_answered_terms", drop column "validity_defaulted";`);
  }

}
