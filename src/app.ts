import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { AppDeps } from './services';
import { createServices } from './services';
import type { Context } from './graphql/context';
import { createFormatError, serviceUnavailablePlugin } from './graphql/errors';
import { compiledSchemaGateway } from './graphql/executor';
import { createLoaders } from './graphql/loaders';
import { loggingPlugin } from './graphql/logging-plugin';
import { getSchema } from './graphql/schema';
import { ServiceUnavailableError } from './core/errors';
import { isDatabaseUnavailable } from './db/availability';
import { GraphQLError } from 'graphql';
import { costLimitPlugin } from './graphql/cost';
import { materialRoutes } from './graphql/material-routes';
import { documentRoutes } from './graphql/document-routes';
import { bodyTooLarge, graphqlRequestGuard } from './graphql/request-guard';
import { Refusal } from './graphql/refusal';
import { onTransactionRetry } from './db/transaction';
import { watchCalendarYears } from './calendar/calendar-store';
import { requestAuthorization, sessionCookieFor, uploadCsrfGuard, type SessionCookie } from './graphql/session-cookie';
import { consoleRoutes, securityHeaders } from './web-routes';
import { currentRequest } from './core/request-context';
import { localDateOf } from './core/clock';
import { countResponses, metricsRoute, ServerMetrics, type OverdueCounts } from './observability/metrics';
import { reenterRequest, requestId } from './observability/request-id';
import { openTracer, operationSpans } from './observability/tracing';
import { observabilityPlugin } from './graphql/observability-plugin';
import { OVERDUE_KINDS } from './normative/filing-flags';
import { ReviewRequest } from './review/review-request.entity';
import { ReviewStatus } from './review/review.enums';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** This server's /metrics (the job runner started beside it reports its runs here). */
  metrics: ServerMetrics;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests and drains the ones in flight. */
  close(): Promise<void>;
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** What buildContext takes from the HTTP request. */
export interface RequestInfo {
  authorization: string | undefined;
  /** The console's session cookie of this exchange (src/graphql/session-cookie.ts), when over HTTP. */
  sessionCookie?: SessionCookie | null;
  /** The client's address as express determined it (`req.ip`: X-Forwarded-For only through a trusted proxy). */
  clientAddress: string | undefined;
}

/**
 * The context of one request. When the database cannot be reached the request fails at once with
 * SERVICE_UNAVAILABLE (HTTP 503, "数据库不可用"), never an opaque "Context creation failed".
 */
export async function buildContext(orm: MikroORM, deps: AppDeps, request: RequestInfo): Promise<Context> {
  try {
    return await buildContextUnguarded(orm, deps, request);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    deps.logger.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'database unavailable');
    const e = new ServiceUnavailableError();
    throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 503 } } });
  }
}

async function buildContextUnguarded(orm: MikroORM, deps: AppDeps, { authorization, clientAddress, sessionCookie }: RequestInfo): Promise<Context> {
  // useContext: services of this request join the transaction a service opened (MikroORM's transaction context).
  const em = orm.em.fork({ useContext: true });
  const services = createServices(em, deps);
  const token = bearerToken(authorization);
  let user: Context['user'] = null;
  let authProblem: string | null = null;
  let session: Context['session'] = null;
  if (authorization && !token) authProblem = 'Authorization 头格式应为 "Bearer <token>"';
  if (token) ({ user, problem: authProblem, session } = await services.signIn.authenticate(token));
  return {
    em,
    user,
    authProblem,
    session,
    clientAddress: clientAddress ?? null,
    loaders: createLoaders(em, deps.config.graphql),
    services,
    config: deps.config,
    clock: deps.clock,
    calendar: deps.calendar,
    logger: deps.logger,
    requestId: currentRequest()?.requestId ?? randomUUID(),
    sessionCookie: sessionCookie ?? null,
  };
}

/** What /metrics reports as overdue, read on scrape: the filing flags' counts and one count of overdue reviews (both on indexes). */
async function overdueCounts(orm: MikroORM, deps: AppDeps): Promise<OverdueCounts> {
  const em = orm.em.fork();
  const today = localDateOf(deps.clock.now(), deps.config.timeZone);
  const [filingFlags, reviewsOverdue] = await Promise.all([
    createServices(em, deps).normativeFiling.flagCounts({}, today),
    orm.em.fork().count(ReviewRequest, { status: ReviewStatus.ACCEPTED, dueSortKey: { $lt: today } }),
  ]);
  return { filingFlags, overdueFilingKinds: OVERDUE_KINDS, reviewsOverdue };
}

export async function createApp(orm: MikroORM, deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const metrics = new ServerMetrics(() => overdueCounts(orm, deps), logger);
  const tracer = openTracer(logger);
  // A deadlock victim or serialization failure is retried by the transaction helper: say so.
  onTransactionRetry((e) =>
    logger.warn(e, e.kind === 'retry' ? 'transaction retried after a deadlock or serialization failure' : 'transaction still failing after retries: answered CONFLICT'),
  );
  const app = express();
  app.disable('x-powered-by');
  // req.ip believes X-Forwarded-For only from the proxies named in TRUST_PROXY (default: none).
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  // Idle keep-alive sockets live longer than a client's or a proxy's (Node's own 5 s races clients
  // that reuse a socket the server is closing, seen as ECONNRESET under load); headers stay bounded.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  // Depth, aliases and directives: graphql-armor's validation rules. Tokens are counted by graphql-js's
  // own parser (armor's token plugin turns every syntax error into a 500), the cost by src/graphql/cost.ts
  // (armor's cost limit does not count list sizes), suggestions are removed by formatError.
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, exposeLimits: true },
    maxAliases: { n: config.graphql.maxAliases, exposeLimits: true },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: true },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const schema = await getSchema();

  const apollo = new ApolloServer<Context>({
    // Apollo Server takes its own executor only through the gateway interface (src/graphql/executor.ts).
    ...(config.graphql.executor === 'compiled' ? { gateway: compiledSchemaGateway(schema) } : { schema }),
    introspection: config.graphql.introspection,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // Automatic persisted queries: no client of ours uses them, and anonymous callers could fill the cache.
    persistedQueries: false,
    csrfPrevention: true,
    // Shutdown order is ours (src/main.ts): HTTP server, then pool, then database.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: createFormatError({ logger, exposeInternals: config.env === 'development', hideSuggestions: config.env === 'production' }),
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      costLimitPlugin(schema, {
        maxCost: config.graphql.maxCost,
        anonymousMaxCost: config.graphql.anonymous.maxCost,
        textFieldCost: config.graphql.textFieldCost,
        defaultPageSize: config.graphql.defaultPageSize,
        maxPageSize: config.graphql.maxPageSize,
      }),
      loggingPlugin(logger),
      observabilityPlugin(metrics, tracer),
      serviceUnavailablePlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of GraphQL answers here (every answer depends on who asks): skip the per-field cache-control work.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's own landing page loads its explorer from the internet: the bundled one is at /explorer.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  // Holiday years loaded by an admin (here, on another server, or by the CLI) are used at once.
  const calendarWatch = watchCalendarYears({ url: String(orm.config.get('clientUrl')), calendar: deps.calendar, logger });
  await calendarWatch.start();

  // X-Request-Id on every response and in every log line of the request; responses counted for /metrics.
  app.use(requestId(), countResponses(metrics));
  app.use(securityHeaders());
  app.get('/metrics', metricsRoute(metrics, config.metricsToken, logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', message: '数据库不可用' });
    }
  });
  // Material download and upload (the only route with a large body: authenticated first, capped).
  app.use('/materials', uploadCsrfGuard());
  app.use(
    materialRoutes({
      maxBytes: config.materials.maxBytes,
      logger,
      context: (req) => buildContext(orm, deps, { authorization: requestAuthorization(req), clientAddress: req.ip }),
    }),
  );
  // Official documents, registers and archives: generated on request, with the record's access rules.
  app.use(documentRoutes({ logger, context: (req) => buildContext(orm, deps, { authorization: requestAuthorization(req), clientAddress: req.ip }) }));

  app.use(
    '/graphql',
    // Caller class, body limit, request shape, parse, subscriptions, field duplication — before Apollo.
    ...graphqlRequestGuard({ config, logger, tokens: deps.tokens, clock: deps.clock }),
    reenterRequest(),
    operationSpans(tracer),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        buildContext(orm, deps, {
          authorization: requestAuthorization(req),
          clientAddress: req.ip,
          sessionCookie: sessionCookieFor(req, res, config.web.cookieSecure),
        }),
    }),
  );
  // The web console (src/web) and the bundled explorer, with history fallback for the console's routes.
  app.use(consoleRoutes({ dir: config.web.dir, introspection: config.graphql.introspection }));
  app.use((_req, res) => {
    res.status(404).json({ message: '未找到该地址，GraphQL 接口位于 /graphql' });
  });
  // Malformed JSON, oversized bodies: a JSON answer with a stable code, never an HTML stack page.
  app.use((err: { status?: number; type?: string; limit?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err.type === 'entity.too.large') {
      const r = bodyTooLarge(err.limit ?? config.graphql.bodyLimitBytes);
      logger.warn({ reason: r.reason }, 'request refused');
      return res.status(413).json(r.body());
    }
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      logger.error({ err }, 'unexpected HTTP error');
      return res.status(500).json({ errors: [{ message: '服务器内部错误，请稍后重试', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    const r = new Refusal(status, 'MALFORMED_REQUEST', '请求格式不正确，请发送合法的 JSON（GraphQL 请求）或按说明上传文件');
    logger.warn({ reason: r.reason, status, type: err.type }, 'request refused');
    return res.status(status).json(r.body());
  });

  return {
    httpServer,
    apollo,
    metrics,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const addr = httpServer.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    close: async () => {
      await apollo.stop(); // the drain plugin closes the HTTP server and waits for requests
      await calendarWatch.stop();
    },
  };
}
