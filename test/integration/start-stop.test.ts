import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';

/**
 * `npm start` as an operator runs it: it builds only when a source changed since the last build
 * (a second start compiles nothing), and a SIGTERM or SIGINT sent to npm reaches the server, which
 * closes the HTTP server, the job runner, the pool and the embedded database within seconds.
 *
 * It runs what production runs: the bundled server (scripts/bundle-server.js) through src/start.ts,
 * which writes V8's code cache once the server is ready and hands it to V8 at the next start. The
 * bundle serves the very schema the sources declare (class names kept), migrates and loads the demo
 * office into a fresh embedded database.
 */
const root = path.resolve(__dirname, '../..');
/** The code cache of the bundle the build made (named by its id, src/start.ts). */
const codeCache = () => path.join(root, 'dist', 'src', `main.bundle.${readFileSync(path.join(root, 'dist', 'src', 'main.bundle.id'), 'utf8').trim()}.cache`);
let cacheWrittenAt: number | null = null;

/** The running server's schema as a client sees it, printed as `npm run schema` prints the code's. */
async function servedSchema(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true }) }),
  });
  const body = (await res.json()) as { data: IntrospectionQuery };
  return `${printSchema(lexicographicSortSchema(buildClientSchema(body.data)))}\n`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout;
  return stat !== '' && !/\) Z /.test(stat);
}

function start(dataDir: string, port: number, pgPort: number, extraEnv: NodeJS.ProcessEnv = {}): { npm: ChildProcess; output: () => string; ready: Promise<number> } {
  let out = '';
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const t0 = Date.now();
  const ready = new Promise<number>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running: http://')) resolve(Date.now() - t0);
    };
    npm.stdout!.on('data', seen);
    npm.stderr!.on('data', seen);
    npm.on('exit', (code) => reject(new Error(`npm start ended (${code}) before the server was ready:\n${out}`)));
  });
  return { npm, output: () => out, ready };
}

function exited(p: ChildProcess): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    if (p.exitCode !== null) return resolve(0);
    p.on('exit', () => resolve(Date.now() - t0));
  });
}

/** The embedded postmaster's pid, from the data folder's pid file. */
function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

describe('npm start', () => {
  jest.setTimeout(900_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('builds only when needed and stops the server and its database on %s', async (signal) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yunhu-start-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = start(dataDir, port, port + 1);
    await run.ready;
    // The second start of the pair (and any start on an unchanged checkout) compiles nothing.
    if (signal === 'SIGINT') expect(run.output()).not.toMatch(/building/);
    // read while it runs, asserted after the stop: a failed expectation must not leave the server behind
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, String);
    const schema = await servedSchema(port).catch(String);
    const cacheAt = existsSync(codeCache()) ? statSync(codeCache()).mtimeMs : null;
    const pg = postmasterPid(dataDir) ?? Number(spawnSync('pgrep', ['-f', `-D ${dataDir}`], { encoding: 'utf8' }).stdout.trim().split('\n')[0] || 0);
    const pgAlive = pg > 0 && alive(pg);

    run.npm.kill(signal);
    const took = await exited(run.npm);
    expect(health).toBe(200);
    expect(schema).toBe(readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8'));
    // The first start leaves the code cache (written when ready, or already there from an earlier
    // start of this build); the second finds it accepted by V8 and does not write it again.
    expect(cacheAt).not.toBeNull();
    if (signal === 'SIGTERM') cacheWrittenAt = cacheAt;
    else expect(cacheAt).toBe(cacheWrittenAt);
    expect(pg).toBeGreaterThan(0);
    expect(pgAlive).toBe(true);
    expect(took).toBeLessThan(15_000);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    for (let i = 0; i < 50 && alive(pg); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pg)).toBe(false);
  });

  it('starts and serves when the code cache cannot be written', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yunhu-start-'));
    const notAFolder = path.join(dataDir, 'a-file');
    writeFileSync(notAFolder, '');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = start(dataDir, port, port + 1, { CODE_CACHE_DIR: path.join(notAFolder, 'cache') });
    await run.ready;
    // the cache is written when the server is ready: give a failed write the time to surface
    await new Promise((r) => setTimeout(r, 500));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, String);
    run.npm.kill('SIGTERM');
    await exited(run.npm);
    expect(health).toBe(200);
    expect(run.output()).not.toMatch(/ENOTDIR|Error/);
  });
});
