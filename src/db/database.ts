import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { readOrCreateSecretFile } from '../core/secrets';
import { startEmbeddedDatabase } from './embedded';
import { EMBEDDED_ROLE_NAMES, provisionDatabase, roleUrl, type DatabaseRoles } from './roles';

export interface DatabaseHandle {
  /** What the server connects as: the app role (no superuser, owns nothing). */
  clientUrl: string;
  /** The owner role, for migrations and grants; null when only one URL was given (external). */
  ownerUrl: string | null;
  /** "embedded" or "external", for the start-up banner. */
  kind: 'embedded' | 'external';
  stop(): Promise<void>;
}

/** The embedded database's two roles, their passwords kept in the data folder (mode 0600). */
export function embeddedRoles(dataDir: string): DatabaseRoles {
  const password = () => randomBytes(24).toString('hex');
  return {
    owner: { name: EMBEDDED_ROLE_NAMES.owner, password: readOrCreateSecretFile(path.join(dataDir, 'pg-owner.secret'), password) },
    app: { name: EMBEDDED_ROLE_NAMES.app, password: readOrCreateSecretFile(path.join(dataDir, 'pg-app.secret'), password) },
  };
}

/**
 * DATABASE_URL (the app role) and DATABASE_OWNER_URL (the owner, for migrations) when given;
 * otherwise the embedded PostgreSQL, where the superuser creates both roles and the database
 * owned by the owner at every start (idempotent) and is used for nothing else.
 */
export async function provideDatabase(config: Config, logger: Logger, role: 'server' | 'client' = 'client'): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { clientUrl: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, kind: 'external', stop: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort, logger, role });
  const roles = embeddedRoles(config.dataDir);
  try {
    await provisionDatabase(embedded.urlFor('postgres'), config.databaseName, roles);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  const server = embedded.urlFor('postgres');
  return {
    clientUrl: roleUrl(server, roles.app, config.databaseName),
    ownerUrl: roleUrl(server, roles.owner, config.databaseName),
    kind: 'embedded',
    stop: () => embedded.stop(),
  };
}
