import type { AuthChecker } from 'type-graphql';
import { UnauthenticatedError } from '../core/errors';
import { assertAnyRole, type Role } from '../core/roles';
import type { User } from '../identity/user.entity';
import type { Context } from './context';

/**
 * type-graphql's auth checker: `@Authorized()` means any signed-in, active user;
 * `@Authorized(Role.X, Role.Y)` means a user holding at least one of those roles.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = requireUser(context);
  if (roles.length > 0) assertAnyRole(user, roles);
  return true;
};

export function requireUser(context: Pick<Context, 'user' | 'authProblem'>): User {
  if (!context.user) throw new UnauthenticatedError(context.authProblem ?? '请先登录');
  return context.user;
}

/** Root fields open to anonymous callers (login, health-like queries). Checked by a test. */
export const PUBLIC_FIELDS = new Set<string>();

/** Marks a root query or mutation as callable without signing in. */
export function Public(): MethodDecorator {
  return (target, propertyKey) => {
    PUBLIC_FIELDS.add(`${(target as { constructor: { name: string } }).constructor.name}.${String(propertyKey)}`);
  };
}
