import type { ObjectQuery } from '@mikro-orm/core';
import { hasRole, Role, seesAllDepartments, type Actor } from '../core/roles';
import { OpinionStatus } from './review.enums';
import type { ReviewRequest } from './review-request.entity';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/**
 * Who sees a legality review — its pinned text, materials and deadline: the users of the department
 * that requested it (the subject's sponsor department) and the cross-department roles. Applied by
 * the `review`/`reviews` queries, by every field that leads to a review, and by node(id).
 */
export function canSeeReview(user: Viewer, r: { department: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === r.department.id;
}

/** `canSeeReview` as a filter, for lists. */
export function visibleReviews(user: Viewer): ObjectQuery<ReviewRequest> {
  return seesAllDepartments(user) ? {} : { department: user.department.id };
}

/**
 * Who sees a legal opinion: whoever sees its review, once it is issued. Drafts are the advisors'
 * work in progress and only legal advisors see them.
 */
export function canSeeOpinion(user: Viewer, r: { department: { id: string } }, o: { status: OpinionStatus }): boolean {
  return canSeeReview(user, r) && (o.status === OpinionStatus.ISSUED || hasRole(user, Role.LEGAL_ADVISOR));
}
