// First: with OTEL_* tracing on, the trace SDK must patch pg before anything requires it (nothing loads otherwise).
import { tracingSdk } from './observability/tracing-preload';
import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { openRuntime } from './runtime';
import { startBackground, type Background } from './background';
import { announceReady } from './core/ready';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  if (tracingSdk) (require('./observability/tracing-sdk') as typeof import('./observability/tracing-sdk')).reportTracing(tracingSdk, logger);
  const runtime = await openRuntime(config, logger, undefined, 'server');
  if (runtime.appliedMigrations.length) logger.info({ migrations: runtime.appliedMigrations }, 'migrations applied');

  // Demo data loads by itself only in development, only into an empty database; never in production.
  if (config.env === 'development') {
    // required here, not imported: the demo office's modules are not loaded by a production start
    const { loadDemoData } = require('./cli/seed') as typeof import('./cli/seed');
    const { loadDemoSamples } = require('./cli/samples') as typeof import('./cli/samples');
    const seeded = await loadDemoData(runtime.orm, runtime.deps, { onlyIfEmpty: true });
    if (seeded) {
      await loadDemoSamples(runtime.orm, runtime.deps);
      printCredentials(seeded.credentials);
    }
  }

  let app: Awaited<ReturnType<typeof createApp>>;
  let port: number;
  try {
    app = await createApp(runtime.orm, runtime.deps);
    port = await app.listen(config.port, config.host);
  } catch (e) {
    await runtime.shutdown(); // never leave the embedded database running behind a failed start
    throw e;
  }
  // Anchor the audit chain outside the database: a signed checkpoint now, then periodically and at stop.
  await runtime.startAuditCheckpoints();
  // Scheduled reminders and notice deliveries (JOBS_ENABLED=false: this server only answers requests).
  let background: Background | null = null;
  if (config.jobs.enabled) {
    try {
      background = await startBackground(runtime.orm, runtime.deps, { metrics: app.metrics });
    } catch (e) {
      await app.close();
      await runtime.shutdown();
      throw e;
    }
  }
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.info({ url: `http://${host}:${port}/graphql`, database: runtime.db.kind }, 'server ready');
  process.stdout.write(`\n云湖合法性审查 Yunhu Review is running: http://${host}:${port}/graphql  (database: ${runtime.db.kind})\n\n`);
  announceReady();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
      logger.info('http server closed');
      await background?.stop();
      await runtime.shutdown();
      await tracingSdk?.shutdown().catch((err: unknown) => logger.warn({ err }, 'the last spans could not be exported'));
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printCredentials(credentials: { username: string; password: string; roles: string[]; department: string }[]): void {
  process.stdout.write('\n演示数据已载入 (demo street office loaded). Demo accounts:\n');
  for (const c of credentials) {
    process.stdout.write(`  ${c.username.padEnd(10)} ${c.password}  ${c.roles.join(',').padEnd(16)} ${c.department}\n`);
  }
}

main().catch((err) => {
  if ((err as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(`启动失败：端口已被占用（${(err as Error).message}）。请用 PORT 指定其他端口。\n`);
    process.exit(1);
  }
  process.stderr.write(`启动失败 (start-up failed): ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
