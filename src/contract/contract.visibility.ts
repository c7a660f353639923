import type { ObjectQuery } from '@mikro-orm/core';
import { seesAllDepartments, type Actor } from '../core/roles';
import type { Contract } from './contract.entity';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/**
 * Who sees a contract — its texts and materials: the users of its department and the
 * cross-department roles. Applied by the `contract` query, by the reviews that lead to it, by
 * node(id) and by material downloads.
 */
export function canSeeContract(user: Viewer, c: { department: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === c.department.id;
}

/** `canSeeContract` as a filter, for the contract list. */
export function visibleContracts(user: Viewer): ObjectQuery<Contract> {
  return seesAllDepartments(user) ? {} : { department: user.department.id };
}
