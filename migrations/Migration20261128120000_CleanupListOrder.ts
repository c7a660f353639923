import { Migration } from '@mikro-orm/migrations';

/** Clean-up campaigns are listed newest first and their outcomes per campaign: each order (key, id) has its index, like every list (issue #12). */
export class Migration20261128120000_CleanupListOrder extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "cleanup_campaign_list_order" on "cleanup_campaign" ("started_on", "id");`);
    this.addSql(`create index "cleanup_entry_list_order" on "cleanup_entry" ("campaign_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "cleanup_entry_list_order";`);
    this.addSql(`drop index "cleanup_campaign_list_order";`);
  }

}
