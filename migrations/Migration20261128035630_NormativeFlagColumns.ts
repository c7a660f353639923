import { Migration } from '@mikro-orm/migrations';

/**
 * Filing flags computed by the database (issue #12, R-ND-6…9): every fact a flag depends on is a
 * column of the document, kept by triggers from the deadline settings the server writes at start
 * and from the document's filing; each flag kind has the partial index its branch of the query
 * walks; the register's newest-first order has its own index.
 */
export class Migration20261128035630_NormativeFlagColumns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "normative_deadline_setting" ("id" int not null, "filing_due_days" int not null, "correction_due_days" int not null, "evaluation_lead_months" int not null, "filing_materials" jsonb not null, constraint "normative_deadline_setting_pkey" primary key ("id"));`);

    this.addSql(`alter table "normative_document" add column "filing_due_on" date null, add column "evaluation_starts_on" date null, add column "filed_on" date null, add column "filing_status" text null, add column "correction_due_on" date null, add column "corrected_on" date null, add column "filing_materials_complete" boolean null;`);
    this.addSql(`create index "normative_document_flag_corrected_late" on "normative_document" ("correction_due_on", "id") where "filing_due_on" is not null and "corrected_on" > "correction_due_on";`);
    this.addSql(`create index "normative_document_flag_filed_late" on "normative_document" ("filing_due_on", "id") where "filed_on" > "filing_due_on";`);
    this.addSql(`create index "normative_document_flag_evaluation" on "normative_document" ("valid_until", "id") where "state" = 'RELEASED' and "published_on" is not null and "valid_until" is not null;`);
    this.addSql(`create index "normative_document_flag_correction_open" on "normative_document" ("id") where "filing_due_on" is not null and "filing_status" = 'CORRECTION_REQUIRED';`);
    this.addSql(`create index "normative_document_flag_materials" on "normative_document" ("id") where "filing_due_on" is not null and not "filing_materials_complete";`);
    this.addSql(`create index "normative_document_flag_unconfirmed" on "normative_document" ("id") where "state" = 'RELEASED' and "published_on" is not null and "confirmed_verdict" is null;`);
    this.addSql(`create index "normative_document_flag_possible_miss" on "normative_document" ("id") where "state" = 'RELEASED' and "published_on" is not null and "confirmed_verdict" = 'NOT_REQUIRED' and "red_flag_count" > 0;`);
    this.addSql(`create index "normative_document_flag_deferral" on "normative_document" ("correction_due_on", "id") where "filing_due_on" is not null and "filing_status" = 'DEFERRED';`);
    this.addSql(`create index "normative_document_flag_unfiled" on "normative_document" ("filing_due_on", "id") where "filed_on" is null and "filing_due_on" is not null;`);
    this.addSql(`create index "normative_document_register_order" on "normative_document" ("created_at" desc, "id" desc);`);

    this.addSql(`create function normative_flag_facts() returns trigger language plpgsql as $$
declare
  s normative_deadline_setting;
  f filing;
begin
  select * into s from normative_deadline_setting where id = 1;
  select * into f from filing where document_id = new.id;
  new.filing_due_on := case when new.state = 'RELEASED' and new.published_on is not null and new.confirmed_verdict = 'FILING_REQUIRED'
                            then new.published_on + s.filing_due_days end;
  new.evaluation_starts_on := case when new.valid_until is not null
                                   then (new.valid_until - make_interval(months => s.evaluation_lead_months))::date end;
  new.filed_on := f.filed_on;
  new.filing_status := f.status;
  new.corrected_on := f.corrected_on;
  new.correction_due_on := case when f.deferred_on is not null then f.deferred_on + s.correction_due_days end;
  new.filing_materials_complete := case when f.id is not null then coalesce(f.materials @> s.filing_materials, false) end;
  return new;
end $$;`);
    this.addSql(`create trigger normative_flag_facts before insert or update on normative_document for each row execute function normative_flag_facts();`);
    // A filing written, changed or removed: its document recomputes its facts.
    this.addSql(`create function filing_touches_document() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update normative_document set filed_on = null where id = old.document_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.document_id is distinct from old.document_id) then
    update normative_document set filed_on = null where id = new.document_id;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger filing_touches_document after insert or update or delete on filing for each row execute function filing_touches_document();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger filing_touches_document on filing;`);
    this.addSql(`drop function filing_touches_document();`);
    this.addSql(`drop trigger normative_flag_facts on normative_document;`);
    this.addSql(`drop function normative_flag_facts();`);
    this.addSql(`drop table if exists "normative_deadline_setting" cascade;`);

    this.addSql(`drop index "normative_document_flag_corrected_late";`);
    this.addSql(`drop index "normative_document_flag_filed_late";`);
    this.addSql(`drop index "normative_document_flag_evaluation";`);
    this.addSql(`drop index "normative_document_flag_correction_open";`);
    this.addSql(`drop index "normative_document_flag_materials";`);
    this.addSql(`drop index "normative_document_flag_unconfirmed";`);
    this.addSql(`drop index "normative_document_flag_possible_miss";`);
    this.addSql(`drop index "normative_document_flag_deferral";`);
    this.addSql(`drop index "normative_document_flag_unfiled";`);
    this.addSql(`drop index "normative_document_register_order";`);
    this.addSql(`alter table "normative_document" drop column "filing_due_on", drop column "evaluation_starts_on", drop column "filed_on", drop column "filing_status", drop column "correction_due_on", drop column "corrected_on", drop column "filing_materials_complete";`);
  }

}
