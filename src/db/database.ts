import { Client } from 'pg';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { startEmbeddedDatabase } from './embedded';

export interface DatabaseHandle {
  clientUrl: string;
  /** "embedded" or "external", for the start-up banner. */
  kind: 'embedded' | 'external';
  stop(): Promise<void>;
}

/** Creates the database on the server when it is missing (embedded first start). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)} encoding 'UTF8' template template0`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when given (no code change), otherwise the embedded PostgreSQL. */
export async function provideDatabase(config: Config, logger: Logger, role: 'server' | 'client' = 'client'): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { clientUrl: config.databaseUrl, kind: 'external', stop: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort, logger, role });
  try {
    await ensureDatabase(embedded.urlFor('postgres'), config.databaseName);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { clientUrl: embedded.urlFor(config.databaseName), kind: 'embedded', stop: () => embedded.stop() };
}
