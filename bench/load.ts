/**
 * The load generator: a separate process from the server (forked by bench/run.ts), closed loop,
 * `connections` keep-alive HTTP connections each sending the same GraphQL request back to back
 * for `seconds`. Reports every latency so the parent computes the percentiles.
 */
import http from 'node:http';

interface Job {
  url: string;
  body: string;
  token: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

function post(agent: http.Agent, url: URL, body: string, token: string): Promise<{ status: number; ok: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // a GraphQL error inside a 200 is a failure too: the figures would measure the wrong thing
          resolve({ status: res.statusCode ?? 0, ok: res.statusCode === 200 && !text.includes('"errors"'), text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: Job, seconds: number, record: boolean): Promise<{ latencies: number[]; failures: number; firstFailure: string | null }> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const res = await post(agent, url, job.body, job.token);
        if (!record) continue;
        latencies.push(performance.now() - t0);
        if (!res.ok) {
          failures += 1;
          firstFailure ??= `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
        }
      }
    }),
  );
  agent.destroy();
  return { latencies, failures, firstFailure };
}

process.on('message', (job: Job) => {
  void (async () => {
    if (job.warmupSeconds > 0) await run(job, job.warmupSeconds, false);
    process.send!({ phase: 'measuring' });
    const started = performance.now();
    const result = await run(job, job.seconds, true);
    process.send!({ phase: 'done', elapsedMs: performance.now() - started, ...result });
  })().catch((err: unknown) => {
    process.send!({ phase: 'error', message: String(err) });
  });
});
