import { test, expect, loginAs, shot, apiAs } from './helpers';

test('the bell shows my unread notices; the drawer lists them with their rule and marks them read; my settings choose the timing', async ({ page, request }) => {
  const me = await apiAs(request, 'drafter2');
  const before = await me.gql('{ unreadNotificationCount notifications(first: 1) { nodes { subjectLabel rule } } }');
  expect(before.errors).toBeUndefined();
  const unread = before.data!.unreadNotificationCount as number;
  const newest = (before.data!.notifications as { nodes: { subjectLabel: string; rule: string }[] }).nodes[0]!;
  expect(unread).toBeGreaterThan(0); // the world's issued opinions notified their requester

  await loginAs(page, 'drafter2');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(`通知（${unread} 条未读）`);
  await bell.click();
  const first = page.getByTestId('notification-item').first();
  await expect(first).toContainText(newest.subjectLabel);
  await expect(first.getByRole('link', { name: newest.rule })).toBeVisible();
  await shot(page, 'notifications-drawer');
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(bell).toHaveAccessibleName('通知');

  await page.getByRole('link', { name: /通知方式设置/ }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await page.getByLabel('每日汇总一次').check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('通知设置已保存')).toBeVisible();
  await shot(page, 'notification-settings');
  const after = await me.gql('{ myNotificationPreferences { mode } unreadNotificationCount }');
  expect(after.data).toEqual({ myNotificationPreferences: { mode: 'DAILY_DIGEST' }, unreadNotificationCount: 0 });
});
