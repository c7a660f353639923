import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #11, items 4 and 5: complete review packages (R-LR-2) — contracts record their
 * counterparty's qualification, legal basis and term, and materials take two new kinds (the
 * counterparty's qualification proof, the negotiation record) — and opinions that conclude on every
 * aspect (R-LR-4, R-ND-11): one row per aspect, immutable with its issued opinion, like findings.
 */
export class Migration20261128032019_ReviewPackagesAndAspects extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "opinion_aspect" ("id" uuid not null, "opinion_id" uuid not null, "seq" int not null, "aspect" text check ("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT')) not null, "conclusion" text check ("conclusion" in ('COMPLIANT', 'NEEDS_AMENDMENT', 'NON_COMPLIANT')) not null, "note" text null, "checklist" jsonb not null, constraint "opinion_aspect_pkey" primary key ("id"));`);
    this.addSql(`create index "opinion_aspect_opinion_id_index" on "opinion_aspect" ("opinion_id");`);
    this.addSql(`alter table "opinion_aspect" add constraint "opinion_aspect_opinion_id_aspect_unique" unique ("opinion_id", "aspect");`);

    this.addSql(`alter table "opinion_aspect" add constraint "opinion_aspect_opinion_id_foreign" foreign key ("opinion_id") references "legal_opinion" ("id") on update cascade;`);

    this.addSql(`alter table "material" drop constraint if exists "material_kind_check";`);

    this.addSql(`alter table "material" add constraint "material_kind_check" check("kind" in ('DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION', 'CONSULTATION_REPORT', 'EXPERT_OPINIONS', 'RISK_REPORT', 'FAIR_COMPETITION_REVIEW', 'COUNTERPARTY_QUALIFICATION', 'NEGOTIATION_RECORD', 'OTHER'));`);

    this.addSql(`alter table "contract" add column "counterparty_qualification" text null, add column "legal_basis" text null, add column "term_starts_on" date null, add column "term_ends_on" date null;`);

    // Added by hand: the aspect conclusions of an issued opinion are immutable (R-LR-5), whoever
    // connects; while the opinion is a draft they are replaced with it. No TRUNCATE either.
    this.addSql(`create function opinion_aspect_guard() returns trigger language plpgsql as $$
declare
  parent_status text;
begin
  select status into parent_status from legal_opinion
   where id in (case when tg_op <> 'INSERT' then old.opinion_id end, case when tg_op <> 'DELETE' then new.opinion_id end) and status = 'ISSUED' limit 1;
  if parent_status = 'ISSUED' then
    raise exception 'aspect conclusions of an issued legal opinion are immutable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger opinion_aspect_issued_immutable before insert or update or delete on "opinion_aspect" for each row execute function opinion_aspect_guard();`);
    this.addSql(`create trigger "opinion_aspect_no_truncate" before truncate on "opinion_aspect" for each statement execute function immutable_row_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "opinion_aspect_no_truncate" on "opinion_aspect";`);
    this.addSql(`drop trigger if exists opinion_aspect_issued_immutable on "opinion_aspect";`);
    this.addSql(`drop function if exists opinion_aspect_guard();`);
    this.addSql(`drop table if exists "opinion_aspect" cascade;`);

    this.addSql(`alter table "material" drop constraint if exists "material_kind_check";`);

    this.addSql(`alter table "contract" drop column "counterparty_qualification", drop column "legal_basis", drop column "term_starts_on", drop column "term_ends_on";`);

    this.addSql(`alter table "material" add constraint "material_kind_check" check("kind" in ('DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION', 'CONSULTATION_REPORT', 'EXPERT_OPINIONS', 'RISK_REPORT', 'FAIR_COMPETITION_REVIEW', 'OTHER'));`);
  }

}
