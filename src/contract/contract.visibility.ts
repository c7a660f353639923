import { seesAllDepartments, type Actor } from '../core/roles';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/**
 * Who sees a contract — its texts and materials: the users of its department and the
 * cross-department roles. Applied by the `contract` query, by the reviews that lead to it, by
 * node(id) and by material downloads.
 */
export function canSeeContract(user: Viewer, c: { department: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === c.department.id;
}
