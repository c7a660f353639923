import type { RequestHandler } from 'express';
import type { Logger } from '../core/logger';

/**
 * OpenTelemetry hooks, off by default. They are on when the standard variables ask for traces
 * (OTEL_TRACES_EXPORTER other than "none", or OTEL_EXPORTER_OTLP_ENDPOINT /
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED is not "true". src/main.ts then loads
 * the trace SDK with the pg instrumentation before anything requires pg (tracing-preload.ts,
 * tracing-sdk.ts), and the server opens a span per GraphQL operation through @opentelemetry/api,
 * active while the operation runs, so each SQL statement becomes its child. Without an SDK (an
 * app created in a test process) the spans are no-ops. This module loads nothing itself.
 */

export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

export interface Tracer {
  startSpan(name: string, options?: { kind?: number; attributes?: Record<string, string | number | boolean> }): SpanLike;
}

/** SpanKind.SERVER of @opentelemetry/api. */
const SPAN_SERVER = 1;

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
    logger.info('OpenTelemetry tracing hooks on (a span per GraphQL operation, its SQL statements as children)');
    return api.trace.getTracer('yunhu-review');
  } catch {
    logger.warn('OTEL_* variables ask for traces, but @opentelemetry/api is not installed: tracing stays off');
    return null;
  }
}

interface ContextApi {
  context: { active(): unknown; with<T>(ctx: unknown, fn: () => T): T };
  trace: { setSpan(ctx: unknown, span: SpanLike): unknown; getActiveSpan(): SpanLike | undefined };
}

/**
 * For /graphql after the body is read: opens the operation's span (named and given its status by
 * the observability plugin), runs the rest of the request inside it — the resolvers, and so the
 * pg instrumentation's statement spans, see it as their parent — and ends it with the response.
 */
export function operationSpans(tracer: Tracer | null): RequestHandler {
  if (!tracer) return (_req, _res, next) => next();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('@opentelemetry/api') as ContextApi;
  return (_req, res, next) => {
    const span = tracer.startSpan('graphql.operation', { kind: SPAN_SERVER, attributes: { 'yunhu.request_id': String(res.locals.requestId ?? '') } });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    api.context.with(api.trace.setSpan(api.context.active(), span), next);
  };
}

/** The span of the operation running now (inside `operationSpans`), if any. */
export function activeSpan(): SpanLike | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@opentelemetry/api') as ContextApi).trace.getActiveSpan();
}
