import { test, expect, loginAs, shot, world, apiAs } from './helpers';

test('the legal advisor lands on the review queue: every subject type, by due date, with working days left', async ({ page, request }) => {
  // The contract's review is accepted (through the API), so its clock runs.
  const advisor = await apiAs(request, 'advisor');
  const reviewId = world().jjfz.contractReviewId;
  const r = await advisor.gql('query($id: ID!) { review(id: $id) { status version } }', { id: reviewId });
  if (r.data?.review.status === 'SUBMITTED') {
    const a = await advisor.gql('mutation($input: ReviewTransitionInput!) { acceptReview(input: $input) { review { status } } }', {
      input: { reviewId, version: r.data.review.version },
    });
    expect(a.errors).toBeUndefined();
  }
  await loginAs(page, 'advisor');
  await expect(page).toHaveURL(/\/advisor\/queue$/);
  await expect(page.getByText('审查队列（按到期日）')).toBeVisible();
  const rows = page.getByRole('row').filter({ has: page.locator('[data-state]') });
  await expect(rows.first()).toBeVisible();
  // Decisions, contracts, normative documents and enforcement decisions share the one queue.
  for (const subject of ['重大行政决策', '合同', '规范性文件', '重大执法决定']) {
    await expect(page.getByRole('cell', { name: subject, exact: true }).first()).toBeVisible();
  }
  // An open review shows its working days left in words, not only in colour.
  await expect(page.getByText(/剩 \d+ 个工作日|已逾期 \d+ 个工作日|计时暂停/).first()).toBeVisible();
  await shot(page, 'advisor-queue');

  // Filtering by subject type narrows the queue to contracts.
  await page.getByLabel('按审查对象筛选').click();
  await page.getByTitle('合同').click();
  await expect(page.getByRole('cell', { name: '重大行政决策', exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '合同', exact: true }).first()).toBeVisible();
});
