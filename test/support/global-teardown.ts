import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../src/db/embedded';
import { TEMPLATE_DB } from './constants';
import { testRoles } from './roles';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __yunhuEmbedded?: EmbeddedDatabase }).__yunhuEmbedded;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // External server: remove what this run created.
  const serverUrl = process.env.YUNHU_TEST_SERVER_URL;
  if (!serverUrl) return;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'yunhu_t_%' or datname = $1`,
    [TEMPLATE_DB],
  );
  for (const r of rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(r.datname)} with (force)`);
  const roles = testRoles();
  for (const role of [roles.app, roles.owner]) await admin.query(`drop role if exists ${admin.escapeIdentifier(role.name)}`);
  await admin.end();
}
