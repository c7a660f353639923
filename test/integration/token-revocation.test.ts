import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import {
  ChangeMyPasswordDocument,
  DepartmentsDocument,
  LogoutDocument,
  LogoutEverywhereDocument,
  MeDocument,
  ResetUserPasswordDocument,
  Role,
  SetUserActiveDocument,
  SetUserRolesDocument,
  UpdateUserDocument,
  UserByIdDocument,
} from '../__generated__/graphql';
import { DEMO_PASSWORD, expectError, expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Tokens that die when they should (issue #10, finding 4): a token issued before a password change
 * or reset, a deactivation, or a change of roles or department stops working at once; tokens
 * without exp/iat/sub are refused; `logout` kills one token, `logoutEverywhere` all of a user's.
 */

const STALE = '登录凭证已失效（密码、角色、部门或账号状态已变更），请重新登录';
const LOGGED_OUT = '该登录凭证已退出登录，请重新登录';
const INVALID = '登录凭证无效，请重新登录';

describe('token lifetime and revocation', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '0' } });
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  async function meWorks(token: string) {
    return expectOk(await h.gql(MeDocument, {}, { token })).me;
  }
  async function refused(token: string): Promise<string> {
    const res = await h.gql(MeDocument, {}, { token });
    expect(res.data).toBeNull();
    return expectError(res, 'UNAUTHENTICATED').message;
  }
  async function userOf(token: string) {
    const me = await meWorks(token);
    return expectOk(await h.gql(UserByIdDocument, { id: me.id }, { token: admin })).user;
  }

  it('refuses a token issued before the user changed their own password (every session, this one included)', async () => {
    const a = await h.login('drafter');
    const b = await h.login('drafter');
    h.clock.advanceMs(1000);
    const changed = expectOk(await h.gql(ChangeMyPasswordDocument, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'New-Passw0rd-2026' } }, { token: a }));
    expect(await refused(a)).toBe(STALE);
    expect(await refused(b)).toBe(STALE);
    // the payload carries a fresh token for this session
    expect((await meWorks(changed.changeMyPassword.token)).username).toBe('drafter');
    await meWorks(await h.login('drafter', 'New-Passw0rd-2026'));
  });

  it('refuses a token issued before an administrator reset the password', async () => {
    const t = await h.login('drafter2');
    const u = await userOf(t);
    expectOk(await h.gql(ResetUserPasswordDocument, { input: { id: u.id, newPassword: 'Reset-Passw0rd-2026' } }, { token: admin }));
    expect(await refused(t)).toBe(STALE);
    await meWorks(await h.login('drafter2', 'Reset-Passw0rd-2026'));
  });

  it('refuses a token issued before a deactivation, also after the account is activated again', async () => {
    const t = await h.login('advisor');
    let u = await userOf(t);
    u = expectOk(await h.gql(SetUserActiveDocument, { input: { id: u.id, version: u.version, active: false } }, { token: admin })).setUserActive.user;
    expect(await refused(t)).toMatch(/请联系管理员|请重新登录/);
    expectOk(await h.gql(SetUserActiveDocument, { input: { id: u.id, version: u.version, active: true } }, { token: admin }));
    expect(await refused(t)).toBe(STALE);
    await meWorks(await h.login('advisor'));
  });

  it('refuses a token issued before a change of roles', async () => {
    const t = await h.login('filing');
    let u = await userOf(t);
    // the same roles again change nothing, so the token lives on
    u = expectOk(await h.gql(SetUserRolesDocument, { input: { id: u.id, version: u.version, roles: [Role.FilingOfficer] } }, { token: admin })).setUserRoles.user;
    await meWorks(t);
    expectOk(await h.gql(SetUserRolesDocument, { input: { id: u.id, version: u.version, roles: [Role.FilingOfficer, Role.Drafter] } }, { token: admin }));
    expect(await refused(t)).toBe(STALE);
    expect((await meWorks(await h.login('filing'))).roles).toEqual([Role.Drafter, Role.FilingOfficer]);
  });

  it('refuses a token issued before a move to another department, but not after a mere rename', async () => {
    const t = await h.login('director');
    let u = await userOf(t);
    u = expectOk(await h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, displayName: '刘主任（改名）' } }, { token: admin })).updateUser.user;
    await meWorks(t);
    const depts = expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: admin })).departments.edges.map((e) => e.node);
    const other = depts.find((d) => d.id !== u.department.id && d.active)!;
    expectOk(await h.gql(UpdateUserDocument, { input: { id: u.id, version: u.version, departmentId: other.id } }, { token: admin }));
    expect(await refused(t)).toBe(STALE);
  });

  it('refuses correctly signed tokens without exp, iat or sub', async () => {
    const real = await h.login('admin');
    await meWorks(real);
    const claims = decodeJwt(real);
    const key = new TextEncoder().encode(h.config.jwt.secret!);
    const sign = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    // the same claims, re-signed, still work: only the missing claim makes the difference
    await meWorks(await sign({ ...claims }));
    // jti and gen too: tokens from before token generations existed are refused once (sign in again)
    for (const missing of ['exp', 'iat', 'sub', 'jti', 'gen'] as const) {
      const { [missing]: _dropped, ...rest } = claims;
      expect(await refused(await sign(rest))).toBe(INVALID);
    }
    // an iat in the future is not believed either
    expect(await refused(await sign({ ...claims, iat: claims.iat! + 3600 }))).toBe(INVALID);
  });

  it('logout kills only this token, and is audited', async () => {
    const a = await h.login('admin');
    const b = await h.login('admin');
    const data = expectOk(await h.gql(LogoutDocument, {}, { token: a }));
    expect(data.logout.user.username).toBe('admin');
    expect(data.logout.loggedOutAt).toBe(h.clock.now().toISOString());
    expect(await refused(a)).toBe(LOGGED_OUT);
    await meWorks(b);
    expect(expectError(await h.gql(LogoutDocument, {}, { token: a }), 'UNAUTHENTICATED').message).toBe(LOGGED_OUT);
    expect(await h.sql('select user_id from revoked_token')).toHaveLength(1);
    // a logged-out token is kept only until it would have expired anyway
    h.clock.advanceMs((h.config.jwt.ttlSeconds + 1) * 1000);
    const c = await h.login('admin');
    expectOk(await h.gql(LogoutDocument, {}, { token: c }));
    expect(await h.sql('select user_id from revoked_token')).toHaveLength(1);
    admin = await h.login('admin');
    const events = await h.sql<{ action: string }>("select action from audit_event where action like 'identity.user.logout%' order by id");
    expect(events.map((e) => e.action)).toEqual(['identity.user.logout', 'identity.user.logout']);
  });

  it('logoutEverywhere kills every token of the user, and is audited', async () => {
    const a = await h.login('admin');
    const b = await h.login('admin');
    const data = expectOk(await h.gql(LogoutEverywhereDocument, {}, { token: a }));
    expect(data.logoutEverywhere.user.username).toBe('admin');
    expect(await refused(a)).toBe(STALE);
    expect(await refused(b)).toBe(STALE);
    expect(await refused(admin)).toBe(STALE);
    admin = await h.login('admin');
    await meWorks(admin);
    const events = await h.sql<{ action: string }>("select action from audit_event where action = 'identity.user.logout_everywhere'");
    expect(events).toHaveLength(1);
  });

  it('resolves a token, its revocation and its user in one statement per request', async () => {
    const t = await h.login('drafter', 'New-Passw0rd-2026');
    h.statements.reset();
    const res = await h.post({ query: '{ me { id username } }' }, { authorization: `Bearer ${t}` });
    expect(res.json).toMatchObject({ data: { me: { username: 'drafter' } } });
    expect(h.statements.count).toBe(1);
  });
});
