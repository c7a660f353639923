/**
 * Generates a migration with MikroORM's migrator: a scratch database gets every existing
 * migration, then the entities are diffed against it. Usage: npm run migration:create -- <name>
 * Uses DATABASE_URL's server when set, otherwise a scratch embedded PostgreSQL under .data/.
 */
import 'reflect-metadata';
import path from 'node:path';
import { Client } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { ormOptions } from '../src/orm';
import { createLogger } from '../src/core/logger';

async function main() {
  const name = process.argv[2];
  const logger = createLogger('warn');
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedDatabase({ dataDir: path.resolve('.data/migration-gen'), port: 54339, logger });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.urlFor('postgres');
  const scratch = 'yunhu_migration_scratch';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.query(`create database ${scratch} encoding 'UTF8' template template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const orm = await MikroORM.init(ormOptions({ clientUrl: url.toString() }));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false, name);
    if (!result.fileName) process.stdout.write('entities and migrations agree: no migration needed\n');
    else process.stdout.write(`created migrations/${result.fileName}\n${result.diff.up.join('\n')}\n`);
  } finally {
    await orm.close(true);
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
