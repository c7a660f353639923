import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { Materials } from '../content/materials';
import { textVersions, versionRef } from '../content/text-versions';
import type { Clock } from '../core/clock';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import { LEGALITY_ASPECTS, type ReviewEvent, type ReviewSubject, type ReviewSubjectAdapter } from '../review/review-subject.port';
import { OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { assertSponsorDrafter, proposalOwner, proposalSummary } from './proposal-base';
import { DecisionProposal } from './proposal.entity';
import { ProposalStep } from './proposal.enums';
import { PROPOSAL_WORKFLOW, type ProposalEvent } from './proposal.workflow';
import type { ReadinessService } from './readiness.service';

type ProposalSubject = ReviewSubject & { proposal: DecisionProposal };

/**
 * Decision proposals as a review subject (R-DEC-8, R-DEC-9, R-LR-2): the current draft and the
 * materials are pinned; the proposal's own workflow moves with the review.
 */
export class ProposalReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.DECISION;
  readonly noun = '决策草案';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL, OpinionConclusion.EXPLORATORY_RISK_DISCLOSED];
  readonly aspects = LEGALITY_ASPECTS;
  readonly pinRules = ['R-LR-5', 'R-DEC-9'] as const;

  constructor(
    private readonly deps: { materials: Materials; readiness: ReadinessService; audit: AuditService; clock: Clock },
  ) {}

  async load(em: EntityManager, id: string): Promise<ProposalSubject> {
    const p = await findForUpdate(em, DecisionProposal, id, '决策建议');
    const current = p.currentDraftNumber ? await textVersions.get(em, proposalOwner(p.id), p.currentDraftNumber, '决策草案') : null;
    return {
      id: p.id,
      title: p.title,
      departmentId: p.sponsorDepartment.id,
      // Without a draft there is nothing to pin: the R-LR-2 blocker DRAFT_MISSING says so.
      current: current ? versionRef(current) : { id: '', number: 0, contentHash: '' },
      version: p.version,
      proposal: p,
    };
  }

  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    PROPOSAL_WORKFLOW.authorize(actor, 'REQUEST_LEGALITY_REVIEW');
    assertSponsorDrafter(actor, (subject as ProposalSubject).proposal);
  }

  submissionBlockers(em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    return this.deps.readiness.blockersIn(em, (subject as ProposalSubject).proposal, ProposalStep.REQUEST_LEGALITY_REVIEW);
  }

  pinPackage(em: EntityManager, subject: ReviewSubject) {
    return this.deps.materials.pin(em, proposalOwner(subject.id));
  }

  async onSubmitted(em: EntityManager, subject: ReviewSubject, e: ReviewEvent): Promise<void> {
    await this.move(em, subject as ProposalSubject, 'REQUEST_LEGALITY_REVIEW', 'request_legality_review', e);
  }

  async onReturned(em: EntityManager, subject: ReviewSubject, e: ReviewEvent): Promise<void> {
    await this.move(em, subject as ProposalSubject, 'REVIEW_RETURNED', 'review_returned', e);
  }

  async onOpinionIssued(em: EntityManager, subject: ReviewSubject, e: ReviewEvent & { conclusion: OpinionConclusion }): Promise<void> {
    await this.move(em, subject as ProposalSubject, e.conclusion === OpinionConclusion.UNLAWFUL ? 'OPINION_UNLAWFUL' : 'OPINION_NOT_UNLAWFUL', 'opinion_issued', e);
  }

  /** The proposal follows its review, through its own workflow table, and the move is audited on the proposal. */
  private async move(em: EntityManager, subject: ProposalSubject, event: ProposalEvent, action: string, e: ReviewEvent): Promise<void> {
    const p = subject.proposal;
    const before = proposalSummary(p);
    p.state = PROPOSAL_WORKFLOW.next(p.state, event);
    p.updatedAt = this.deps.clock.now();
    await em.flush();
    await this.deps.audit.record(em, e.actor, {
      action: `proposal.${action}`,
      subjectType: 'DecisionProposal',
      subjectId: p.id,
      before,
      after: { ...proposalSummary(p), reviewRequestId: e.review.id, reviewCode: e.review.code, draftHash: e.review.pinnedHash },
    });
  }
}
