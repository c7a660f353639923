import type { APIRequestContext, Page } from '@playwright/test';
import { print } from 'graphql';
import {
  AdjustmentKind,
  AdjustDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  DirectoryByYearDocument,
  ProposalDecisionDocument,
  ProposalDocument,
  ProposalSource,
  ProposalStep,
  RecordPartyApprovalDocument,
} from '../__generated__/graphql';
import { readyProposal, reviewProposal } from '../support/fixtures';
import { expectOk } from '../support/gql-result';
import type { Harness } from '../support/harness';
import { test, expect, loginAs, shot, apiAs, world } from './helpers';

/** The suite's server through the same `gql` the jest harness offers, so the journeys reuse test/support's fixtures over HTTP. */
function overHttp(request: APIRequestContext): Harness {
  const gql = async (doc: Parameters<typeof print>[0], variables?: unknown, opts?: { token?: string | null }) => {
    const res = await request.post('/graphql', {
      headers: { 'content-type': 'application/json', ...(opts?.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      data: { query: print(doc), variables: variables ?? {} },
    });
    const json = (await res.json()) as { data?: unknown; errors?: never[] };
    return { status: res.status(), data: json.data, errors: json.errors };
  };
  return { gql } as unknown as Harness;
}

/** A field's label exactly, with or without the required mark antd puts before it. */
const label = (text: string) => new RegExp(`^(\\*\\s*)?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Types a date into an antd DatePicker found by its label; leaving the field commits it (Enter would submit the form). */
async function pickDate(page: Page, name: string, date: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  const input = scope.getByLabel(label(name));
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect(input).toHaveValue(date);
}

/** A modal by its title, once its opening animation is over (a click during the zoom can miss its buttons). */
async function modal(page: Page, name: string | RegExp) {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  return dialog;
}

/**
 * Chooses an option of an antd Select found by its label, and checks the Select shows it: a click
 * while the dropdown animates or its options re-render (a query answering) can miss, so it retries.
 */
async function choose(page: Page, name: string, option: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  const input = scope.getByLabel(label(name));
  const select = scope.locator('.ant-select', { has: page.getByLabel(label(name)) });
  await expect(async () => {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2_000 });
    await expect(select).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

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

test('a decision maker convenes the meeting, records attendance and positions with dissent, decides last, finalises, signs, publishes, follows execution (executing unit, post-evaluation, suspension) and opens the verified archive', async ({ page, request }) => {
  const w = world();
  const h = overHttp(request);
  const [director, drafter, advisor] = await Promise.all([apiAs(request, 'director'), apiAs(request, 'drafter'), apiAs(request, 'advisor')]);
  // A new item of the published directory, a proposal under it reviewed to a LAWFUL opinion: ready for deliberation.
  const title = '老旧小区加装电梯补贴办法';
  const added = expectOk(
    await h.gql(
      AdjustDirectoryDocument,
      {
        input: {
          directoryId: w.directoryId,
          kind: AdjustmentKind.Add,
          reason: '年中新增民生事项',
          newItem: { title, category: DecisionCategory.PublicPolicy, sponsorDepartmentId: w.dept.JJFZ!, legalBasis: '《民法典》第二百七十八条', plannedQuarter: 3, reason: '群众呼声高' },
        },
      },
      { token: director.token },
    ),
  ).adjustDirectory;
  const proposalId = await readyProposal(h, drafter.token, director.token, added.item.id, title);
  await reviewProposal(h, drafter.token, advisor.token, proposalId);

  await loginAs(page, 'director');
  await page.getByRole('button', { name: '召开会议' }).click();
  await expect(page).toHaveURL(/\/decision\/meetings\/new$/);
  await page.getByLabel('会议名称').fill('2026年第5次主任办公会议');
  await choose(page, '议事机构', '白云湖街主任办公会议（主任办公会议）');
  await pickDate(page, '会议日期', '2026-03-05');
  // The roll comes from the body: the director, two deputies, one member. The member is away.
  await expect(page.getByRole('row').filter({ hasText: '刘主任' })).toContainText('主要负责人');
  await expect(page.getByRole('row')).toHaveCount(5);
  await page.getByLabel('吴委员（党工委委员、党政综合办主任）出席').uncheck();
  await page.getByLabel('吴委员（党工委委员、党政综合办主任）缺席原因').fill('外出学习');
  await expect(page.getByTestId('attendance')).toHaveText('应到 4 人，出席 3 人');
  await shot(page, 'decision-meeting-new');
  await page.getByRole('button', { name: '召开会议并生成应到名单' }).click();
  await expect(page).toHaveURL(/\/decision\/meetings\/[0-9a-f-]{36}$/);
  const meetingId = page.url().split('/').pop()!;
  await expect(page.getByTestId('meeting-attendance')).toHaveText('3 / 4');
  await expect(page.getByRole('row').filter({ hasText: '吴委员' })).toContainText('外出学习');

  // The agenda: the proposal, with what blocks its deliberation (nothing).
  await page.getByRole('button', { name: '列入议题' }).click();
  const agendaDialog = await modal(page, '列入议题');
  await agendaDialog.getByRole('row').filter({ hasText: title }).getByRole('radio').check();
  await expect(agendaDialog.getByText('已满足提交集体讨论的条件')).toBeVisible();
  await agendaDialog.getByRole('button', { name: '列入本次会议议题' }).click();
  await expect(agendaDialog).toBeHidden();
  const item = page.getByTestId('agenda-item-1');
  await expect(item).toContainText(title);

  // One position, then the head tries to decide: refused, the rule named — he speaks last.
  await item.getByRole('button', { name: '记录王副主任（街道办事处副主任）的表态' }).click();
  let dialog = await modal(page, /记录表态/);
  await choose(page, '表态', '同意', dialog);
  await dialog.getByLabel('发表意见').fill('同意，建议加快实施');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await item.getByRole('button', { name: '主持人作出决定' }).click();
  dialog = await modal(page, /主持人作出决定/);
  await choose(page, '决定', '同意', dialog);
  await dialog.getByRole('button', { name: '记录决定' }).click();
  await expect(dialog.getByRole('alert')).toContainText('R-DEC-11');
  await expect(dialog.getByRole('alert')).toContainText('尚有 1 名出席成员未表态');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  // The dissent, recorded as said.
  await item.getByRole('button', { name: '记录孙副主任（街道办事处副主任）的表态' }).click();
  dialog = await modal(page, /记录表态/);
  await choose(page, '表态', '反对', dialog);
  await dialog.getByLabel('发表意见').fill('补贴资金来源不明确，反对');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(item.getByRole('row').filter({ hasText: '孙副主任' })).toContainText('反对');
  await expect(item.getByRole('row').filter({ hasText: '孙副主任' })).toContainText('补贴资金来源不明确，反对');

  // The head decides last.
  await item.getByRole('button', { name: '主持人作出决定' }).click();
  dialog = await modal(page, /主持人作出决定/);
  await choose(page, '决定', '同意', dialog);
  await dialog.getByLabel('决定理由').fill('资金已列入年度预算，先行试点');
  await dialog.getByRole('button', { name: '记录决定' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('刘主任（街道办事处主任）的决定：同意');
  await shot(page, 'decision-meeting-record');

  await page.getByRole('button', { name: '定稿纪要' }).click();
  dialog = await modal(page, '定稿会议纪要');
  await dialog.getByLabel('会议纪要').fill('会议讨论了《老旧小区加装电梯补贴办法》，同意实施。孙副主任对资金来源持不同意见。');
  await dialog.getByRole('button', { name: '确认定稿' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('纪要已定稿', { exact: true }).first()).toBeVisible();

  // After the meeting: sign-off (the document number), Party report, publication.
  await item.getByRole('link', { name: /办理签发与执行/ }).click();
  await expect(page).toHaveURL(new RegExp(`/decision/decisions/${proposalId}$`));
  await page.getByRole('button', { name: /^签\s*发$/ }).click();
  await (await modal(page, '签发决定')).getByRole('button', { name: '确认签发' }).click();
  await expect(page.getByTestId('document-number')).toContainText(/文号：云湖街决〔2026〕\d+号/);
  const documentNumber = (await page.getByTestId('document-number').textContent())!.replace('文号：', '');

  await page.getByRole('button', { name: '登记向党委报告' }).click();
  dialog = await modal(page, '登记向党委报告');
  await pickDate(page, '报告日期', '2026-03-05', dialog);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /^公\s*布$/ }).click();
  dialog = await modal(page, '公布决定');
  await pickDate(page, '公布日期', '2026-03-05', dialog);
  await dialog.getByRole('button', { name: '确认公布' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-state="PUBLISHED"]')).toBeVisible();
  await shot(page, 'decision-published');

  const p = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: director.token })).proposal;
  expect(p.decision).toMatchObject({ status: 'PUBLISHED', documentNumber, partyReportedOn: '2026-03-05', publishedOn: '2026-03-05' });

  // In execution: the executing unit, a post-evaluation, then a suspension with its reason.
  await page.getByRole('button', { name: '确定执行单位' }).click();
  dialog = await modal(page, '确定执行单位');
  await choose(page, '执行单位', '经济发展办公室', dialog);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '登记决策后评估' }).click();
  dialog = await modal(page, '登记决策后评估');
  await dialog.getByLabel(label('评估单位')).fill('广州某第三方评估机构');
  await pickDate(page, '评估日期', '2026-03-05', dialog);
  await dialog.getByLabel(label('评估结论')).fill('试点效果良好，建议继续实施');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '广州某第三方评估机构' })).toContainText('试点效果良好，建议继续实施');
  await page.getByRole('button', { name: '暂停执行' }).click();
  dialog = await modal(page, '暂停执行');
  await dialog.getByLabel(label('暂停理由')).fill('上级补贴政策调整，待重新测算');
  await dialog.getByRole('button', { name: '确认暂停' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-state="SUSPENDED"]')).toBeVisible();
  const after = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: director.token })).proposal.decision!;
  expect(after).toMatchObject({ status: 'SUSPENDED', suspendedReason: '上级补贴政策调整，待重新测算', executingDepartment: { code: 'JJFZ' }, postEvaluations: { totalCount: 1 } });

  // The archive: the record and its audit trail, every seal verified, the chain checked.
  await page.getByRole('link', { name: '决策档案与审计记录' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('审计链校验通过');
  await expect(page.getByText(documentNumber).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '签名无效' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '签名有效' }).first()).toBeVisible();
  await shot(page, 'decision-archive');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/decision/meetings/${meetingId}`);
  await expect(page.getByTestId('agenda-item-1')).toContainText(title);
  await shot(page, 'decision-meeting-1920');
});

test('a decision maker draws up a year’s directory: items, Party approval, publication, adjustments with their reasons and history; a stale version offers a reload', async ({ page, request }) => {
  const h = overHttp(request);
  const director = await apiAs(request, 'director');
  const taken = ((await director.gql('{ directories(first: 100) { nodes { year } } }')).data!.directories.nodes as { year: number }[]).map((d) => d.year);
  let year = 2027;
  while (taken.includes(year)) year += 1;

  await loginAs(page, 'director');
  await page.getByRole('link', { name: '年度决策事项目录' }).click();
  await expect(page).toHaveURL(/\/decision\/directory$/);
  await page.getByRole('button', { name: '编制年度目录' }).click();
  let dialog = await modal(page, '编制年度决策事项目录');
  await dialog.getByLabel(label('年度')).fill(String(year));
  await dialog.getByLabel(label('目录名称')).fill(`白云湖街${year}年度重大行政决策事项目录`);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(page).toHaveURL(new RegExp(`/decision/directory/${year}$`));
  await expect(page.locator('[data-state="DRAFT"]')).toBeVisible();

  const items = page.getByTestId('directory-items');
  for (const [title, quarter] of [
    ['社区养老服务设施建设规划', '第二季度'],
    ['背街小巷环境改造实施方案', '第三季度'],
  ] as const) {
    await page.getByRole('button', { name: '增加事项' }).click();
    dialog = await modal(page, '增加目录事项');
    await dialog.getByLabel(label('事项名称')).fill(title);
    await choose(page, '决策事项类别', '重大公共政策和措施', dialog);
    await choose(page, '承办部门', '经济发展办公室', dialog);
    await dialog.getByLabel(label('决策依据')).fill('《中华人民共和国老年人权益保障法》');
    await choose(page, '计划完成季度', quarter, dialog);
    await dialog.getByLabel(label('纳入理由')).fill('年度重点民生工作');
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await expect(dialog).toBeHidden();
    await expect(items.getByRole('row').filter({ hasText: title })).toContainText(quarter);
  }

  // Not without the Party committee's agreement: the refusal names its rule.
  await page.getByRole('button', { name: '公布目录' }).click();
  dialog = await modal(page, '公布目录');
  await dialog.getByRole('button', { name: '确认公布' }).click();
  await expect(dialog.getByRole('alert')).toContainText('R-DIR-3');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  // Someone else records the agreement while the form is open: the stale version is refused and the console offers to reload.
  await page.getByRole('button', { name: '登记党委同意' }).click();
  dialog = await modal(page, '登记党委同意');
  const meanwhile = expectOk(await h.gql(DirectoryByYearDocument, { year }, { token: director.token })).directoryByYear;
  expectOk(
    await h.gql(
      RecordPartyApprovalDocument,
      { input: { directoryId: meanwhile.id, version: meanwhile.version, approvedOn: '2026-03-01', reference: '街党工委会议纪要〔2026〕4号' } },
      { token: director.token },
    ),
  );
  await pickDate(page, '党委同意日期', '2026-03-02', dialog);
  await dialog.getByLabel(label('同意依据')).fill('街党工委会议纪要〔2026〕5号');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog.getByRole('alert')).toContainText('数据已被他人修改');
  await dialog.getByRole('button', { name: '重新加载' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('街党工委会议纪要〔2026〕4号')).toBeVisible();
  await page.getByRole('button', { name: '登记党委同意' }).click();
  dialog = await modal(page, '登记党委同意');
  await pickDate(page, '党委同意日期', '2026-03-02', dialog);
  await dialog.getByLabel(label('同意依据')).fill('街党工委会议纪要〔2026〕5号');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('街党工委会议纪要〔2026〕5号')).toBeVisible();

  await page.getByRole('button', { name: '公布目录' }).click();
  dialog = await modal(page, '公布目录');
  await dialog.getByRole('button', { name: '确认公布' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-state="PUBLISHED"]').first()).toBeVisible();
  // Published: items are no longer edited, only adjusted.
  await expect(items.getByRole('button', { name: '修改事项' })).toHaveCount(0);

  const first = items.getByRole('row').filter({ hasText: '社区养老服务设施建设规划' });
  await first.getByRole('button', { name: '调整计划时间' }).click();
  dialog = await modal(page, /调整计划时间/);
  await choose(page, '新的计划季度', '第四季度', dialog);
  await dialog.getByLabel(label('调整理由')).fill('选址调整，需补充论证');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText('第四季度（原第二季度）');

  const second = items.getByRole('row').filter({ hasText: '背街小巷环境改造实施方案' });
  await second.getByRole('button', { name: '调出目录' }).click();
  dialog = await modal(page, /调出目录/);
  await dialog.getByLabel(label('调整理由')).fill('并入区级统筹项目');
  await dialog.getByRole('button', { name: '确认调出' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.locator('[data-state="WITHDRAWN"]')).toBeVisible();

  const history = page.getByTestId('directory-adjustments');
  await expect(history.getByRole('row').filter({ hasText: '选址调整，需补充论证' })).toContainText('第二季度 → 第四季度');
  await expect(history.getByRole('row').filter({ hasText: '并入区级统筹项目' })).toContainText('调出事项');
  await expect(history.getByTestId('total-count')).toContainText('共 2 条');
  await shot(page, 'decision-directory');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(items.getByRole('columnheader', { name: '序号' })).toBeVisible();
  await shot(page, 'decision-directory-1920');

  const d = expectOk(await h.gql(DirectoryByYearDocument, { year }, { token: director.token })).directoryByYear;
  expect(d).toMatchObject({ status: 'PUBLISHED', partyApprovedAt: '2026-03-02', partyApprovalReference: '街党工委会议纪要〔2026〕5号' });
  // Recorded at the same instant (the suite's clock stands still): compared without their order.
  expect(d.adjustments.nodes.map((a) => [a.kind, a.reason, a.recordedBy])).toEqual(
    expect.arrayContaining([
      ['RESCHEDULE', '选址调整，需补充论证', 'director'],
      ['WITHDRAW', '并入区级统筹项目', 'director'],
    ]),
  );
  expect(d.adjustments.nodes).toHaveLength(2);
});

test('a decision maker includes a proposal by adjusting the directory and declines another with a reason', async ({ page, request }) => {
  const h = overHttp(request);
  const [director, drafter] = await Promise.all([apiAs(request, 'director'), apiAs(request, 'drafter')]);
  const create = async (title: string) =>
    expectOk(
      await h.gql(
        CreateProposalDocument,
        {
          input: {
            title,
            source: ProposalSource.Department,
            problem: '问题',
            legalBasis: '依据',
            preliminaryPlan: '方案',
            necessity: '必要',
            feasibility: '可行',
            flags: { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false },
          },
        },
        { token: drafter.token },
      ),
    ).createProposal.proposal.id;
  const included = await create('夜间经济发展扶持措施');
  const declined = await create('辖区路灯统一更换方案');

  await loginAs(page, 'director');
  await page.getByRole('link', { name: '待纳入目录的建议' }).click();
  const row = (title: string) => page.getByRole('row').filter({ hasText: title });
  await row('夜间经济发展扶持措施').getByRole('button', { name: '纳入目录' }).click();
  let dialog = await modal(page, /纳入目录/);
  await dialog.getByLabel('通过目录调整增加事项').check();
  await choose(page, '决策事项类别', '重大公共政策和措施', dialog);
  await choose(page, '计划完成季度', '第四季度', dialog);
  await dialog.getByLabel(label('调整理由')).fill('年中新增的促消费事项');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(row('夜间经济发展扶持措施')).toHaveCount(0);

  await row('辖区路灯统一更换方案').getByRole('button', { name: '不予纳入' }).click();
  dialog = await modal(page, /不予纳入/);
  await dialog.getByLabel(label('不予纳入的理由')).fill('属于日常管理事项，不属于重大行政决策');
  await dialog.getByRole('button', { name: '确认不予纳入' }).click();
  await expect(dialog).toBeHidden();
  await expect(row('辖区路灯统一更换方案')).toHaveCount(0);
  await shot(page, 'decision-inclusion');

  const a = expectOk(await h.gql(ProposalDocument, { id: included, step: ProposalStep.RequestLegalityReview }, { token: director.token })).proposal;
  expect(a).toMatchObject({ state: 'INCLUDED', directoryItem: { title: '夜间经济发展扶持措施' } });
  const b = expectOk(await h.gql(ProposalDocument, { id: declined, step: ProposalStep.RequestLegalityReview }, { token: director.token })).proposal;
  expect(b).toMatchObject({ state: 'DECLINED', declineReason: '属于日常管理事项，不属于重大行政决策' });
});

test('an administrator, whom the API lets manage the directory, reaches it after the own work list', async ({ page }) => {
  await loginAs(page, 'admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole('link', { name: '年度决策事项目录' }).click();
  await page.getByRole('link', { name: '白云湖街2026年度重大行政决策事项目录' }).click();
  await expect(page).toHaveURL(/\/decision\/directory\/2026$/);
  // The published directory: the API offers the administrator its adjustment, as to a decision maker.
  await expect(page.getByRole('button', { name: '调整目录' })).toBeVisible();
});
