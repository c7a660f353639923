import { Migration } from '@mikro-orm/migrations';

/**
 * Change generations (issue #12): a number per table, raised once by every committed transaction
 * that wrote the table, so the server can reuse an aggregate over it (the filing flags' counts per
 * kind over 100,000 documents) until the next change is committed (src/db/change-generation.ts).
 *
 * The trigger is a deferred constraint trigger: it runs at commit, after every other statement of
 * the transaction, so the generation's row is locked only while the transaction commits (never
 * while it holds or waits for other locks: no deadlock through it), and once per transaction (a
 * transaction-local setting remembers it). A truncate raises it too. The function runs as its owner
 * (security definer): the app role only reads the table, so it cannot hold a generation back.
 */
export class Migration20261128210000_ChangeGenerations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "change_generation" ("name" text not null, "n" bigint not null, constraint "change_generation_pkey" primary key ("name"));`);
    this.addSql(`insert into "change_generation" ("name", "n") values ('normative_document', 1);`);
    this.addSql(`create function raise_change_generation() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if current_setting('yunhu.generation_raised_' || tg_argv[0], true) is distinct from 'yes' then
    update change_generation set n = n + 1 where name = tg_argv[0];
    perform set_config('yunhu.generation_raised_' || tg_argv[0], 'yes', true);
  end if;
  return null;
end $$;`);
    this.addSql(`revoke all on function raise_change_generation() from public;`);
    this.addSql(`create constraint trigger normative_document_generation after insert or update or delete on normative_document deferrable initially deferred for each row execute function raise_change_generation('normative_document');`);
    this.addSql(`create trigger normative_document_generation_truncate after truncate on normative_document for each statement execute function raise_change_generation('normative_document');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger normative_document_generation_truncate on normative_document;`);
    this.addSql(`drop trigger normative_document_generation on normative_document;`);
    this.addSql(`drop function raise_change_generation();`);
    this.addSql(`drop table if exists "change_generation" cascade;`);
  }

}
