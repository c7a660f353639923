import { test, expect, loginAs, shot, world } from './helpers';

test('a drafter signs in, sees the department work list, opens a proposal and signs out', async ({ page }) => {
  const w = world();
  await loginAs(page, 'drafter');
  await expect(page).toHaveURL(/\/drafter\/proposals$/);
  await expect(page.getByTestId('current-user')).toContainText('陈经办');
  await expect(page.getByTestId('current-user')).toContainText('经济发展办');
  await expect(page.getByRole('heading', { name: '本部门决策建议' }).or(page.getByText('本部门决策建议').first())).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link') }).first();
  await expect(row).toBeVisible();
  await expect(page.getByTestId('total-count')).toContainText('共');
  await shot(page, 'drafter-work-list');

  // The other department's proposal is not listed.
  const other = w.cgzf.proposalId;
  await expect(page.locator(`a[href="/drafter/proposals/${other}"]`)).toHaveCount(0);

  await page.locator(`a[href="/drafter/proposals/${w.jjfz.proposalId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/drafter/proposals/${w.jjfz.proposalId}$`));
  await expect(page.getByText('当前草案', { exact: false }).first()).toBeVisible();
  await expect(page.locator('[data-state]').first()).toBeVisible();
  await shot(page, 'drafter-proposal-detail');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session is gone: the console sends the browser back to the login page.
  await page.goto('/drafter/proposals');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password is refused with the API’s Chinese message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('drafter');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码');
  await shot(page, 'login-refused');
});

test('security headers: a CSP without inline scripts or other origins, no framing', async ({ page }) => {
  const res = await page.goto('/login');
  const csp = res!.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/https?:\/\//);
  expect(res!.headers()['x-content-type-options']).toBe('nosniff');
});

test('the bundled GraphiQL loads offline, under the CSP, and runs a query', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Signed in on the console, the explorer uses the same session cookie.
  await loginAs(page, 'advisor');
  await page.goto('/explorer');
  await expect(page.locator('.graphiql-container')).toBeVisible();
  // The editor (monaco, with its web workers) is up, and the query runs.
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await page.getByRole('button', { name: /Execute query/i }).click();
  await expect(page.locator('.graphiql-response')).toContainText('R-DEC-4');
  await shot(page, 'explorer');
  expect(errors).toEqual([]);
});
