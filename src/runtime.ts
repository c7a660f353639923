import type { MikroORM } from '@mikro-orm/postgresql';
import { systemClock, type Clock } from './core/clock';
import type { Config } from './core/config';
import { loadWorkingCalendar } from './calendar/load';
import { provideDatabase, type DatabaseHandle } from './db/database';
import { migrate, openOrm } from './orm';
import { TokenService } from './identity/token';
import type { Logger } from './core/logger';
import { resolveJwtSecret } from './core/secrets';
import type { AppDeps } from './services';

/** Database (embedded or external), ORM with migrations applied, and the shared collaborators. */
export interface Runtime {
  db: DatabaseHandle;
  orm: MikroORM;
  deps: AppDeps;
  appliedMigrations: string[];
  shutdown(): Promise<void>;
}

/**
 * `role` says who opens it: the server owns and supervises its embedded database (and refuses one
 * owned by another live server); a CLI command attaches to a running server's database.
 */
export async function openRuntime(config: Config, logger: Logger, clock: Clock = systemClock, role: 'server' | 'client' = 'client'): Promise<Runtime> {
  const calendar = loadWorkingCalendar(config.calendarDataFile);
  const secret = resolveJwtSecret(config);
  const db = await provideDatabase(config, logger, role);
  let orm: MikroORM;
  try {
    orm = await openOrm(db.clientUrl, { poolMax: config.dbPoolMax });
  } catch (e) {
    await db.stop();
    throw e;
  }
  let appliedMigrations: string[];
  try {
    appliedMigrations = await migrate(orm);
  } catch (e) {
    await orm.close(true);
    await db.stop();
    throw e;
  }
  const nextYear = Number(new Date(clock.now()).getUTCFullYear()) + 1;
  if (!calendar.coveredYears.has(nextYear)) {
    logger.warn(
      { year: nextYear },
      'no holiday data for next year: working days then count weekends only; supply CALENDAR_DATA_FILE once the State Council publishes it',
    );
  }
  const deps: AppDeps = {
    config,
    clock,
    calendar,
    logger,
    tokens: new TokenService({ secret, ttlSeconds: config.jwt.ttlSeconds, issuer: config.jwt.issuer }),
  };
  return {
    db,
    orm,
    deps,
    appliedMigrations,
    shutdown: async () => {
      await orm.close(true);
      logger.info('database pool closed');
      await db.stop();
    },
  };
}
