import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isValidLocalDate } from '../calendar/working-days';
import { TextVersion } from '../content/text-version.entity';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import { Role, type Actor } from '../core/roles';
import { nextNumber } from '../db/number-sequence.entity';
import { User } from '../identity/user.entity';
import { hookEvent, ReviewBase, reviewSummary } from './review-base';
import type { ReviewSubject, ReviewSubjectAdapter } from './review-subject.port';
import { ReviewRequest } from './review-request.entity';
import type {
  AssignReviewCommand,
  ExtendReviewCommand,
  FirstReviewCommand,
  RequestReviewCommand,
  ReturnReviewCommand,
  ReviewVersionCommand,
} from './review.commands';
import { ReviewStatus } from './review.enums';
import { extensionViolations, firstReviewViolations, requestedCompletionViolations } from './review.rules';
import { REVIEW_WORKFLOW } from './review.workflow';
import { transaction } from '../db/transaction';

/**
 * Requests and intake of the legality review, for every subject type (R-LR-2, R-LR-3, R-LR-6):
 * submission with the pinned text and package, first review, acceptance, return for supplement,
 * resubmission, assignment and the one extension.
 */
export class ReviewIntakeService extends ReviewBase {
  /**
   * Submits a subject for review, pinning its current text and package (R-LR-2). A request returned
   * for supplement is resubmitted rather than duplicated; a second open request is refused.
   */
  async request(user: Actor, cmd: RequestReviewCommand): Promise<ReviewRequest> {
    const requested = cmd.requestedCompletionOn ?? null;
    if (requested !== null && !isValidLocalDate(requested)) throw new BadInputError('要求完成日期无效', 'requestedCompletionOn');
    const adapter = this.deps.subjects.of(cmd.subjectType);
    return transaction(this.em, async (em) => {
      const subject = await adapter.load(em, cmd.subjectId);
      adapter.authorizeSubmission(user, subject);
      if (cmd.subjectVersion !== undefined && cmd.subjectVersion !== null && subject.version !== undefined) {
        assertVersion({ version: subject.version }, cmd.subjectVersion, adapter.noun);
      }
      const open = await em.findOne(
        ReviewRequest,
        { subjectType: cmd.subjectType, subjectId: subject.id, status: { $ne: ReviewStatus.OPINION_ISSUED } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (open?.status === ReviewStatus.RETURNED) return this.resubmitIn(em, user, open, adapter, subject);
      if (open) throw new BadInputError(`该${adapter.noun}已有进行中的合法性审查（${open.code}）`, 'subjectId');
      assertNoViolations([
        ...requestedCompletionViolations(this.today, requested, this.policyOf(adapter.type), this.deps.calendar),
        ...(await adapter.submissionBlockers(em, subject)),
      ]);
      const year = Number(this.today.slice(0, 4));
      const seq = await nextNumber(em, `review:${year}`);
      const r = em.create(ReviewRequest, {
        id: randomUUID(),
        code: `SC-${year}-${String(seq).padStart(3, '0')}`,
        subjectType: adapter.type,
        subjectId: subject.id,
        subjectTitle: subject.title,
        pinnedVersion: subject.current.id,
        pinnedHash: subject.current.contentHash,
        pinnedMaterials: await adapter.pinPackage(em, subject),
        department: subject.departmentId,
        status: this.deps.config.rules.review.twoTierReview ? ReviewStatus.FIRST_REVIEW : ReviewStatus.SUBMITTED,
        requestedBy: user.id,
        requestedAt: this.now,
        requestedCompletionOn: requested,
        dueSortKey: '9999-12-31',
      } as unknown as ReviewRequest);
      await em.flush();
      await adapter.onSubmitted?.(em, subject, hookEvent(user, r));
      await this.audit(em, user, 'request', r, undefined, { pinnedVersionNumber: subject.current.number });
      return r;
    });
  }

  /**
   * Resubmission after a return: the package must be complete again (R-LR-2) and the current text
   * and materials are pinned anew. The clock resumes where it stopped.
   */
  async resubmit(user: Actor, cmd: ReviewVersionCommand): Promise<ReviewRequest> {
    return transaction(this.em, async (em) => {
      const found = await this.getVisible(user, cmd.reviewId, em);
      const adapter = this.deps.subjects.of(found.subjectType);
      // The subject first (as a new request does), then the review, read afresh under its lock.
      const subject = await adapter.load(em, found.subjectId);
      const r = await this.lockVisible(user, cmd.reviewId, em);
      assertVersion(r, cmd.version, '审查');
      adapter.authorizeSubmission(user, subject);
      return this.resubmitIn(em, user, r, adapter, subject);
    });
  }

  private async resubmitIn(em: EntityManager, user: Actor, r: ReviewRequest, adapter: ReviewSubjectAdapter, subject: ReviewSubject): Promise<ReviewRequest> {
    REVIEW_WORKFLOW.authorize(user, 'RESUBMIT');
    REVIEW_WORKFLOW.assertCan(r.status, 'RESUBMIT');
    assertNoViolations(await adapter.submissionBlockers(em, subject));
    const before = reviewSummary(r);
    r.pinnedVersion = em.getReference(TextVersion, subject.current.id, { wrapped: true });
    r.pinnedHash = subject.current.contentHash;
    r.pinnedMaterials = await adapter.pinPackage(em, subject);
    if (r.acceptedOn && r.returnedOn) {
      r.pausedWorkingDays += Math.max(0, this.deps.calendar.countWorkingDays(r.returnedOn, this.today));
      r.status = ReviewStatus.ACCEPTED;
    } else {
      r.status = ReviewStatus.SUBMITTED;
    }
    r.returnedOn = null;
    this.recomputeDue(r);
    await em.flush();
    await adapter.onSubmitted?.(em, subject, hookEvent(user, r));
    await this.audit(em, user, 'resubmit', r, before, { pinnedVersionNumber: subject.current.number });
    return r;
  }

  /** R-LR-6: the department's legal staff records the first review. */
  async recordFirstReview(user: Actor, cmd: FirstReviewCommand): Promise<ReviewRequest> {
    return transaction(this.em, async (em) => {
      const r = await this.getVisible(user, cmd.reviewId, em);
      assertVersion(r, cmd.version, '审查');
      REVIEW_WORKFLOW.authorize(user, 'FIRST_REVIEW');
      const adapter = this.deps.subjects.of(r.subjectType);
      adapter.authorizeSubmission(user, await adapter.load(em, r.subjectId));
      assertNoViolations([...REVIEW_WORKFLOW.violations(r.status, 'FIRST_REVIEW'), ...firstReviewViolations(r.requestedBy.id, user.id)]);
      const before = reviewSummary(r);
      r.firstReviewNote = cmd.note;
      r.firstReviewedBy = em.getReference(User, user.id, { wrapped: true });
      r.status = REVIEW_WORKFLOW.next(r.status, 'FIRST_REVIEW');
      await em.flush();
      await this.audit(em, user, 'first_review', r, before);
      return r;
    });
  }

  /** Acceptance: the clock starts (R-LR-3); the accepting advisor is assigned unless someone is. */
  async accept(user: Actor, cmd: ReviewVersionCommand): Promise<ReviewRequest> {
    return transaction(this.em, async (em) => {
      const r = await this.getVisible(user, cmd.reviewId, em);
      assertVersion(r, cmd.version, '审查');
      REVIEW_WORKFLOW.authorize(user, 'ACCEPT');
      const before = reviewSummary(r);
      r.status = REVIEW_WORKFLOW.next(r.status, 'ACCEPT');
      r.acceptedOn = this.today;
      if (!r.assignedTo) r.assignedTo = em.getReference(User, user.id, { wrapped: true });
      this.recomputeDue(r);
      await em.flush();
      await this.audit(em, user, 'accept', r, before);
      return r;
    });
  }

  /** Returns for supplement, listing what is missing; the clock stops until resubmission (R-LR-2). */
  async returnForSupplement(user: Actor, cmd: ReturnReviewCommand): Promise<ReviewRequest> {
    return transaction(this.em, async (em) => {
      const r = await this.getVisible(user, cmd.reviewId, em);
      assertVersion(r, cmd.version, '审查');
      REVIEW_WORKFLOW.authorize(user, 'RETURN');
      const before = reviewSummary(r);
      r.status = REVIEW_WORKFLOW.next(r.status, 'RETURN');
      r.returnedOn = this.today;
      r.returnReason = cmd.missing.trim();
      const adapter = this.deps.subjects.of(r.subjectType);
      await adapter.onReturned?.(em, await adapter.load(em, r.subjectId), hookEvent(user, r));
      await em.flush();
      await this.audit(em, user, 'return', r, before, { missing: r.returnReason });
      return r;
    });
  }

  async assign(user: Actor, cmd: AssignReviewCommand): Promise<ReviewRequest> {
    REVIEW_WORKFLOW.authorize(user, 'ASSIGN');
    return transaction(this.em, async (em) => {
      const r = await this.getVisible(user, cmd.reviewId, em);
      REVIEW_WORKFLOW.assertCan(r.status, 'ASSIGN');
      const advisor = await em.findOne(User, { id: cmd.advisorId });
      if (!advisor || !advisor.active || !advisor.roles.includes(Role.LEGAL_ADVISOR)) {
        throw new BadInputError('只能分派给在用的法律顾问', 'advisorId');
      }
      const before = reviewSummary(r);
      r.assignedTo = em.getReference(User, advisor.id, { wrapped: true });
      await em.flush();
      await this.audit(em, user, before.assignedTo ? 'reassign' : 'assign', r, before, { assignedToUsername: advisor.username });
      return r;
    });
  }

  /** The one extension, with a reason (R-LR-3, or the subject type's own deadline rule). */
  async extend(user: Actor, cmd: ExtendReviewCommand): Promise<ReviewRequest> {
    return transaction(this.em, async (em) => {
      const r = await this.getVisible(user, cmd.reviewId, em);
      assertVersion(r, cmd.version, '审查');
      this.assertAssignedAdvisor(user, r);
      assertNoViolations(extensionViolations(r, cmd.workingDays, this.policyOf(r.subjectType)));
      const before = reviewSummary(r);
      r.extensionWorkingDays = cmd.workingDays;
      r.extensionReason = cmd.reason.trim();
      this.recomputeDue(r);
      await em.flush();
      await this.audit(em, user, 'extend', r, before, { reason: r.extensionReason });
      return r;
    });
  }
}
