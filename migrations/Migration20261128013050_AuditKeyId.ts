import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10: audit events name the key of their HMAC seal. Events written before keep their plain
 * SHA-256 and a null key id: they are not re-sealed, because re-sealing would mean rewriting the
 * append-only table (and the key is not in the database, so a migration cannot hold it). The first
 * keyed event chains to the last of them, so they are sealed from then on.
 */
export class Migration20261128013050_AuditKeyId extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "key_id" varchar(32) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop column "key_id";`);
  }
}
