import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, loginAs, shot, world, apiAs, SCREENSHOT_DIR } from './helpers';

/**
 * The drafting department's journeys (起草部门经办人): a proposal from a published directory item,
 * prepared through the console until the legality review is requested; a refused request showing
 * every violated rule; another department seeing none of it; a contract registered, completed,
 * reviewed and its finding answered. Preconditions other users create go through the API.
 */

type Api = Awaited<ReturnType<typeof apiAs>>;

function ok<T = Record<string, any>>(r: { data?: Record<string, any>; errors?: unknown[] }): T {
  if (r.errors?.length || !r.data) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

/** The director adds an item for JJFZ to the published 2026 directory by adjustment (R-DIR-3). */
async function newDirectoryItem(director: Api, title: string): Promise<string> {
  const w = world();
  const d = ok(await director.gql(`query($y: Int!) { directoryByYear(year: $y) { id } }`, { y: 2026 })).directoryByYear;
  const added = ok(
    await director.gql(
      `mutation($input: AdjustDirectoryInput!) { adjustDirectory(input: $input) { item { id } } }`,
      {
        input: {
          directoryId: d.id,
          kind: 'ADD',
          reason: '年中新增事项',
          newItem: { title, category: 'PUBLIC_POLICY', sponsorDepartmentId: w.dept.JJFZ, legalBasis: '《广东省优化营商环境条例》', plannedQuarter: 3, reason: '夜间经济发展需要' },
        },
      },
    ),
  );
  return added.adjustDirectory.item.id;
}

/** A proposal of the drafter's department, created and included through the API (for journeys that start later). */
async function includedProposal(drafter: Api, director: Api, title: string, flags: Record<string, boolean>) {
  const itemId = await newDirectoryItem(director, title);
  const p = ok(
    await drafter.gql(`mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id version } } }`, {
      input: { title, source: 'DEPARTMENT', problem: '问题', legalBasis: '依据', preliminaryPlan: '方案', necessity: '必要', feasibility: '可行', flags, year: 2026 },
    }),
  ).createProposal.proposal;
  ok(await director.gql(`mutation($input: IncludeProposalInput!) { includeProposal(input: $input) { proposal { id } } }`, { input: { proposalId: p.id, version: p.version, directoryItemId: itemId } }));
  return p.id as string;
}

/** Picks an option of an antd Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Types a date into an antd DatePicker labelled `label` inside `scope`. */
async function date(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  // Tab, not Enter: leaving the field keeps the typed date, and Enter would submit the form.
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

async function blockerCount(page: Page): Promise<number> {
  const text = await page.getByTestId('blocker-count').textContent();
  return Number(/(\d+)/.exec(text ?? '')?.[1]);
}

/** Waits until the blockers list is shorter than before; returns the new count. */
async function shrinks(page: Page, before: number): Promise<number> {
  await expect.poll(() => blockerCount(page)).toBeLessThan(before);
  return blockerCount(page);
}

test('a drafter creates a proposal from a published directory item and prepares it until the legality review is requested', async ({ page, request }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  const director = await apiAs(request, 'director');
  const title = '夜间经济发展扶持办法';
  const itemId = await newDirectoryItem(director, title);

  await loginAs(page, 'drafter');
  await page.getByRole('button', { name: '依据目录事项新建' }).click();
  await expect(page).toHaveURL(/\/drafter\/proposals\/new$/);
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('尚无决策建议');
  await shot(page, 'drafter-directory-items');
  await row.getByRole('link', { name: `据此起草：${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`item=${itemId}`));
  // The form starts from the item: its title and legal basis.
  await expect(page.getByLabel('决策事项名称')).toHaveValue(title);
  await expect(page.getByLabel('法律依据')).toHaveValue('《广东省优化营商环境条例》');
  await page.getByLabel('拟解决的问题').fill('夜间消费场所分散，缺少统一扶持政策');
  await page.getByLabel('初步方案').fill('设立夜间经济示范街区，给予租金补贴');
  await page.getByLabel('必要性').fill('促进消费，稳定就业');
  await page.getByLabel('可行性').fill('财政资金已列入年度预算');
  for (const flag of ['涉及社会公众切身利益', '专业性、技术性较强', '可能影响社会稳定、公共安全', '涉及市场主体经济活动', '存在较大意见分歧']) {
    await page.getByLabel(new RegExp(`^${flag}`)).check();
  }
  await page.getByRole('button', { name: '提交决策建议' }).click();
  await expect(page).toHaveURL(/\/drafter\/proposals\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-state="AWAITING_INCLUSION"]').first()).toBeVisible();
  const proposalId = page.url().split('/').pop()!;

  // The decision maker includes it under the item (R-DIR-4) and requires a hearing on top (R-DEC-3).
  const p = ok(await director.gql(`query($id: ID!) { proposal(id: $id) { version } }`, { id: proposalId })).proposal;
  const included = ok(
    await director.gql(`mutation($input: IncludeProposalInput!) { includeProposal(input: $input) { proposal { version } } }`, {
      input: { proposalId, version: p.version, directoryItemId: itemId },
    }),
  ).includeProposal.proposal;
  ok(
    await director.gql(`mutation($input: AddProcedureInput!) { addRequiredProcedure(input: $input) { proposal { id } } }`, {
      input: { proposalId, version: included.version, kind: 'HEARING', reason: '涉及面广，须听取意见' },
    }),
  );
  await page.reload();
  await expect(page.locator('[data-state="INCLUDED"]').first()).toBeVisible();
  // Every blocker of the legality-review request, each with its rule: draft, alternatives, the base package, five procedures and their materials.
  const blockers = page.getByTestId('blockers');
  await expect(blockers).toBeVisible();
  let count = await blockerCount(page);
  expect(count).toBe(14);
  for (const rule of ['R-LR-2', 'R-DEC-2', 'R-DEC-4', 'R-DEC-5', 'R-DEC-6', 'R-DEC-7', 'R-DEC-3']) {
    await expect(blockers.locator(`[data-rule="${rule}"]`).first()).toBeVisible();
  }
  await shot(page, 'drafter-blockers');
  await page.getByTestId('blockers-card').screenshot({ path: path.join(SCREENSHOT_DIR, 'drafter-blocker-list.png') });

  // The draft: a first version, then a second that changes characters inside a line.
  await blockers.locator('[data-code="DRAFT_MISSING"]').getByRole('link', { name: /去办理/ }).click();
  await expect(page).toHaveURL(/#draft$/);
  const draft = page.locator('#draft');
  await draft.getByLabel('草案正文').fill(`${title}\n第一条 为促进夜间经济发展，制定本办法。\n第二条 示范街区租金补贴标准为每月每平方米十元。`);
  await draft.getByLabel('修改说明').fill('初稿');
  await draft.getByRole('button', { name: '保存为第 1 稿' }).click();
  count = await shrinks(page, count);
  await draft.getByLabel('草案正文').fill(`${title}\n第一条 为促进夜间经济健康发展，制定本办法。\n第二条 示范街区租金补贴标准为每月每平方米十五元。`);
  await draft.getByLabel('修改说明').fill('根据专家意见修改补贴标准');
  await draft.getByRole('button', { name: '预览与当前稿的差异' }).click();
  await expect(draft.getByTestId('char-diff')).toContainText('健康');
  await draft.getByRole('button', { name: '保存为第 2 稿' }).click();
  await expect(page.locator('#versions')).toContainText('第 2 稿');
  const diff = page.locator('#diff').getByTestId('char-diff');
  await expect(diff.locator('ins[data-diff="added"]').filter({ hasText: '健康' })).toBeVisible();
  await expect(diff.locator('ins[data-diff="added"]').filter({ hasText: '五' })).toBeVisible();
  // Colour is not the only cue: an underline / strike-through, and hidden text for screen readers.
  await expect(diff.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
  await expect(diff.locator('ins').first()).toContainText('【新增：');
  await expect(page.locator('#diff').getByTestId('diff-stats')).toContainText('新增 3 字');
  await page.locator('#diff').scrollIntoViewIfNeeded();
  await shot(page, 'drafter-draft-diff');
  await page.locator('#diff').screenshot({ path: path.join(SCREENSHOT_DIR, 'drafter-char-diff.png') });

  // Two alternatives (views differ widely, R-DEC-2).
  await page.getByRole('tab', { name: '备选方案与分歧' }).click();
  const alternatives = page.locator('#alternatives');
  for (const [name, content] of [
    ['方案一：租金补贴', '按面积给予租金补贴'],
    ['方案二：消费券', '发放夜间消费券'],
  ]) {
    await alternatives.getByLabel('备选方案名称').fill(name!);
    await alternatives.getByLabel('方案内容').fill(content!);
    await alternatives.getByRole('button', { name: '登记备选方案' }).click();
    await expect(alternatives).toContainText(name!);
  }
  count = await shrinks(page, count);

  // The procedures, each through its own form.
  await page.getByTestId('blockers').locator('[data-code="CONSULTATION_MISSING"]').getByRole('link', { name: /去办理/ }).click();
  const consultation = page.locator('#consultation');
  await date(consultation, '征求意见开始日期', '2026-01-20');
  await date(consultation, '征求意见截止日期', '2026-02-25');
  await consultation.getByLabel('发布渠道').fill('白云湖街政务网站');
  await consultation.getByRole('button', { name: '保存征求意见期限' }).click();
  await expect(consultation).toContainText('37 日');
  await consultation.getByLabel('意见提出人').fill('市民王某');
  await date(consultation, '意见收到日期', '2026-02-01');
  await consultation.getByLabel('意见内容').fill('建议延长示范街区营业时间');
  await consultation.getByRole('button', { name: '登记意见' }).click();
  await consultation.getByRole('button', { name: '答复第 1 条意见' }).click();
  const answer = page.getByRole('dialog', { name: '答复第 1 条意见' });
  await choose(page, answer, '是否采纳', '采纳');
  await answer.getByRole('button', { name: '提交答复' }).click();
  await expect(answer).toBeHidden();
  await expect(consultation.getByRole('cell', { name: '采纳', exact: true })).toBeVisible();
  await consultation.getByLabel('采纳情况说明').fill('收到意见 1 条，已采纳 1 条。');
  await consultation.getByRole('button', { name: '保存采纳情况说明' }).click();
  count = await shrinks(page, count);

  const hearing = page.locator('#hearing');
  await date(hearing, '参加人名单公布日期', '2026-02-01');
  await date(hearing, '听证材料送达日期', '2026-02-03');
  await date(hearing, '听证会日期', '2026-02-12');
  await hearing.getByLabel('听证参加人').fill('商户代表李某\n居民代表张某');
  await hearing.getByLabel('听证笔录').fill('听证笔录全文');
  await hearing.getByLabel('笔录已经参加人签字确认').check();
  await hearing.getByRole('button', { name: '保存听证记录' }).click();
  await expect(hearing).toContainText('商户代表李某、居民代表张某');

  const experts = page.locator('#experts');
  await experts.getByLabel('专家姓名').fill('刘教授');
  await experts.getByLabel('工作单位').fill('广州大学');
  await date(experts, '签署日期', '2026-02-10');
  await experts.getByLabel('利害关系声明').fill('本人与决策事项无直接利害关系');
  await experts.getByLabel('论证意见').fill('方案可行，补贴标准宜适当提高');
  await experts.getByRole('button', { name: '登记专家意见' }).click();
  await experts.getByRole('button', { name: '记录 刘教授 意见的采纳情况' }).click();
  const adoption = page.getByRole('dialog');
  await choose(page, adoption, '采纳情况', '采纳');
  await adoption.getByRole('button', { name: '保 存' }).or(adoption.getByRole('button', { name: '保存' })).click();
  await expect(experts.getByRole('cell', { name: '采纳', exact: true })).toBeVisible();

  const risk = page.locator('#risk');
  await date(risk, '评估日期', '2026-02-15');
  await risk.getByLabel('评估主体').fill('街道综治中心');
  await risk.getByText('中', { exact: true }).click();
  await risk.getByLabel('风险点').fill('噪音扰民');
  await risk.getByLabel('防范化解措施').fill('限定营业时间，设置隔音设施');
  await risk.getByLabel('应急处置预案').fill('设立投诉热线，专人处理');
  await risk.getByRole('button', { name: '登记风险评估' }).click();
  await expect(risk).toContainText('第 1 轮');

  const fair = page.locator('#fair-competition');
  await choose(page, fair, '审查结论', '符合公平竞争审查标准');
  await fair.getByLabel('审查机构或人员').fill('街道公平竞争审查小组');
  await date(fair, '审查日期', '2026-02-20');
  await fair.getByLabel('审查说明').fill('未设置市场准入壁垒，未给予特定经营者优惠');
  await fair.getByRole('button', { name: '登记公平竞争审查' }).click();
  await expect(fair).toContainText('符合公平竞争审查标准');
  await page.locator('#procedures').scrollIntoViewIfNeeded();
  await shot(page, 'drafter-procedures');
  count = await shrinks(page, count);
  // What is left are the materials: the base package and each procedure's own.
  await expect(page.getByTestId('blockers').locator('[data-code]')).toHaveCount(count);
  await expect(page.getByTestId('blockers').locator('[data-code]:not([data-code="MATERIAL_MISSING"])')).toHaveCount(0);

  // One material by drag and drop (a file), the rest as texts — each reached from its blocker's link.
  await page.getByTestId('blockers').locator('[data-code="MATERIAL_MISSING"]').filter({ hasText: '公平竞争审查意见' }).getByRole('link', { name: /去办理/ }).click();
  const upload = page.locator('#material-upload');
  await expect(upload.getByLabel('材料类别')).toBeVisible();
  await expect(upload.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText('公平竞争审查意见');
  const bytes = Buffer.from('公平竞争审查意见书：经审查，符合公平竞争审查标准。'.repeat(40), 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ({ content, name }) => {
      // runs in the page (the test's tsconfig has no DOM types)
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
      };
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([new Uint8Array(content)], name, { type: 'text/plain' }));
      return dt;
    },
    { content: [...bytes], name: '公平竞争审查意见书.txt' },
  );
  await upload.locator('.ant-upload-drag .ant-upload-btn').dispatchEvent('drop', { dataTransfer });
  await expect(upload.getByTestId('chosen-file')).toContainText('公平竞争审查意见书.txt');
  await expect(upload.getByTestId('chosen-file')).toContainText('KB');
  await upload.getByRole('button', { name: '添加材料' }).click();
  await expect(upload.getByTestId('uploaded-material')).toContainText('与本地计算的哈希一致');
  const materials = page.locator('#materials');
  await expect(materials.getByRole('row').filter({ hasText: '公平竞争审查意见书.txt' })).toContainText('KB');
  await shot(page, 'drafter-materials');
  count = await shrinks(page, count);

  while (count > 0) {
    const item = page.getByTestId('blockers').locator('[data-code="MATERIAL_MISSING"]').first();
    const label = /「(.+?)」/.exec((await item.textContent()) ?? '')![1]!;
    await item.getByRole('link', { name: /去办理/ }).click();
    await expect(upload.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(label);
    await upload.getByText('填写文本', { exact: true }).click();
    await upload.getByLabel('材料内容').fill(`${label}（正文）`);
    await upload.getByRole('button', { name: '添加材料' }).click();
    count = await shrinks(page, count);
  }
  await expect(page.getByTestId('blockers-empty')).toContainText('可以提请合法性审查');

  // The request goes through, pinning the second draft.
  await page.getByRole('button', { name: '提请合法性审查' }).click();
  const dialog = page.getByRole('dialog', { name: '提请合法性审查' });
  await dialog.getByRole('button', { name: '提请审查' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#review$/);
  await expect(page.locator('[data-state="LEGALITY_REVIEW_REQUESTED"]').first()).toBeVisible();
  await expect(page.locator('#review')).toContainText('已提交，待接收');
  await expect(page.locator('#review')).toContainText('第 2 稿');
  await shot(page, 'drafter-review-requested');
  // The workspace at 1920 px: the same page, wider.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('tab', { name: /草案/ }).click();
  await expect(page.locator('#diff').getByTestId('char-diff')).toBeVisible();
  await shot(page, 'drafter-workspace-1920');

  // No React or Ant Design warning, no script error along the way.
  expect(consoleErrors).toEqual([]);
  const api = ok(await director.gql(`query($id: ID!) { proposal(id: $id) { state reviewRequests { status pinnedVersion { number } } } }`, { id: proposalId })).proposal;
  expect(api).toMatchObject({ state: 'LEGALITY_REVIEW_REQUESTED', reviewRequests: [{ status: 'SUBMITTED', pinnedVersion: { number: 2 } }] });
});

test('a legality review requested too early is refused with every violated rule on screen', async ({ page, request }) => {
  const drafter = await apiAs(request, 'drafter');
  const director = await apiAs(request, 'director');
  const id = await includedProposal(drafter, director, '夜市摊位管理规定', { affectsPublicInterest: true, specialised: false, stabilityRisk: true, touchesMarketEntities: false });
  await loginAs(page, 'drafter');
  await page.goto(`/drafter/proposals/${id}`);
  const listed = page.getByTestId('blockers').locator('[data-rule]');
  await expect(listed.first()).toBeVisible();
  const expected = await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  await page.getByRole('button', { name: '提请合法性审查' }).click();
  const dialog = page.getByRole('dialog', { name: '提请合法性审查' });
  await dialog.getByRole('button', { name: '提请审查' }).click();
  const errors = dialog.getByTestId('api-errors');
  await expect(errors).toBeVisible();
  const refused = await errors.locator('li[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  // Every violation, each with its rule id (a link to the rule) — the same list the blockers show.
  expect(refused).toEqual(expected);
  for (const rule of ['R-LR-2', 'R-DEC-4', 'R-DEC-7']) {
    await expect(errors.getByRole('link', { name: new RegExp(`^${rule}`) }).first()).toBeVisible();
  }
  await shot(page, 'drafter-refused');
  // Nothing was requested.
  const state = ok(await drafter.gql(`query($id: ID!) { proposal(id: $id) { state reviewRequests { id } } }`, { id })).proposal;
  expect(state).toEqual({ state: 'INCLUDED', reviewRequests: [] });
});

test('a drafter of another department sees none of it: not in the list, and its address shows no content', async ({ page, request }) => {
  const w = world();
  const drafter = await apiAs(request, 'drafter');
  const director = await apiAs(request, 'director');
  const title = '夜间照明改造方案';
  const id = await includedProposal(drafter, director, title, { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false });
  await loginAs(page, 'drafter2');
  await expect(page).toHaveURL(/\/drafter\/proposals$/);
  await expect(page.getByTestId('total-count')).toContainText('共');
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.locator(`a[href="/drafter/proposals/${id}"]`)).toHaveCount(0);

  await page.goto(`/drafter/proposals/${id}`);
  await expect(page.getByText('无权查看该决策建议')).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await shot(page, 'drafter-other-department');

  // The other department's contract likewise: absent from the list, forbidden by address.
  await page.goto('/drafter/contracts');
  await expect(page.getByTestId('total-count')).toBeVisible();
  await expect(page.locator(`a[href="/drafter/contracts/${w.jjfz.contractId}"]`)).toHaveCount(0);
  await page.goto(`/drafter/contracts/${w.jjfz.contractId}`);
  await expect(page.getByText('无权查看该合同')).toBeVisible();
  await expect(page.getByText('电竞场馆租赁合同')).toHaveCount(0);
});

test('a drafter registers a contract, completes its package, requests the review and answers the advisor’s finding', async ({ page, request }) => {
  test.setTimeout(120_000);
  const advisor = await apiAs(request, 'advisor');
  await loginAs(page, 'drafter');
  await page.getByRole('link', { name: '本部门合同' }).click();
  await expect(page).toHaveURL(/\/drafter\/contracts$/);
  await page.getByRole('button', { name: '登记合同' }).click();
  const dialog = page.getByRole('dialog', { name: '登记合同' });
  await dialog.getByLabel('合同名称').fill('夜间经济示范街区运营服务合同');
  await dialog.getByLabel('合同相对方').fill('广州某商业管理有限公司');
  await dialog.getByLabel('合同金额（元）').fill('480000');
  await dialog.getByLabel('合同文本（第 1 稿）').fill('甲方：白云湖街道办事处\n乙方：广州某商业管理有限公司\n第一条 服务期限一年。');
  await dialog.getByRole('button', { name: '登 记' }).or(dialog.getByRole('button', { name: '登记' })).click();
  await expect(page).toHaveURL(/\/drafter\/contracts\/[0-9a-f-]{36}$/);
  const contractId = page.url().split('/').pop()!;
  // Qualification, legal basis, negotiation record and term are missing (R-LR-2).
  await expect(page.getByTestId('blocker-count')).toHaveText('4 项');
  await expect(page.getByTestId('blockers').locator('[data-rule="R-LR-2"]')).toHaveCount(4);

  await page.getByRole('button', { name: '修改合同要素' }).click();
  const facts = page.locator('#facts');
  await facts.getByLabel('相对方资质情况').fill('统一社会信用代码 91440101MA5XXXXXXX');
  await facts.getByLabel('订立依据').fill('《中华人民共和国民法典》第四百六十四条');
  await date(facts, '合同期限起', '2026-04-01');
  await date(facts, '合同期限止', '2027-03-31');
  await facts.getByRole('button', { name: '保 存' }).or(facts.getByRole('button', { name: '保存' })).click();
  await expect(page.getByTestId('blocker-count')).toHaveText('2 项');

  for (const label of ['相对方资质', '磋商记录']) {
    const item = page.getByTestId('blockers').locator('[data-rule]').filter({ hasText: label });
    await item.getByRole('link', { name: /去办理/ }).click();
    const upload = page.locator('#material-upload');
    await upload.getByLabel('材料标题').fill(`${label}材料`);
    if (label === '磋商记录') {
      // the file chooser this time
      await upload.getByText('上传文件', { exact: true }).click();
      // 600 KB: too large for a GraphQL body as base64, it goes to POST /materials with the session cookie
      const record = Buffer.alloc(600 * 1024, '磋商记录：双方就服务范围达成一致。\n');
      await upload.locator('input[type="file"]').setInputFiles({ name: '磋商记录.txt', mimeType: 'text/plain', buffer: record });
      await expect(upload.getByTestId('chosen-file')).toContainText('磋商记录.txt');
      await expect(upload.getByTestId('chosen-file')).toContainText('600.0 KB');
    } else {
      await upload.getByText('填写文本', { exact: true }).click();
      await upload.getByLabel('材料内容').fill('营业执照、资质证书复印件');
    }
    await upload.getByRole('button', { name: '添加材料' }).click();
    await expect(page.locator('#materials')).toContainText(`${label}材料`);
    if (label === '磋商记录') await expect(upload.getByTestId('uploaded-material')).toContainText('与本地计算的哈希一致');
  }
  await expect(page.getByTestId('blockers-empty')).toBeVisible();

  await page.getByRole('button', { name: '提请合同审查' }).click();
  const req = page.getByRole('dialog', { name: '提请合同合法性审查' });
  await req.getByRole('button', { name: '提请审查' }).click();
  await expect(req).toBeHidden();
  await expect(page.locator('#review')).toContainText('已提交，待接收');

  // The advisor accepts, then returns it for supplement (R-LR-2).
  let review = ok(await advisor.gql(`query($id: ID!) { contract(id: $id) { reviewRequests { id version } } }`, { id: contractId })).contract.reviewRequests[0];
  review = ok(await advisor.gql(`mutation($input: ReviewTransitionInput!) { acceptReview(input: $input) { review { id version } } }`, { input: { reviewId: review.id, version: review.version } })).acceptReview.review;
  ok(
    await advisor.gql(`mutation($input: ReturnReviewInput!) { returnReview(input: $input) { review { id } } }`, {
      input: { reviewId: review.id, version: review.version, missing: '合同缺少违约责任条款，请补充后重新提交' },
    }),
  );
  await page.reload();
  const reviewPanel = page.locator('#review');
  await expect(reviewPanel).toContainText('已退回补充材料');
  await expect(reviewPanel.getByTestId('return-reason')).toContainText('合同缺少违约责任条款');

  // The drafter revises the text — a second version, its change visible character by character — and resubmits.
  await page.getByRole('tab', { name: /合同文本/ }).click();
  const draft = page.locator('#draft');
  await draft.getByLabel('合同文本正文').fill('甲方：白云湖街道办事处\n乙方：广州某商业管理有限公司\n第一条 服务期限一年。\n第五条 违约方承担违约责任。');
  await draft.getByLabel('修改说明').fill('按退回意见补充违约责任');
  await draft.getByRole('button', { name: '保存为第 2 稿' }).click();
  await expect(page.locator('#diff').getByTestId('char-diff').locator('ins')).toContainText('违约责任');
  await page.getByRole('tab', { name: /合法性审查/ }).click();
  await reviewPanel.getByRole('button', { name: '重新提交' }).click();
  await expect(reviewPanel).toContainText('已接收，审查中');
  await expect(reviewPanel).toContainText('第 2 稿');

  // The advisor issues an opinion with a must-fix finding; the drafter answers it.
  const opinion = ok(
    await advisor.gql(`mutation($input: SaveOpinionInput!) { saveOpinionDraft(input: $input) { opinion { id version } } }`, {
      input: {
        reviewId: review.id,
        conclusion: 'LAWFUL_WITH_AMENDMENTS',
        text: '经审查，合同修改后合法。',
        findings: [{ aspect: 'CONTENT', mustFix: true, text: '违约金计算标准不明确，应予明确', lawName: '《中华人民共和国民法典》', article: '第五百八十五条' }],
        aspects: [
          { aspect: 'AUTHORITY', conclusion: 'COMPLIANT' },
          { aspect: 'PROCEDURE', conclusion: 'COMPLIANT' },
          { aspect: 'CONTENT', conclusion: 'NEEDS_AMENDMENT' },
        ],
      },
    }),
  ).saveOpinionDraft.opinion;
  ok(await advisor.gql(`mutation($input: IssueOpinionInput!) { issueOpinion(input: $input) { opinion { id } } }`, { input: { opinionId: opinion.id, version: opinion.version } }));

  await page.reload();
  await expect(reviewPanel).toContainText('修改后合法');
  await expect(reviewPanel).toContainText('违约金计算标准不明确');
  await reviewPanel.getByRole('button', { name: '答复第 1 条意见' }).click();
  const answer = page.getByRole('dialog', { name: '答复第 1 条审查意见' });
  await choose(page, answer, '是否采纳', '采纳');
  await answer.getByLabel('理由或修改情况').fill('将在签订稿第五条明确违约金为合同金额的百分之五');
  await answer.getByRole('button', { name: '提交答复' }).click();
  await expect(answer).toBeHidden();
  await expect(reviewPanel).toContainText('将在签订稿第五条明确违约金');
  await shot(page, 'drafter-contract');

  const finding = ok(await advisor.gql(`query($id: ID!) { review(id: $id) { opinions { findings { response responseReason } } } }`, { id: review.id })).review.opinions[0].findings[0];
  expect(finding).toEqual({ response: 'ADOPTED', responseReason: '将在签订稿第五条明确违约金为合同金额的百分之五' });

  // The department's list shows it with its review's state.
  await page.getByRole('link', { name: '本部门合同' }).first().click();
  await expect(page.getByRole('row').filter({ hasText: '夜间经济示范街区运营服务合同' })).toContainText('已出具法律意见');
  await shot(page, 'drafter-contract-list');
});
