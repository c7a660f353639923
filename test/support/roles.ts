import { randomBytes } from 'node:crypto';
import type { DatabaseRoles } from '../../src/db/roles';

/**
 * The owner and app roles of this test run (created by globalSetup on the test server, with a
 * random suffix so that runs sharing an external server do not meet). The template database and
 * every clone are owned by the owner role; the server under test connects as the app role.
 */
export function newTestRoles(): DatabaseRoles {
  const suffix = randomBytes(4).toString('hex');
  const password = () => randomBytes(18).toString('hex');
  return { owner: { name: `yunhu_t_owner_${suffix}`, password: password() }, app: { name: `yunhu_t_app_${suffix}`, password: password() } };
}

export function testRoles(): DatabaseRoles {
  const raw = process.env.YUNHU_TEST_ROLES;
  if (!raw) throw new Error('test database roles not created (jest globalSetup)');
  return JSON.parse(raw) as DatabaseRoles;
}
