import path from 'node:path';
import { defineConfig, MikroORM, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';

/** Same folder from src (ts-node, jest) and from dist/src (compiled). */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'migrations');

export interface OrmOptionsInput {
  clientUrl: string;
  poolMax?: number;
  /** How long a caller waits for a pooled connection (default 5 s). */
  acquireTimeoutMs?: number;
  /** Called with every SQL statement the ORM sends (tests count statements with it). */
  onQuery?: (sql: string) => void;
}

export function ormOptions(input: OrmOptionsInput): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl: input.clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Fail fast when the database is away: a request waits at most a few seconds for a connection.
    pool: { min: 0, max: input.poolMax ?? 10, acquireTimeoutMillis: input.acquireTimeoutMs ?? 5_000, createTimeoutMillis: 3_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 3_000 } },
    forceUtcTimezone: true,
    // Never the global EntityManager: every request and command works on its own fork.
    allowGlobalContext: false,
    ignoreUndefinedInQuery: true,
    // One UPDATE per changed entity, each with its version in the WHERE clause. Batched updates
    // (two or more entities of one type in a flush) check versions with a plain SELECT before an
    // UPDATE that no longer names them: two concurrent flushes both pass it and the later one
    // silently overwrites the earlier (a lost update, seen when two signatures of one legal opinion
    // raced). Flushes here change few rows, so the extra statements cost nothing that matters.
    useBatchUpdates: false,
    debug: input.onQuery ? ['query'] : false,
    colors: false,
    logger: input.onQuery
      ? (message: string) => {
          input.onQuery!(message);
        }
      : () => undefined,
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  });
}

export async function openOrm(clientUrl: string, opts: { poolMax?: number; acquireTimeoutMs?: number; onQuery?: (sql: string) => void } = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions({ clientUrl, ...opts }));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
