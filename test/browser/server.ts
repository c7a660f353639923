/**
 * The browser suite's server: the jest harness' database (a migrated, seeded template cloned into a
 * fresh database, embedded PostgreSQL or TEST_DATABASE_URL), the real HTTP server serving the built
 * console (dist/web) on BROWSER_PORT, and the two-department world of test/support/world.ts built
 * through the API. What was built is written to BROWSER_WORLD_FILE for the journeys. Playwright
 * starts it (playwright.config.ts, webServer) and stops it with SIGTERM; everything is removed then.
 */
import 'reflect-metadata';
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { startHarness, type Harness } from '../support/harness';
import { buildWorld } from '../support/world';
import { BROWSER_PORT, BROWSER_WORLD_FILE } from './constants';

async function main() {
  await globalSetup();
  let h: Harness | null = null;
  let fixed: http.Server | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      fixed?.close();
      await h?.close();
    } finally {
      await globalTeardown();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  h = await startHarness({ env: { LOGIN_ADDRESS_EXEMPT_LOOPBACK: 'true', LOGIN_MAX_FAILURES: '1000' } });
  const world = await buildWorld(h);
  // The harness listens on a random port; the browser needs a known one: a second server on the same app.
  mkdirSync(path.dirname(BROWSER_WORLD_FILE), { recursive: true });
  writeFileSync(BROWSER_WORLD_FILE, JSON.stringify(world, null, 2));
  const handler = h.app.httpServer.listeners('request')[0] as http.RequestListener;
  fixed = http.createServer(handler);
  const server = fixed;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(BROWSER_PORT, '127.0.0.1', () => resolve());
  });
  process.stdout.write(`[browser suite server on http://127.0.0.1:${BROWSER_PORT}]\n`);
}

main().catch(async (err) => {
  console.error(err);
  await globalTeardown().catch(() => undefined);
  process.exit(1);
});
