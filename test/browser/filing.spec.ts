import { test, expect, loginAs, shot, apiAs } from './helpers';

test('the filing officer lands on the flags dashboard: the database’s counts per kind and total, a kind filters the list', async ({ page, request }) => {
  const filing = await apiAs(request, 'filing');
  const api = await filing.gql('{ filingFlags(first: 100) { totalCount overdueCount countsByKind { kind count } } }');
  expect(api.errors).toBeUndefined();
  const { totalCount, overdueCount, countsByKind } = api.data!.filingFlags as {
    totalCount: number;
    overdueCount: number;
    countsByKind: { kind: string; count: number }[];
  };

  await loginAs(page, 'filing');
  await expect(page).toHaveURL(/\/filing\/flags$/);
  await expect(page.getByText('备案风险提示').first()).toBeVisible();
  await expect(page.getByTestId('total-count')).toContainText(`共 ${totalCount} 条`);
  await expect(page.getByText('无法加载备案风险提示')).toHaveCount(0);
  await expect(page.getByText('已逾期').locator('xpath=../..')).toContainText(String(overdueCount));
  for (const { kind, count } of countsByKind) {
    await expect(page.getByTestId(`flag-count-${kind}`).locator('.ant-statistic-content-value')).toHaveText(String(count));
  }
  if (totalCount === 0) await expect(page.getByText('没有需要处理的备案问题')).toBeVisible();
  await shot(page, 'filing-flags');

  // A kind's card filters the list to that kind: the total becomes its count, every row is of it.
  const chosen = [...countsByKind].sort((a, b) => b.count - a.count)[0]!;
  const card = page.getByTestId(`flag-count-${chosen.kind}`);
  await card.click();
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('total-count')).toContainText(`共 ${chosen.count} 条`);
  const kinds = await page.locator('tbody tr [data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.every((k) => k === chosen.kind)).toBe(true);
});
