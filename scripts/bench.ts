/**
 * Throughput and latency of representative operations against the real HTTP server on a scratch
 * embedded database (never part of the test suite: times live here, counts live in the tests).
 * Usage: npm run bench [-- --seconds 5 --concurrency 8]
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { openRuntime } from '../src/runtime';
import { loadDemoData } from '../src/cli/seed';
import { insertReleasedDocuments } from '../test/support/bulk';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '8' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

const OPERATIONS: Record<string, string> = {
  typename: '{ __typename }',
  me: '{ me { id username department { name } } }',
  departments: '{ departments(first: 50) { totalCount edges { node { id code name } } } }',
  usersWithDepartments: '{ users(first: 50) { totalCount edges { node { id username roles department { code name } } } } }',
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const dataDir = path.resolve('.data/bench');
  rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54351', LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config, createLogger('silent'));
  await loadDemoData(runtime.orm, runtime.deps, { password: 'Bench-Passw0rd-1' });
  const app = await createApp(runtime.orm, runtime.deps);
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = (body: unknown, token?: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ data?: { login?: { token: string } }; errors?: unknown[] }>);
  const login = await post({ query: 'mutation { login(username: "admin", password: "Bench-Passw0rd-1") { token } }' });
  const token = login.data!.login!.token;
  process.stdout.write(`node ${process.version}, ${concurrency} concurrent clients, ${seconds} s per operation, loopback\n`);
  process.stdout.write('operation                  requests   req/s    p50 ms   p95 ms   p99 ms\n');
  try {
    for (const [name, query] of Object.entries(OPERATIONS)) {
      const latencies: number[] = [];
      const deadline = Date.now() + seconds * 1000;
      let failures = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (Date.now() < deadline) {
            const t0 = performance.now();
            const res = await post({ query }, token);
            latencies.push(performance.now() - t0);
            if (res.errors) failures += 1;
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      const line = [
        name.padEnd(26),
        String(latencies.length).padStart(8),
        (latencies.length / seconds).toFixed(0).padStart(7),
        percentile(latencies, 50).toFixed(1).padStart(9),
        percentile(latencies, 95).toFixed(1).padStart(8),
        percentile(latencies, 99).toFixed(1).padStart(8),
        failures ? `  (${failures} failed)` : '',
      ].join(' ');
      process.stdout.write(`${line}\n`);
    }
    // R-ND-8: the flags query over 10,000 released documents (one SQL statement, rules in memory).
    await insertReleasedDocuments((q, params) => runtime.orm.em.fork().getConnection().execute(q, params as unknown[]), 1, 10_000);
    const filingToken = (await post({ query: 'mutation { login(username: "filing", password: "Bench-Passw0rd-1") { token } }' })).data!.login!.token;
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await post({ query: '{ filingFlags(first: 100) { totalCount overdueCount flags { kind } } }' }, filingToken);
      times.push(performance.now() - t0);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`filingFlags over 10,000 documents: p50 ${percentile(times, 50).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms (10 runs)\n`);
  } finally {
    await app.close();
    await runtime.shutdown();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
