import { Migration } from '@mikro-orm/migrations';

/** The per-aspect conclusions of an opinion (R-LR-4) also take the aspects of major law-enforcement decisions (R-EN-3). */
export class Migration20261128042920_EnforcementAspectsAndConclusions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "opinion_aspect" drop constraint if exists "opinion_aspect_aspect_check";`);

    this.addSql(`alter table "opinion_aspect" add constraint "opinion_aspect_aspect_check" check("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT', 'FACTS_AND_EVIDENCE', 'LEGAL_BASIS', 'DISCRETION', 'DOCUMENTS'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "opinion_aspect" drop constraint if exists "opinion_aspect_aspect_check";`);

    this.addSql(`alter table "opinion_aspect" add constraint "opinion_aspect_aspect_check" check("aspect" in ('AUTHORITY', 'PROCEDURE', 'CONTENT'));`);
  }

}
