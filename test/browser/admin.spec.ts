import { test, expect, loginAs, shot, apiAs } from './helpers';

test('the administrator lands on users and roles: every account with department and roles, filtered by role', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin');
  const all = await admin.gql('{ users(first: 100) { totalCount } advisors: users(first: 100, filter: { role: LEGAL_ADVISOR }) { totalCount nodes { username } } }');
  expect(all.errors).toBeUndefined();

  await loginAs(page, 'admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId('total-count')).toContainText(`共 ${all.data!.users.totalCount} 条`);
  await expect(page.getByRole('cell', { name: 'drafter', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '经济发展办公室' }).first()).toBeVisible();
  await shot(page, 'admin-users');

  await page.getByLabel('按角色筛选').click();
  await page.getByTitle('法律顾问').click();
  await expect(page.getByTestId('total-count')).toContainText(`共 ${all.data!.advisors.totalCount} 条`);
  await expect(page.getByRole('cell', { name: 'drafter', exact: true })).toHaveCount(0);
  for (const { username } of all.data!.advisors.nodes as { username: string }[]) {
    await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  }
});
