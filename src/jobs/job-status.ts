import type { EntityManager } from '@mikro-orm/postgresql';
import { startOfLocalDay, localDateOf, type Clock } from '../core/clock';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { addCalendarDays } from '../calendar/working-days';
import { JOB_SCHEMA, type JobInfo } from './job-runner';



export interface JobStatus extends JobInfo {
  lastRunAt: Date | null;
  lastSucceededAt: Date | null;
  nextRunAt: Date | null;
  /** Failed runs still kept by the queue (pg-boss keeps finished jobs for a week). */
  failures: number;
  lastFailedAt: Date | null;
  lastError: string | null;
  /** Waiting to run (created or waiting for a retry). */
  queued: number;
}

/**
 * When a cron of the two shapes the application schedules ("M H * * *" daily, "* * * * *" every
 * minute) fires next after `now`, in its time zone; null for another shape.
 */
export function nextRun(cron: string, timeZone: string, now: Date): Date | null {
  if (cron === '* * * * *') return new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000);
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron);
  if (!m) return null;
  const offset = (Number(m[2]) * 60 + Number(m[1])) * 60_000;
  const today = localDateOf(now, timeZone);
  const at = new Date(startOfLocalDay(today, timeZone).getTime() + offset);
  return at > now ? at : new Date(startOfLocalDay(addCalendarDays(today, 1), timeZone).getTime() + offset);
}

/** What admins see of the background jobs: each job's schedule, last and next run, failures. */
export class JobStatusService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: { clock: Clock; jobs: JobInfo[] },
  ) {}

  async list(user: Actor): Promise<JobStatus[]> {
    assertAnyRole(user, [Role.ADMIN], '查看后台任务');
    const names = `{${this.deps.jobs.map((j) => j.name).join(',')}}`;
    const conn = this.em;
    const rows = await conn.execute<
      { name: string; last_run: Date | null; last_ok: Date | null; failures: number; last_failed: Date | null; last_error: unknown; queued: number }[]
    >(
      `with j as (
         select name, state, started_on, completed_on, output from ${JOB_SCHEMA}.job where name = any(?::text[])
         union all
         select name, state, started_on, completed_on, output from ${JOB_SCHEMA}.archive where name = any(?::text[])
       )
       select name, max(started_on) as last_run,
              max(completed_on) filter (where state = 'completed') as last_ok,
              count(*) filter (where state = 'failed')::int as failures,
              max(completed_on) filter (where state = 'failed') as last_failed,
              (array_agg(output order by completed_on desc nulls last) filter (where state = 'failed'))[1] as last_error,
              count(*) filter (where state in ('created', 'retry'))::int as queued
         from j group by name`,
      [names, names],
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    const now = this.deps.clock.now();
    return this.deps.jobs.map((job) => {
      const r = byName.get(job.name);
      const error = r?.last_error as { message?: string } | string | null | undefined;
      return {
        ...job,
        lastRunAt: r?.last_run ? new Date(r.last_run) : null,
        lastSucceededAt: r?.last_ok ? new Date(r.last_ok) : null,
        nextRunAt: job.cron ? nextRun(job.cron, job.timeZone ?? 'UTC', now) : null,
        failures: r?.failures ?? 0,
        lastFailedAt: r?.last_failed ? new Date(r.last_failed) : null,
        lastError: error == null ? null : typeof error === 'string' ? error : (error.message ?? JSON.stringify(error)).slice(0, 1000),
        queued: r?.queued ?? 0,
      };
    });
  }
}
