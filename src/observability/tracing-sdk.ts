/**
 * The OpenTelemetry trace SDK, loaded only when the OTEL_* variables ask for traces (see
 * tracing-preload.ts, which loads this before anything requires pg): a Node tracer provider with
 * the AsyncLocalStorage context manager, spans batched to the OTLP/HTTP exporter (JSON) and/or the
 * console, and the pg instrumentation, which makes every SQL statement a child span of the GraphQL
 * operation it runs for. Statements outside an operation (the job runner's polling, migrations)
 * make no spans.
 */
import type { Logger } from '../core/logger';

export interface TracingSdk {
  /** Which exporters run ("otlp", "console"). */
  exporters: string[];
  /** Exports the spans still buffered and stops (at shutdown; bounded by OTEL_BSP_EXPORT_TIMEOUT). */
  shutdown(): Promise<void>;
}

/** Problems noticed before a logger exists; main logs them once it has one. */
export const startupNotes: string[] = [];

export function startTracingSdk(env: NodeJS.ProcessEnv = process.env): TracingSdk {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider, BatchSpanProcessor, ConsoleSpanExporter } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const named = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const exporters = named.length ? named : ['otlp'];
  const processors = [];
  for (const name of exporters) {
    if (name === 'otlp') {
      const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/json').trim();
      if (protocol !== 'http/json') startupNotes.push(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not installed here: traces are sent as http/json`);
      processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
    } else if (name === 'console') {
      processors.push(new BatchSpanProcessor(new ConsoleSpanExporter()));
    } else {
      startupNotes.push(`OTEL_TRACES_EXPORTER=${name} is not supported (otlp, console): ignored`);
    }
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || 'yunhu-review' }),
    spanProcessors: processors,
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PgInstrumentation({ requireParentSpan: true })],
  });
  return {
    exporters,
    shutdown: () => provider.shutdown(),
  };
}

/** Logs what the SDK noticed at start. */
export function reportTracing(sdk: TracingSdk, logger: Logger): void {
  logger.info({ exporters: sdk.exporters }, 'OpenTelemetry trace SDK started (a span per GraphQL operation and per SQL statement)');
  for (const note of startupNotes.splice(0)) logger.warn(note);
}
