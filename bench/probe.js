/**
 * Preloaded into the server by bench/run.ts (`node -r ./bench/probe.js dist/src/main.bundle.js`), never by
 * the product: answers the benchmark's IPC message with the process's memory as V8 sees it, so the
 * report gives the heap actually used beside the RSS.
 */
'use strict';
const v8 = require('node:v8');

if (process.send) {
  process.on('message', (m) => {
    if (!m || m.probe !== 'memory') return;
    const u = process.memoryUsage();
    const h = v8.getHeapStatistics();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    process.send({ probe: 'memory', rss: u.rss, heapTotal: u.heapTotal, heapUsed: u.heapUsed, external: u.external, arrayBuffers: u.arrayBuffers, heapLimit: h.heap_size_limit, spaces });
  });
  // the IPC channel must not keep the server alive after SIGTERM
  process.channel?.unref();
}
