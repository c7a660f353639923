import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from './ports';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL cluster from the system's binaries (Debian's /usr/lib/postgresql/<M>/bin):
 * initdb in a temporary folder, trust authentication, loopback only, a free port, its socket in the
 * same folder. As root the binaries run as OS user `postgres` (PostgreSQL refuses to run as root),
 * as `.ci/run` does. `stop()` stops the server and removes the folder.
 */
export interface PrivateCluster {
  /** Superuser URL (user postgres, no password: trust on loopback) of the database `postgres`. */
  url: string;
  major: number;
  binDir: string;
  dir: string;
  stop(): Promise<void>;
}

const SYSTEM = '/usr/lib/postgresql';

/** The newest /usr/lib/postgresql/<M>/bin that has a server and the backup tools (psql runs restores), or null. */
export function systemPostgres(): { binDir: string; major: number } | null {
  if (!existsSync(SYSTEM)) return null;
  const majors = readdirSync(SYSTEM)
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .sort((a, b) => b - a);
  for (const major of majors) {
    const binDir = path.join(SYSTEM, String(major), 'bin');
    if (['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'psql'].every((t) => existsSync(path.join(binDir, t)))) return { binDir, major };
  }
  return null;
}

const asRoot = () => userInfo().uid === 0;

/** Runs a PostgreSQL binary, as OS user postgres when this process is root. */
function pg(file: string, args: string[]): Promise<void> {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv as string[], { timeout: 120_000 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} failed: ${String(stderr).trim() || err.message}`));
      else resolve();
    });
  });
}

function postgresUid(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('as root the private cluster needs an OS user "postgres" (useradd postgres)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPrivateCluster(sys: { binDir: string; major: number }): Promise<PrivateCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yunhu-pgc-'));
  let started = false;
  const dataDir = path.join(dir, 'data');
  const pgCtl = path.join(sys.binDir, 'pg_ctl');
  const stop = async () => {
    try {
      if (started) await pg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (asRoot()) {
      const { uid, gid } = postgresUid();
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    await pg(path.join(sys.binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
    const port = await freePort();
    started = true; // from here on, stop() tries pg_ctl stop (harmless when the start failed)
    await pg(pgCtl, ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`, 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, major: sys.major, binDir: sys.binDir, dir, stop };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
