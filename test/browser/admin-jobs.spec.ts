import http from 'node:http';
import { freePort } from '../support/ports';
import { createHmac } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, loginAs, shot, apiAs } from './helpers';
import { BROWSER_WEBHOOK_SECRET } from './constants';

type Api = Awaited<ReturnType<typeof apiAs>>;

async function ok(api: Api, query: string, variables?: Record<string, unknown>) {
  const r = await api.gql(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as Record<string, any>;
}

/** A loopback port nothing listens on (taken from the system, then released). */
/** An office messaging bot's receiver on `port`: keeps what it is sent. */
async function startReceiver(port: number) {
  const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { hooks, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A JJFZ contract reviewed to an issued LAWFUL opinion: the event notifies its requester (the drafter). */
async function issuedContractOpinion(request: APIRequestContext, drafter: Api, title: string) {
  const advisor = await apiAs(request, 'advisor');
  const c = (
    await ok(drafter, `mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }`, {
      input: {
        title,
        counterparty: '广州某信息技术有限公司',
        amount: '52000.00',
        text: '信息系统运维合同\n第一条 服务期限一年。',
        counterpartyQualification: '统一社会信用代码 91440101MA59YYYY1Y；营业执照有效',
        legalBasis: '《中华人民共和国民法典》第四百六十九条',
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
  const r = (await ok(drafter, `mutation($input: RequestContractReviewInput!) { requestContractReview(input: $input) { review { id code version } } }`, { input: { contractId: c.id } }))
    .requestContractReview.review;
  await ok(advisor, `mutation($input: ReviewTransitionInput!) { acceptReview(input: $input) { review { id } } }`, { input: { reviewId: r.id, version: r.version } });
  const o = (
    await ok(advisor, `mutation($input: SaveOpinionInput!) { saveOpinionDraft(input: $input) { opinion { id version } } }`, {
      input: {
        reviewId: r.id,
        conclusion: 'LAWFUL',
        text: '经审查，合同合法。',
        findings: [],
        aspects: ['AUTHORITY', 'PROCEDURE', 'CONTENT'].map((aspect) => ({ aspect, conclusion: 'COMPLIANT' })),
      },
    })
  ).saveOpinionDraft.opinion;
  await ok(advisor, `mutation($input: IssueOpinionInput!) { issueOpinion(input: $input) { opinion { id } } }`, { input: { opinionId: o.id, version: o.version } });
  return { code: r.code as string };
}

const WEBHOOK_OFF = { emailEnabled: false, webhookEnabled: false, mode: 'IMMEDIATE' };
const setPreferences = (api: Api, input: Record<string, unknown>) =>
  ok(api, `mutation($input: NotificationPreferencesInput!) { setMyNotificationPreferences(input: $input) { preferences { webhookEnabled } } }`, { input });

/** The delivery row of the screen's table. */
const row = (page: Page, id: string) => page.locator(`tr[data-delivery="${id}"]`);

async function filterBy(page: Page, option: string) {
  await page.getByLabel('按状态筛选').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await expect(page.locator('.ant-select', { has: page.getByLabel('按状态筛选') })).toContainText(option);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Every script error and React or Ant Design warning of the page; the journey ends with none. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('the administrator sees the jobs with their schedules, finds a failed webhook delivery, delivers it again after a confirmation and sees it sent', async ({ page, request }) => {
  const problems = watchConsole(page);
  const admin = await apiAs(request, 'admin');
  const drafter = await apiAs(request, 'drafter');
  // The drafter's messaging bot is down: its webhook points at a loopback port nothing listens on.
  const port = await freePort();
  const target = `http://127.0.0.1:${port}/yunhu-bot`;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
  try {
    await setPreferences(drafter, { emailEnabled: false, webhookEnabled: true, webhookUrl: target, mode: 'IMMEDIATE' });
    const { code } = await issuedContractOpinion(request, drafter, '信息系统运维服务合同');
    // The delivery keeps its target: later journeys' notices to the drafter stay in the inbox.
    await setPreferences(drafter, WEBHOOK_OFF);

    // The sender tries it once (the suite's server: one attempt) and gives up.
    let delivery: { id: string; status: string; lastError: string | null; notification: { subjectLabel: string } } | undefined;
    await expect
      .poll(
        async () => {
          const d = await ok(admin, `{ notificationDeliveries(first: 20) { nodes { id status target lastError notification { subjectLabel } } } }`);
          delivery = (d.notificationDeliveries.nodes as (typeof delivery & { target: string })[]).find((n) => n!.target === target);
          return delivery?.status;
        },
        { timeout: 15_000 },
      )
      .toBe('FAILED');
    const d = delivery!;
    expect(d.notification.subjectLabel).toContain(code);
    // why, in words the administrator can act on (not the transport's bare "fetch failed")
    expect(d.lastError).toMatch(/^连接被拒绝（127\.0\.0\.1:\d+）：接收方没有在运行，或地址、端口有误（ECONNREFUSED）$/);

    await loginAs(page, 'admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '后台任务与投递' }).click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);

    // The jobs: Chinese names, schedules in business time, last and next run, failures.
    const scan = page.locator('tr[data-job="reminder-scan"]');
    await expect(scan).toContainText('每日期限提醒扫描');
    await expect(scan).toContainText('每天 07:30（北京时间）');
    await expect(scan).toContainText(/\d{4}-\d{2}-\d{2} 07:30/); // next run
    await expect(page.locator('tr[data-job="notification-deliver"]')).toContainText('每分钟');
    await expect(page.locator('tr[data-job="notification-digest"]')).toContainText('每天 08:00（北京时间）');
    await expect(page.getByTestId('refreshed-at')).toContainText('每 30 秒自动刷新');

    // The failed delivery: channel, recipient, the notice it carries, status, attempts, the error.
    await filterBy(page, '发送失败');
    const failed = row(page, d.id);
    await expect(failed).toContainText('Webhook');
    await expect(failed).toContainText('drafter');
    await expect(failed).toContainText(target);
    await expect(failed).toContainText(d.notification.subjectLabel);
    await expect(failed).toContainText('发送失败');
    await expect(failed).toContainText('已尝试 1 次');
    await expect(failed).toContainText(d.lastError!);
    await expect(failed).toContainText('不再自动重试');
    await expect(page.locator('tr[data-delivery]').filter({ hasNot: page.locator('[data-state="FAILED"]') })).toHaveCount(0);
    await shot(page, 'admin-jobs-failed');

    // The bot is back; the administrator delivers again, after confirming.
    receiver = await startReceiver(port);
    await failed.getByRole('button', { name: '重新投递' }).click();
    const confirm = page.locator('.ant-popover:visible');
    await expect(confirm).toContainText('重新投递这条通知？');
    await confirm.getByRole('button', { name: '重新投递' }).click();
    await expect(page.getByTestId('retried')).toContainText(`已重新投递：${target}，当前状态：待发送`);
    await expect(failed).toContainText('待发送');
    await expect(failed.getByRole('button', { name: '重新投递' })).toHaveCount(0);

    // The sender picks it up; the signed notice reaches the bot, and the screen shows it sent.
    await expect.poll(() => receiver!.hooks.length, { timeout: 15_000 }).toBe(1);
    const hook = receiver.hooks[0]!;
    expect(hook.headers['x-yunhu-signature']).toBe(`sha256=${createHmac('sha256', BROWSER_WEBHOOK_SECRET).update(hook.body).digest('hex')}`);
    expect(hook.headers['x-yunhu-delivery']).toBe(d.id);
    await filterBy(page, '已发送');
    await expect(row(page, d.id)).toContainText('已发送');
    await expect(row(page, d.id)).toContainText(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 发送/);
    await page.setViewportSize({ width: 1920, height: 1000 });
    await shot(page, 'admin-jobs-sent');
    expect(problems).toEqual([]);
  } finally {
    await setPreferences(drafter, WEBHOOK_OFF).catch(() => undefined);
    await receiver?.close();
  }
});

test('the jobs screen is for administrators only: no menu entry for others, and its address shows no access', async ({ page }) => {
  await loginAs(page, 'drafter');
  await expect(page.getByRole('link', { name: '后台任务与投递' })).toHaveCount(0);
  await page.goto('/admin/jobs');
  await expect(page.getByText('无权访问此页面')).toBeVisible();
  await expect(page.locator('tr[data-job]')).toHaveCount(0);
});
