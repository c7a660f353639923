import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, chmodSync } from 'node:fs';
import { freePort } from '../support/ports';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The server as an operator runs it (its own process, its own embedded PostgreSQL in a fresh data
 * folder): when the database dies, requests fail fast with a clear error, the server restarts the
 * database itself and resumes; SIGTERM during an outage still exits promptly; a second server on
 * the same data folder refuses and touches nothing.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface Server {
  child: ChildProcess;
  out: string[];
  url: string;
  dataDir: string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string, port: number, pgPort: number): Server {
  const out: string[] = [];
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      TS_NODE_TRANSPILE_ONLY: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => out.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, url: `http://127.0.0.1:${port}/graphql`, dataDir, exited };
}

async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

async function gql(url: string, query: string, token?: string): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as never };
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function readyServer(): Promise<Server & { token: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yunhu-recovery-'));
  chmodSync(dataDir, 0o755);
  const s = startServer(dataDir, await freePort(), await freePort());
  await waitFor('the server to start', () => s.out.join('').includes('is running'), 90_000);
  const password = /admin\s+(\S+)/.exec(s.out.join(''))![1]!;
  const login = await gql(s.url, `mutation { login(username: "admin", password: "${password}") { token } }`);
  const token = (login.body.data!.login as { token: string }).token;
  return { ...s, token };
}

describe('the server when its database dies', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
      const pidFile = path.join(s.dataDir, 'pg', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = postmasterPid(s.dataDir);
        if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
    }
  });

  it('fails fast with 数据库不可用 while it is down, restarts it with backoff and resumes', async () => {
    const s = await readyServer();
    servers.push(s);
    expect((await gql(s.url, '{ me { username } }', s.token)).body.data).toEqual({ me: { username: 'admin' } });

    const pid = postmasterPid(s.dataDir);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    await waitFor('the postmaster to die', () => !alive(pid), 5_000, 50);

    const started = Date.now();
    const down = await gql(s.url, '{ me { username } }', s.token);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.errors?.[0]?.message).toContain('数据库不可用');
    expect(JSON.stringify(down.body)).not.toMatch(/Context creation failed|ECONNREFUSED/);

    await waitFor('the request to succeed again', async () => (await gql(s.url, '{ me { username } }', s.token)).body.data?.me, 60_000, 250);
    const recoveredMs = Date.now() - killedAt;
    expect(recoveredMs).toBeLessThan(60_000);
    expect(postmasterPid(s.dataDir)).not.toBe(pid);
    expect(s.out.join('')).toMatch(/restart/i);
    process.stdout.write(`[recovery] database back ${recoveredMs} ms after the kill\n`);
  }, 180_000);

  it('exits within a few seconds on SIGTERM during an outage, leaving no database behind', async () => {
    const s = await readyServer();
    servers.push(s);
    const pid = postmasterPid(s.dataDir);
    process.kill(pid, 'SIGKILL');
    await waitFor('the postmaster to die', () => !alive(pid), 5_000, 50);
    const sentAt = Date.now();
    s.child.kill('SIGTERM');
    const code = await Promise.race([s.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(8_000);
    const pidFile = path.join(s.dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) expect(alive(postmasterPid(s.dataDir))).toBe(false);
  }, 180_000);

  it('refuses a second server on a data folder whose database a live server owns, touching nothing', async () => {
    const a = await readyServer();
    servers.push(a);
    const pid = postmasterPid(a.dataDir);
    const b = startServer(a.dataDir, await freePort(), await freePort());
    servers.push(b);
    const code = await Promise.race([b.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(code).not.toBe(0);
    expect(code).not.toBe('timeout');
    expect(b.out.join('')).toContain('已由');
    expect(alive(pid)).toBe(true);
    expect((await gql(a.url, '{ me { username } }', a.token)).body.data).toEqual({ me: { username: 'admin' } });
  }, 180_000);
});
