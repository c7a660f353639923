import { execFile } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { provisionDatabase, roleUrl, type DatabaseRoles } from '../../src/db/roles';
import { TEMPLATE_DB } from './constants';

/**
 * On a PostgreSQL server (superuser URL): creates the run's owner and app roles, applies every
 * migration to an empty template database as the owner (then the app role's grants) and seeds the
 * demo street office into it as the app role — in a child process (prepare-template.ts), outside
 * jest's module realm. Test files clone the template (startHarness). Used by globalSetup for the
 * run's server, and by tests that need the same world on a server of their own.
 */
export async function prepareTemplate(serverUrl: string, roles: DatabaseRoles): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await provisionDatabase(serverUrl, TEMPLATE_DB, roles);
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        path.join(__dirname, 'prepare-template.ts'),
        roleUrl(serverUrl, roles.owner, TEMPLATE_DB),
        roleUrl(serverUrl, roles.app, TEMPLATE_DB),
        roles.app.name,
      ],
      { cwd: path.resolve(__dirname, '..', '..'), maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => (err ? reject(new Error(`preparing the template database failed: ${String(stderr).trim() || err.message}`)) : resolve()),
    );
    child.stdout?.pipe(process.stdout);
  });
}
