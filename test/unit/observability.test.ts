import { parse, type OperationDefinitionNode } from 'graphql';
import { createLogger } from '../../src/core/logger';
import { acceptRequestId, runInRequest } from '../../src/core/request-context';
import { operationNameIn, rootFields } from '../../src/graphql/observability-plugin';
import { MAX_OPERATION_LABELS, metricsAllowed, ServerMetrics } from '../../src/observability/metrics';
import { openTracer, tracingRequested } from '../../src/observability/tracing';

const silent = createLogger('silent');

describe('request ids', () => {
  test('well-formed ids are kept, others replaced by a UUID', () => {
    expect(acceptRequestId('abc-123_X.y:z')).toBe('abc-123_X.y:z');
    expect(acceptRequestId(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), 'line\nbreak', '中文']) expect(acceptRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a log line written inside a request carries its id, outside none', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    runInRequest({ requestId: 'r-1' }, () => logger.child({ area: 'x' }).info('inside'));
    logger.info('outside');
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: 'r-1', area: 'x', msg: 'inside' });
    expect(JSON.parse(lines[1]!).requestId).toBeUndefined();
  });
});

describe('operation names and root fields', () => {
  test('root fields through fragments and inline fragments, each once', () => {
    const doc = parse('query Q { a: rules { id } me { id } ...F ... on Query { node(id: "1") { id } } } fragment F on Query { rules { title } stats }');
    const op = doc.definitions[0] as OperationDefinitionNode;
    expect(rootFields(op, doc)).toEqual(['rules', 'me', 'stats', 'node']);
    expect(operationNameIn(doc)).toBe('Q');
    expect(operationNameIn(parse('query A { x } query B { y }'))).toBeUndefined();
  });

  test('operation labels are bounded: odd names and names past the limit become "other"', () => {
    const m = new ServerMetrics(async () => ({ filingFlags: new Map(), overdueFilingKinds: [], reviewsOverdue: 0 }), silent);
    expect(m.operationLabel(undefined)).toBe('anonymous');
    expect(m.operationLabel('Good_Name1')).toBe('Good_Name1');
    expect(m.operationLabel('bad-name')).toBe('other');
    for (let i = 0; i < MAX_OPERATION_LABELS + 10; i++) m.operationLabel(`Op${i}`);
    expect(m.operationLabel('Good_Name1')).toBe('Good_Name1');
    expect(m.operationLabel('BrandNew')).toBe('other');
  });
});

describe('metrics access', () => {
  const token = 'metrics-token-0123456789';
  test('loopback clients, or a matching bearer token', () => {
    expect(metricsAllowed({ ip: '127.0.0.1', headers: {} }, null)).toBe(true);
    expect(metricsAllowed({ ip: '::ffff:127.0.0.1', headers: {} }, null)).toBe(true);
    expect(metricsAllowed({ ip: '::1', headers: {} }, null)).toBe(true);
    expect(metricsAllowed({ ip: '10.1.2.3', headers: {} }, null)).toBe(false);
    expect(metricsAllowed({ ip: '10.1.2.3', headers: { authorization: `Bearer ${token}` } }, null)).toBe(false);
    expect(metricsAllowed({ ip: '10.1.2.3', headers: { authorization: `Bearer ${token}` } }, token)).toBe(true);
    expect(metricsAllowed({ ip: '10.1.2.3', headers: { authorization: `Bearer ${token}0` } }, token)).toBe(false);
  });
});

describe('tracing hooks', () => {
  test('off by default, on with the standard OTEL_* variables, off again with OTEL_SDK_DISABLED or the "none" exporter', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(false);
    expect(openTracer(silent, {})).toBeNull();
    const tracer = openTracer(silent, { OTEL_TRACES_EXPORTER: 'otlp' });
    expect(tracer).not.toBeNull();
    const span = tracer!.startSpan('graphql.operation');
    span.setAttribute('graphql.operation.name', 'X');
    span.end(); // a no-op span until an SDK is registered
  });
});
