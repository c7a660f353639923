import path from 'node:path';

/** The port of the browser suite's server (BROWSER_PORT to change it). */
export const BROWSER_PORT = Number(process.env.BROWSER_PORT ?? 4173);
export const BROWSER_BASE_URL = `http://127.0.0.1:${BROWSER_PORT}`;
/** The world the server built (test/support/world.ts), for the journeys. */
export const BROWSER_WORLD_FILE = path.resolve(__dirname, '..', '..', 'test-results', 'browser-world.json');
/** Every demo account's password in the test database. */
export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';
/** The browser suite's server signs webhooks with this key (WEBHOOK_SECRET). */
export const BROWSER_WEBHOOK_SECRET = 'browser-suite-webhook-secret-'.padEnd(40, 'w');
