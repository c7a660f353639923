import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../core/logger';
import type { JobRunObserver } from '../jobs/job-runner';

/**
 * The server's Prometheus metrics (GET /metrics): GraphQL operations by name and type with their
 * durations, errors by code, HTTP responses by status class, the background jobs this server's
 * runner ran (by job and outcome, with durations), the overdue counts (computed on scrape
 * by a few bounded count statements), and Node's process metrics. One registry per server, so
 * several servers in one process (the tests) never share counters.
 */

/** Overdue and flagged work as counted on scrape. */
export interface OverdueCounts {
  /** Live filing flags of normative documents by kind (R-ND-8). */
  filingFlags: Map<string, number>;
  /** The kinds among them that are overdue. */
  overdueFilingKinds: readonly string[];
  /** Accepted legality reviews past their due date (R-LR-3). */
  reviewsOverdue: number;
}

/** Operation names become label values only when they look like names, and only so many distinct ones. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const MAX_OPERATION_LABELS = 200;

/** Node's process metrics, collected once per process (several servers in one process share them). */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'yunhu_' });
  }
  return processRegistry;
}

export class ServerMetrics implements JobRunObserver {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly operationDuration: Histogram<'operation' | 'type'>;
  readonly operationErrors: Counter<'code'>;
  readonly httpResponses: Counter<'status'>;
  readonly jobRuns: Counter<'job' | 'outcome'>;
  readonly jobDuration: Histogram<'job'>;

  constructor(overdue: () => Promise<OverdueCounts>, logger: Logger) {
    const registers = [this.registry];
    processMetrics();
    this.operationDuration = new Histogram({
      name: 'yunhu_graphql_operation_duration_seconds',
      help: 'GraphQL operations by name and type, from request start to response',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.operationErrors = new Counter({
      name: 'yunhu_graphql_errors_total',
      help: 'Errors in GraphQL responses by code (extensions.code)',
      labelNames: ['code'],
      registers,
    });
    this.httpResponses = new Counter({
      name: 'yunhu_http_responses_total',
      help: 'HTTP responses by status class (2xx, 4xx, 5xx …)',
      labelNames: ['status'],
      registers,
    });
    this.jobRuns = new Counter({
      name: 'yunhu_job_runs_total',
      help: 'Background job runs on this server by job and outcome (completed, failed; each retry is a run)',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'yunhu_job_duration_seconds',
      help: 'Background job runs on this server by job, from the worker taking the job to its end',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers,
    });
    // Read on scrape: the gauges are collected side by side, so they share one reading in flight.
    let reading: Promise<{ counts: OverdueCounts | null; seconds: number }> | null = null;
    const read = () => {
      reading ??= (async () => {
        const started = process.hrtime.bigint();
        let counts: OverdueCounts | null = null;
        try {
          counts = await overdue();
        } catch (err) {
          logger.warn({ err }, 'overdue counts for /metrics could not be read');
        }
        return { counts, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
      })().finally(() => {
        reading = null;
      });
      return reading;
    };
    new Gauge({
      name: 'yunhu_filing_flags',
      help: 'Live filing problems of normative documents by kind (R-ND-8)',
      labelNames: ['kind'],
      registers,
      async collect() {
        const { counts } = await read();
        if (!counts) return;
        this.reset();
        for (const [kind, n] of counts.filingFlags) this.set({ kind }, n);
      },
    });
    new Gauge({
      name: 'yunhu_filing_overdue',
      help: 'Normative documents whose filing or deferral is overdue (R-ND-8)',
      registers,
      async collect() {
        const { counts } = await read();
        if (counts) this.set(counts.overdueFilingKinds.reduce((a, k) => a + (counts.filingFlags.get(k) ?? 0), 0));
      },
    });
    new Gauge({
      name: 'yunhu_reviews_overdue',
      help: 'Accepted legality reviews past their due date (R-LR-3)',
      registers,
      async collect() {
        const { counts } = await read();
        if (counts) this.set(counts.reviewsOverdue);
      },
    });
    new Gauge({
      name: 'yunhu_overdue_scrape_failed',
      help: '1 when the overdue counts could not be read on this scrape (the overdue gauges then keep their last values)',
      registers,
      async collect() {
        this.set((await read()).counts ? 0 : 1);
      },
    });
    new Gauge({
      name: 'yunhu_overdue_scrape_seconds',
      help: 'How long reading the overdue counts took on this scrape',
      registers,
      async collect() {
        this.set((await read()).seconds);
      },
    });
  }

  /** A job run by this server's runner (job names are the application's own queues: a bounded label set). */
  jobRun(job: string, outcome: 'completed' | 'failed', seconds: number): void {
    this.jobRuns.inc({ job, outcome });
    this.jobDuration.observe({ job }, seconds);
  }

  /** The text of a scrape: this server's metrics and the process's. */
  scrape(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  /** The label of an operation: its name when well formed and among the first MAX_OPERATION_LABELS seen, else "other"; "anonymous" without a name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\./.test(a);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Who may read /metrics: a loopback client (its address after TRUST_PROXY), or anyone with METRICS_TOKEN as a bearer token. */
export function metricsAllowed(req: Pick<Request, 'ip' | 'headers'>, token: string | null): boolean {
  if (token && tokenMatches(req.headers.authorization, token)) return true;
  return isLoopback(req.ip);
}

/** Counts every HTTP response by status class. */
export function countResponses(metrics: ServerMetrics): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => metrics.httpResponses.inc({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };
}

export function metricsRoute(metrics: ServerMetrics, token: string | null, logger: Logger): RequestHandler {
  return async (req, res) => {
    if (!metricsAllowed(req, token)) {
      logger.warn({ ip: req.ip }, 'metrics refused');
      res.status(403).json({
        errors: [{ message: '指标接口仅对本机开放；从其他主机读取请携带 Authorization: Bearer <METRICS_TOKEN>', extensions: { code: 'METRICS_FORBIDDEN' } }],
      });
      return;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.scrape());
  };
}
