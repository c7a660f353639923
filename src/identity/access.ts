import { ForbiddenError } from '../core/errors';
import type { Role } from './role';
import type { User } from './user.entity';

/**
 * Department scoping: a user acts for their own department only, unless they hold one of the
 * roles given that work across departments. `what` names the thing in the message (决策建议, 合同 …).
 */
export function assertActsForDepartment(user: User, departmentId: string, what: string, crossDepartmentRoles: readonly Role[] = []): void {
  if (crossDepartmentRoles.some((r) => user.roles.includes(r))) return;
  if (user.department.id !== departmentId) throw new ForbiddenError(`您只能办理本部门的${what}`);
}
