import { createApp, type App } from '../../src/app';
import { openOrm } from '../../src/orm';
import { TokenService } from '../../src/identity/token';
import type { MikroORM } from '@mikro-orm/postgresql';
import { LogoutEverywhereDocument, MeDocument, ProposalSource } from '../__generated__/graphql';
import { DEMO_PASSWORD, startHarness, type Harness } from '../support/harness';
import { buildWorld } from '../support/world';

/**
 * Two server processes' worth of state on one database (issue #15): a second app with its own pool,
 * token service and caches next to the harness's, requests spread over both. Sessions are valid on
 * both and ended on both, the login throttle is shared, numbering stays unique under concurrency.
 * (Jobs and notices once: jobs-once.test.ts.)
 */
describe('two servers on one database', () => {
  const MAX = 4;
  let h: Harness;
  let orm2: MikroORM;
  let app2: App;
  let url2: string;

  beforeAll(async () => {
    h = await startHarness({ env: { LOGIN_MAX_FAILURES: String(MAX), LOGIN_MAX_FAILURES_PER_ADDRESS: '0' } });
    await buildWorld(h); // the world's accounts (drafter, filing, drafter2)
    orm2 = await openOrm(h.dbUrl, { poolMax: 5 });
    const config = h.config;
    app2 = await createApp(orm2, {
      ...h.deps,
      tokens: new TokenService({ secret: config.jwt.secret!, ttlSeconds: config.jwt.ttlSeconds, issuer: config.jwt.issuer }),
    });
    url2 = `http://127.0.0.1:${await app2.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await app2.close();
    await orm2.close(true);
    await h.close();
  });

  /** A GraphQL call to server A (the harness) or B (the second app). */
  async function call(server: 'A' | 'B', query: string, variables: Record<string, unknown> = {}, token?: string) {
    const res = await fetch(server === 'A' ? h.url : url2, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }
  const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
  const ME = 'query { me { username } }';

  it('a session opened on one server is valid on the other, and ending it everywhere ends it on both', async () => {
    const token = (await call('A', LOGIN, { u: 'drafter', p: DEMO_PASSWORD })).data!.login.token as string;
    expect((await call('B', ME, {}, token)).data?.me.username).toBe('drafter');
    const out = await h.gql(LogoutEverywhereDocument, {}, { token });
    expect(out.errors).toBeUndefined();
    for (const server of ['A', 'B'] as const) {
      const r = await call(server, ME, {}, token);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The harness's own typed document agrees.
    expect((await h.gql(MeDocument, {}, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('wrong passwords spread over both servers lock the account on both', async () => {
    const results = [];
    for (let i = 0; i < MAX + 2; i++) results.push(await call(i % 2 ? 'B' : 'A', LOGIN, { u: 'filing', p: `wrong-${i}` }));
    expect(results.every((r) => !r.data?.login)).toBe(true);
    // The first MAX were checked and refused; the rest were throttled, whichever server took them.
    expect(results.map((r) => r.errors?.[0]?.extensions?.reason)).toEqual([...Array(MAX).fill('INVALID_CREDENTIALS'), 'THROTTLED', 'THROTTLED']);
    // Locked on both: even the right password is refused, whichever server is asked.
    for (const server of ['A', 'B'] as const) {
      const r = await call(server, LOGIN, { u: 'filing', p: DEMO_PASSWORD });
      expect(r.data?.login ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.reason).toBe('THROTTLED');
    }
  });

  it('numbers stay unique when both servers number at once', async () => {
    const flags = { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false };
    const input = (n: number) => ({ title: `并发编号${n}`, source: ProposalSource.Department, problem: '问题', legalBasis: '依据', preliminaryPlan: '方案', necessity: '必要', feasibility: '可行', flags });
    const query = 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { code } } }';
    const token = await h.login('drafter2');
    const results = await Promise.all(Array.from({ length: 16 }, (_, n) => call(n % 2 ? 'B' : 'A', query, { input: input(n) }, token)));
    const codes = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data!.createProposal.proposal.code as string;
    });
    expect(new Set(codes).size).toBe(16);
  });
});
