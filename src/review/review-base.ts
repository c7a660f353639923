import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { WorkingCalendar } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { ForbiddenError } from '../core/errors';
import { hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import type { ReviewEvent, ReviewSubjects } from './review-subject.port';
import { ReviewRequest } from './review-request.entity';
import type { ReviewSubjectType } from './review.enums';
import { deadline, dueDate, reviewDeadlinePolicy, type Deadline, type DeadlinePolicy } from './review.rules';
import { canSeeReview } from './review.visibility';
import type { ReviewNoticePort } from './review-notices.port';

export interface ReviewDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  subjects: ReviewSubjects;
  /** Notices of the engine's events (an opinion issued, findings to answer); none in tools that notify nobody. */
  notices?: ReviewNoticePort;
}

/** Sorts reviews without a due date after all others. */
export const NO_DUE_DATE = '9999-12-31';

export function reviewSummary(r: ReviewRequest) {
  return {
    code: r.code,
    status: r.status,
    assignedTo: r.assignedTo?.id ?? null,
    acceptedOn: r.acceptedOn ?? null,
    dueOn: r.dueOn ?? null,
    returnedOn: r.returnedOn ?? null,
    pausedWorkingDays: r.pausedWorkingDays,
    extensionWorkingDays: r.extensionWorkingDays,
    pinnedVersionId: r.pinnedVersion.id,
    pinnedHash: r.pinnedHash,
  };
}

/** What a subject's hook learns of the review step. */
export function hookEvent(actor: Actor, r: ReviewRequest): ReviewEvent {
  return { actor, review: { id: r.id, code: r.code, pinnedHash: r.pinnedHash } };
}

/** What the review services share: the clock, visibility, deadlines and the audit record. */
export abstract class ReviewBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: ReviewDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /** A review the user may see (`canSeeReview`): FORBIDDEN for drafters of other departments. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<ReviewRequest> {
    const r = await findOrThrow(em, ReviewRequest, id, '合法性审查');
    if (!canSeeReview(user, r)) throw new ForbiddenError('您只能查看本部门提请的审查');
    return r;
  }

  /**
   * The review row locked until commit and read afresh, for the user who may see it. Lock order:
   * the subject (its adapter's `load`) first, then the review, then its opinions.
   */
  protected async lockVisible(user: Actor, id: string, em: EntityManager): Promise<ReviewRequest> {
    const r = await findForUpdate(em, ReviewRequest, id, '合法性审查');
    if (!canSeeReview(user, r)) throw new ForbiddenError('您只能查看本部门提请的审查');
    return r;
  }

  /** The advisor in charge: a legal advisor, and the assigned one once assigned. */
  protected assertAssignedAdvisor(user: Actor, r: ReviewRequest): void {
    if (!hasRole(user, Role.LEGAL_ADVISOR)) throw new ForbiddenError('此操作需要法律顾问角色');
    if (r.assignedTo && r.assignedTo.id !== user.id) throw new ForbiddenError('该审查已分派给其他法律顾问');
  }

  protected async audit(em: EntityManager, user: Actor, action: string, r: ReviewRequest, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, user, {
      action: `review.${action}`,
      subjectType: 'ReviewRequest',
      subjectId: r.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...reviewSummary(r), ...extra },
    });
  }

  /** The clock of a subject type: its adapter's own numbers, or the global ones (R-LR-3). */
  protected policyOf(subjectType: ReviewSubjectType): DeadlinePolicy {
    return this.deps.subjects.of(subjectType).deadlinePolicy ?? reviewDeadlinePolicy(this.deps.config.rules);
  }

  deadlineOf(r: ReviewRequest): Deadline {
    return deadline(
      {
        acceptedOn: r.acceptedOn ?? null,
        requestedCompletionOn: r.requestedCompletionOn ?? null,
        pausedWorkingDays: r.pausedWorkingDays,
        extensionWorkingDays: r.extensionWorkingDays,
        returnedOn: r.returnedOn ?? null,
        status: r.status,
        opinionIssuedOn: r.opinionIssuedOn ?? null,
      },
      this.today,
      this.policyOf(r.subjectType),
      this.deps.calendar,
    );
  }

  protected recomputeDue(r: ReviewRequest): void {
    r.dueOn = dueDate(
      {
        acceptedOn: r.acceptedOn ?? null,
        requestedCompletionOn: r.requestedCompletionOn ?? null,
        pausedWorkingDays: r.pausedWorkingDays,
        extensionWorkingDays: r.extensionWorkingDays,
      },
      this.policyOf(r.subjectType),
      this.deps.calendar,
    );
    r.dueSortKey = r.dueOn ?? NO_DUE_DATE;
  }
}
