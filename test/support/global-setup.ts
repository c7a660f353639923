import 'reflect-metadata';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { createLogger } from '../../src/core/logger';
import { newTestRoles } from './roles';
import { prepareTemplate } from './template';

/**
 * Starts one PostgreSQL for the whole run (embedded by default, TEST_DATABASE_URL for an external
 * server, given as a superuser), creates this run's owner and app roles on it, and prepares the
 * template database (every migration, the app role's grants, the demo street office: template.ts).
 * Each test file then clones the template (CREATE DATABASE … TEMPLATE … OWNER), so tests never
 * share rows, and runs the server as the app role, as production does.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'yunhu-test-'));
    chmodSync(dir, 0o755);
    const embedded: EmbeddedDatabase = await startEmbeddedDatabase({
      dataDir: dir,
      port: await freePort(),
      logger: createLogger('warn'),
    });
    (globalThis as { __yunhuEmbedded?: EmbeddedDatabase }).__yunhuEmbedded = embedded;
    serverUrl = embedded.urlFor('postgres');
  }
  process.env.YUNHU_TEST_SERVER_URL = serverUrl;

  const roles = newTestRoles();
  process.env.YUNHU_TEST_ROLES = JSON.stringify(roles);

  await prepareTemplate(serverUrl, roles);
  process.stdout.write(`\n[test database ready in ${Date.now() - started} ms]\n`);
}
