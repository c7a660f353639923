import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DepartmentKind } from '../identity/department.enums';
import { Role } from '../core/roles';
import { createServices, type AppDeps } from '../services';
import { SYSTEM_ADMINISTRATOR } from '../identity/identity-base';

/**
 * A realistic demo street office (白云湖街), after the seed report: its Party working committee,
 * offices, law-enforcement teams, the resident legal advisor and two of its 15 communities.
 */
export const DEMO_DEPARTMENTS: { code: string; name: string; kind: DepartmentKind }[] = [
  { code: 'DGW', name: '白云湖街党工委', kind: DepartmentKind.PARTY_COMMITTEE },
  { code: 'DZB', name: '党政综合办公室', kind: DepartmentKind.GOVERNMENT_OFFICE },
  { code: 'YFZJ', name: '依法治街办', kind: DepartmentKind.GOVERNMENT_OFFICE },
  { code: 'JJFZ', name: '经济发展办公室', kind: DepartmentKind.GOVERNMENT_OFFICE },
  { code: 'ZWFW', name: '政务服务中心', kind: DepartmentKind.GOVERNMENT_OFFICE },
  { code: 'ZZXF', name: '综治信访维稳中心', kind: DepartmentKind.GOVERNMENT_OFFICE },
  { code: 'SFS', name: '司法所', kind: DepartmentKind.LEGAL_SERVICE },
  { code: 'FLGW', name: '驻街法律顾问室', kind: DepartmentKind.LEGAL_SERVICE },
  { code: 'CGZF', name: '城管执法队', kind: DepartmentKind.LAW_ENFORCEMENT },
  { code: 'AJZD', name: '安监中队', kind: DepartmentKind.LAW_ENFORCEMENT },
  { code: 'LJZD', name: '劳监中队', kind: DepartmentKind.LAW_ENFORCEMENT },
  { code: 'SQ-XM', name: '夏茅社区居委会', kind: DepartmentKind.COMMUNITY },
  { code: 'SQ-DL', name: '大朗社区居委会', kind: DepartmentKind.COMMUNITY },
];

/** One demo user per role, plus a second drafter in another department (to show department scoping). */
export const DEMO_USERS: { username: string; displayName: string; department: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员（党政综合办）', department: 'DZB', roles: [Role.ADMIN] },
  { username: 'drafter', displayName: '陈经办（经济发展办）', department: 'JJFZ', roles: [Role.DRAFTER] },
  { username: 'drafter2', displayName: '李经办（城管执法队）', department: 'CGZF', roles: [Role.DRAFTER] },
  { username: 'advisor', displayName: '王律师（驻街法律顾问）', department: 'FLGW', roles: [Role.LEGAL_ADVISOR] },
  { username: 'filing', displayName: '赵备案（依法治街办）', department: 'YFZJ', roles: [Role.FILING_OFFICER] },
  { username: 'director', displayName: '刘主任（街道办事处主任）', department: 'DGW', roles: [Role.DECISION_MAKER] },
];

export interface DemoCredential {
  username: string;
  password: string;
  roles: string[];
  department: string;
}

function randomPassword(): string {
  // letters and digits guaranteed, 16 characters
  return `Yh${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7`;
}

/**
 * Loads the demo street office. With `onlyIfEmpty` nothing happens when any user exists. Existing
 * demo departments and users are kept; demo users get a fresh password (printed) on every run.
 * Passwords are random unless one is given (tests, DEMO_PASSWORD).
 */
export async function loadDemoData(
  orm: MikroORM,
  deps: AppDeps,
  opts: { onlyIfEmpty?: boolean; password?: string } = {},
): Promise<{ credentials: DemoCredential[] } | null> {
  const em = orm.em.fork();
  if (opts.onlyIfEmpty && (await em.count(User, {})) > 0) return null;
  const services = createServices(em, deps);
  const byCode = new Map<string, Department>();
  for (const d of DEMO_DEPARTMENTS) {
    const existing = await em.findOne(Department, { code: d.code });
    byCode.set(d.code, existing ?? (await services.departments.create(SYSTEM_ADMINISTRATOR, d)));
  }
  const credentials: DemoCredential[] = [];
  for (const u of DEMO_USERS) {
    const password = opts.password ?? process.env.DEMO_PASSWORD ?? randomPassword();
    const existing = await em.findOne(User, { username: u.username });
    if (existing) {
      await services.users.resetPassword(SYSTEM_ADMINISTRATOR, { id: existing.id, newPassword: password });
    } else {
      await services.users.create(SYSTEM_ADMINISTRATOR, {
        username: u.username,
        displayName: u.displayName,
        departmentId: byCode.get(u.department)!.id,
        roles: u.roles,
        password,
      });
    }
    credentials.push({ username: u.username, password, roles: u.roles, department: byCode.get(u.department)!.name });
  }
  return { credentials };
}
