import type { Page } from '@playwright/test';
import { test, expect, loginAs, shot, apiAs } from './helpers';

/** A field's label exactly, with or without the required mark antd puts before it. */
const label = (text: string) => new RegExp(`^(\\*\\s*)?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

type Scope = Page | ReturnType<Page['getByRole']>;

/** A modal by its title, once its opening animation is over (a click during the zoom can miss its buttons). */
async function modal(page: Page, name: string | RegExp) {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  return dialog;
}

/** Types a date into an antd DatePicker found by its label; leaving the field commits it. */
async function pickDate(page: Page, name: string, date: string, scope: Scope = page) {
  const input = scope.getByLabel(label(name));
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect(input).toHaveValue(date);
}

/** Chooses an option of an antd Select found by its label (typing `search` first when given), retrying while it re-renders. */
async function choose(page: Page, name: string, option: string, scope: Scope = page, search?: string) {
  const input = scope.getByLabel(label(name));
  const select = scope.locator('.ant-select', { has: page.getByLabel(label(name)) });
  await expect(async () => {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
    if (search) await input.fill(search);
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2_000 });
    await expect(select).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // A multiple select stays open after a choice.
  if ((await input.getAttribute('aria-expanded')) === 'true') await input.press('Escape');
}

/** Collects every script error and React or Ant Design warning of the page; the journey ends with none. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

function ok<T = Record<string, any>>(r: { data?: Record<string, any>; errors?: unknown[] }): T {
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

test('the administrator lands on users and roles: every account with department and roles, filtered by role', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin');
  const all = await admin.gql('{ users(first: 100) { totalCount } advisors: users(first: 100, filter: { role: LEGAL_ADVISOR }) { totalCount nodes { username } } }');
  expect(all.errors).toBeUndefined();

  await loginAs(page, 'admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId('total-count')).toContainText(`共 ${all.data!.users.totalCount} 条`);
  await expect(page.getByRole('cell', { name: 'drafter', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '经济发展办公室' }).first()).toBeVisible();
  await shot(page, 'admin-users');

  await page.getByLabel('按角色筛选').click();
  await page.getByTitle('法律顾问').click();
  await expect(page.getByTestId('total-count')).toContainText(`共 ${all.data!.advisors.totalCount} 条`);
  await expect(page.getByRole('cell', { name: 'drafter', exact: true })).toHaveCount(0);
  for (const { username } of all.data!.advisors.nodes as { username: string }[]) {
    await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  }
});

test('the administrator creates a department and a user, gives roles; the user signs in and changes the password from the user menu; deactivating the department waits for its last account', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  await loginAs(page, 'admin');
  // A department.
  await page.getByRole('link', { name: '部门管理' }).click();
  await page.getByRole('button', { name: '新建部门' }).click();
  let dialog = await modal(page, '新建部门');
  await dialog.getByLabel(label('部门代码')).fill('sjgl');
  await dialog.getByLabel(label('部门名称')).fill('数据管理科');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  const deptRow = page.getByRole('row').filter({ hasText: '数据管理科' });
  await expect(deptRow).toContainText('SJGL');
  await expect(deptRow).toContainText('街道办事处内设科室');
  await expect(deptRow).toContainText('启用');
  await shot(page, 'admin-departments');

  // A user in it, a drafter.
  await page.getByRole('link', { name: '用户与角色' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  dialog = await modal(page, '新建用户');
  await dialog.getByLabel(label('登录名')).fill('zhao.sj');
  await dialog.getByLabel(label('姓名')).fill('赵数据');
  await choose(page, '所属部门', '数据管理科（SJGL）', dialog);
  await choose(page, '角色', '起草部门经办人', dialog);
  await dialog.getByLabel(label('初始密码')).fill('Init-Passw0rd-2026');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('user-roles')).toHaveText('起草部门经办人');

  // A second role.
  await page.getByRole('button', { name: '设置角色' }).click();
  dialog = await modal(page, '设置角色');
  await choose(page, '角色', '备案员', dialog);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('user-roles')).toHaveText(/起草部门经办人\s*备案员/);
  await expect(page.getByRole('row').filter({ hasText: '设置角色' })).toContainText('FILING_OFFICER');
  await shot(page, 'admin-user-detail');
  const userId = page.url().split('/').pop()!;

  // The department cannot be deactivated while the account is in use: the API's reason is shown.
  await page.getByRole('link', { name: '部门管理' }).click();
  await page.getByRole('button', { name: '停用数据管理科' }).click();
  dialog = await modal(page, /停用部门 数据管理科/);
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(dialog.getByRole('alert')).toContainText('该部门仍有 1 名在用账号');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  // The new user signs in, lands on the drafter's work list, and changes the password.
  await page.getByRole('button', { name: '退出登录' }).click();
  await loginAs(page, 'zhao.sj', 'Init-Passw0rd-2026');
  await expect(page).toHaveURL(/\/drafter\/proposals$/);
  await expect(page.getByTestId('current-user')).toContainText('赵数据');
  await expect(page.getByRole('link', { name: '备案风险提示' })).toBeVisible();
  await page.getByTestId('current-user').click();
  await page.getByRole('link', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel(label('当前密码')).fill('wrong-Passw0rd');
  await page.getByLabel(label('新密码')).fill('Own-Passw0rd-2026');
  await page.getByLabel(label('再次输入新密码')).fill('Own-Passw0rd-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('api-errors')).toContainText('当前密码不正确');
  await page.getByLabel(label('当前密码')).fill('Init-Passw0rd-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('status')).toContainText('密码已修改');
  await shot(page, 'admin-change-password');
  // The session goes on with the new cookie.
  await page.getByRole('link', { name: '本部门决策建议' }).click();
  await expect(page.getByTestId('total-count')).toContainText('共');
  await page.getByRole('button', { name: '退出登录' }).click();
  await loginAs(page, 'zhao.sj', 'Own-Passw0rd-2026');
  await page.getByRole('button', { name: '退出登录' }).click();

  // The administrator deactivates the account, then the department.
  await loginAs(page, 'admin');
  await page.goto(`/admin/users/${userId}`);
  await page.getByRole('button', { name: '停用账号' }).click();
  dialog = await modal(page, '停用账号');
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '停用账号' }).first()).toBeVisible();
  await page.getByRole('link', { name: '部门管理' }).click();
  await page.getByRole('button', { name: '停用数据管理科' }).click();
  dialog = await modal(page, /停用部门 数据管理科/);
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '数据管理科' })).toContainText('停用');

  const admin = await apiAs(request, 'admin');
  const u = ok(await admin.gql('query($id: ID!) { user(id: $id) { username active roles department { code active } } }', { id: userId })).user;
  expect(u).toEqual({ username: 'zhao.sj', active: false, roles: ['DRAFTER', 'FILING_OFFICER'], department: { code: 'SJGL', active: false } });
  expect(problems).toEqual([]);
});

test('the administrator keeps a deliberating body: a member from a later day, the roll of that day, a new head, a refused end of the head’s membership with its rule, then the histories', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  const admin = await apiAs(request, 'admin');
  const dept = ok(await admin.gql('{ departments(first: 100) { nodes { id code } } }')).departments.nodes.find((d: { code: string }) => d.code === 'DGW');
  ok(
    await admin.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: { username: 'qian.wy', displayName: '钱委员', departmentId: dept.id, roles: ['DECISION_MAKER'], password: 'Init-Passw0rd-2026' },
    }),
  );

  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '议事机构' }).click();
  await expect(page.getByRole('row').filter({ hasText: '白云湖街主任办公会议' })).toContainText('刘主任');
  await page.getByRole('link', { name: '白云湖街党工委会议' }).click();
  await expect(page.getByRole('table', { name: '组成人员' }).getByRole('row').filter({ hasText: '周书记' })).toContainText('主要负责人');

  // A member from 2027-06-01 (a day after every meeting), chosen by searching the accounts.
  await page.getByRole('button', { name: '增补成员' }).click();
  let dialog = await modal(page, '增补成员');
  await choose(page, '成员账号', '钱委员（qian.wy，白云湖街党工委）', dialog, '钱');
  await dialog.getByLabel(label('职务')).fill('党工委委员');
  await pickDate(page, '任期开始日', '2027-06-01', dialog);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  // Not on today's roll; on the roll of that day.
  const roll = page.getByRole('table', { name: '组成人员' });
  await expect(roll.getByRole('row').filter({ hasText: '钱委员' })).toHaveCount(0);
  await pickDate(page, '查看某日的组成人员', '2027-06-01');
  await expect(roll.getByRole('row').filter({ hasText: '钱委员' })).toContainText('成员');

  // The new member heads the body from that day; the secretary's period ends the day before.
  await page.getByRole('button', { name: '设定主要负责人' }).click();
  dialog = await modal(page, '设定主要负责人');
  await choose(page, '负责人', '钱委员（qian.wy，白云湖街党工委）', dialog, 'qian');
  await pickDate(page, '任职日期', '2027-06-01', dialog);
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(roll.getByRole('row').filter({ hasText: '钱委员' })).toContainText('主要负责人');
  await expect(roll.getByRole('row').filter({ hasText: '周书记' })).toContainText('成员');

  // Ending the head's membership is refused with its rule (R-DEC-11) on screen.
  await page.getByRole('button', { name: '结束钱委员的任期' }).click();
  dialog = await modal(page, /结束 钱委员 的任期/);
  await pickDate(page, '任期最后一日', '2027-06-30', dialog);
  await dialog.getByLabel(label('离任原因')).fill('工作调动');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog.getByTestId('api-errors').locator('li[data-rule="R-DEC-11"]')).toBeVisible();
  await expect(dialog.getByRole('link', { name: /^R-DEC-11/ })).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  const heads = page.getByRole('table', { name: '主要负责人任职记录' });
  await expect(heads.getByRole('row').filter({ hasText: '周书记' })).toContainText('2027-05-31');
  await expect(heads.getByRole('row').filter({ hasText: '钱委员' })).toContainText('现任');
  await expect(page.getByRole('table', { name: '成员任职记录' }).getByRole('row').filter({ hasText: '钱委员' })).toContainText('2027-06-01');
  await expect(page.getByRole('row').filter({ hasText: '设定主要负责人' }).filter({ hasText: 'qian.wy' })).toBeVisible();
  await shot(page, 'admin-body');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'admin-body-1920');

  const body = ok(
    await admin.gql(`{ standingBodies { nodes { kind head(on: "2027-06-01") { username } members(on: "2027-06-01") { user { username } } } } }`),
  ).standingBodies.nodes.find((b: { kind: string }) => b.kind === 'PARTY_WORKING_COMMITTEE');
  expect(body.head.username).toBe('qian.wy');
  expect(body.members.map((m: { user: { username: string } }) => m.user.username)).toContain('qian.wy');
  expect(problems).toEqual([]);
});

test('the administrator loads a holiday year imported from JSON, is refused a weekday make-up day, corrects it with a reason, and the calendar counts with it', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '节假日与工作日历' }).click();
  await expect(page.getByRole('row').filter({ hasText: '2026' }).first()).toContainText('内置数据');
  await page.getByLabel('年度').fill('2030');
  await page.getByRole('button', { name: '查看或载入' }).click();
  await expect(page).toHaveURL(/\/admin\/calendar\/2030$/);
  await expect(page.getByText('2030 年尚无节假日数据')).toBeVisible();

  await page.getByRole('button', { name: '载入安排' }).click();
  let dialog = await modal(page, '载入 2030 年节假日安排');
  const arrangement = {
    holidays: { '2030-01-01': '元旦', '2030-10-01': '国庆节', '2030-10-02': '国庆节', '2030-10-03': '国庆节', '2031-01-01': '元旦' },
    workdays: { '2030-09-29': '国庆节调休上班' },
  };
  await dialog.getByLabel('粘贴 JSON').fill(JSON.stringify(arrangement));
  await dialog.getByRole('button', { name: '导入到表单' }).click();
  // Only 2030's days are taken.
  await expect(dialog.getByLabel(label('放假日4 日期'))).toHaveValue('2030-10-03');
  await expect(dialog.getByLabel(label('放假日5 日期'))).toHaveCount(0);
  await expect(dialog.getByLabel(label('调休上班日1 名称'))).toHaveValue('国庆节调休上班');
  await shot(page, 'admin-calendar-load');
  await dialog.getByRole('button', { name: '载入并生效' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('calendar-outcome')).toContainText('已载入 2030 年安排（第 1 版）');
  await expect(page.getByRole('row').filter({ hasText: '2030-09-29' })).toContainText('调休上班');
  await expect(page.getByRole('row').filter({ hasText: '2030-09-29' })).toContainText('周日');

  // A correction: one more make-up day, on a Wednesday first (refused by the API), then on the Saturday.
  await page.getByRole('button', { name: '调整安排' }).click();
  dialog = await modal(page, '调整 2030 年节假日安排');
  await dialog.getByRole('button', { name: '添加调休上班日' }).click();
  await pickDate(page, '调休上班日2 日期', '2030-10-09', dialog);
  await dialog.getByLabel(label('调休上班日2 名称')).fill('国庆节调休上班');
  await dialog.getByLabel(label('调整理由')).fill('国办发明电〔2029〕7号更正');
  await dialog.getByRole('button', { name: '载入并生效' }).click();
  await expect(dialog.getByTestId('api-errors')).toContainText('调休上班日 2030-10-09 是星期三');
  await pickDate(page, '调休上班日2 日期', '2030-10-12', dialog);
  await dialog.getByRole('button', { name: '载入并生效' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('calendar-outcome')).toContainText('第 2 版');
  await expect(page.getByRole('row').filter({ hasText: '2030-10-12' })).toContainText('调休上班');
  await expect(page.getByText('国办发明电〔2029〕7号更正')).toBeVisible();
  await shot(page, 'admin-calendar-year');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'admin-calendar-year-1920');

  const admin = await apiAs(request, 'admin');
  const d = ok(await admin.gql('{ a: calendarDay(date: "2030-10-12") { workingDay kind } b: calendarDay(date: "2030-10-02") { workingDay kind } }'));
  expect(d).toEqual({ a: { workingDay: true, kind: 'MAKE_UP_WORKING_DAY' }, b: { workingDay: false, kind: 'PUBLIC_HOLIDAY' } });
  expect(problems).toEqual([]);
});

test('the administrator verifies the audit chain and sees it hold, with the events and checkpoints the API counted', async ({ page, request }) => {
  const problems = watchConsole(page);
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '审计链校验' }).click();
  await page.getByRole('button', { name: '开始校验' }).click();
  const report = page.getByTestId('audit-chain-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report).toContainText('审计链完整');
  await shot(page, 'admin-audit-chain');
  const admin = await apiAs(request, 'admin');
  const r = ok(await admin.gql('{ verifyAuditChain { ok checkedCount checkpointsChecked } }')).verifyAuditChain;
  expect(r.ok).toBe(true);
  // The page's count is at most the API's now (the API's own sign-in above added events).
  const shown = Number((await report.textContent())!.match(/共校验 (\d+) 条/)![1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(r.checkedCount);
  await expect(report).toContainText(r.checkpointsChecked > 0 ? `与 ${r.checkpointsChecked} 个检查点一致` : '尚无可比对的检查点');
  expect(problems).toEqual([]);
});
