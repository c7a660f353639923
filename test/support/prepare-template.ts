/**
 * Run as a child process by globalSetup (node -r ts-node/register/transpile-only): applies every
 * migration to the empty template database and seeds the demo street office. Kept out of jest's
 * own process, whose module realm the test files do not share.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/orm';
import { seedTemplate } from './seed-template';

async function main() {
  const orm = await MikroORM.init(ormOptions({ clientUrl: process.argv[2]! }));
  try {
    const applied = await orm.getMigrator().up();
    if (applied.length === 0) throw new Error('no migration applied to the empty template database');
    await seedTemplate(orm);
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
