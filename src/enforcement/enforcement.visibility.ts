import type { ObjectQuery } from '@mikro-orm/core';
import { seesAllDepartments, type Actor } from '../core/roles';
import type { EnforcementCase } from './enforcement.entity';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/**
 * Who sees an enforcement case — its package, evidence, officers, procedure record, proposed
 * decisions and decision: the users of its enforcement team (department) and the cross-department
 * roles. Applied by the `enforcementCase`/`enforcementCases` queries, by the reviews that lead to it,
 * by node(id) and by its text versions.
 */
export function canSeeEnforcementCase(user: Viewer, c: { department: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === c.department.id;
}

/** `canSeeEnforcementCase` as a filter, for lists. */
export function visibleEnforcementCases(user: Viewer): ObjectQuery<EnforcementCase> {
  return seesAllDepartments(user) ? {} : { department: user.department.id };
}
