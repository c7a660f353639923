import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../core/errors';
import type { User } from '../identity/user.entity';
import type { Role } from '../identity/role';
import type { Context } from './context';

/**
 * type-graphql's auth checker: `@Authorized()` means any signed-in, active user;
 * `@Authorized(Role.X, Role.Y)` means a user holding at least one of those roles.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = requireUser(context);
  if (roles.length === 0 || roles.some((r) => user.roles.includes(r))) return true;
  throw new ForbiddenError(`此操作需要以下角色之一：${roles.map(roleLabel).join('、')}`);
};

export function requireUser(context: Pick<Context, 'user' | 'authProblem'>): User {
  if (!context.user) throw new UnauthenticatedError(context.authProblem ?? '请先登录');
  return context.user;
}

const ROLE_LABELS: Record<string, string> = {
  DRAFTER: '起草部门经办人',
  LEGAL_ADVISOR: '法律顾问',
  FILING_OFFICER: '备案员',
  DECISION_MAKER: '决策者',
  ADMIN: '系统管理员',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export function hasAnyRole(user: User, roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/** Root fields open to anonymous callers (login, health-like queries). Checked by a test. */
export const PUBLIC_FIELDS = new Set<string>();

/** Marks a root query or mutation as callable without signing in. */
export function Public(): MethodDecorator {
  return (target, propertyKey) => {
    PUBLIC_FIELDS.add(`${(target as { constructor: { name: string } }).constructor.name}.${String(propertyKey)}`);
  };
}
