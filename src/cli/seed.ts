import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DepartmentKind } from '../identity/department.enums';
import { Role } from '../core/roles';
import { createServices, type AppDeps } from '../services';
import { SYSTEM_ADMINISTRATOR } from '../identity/identity-base';
import { DeliberatingBody } from '../deliberation/deliberation.enums';
import { StandingBody } from '../deliberation/body.entity';

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
  // the other members of the two standing bodies (R-DEC-11)
  { username: 'secretary', displayName: '周书记（街道党工委书记）', department: 'DGW', roles: [Role.DECISION_MAKER] },
  { username: 'deputy', displayName: '王副主任（街道办事处副主任）', department: 'DGW', roles: [Role.DECISION_MAKER] },
  { username: 'deputy2', displayName: '孙副主任（街道办事处副主任）', department: 'DGW', roles: [Role.DECISION_MAKER] },
  { username: 'member', displayName: '吴委员（党工委委员、党政综合办主任）', department: 'DZB', roles: [Role.DECISION_MAKER] },
];

/** The day the demo bodies' members took office (the current term). */
export const DEMO_TERM_START = '2021-09-28';

/**
 * The street office's two standing deliberating bodies (R-DEC-11) and their members: the director's
 * office meeting chaired by the director, the Party working committee meeting by the Party secretary.
 */
export const DEMO_BODIES: { kind: DeliberatingBody; name: string; head: string; members: { username: string; title: string; deputy: boolean }[] }[] = [
  {
    kind: DeliberatingBody.DIRECTORS_OFFICE,
    name: '白云湖街主任办公会议',
    head: 'director',
    members: [
      { username: 'director', title: '街道办事处主任', deputy: false },
      { username: 'deputy', title: '街道办事处副主任', deputy: true },
      { username: 'deputy2', title: '街道办事处副主任', deputy: true },
      { username: 'member', title: '党政综合办公室主任', deputy: false },
    ],
  },
  {
    kind: DeliberatingBody.PARTY_WORKING_COMMITTEE,
    name: '白云湖街党工委会议',
    head: 'secretary',
    members: [
      { username: 'secretary', title: '街道党工委书记', deputy: false },
      { username: 'director', title: '街道党工委副书记、办事处主任', deputy: true },
      { username: 'deputy', title: '街道党工委委员、办事处副主任', deputy: false },
      { username: 'member', title: '街道党工委委员', deputy: false },
    ],
  },
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
  // The standing bodies: set up with their members and head when missing; an existing body is kept as it is.
  for (const b of DEMO_BODIES) {
    if (await em.count(StandingBody, { kind: b.kind })) continue;
    const body = await services.bodies.create(SYSTEM_ADMINISTRATOR, { kind: b.kind, name: b.name });
    for (const m of b.members) {
      const u = await em.findOneOrFail(User, { username: m.username });
      await services.bodies.addMember(SYSTEM_ADMINISTRATOR, { bodyId: body.id, userId: u.id, startedOn: DEMO_TERM_START, deputy: m.deputy, title: m.title });
    }
    const head = await em.findOneOrFail(User, { username: b.head });
    await services.bodies.setHead(SYSTEM_ADMINISTRATOR, { bodyId: body.id, userId: head.id, startedOn: DEMO_TERM_START });
  }
  return { credentials };
}
