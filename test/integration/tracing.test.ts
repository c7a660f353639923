import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { DEMO_PASSWORD, TEST_AUDIT_KEY } from '../support/constants';

/**
 * Tracing with the standard OTEL_* variables: a server process started with them exports a span per
 * GraphQL operation and a child span per SQL statement to an OTLP/HTTP receiver (JSON). Without
 * them no OpenTelemetry module is loaded at all.
 */
jest.setTimeout(120_000);
const root = path.resolve(__dirname, '../..');

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

/** A local OTLP/HTTP trace receiver: keeps every span POSTed to /v1/traces as JSON. */
async function startOtlpReceiver() {
  const spans: OtlpSpan[] = [];
  const requests: { path: string; contentType: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', contentType: String(req.headers['content-type']) });
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[] };
        for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
      } catch {
        // not JSON: recorded in requests only
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let h: Harness;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let server: ChildProcess | null = null;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  h = await startHarness();
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
  }
  await h?.close();
  await receiver?.close();
});

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('OpenTelemetry tracing', () => {
  it('a server started with the OTEL_* variables exports the operation span with its SQL statements as children', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yunhu-trace-'));
    let out = '';
    server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: h.dbUrl,
        DATABASE_OWNER_URL: h.ownerDbUrl,
        JWT_SECRET: 'trace-secret-'.padEnd(48, 't'),
        AUDIT_KEY: TEST_AUDIT_KEY,
        DATA_DIR: dataDir,
        AUDIT_CHECKPOINT_DIR: path.join(dataDir, 'checkpoints'),
        HOST: '127.0.0.1',
        PORT: '0',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'yunhu-review-test',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const base = await until('the server to start', () => {
      if (server!.exitCode !== null) throw new Error(`the server ended:\n${out}`);
      return /is running: (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(out)?.[1];
    }, 90_000);
    expect(out).toContain('OpenTelemetry trace SDK started');

    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, { token?: string; username?: string }>; errors?: unknown[] };
    };
    const login = await gql('mutation TraceLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'drafter', p: DEMO_PASSWORD });
    expect(login.errors).toBeUndefined();
    const me = await gql('query TraceMe { me { username } }', {}, login.data!.login!.token);
    expect(me.data!.me!.username).toBe('drafter');

    const operation = await until('the operation span', () => receiver.spans.find((s) => s.name === 'query TraceMe'));
    const statements = await until('its SQL statement spans', () => {
      const children = receiver.spans.filter((s) => s.parentSpanId === operation.spanId && s.name.startsWith('pg.query'));
      return children.length > 0 && children;
    });
    for (const s of statements) expect(s.traceId).toBe(operation.traceId);
    expect(operation.parentSpanId ?? '').toBe(''); // the operation is the root of its trace
    const attrs = Object.fromEntries((operation.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]));
    expect(attrs).toMatchObject({ 'graphql.operation.name': 'TraceMe', 'graphql.operation.type': 'query' });
    expect(String(attrs['yunhu.request_id'])).toMatch(/^[0-9a-f-]{36}$/);
    // the login mutation has its own trace with its own statements
    const loginSpan = receiver.spans.find((s) => s.name === 'mutation TraceLogin')!;
    expect(loginSpan.traceId).not.toBe(operation.traceId);
    expect(receiver.spans.some((s) => s.parentSpanId === loginSpan.spanId && s.name.startsWith('pg.query'))).toBe(true);
    // sent as OTLP/HTTP JSON to the standard path; no statement span without an operation (the start's migrations check)
    expect(receiver.requests.every((r) => r.path === '/v1/traces' && r.contentType.startsWith('application/json'))).toBe(true);
    const ids = new Set(receiver.spans.map((s) => s.spanId));
    expect(receiver.spans.filter((s) => s.name.startsWith('pg.query') && !ids.has(s.parentSpanId ?? ''))).toEqual([]);

    server.kill('SIGTERM');
    await until('the server to stop', () => server!.exitCode !== null, 20_000);
    expect(server.exitCode).toBe(0);
  });

  it('without the variables, no OpenTelemetry module is loaded by the start', () => {
    const probe = `require('./src/observability/tracing-preload'); require('pg'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('@opentelemetry'))))`;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
    const off = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', probe], { cwd: root, env, encoding: 'utf8' });
    expect(off.stderr).toBe('');
    expect(JSON.parse(off.stdout)).toEqual([]);
    const on = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', probe], {
      cwd: root,
      env: { ...env, OTEL_TRACES_EXPORTER: 'console' },
      encoding: 'utf8',
    });
    expect(JSON.parse(on.stdout.trim().split('\n').pop()!).some((k: string) => k.includes('instrumentation-pg'))).toBe(true);
  });
});
