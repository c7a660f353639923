import { serverAudits } from 'graphql-http';
import { MeDocument } from '../__generated__/graphql';
import { expectError, startHarness, type Harness } from '../support/harness';

describe('HTTP server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('passes every MUST audit of the GraphQL-over-HTTP spec (graphql-http)', async () => {
    const audits = serverAudits({ url: h.url, fetchFn: fetch });
    const results = await Promise.all(audits.map((a) => a.fn()));
    const mustFailures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    expect(mustFailures.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    const missing = await fetch(`${h.baseUrl}/nowhere`);
    expect(missing.status).toBe(404);
  });

  it('refuses a batched request', async () => {
    const res = await h.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toMatch(/batch/i);
  });

  it('answers malformed JSON with a JSON error, not a stack page', async () => {
    const res = await h.post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(JSON.stringify(res.json)).not.toMatch(/at .*\.js/);
  });

  it('keeps CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${h.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it('reports unexpected failures without internals', async () => {
    // A request that reaches the database after the pool is gone fails inside a resolver.
    const h2 = await startHarness();
    const token = await h2.login('drafter');
    await h2.orm.close(true);
    const res = await h2.gql(MeDocument, {}, { token });
    const err = res.errors![0]!;
    expect(['INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED']).toContain(err.extensions?.code);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|node_modules|select /i);
    const ready = await fetch(`${h2.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    await h2.app.close();
    await h2.close().catch(() => undefined);
  });
});

describe('query limits', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '5' } });
    token = await h.login('admin');
  });
  afterAll(() => h.close());

  it('rejects an over-deep query', async () => {
    const res = await h.post(
      { query: '{ users { edges { node { department { name } } } } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(JSON.stringify(res.json)).toMatch(/depth/i);
    expect((res.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const shallow = await h.post({ query: '{ me { department { name } } }' }, { authorization: `Bearer ${token}` });
    expect((shallow.json as { data: unknown }).data).toBeTruthy();
  });

  it('rejects an alias flood', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await h.post({ query: `{ ${aliases} }` }, { authorization: `Bearer ${token}` });
    expect(JSON.stringify(res.json)).toMatch(/alias/i);
    expect((res.json as { data?: unknown }).data).toBeUndefined();
  });

  it('rejects a token flood', async () => {
    const fields = Array.from({ length: 4000 }, () => '__typename').join(' ');
    const res = await h.post({ query: `{ ${fields} }` }, { authorization: `Bearer ${token}` });
    expect(JSON.stringify(res.json)).toMatch(/token/i);
  });
});

describe('production mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) } });
  });
  afterAll(() => h.close());

  it('refuses introspection', async () => {
    const res = await h.post({ query: '{ __schema { types { name } } }' });
    expect(JSON.stringify(res.json)).toMatch(/introspection/i);
    expect((res.json as { data?: unknown }).data).toBeUndefined();
  });

  it('still answers ordinary operations with stable codes and no stack traces', async () => {
    const res = await h.gql(MeDocument, {});
    const err = expectError(res, 'UNAUTHENTICATED');
    expect(err.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const bad = await h.post({ query: '{ nosuchfield }' });
    expect(JSON.stringify(bad.json)).not.toMatch(/stacktrace/);
    expect(JSON.stringify(bad.json)).not.toMatch(/Did you mean/);
  });
});
