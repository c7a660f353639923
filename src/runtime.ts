import { syncDeadlineSettings } from './normative/deadline-settings';
import type { MikroORM } from '@mikro-orm/postgresql';
import { localDateOf, systemClock, type Clock } from './core/clock';
import type { Config } from './core/config';
import { loadWorkingCalendar, nextYearWarning } from './calendar/load';
import { refreshStoredYears } from './calendar/calendar-store';
import { provideDatabase, type DatabaseHandle } from './db/database';
import { Client } from 'pg';
import { currentRole, grantAppPrivileges, inspectRole, type RoleReport } from './db/privileges';
import { migrate, openOrm, pendingMigrations } from './orm';
import { TokenService } from './identity/token';
import type { Logger } from './core/logger';
import { resolveAuditKeys, resolveJwtSecret } from './core/secrets';
import { folderCheckpointStore } from './audit/checkpoint-store';
import { AuditService } from './audit/audit.service';
import { installJobSchema } from './jobs/job-runner';
import type { AppDeps } from './services';
import { GenerationCache } from './db/change-generation';

/** Database (embedded or external), ORM with migrations applied, and the shared collaborators. */
export interface Runtime {
  db: DatabaseHandle;
  orm: MikroORM;
  deps: AppDeps;
  appliedMigrations: string[];
  /** Writes an audit checkpoint now and then every AUDIT_CHECKPOINT_INTERVAL_SECONDS (the server; not the CLI). */
  startAuditCheckpoints(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Applies pending migrations as the owner role, then brings the app role's grants up to date (so
 * a table a migration added is covered at once). Without a separate owner (external database and
 * no DATABASE_OWNER_URL) the app's own URL migrates and there is nothing to grant.
 *
 * What is pending is read with one plain query over the owner's connection (`pendingMigrations`):
 * an ORM with the Migrator is opened only when there is something to apply, so a start on an
 * up-to-date database opens no second ORM.
 */
export async function migrateAndGrant(ownerUrl: string | null, appUrl: string, appRole: string): Promise<string[]> {
  const owner = await connect(ownerUrl ?? appUrl);
  try {
    return await migrateAndGrantOver(owner, ownerUrl ?? appUrl, ownerUrl ? appRole : null);
  } finally {
    await owner.end();
  }
}

async function migrateAndGrantOver(owner: Client, ownerUrl: string, grantTo: string | null): Promise<string[]> {
  let applied: string[] = [];
  if ((await pendingMigrations(owner)).length) {
    const orm = await openOrm(ownerUrl, { poolMax: 1 });
    try {
      applied = await migrate(orm);
    } finally {
      await orm.close(true);
    }
  }
  if (grantTo) await grantAppPrivileges(owner, grantTo);
  // The job runner's schema (pg-boss's own tables and versioned migrations) and queues, as the owner.
  await installJobSchema(ownerUrl, grantTo);
  return applied;
}

async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

/**
 * The start's database work before the ORM: the app role's name (its connection stays open), the
 * migrations and grants as the owner, then one inspection of what the app role could do — after the
 * grants, so it reports what the server will run with.
 */
async function prepareDatabase(ownerUrl: string | null, appUrl: string): Promise<{ applied: string[]; role: RoleReport }> {
  const app = await connect(appUrl);
  try {
    const name = await currentRole(app);
    const applied = ownerUrl ? await migrateAndGrant(ownerUrl, appUrl, name) : await migrateAndGrantOver(app, appUrl, null);
    return { applied, role: await inspectRole(app) };
  } finally {
    await app.end();
  }
}

/**
 * `role` says who opens it: the server owns and supervises its embedded database (and refuses one
 * owned by another live server); a CLI command attaches to a running server's database.
 */
export async function openRuntime(config: Config, logger: Logger, clock: Clock = systemClock, role: 'server' | 'client' = 'client'): Promise<Runtime> {
  const calendar = loadWorkingCalendar(config.calendarDataFile);
  const secret = resolveJwtSecret(config);
  const auditKeys = resolveAuditKeys(config, clock.now());
  const db = await provideDatabase(config, logger, role);
  let orm: MikroORM;
  let appliedMigrations: string[];
  try {
    const prepared = await prepareDatabase(db.ownerUrl, db.clientUrl);
    appliedMigrations = prepared.applied;
    const role = prepared.role;
    if (!db.ownerUrl) {
      logger.warn(
        { role: role.name },
        'DATABASE_OWNER_URL is not set: migrations run as the DATABASE_URL role, so the server runs with owner rights and could disable the audit triggers; give it a separate owner role (see SECURITY.md)',
      );
    }
    for (const problem of role.problems) {
      logger.warn({ role: role.name, problem }, 'the server’s database role could rewrite the audit trail and the immutable records');
    }
    // Without the Migrator: the migrations ran above, on their own connection when any was pending.
    orm = await openOrm(db.clientUrl, { poolMax: config.dbPoolMax, acquireTimeoutMs: config.dbAcquireTimeoutMs, migrator: false });
    // The filing flags' stored deadlines follow this configuration (a no-op when unchanged).
    if (await syncDeadlineSettings(orm, config.rules)) logger.info('filing deadlines recomputed from the configuration');
  } catch (e) {
    await db.stop();
    throw e;
  }
  // The years admins loaded (API or CLI) on top of the package and CALENDAR_DATA_FILE.
  try {
    await refreshStoredYears(calendar, (sql) => orm.em.fork().getConnection().execute(sql));
  } catch (e) {
    await orm.close(true);
    await db.stop();
    throw e;
  }
  const today = localDateOf(clock.now(), config.timeZone);
  const warning = nextYearWarning(calendar, today);
  if (warning) logger.warn({ year: Number(today.slice(0, 4)) + 1 }, warning);
  const deps: AppDeps = {
    config,
    clock,
    calendar,
    logger,
    tokens: new TokenService({ secret, ttlSeconds: config.jwt.ttlSeconds, issuer: config.jwt.issuer }),
    audit: { keys: auditKeys, checkpoints: folderCheckpointStore(config.audit.checkpointDir) },
    aggregates: new GenerationCache(),
  };

  const audit = new AuditService({ clock, ...deps.audit });
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let checkpointing: Promise<unknown> = Promise.resolve();
  const checkpoint = (when: string) => {
    checkpointing = checkpointing
      .then(async () => {
        const { checkpoint: cp, file, disagreement } = await audit.writeCheckpoint(orm.em.fork(), { onlyIfChanged: true });
        if (disagreement) {
          logger.error(
            { reason: disagreement.reason, eventId: disagreement.eventId, checkpoint: disagreement.checkpoint, when },
            'the audit chain disagrees with its latest checkpoint: it was altered outside the server; run `npm run cli -- audit-verify` and see SECURITY.md',
          );
        }
        if (file) logger.info({ file, headId: cp.headId, count: cp.count, when }, 'audit checkpoint written');
      })
      .catch((err) => logger.error({ err, when }, 'audit checkpoint could not be written'));
    return checkpointing;
  };

  return {
    db,
    orm,
    deps,
    appliedMigrations,
    startAuditCheckpoints: async () => {
      started = true;
      await checkpoint('start');
      const every = config.audit.checkpointIntervalSeconds;
      if (every > 0) {
        timer = setInterval(() => void checkpoint('interval'), every * 1000);
        timer.unref();
      }
    },
    shutdown: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      if (started) {
        started = false;
        // Bounded: with the database gone, shutting down must not wait for the pool's timeouts.
        let bound: NodeJS.Timeout | undefined;
        const gaveUp = await Promise.race([
          checkpoint('stop').then(() => false),
          new Promise<boolean>((resolve) => (bound = setTimeout(() => resolve(true), 3000))),
        ]);
        clearTimeout(bound);
        if (gaveUp) logger.warn('no audit checkpoint at stop: the database did not answer within 3 s');
      }
      await orm.close(true);
      logger.info('database pool closed');
      await db.stop();
    },
  };
}
