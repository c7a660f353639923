import { lazy } from 'react';
import { AuditOutlined, BankOutlined, BarChartOutlined, FileProtectOutlined, FileTextOutlined, SettingOutlined } from '@ant-design/icons';
import type { Role } from './gql/graphql';

/**
 * The console's role areas. Each is one lazily loaded chunk mounted at `/<path>/*`; its menu entries
 * are shown to users holding its role, and the first entry is the role's own work list. A user with
 * several roles sees every area they hold. To add a screen: add a route inside the area's
 * `index.tsx` and, when it deserves a menu entry, an item here (docs/console.md).
 */
export interface Area {
  role: Role;
  /** Other roles the API lets do this area's work (e.g. ADMIN manages the directory): they see it after their own areas. */
  alsoFor?: Role[];
  path: string;
  label: string;
  icon: React.ReactNode;
  menu: { path: string; label: string }[];
  Component: React.LazyExoticComponent<() => React.ReactNode>;
}

export const AREAS: Area[] = [
  {
    role: 'DRAFTER',
    path: 'drafter',
    label: '起草部门',
    icon: <FileTextOutlined />,
    menu: [{ path: 'proposals', label: '本部门决策建议' }, { path: 'contracts', label: '本部门合同' }],
    Component: lazy(() => import('./areas/drafter')),
  },
  {
    role: 'LEGAL_ADVISOR',
    path: 'advisor',
    label: '合法性审查',
    icon: <AuditOutlined />,
    menu: [{ path: 'queue', label: '审查队列' }],
    Component: lazy(() => import('./areas/advisor')),
  },
  {
    role: 'DECISION_MAKER',
    path: 'decision',
    label: '决策',
    icon: <BankOutlined />,
    // Every mutation of these screens is open to DECISION_MAKER and ADMIN (MANAGERS in src/core/roles.ts),
    // except the head's decision, sign-off and suspension, which the API keeps to decision makers.
    alsoFor: ['ADMIN'],
    menu: [
      { path: 'meetings', label: '集体讨论会议' },
      { path: 'decisions', label: '决定签发与执行' },
      { path: 'directory', label: '年度决策事项目录' },
      { path: 'inclusion', label: '待纳入目录的建议' },
    ],
    Component: lazy(() => import('./areas/decision')),
  },
  {
    role: 'FILING_OFFICER',
    path: 'filing',
    label: '规范性文件备案',
    icon: <FileProtectOutlined />,
    menu: [{ path: 'flags', label: '备案风险提示' }, { path: 'documents', label: '规范性文件登记簿' }, { path: 'cleanup', label: '有效期与清理' }],
    Component: lazy(() => import('./areas/filing')),
  },
  {
    // The year's statistics are read by the cross-department roles; the registers are kept by every
    // department's drafters for their own department and by the advisor and administrators for all.
    role: 'FILING_OFFICER',
    alsoFor: ['LEGAL_ADVISOR', 'DECISION_MAKER', 'ADMIN', 'DRAFTER'],
    path: 'report',
    label: '法治统计与台账',
    icon: <BarChartOutlined />,
    menu: [
      { path: 'statistics', label: '年度法治统计' },
      { path: 'consultations', label: '法律咨询' },
      { path: 'mediations', label: '矛盾纠纷调解' },
      { path: 'cases', label: '行政诉讼、复议' },
      { path: 'publicity', label: '普法活动' },
    ],
    Component: lazy(() => import('./areas/report')),
  },
  {
    role: 'ADMIN',
    path: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    menu: [
      { path: 'users', label: '用户与角色' },
      { path: 'departments', label: '部门管理' },
      { path: 'bodies', label: '议事机构' },
      { path: 'calendar', label: '节假日与工作日历' },
      { path: 'audit', label: '审计链校验' },
      { path: 'jobs', label: '后台任务与投递' },
    ],
    Component: lazy(() => import('./areas/admin')),
  },
];

/** The areas a user's roles open, in menu order: the areas of their own roles first, then those open to them too. */
export function areasFor(roles: readonly string[]): Area[] {
  const own = AREAS.filter((a) => roles.includes(a.role));
  return [...own, ...AREAS.filter((a) => !own.includes(a) && a.alsoFor?.some((r) => roles.includes(r)))];
}

/** Where a user lands after login: the work list of their first area. */
export function homePath(roles: readonly string[]): string {
  const a = areasFor(roles)[0];
  return a ? `/${a.path}/${a.menu[0]!.path}` : '/no-role';
}
