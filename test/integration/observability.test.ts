import { startHarness, type Harness } from '../support/harness';
import { buildWorld } from '../support/world';

jest.setTimeout(120_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function post(h: Harness, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), text: await res.text() };
}

function linesOf(h: Harness, requestId: string): Record<string, unknown>[] {
  return h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === requestId);
}

describe('request ids', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('a well-formed incoming X-Request-Id is echoed and names the operation line with its root fields', async () => {
    const id = 'edge-7f3a.42:abc_DEF';
    const r = await post(h, JSON.stringify({ query: 'query RulesAndMe { rules { id } me { id } ...F } fragment F on Query { rules { title } }', operationName: 'RulesAndMe' }), {
      'x-request-id': id,
    });
    expect(r.status).toBe(200);
    expect(r.requestId).toBe(id);
    const op = linesOf(h, id).find((l) => l.msg === 'graphql operation');
    expect(op).toMatchObject({ requestId: id, operationName: 'RulesAndMe', operationType: 'query', rootFields: ['rules', 'me'] });
  });

  test('without one, or with a malformed one, the server generates an id', async () => {
    const none = await post(h, JSON.stringify({ query: '{ __typename }' }));
    expect(none.requestId).toMatch(UUID);
    for (const bad of ['has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const r = await post(h, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': bad });
      expect(r.requestId).toMatch(UUID);
    }
    const a = await post(h, JSON.stringify({ query: '{ __typename }' }));
    expect(a.requestId).not.toBe(none.requestId);
    // every other route too
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.headers.get('x-request-id')).toMatch(UUID);
    const missing = await fetch(`${h.baseUrl}/no-such-page`, { headers: { 'x-request-id': 'trace-404' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('trace-404');
  });

  test('every log line of a request carries its id: refusals after the body is read, errors, the operation line', async () => {
    const malformed = await post(h, '{"query": ', { 'x-request-id': 'req-malformed-json' });
    expect(malformed.status).toBe(400);
    expect(malformed.requestId).toBe('req-malformed-json');
    expect(linesOf(h, 'req-malformed-json').map((l) => l.msg)).toContain('request refused');

    // refused by the request guard after the body was parsed (the same field too often)
    const refused = await post(h, JSON.stringify({ query: `{ ${'__typename '.repeat(8)}}` }), { 'x-request-id': 'req-refused' });
    expect(refused.status).toBe(400);
    expect(linesOf(h, 'req-refused').map((l) => l.msg)).toContain('GraphQL request refused');

    const bad = await post(h, JSON.stringify({ query: 'query NoSuchField { noSuchField }' }), { 'x-request-id': 'req-invalid' });
    expect(bad.requestId).toBe('req-invalid');
    const op = linesOf(h, 'req-invalid').find((l) => l.msg === 'graphql operation');
    expect(op).toMatchObject({ operationName: 'NoSuchField', errorCodes: ['BAD_USER_INPUT'] });

    // No line written while these requests ran lacks an id.
    const unlabelled = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => ['request refused', 'GraphQL request refused', 'graphql operation'].includes(String(l.msg)) && !l.requestId);
    expect(unlabelled).toEqual([]);
  });
});

describe('/metrics', () => {
  let h: Harness;
  const TOKEN = 'metrics-token-0123456789abcdef';
  beforeAll(async () => {
    // TRUST_PROXY=loopback: a request through a local proxy with X-Forwarded-For comes "from outside".
    h = await startHarness({ env: { METRICS_TOKEN: TOKEN, TRUST_PROXY: 'loopback' } });
    await buildWorld(h);
  });
  afterAll(() => h.close());

  test('after a few requests: durations per operation, errors per code, overdue counts, process metrics', async () => {
    const token = await h.login('advisor');
    for (let i = 0; i < 3; i++) {
      await post(h, JSON.stringify({ query: 'query MetricsRules { rules { id } }' }), { authorization: `Bearer ${token}` });
    }
    await post(h, JSON.stringify({ query: 'query MetricsBroken { noSuchField }' }), { authorization: `Bearer ${token}` });
    await post(h, JSON.stringify({ query: '{ me { id } }' }));
    await post(h, JSON.stringify({ query: 'query Weird { __typename }', operationName: 'Weird' }));

    const res = await fetch(`${h.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/yunhu_graphql_operation_duration_seconds_count\{[^}]*operation="MetricsRules"[^}]*type="query"[^}]*\} 3/);
    expect(text).toMatch(/yunhu_graphql_operation_duration_seconds_count\{[^}]*operation="anonymous"[^}]*\} \d+/);
    expect(text).toMatch(/yunhu_graphql_errors_total\{[^}]*code="BAD_USER_INPUT"[^}]*\} 1/);
    expect(text).toMatch(/yunhu_graphql_errors_total\{[^}]*code="UNAUTHENTICATED"[^}]*\} 1/);
    expect(text).toMatch(/yunhu_http_responses_total\{[^}]*status="2xx"[^}]*\} \d+/);
    expect(text).toMatch(/^yunhu_reviews_overdue \d+$/m);
    expect(text).toMatch(/^yunhu_filing_overdue \d+$/m);
    expect(text).toMatch(/^yunhu_overdue_scrape_failed 0$/m);
    expect(text).toContain('yunhu_process_cpu_seconds_total');
    expect(text).toContain('yunhu_nodejs_heap_size_used_bytes');
  });

  test('overdue counts follow the data: a review past its due date is counted', async () => {
    const before = Number(/^yunhu_reviews_overdue (\d+)$/m.exec(await (await fetch(`${h.baseUrl}/metrics`)).text())![1]);
    const rows = await h.sql<{ id: string }>(`select id from review_request where not (status = 'ACCEPTED' and due_sort_key < '2026-01-01') limit 1`);
    if (rows.length === 0) throw new Error('the seeded world has no review request');
    await h.superSql(`update review_request set status = 'ACCEPTED', due_on = '2000-01-03', due_sort_key = '2000-01-03' where id = '${rows[0]!.id}'`);
    const after = Number(/^yunhu_reviews_overdue (\d+)$/m.exec(await (await fetch(`${h.baseUrl}/metrics`)).text())![1]);
    expect(after).toBe(before + 1);
  });

  test('from another host: refused without the token, allowed with it', async () => {
    const outside = { 'x-forwarded-for': '203.0.113.7' };
    const refused = await fetch(`${h.baseUrl}/metrics`, { headers: outside });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('METRICS_FORBIDDEN');
    expect(body.errors[0]!.message).toContain('METRICS_TOKEN');
    const wrong = await fetch(`${h.baseUrl}/metrics`, { headers: { ...outside, authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(403);
    const allowed = await fetch(`${h.baseUrl}/metrics`, { headers: { ...outside, authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('yunhu_graphql_operation_duration_seconds');
  });
});
