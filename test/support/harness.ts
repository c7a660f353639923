import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App } from '../../src/app';
import { FixedClock } from '../../src/core/clock';
import { loadConfig, type Config } from '../../src/core/config';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { openOrm } from '../../src/orm';
import { syncDeadlineSettings } from '../../src/normative/deadline-settings';
import { TokenService } from '../../src/identity/token';
import { createLogger } from '../../src/core/logger';
import type { AppDeps } from '../../src/services';
import { roleUrl } from '../../src/db/roles';
import { auditDeps } from './audit-deps';
import { DEMO_PASSWORD, TEMPLATE_DB, TEST_AUDIT_KEY, TEST_NOW } from './constants';
import { testRoles } from './roles';

import type { GqlError, GqlResponse } from './gql-result';
import { GenerationCache } from '../../src/db/change-generation';
export { expectError, expectOk, type GqlError, type GqlResponse } from './gql-result';

export interface Harness {
  /** Connection URL of this test file's own database, as the app role (what the server connects as). */
  dbUrl: string;
  /** The same database as its owner role (what migrations run as). */
  ownerDbUrl: string;
  /** This harness's own data folder (audit checkpoints, keys): never the repository's .data. */
  dataDir: string;
  /** Where the server under test writes and reads its audit checkpoints. */
  checkpointDir: string;
  /** Environment for CLI runs against this harness's database (runCli's third argument). */
  cliEnv: Record<string, string>;
  baseUrl: string;
  url: string;
  orm: MikroORM;
  app: App;
  clock: FixedClock;
  config: Config;
  deps: AppDeps;
  /** Log lines written by the server (JSON strings). */
  logs: string[];
  /** SQL statements sent through the ORM since the last reset. */
  statements: { count: number; list: string[]; reset(): void };
  gql<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, opts?: { token?: string | null }): Promise<GqlResponse<R>>;
  /** Raw POST with any body and headers. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  login(username: string, password?: string): Promise<string>;
  /** Every application table's rows, ordered: compare before and after a refused call. */
  snapshot(): Promise<string>;
  sql<T extends Record<string, unknown> = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * SQL as the database superuser on this test file's database (pg placeholders: $1, $2 …): what a
   * malicious operator could do. Several statements may be sent at once when there are no params.
   */
  superSql<T extends Record<string, unknown> = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}


/**
 * A fresh database cloned from the migrated, seeded template (owned by the run's owner role), and
 * the real HTTP server on it, connected as the app role. `sql` runs as the app role too; `superSql`
 * as the superuser.
 */
export async function startHarness(opts: { env?: Record<string, string>; now?: Date; serverUrl?: string } = {}): Promise<Harness> {
  // another server (superuser URL) whose template was prepared with this run's roles (template.ts)
  const serverUrl = opts.serverUrl ?? process.env.YUNHU_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('test database server not started (jest globalSetup)');
  const dbName = `yunhu_t_${randomBytes(6).toString('hex')}`;
  const roles = testRoles();
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template ${TEMPLATE_DB} owner ${admin.escapeIdentifier(roles.owner.name)}`);
  await admin.end();
  const appUrl = roleUrl(serverUrl, roles.app, dbName);
  const ownerDbUrl = roleUrl(serverUrl, roles.owner, dbName);

  const statementList: string[] = [];
  const statements = {
    count: 0,
    list: statementList,
    reset() {
      statements.count = 0;
      statementList.length = 0;
    },
  };
  const orm = await openOrm(appUrl, {
    poolMax: 5,
    acquireTimeoutMs: opts.env?.DB_ACQUIRE_TIMEOUT_MS ? Number(opts.env.DB_ACQUIRE_TIMEOUT_MS) : undefined,
    onQuery: (msg) => {
      statements.count += 1;
      statementList.push(msg);
    },
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yunhu-h-'));
  const checkpointDir = path.join(dataDir, 'audit-checkpoints');
  const serverEnv = { DATA_DIR: dataDir, AUDIT_CHECKPOINT_DIR: checkpointDir, AUDIT_KEY: TEST_AUDIT_KEY };
  const cliEnv: Record<string, string> = { ...serverEnv, DATABASE_OWNER_URL: ownerDbUrl };
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-'.padEnd(48, 'x'), ...serverEnv, ...opts.env });
  const logs: string[] = [];
  const logger = createLogger(opts.env?.LOG_LEVEL ?? 'info', { write: (line: string) => void logs.push(line) });
  const clock = new FixedClock(opts.now ?? TEST_NOW);
  const deps: AppDeps = {
    config,
    clock,
    calendar: loadWorkingCalendar(config.calendarDataFile),
    logger,
    tokens: new TokenService({ secret: config.jwt.secret!, ttlSeconds: config.jwt.ttlSeconds, issuer: config.jwt.issuer }),
    audit: auditDeps(config),
    aggregates: new GenerationCache(),
  };
  // as openRuntime does for the server and the CLI
  await syncDeadlineSettings(orm, config.rules);
  const app = await createApp(orm, deps);
  const port = await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const gqlUrl = `${baseUrl}/graphql`;

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(gqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json };
  };

  let superClient: Client | null = null;
  const superUrl = new URL(serverUrl);
  superUrl.pathname = `/${dbName}`;

  const harness: Harness = {
    dbUrl: appUrl,
    ownerDbUrl,
    dataDir,
    checkpointDir,
    cliEnv,
    baseUrl,
    url: gqlUrl,
    orm,
    app,
    clock,
    config,
    deps,
    logs,
    statements,
    post,
    async gql(doc, variables, o = {}) {
      const headers: Record<string, string> = {};
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      const { status, json } = await post({ query: print(doc), variables: variables ?? {} }, headers);
      const result = json as ExecutionResult & { errors?: GqlError[] };
      return { status, data: result.data as never, errors: result.errors as GqlError[] | undefined };
    },
    async login(username, password = DEMO_PASSWORD) {
      const { json } = await post({
        query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: username, p: password },
      });
      const token = (json as { data?: { login?: { token: string } } }).data?.login?.token;
      if (!token) throw new Error(`login failed for ${username}: ${JSON.stringify(json)}`);
      return token;
    },
    async snapshot() {
      const em = orm.em.fork();
      const parts: string[] = [];
      const tables: { table_name: string }[] = await em
        .getConnection()
        .execute(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
      for (const { table_name: t } of tables) {
        const rows = await em.getConnection().execute(`select * from "${t}" order by 1`);
        parts.push(`${t}:${JSON.stringify(rows)}`);
      }
      return parts.join('\n');
    },
    async sql(query, params = []) {
      return orm.em.fork().getConnection().execute(query, params as unknown[]);
    },
    async superSql(query, params) {
      if (!superClient) {
        superClient = new Client({ connectionString: superUrl.toString() });
        await superClient.connect();
      }
      const res = await superClient.query(query, params as unknown[] | undefined);
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return (last?.rows ?? []) as never;
    },
    async close() {
      await superClient?.end();
      await app.close();
      await orm.close(true);
      const a = new Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
  return harness;
}

export { DEMO_PASSWORD };

/** Runs `fn` with an ORM on a brand-new empty database (no migrations applied), dropped afterwards. */
export async function withEmptyDatabase<T>(fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const serverUrl = process.env.YUNHU_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('test database server not started (jest globalSetup)');
  const name = `yunhu_t_empty_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' template template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const orm = await openOrm(url.toString());
  try {
    return await fn(orm);
  } finally {
    await orm.close(true);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
