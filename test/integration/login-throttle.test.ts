import * as password from '../../src/identity/password';
import { LoginDocument } from '../__generated__/graphql';
import { DEMO_PASSWORD, expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * The login throttle under load (issue #10, finding 3): the attempt is reserved atomically BEFORE
 * the password is checked, so a burst of parallel guesses gets at most the configured number of
 * password checks; spraying many usernames from one client address is throttled as well.
 */

/** Every password check the server makes (real accounts and the dummy check for unknown names). */
function countPasswordChecks() {
  const real = jest.spyOn(password, 'verifyPassword');
  const dummy = jest.spyOn(password, 'verifyAgainstDummy');
  let final: number | null = null;
  return {
    get count() {
      return final ?? real.mock.calls.length + dummy.mock.calls.length;
    },
    /** Stops counting; `count` keeps the final figure. */
    restore() {
      final = real.mock.calls.length + dummy.mock.calls.length;
      real.mockRestore();
      dummy.mockRestore();
    },
  };
}

type LoginResult = GqlResponse<{ login: { token: string } }>;

function reasons(results: LoginResult[]) {
  const out: Record<string, number> = {};
  for (const r of results) {
    const key = r.data?.login?.token ? 'TOKEN' : String(r.errors?.[0]?.extensions?.reason ?? r.errors?.[0]?.extensions?.code);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** A raw login, optionally with extra headers (X-Forwarded-For). */
async function rawLogin(h: Harness, username: string, pw: string, headers: Record<string, string> = {}): Promise<LoginResult> {
  const { status, json } = await h.post(
    { query: 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: pw } },
    headers,
  );
  const body = json as { data?: { login: { token: string } } | null; errors?: LoginResult['errors'] };
  return { status, data: body.data, errors: body.errors };
}

describe('login throttle under a burst (one account)', () => {
  const MAX = 5;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: { LOGIN_MAX_FAILURES: String(MAX), LOGIN_WINDOW_SECONDS: '600', LOGIN_LOCK_SECONDS: '900', LOGIN_MAX_FAILURES_PER_ADDRESS: '0' },
    });
  });
  afterAll(() => h.close());

  it('gives 40 parallel wrong guesses at most LOGIN_MAX_FAILURES password checks, and no token', async () => {
    const checks = countPasswordChecks();
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => h.gql(LoginDocument, { username: 'director', password: `wrong-guess-${i}` })));
      const tally = reasons(results);
      // eslint-disable-next-line no-console
      console.log(`burst of 40 wrong guesses (max ${MAX}): ${checks.count} password checks, ${JSON.stringify(tally)}`);
      expect(checks.count).toBeLessThanOrEqual(MAX);
      expect(tally.TOKEN).toBeUndefined();
      expect(tally.INVALID_CREDENTIALS).toBe(checks.count);
      expect(tally.THROTTLED).toBe(40 - checks.count);
    } finally {
      checks.restore();
    }
  });

  it('gives a burst with the RIGHT password after the lock no token and no password check', async () => {
    const checks = countPasswordChecks();
    try {
      const results = await Promise.all(Array.from({ length: 40 }, () => h.gql(LoginDocument, { username: 'director', password: DEMO_PASSWORD })));
      const tally = reasons(results);
      // eslint-disable-next-line no-console
      console.log(`burst of 40 right passwords while locked: ${checks.count} password checks, ${JSON.stringify(tally)}`);
      expect(tally).toEqual({ THROTTLED: 40 });
      expect(checks.count).toBe(0);
      const err = expectError(results[0]!, 'UNAUTHENTICATED');
      expect(err.message).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    } finally {
      checks.restore();
    }
  });

  it('holds for an unknown username too', async () => {
    const checks = countPasswordChecks();
    try {
      const ghosts = await Promise.all(Array.from({ length: 40 }, (_, i) => h.gql(LoginDocument, { username: 'ghost-burst', password: `x-${i}` })));
      expect(checks.count).toBeLessThanOrEqual(MAX);
      expect(reasons(ghosts).THROTTLED).toBe(40 - checks.count);
    } finally {
      checks.restore();
    }
  });

  it('lets the account in after the lock expires, and a success clears the count', async () => {
    h.clock.advanceMs(901_000);
    expectOk(await h.gql(LoginDocument, { username: 'director', password: DEMO_PASSWORD }));
    expect(await h.sql('select * from login_throttle where username = ?', ['director'])).toHaveLength(0);
    // a fresh window: MAX − 1 failures, then the right password still works
    for (let i = 0; i < MAX - 1; i++) await h.gql(LoginDocument, { username: 'director', password: `bad-${i}` });
    expectOk(await h.gql(LoginDocument, { username: 'director', password: DEMO_PASSWORD }));
    expect(await h.sql('select * from login_throttle where username = ?', ['director'])).toHaveLength(0);
  });
});

describe('login throttle per client address', () => {
  const PER_ADDRESS = 10;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        LOGIN_MAX_FAILURES: '5',
        LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
        LOGIN_ADDRESS_WINDOW_SECONDS: '600',
        LOGIN_ADDRESS_LOCK_SECONDS: '1200',
      },
    });
  });
  afterAll(() => h.close());

  it('throttles one address spraying 30 usernames (one guess each) after the per-address limit', async () => {
    const checks = countPasswordChecks();
    const results: LoginResult[] = [];
    try {
      for (let i = 0; i < 30; i++) results.push(await rawLogin(h, `spray-${i}`, 'Spring2026!'));
    } finally {
      checks.restore();
    }
    const tally = reasons(results);
    // eslint-disable-next-line no-console
    console.log(`spray of 30 usernames from one address (limit ${PER_ADDRESS}): ${checks.count} password checks, ${JSON.stringify(tally)}`);
    expect(checks.count).toBe(PER_ADDRESS);
    expect(tally).toEqual({ INVALID_CREDENTIALS: PER_ADDRESS, THROTTLED: 30 - PER_ADDRESS });
    const err = expectError(results[29]!, 'UNAUTHENTICATED');
    expect(err.extensions).toMatchObject({ reason: 'THROTTLED', scope: 'ADDRESS', retryAfterSeconds: 1200 });
    expect(err.message).toMatch(/登录失败次数过多.*20 分钟后再试/);
    // the address is locked for everyone at it, even with a right password; nothing is checked
    expect(reasons([await rawLogin(h, 'advisor', DEMO_PASSWORD)])).toEqual({ THROTTLED: 1 });
  });

  it('ignores X-Forwarded-For unless trust proxy is configured (a spoofed header does not reset the count)', async () => {
    const r = await rawLogin(h, 'advisor', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.23' });
    expect(reasons([r])).toEqual({ THROTTLED: 1 });
  });

  it('holds for a parallel spray: 30 usernames at once get at most the per-address limit of checks', async () => {
    h.clock.advanceMs(1_201_000);
    const checks = countPasswordChecks();
    let results: LoginResult[];
    try {
      results = await Promise.all(Array.from({ length: 30 }, (_, i) => rawLogin(h, `parallel-${i}`, 'Spring2026!')));
    } finally {
      checks.restore();
    }
    // eslint-disable-next-line no-console
    console.log(`parallel spray of 30 usernames (limit ${PER_ADDRESS}): ${checks.count} password checks, ${JSON.stringify(reasons(results))}`);
    expect(checks.count).toBeLessThanOrEqual(PER_ADDRESS);
    expect(reasons(results).TOKEN).toBeUndefined();
  });

  it('does not count successful sign-ins against the address', async () => {
    h.clock.advanceMs(1_201_000);
    for (let i = 0; i < PER_ADDRESS + 5; i++) expectOk(await h.gql(LoginDocument, { username: 'advisor', password: DEMO_PASSWORD }));
    const rows = await h.sql<{ failures: number }>('select failures from login_address_throttle');
    expect(rows.every((r) => r.failures === 0)).toBe(true);
  });
});

describe('login throttle per client address behind a trusted proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '3', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => h.close());

  it('throttles by the forwarded client address, so other clients of the proxy still sign in', async () => {
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    const results: LoginResult[] = [];
    for (let i = 0; i < 6; i++) results.push(await rawLogin(h, `spray-${i}`, 'Spring2026!', attacker));
    expect(reasons(results)).toEqual({ INVALID_CREDENTIALS: 3, THROTTLED: 3 });
    expect(reasons([await rawLogin(h, 'advisor', DEMO_PASSWORD, attacker)])).toEqual({ THROTTLED: 1 });
    expect(reasons([await rawLogin(h, 'advisor', DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.8' })])).toEqual({ TOKEN: 1 });
  });
});

describe('login throttle per client address, loopback exempt', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '3', LOGIN_ADDRESS_EXEMPT_LOOPBACK: 'true' } });
  });
  afterAll(() => h.close());

  it('does not throttle loopback callers by address when configured so', async () => {
    const results: LoginResult[] = [];
    for (let i = 0; i < 8; i++) results.push(await rawLogin(h, `spray-${i}`, 'Spring2026!'));
    expect(reasons(results)).toEqual({ INVALID_CREDENTIALS: 8 });
  });
});
