import { LoginDocument, MeDocument, SetUserActiveDocument, UsersDocument } from '../__generated__/graphql';
import { DEMO_PASSWORD, expectError, expectOk, startHarness, type Harness } from '../support/harness';

describe('login and identity', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '600', LOGIN_LOCK_SECONDS: '900', JWT_TTL_SECONDS: '3600' } });
  });
  afterAll(() => h.close());

  it('signs in a demo user and returns a token that works for `me`', async () => {
    const res = await h.gql(LoginDocument, { username: 'drafter', password: DEMO_PASSWORD });
    const data = expectOk(res);
    expect(data.login.user.username).toBe('drafter');
    expect(data.login.user.roles).toEqual(['DRAFTER']);
    expect(data.login.user.department.name).toBe('经济发展办公室');
    expect(new Date(data.login.expiresAt).getTime()).toBe(h.clock.now().getTime() + 3600_000);
    const me = expectOk(await h.gql(MeDocument, {}, { token: data.login.token }));
    expect(me.me.username).toBe('drafter');
  });

  it('gives the identical error for unknown user, wrong password and inactive user', async () => {
    const admin = await h.login('admin');
    // deactivate "filing" to have an inactive user with a known password
    const users = expectOk(await h.gql(UsersDocument, { filter: { search: 'filing' } }, { token: admin }));
    const filing = users.users.edges[0]!.node;
    expectOk(await h.gql(SetUserActiveDocument, { input: { id: filing.id, version: filing.version, active: false } }, { token: admin }));

    const unknown = await h.gql(LoginDocument, { username: 'nobody', password: DEMO_PASSWORD });
    const wrong = await h.gql(LoginDocument, { username: 'advisor', password: 'wrong-password-1' });
    const inactive = await h.gql(LoginDocument, { username: 'filing', password: DEMO_PASSWORD });
    for (const r of [unknown, wrong, inactive]) {
      expect(r.data).toBeNull();
      expect(r.errors).toHaveLength(1);
    }
    const strip = (r: typeof unknown) => ({ message: r.errors![0]!.message, extensions: r.errors![0]!.extensions, status: r.status });
    expect(strip(unknown)).toEqual(strip(wrong));
    expect(strip(wrong)).toEqual(strip(inactive));
    expect(strip(unknown)).toEqual({
      message: '用户名或密码错误',
      extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' },
      status: 200,
    });
  });

  it('throttles repeated failures for one username, even the right password, until the lock expires', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await h.gql(LoginDocument, { username: 'director', password: `bad-guess-${i}` });
      expect(expectError(r, 'UNAUTHENTICATED').extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    const locked = await h.gql(LoginDocument, { username: 'director', password: DEMO_PASSWORD });
    const err = expectError(locked, 'UNAUTHENTICATED');
    expect(err.extensions?.reason).toBe('THROTTLED');
    expect(err.extensions?.retryAfterSeconds).toBe(900);
    expect(err.message).toContain('15 分钟后再试');
    // other usernames are not affected
    expectOk(await h.gql(LoginDocument, { username: 'advisor', password: DEMO_PASSWORD }));
    // unknown usernames are throttled the same way (no enumeration through the lock either)
    for (let i = 0; i < 3; i++) await h.gql(LoginDocument, { username: 'ghost', password: `x${i}` });
    expect(expectError(await h.gql(LoginDocument, { username: 'ghost', password: 'x' }), 'UNAUTHENTICATED').extensions?.reason).toBe(
      'THROTTLED',
    );
    h.clock.advanceMs(901_000);
    expectOk(await h.gql(LoginDocument, { username: 'director', password: DEMO_PASSWORD }));
    const rows = await h.sql('select * from login_throttle where username = ?', ['director']);
    expect(rows).toHaveLength(0);
  });

  it('counts failures within the window only', async () => {
    await h.gql(LoginDocument, { username: 'drafter2', password: 'bad-1' });
    await h.gql(LoginDocument, { username: 'drafter2', password: 'bad-2' });
    h.clock.advanceMs(601_000); // window over
    await h.gql(LoginDocument, { username: 'drafter2', password: 'bad-3' });
    expectOk(await h.gql(LoginDocument, { username: 'drafter2', password: DEMO_PASSWORD }));
  });

  it('refuses expired, forged and malformed tokens, and tokens of deactivated users', async () => {
    const token = await h.login('advisor');
    expectOk(await h.gql(MeDocument, {}, { token }));
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(expectError(await h.gql(MeDocument, {}, { token: forged }), 'UNAUTHENTICATED').message).toBe('登录凭证无效，请重新登录');
    const bad = await h.post({ query: '{ me { id } }' }, { authorization: 'Basic abc' });
    expect(JSON.stringify(bad.json)).toContain('Bearer');
    h.clock.advanceMs(3601_000);
    expect(expectError(await h.gql(MeDocument, {}, { token }), 'UNAUTHENTICATED').message).toBe('登录已过期，请重新登录');
  });

  it('logs one line per operation with its name, duration, error codes and user, never the password', async () => {
    h.logs.length = 0;
    await h.gql(LoginDocument, { username: 'advisor', password: 'Secret-Leak-123' });
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'graphql operation');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ operationName: 'Login', errorCodes: ['UNAUTHENTICATED'], userId: null });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(h.logs.join('\n')).not.toContain('Secret-Leak-123');

    h.logs.length = 0;
    const token = await h.login('admin');
    h.logs.length = 0;
    await h.gql(MeDocument, {}, { token });
    const me = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'graphql operation');
    expect(me).toMatchObject({ operationName: 'Me', errorCodes: [] });
    expect(me!.userId).toEqual(expect.any(String));
    expect(h.logs.join('\n')).not.toContain(token);
  });
});
