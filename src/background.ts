import type { MikroORM } from '@mikro-orm/postgresql';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner';
import { createChannels, type Channels } from './notifications/channels';
import { DeliveryService } from './notifications/delivery.service';
import { NOTIFICATION_DELIVER, NOTIFICATION_DIGEST, notificationJobs, REMINDER_SCAN } from './notifications/notification-jobs';
import { ReminderScanService } from './notifications/reminder-scan.service';
import type { AppDeps } from './services';

/** The server's background work: the job runner with the reminder, digest and delivery jobs. */
export interface Background {
  runner: JobRunner;
  channels: Channels;
  stop(): Promise<void>;
}

/**
 * Wires the jobs to the services and starts the runner on the server's own database (as the app
 * role). Each job runs on a fresh EntityManager; a thrown error fails the job, which pg-boss retries
 * with backoff. `channels` and the schedules (`cron`, by job name) may be replaced (tests).
 */
export async function startBackground(
  orm: MikroORM,
  deps: AppDeps,
  opts: Partial<Omit<JobRunnerOptions, 'logger'>> & { channels?: Channels; cron?: Partial<Record<string, string>> } = {},
): Promise<Background> {
  const channels = opts.channels ?? createChannels(deps.config.notifications);
  const { channels: _c, cron, ...runnerOpts } = opts;
  const runner = new JobRunner({ url: String(orm.config.get('clientUrl')), logger: deps.logger, ...runnerOpts });
  const deliveries = () => new DeliveryService(orm.em.fork(), { config: deps.config, clock: deps.clock, logger: deps.logger, channels });
  const run: Record<string, () => Promise<unknown>> = {
    [REMINDER_SCAN]: async () => {
      const result = await new ReminderScanService(orm.em.fork(), deps).scan();
      deps.logger.info(result, 'reminder scan done');
      if (result.created > 0) await runner.send(NOTIFICATION_DELIVER, {});
      return result;
    },
    [NOTIFICATION_DIGEST]: async () => {
      const made = await deliveries().makeDigests();
      if (made > 0) await runner.send(NOTIFICATION_DELIVER, {});
      return { digests: made };
    },
    [NOTIFICATION_DELIVER]: async () => {
      const total = { sent: 0, retrying: 0, failed: 0 };
      for (let round = 0; round < 20; round++) {
        const r = await deliveries().sweep(50);
        total.sent += r.sent;
        total.retrying += r.retrying;
        total.failed += r.failed;
        if (r.sent + r.retrying + r.failed < 50) break;
      }
      return total;
    },
  };
  for (const job of notificationJobs(deps.config)) {
    runner.define({ ...job, cron: cron?.[job.name] ?? job.cron, retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 15 * 60, run: run[job.name]! });
  }
  await runner.start();
  return {
    runner,
    channels,
    async stop() {
      await runner.stop();
      channels.close();
    },
  };
}
