import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page, type APIRequestContext } from '@playwright/test';
import type { World } from '../support/world';
import { BROWSER_BASE_URL, BROWSER_WORLD_FILE, DEMO_PASSWORD } from './constants';

/** Where named screenshots go (copy representative ones to docs/screenshots with `npm run screenshots`). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

/** The world the server built through the API before the suite (test/support/world.ts). */
export function world(): World {
  return JSON.parse(readFileSync(BROWSER_WORLD_FILE, 'utf8')) as World;
}

/**
 * The suite's `test`: every page refuses any request that would leave the origin, and the test fails
 * if one was attempted (the console must work on an intranet without the internet).
 */
export const test = base.extend<{ externalRequests: string[] }>({
  externalRequests: [
    async ({ context }, use) => {
      const external: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(BROWSER_BASE_URL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        external.push(url);
        return route.abort('blockedbyclient');
      });
      await use(external);
      expect(external, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Signs in through the login page as one of the demo accounts; waits for the role's work list. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A named full-page screenshot in test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * GraphQL as an API client (Bearer token), to create what a journey needs beyond the world:
 * `const drafter = await apiAs(request, 'drafter'); await drafter.gql('mutation … ', { … })`.
 */
export async function apiAs(request: APIRequestContext, username: string) {
  const call = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await request.post('/graphql', {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: { query, variables },
    });
    return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };
  const login = await call('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: DEMO_PASSWORD });
  const token = login.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login failed for ${username}: ${JSON.stringify(login.errors)}`);
  return { token, gql: (query: string, variables?: Record<string, unknown>) => call(query, variables, token) };
}
