import { test, expect, loginAs, apiAs } from './helpers';

test('a session ended elsewhere sends the console back to the login page', async ({ page, request }) => {
  await loginAs(page, 'drafter2');
  await expect(page).toHaveURL(/\/drafter\/proposals$/);
  // Every token of the user is refused from now on, the console's cookie included.
  const api = await apiAs(request, 'drafter2');
  const out = await api.gql('mutation { logoutEverywhere { loggedOutAt } }');
  expect(out.errors).toBeUndefined();
  // The next request of the page (a search) finds the session gone; the page may already be leaving.
  const search = page.getByLabel('按标题或编号查找');
  await search.fill('决策', { timeout: 2_000 }).catch(() => undefined);
  await search.press('Enter', { timeout: 2_000 }).catch(() => undefined);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('用户名')).toBeVisible();
});
