import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startHarness, type Harness } from '../support/harness';
import { runCli } from '../support/cli';
import { buildWorld } from '../support/world';
import { testRoles } from '../support/roles';
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

/** A new, empty database on the test server, owned by the run's owner role (as `provideDatabase` makes one). */
async function emptyDatabase(): Promise<{ appUrl: string; ownerUrl: string }> {
  const serverUrl = process.env.YUNHU_TEST_SERVER_URL!;
  const name = `yunhu_t_r_${randomBytes(6).toString('hex')}`;
  const roles = testRoles();
  await provisionDatabase(serverUrl, name, roles);
  return { appUrl: roleUrl(serverUrl, roles.app, name), ownerUrl: roleUrl(serverUrl, roles.owner, name) };
}

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
  let toolsFit = false;

  beforeAll(async () => {
    h = await startHarness();
    await buildWorld(h);
    dir = mkdtempSync(path.join(tmpdir(), 'yunhu-backup-'));
    chmodSync(dir, 0o777); // pg_dump may run as another user than the server's
    const major = await serverMajor(h.ownerDbUrl);
    const pgBinDir = process.env.PG_BIN_DIR ?? null;
    const [dump, restore] = await Promise.all([listTools('pg_dump', pgBinDir), listTools('pg_restore', pgBinDir)]);
    toolsFit = dump.some((t) => toolServes(t.major, major)) && restore.some((t) => toolServes(t.major, major));
    if (!toolsFit) {
      process.stderr.write(
        `backup.test: no pg_dump/pg_restore for PostgreSQL ${major} here (found: ${[...dump, ...restore].map((t) => `${t.path} ${t.major}`).join(', ') || 'none'}); the round trip is skipped, set PG_BIN_DIR or TEST_DATABASE_URL\n`,
      );
    }
  });
  afterAll(() => h.close());

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

  test('usage errors: no file, a missing file, a file that is not a backup', async () => {
    expect((await runCli(['backup'], h.dbUrl, h.cliEnv)).status).toBe(64);
    const missing = await runCli(['restore', path.join(dir, 'nope.dump')], h.dbUrl, h.cliEnv);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain('不存在');
    const junk = path.join(dir, 'junk.dump');
    writeFileSync(junk, 'not a dump');
    const notDump = await runCli(['restore', junk], h.dbUrl, h.cliEnv);
    expect(notDump.status).toBe(65);
    expect(notDump.stderr).toContain('不是 cli backup 写出的备份文件');
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
    if (!toolsFit) return; // reported in beforeAll: this machine has no PostgreSQL client tools of the server's version
    const file = path.join(dir, 'world.dump');
    const b = await runCli(['backup', file], h.dbUrl, h.cliEnv);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);

    const target = await emptyDatabase();
    const env = { ...h.cliEnv, DATABASE_OWNER_URL: target.ownerUrl };
    const r = await runCli(['restore', file], target.appUrl, env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const original = await counts(h.ownerDbUrl);
    expect(original.decision_proposal).toBeGreaterThan(0);
    expect(original.review_request).toBeGreaterThan(0);
    expect(original.normative_document).toBeGreaterThan(0);
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

    // Again into the same database: refused, then allowed with --force.
    const again = await runCli(['restore', file], target.appUrl, env);
    expect(again.status).toBe(65);
    const forced = await runCli(['restore', file, '--force'], target.appUrl, env);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(await counts(target.ownerUrl)).toEqual(original);
    expect((await runCli(['audit-verify'], target.appUrl, env)).status).toBe(0);
  });
});
