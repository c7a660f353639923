import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, MikroORM, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/core';
import type { Client } from 'pg';
import { ENTITIES } from './entities';

/** Same folder from src (ts-node, jest) and from dist/src (compiled). */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'migrations');
/** The Migrator's log of applied migrations (one row per name). */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface OrmOptionsInput {
  clientUrl: string;
  poolMax?: number;
  /** How long a caller waits for a pooled connection (default 5 s). */
  acquireTimeoutMs?: number;
  /** Called with every SQL statement the ORM sends (tests count statements with it). */
  onQuery?: (sql: string) => void;
  /**
   * With the Migrator (`orm.getMigrator()`; the default). The server's own ORM goes without: the
   * Migrator's modules (umzug and its command-line toolkit) are loaded only when a migration runs.
   */
  migrator?: boolean;
}

/** Loaded on demand: only a migration run needs it. */
function loadMigrator(): typeof import('@mikro-orm/migrations').Migrator {
  return (require('@mikro-orm/migrations') as typeof import('@mikro-orm/migrations')).Migrator;
}

/**
 * A Unix-socket directory named as libpq does (`postgres://user:pw@/db?host=/run/postgresql`): pg,
 * pg-boss and the PostgreSQL tools read it from the URL, MikroORM only from its `host` option.
 * (On one machine the benchmark measured no speed difference from loopback TCP: bench/RESULTS.md.)
 */
export function socketHost(clientUrl: string): { host: string; port: number } | null {
  let url: URL;
  try {
    url = new URL(clientUrl);
  } catch {
    return null;
  }
  const host = url.searchParams.get('host');
  if (!host || !host.startsWith('/')) return null;
  return { host, port: url.port ? Number(url.port) : 5432 };
}

export function ormOptions(input: OrmOptionsInput): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl: input.clientUrl,
    ...socketHost(input.clientUrl),
    entities: ENTITIES,
    extensions: input.migrator === false ? [] : [loadMigrator()],
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
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  });
}

export async function openOrm(clientUrl: string, opts: Omit<OrmOptionsInput, 'clientUrl'> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions({ clientUrl, ...opts }));
}

/** The migration files, by the name the Migrator logs (the file name without `.js`/`.ts`; no `.d.ts`). */
export function migrationNames(dir: string = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(js|ts)$/, ''))
    .sort();
}

/**
 * The migrations not applied yet, read with one statement over `client`'s connection — what the
 * Migrator's `getPendingMigrations` answers, without opening an ORM for it: a start on an up-to-date
 * database costs one query here, and the Migrator is opened only when something is pending.
 */
export async function pendingMigrations(client: Client, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const exists = await client.query<{ t: string | null }>(`select to_regclass($1) as t`, [`public.${MIGRATIONS_TABLE}`]);
  const applied = new Set<string>();
  if (exists.rows[0]?.t) {
    const rows = await client.query<{ name: string }>(`select name from ${client.escapeIdentifier(MIGRATIONS_TABLE)}`);
    for (const r of rows.rows) applied.add(r.name.replace(/\.(js|ts)$/, ''));
  }
  return migrationNames(dir).filter((name) => !applied.has(name));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
