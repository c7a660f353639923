import { LockMode } from '@mikro-orm/core';
import type { DeadlineDependent, RecomputedDeadline } from '../calendar/deadline-dependents';
import type { RulesConfig } from '../core/config';
import { Decision } from './deliberation.entity';

/**
 * Decisions' stored publication due dates (R-DEC-14: the configured working days after sign-off)
 * under changed holiday data: every decision signed no later than the last changed year whose due
 * date falls in or after the first one gets the due date the new calendar gives.
 */
export function publicationDeadlines(rules: RulesConfig): DeadlineDependent {
  return {
    async recompute(em, calendar, years) {
      if (years.length === 0) return [];
      const first = `${Math.min(...years)}-01-01`;
      const last = `${Math.max(...years)}-12-31`;
      const decisions = await em.find(
        Decision,
        { signedOn: { $ne: null, $lte: last }, publicationDueOn: { $gte: first } },
        { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      const out: RecomputedDeadline[] = [];
      for (const d of decisions) {
        const due = calendar.addWorkingDays(d.signedOn!, rules.decision.publicationDueWorkingDays);
        if (due === d.publicationDueOn) continue;
        out.push({
          subjectType: 'DecisionProposal',
          subjectId: d.proposal.id,
          action: 'decision.publication-due.recompute',
          label: `公开期限 ${d.documentNumber ?? ''}`.trim(),
          dueBefore: d.publicationDueOn ?? null,
          dueAfter: due,
        });
        d.publicationDueOn = due;
      }
      return out;
    },
  };
}
