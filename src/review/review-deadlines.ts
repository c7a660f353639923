import { LockMode } from '@mikro-orm/core';
import type { DeadlineDependent, RecomputedDeadline } from '../calendar/deadline-dependents';
import { NO_DUE_DATE } from './review-base';
import { ReviewRequest } from './review-request.entity';
import type { ReviewSubjectType } from './review.enums';
import { dueDate, type DeadlinePolicy } from './review.rules';

/**
 * The review engine's stored due dates (R-LR-3) under changed holiday data: every review accepted
 * no later than the last changed year whose due date falls in or after the first one gets the due
 * date the new calendar gives, by its subject type's clock (the `deadline` field computes it afresh anyway; the stored one orders
 * and filters the queue, and times the statistics).
 */
export function reviewDeadlines(policyOf: (type: ReviewSubjectType) => DeadlinePolicy): DeadlineDependent {
  return {
    async recompute(em, calendar, years) {
      if (years.length === 0) return [];
      const first = `${Math.min(...years)}-01-01`;
      const last = `${Math.max(...years)}-12-31`;
      const reviews = await em.find(
        ReviewRequest,
        { acceptedOn: { $ne: null, $lte: last }, dueOn: { $gte: first } },
        { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      const out: RecomputedDeadline[] = [];
      for (const r of reviews) {
        const due = dueDate(
          { acceptedOn: r.acceptedOn ?? null, requestedCompletionOn: r.requestedCompletionOn ?? null, pausedWorkingDays: r.pausedWorkingDays, extensionWorkingDays: r.extensionWorkingDays },
          policyOf(r.subjectType),
          calendar,
        );
        if (due === (r.dueOn ?? null)) continue;
        out.push({ subjectType: 'ReviewRequest', subjectId: r.id, action: 'review.due.recompute', label: `审查期限 ${r.code}`, dueBefore: r.dueOn ?? null, dueAfter: due });
        r.dueOn = due;
        r.dueSortKey = due ?? NO_DUE_DATE;
      }
      return out;
    },
  };
}
