import type { Logger } from '../core/logger';

/**
 * OpenTelemetry hooks, off by default. They are on when the standard variables ask for traces
 * (OTEL_TRACES_EXPORTER other than "none", or OTEL_EXPORTER_OTLP_ENDPOINT /
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED is not "true". The server then opens a
 * span per GraphQL operation through @opentelemetry/api; an SDK registered before start (e.g.
 * `node --require @opentelemetry/auto-instrumentations-node/register dist/src/main.js`, which also
 * traces every SQL statement through its pg instrumentation) exports them. Without the API package
 * or an SDK the spans are no-ops.
 */

export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

export interface Tracer {
  startSpan(name: string, options?: { attributes?: Record<string, string | number | boolean> }): SpanLike;
}

/** SpanStatusCode.ERROR of @opentelemetry/api. */
export const SPAN_ERROR = 2;

export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  const exporter = (env.OTEL_TRACES_EXPORTER ?? '').trim().toLowerCase();
  if (exporter === 'none') return false;
  return exporter !== '' || !!env.OTEL_EXPORTER_OTLP_ENDPOINT || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
}

/** The tracer when tracing is requested and @opentelemetry/api can be loaded; null otherwise (no hooks at all). */
export function openTracer(logger: Logger, env: NodeJS.ProcessEnv = process.env): Tracer | null {
  if (!tracingRequested(env)) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('@opentelemetry/api') as { trace: { getTracer(name: string, version?: string): Tracer } };
    logger.info('OpenTelemetry tracing hooks on (a span per GraphQL operation)');
    return api.trace.getTracer('yunhu-review');
  } catch {
    logger.warn('OTEL_* variables ask for traces, but @opentelemetry/api is not installed: tracing stays off');
    return null;
  }
}
