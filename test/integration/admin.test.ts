import {
  AuditSubjectType,
  AuditTrailDocument,
  CreateDepartmentDocument,
  CreateUserDocument,
  DepartmentByIdDocument,
  DepartmentKind,
  DepartmentsDocument,
  LoginDocument,
  ResetUserPasswordDocument,
  Role,
  SetDepartmentActiveDocument,
  SetUserActiveDocument,
  SetUserRolesDocument,
  UpdateDepartmentDocument,
  UpdateUserDocument,
  UserByIdDocument,
  UsersDocument,
  VerifyAuditChainDocument,
} from '../__generated__/graphql';
import { DEMO_PASSWORD, expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

describe('administration of departments and users', () => {
  let h: Harness;
  let admin: string;
  const tokens: Record<string, string> = {};
  let drafter: { id: string; version: number };
  let dept: { id: string; version: number };
  let otherDept: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin');
    for (const u of ['drafter', 'advisor', 'filing', 'director']) tokens[u] = await h.login(u);
    const users = expectOk(await h.gql(UsersDocument, { filter: { search: 'drafter' } }, { token: admin }));
    const d = users.users.edges.find((e) => e.node.username === 'drafter')!.node;
    drafter = { id: d.id, version: d.version };
    dept = { id: d.department.id, version: 1 };
    const depts = expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: admin }));
    otherDept = depts.departments.edges.find((e) => e.node.code === 'SFS')!.node.id;
  });
  afterAll(() => h.close());

  // Every admin mutation, with valid input, so that only the caller's role can make it fail.
  const mutations = (token: string | null): [string, () => Promise<GqlResponse<unknown>>][] => [
    ['createDepartment', () => h.gql(CreateDepartmentDocument, { input: { code: 'NEW1', name: '新部门', kind: DepartmentKind.Other } }, { token })],
    ['updateDepartment', () => h.gql(UpdateDepartmentDocument, { input: { id: dept.id, version: dept.version, name: '改名' } }, { token })],
    ['setDepartmentActive', () => h.gql(SetDepartmentActiveDocument, { input: { id: otherDept, version: 1, active: false } }, { token })],
    [
      'createUser',
      () =>
        h.gql(
          CreateUserDocument,
          { input: { username: 'newbie', displayName: '新人', departmentId: dept.id, roles: [Role.Drafter], password: 'Abcdef12345' } },
          { token },
        ),
    ],
    ['updateUser', () => h.gql(UpdateUserDocument, { input: { id: drafter.id, version: drafter.version, displayName: 'X' } }, { token })],
    ['setUserRoles', () => h.gql(SetUserRolesDocument, { input: { id: drafter.id, version: drafter.version, roles: [Role.Admin] } }, { token })],
    ['setUserActive', () => h.gql(SetUserActiveDocument, { input: { id: drafter.id, version: drafter.version, active: false } }, { token })],
    ['resetUserPassword', () => h.gql(ResetUserPasswordDocument, { input: { id: drafter.id, newPassword: 'Hijacked12345' } }, { token })],
  ];

  it.each(['anonymous', 'drafter', 'advisor', 'filing', 'director'])(
    'refuses every admin mutation for %s and leaves the database unchanged',
    async (who) => {
      const before = await h.snapshot();
      const token = who === 'anonymous' ? null : tokens[who]!;
      const calls = mutations(token);
      expect(calls).toHaveLength(8);
      for (const [name, call] of calls) {
        const res = await call();
        const err = expectError(res, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect([name, res.data]).toEqual([name, null]);
        expect(err.message).toMatch(who === 'anonymous' ? /请先登录/ : /系统管理员/);
      }
      expect(await h.snapshot()).toEqual(before);
    },
  );

  it('lets the admin create, change and deactivate, each step audited', async () => {
    const created = expectOk(
      await h.gql(CreateDepartmentDocument, { input: { code: 'WJB', name: '文化教育办', kind: DepartmentKind.GovernmentOffice } }, { token: admin }),
    ).createDepartment.department;
    expect(created).toMatchObject({ code: 'WJB', name: '文化教育办', active: true, version: 1 });

    const updated = expectOk(
      await h.gql(UpdateDepartmentDocument, { input: { id: created.id, version: 1, name: '文化教育办公室' } }, { token: admin }),
    ).updateDepartment.department;
    expect(updated).toMatchObject({ name: '文化教育办公室', version: 2 });

    const user = expectOk(
      await h.gql(
        CreateUserDocument,
        { input: { username: 'wen.li', displayName: '李文', departmentId: created.id, roles: [Role.Drafter], password: 'Wenjiao-2026' } },
        { token: admin },
      ),
    ).createUser.user;
    expect(user).toMatchObject({ username: 'wen.li', roles: ['DRAFTER'], department: { code: 'WJB' } });
    expectOk(await h.gql(LoginDocument, { username: 'wen.li', password: 'Wenjiao-2026' }));

    const roles = expectOk(
      await h.gql(SetUserRolesDocument, { input: { id: user.id, version: user.version, roles: [Role.FilingOfficer, Role.Drafter] } }, { token: admin }),
    ).setUserRoles.user;
    expect(roles.roles).toEqual(['DRAFTER', 'FILING_OFFICER']);

    // a department with active users cannot be deactivated
    expectError(await h.gql(SetDepartmentActiveDocument, { input: { id: created.id, version: 2, active: false } }, { token: admin }), 'BAD_USER_INPUT');

    const off = expectOk(await h.gql(SetUserActiveDocument, { input: { id: user.id, version: roles.version, active: false } }, { token: admin }))
      .setUserActive.user;
    expect(off.active).toBe(false);
    const dOff = expectOk(await h.gql(SetDepartmentActiveDocument, { input: { id: created.id, version: 2, active: false } }, { token: admin }))
      .setDepartmentActive.department;
    expect(dOff.active).toBe(false);
    expect(expectOk(await h.gql(DepartmentByIdDocument, { id: created.id }, { token: tokens.drafter! })).department).toMatchObject({
      code: 'WJB',
      active: false,
      version: 3,
    });

    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.User, subjectId: user.id }, { token: admin })).auditTrail;
    expect(trail.edges.map((e) => e.node.action)).toEqual(['identity.user.create', 'identity.user.set_roles', 'identity.user.deactivate']);
    expect(trail.edges.every((e) => e.node.subjectType === AuditSubjectType.User && e.node.subjectId === user.id)).toBe(true);
    const setRoles = trail.edges[1]!.node;
    expect(setRoles.actorUsername).toBe('admin');
    expect(setRoles.before).toMatchObject({ roles: ['DRAFTER'] });
    expect(setRoles.after).toMatchObject({ roles: ['DRAFTER', 'FILING_OFFICER'] });
    expect(JSON.stringify(trail)).not.toMatch(/argon2|passwordHash|Wenjiao/);

    const deptTrail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.Department, subjectId: created.id }, { token: admin })).auditTrail;
    expect(deptTrail.edges.map((e) => e.node.action)).toEqual([
      'identity.department.create',
      'identity.department.update',
      'identity.department.deactivate',
    ]);
    expect(expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const u = expectOk(await h.gql(UserByIdDocument, { id: drafter.id }, { token: admin })).user;
    expectOk(await h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, displayName: '陈经办' } }, { token: admin }));
    const before = await h.snapshot();
    const err = expectError(
      await h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, displayName: '覆盖' } }, { token: admin }),
      'CONFLICT',
    );
    expect(err.message).toMatch(/已被他人修改/);
    expect(await h.snapshot()).toEqual(before);
  });

  it('lets only one of two concurrent changes of the same version win', async () => {
    const u = expectOk(await h.gql(UserByIdDocument, { id: drafter.id }, { token: admin })).user;
    const results = await Promise.all([
      h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, displayName: '甲' } }, { token: admin }),
      h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, displayName: '乙' } }, { token: admin }),
    ]);
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
  });

  it.each([
    ['an SQL-looking code', { code: "X'; DROP TABLE app_user; --", name: 'n', kind: DepartmentKind.Other }, /部门代码/],
    ['an empty name', { code: 'EMPTY', name: '', kind: DepartmentKind.Other }, /部门名称/],
    ['a too-long name', { code: 'LONG', name: '长'.repeat(101), kind: DepartmentKind.Other }, /部门名称/],
    ['control characters', { code: 'CTRL', name: 'a\u0000b', kind: DepartmentKind.Other }, /控制字符/],
    ['a duplicate code', { code: 'DZB', name: '重复', kind: DepartmentKind.Other }, /已存在/],
  ])('refuses a department with %s, database unchanged', async (_label, input, message) => {
    const before = await h.snapshot();
    const err = expectError(await h.gql(CreateDepartmentDocument, { input }, { token: admin }), 'BAD_USER_INPUT');
    expect(err.message).toMatch(message);
    expect(await h.snapshot()).toEqual(before);
  });

  it.each([
    ['a weak password', { password: 'short1' }, /至少需要 10/],
    ['a password without digits', { password: 'abcdefghijkl' }, /字母和数字/],
    ['an upper-case username', { username: 'Robert' }, /登录名/],
    ['an SQL-looking username', { username: "x' or '1'='1" }, /登录名/],
    ['an existing username', { username: 'admin' }, /已被使用/],
    ['a malformed department id', { departmentId: 'not-a-uuid' }, /部门 id/],
    ['an unknown department', { departmentId: '00000000-0000-4000-8000-000000000000' }, /未找到部门/],
  ])('refuses a user with %s, database unchanged', async (_label, patch, message) => {
    const before = await h.snapshot();
    const input = { username: 'valid.user', displayName: '有效', departmentId: dept.id, roles: [Role.Drafter], password: 'Valid-Passw0rd', ...patch };
    const res = await h.gql(CreateUserDocument, { input }, { token: admin });
    const err = res.errors?.[0];
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(err?.extensions?.code);
    expect(err?.message).toMatch(message);
    expect(JSON.stringify(res)).not.toContain('Valid-Passw0rd');
    expect(await h.snapshot()).toEqual(before);
  });

  it('keeps the last active administrator', async () => {
    const me = expectOk(await h.gql(UsersDocument, { filter: { role: Role.Admin } }, { token: admin })).users;
    expect(me.totalCount).toBe(1);
    const a = me.edges[0]!.node;
    const before = await h.snapshot();
    expectError(await h.gql(SetUserRolesDocument, { input: { id: a.id, version: a.version, roles: [Role.Drafter] } }, { token: admin }), 'BAD_USER_INPUT');
    expectError(await h.gql(SetUserActiveDocument, { input: { id: a.id, version: a.version, active: false } }, { token: admin }), 'BAD_USER_INPUT');
    expect(await h.snapshot()).toEqual(before);
  });

  it('paginates departments with stable cursors and caps first', async () => {
    const page1 = expectOk(await h.gql(DepartmentsDocument, { first: 5 }, { token: tokens.drafter })).departments;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = expectOk(await h.gql(DepartmentsDocument, { first: 5, after: page1.pageInfo.endCursor }, { token: tokens.drafter })).departments;
    const codes = [...page1.edges, ...page2.edges].map((e) => e.node.code);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(10);
    expect(page2.totalCount).toBe(page1.totalCount);
    expect(expectError(await h.gql(DepartmentsDocument, { first: 101 }, { token: admin }), 'BAD_USER_INPUT').message).toMatch(/最多 100/);
    expectError(await h.gql(DepartmentsDocument, { first: 0 }, { token: admin }), 'BAD_USER_INPUT');
    expectError(await h.gql(DepartmentsDocument, { after: 'bm9wZQ' }, { token: admin }), 'BAD_USER_INPUT');
  });

  it('lets a user read themself but not others', async () => {
    const self = await h.gql(UserByIdDocument, { id: drafter.id }, { token: tokens.drafter });
    expect(expectOk(self).user.username).toBe('drafter');
    const adminUser = expectOk(await h.gql(UsersDocument, { filter: { role: Role.Admin } }, { token: admin })).users.edges[0]!.node;
    expectError(await h.gql(UserByIdDocument, { id: adminUser.id }, { token: tokens.drafter }), 'FORBIDDEN');
    expectError(await h.gql(UsersDocument, {}, { token: tokens.drafter }), 'FORBIDDEN');
    expectError(await h.gql(UserByIdDocument, { id: 'x' }, { token: admin }), 'BAD_USER_INPUT');
    expectError(await h.gql(UserByIdDocument, { id: '00000000-0000-4000-8000-000000000000' }, { token: admin }), 'NOT_FOUND');
    expectError(await h.gql(DepartmentByIdDocument, { id: 'x' }, { token: tokens.drafter! }), 'BAD_USER_INPUT');
    expectError(await h.gql(DepartmentByIdDocument, { id: '00000000-0000-4000-8000-000000000000' }, { token: tokens.drafter! }), 'NOT_FOUND');
  });

  it('resets a password so the old one stops working and the new one works', async () => {
    const u = expectOk(await h.gql(UsersDocument, { filter: { search: 'advisor' } }, { token: admin })).users.edges[0]!.node;
    expectOk(await h.gql(ResetUserPasswordDocument, { input: { id: u.id, newPassword: 'Brand-New-2026' } }, { token: admin }));
    expectError(await h.gql(LoginDocument, { username: 'advisor', password: DEMO_PASSWORD }), 'UNAUTHENTICATED');
    expectOk(await h.gql(LoginDocument, { username: 'advisor', password: 'Brand-New-2026' }));
  });
});
