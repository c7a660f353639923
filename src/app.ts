import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { AppDeps } from './services';
import { createServices } from './services';
import type { Context } from './graphql/context';
import { createFormatError } from './graphql/errors';
import { createLoaders } from './graphql/loaders';
import { loggingPlugin } from './graphql/logging-plugin';
import { getSchema } from './graphql/schema';
import { AppError } from './core/errors';
import { onTransactionRetry } from './db/transaction';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
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

export async function buildContext(orm: MikroORM, deps: AppDeps, authorization: string | undefined): Promise<Context> {
  // useContext: services of this request join the transaction a service opened (MikroORM's transaction context).
  const em = orm.em.fork({ useContext: true });
  const services = createServices(em, deps);
  const token = bearerToken(authorization);
  let user: Context['user'] = null;
  let authProblem: string | null = null;
  if (authorization && !token) authProblem = 'Authorization 头格式应为 "Bearer <token>"';
  if (token) ({ user, problem: authProblem } = await services.signIn.authenticate(token));
  return {
    em,
    user,
    authProblem,
    loaders: createLoaders(em, deps.config.graphql),
    services,
    config: deps.config,
    clock: deps.clock,
    calendar: deps.calendar,
    logger: deps.logger,
    requestId: randomUUID(),
  };
}

export async function createApp(orm: MikroORM, deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  // A deadlock victim or serialization failure is retried by the transaction helper: say so.
  onTransactionRetry((e) =>
    logger.warn(e, e.kind === 'retry' ? 'transaction retried after a deadlock or serialization failure' : 'transaction still failing after retries: answered CONFLICT'),
  );
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, exposeLimits: true },
    maxAliases: { n: config.graphql.maxAliases, exposeLimits: true },
    maxTokens: { n: config.graphql.maxTokens, exposeLimits: true },
    costLimit: { maxCost: config.graphql.maxCost, exposeLimits: true },
    maxDirectives: { n: 20, exposeLimits: true },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  });
  const protection = armor.protect();

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: config.graphql.introspection,
    csrfPrevention: true,
    // Shutdown order is ours (src/main.ts): HTTP server, then pool, then database.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: createFormatError({ logger, exposeInternals: config.env === 'development' }),
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      loggingPlugin(logger),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
  await apollo.start();

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
  // Material download: the same bearer token; only users who may see the material's owner get the bytes.
  app.get('/materials/:id', async (req, res) => {
    const ctx = await buildContext(orm, deps, req.headers.authorization);
    const send = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
    if (!ctx.user) return send(401, 'UNAUTHENTICATED', ctx.authProblem ?? '请先登录');
    if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) return send(400, 'BAD_USER_INPUT', '材料 id 格式无效');
    try {
      const { material, content } = await ctx.services.materialContent(ctx.user, req.params.id);
      const name = material.fileName ?? `${material.title}.txt`;
      res.setHeader('Content-Type', material.fileName ? (material.mimeType ?? 'application/octet-stream') : 'text/plain; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('X-Content-SHA256', material.contentHash);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      return res.send(content);
    } catch (e) {
      if (e instanceof AppError) {
        const status = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 }[e.code as string] ?? 400;
        return send(status, e.code, e.message);
      }
      logger.error({ err: e }, 'material download failed');
      return send(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
  });

  app.use(
    '/graphql',
    // Room for a base64 material upload of the configured maximum size.
    express.json({ limit: Math.max(config.graphql.bodyLimitBytes, Math.ceil((config.materials.maxBytes * 4) / 3) + 65_536) }),
    expressMiddleware(apollo, {
      context: ({ req }) => buildContext(orm, deps, req.headers.authorization),
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ message: '未找到该地址，GraphQL 接口位于 /graphql' });
  });
  // Malformed JSON, oversized bodies: a JSON answer with a stable code, never an HTML stack page.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'unexpected HTTP error');
    const message =
      err.type === 'entity.too.large'
        ? '请求体过大'
        : status === 500
          ? '服务器内部错误，请稍后重试'
          : '请求格式不正确，请发送合法的 JSON';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' } }] });
  });

  return {
    httpServer,
    apollo,
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
    },
  };
}
