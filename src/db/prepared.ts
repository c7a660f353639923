import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What this module needs of MikroORM's SQL connection (public in practice, `executeQuery` protected in its types). */
interface SqlConnection {
  getKnex(): { client: { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<unknown> } };
  executeQuery<R>(query: string, cb: () => Promise<R>, context?: Record<string, unknown>): Promise<R>;
}

interface PgClient {
  query<R>(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** Pooled connections already told to plan prepared statements once (see below). */
const genericPlans = new WeakSet<object>();

/**
 * A read statement run as a named prepared statement: PostgreSQL parses and plans it once per
 * pooled connection and then reuses its generic plan (`plan_cache_mode = force_generic_plan` on the
 * connection), where `execute` sends the statement as text to be planned again every time.
 * For statements whose planning costs more than their execution — the filing flags' page, a union
 * of ten branches over partial indexes (≈1 ms to plan, ≈0.3 ms to run over 100,000 documents).
 *
 * Only for statements whose generic plan is good (their tests explain it: `explain (generic_plan)`)
 * and of a bounded set of texts (the name is a digest of the text, and every connection keeps each
 * one it has prepared until it closes); `?` marks the parameters, as in
 * `execute` (so the text must not contain a literal `?`). Inside a transaction it runs as `execute`
 * does, on the transaction's connection. Logged as every other statement (the statement counts of
 * the tests and of the benchmark see it).
 */
export async function executePrepared<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const connection = em.getConnection();
  if (em.isInTransaction()) return connection.execute<T[]>(sql, params);
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== params.length) throw new Error(`executePrepared: ${n} placeholders, ${params.length} values`);
  const name = `y_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  const sqlConnection = connection as unknown as SqlConnection;
  const pool = sqlConnection.getKnex().client;
  return sqlConnection.executeQuery(
    text,
    async () => {
      const client = await pool.acquireConnection();
      try {
        // PostgreSQL plans a prepared statement anew for every call while a plan for the values looks
        // cheaper than its generic plan — for the flags' page it always did (twelve calls, no generic plan,
        // 2.2 ms each against 0.9 ms with it). Every other statement on these connections is sent as text
        // without parameters, to which this setting does not apply.
        if (!genericPlans.has(client)) {
          await client.query({ name: '', text: 'set plan_cache_mode = force_generic_plan', values: [] });
          genericPlans.add(client);
        }
        return (await client.query<T>({ name, text, values: params })).rows;
      } finally {
        await pool.releaseConnection(client);
      }
    },
    { query: text, params },
  );
}
