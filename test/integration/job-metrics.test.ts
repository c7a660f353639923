import { startHarness, type Harness } from '../support/harness';
import { startBackground, type Background } from '../../src/background';
import { JobRunner } from '../../src/jobs/job-runner';

/**
 * /metrics counts the background jobs where the workers run them: runs by job and outcome, and
 * their durations. The daily scan is sent once through the runner (not scheduled) and read back
 * from /metrics; a job that throws is counted as failed.
 */
let h: Harness;
let bg: Background | null = null;
let failing: JobRunner | null = null;

beforeAll(async () => {
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await bg?.stop();
  await failing?.stop();
  await h?.close();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const scrape = async () => (await fetch(`${h.baseUrl}/metrics`)).text();

describe('job runs on /metrics', () => {
  it('the daily scan run once through the runner is counted as completed, with its duration', async () => {
    bg = await startBackground(h.orm, h.deps, { schedule: false, pollingIntervalSeconds: 1, metrics: h.app.metrics });
    expect(await bg.runner.send('reminder-scan', {})).not.toBeNull();
    const text = await until('the scan on /metrics', async () => {
      const t = await scrape();
      return /yunhu_job_runs_total\{[^}]*job="reminder-scan"[^}]*\} 1/.test(t) && t;
    });
    expect(text).toMatch(/^# TYPE yunhu_job_runs_total counter$/m);
    expect(text).toMatch(/yunhu_job_runs_total\{job="reminder-scan",outcome="completed"\} 1/);
    expect(text).not.toMatch(/yunhu_job_runs_total\{job="reminder-scan",outcome="failed"\}/);
    expect(text).toMatch(/^# TYPE yunhu_job_duration_seconds histogram$/m);
    expect(text).toMatch(/yunhu_job_duration_seconds_count\{job="reminder-scan"\} 1/);
    const sum = Number(/yunhu_job_duration_seconds_sum\{job="reminder-scan"\} ([\d.e-]+)/.exec(text)![1]);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(30);
    await bg.stop();
    bg = null;
  }, 60_000);

  it('a job that throws is counted as failed', async () => {
    failing = new JobRunner({ url: h.dbUrl, logger: h.deps.logger, schedule: false, pollingIntervalSeconds: 1, metrics: h.app.metrics });
    failing.define({
      name: 'notification-digest',
      description: '测试：总是失败',
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      run: async () => {
        throw new Error('boom');
      },
    });
    await failing.start();
    await failing.send('notification-digest', {});
    const text = await until('the failure on /metrics', async () => {
      const t = await scrape();
      return /yunhu_job_runs_total\{job="notification-digest",outcome="failed"\} 1/.test(t) && t;
    });
    expect(text).toMatch(/yunhu_job_duration_seconds_count\{job="notification-digest"\} 1/);
  }, 60_000);
});
