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
import { createChannels } from '../../src/notifications/channels';
import { DeliveryService } from '../../src/notifications/delivery.service';
import { BROWSER_PORT, BROWSER_WORLD_FILE, BROWSER_WEBHOOK_SECRET } from './constants';

async function main() {
  await globalSetup();
  let h: Harness | null = null;
  let fixed: http.Server | null = null;
  let sender: NodeJS.Timeout | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      if (sender) clearInterval(sender);
      fixed?.close();
      await h?.close();
    } finally {
      await globalTeardown();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // Webhooks can be chosen (signed with a test key); a delivery fails for good at its first failed
  // attempt, since the fixed clock never reaches a retry's later time.
  h = await startHarness({
    env: { LOGIN_ADDRESS_EXEMPT_LOOPBACK: 'true', LOGIN_MAX_FAILURES: '1000', WEBHOOK_SECRET: BROWSER_WEBHOOK_SECRET, NOTIFICATION_MAX_ATTEMPTS: '1' },
  });
  const world = await buildWorld(h);
  // What the job runner's notification-deliver job does every minute (the harness runs no job runner):
  // due deliveries are sent every second, so a journey sees a delivery fail, or a retried one go out.
  const harness = h;
  const channels = createChannels(harness.config.notifications);
  let sending = false;
  sender = setInterval(() => {
    if (sending || stopping) return;
    sending = true;
    new DeliveryService(harness.orm.em.fork(), { config: harness.config, clock: harness.clock, logger: harness.deps.logger, channels })
      .sweep()
      .catch((err: unknown) => console.error('delivery sweep failed', err))
      .finally(() => {
        sending = false;
      });
  }, 1_000);
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
