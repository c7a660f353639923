/**
 * Run as a child process by globalSetup (node -r ts-node/register/transpile-only): applies every
 * migration to the empty template database as the owner role, grants the app role its privileges,
 * and seeds the demo street office as the app role. Kept out of jest's own process, whose module
 * realm the test files do not share. Arguments: owner URL, app URL, app role name.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/orm';
import { migrateAndGrant } from '../../src/runtime';
import { seedTemplate } from './seed-template';

async function main() {
  const [ownerUrl, appUrl, appRole] = process.argv.slice(2) as [string, string, string];
  const applied = await migrateAndGrant(ownerUrl, appUrl, appRole);
  if (applied.length === 0) throw new Error('no migration applied to the empty template database');
  const orm = await MikroORM.init(ormOptions({ clientUrl: appUrl }));
  try {
    await seedTemplate(orm);
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
