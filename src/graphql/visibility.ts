import { ForbiddenError } from '../core/errors';
import type { Actor } from '../core/roles';
import { requireUser } from './auth';
import type { Context } from './context';

/**
 * Visibility at every edge. A field that leads to a guarded object (proposal, review, opinion,
 * contract, normative document, text version, material) applies the same rule as the object's own
 * query — the owning area's pure `canSee…` function (`*.visibility.ts`), never a copy:
 *
 * - a nullable field answers null, with no error, so nothing of the object leaks (not its title,
 *   not that it exists beyond the parent's own reference);
 * - a list leaves the object out;
 * - a non-null field is only used where the target is visible whenever the parent is (a decision's
 *   proposal, a review's pinned text): should that ever break, it refuses instead of leaking.
 */
type Rule<T> = (user: Pick<Actor, 'roles' | 'department'>, x: T) => boolean;

/** A nullable edge: the object when the signed-in user may see it, else null. */
export function seen<T>(ctx: Context, rule: Rule<T>, x: T | null | undefined): T | null {
  return x && rule(requireUser(ctx), x) ? x : null;
}

/** A list edge: the objects the signed-in user may see. */
export function onlySeen<T>(ctx: Context, rule: Rule<T>, xs: readonly T[]): T[] {
  const user = requireUser(ctx);
  return xs.filter((x) => rule(user, x));
}

/** A non-null edge whose target is visible whenever its parent is: FORBIDDEN should that ever break. */
export function mustSee<T>(ctx: Context, rule: Rule<T>, x: T, what: string): T {
  if (!rule(requireUser(ctx), x)) throw new ForbiddenError(`无权查看该${what}`);
  return x;
}
