import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startHarness, type Harness } from '../support/harness';
import { runCli } from '../support/cli';
import { buildWorld } from '../support/world';
import { testRoles } from '../support/roles';
import { startPrivateCluster, systemPostgres, type PrivateCluster } from '../support/private-cluster';
import { prepareTemplate } from '../support/template';
import { provisionDatabase, roleUrl } from '../../src/db/roles';
import { listTools, parseToolMajor, serverMajor, toolServes } from '../../src/db/backup';

jest.setTimeout(300_000);

const COUNTED = ['decision_proposal', 'review_request', 'normative_document', 'contract', 'legal_opinion', 'audit_event', 'text_version', 'material'];

async function counts(url: string): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of COUNTED) out[t] = Number((await c.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]!.n);
    return out;
  } finally {
    await c.end();
  }
}

/** A new, empty database on `serverUrl`, owned by the run's owner role (as `provideDatabase` makes one). */
async function emptyDatabase(serverUrl: string): Promise<{ appUrl: string; ownerUrl: string }> {
  const name = `yunhu_t_r_${randomBytes(6).toString('hex')}`;
  const roles = testRoles();
  await provisionDatabase(serverUrl, name, roles);
  return { appUrl: roleUrl(serverUrl, roles.app, name), ownerUrl: roleUrl(serverUrl, roles.owner, name) };
}

/** Whether this run was told the PostgreSQL tools are installed (CI, or .ci/run after installing them). */
const toolsRequired = () => !!process.env.CI && process.env.CI !== 'false' || process.env.YUNHU_REQUIRE_PG_TOOLS === '1';

describe('tool versions', () => {
  test('the major version is read from --version, and a tool serves servers of its major version or older', () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 17.4 (Debian 17.4-1.pgdg120+2)')).toBe(17);
    expect(parseToolMajor('pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)')).toBe(15);
    expect(parseToolMajor('pg_dump (PostgreSQL) 9.6.24')).toBe(9);
    expect(parseToolMajor('something else')).toBeNull();
    expect(toolServes(17, 17)).toBe(true);
    expect(toolServes(18, 17)).toBe(true);
    expect(toolServes(15, 17)).toBe(false);
    expect(toolServes(null, 15)).toBe(false);
  });
});

describe('cli backup and restore', () => {
  let h: Harness;
  let dir: string;
  /**
   * Where the round trip runs: the test server when client tools of its version are here; else a
   * private cluster of the system's PostgreSQL (its own tools fit it), loaded with the same world
   * through the same migrations and seed; null when neither exists (the reason in `missing`).
   */
  let trip: { h: Harness; serverUrl: string; label: string } | null = null;
  let cluster: PrivateCluster | null = null;
  let missing = '';

  beforeAll(async () => {
    h = await startHarness();
    dir = mkdtempSync(path.join(tmpdir(), 'yunhu-backup-'));
    chmodSync(dir, 0o777); // pg_dump may run as another user than the server's
    const major = await serverMajor(h.ownerDbUrl);
    const pgBinDir = process.env.PG_BIN_DIR ?? null;
    const [dump, restore] = await Promise.all([listTools('pg_dump', pgBinDir), listTools('pg_restore', pgBinDir)]);
    if (dump.some((t) => toolServes(t.major, major)) && restore.some((t) => toolServes(t.major, major))) {
      trip = { h, serverUrl: process.env.YUNHU_TEST_SERVER_URL!, label: `the test server (PostgreSQL ${major})` };
    } else {
      const sys = pgBinDir ? null : systemPostgres();
      if (sys) {
        cluster = await startPrivateCluster(sys);
        await prepareTemplate(cluster.url, testRoles());
        trip = { h: await startHarness({ serverUrl: cluster.url }), serverUrl: cluster.url, label: `a private PostgreSQL ${sys.major} cluster from ${sys.binDir}` };
      } else {
        missing =
          `no pg_dump/pg_restore for PostgreSQL ${major} here (found: ${[...dump, ...restore].map((t) => `${t.path} ${t.major}`).join(', ') || 'none'}) ` +
          `and no system PostgreSQL (/usr/lib/postgresql/<M>/bin with initdb, pg_ctl, pg_dump, pg_restore, psql)${pgBinDir ? ' used: PG_BIN_DIR is set' : ''}`;
        process.stderr.write(`backup.test: ${missing}; the round trip is skipped (install Debian's postgresql, set PG_BIN_DIR or TEST_DATABASE_URL)\n`);
      }
    }
    if (trip) await buildWorld(trip.h);
  });
  afterAll(async () => {
    try {
      if (trip && trip.h !== h) await trip.h.close();
    } finally {
      try {
        await cluster?.stop();
      } finally {
        await h?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('--help of both commands', async () => {
    const b = await runCli(['backup', '--help'], h.dbUrl, h.cliEnv);
    expect(b.status).toBe(0);
    expect(b.stdout).toContain('Usage: cli backup <file>');
    const r = await runCli(['restore', '--help'], h.dbUrl, h.cliEnv);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: cli restore <file> [--force]');
    const top = await runCli(['--help'], h.dbUrl, h.cliEnv);
    expect(top.stdout).toMatch(/backup <file>[\s\S]*restore <file>/);
  });

  test('usage errors: no file, a missing file, a file that is not a backup (the target unchanged, even with --force)', async () => {
    expect((await runCli(['backup'], h.dbUrl, h.cliEnv)).status).toBe(64);
    const before = await h.snapshot();
    const missing = await runCli(['restore', path.join(dir, 'nope.dump')], h.dbUrl, h.cliEnv);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain('不存在');
    const junk = path.join(dir, 'junk.dump');
    writeFileSync(junk, 'not a dump');
    for (const args of [[junk], [junk, '--force']]) {
      const notDump = await runCli(['restore', ...args], h.dbUrl, h.cliEnv);
      expect(notDump.status).toBe(65);
      expect(notDump.stderr).toContain('不是 cli backup 写出的备份文件');
    }
    expect(await h.snapshot()).toBe(before);
  });

  test('a non-empty database is refused without --force, and nothing in it changes', async () => {
    const file = path.join(dir, 'header-only.dump');
    writeFileSync(file, 'PGDMP'); // passes the format check; the database check comes first
    const before = await h.snapshot();
    const r = await runCli(['restore', file], h.dbUrl, h.cliEnv);
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('目标数据库不是空库');
    expect(r.stderr).toContain('--force');
    expect(await h.snapshot()).toBe(before);
  });

  test('without a pg_dump as new as the server, backup says what to install', async () => {
    const fake = mkdtempSync(path.join(tmpdir(), 'yunhu-pgbin-'));
    writeFileSync(path.join(fake, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    const r = await runCli(['backup', path.join(dir, 'x.dump')], h.dbUrl, { ...h.cliEnv, PG_BIN_DIR: fake });
    expect(r.status).toBe(69);
    expect(r.stderr).toMatch(/需要 \d+ 或更高版本的 pg_dump/);
    expect(r.stderr).toContain('PG_BIN_DIR');
  });

  test('round trip: back up the world, restore into a fresh database, the audit chain verifies and the counts agree', async () => {
    if (!trip) {
      // only a machine without any PostgreSQL tools may skip, and never one that was told to have them
      if (toolsRequired()) throw new Error(`the backup round trip cannot run although CI/YUNHU_REQUIRE_PG_TOOLS says the tools are installed: ${missing}`);
      return;
    }
    const w = trip.h;
    process.stdout.write(`backup round trip on ${trip.label}\n`);
    const file = path.join(dir, 'world.dump');
    const b = await runCli(['backup', file], w.dbUrl, w.cliEnv);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);

    const target = await emptyDatabase(trip.serverUrl);
    const env = { ...w.cliEnv, DATABASE_OWNER_URL: target.ownerUrl };
    const r = await runCli(['restore', file], target.appUrl, env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const original = await counts(w.ownerDbUrl);
    expect(original.decision_proposal).toBeGreaterThan(0);
    expect(original.review_request).toBeGreaterThan(0);
    expect(original.normative_document).toBeGreaterThan(0);
    expect(original.audit_event).toBeGreaterThan(0);
    expect(await counts(target.ownerUrl)).toEqual(original);

    const verify = await runCli(['audit-verify'], target.appUrl, env);
    expect(verify.stdout).toContain('完整 (intact)');
    expect(verify.stdout).toContain(`已校验事件 (events checked): ${original.audit_event}`);
    expect(verify.status).toBe(0);

    // The restored database is usable by the app role (grants applied) and its records stay append-only.
    const app = new Client({ connectionString: target.appUrl });
    await app.connect();
    try {
      await expect(app.query('update audit_event set action = action')).rejects.toThrow();
      expect(Number((await app.query<{ n: string }>('select count(*) as n from decision_proposal')).rows[0]!.n)).toBe(original.decision_proposal);
    } finally {
      await app.end();
    }

    // Again into the same database: refused with a Chinese message and nothing changed, then allowed with --force.
    const restoredCounts = await counts(target.ownerUrl);
    const again = await runCli(['restore', file], target.appUrl, env);
    expect(again.status).toBe(65);
    expect(again.stderr).toContain('目标数据库不是空库');
    expect(await counts(target.ownerUrl)).toEqual(restoredCounts);
    // A damaged backup (cut short) with --force: refused, and the target keeps its data.
    const cut = path.join(dir, 'cut.dump');
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const damaged = await runCli(['restore', cut, '--force'], target.appUrl, env);
    expect(damaged.status).toBe(65);
    expect(damaged.stderr).toContain('已损坏或不完整，未恢复，目标数据库未改动');
    expect(await counts(target.ownerUrl)).toEqual(restoredCounts);
    expect((await runCli(['audit-verify'], target.appUrl, env)).status).toBe(0);

    const forced = await runCli(['restore', file, '--force'], target.appUrl, env);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(await counts(target.ownerUrl)).toEqual(original);
    expect((await runCli(['audit-verify'], target.appUrl, env)).status).toBe(0);
  });
});
