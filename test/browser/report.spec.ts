import { test, expect, loginAs, shot, apiAs } from './helpers';

/**
 * The statistics and registers area (#14): the advisor records a legal consultation and a publicity
 * event through the forms, a stale edit is refused as CONFLICT and reloaded, and the year's
 * statistics show the figures the API computes, drawn as charts, drilling down to the rows.
 */
test('registers recorded through the forms show in the year’s statistics, each figure drilling down to its rows', async ({ page, request }) => {
  const topic = `浏览器登记的法律咨询${Date.now() % 100000}`;
  await loginAs(page, 'advisor');
  await page.goto('/report/consultations');
  await expect(page.getByText('法律咨询台账')).toBeVisible();
  await page.getByRole('button', { name: '登记法律咨询' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('咨询日期').fill('2026-03-01');
  await dialog.getByLabel('咨询人').fill('夏茅社区居民');
  await dialog.getByLabel('咨询事项').fill(topic);
  await dialog.getByLabel('解答意见').fill('依据《民法典》第七百零三条……');
  await dialog.getByLabel('解答人').fill('王律师');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(topic) });
  await expect(row).toBeVisible();

  // Someone else corrects it meanwhile: the form's save is refused as CONFLICT, the reload offered.
  const advisor = await apiAs(request, 'advisor');
  const listed = await advisor.gql(`query($s: String!) { legalConsultations(first: 1, filter: { search: $s }) { nodes { id version consultedOn requester topic answer advisor } } }`, { s: topic });
  const entry = listed.data!.legalConsultations.nodes[0];
  await row.getByRole('button', { name: '修改法律咨询' }).click();
  const changed = await advisor.gql(`mutation($input: UpdateLegalConsultationInput!) { updateLegalConsultation(input: $input) { consultation { version } } }`, {
    input: { ...entry, answer: '另一人补充的解答' },
  });
  expect(changed.errors).toBeUndefined();
  await dialog.getByLabel('解答意见').fill('我的修改');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('数据已被他人修改')).toBeVisible();
  await dialog.getByRole('button', { name: '重新加载' }).click();
  await expect(dialog.getByLabel('解答意见')).toHaveValue('另一人补充的解答');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  // A publicity event through its form.
  await page.goto('/report/publicity');
  await page.getByRole('button', { name: '登记普法活动' }).click();
  await dialog.getByLabel('活动日期').fill('2026-02-20');
  await dialog.getByLabel('活动主题').fill('宪法宣传进社区');
  await dialog.getByLabel('活动形式').click();
  await page.getByTitle('法律讲座').click();
  await dialog.getByLabel('受众人数').fill('120');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /宪法宣传进社区/ })).toBeVisible();

  // The statistics show what the API computes; a figure drills down to its rows.
  const api = await advisor.gql(`{ annualReport(year: 2026) { figures { key value } rates { key rate } } }`);
  expect(api.errors).toBeUndefined();
  const value = (key: string) => (api.data!.annualReport.figures as { key: string; value: number }[]).find((f) => f.key === key)!.value;
  await page.goto('/report/statistics');
  await page.getByLabel('统计年度').click();
  await page.locator('.ant-select-item-option[title="2026年"]').click();
  for (const key of ['CONSULTATIONS', 'PUBLICITY_EVENTS', 'PUBLICITY_AUDIENCE', 'LEGAL_OPINIONS', 'DECISIONS', 'LATE_FILINGS']) {
    await expect(page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value')).toHaveText(String(value(key)));
  }
  await page.getByTestId('figure-CONSULTATIONS').click();
  await expect(page.getByTestId('figure-CONSULTATIONS')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('img', { name: '解答法律咨询月度趋势' })).toBeVisible();
  const drill = page.getByTestId('drill-down');
  await expect(drill).toContainText('明细：解答法律咨询（全年）');
  await expect(drill.getByRole('row', { name: new RegExp(topic) })).toBeVisible();
  // A month's column narrows the rows to that month.
  await page.getByRole('img', { name: '解答法律咨询月度趋势' }).getByRole('button', { name: /^3月/ }).click();
  await expect(drill).toContainText('解答法律咨询（3月）');
  await expect(drill.getByRole('row', { name: new RegExp(topic) })).toBeVisible();
  await expect(page.getByTestId('rate-FILING_RATE')).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'report-statistics');
});

test('a drafter keeps the registers of the own department, and is told the statistics are for the cross-department roles', async ({ page }) => {
  await loginAs(page, 'drafter');
  await page.goto('/report/statistics');
  await expect(page.getByText('年度法治统计向法律顾问、备案员、决策者和系统管理员开放')).toBeVisible();
  await page.goto('/report/mediations');
  await expect(page.getByText('矛盾纠纷调解台账')).toBeVisible();
  await expect(page.getByRole('button', { name: '登记矛盾纠纷调解' })).toBeVisible();
});
