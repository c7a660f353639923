import { defineConfig } from '@playwright/test';
import { BROWSER_BASE_URL, BROWSER_PORT } from './test/browser/constants';

/**
 * The browser suite (test/browser): Debian's Chromium (no browser is downloaded), against a real
 * server on a fresh database (test/browser/server.ts) serving the built console (npm run build:web).
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/browser',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BROWSER_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
  webServer: {
    command: `node -r ts-node/register/transpile-only test/browser/server.ts`,
    url: `${BROWSER_BASE_URL}/readyz`,
    env: { BROWSER_PORT: String(BROWSER_PORT), TS_NODE_PROJECT: 'tsconfig.test.json' },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
