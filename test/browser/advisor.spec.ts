import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, loginAs, shot, world, apiAs } from './helpers';

/**
 * The legal advisor's journeys (驻街法律顾问): the review queue across subject types, intake
 * (accept, extend, return with missing items, assign), the opinion editor, issuing through the
 * confirmation step, the drafter's answers, a refused issue when the text moved, and the
 * confirmation of an amended draft. Preconditions are made through the API as the drafter and the
 * director; the advisor's part goes through the console only.
 */

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The data of a GraphQL answer, failing the test with the API's errors otherwise. */
async function ok(api: Api, query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables);
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

let seq = 0;
/** A title no other journey uses (the suite shares one database). */
const unique = (title: string) => `${title}（${Date.now().toString(36)}${++seq}）`;

/** A JJFZ proposal, included through a directory adjustment, drafted with its package, and submitted for the legality review. */
async function requestedProposal(request: APIRequestContext, title: string, text: string) {
  const w = world();
  const drafter = await apiAs(request, 'drafter');
  const director = await apiAs(request, 'director');
  let p = (
    await ok(drafter, `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id version } } }`, {
      input: {
        title,
        source: 'DEPARTMENT',
        problem: '问题',
        legalBasis: '依据',
        preliminaryPlan: '方案',
        necessity: '必要',
        feasibility: '可行',
        flags: { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false },
      },
    })
  ).createProposal.proposal;
  p = (
    await ok(director, `mutation($input: IncludeProposalInput!) { includeProposal(input: $input) { proposal { id version } } }`, {
      input: { proposalId: p.id, version: p.version, viaAdjustment: { directoryId: w.directoryId, category: 'PUBLIC_POLICY', plannedQuarter: 3, reason: '年中新增的重大事项' } },
    })
  ).includeProposal.proposal;
  await ok(drafter, `mutation($input: AddDraftInput!) { addDraftVersion(input: $input) { draft { number } } }`, { input: { proposalId: p.id, text, changeNote: '初稿' } });
  for (const kind of ['DRAFT_EXPLANATION', 'LEGAL_BASIS_LIST', 'PROCEDURE_EXPLANATION']) {
    await ok(drafter, `mutation($input: AddMaterialInput!) { addMaterial(input: $input) { material { id } } }`, { input: { proposalId: p.id, kind, title: kind, text: `${kind} 内容` } });
  }
  const version = (await ok(drafter, `query($id: ID!) { proposal(id: $id) { version } }`, { id: p.id })).proposal.version;
  const review = (
    await ok(drafter, `mutation($input: RequestLegalityReviewInput!) { requestLegalityReview(input: $input) { review { id } } }`, { input: { proposalId: p.id, version } })
  ).requestLegalityReview.review;
  const code = (await ok(drafter, `query($id: ID!) { review(id: $id) { code } }`, { id: review.id })).review.code as string;
  return { drafter, proposalId: p.id as string, reviewId: review.id as string, code };
}

/** A JJFZ contract with its package (R-LR-2), submitted for review. */
async function requestedContract(request: APIRequestContext, title: string) {
  const drafter = await apiAs(request, 'drafter');
  const c = (
    await ok(drafter, `mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }`, {
      input: {
        title,
        counterparty: '广州某物业管理有限公司',
        amount: '86000.00',
        text: '物业服务合同\n第一条 服务期限一年。\n第二条 服务费每月七千元。',
        counterpartyQualification: '统一社会信用代码 91440101MA59XXXX0X；营业执照有效',
        legalBasis: '《中华人民共和国民法典》第九百三十七条',
        termStartsOn: '2026-04-01',
        termEndsOn: '2027-03-31',
      },
    })
  ).createContract.contract;
  for (const [kind, t] of [
    ['COUNTERPARTY_QUALIFICATION', '相对方资质证明'],
    ['NEGOTIATION_RECORD', '磋商记录'],
  ]) {
    await ok(drafter, `mutation($input: ContractMaterialInput!) { addContractMaterial(input: $input) { material { id } } }`, { input: { contractId: c.id, kind, title: t, text: `${t}（内容）` } });
  }
  const r = (await ok(drafter, `mutation($input: RequestContractReviewInput!) { requestContractReview(input: $input) { review { id code } } }`, { input: { contractId: c.id } }))
    .requestContractReview.review;
  return { drafter, contractId: c.id as string, reviewId: r.id as string, code: r.code as string };
}

/** The queue's row of a review, found through the status filter's count buttons when needed. */
function row(page: Page, code: string) {
  return page.locator(`tr[data-review-code="${code}"]`);
}

/** A button by its Chinese label: Ant Design spaces out two-character labels (接 收). */
const btn = (label: string) => new RegExp(`^${label.split('').join('\\s*')}$`);

async function pick(page: Page, group: string, option: string) {
  const choice = page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true });
  await choice.click();
  await expect(page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true })).toBeChecked();
}

test('the advisor accepts a proposal’s review, issues an opinion with findings after confirming, and sees the drafter’s answers; a moved text refuses the correction until the amended draft is confirmed', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const title = unique('白云湖街夜间经济扶持办法');
  const { drafter, proposalId, reviewId, code } = await requestedProposal(request, title, `${title}\n第一条 为促进夜间经济发展，制定本办法。\n第二条 扶持资金每年不超过五十万元。`);

  await loginAs(page, 'advisor');
  await expect(page).toHaveURL(/\/advisor\/queue$/);
  await expect(page.getByTestId('review-counts')).toContainText('待接收');
  // submitted, not yet accepted: listed with its type, the clock not started
  await page.getByLabel('按审查对象类型筛选').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '重大行政决策' }).click();
  await page.getByRole('button', { name: /^待接收：\d+$/ }).click();
  await expect(row(page, code)).toContainText('重大行政决策');
  await expect(row(page, code)).toContainText('未接收，尚未起算');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'advisor-queue-submitted');

  await row(page, code).getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/advisor/reviews/${reviewId}$`));
  await page.locator('[data-action="ACCEPT"]').click();
  await page.getByRole('button', { name: btn('接收') }).last().click();
  await expect(page.locator('[data-deadline="ok"]').first()).toContainText(/剩余 \d+ 个工作日/);

  // the queue shows the working days left, in words and colour
  await page.getByRole('link', { name: '审查队列' }).first().click();
  await page.getByLabel('按审查状态筛选').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '审查中' }).click();
  await expect(row(page, code).locator('[data-deadline="ok"]')).toContainText(/剩余 \d+ 个工作日/);
  await expect(row(page, code)).toContainText('王律师');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'advisor-queue');
  await row(page, code).getByRole('link', { name: title }).click();

  // the pinned text is the one submitted, unchanged
  await expect(page.getByTestId('pinned-text')).toContainText('扶持资金每年不超过五十万元');
  await expect(page.getByTestId('pinned-text')).toContainText('与当前文本一致');

  // the opinion: lawful with amendments, two findings, one must-fix with law and article
  await pick(page, '审查结论', '修改后合法');
  await pick(page, '主体与权限：结论', '符合');
  await pick(page, '程序：结论', '符合');
  await pick(page, '内容：结论', '需修改');
  await page.getByRole('button', { name: '增加审查意见' }).click();
  await pick(page, '第 1 条：审查方面', '内容');
  await page.getByLabel('第 1 条：是否必须修改').check();
  await page.getByLabel('第 1 条：意见内容').fill('第二条扶持资金的申请条件和标准应予明确。');
  await page.getByLabel('第 1 条：法律依据名称').fill('《重大行政决策程序暂行条例》');
  await page.getByLabel('第 1 条：条款').fill('第二十五条');
  await page.getByRole('button', { name: '增加审查意见' }).click();
  await pick(page, '第 2 条：审查方面', '程序');
  await page.getByLabel('第 2 条：意见内容').fill('建议补充征求商户意见的记录。');
  await page.getByLabel('第 2 条：法律依据名称').fill('《重大行政决策程序暂行条例》');
  await page.getByLabel('第 2 条：条款').fill('第十四条');
  await page.getByLabel('法律意见书正文').fill('经审查，该办法在明确扶持条件后合法。（法律意见书全文）');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('opinion-editor')).toContainText('草稿 · 第 1 次保存');
  await shot(page, 'advisor-opinion-editor');

  // issuing shows what will be signed, then signs
  await page.locator('[data-action="ISSUE_OPINION"]').click();
  const summary = page.getByTestId('issue-summary');
  await expect(summary).toContainText('修改后合法');
  await expect(summary).toContainText('【必须修改】第二条扶持资金的申请条件和标准应予明确。');
  await expect(summary).toContainText('第二十五条');
  await expect(summary).toContainText('第 1 版');
  await shot(page, 'advisor-issue-confirmation');
  await page.getByRole('button', { name: '确认签发' }).click();
  const first = page.getByTestId('opinion-1');
  await expect(first).toContainText('已签发');
  await expect(first).toContainText('现行有效');
  await expect(first.locator('[data-finding-seq="1"]')).toContainText('必须修改');
  await expect(first.locator('[data-finding-seq="1"]')).toContainText('尚未答复');

  // the drafter answers through the API; the advisor sees the answers
  const opinion = (await ok(drafter, `query($id: ID!) { review(id: $id) { opinions { id status findings { id seq } } } }`, { id: reviewId })).review.opinions.find(
    (o: { status: string }) => o.status === 'ISSUED',
  );
  const findingId = (s: number) => opinion.findings.find((f: { seq: number }) => f.seq === s).id;
  const respond = `mutation($input: RespondFindingInput!) { respondToFinding(input: $input) { finding { id } } }`;
  await ok(drafter, respond, { input: { findingId: findingId(1), response: 'ADOPTED' } });
  await ok(drafter, respond, { input: { findingId: findingId(2), response: 'NOT_ADOPTED', reason: '已在公开征求意见中覆盖商户' } });
  await page.reload();
  await expect(first.locator('[data-finding-seq="1"]')).toContainText('采纳');
  await expect(first.locator('[data-finding-seq="2"]')).toContainText('不采纳');
  await expect(first.locator('[data-finding-seq="2"]')).toContainText('已在公开征求意见中覆盖商户');
  await shot(page, 'advisor-answers');

  // the drafter revises the text after the opinion: the diff shows the characters that changed
  await ok(drafter, `mutation($input: AddDraftInput!) { addDraftVersion(input: $input) { draft { number } } }`, {
    input: { proposalId, text: `${title}\n第一条 为促进夜间经济发展，制定本办法。\n第二条 扶持资金每年不超过三十万元，按季度申请。`, changeNote: '落实审查意见' },
  });
  await page.reload();
  const diff = page.getByTestId('text-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: '三' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: '五' })).toHaveCount(1);
  await expect(diff.locator('ins', { hasText: '按季度申请' })).toHaveAttribute('aria-label', /^新增：/);
  await shot(page, 'advisor-diff');

  // a correction would cover a text never reviewed: refused with its rules
  await page.getByRole('button', { name: '起草更正意见' }).click();
  await pick(page, '审查结论', '合法');
  for (const a of ['主体与权限', '程序', '内容']) await pick(page, `${a}：结论`, '符合');
  await page.getByLabel('法律意见书正文').fill('经审查修改稿，合法。');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('opinion-editor')).toContainText('草稿 · 第 1 次保存');
  await page.locator('[data-action="ISSUE_OPINION"]').click();
  await page.getByRole('button', { name: '确认签发' }).click();
  const refused = page.getByTestId('api-errors');
  await expect(refused.locator('[data-rule="R-LR-5"]')).toBeVisible();
  await expect(refused.locator('[data-rule="R-DEC-9"]')).toBeVisible();
  await expect(refused).toContainText('第 2 版');
  await shot(page, 'advisor-issue-refused');

  // confirming the amended draft re-pins the review; the correction is then issued
  await page.getByTestId('confirm-amendment').getByLabel('确认说明').fill('修改稿已落实第 1 条必须修改的意见');
  await page.locator('[data-action="CONFIRM_AMENDMENT"]').click();
  await page.getByRole('button', { name: btn('确认') }).last().click();
  await expect(page.getByTestId('pinned-text')).toContainText('与当前文本一致');
  await expect(page.getByTestId('pinned-text')).toContainText('三十万元');
  await page.locator('[data-action="ISSUE_OPINION"]').click();
  await expect(page.getByTestId('issue-summary')).toContainText('第 2 版');
  await page.getByRole('button', { name: '确认签发' }).click();
  await expect(page.getByTestId('opinion-2')).toContainText('更正意见');
  await expect(page.getByTestId('opinion-1')).toContainText('已被更正意见取代');
  const after = (await ok(drafter, `query($id: ID!) { review(id: $id) { status pinnedVersion { number } opinions { number status superseded } } }`, { id: reviewId })).review;
  expect(after.status).toBe('OPINION_ISSUED');
  expect(after.pinnedVersion.number).toBe(2);
  expect(after.opinions).toEqual([
    { number: 1, status: 'ISSUED', superseded: true },
    { number: 2, status: 'ISSUED', superseded: false },
  ]);
});

test('a contract in the same queue: accepted, extended with a reason, returned with a list of missing items, assigned', async ({ page, request }) => {
  const title = unique('社区服务中心物业服务合同');
  const { drafter, reviewId, code } = await requestedContract(request, title);

  await loginAs(page, 'advisor');
  await page.getByLabel('按审查对象类型筛选').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '合同' }).click();
  await expect(row(page, code)).toContainText('合同');
  await expect(page.locator('[data-subject-type]').filter({ hasNotText: '合同' })).toHaveCount(0);
  await row(page, code).getByRole('link', { name: title }).click();

  await page.locator('[data-action="ACCEPT"]').click();
  await page.getByRole('button', { name: btn('接收') }).last().click();
  await expect(page.locator('[data-deadline="ok"]').first()).toBeVisible();

  await page.locator('[data-action="EXTEND"]').click();
  await page.getByLabel('延长工作日数').fill('5');
  await page.getByLabel('延长理由').fill('合同涉及多方权利义务，需补充核实相对方资质');
  await page.getByRole('button', { name: btn('延长') }).click();
  await expect(page.getByText('5 个工作日：合同涉及多方权利义务，需补充核实相对方资质')).toBeVisible();

  await page.locator('[data-action="RETURN"]').click();
  await page.getByLabel('缺项 1').fill('相对方近三年履约情况说明');
  await page.getByRole('button', { name: '增加缺项' }).click();
  await page.getByLabel('缺项 2').fill('场地产权证明复印件');
  await shot(page, 'advisor-return');
  await page.getByRole('button', { name: btn('退回') }).click();
  await expect(page.getByTestId('return-reason')).toContainText('1. 相对方近三年履约情况说明');
  await expect(page.getByTestId('return-reason')).toContainText('2. 场地产权证明复印件');
  await expect(page.locator('[data-deadline="paused"]').first()).toContainText('暂停计时');
  await expect(page.locator('[data-action="ACCEPT"]')).toHaveCount(0);

  await page.locator('[data-action="ASSIGN"]').click();
  await page.getByLabel('承办法律顾问').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '王律师' }).click();
  await page.getByRole('button', { name: btn('分派') }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const r = (await ok(drafter, `query($id: ID!) { review(id: $id) { status returnReason extensionWorkingDays assignedTo { username } } }`, { id: reviewId })).review;
  expect(r).toEqual({ status: 'RETURNED', returnReason: '1. 相对方近三年履约情况说明\n2. 场地产权证明复印件', extensionWorkingDays: 5, assignedTo: { username: 'advisor' } });

  // back in the queue: paused, shown grey and in words
  await page.getByRole('link', { name: '审查队列' }).first().click();
  await page.getByLabel('按审查状态筛选').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已退回补充' }).click();
  await expect(row(page, code).locator('[data-deadline="paused"]')).toContainText('暂停计时');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'advisor-queue-returned-1920');
});
