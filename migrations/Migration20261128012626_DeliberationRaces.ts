import { Migration } from '@mikro-orm/migrations';

/**
 * Invariants of deliberation that hold under concurrency (issue #10): a proposal awaits the head's
 * decision on one agenda at most. The services also lock the meeting and the proposal before they
 * check; this index is what the database itself refuses.
 */
export class Migration20261128012626_DeliberationRaces extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index "agenda_item_one_undecided_per_proposal" on "agenda_item" ("proposal_id") where "head_decision" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "agenda_item_one_undecided_per_proposal";`);
  }

}
