import type { APIRequestContext, Page } from '@playwright/test';
import { print } from 'graphql';
import {
  AcceptReviewDocument,
  AddAgendaItemDocument,
  AssessFilingObligationDocument,
  CreateMeetingDocument,
  CreateNormativeDocumentDocument,
  DeliberatingBody,
  FilingMaterialKind,
  FinaliseMeetingDocument,
  HeadDecision,
  IssueOpinionDocument,
  Issuer,
  MeetingDocument,
  MemberPositionKind,
  NormativeDocumentDocument,
  OpinionConclusion,
  PrepareFilingMaterialDocument,
  RecordHeadDecisionDocument,
  RecordPositionDocument,
  RequestNormativeReviewDocument,
  SaveOpinionDraftDocument,
  SetReleaseFactsDocument,
} from '../__generated__/graphql';
import { expectOk } from '../support/gql-result';
import type { Harness } from '../support/harness';
import { addNormativePackage, aspectsFor } from '../support/packages';
import { test, expect, loginAs, shot, apiAs, world } from './helpers';

/** The suite's server through the same `gql` the jest harness offers, so the journeys reuse test/support's fixtures over HTTP. */
function overHttp(request: APIRequestContext): Harness {
  const gql = async (doc: Parameters<typeof print>[0], variables?: unknown, opts?: { token?: string | null }) => {
    const res = await request.post('/graphql', {
      headers: {
        'content-type': 'application/json',
        ...(opts?.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      data: { query: print(doc), variables: variables ?? {} },
    });
    const json = (await res.json()) as { data?: unknown; errors?: never[] };
    return { status: res.status(), data: json.data, errors: json.errors };
  };
  return { gql } as unknown as Harness;
}

/** A field's label exactly, with or without the required mark antd puts before it. */
const label = (text: string) => new RegExp(`^(\\*\\s*)?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Types a date into an antd DatePicker found by its label; leaving the field commits it. */
async function pickDate(scope: Page | ReturnType<Page['getByRole']>, name: string, date: string) {
  const input = scope.getByLabel(label(name));
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect(input).toHaveValue(date);
}

/** A modal by its title, once its opening animation is over. */
async function modal(page: Page, name: string | RegExp) {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  return dialog;
}

/** The flags dashboard filtered to one kind: the rows of that kind. */
async function flagRows(page: Page, kind: string) {
  await page.getByRole('menuitem', { name: '备案风险提示' }).click();
  await expect(page).toHaveURL(/\/filing\/flags$/);
  const card = page.getByTestId(`flag-count-${kind}`);
  await card.click();
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.ant-table-tbody')).toBeVisible();
  return page.locator('.ant-table-tbody tr');
}

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

const TEXT = [
  '第一条 为规范本街道居民区养犬行为，保障居民人身安全，制定本办法。',
  '第二条 养犬人应当为犬只办理登记，携犬出户应当束犬链。',
  '第三条 任何人不得携犬进入儿童游乐场所。',
].join('\n');

test('a filing officer registers, assesses, releases and files a normative document and sees a flag disappear', async ({ page, request }) => {
  test.setTimeout(120_000);
  const w = world();
  const h = overHttp(request);
  const [filing, advisor, admin, director] = await Promise.all([apiAs(request, 'filing'), apiAs(request, 'advisor'), apiAs(request, 'admin'), apiAs(request, 'director')]);
  const title = '白云湖街居民区养犬管理办法';

  // Registering the document (登记文件) through the console.
  await loginAs(page, 'filing');
  await expect(page).toHaveURL(/\/filing\/flags$/);
  await page.getByRole('menuitem', { name: '规范性文件登记簿' }).click();
  await page.getByRole('button', { name: '登记文件' }).click();
  await page.getByLabel(label('文件名称')).fill(title);
  await page.getByLabel('涉及市场主体或公众的权利义务（须公开征求意见不少于 30 日）').check();
  await page.getByLabel(label('文件正文')).fill(TEXT);
  await page
    .getByRole('button', { name: /登\s*记/ })
    .last()
    .click();
  await expect(page).toHaveURL(/\/filing\/documents\/[0-9a-f-]{36}$/);
  const docId = page.url().split('/').pop()!;
  await expect(page.getByText('未编号').first()).toBeVisible();

  // The assessment as a checklist: four elements answered, the system's verdict and the red flags marked in the text.
  for (const q of ['由行政机关（或党组织）在职权范围内制定', '涉及公民、法人和其他组织的权利义务', '对不特定对象具有普遍约束力', '在一定期限内反复适用']) {
    await page.getByRole('radiogroup', { name: q }).getByLabel('是', { exact: true }).check();
  }
  await page.getByRole('button', { name: /^判\s*定$/ }).click();
  const flags = page.getByTestId('red-flags');
  await expect(flags).toContainText('提示性特征（3 处）');
  await expect(page.getByText('属于规范性文件，应当报备').first()).toBeVisible();
  const marks = flags.locator('mark');
  await expect(marks).toHaveCount(3); // 办法 in the title; 应当 and 不得 in the text
  expect(await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-terms')))).toEqual(['办法', '应当', '不得']);
  await expect(marks.nth(1)).toContainText('养犬人应当为犬只办理登记');
  await shot(page, 'filing-assessment');
  await page.getByRole('button', { name: '确认报备判定' }).click();
  let dialog = await modal(page, '确认报备判定');
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: '确认报备判定' })).toHaveCount(1); // may be confirmed again while drafting
  expect(expectOk(await h.gql(NormativeDocumentDocument, { id: docId }, { token: filing.token })).normativeDocument.confirmedVerdict).toBe('FILING_REQUIRED');

  // The other offices' part, through the API: the legality review, the director's office meeting, the release facts and the filing materials.
  await addNormativePackage(h, filing.token, docId);
  const requested = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: docId } }, { token: filing.token })).requestNormativeReview.review;
  const r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: requested.id, version: requested.version } }, { token: advisor.token })).acceptReview.review;
  const o = expectOk(
    await h.gql(
      SaveOpinionDraftDocument,
      {
        input: {
          reviewId: r.id,
          conclusion: OpinionConclusion.Lawful,
          text: '经审核，该办法合法。',
          findings: [],
          aspects: aspectsFor(OpinionConclusion.Lawful, [], {
            normative: true,
          }),
        },
      },
      { token: advisor.token },
    ),
  ).saveOpinionDraft.opinion;
  expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: advisor.token }));
  const meeting = expectOk(
    await h.gql(
      CreateMeetingDocument,
      {
        input: {
          title: '2026年第6次主任办公会议',
          body: DeliberatingBody.DirectorsOffice,
          heldOn: '2026-03-05',
        },
      },
      { token: admin.token },
    ),
  ).createMeeting.meeting;
  const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: meeting.id, normativeDocumentId: docId } }, { token: admin.token })).addAgendaItem.agendaItem;
  for (const member of ['deputy', 'deputy2', 'member']) {
    expectOk(
      await h.gql(
        RecordPositionDocument,
        {
          input: {
            agendaItemId: item.id,
            memberUserId: w.uid[member]!,
            position: MemberPositionKind.Support,
            remarks: '同意',
          },
        },
        { token: admin.token },
      ),
    );
  }
  expectOk(
    await h.gql(
      RecordHeadDecisionDocument,
      {
        input: {
          agendaItemId: item.id,
          version: item.version,
          decision: HeadDecision.Approve,
        },
      },
      { token: director.token },
    ),
  );
  const m = expectOk(await h.gql(MeetingDocument, { id: meeting.id }, { token: director.token })).meeting;
  expectOk(
    await h.gql(
      FinaliseMeetingDocument,
      {
        input: {
          meetingId: meeting.id,
          version: m.version,
          minutes: '会议纪要：审议通过养犬管理办法。',
        },
      },
      { token: director.token },
    ),
  );
  const d = expectOk(await h.gql(NormativeDocumentDocument, { id: docId }, { token: filing.token })).normativeDocument;
  expectOk(
    await h.gql(
      SetReleaseFactsDocument,
      {
        input: {
          documentId: docId,
          version: d.version,
          publicCommentStartsOn: '2026-01-20',
          publicCommentEndsOn: '2026-02-18',
          effectiveOn: '2026-04-10',
        },
      },
      { token: filing.token },
    ),
  );
  for (const kind of [FilingMaterialKind.FilingReport, FilingMaterialKind.OfficialText, FilingMaterialKind.DraftingExplanation, FilingMaterialKind.LegalBasisStatement]) {
    expectOk(
      await h.gql(
        PrepareFilingMaterialDocument,
        {
          input: {
            documentId: docId,
            kind,
            text: `${kind}（附合法性审核意见）`,
          },
        },
        { token: filing.token },
      ),
    );
  }

  // The release gate as a checklist: only the number and the channel are still missing.
  await page.reload();
  await page.getByRole('tab', { name: '发布前检查与公布' }).click();
  const gate = page.getByTestId('release-gate');
  await expect(gate.locator('[data-condition="REGISTRATION_NUMBER"]')).toHaveAttribute('data-status', 'NOT_MET');
  await expect(gate.locator('[data-condition="REGISTRATION_NUMBER"]')).toContainText('R-ND-5');
  await expect(gate.locator('[data-condition="LEGALITY_REVIEW"]')).toHaveAttribute('data-status', 'MET');
  await expect(gate.locator('[data-condition="DELIBERATION"]')).toHaveAttribute('data-status', 'MET');
  await expect(gate.locator('[data-condition="FAIR_COMPETITION"]')).toHaveAttribute('data-status', 'NOT_APPLICABLE');
  await expect(page.getByTestId('gate-result')).toContainText('暂缓公布：尚有 2 项条件未满足');
  await page.getByRole('button', { name: '统一登记编号' }).click();
  await expect(page.getByTestId('registration-number')).toHaveText(/^云湖街规〔2026〕\d+号$/);
  const number = (await page.getByTestId('registration-number').textContent())!;
  await page.getByLabel('拟发布渠道').fill('白云湖街政务网站');
  await page.getByRole('button', { name: /^检\s*查$/ }).click();
  await expect(page.getByTestId('gate-result')).toContainText('发布前检查全部通过，可于 2026-03-05 公布');
  expect(await gate.locator('[data-status="NOT_MET"]').count()).toBe(0);
  await shot(page, 'filing-release-gate');
  await page.getByRole('button', { name: /^公\s*布$/ }).click();
  dialog = await modal(page, '公布规范性文件');
  await expect(dialog.getByLabel(label('公布日期'))).toHaveValue('2026-03-05');
  await expect(dialog.getByLabel(label('发布渠道'))).toHaveValue('白云湖街政务网站');
  await dialog.getByRole('button', { name: /确认公布/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-state="RELEASED"]').first()).toBeVisible();

  // The filing record: submitted without the statement of legal basis.
  await page.getByRole('tab', { name: '报备与审查' }).click();
  await expect(page.getByText('2026-04-04（公布之日起 30 日内）')).toBeVisible();
  await page.getByRole('button', { name: '登记报备' }).click();
  dialog = await modal(page, '登记报备');
  await pickDate(dialog, '报送日期', '2026-03-05');
  await dialog.getByLabel('制定依据').uncheck();
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('filing-record')).toContainText('已报送');

  // The dashboard flags the missing material …
  let rows = await flagRows(page, 'MATERIALS_MISSING');
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  await expect(rows.filter({ hasText: title })).toContainText('备案材料缺少：制定依据');
  await shot(page, 'filing-flag-before');

  // … the supervising body defers the registration, the material is supplied, the body registers it …
  await rows.filter({ hasText: title }).getByRole('link', { name: title }).click();
  await page.getByRole('tab', { name: '报备与审查' }).click();
  await page.getByRole('button', { name: '暂缓登记' }).click();
  dialog = await modal(page, '暂缓登记，要求补正材料');
  await pickDate(dialog, '日期', '2026-03-05');
  await dialog.getByLabel('要求补正的内容').fill('缺少制定依据');
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('filing-record')).toContainText('暂缓登记，待补正');
  await page.getByRole('button', { name: '补正材料' }).click();
  dialog = await modal(page, '已补正材料');
  await pickDate(dialog, '日期', '2026-03-05');
  await dialog.getByLabel('制定依据').check();
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('filing-record')).toContainText('已报送');
  await page.getByRole('button', { name: '予以登记' }).click();
  dialog = await modal(page, '予以登记');
  await pickDate(dialog, '日期', '2026-03-05');
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('filing-record')).toContainText('已登记');
  await shot(page, 'filing-record');

  // … and the flag is gone from the dashboard.
  rows = await flagRows(page, 'MATERIALS_MISSING');
  await expect(rows.filter({ hasText: title })).toHaveCount(0);
  const after = expectOk(await h.gql(NormativeDocumentDocument, { id: docId }, { token: filing.token })).normativeDocument;
  expect(after).toMatchObject({
    state: 'RELEASED',
    registrationNumber: number,
    publishedOn: '2026-03-05',
    filing: { status: 'REGISTERED' },
  });

  // The register lists it with its number and filing state.
  await page.getByRole('menuitem', { name: '规范性文件登记簿' }).click();
  await page.getByLabel('按标题或登记号搜索').fill(number);
  await page.getByLabel('按标题或登记号搜索').press('Enter');
  await expect(page.getByTestId('total-count')).toContainText('共 1 条');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('已公布施行');
  await expect(row).toContainText('已登记');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await shot(page, 'filing-register');
});

test('a refused action shows its rule ids: an override without a reason (R-ND-2), a release before the gate is clear (R-ND-4, R-ND-5, R-ND-6)', async ({ page, request }) => {
  const h = overHttp(request);
  const filing = await apiAs(request, 'filing');
  const title = '白云湖街临时占道经营管理规定';
  const d = expectOk(
    await h.gql(
      CreateNormativeDocumentDocument,
      {
        input: {
          title,
          issuer: Issuer.StreetOffice,
          text: '第一条 临时占道摆卖的，应当向街道办事处申请。\n第二条 未经同意不得占道。',
          affectsBusinessesOrPublic: true,
          touchesMarketEntities: false,
        },
      },
      { token: filing.token },
    ),
  ).createNormativeDocument.document;
  expectOk(
    await h.gql(
      AssessFilingObligationDocument,
      {
        input: {
          documentId: d.id,
          answers: {
            issuedWithinAuthority: true,
            affectsRights: true,
            generallyBinding: true,
            appliedRepeatedly: true,
          },
        },
      },
      { token: filing.token },
    ),
  );

  await loginAs(page, 'filing');
  await page.goto(`/filing/documents/${d.id}`);
  await page.getByRole('button', { name: '确认报备判定' }).click();
  let dialog = await modal(page, '确认报备判定');
  await dialog.getByLabel('不属于规范性文件，无需报备').check();
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal.locator('[data-rule="R-ND-2"]')).toContainText('须说明理由');
  await dialog.getByLabel('属于规范性文件，应当报备').check();
  await dialog.getByRole('button', { name: /确认提交/ }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: '发布前检查与公布' }).click();
  await expect(page.getByTestId('gate-result')).toContainText('暂缓公布');
  await page.getByRole('button', { name: /^公\s*布$/ }).click();
  dialog = await modal(page, '公布规范性文件');
  await dialog.getByLabel(label('发布渠道')).fill('白云湖街政务网站');
  await dialog.getByRole('button', { name: /确认公布/ }).click();
  const refused = dialog.getByRole('alert').filter({ has: page.locator('[data-rule]') });
  for (const rule of ['R-ND-4', 'R-ND-5', 'R-ND-6']) await expect(refused.locator(`[data-rule="${rule}"]`).first()).toBeVisible();
  await expect(refused).toContainText('未统一登记编号');
  await shot(page, 'filing-release-refused');
  expect(expectOk(await h.gql(NormativeDocumentDocument, { id: d.id }, { token: filing.token })).normativeDocument.state).toBe('DRAFTING');
});
