import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ServerMetrics } from '../observability/metrics';
import { activeSpan, SPAN_ERROR, type SpanLike, type Tracer } from '../observability/tracing';
import type { Context } from './context';

/** Root fields named in a log line at most. */
const MAX_ROOT_FIELDS = 20;

/** The root fields an operation selects (fragments expanded, aliases resolved to the field names), in order, each once. */
export function rootFields(operation: OperationDefinitionNode | null | undefined, document: DocumentNode | undefined): string[] {
  if (!operation) return [];
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document?.definitions ?? []) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (out.size >= MAX_ROOT_FIELDS) return;
      if (s.kind === Kind.FIELD) out.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f);
      }
    }
  };
  walk(operation.selectionSet);
  return [...out];
}

/** The name of a document's only operation (a document that failed validation has no resolved operation). */
export function operationNameIn(document: DocumentNode | undefined): string | undefined {
  const ops = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return ops.length === 1 ? ops[0]!.name?.value : undefined;
}

/** Durations per operation and errors per code for /metrics; the operation's span (when tracing is on) gets its name, type and error status. */
export function observabilityPlugin(metrics: ServerMetrics, tracer: Tracer | null): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      // the operation's span, opened around the request by operationSpans (which also ends it)
      const span = (tracer ? activeSpan() : undefined) as (SpanLike & { updateName?(n: string): unknown }) | undefined;
      return {
        async didResolveOperation(op) {
          if (!span) return;
          const type = op.operation?.operation ?? 'unknown';
          span.updateName?.(`${type} ${op.operationName ?? 'anonymous'}`);
          span.setAttribute('graphql.operation.type', type);
          span.setAttribute('graphql.operation.name', op.operationName ?? '');
        },
        async willSendResponse(r) {
          const body = r.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const operation = metrics.operationLabel(r.operationName ?? r.request.operationName ?? operationNameIn(r.document));
          const type = r.operation?.operation ?? 'unknown';
          metrics.operationDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
          const codes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          for (const code of codes) metrics.operationErrors.inc({ code });
          if (span && codes.length) span.setStatus({ code: SPAN_ERROR, message: [...new Set(codes)].join(',') });
        },
      };
    },
  };
}
