import {
  CreateDepartmentDocument,
  CreateUserDocument,
  DepartmentKind,
  Role,
  SetDepartmentActiveDocument,
  SetUserActiveDocument,
  SetUserRolesDocument,
} from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { DEMO_PASSWORD, expectOk, startHarness, type Harness } from '../support/harness';
import { expectClean, expectOneWinner, report, tally, together } from '../support/race';

/**
 * Departments and users under concurrency: unique names stay unique, a deactivated department has
 * no active user, and there is always one active administrator left — whoever wins the race.
 */
describe('identity races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;

  const user = (username: string, departmentId: string, roles: Role[] = [Role.Drafter], token = t.admin!) =>
    h.gql(CreateUserDocument, { input: { username, displayName: username, departmentId, roles, password: DEMO_PASSWORD } }, { token });

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['admin']));
  });
  afterAll(() => h.close());

  it('keeps user names and department codes unique when eight ask for one at once', async () => {
    expectOneWinner('one user name', await together(N, () => user('racer', dept.DZB!)));
    expectOneWinner(
      'one department code',
      await together(N, (i) => h.gql(CreateDepartmentDocument, { input: { code: 'RACE', name: `竞争科${i}`, kind: DepartmentKind.GovernmentOffice } }, { token: t.admin! })),
    );
    expect(await h.sql(`select id from app_user where username = 'racer'`)).toHaveLength(1);
    expect(await h.sql(`select id from department where code = 'RACE'`)).toHaveLength(1);
  });

  it('never leaves an active user in a department deactivated while users were being created in it', async () => {
    for (let round = 0; round < 2; round++) {
      const d = expectOk(
        await h.gql(CreateDepartmentDocument, { input: { code: `GONE${round}`, name: `撤并科${round}`, kind: DepartmentKind.GovernmentOffice } }, { token: t.admin! }),
      ).createDepartment.department;
      const results = await together<unknown>(N, (i) =>
        i === 0
          ? h.gql(SetDepartmentActiveDocument, { input: { id: d.id, version: d.version, active: false } }, { token: t.admin! })
          : user(`gone${round}-${i}`, d.id),
      );
      expectClean(results);
      report('department deactivation vs seven new users', tally(results), { round, deactivated: !results[0]!.errors });
      const row = (await h.sql<{ active: boolean }>(`select active from department where id = ?`, [d.id]))[0]!;
      const active = await h.sql(`select id from app_user where department_id = ? and active`, [d.id]);
      if (!row.active) expect(active).toHaveLength(0);
    }
  });

  it('always leaves one active administrator: eight administrators deactivate each other at once', async () => {
    const admins: { id: string; version: number; username: string }[] = [];
    const seeded = (await h.sql<{ id: string; version: number }>(`select id, version from app_user where username = 'admin'`))[0]!;
    admins.push({ id: seeded.id, version: Number(seeded.version), username: 'admin' });
    for (let i = 1; i < N; i++) {
      const u = expectOk(await user(`admin${i}`, dept.DZB!, [Role.Admin])).createUser.user;
      admins.push({ id: u.id, version: u.version, username: `admin${i}` });
    }
    const tokens: string[] = [];
    for (const a of admins) tokens.push(await h.login(a.username));
    const results = await together(N, (i) => {
      const target = admins[(i + 1) % N]!;
      return h.gql(SetUserActiveDocument, { input: { id: target.id, version: target.version, active: false } }, { token: tokens[i]! });
    });
    expectClean(results, ['BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED']);
    report('administrators deactivate each other', tally(results));
    const left = await h.sql(`select id from app_user where active and 'ADMIN' = any(roles)`);
    expect(left.length).toBeGreaterThanOrEqual(1);
    // the same guard holds for taking the role away
    const remaining = (await h.sql<{ id: string; version: number; username: string }>(`select id, version, username from app_user where active and 'ADMIN' = any(roles)`)).map(
      (r) => ({ id: r.id, version: Number(r.version), username: r.username }),
    );
    const survivor = await h.login(remaining[0]!.username);
    for (let i = 1; remaining.length < N; i++) {
      const u = expectOk(await user(`admin-b${i}`, dept.DZB!, [Role.Admin], survivor)).createUser.user;
      remaining.push({ id: u.id, version: u.version, username: `admin-b${i}` });
    }
    const roleTokens: string[] = [];
    for (const a of remaining) roleTokens.push(await h.login(a.username));
    const demoted = await together(N, (i) => {
      const target = remaining[(i + 1) % N]!;
      return h.gql(SetUserRolesDocument, { input: { id: target.id, version: target.version, roles: [Role.Drafter] } }, { token: roleTokens[i]! });
    });
    expectClean(demoted, ['BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN']);
    report('administrators demote each other', tally(demoted));
    expect((await h.sql(`select id from app_user where active and 'ADMIN' = any(roles)`)).length).toBeGreaterThanOrEqual(1);
  });
});
