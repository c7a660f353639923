import { registerEnumType } from 'type-graphql';
import { ForbiddenError } from './errors';

/**
 * The one roles module: what a user may be, the groups of roles the rules speak of, and the checks
 * every service uses. A user may hold several roles and always belongs to one department.
 */
export enum Role {
  /** 起草部门经办人: submits and carries proposals, contracts and documents for their own department. */
  DRAFTER = 'DRAFTER',
  /** 驻街法律顾问: legality review and legal opinions. */
  LEGAL_ADVISOR = 'LEGAL_ADVISOR',
  /** 备案员: normative-document assessment, registration numbers and filing. */
  FILING_OFFICER = 'FILING_OFFICER',
  /** 决策者: deliberates and signs off. */
  DECISION_MAKER = 'DECISION_MAKER',
  /** 系统管理员: departments, users, bodies and the directory. */
  ADMIN = 'ADMIN',
}
export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: 'Role (角色)',
  valuesConfig: {
    DRAFTER: { description: '起草部门经办人 (drafting department)' },
    LEGAL_ADVISOR: { description: '法律顾问 (legal advisor)' },
    FILING_OFFICER: { description: '备案员 (filing officer)' },
    DECISION_MAKER: { description: '决策者 (decision maker)' },
    ADMIN: { description: '系统管理员 (administrator)' },
  },
});

const ROLE_LABELS: Record<Role, string> = {
  DRAFTER: '起草部门经办人',
  LEGAL_ADVISOR: '法律顾问',
  FILING_OFFICER: '备案员',
  DECISION_MAKER: '决策者',
  ADMIN: '系统管理员',
};

export function roleLabel(role: Role | string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** Roles whose work spans every department: they read every department's records. */
export const CROSS_DEPARTMENT_ROLES: readonly Role[] = [Role.ADMIN, Role.DECISION_MAKER, Role.LEGAL_ADVISOR, Role.FILING_OFFICER];
/** Who runs meetings and manages decisions and the directory. */
export const MANAGERS: readonly Role[] = [Role.DECISION_MAKER, Role.ADMIN];

/** What the checks need to know of a user (the User entity satisfies it). */
export interface Actor {
  id: string;
  username: string;
  roles: Role[];
  department: { id: string };
}

export function hasRole(user: Pick<Actor, 'roles'>, role: Role): boolean {
  return user.roles.includes(role);
}

export function hasAnyRole(user: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/** Whether the user reads every department's records. */
export function seesAllDepartments(user: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(user, CROSS_DEPARTMENT_ROLES);
}

/** FORBIDDEN unless the user holds one of the roles; `action` names what was attempted. */
export function assertAnyRole(user: Pick<Actor, 'roles'>, roles: readonly Role[], action?: string): void {
  if (hasAnyRole(user, roles)) return;
  const needed = roles.map(roleLabel).join('、');
  throw new ForbiddenError(action ? `${action}需要以下角色之一：${needed}` : `此操作需要以下角色之一：${needed}`);
}

/**
 * Department scoping: a user acts for their own department only, unless they hold one of the
 * roles given that work across departments. `what` names the thing in the message (决策建议, 合同 …).
 */
export function assertActsForDepartment(user: Actor, departmentId: string, what: string, crossDepartmentRoles: readonly Role[] = []): void {
  if (hasAnyRole(user, crossDepartmentRoles)) return;
  if (user.department.id !== departmentId) throw new ForbiddenError(`您只能办理本部门的${what}`);
}
