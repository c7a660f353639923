import PgBoss from 'pg-boss';
import type { Logger } from '../core/logger';

/**
 * The job runner: pg-boss (a PostgreSQL-backed queue) in its own schema of the application's
 * database — no extra service. Every server may run one; pg-boss makes a scheduled job fire once
 * per schedule whichever servers run (the cron tick is taken by one instance, its internal send is
 * one per minute, and the job it sends carries a singleton key and that minute), keeps jobs across restarts, and retries a failed job
 * with exponential backoff. Its tables are installed and its queues created by the owner role at
 * migration time (`installJobSchema`): the server's own role only reads and writes rows.
 */

export const JOB_SCHEMA = 'pgboss';

/** A job the application defines: its queue, what runs it, and optionally when it runs by itself. */
export interface JobDefinition {
  name: string;
  /** Chinese description shown to admins. */
  description: string;
  /** Cron (minute hour day month weekday) in `timeZone`; none: only sent on demand. */
  cron?: string;
  timeZone?: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (pg-boss retryBackoff). */
  retryDelaySeconds: number;
  expireInSeconds: number;
  run(data: Record<string, unknown>): Promise<unknown>;
}

/** What admins see of a job definition. */
export type JobInfo = Pick<JobDefinition, 'name' | 'description' | 'cron' | 'timeZone'>;

/** The queues every installation has (created by the owner at migration time). */
export const QUEUE_NAMES = ['reminder-scan', 'notification-deliver', 'notification-digest'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** pg-boss's own cron queue: it must exist before a server's role can schedule anything. */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * As the owner role: installs pg-boss's schema (or applies pg-boss's own migrations to it) and
 * creates the application's queues, then grants the app role what it needs: rows only, never DDL.
 * Idempotent; run after every migration run.
 */
export async function installJobSchema(ownerUrl: string, appRole: string | null): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 1, migrate: true, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const name of [...QUEUE_NAMES, CRON_QUEUE]) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'standard' } as PgBoss.Queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (!appRole) return;
  const { Client } = await import('pg');
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const role = c.escapeIdentifier(appRole);
    const me = await c.query<{ u: string }>('select current_user as u');
    if (me.rows[0]!.u === appRole) return;
    await c.query(`grant usage on schema ${JOB_SCHEMA} to ${role}`);
    await c.query(`grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${role}`);
    await c.query(`grant usage, select on all sequences in schema ${JOB_SCHEMA} to ${role}`);
    await c.query(`grant execute on all functions in schema ${JOB_SCHEMA} to ${role}`);
  } finally {
    await c.end();
  }
}

/** Where each run's outcome and duration go (the server's /metrics). */
export interface JobRunObserver {
  jobRun(job: string, outcome: 'completed' | 'failed', seconds: number): void;
}

export interface JobRunnerOptions {
  url: string;
  logger: Logger;
  /** Counts every run a worker of this runner makes (a retry is a run of its own). */
  metrics?: JobRunObserver;
  /** Poll interval of the workers in seconds (pg-boss default 2). */
  pollingIntervalSeconds?: number;
  /** Seconds between cron checks (1..45; default 30). */
  cronMonitorIntervalSeconds?: number;
  /** Run the schedules (cron). Tests of a single job may leave it off. */
  schedule?: boolean;
  /** Connections of the runner's own pool. */
  poolMax?: number;
}

/** One server's runner: starts pg-boss, registers the schedules and workers, stops cleanly. */
export class JobRunner {
  private boss: PgBoss | null = null;
  private readonly jobs = new Map<string, JobDefinition>();

  constructor(private readonly opts: JobRunnerOptions) {}

  define(job: JobDefinition): this {
    this.jobs.set(job.name, job);
    return this;
  }

  get definitions(): JobDefinition[] {
    return [...this.jobs.values()];
  }

  async start(): Promise<void> {
    const { logger } = this.opts;
    const boss = new PgBoss({
      connectionString: this.opts.url,
      schema: JOB_SCHEMA,
      max: this.opts.poolMax ?? 3,
      // the schema is the owner's business (installJobSchema): refuse to run against an old one
      migrate: false,
      supervise: true,
      schedule: this.opts.schedule ?? true,
      cronMonitorIntervalSeconds: this.opts.cronMonitorIntervalSeconds ?? 30,
      cronWorkerIntervalSeconds: Math.min(this.opts.pollingIntervalSeconds ?? 5, 45),
      application_name: 'yunhu-jobs',
    });
    boss.on('error', (err) => logger.error({ err }, 'job runner error'));
    await boss.start();
    this.boss = boss;
    for (const job of this.jobs.values()) {
      await boss.updateQueue(job.name, {
        name: job.name,
        policy: 'standard',
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds,
      } as PgBoss.Queue);
      // singletonSeconds: the job itself (not only pg-boss's internal tick) is keyed to its minute, so a
      // second send for the same minute is refused by the database whichever server makes it.
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: job.timeZone ?? 'UTC', singletonKey: job.name, singletonSeconds: 60 } as PgBoss.ScheduleOptions);
      await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([j]) => {
        const started = process.hrtime.bigint();
        const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
        try {
          const result = await job.run(j!.data ?? {});
          const s = seconds();
          this.opts.metrics?.jobRun(job.name, 'completed', s);
          logger.info({ job: job.name, id: j!.id, ms: Math.round(s * 1000) }, 'job completed');
          return result;
        } catch (err) {
          this.opts.metrics?.jobRun(job.name, 'failed', seconds());
          logger.warn({ job: job.name, id: j!.id, err }, 'job failed (retried with backoff until its retry limit)');
          throw err;
        }
      });
    }
    logger.info({ jobs: [...this.jobs.keys()] }, 'job runner started');
  }

  /** Sends a job now (e.g. a delivery right after a notice); `singletonKey` keeps one queued at a time. */
  async send(name: QueueName, data: Record<string, unknown> = {}, singletonKey?: string): Promise<string | null> {
    if (!this.boss) return null;
    return this.boss.send(name, data, singletonKey ? { singletonKey } : {});
  }

  get running(): boolean {
    return this.boss !== null;
  }

  /** Stops polling and scheduling, waits (bounded) for the jobs in progress, closes the pool. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (!boss) return;
    await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    this.opts.logger.info('job runner stopped');
  }
}

/** "HH:MM" → the daily cron "MM HH * * *". */
export function dailyCron(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
}
