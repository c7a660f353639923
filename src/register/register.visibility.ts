import { Role, seesAllDepartments, type Actor } from '../core/roles';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/** Who records entries of the registers (R-AR-2): a department's own staff, the legal advisor and administrators. */
export const REGISTER_RECORDERS: readonly Role[] = [Role.DRAFTER, Role.LEGAL_ADVISOR, Role.ADMIN];
/** Recorders who may record for any department (the resident advisor answers and mediates street-wide). */
export const REGISTER_CROSS_DEPARTMENT_RECORDERS: readonly Role[] = [Role.LEGAL_ADVISOR, Role.ADMIN];

/**
 * Who sees a register entry (consultation, mediation, administrative case, publicity event): the
 * users of its department and the cross-department roles. Applied by the register queries, the
 * lists, node(id) and the annual report's drill-down.
 */
export function canSeeRegisterEntry(user: Viewer, e: { department: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === e.department.id;
}

/** `canSeeRegisterEntry` as a filter, for the lists. */
export function visibleRegisterEntries(user: Viewer): { department?: string } {
  return seesAllDepartments(user) ? {} : { department: user.department.id };
}
