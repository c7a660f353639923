import { JobsDocument, SetMyNotificationPreferencesDocument, DeliveryMode } from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { startWebhookReceiver } from '../support/receivers';
import { startBackground, type Background } from '../../src/background';
import { openOrm } from '../../src/orm';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Two servers' job runners (each its own pg-boss and its own pool) on one database: the scheduled
 * reminder scan fires once per schedule, each notice is made once and delivered once. The scan is
 * scheduled every minute here so the test need not wait for the configured time of day.
 */
const SECRET = 'webhook-test-secret-'.padEnd(40, 'w');
let h: Harness;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let secondOrm: MikroORM;
const servers: Background[] = [];

beforeAll(async () => {
  hook = await startWebhookReceiver();
  h = await startHarness({ env: { WEBHOOK_SECRET: SECRET } });
  secondOrm = await openOrm(h.dbUrl, { poolMax: 3 });
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  await secondOrm?.close(true);
  await h?.close();
  await hook?.close();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('jobs once with two servers on one database', () => {
  it('a scheduled scan runs once per schedule; its notice is made once and delivered once', async () => {
    // a proposal whose public consultation closes tomorrow (2026-03-06): one notice for its drafter
    const { tokens: t, dept } = await signIn(h, ['drafter', 'director', 'admin']);
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['老旧小区加装电梯补贴办法']);
    const proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '老旧小区加装电梯补贴办法');
    await h.sql(`insert into public_consultation (id, proposal_id, starts_on, ends_on, channel, version) values (gen_random_uuid(), ?, '2026-02-04', '2026-03-06', '白云湖街政务网站', 1)`, [proposalId]);
    expectOk(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: false, webhookEnabled: true, webhookUrl: hook.url, mode: DeliveryMode.Immediate } }, { token: t.drafter! }));

    const fast = { cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 1, cron: { 'reminder-scan': '* * * * *' } };
    servers.push(await startBackground(h.orm, h.deps, fast));
    servers.push(await startBackground(secondOrm, h.deps, fast));

    const scans = await until('the scheduled scan', async () => {
      const rows = await h.sql<{ state: string; singleton_on: Date | null }>(
        `select state, singleton_on from pgboss.job where name = 'reminder-scan' union all select state, singleton_on from pgboss.archive where name = 'reminder-scan'`,
      );
      return rows.some((r) => r.state === 'completed') && rows;
    });
    await until('the webhook', async () => hook.hooks.length > 0);
    await new Promise((r) => setTimeout(r, 4_000)); // both runners keep polling: nothing more may happen
    const again = await h.sql<{ singleton_on: Date | null; n: number }>(
      `select singleton_on, count(*)::int as n from (select singleton_on from pgboss.job where name = 'reminder-scan' union all select singleton_on from pgboss.archive where name = 'reminder-scan') j group by singleton_on`,
    );
    expect(scans.length).toBeGreaterThan(0);
    // one run per scheduled minute, whichever runner took it (each run keyed to its minute)
    expect(again.every((r) => r.singleton_on !== null)).toBe(true);
    expect(again.every((r) => r.n === 1)).toBe(true);

    const notices = await h.sql<{ kind: string; day: string }>(`select kind, to_char(day, 'YYYY-MM-DD') as day from notification where subject_id = ?`, [proposalId]);
    expect(notices).toEqual([{ kind: 'CONSULTATION_CLOSING', day: '2026-03-05' }]);
    expect(hook.hooks).toHaveLength(1);
    expect(JSON.parse(hook.hooks[0]!.body).notifications).toEqual([expect.objectContaining({ kind: 'CONSULTATION_CLOSING', rule: 'R-DEC-4', dueOn: '2026-03-06' })]);
    const sent = await h.sql<{ status: string; attempts: number }>(`select status, attempts from notification_delivery`);
    expect(sent).toEqual([{ status: 'SENT', attempts: 1 }]);

    // admins see the jobs: the scan's last run and the next ones; nobody else does
    const jobs = expectOk(await h.gql(JobsDocument, {}, { token: t.admin! })).jobs;
    const scan = jobs.find((j) => j.name === 'reminder-scan')!;
    expect(scan).toMatchObject({ cron: '30 7 * * *', timeZone: 'Asia/Shanghai', failures: 0 });
    expect(scan.lastSucceededAt).not.toBeNull();
    expect(new Date(scan.nextRunAt!).toISOString()).toBe('2026-03-05T23:30:00.000Z'); // 07:30 tomorrow in Shanghai (fixed clock: 10:00 today)
    expect(jobs.map((j) => j.name)).toEqual(['reminder-scan', 'notification-digest', 'notification-deliver']);
    expectError(await h.gql(JobsDocument, {}, { token: t.drafter! }), 'FORBIDDEN');
  }, 120_000);

  it('stops cleanly: no worker polls after stop', async () => {
    const running = await h.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'yunhu-jobs' and datname = current_database()`);
    expect(running[0]!.n).toBeGreaterThanOrEqual(2); // each runner holds its own connections
    for (const s of servers.splice(0)) await s.stop();
    // the runners closed their pools; PostgreSQL ends the backends just after (pg_stat_activity lags by a moment)
    await until('the runners’ connections to close', async () => {
      const after = await h.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'yunhu-jobs' and datname = current_database()`);
      return after[0]!.n === 0;
    }, 5_000);
  });
});
