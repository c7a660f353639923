import { test, expect, loginAs, shot, apiAs } from './helpers';

test('a decision maker lands on the meetings: each with its date, chair, attendance against the roll, agenda and state', async ({ page, request }) => {
  const director = await apiAs(request, 'director');
  const api = await director.gql('{ meetings(first: 20) { totalCount nodes { title heldOn members { present } agenda(first: 1) { totalCount } } } }');
  expect(api.errors).toBeUndefined();
  const meetings = api.data!.meetings as { totalCount: number; nodes: { title: string; heldOn: string; members: { present: boolean }[]; agenda: { totalCount: number } }[] };
  expect(meetings.totalCount).toBeGreaterThan(0);

  await loginAs(page, 'director');
  await expect(page).toHaveURL(/\/decision\/meetings$/);
  await expect(page.getByTestId('total-count')).toContainText(`共 ${meetings.totalCount} 条`);
  const first = meetings.nodes[0]!;
  const row = page.getByRole('row').filter({ hasText: first.title }).first();
  await expect(row).toContainText(first.heldOn);
  await expect(row).toContainText(`${first.members.filter((m) => m.present).length} / ${first.members.length}`);
  await expect(row.locator('[data-state]')).toBeVisible();
  await shot(page, 'decision-meetings');
});
