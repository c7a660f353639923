import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions } from '../content/text-versions';
import { assertNoViolations, assertVersion, ForbiddenError } from '../core/errors';
import { hasRole, Role, type Actor } from '../core/roles';
import { sha256 } from '../core/text';
import { findForUpdate, findOrThrow } from '../db/find';
import { transaction } from '../db/transaction';
import { User } from '../identity/user.entity';
import { assertSponsorDrafter, proposalOwner } from '../proposal/proposal-base';
import type { DecisionProposal } from '../proposal/proposal.entity';
import type { ReviewQueryService } from '../review/review-query.service';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewSubjectType } from '../review/review.enums';
import { LegalOpinion } from '../review/opinion.entity';
import { DecisionAmendment } from './amendment.entity';
import { DeliberationBase, decisionSummary, type DeliberationDeps } from './deliberation-base';
import type { ConfirmAmendedTextCommand, DecisionVersionCommand, RecordAmendedTextCommand, ReturnAmendedTextCommand } from './deliberation.commands';
import { AgendaItem, Decision, Meeting } from './deliberation.entity';
import { advisorConfirmationViolations, amendedTextViolations, chairConfirmationViolations, legalConfirmationNeed } from './deliberation.rules';
import { DECISION_WORKFLOW } from './deliberation.workflow';

export interface AmendmentDeps extends DeliberationDeps {
  /** The legal opinion in force on the proposal and its findings (R-DEC-9). */
  reviews: Pick<ReviewQueryService, 'opinionInForce'>;
}

/** An amendment with its decision and proposal: what every amendment mutation hands back. */
export interface AmendmentResult {
  amendment: DecisionAmendment;
  decision: Decision;
  proposal: DecisionProposal;
}

/**
 * Approve with changes, up to the version to sign (R-DEC-12, R-DEC-9): after 原则通过/修改后通过 the
 * sponsor records the amended text (a new draft version) against the changes the head stated; the
 * legal advisor confirms it when it touches the opinion in force; the meeting's chair confirms it
 * matches what was decided, which makes it the version to sign — or either returns it for another
 * try. Sign-off (DecisionService.sign) then accepts exactly that version.
 */
export class AmendmentService extends DeliberationBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: AmendmentDeps,
  ) {
    super(em, deps);
  }

  /** The proposal (visible) and its decision, locked in that order, at the version the caller read. */
  private async load(em: EntityManager, user: Actor, cmd: DecisionVersionCommand, lockProposal: boolean) {
    const proposal = lockProposal ? await this.deps.proposals.lockVisible(user, cmd.proposalId, em) : await this.deps.proposals.getVisible(user, cmd.proposalId, em);
    const decision = await findForUpdate(em, Decision, { proposal: proposal.id }, '决定（该建议尚未经集体讨论通过）');
    assertVersion(decision, cmd.version, '决定');
    return { proposal, decision };
  }

  /** The amendment awaiting confirmation (the workflow has checked the decision is AMENDMENT_SUBMITTED). */
  private pending(em: EntityManager, d: Decision): Promise<DecisionAmendment> {
    return findOrThrow(em, DecisionAmendment, { decision: d.id, returnedAt: null, chairConfirmedAt: null }, '待确认的修改稿');
  }

  private async audit(em: EntityManager, user: Actor, action: string, p: DecisionProposal, d: Decision, before: object, a: DecisionAmendment, extra: object = {}) {
    await this.auditDecision(em, user, `amendment.${action}`, p, d, before, { amendmentSeq: a.seq, draftNumber: a.draftNumber, draftHash: a.draftHash, ...extra });
  }

  /** R-DEC-12: the sponsor's amended text, a new draft version, against the stated changes. */
  async record(user: Actor, cmd: RecordAmendedTextCommand): Promise<AmendmentResult> {
    DECISION_WORKFLOW.authorize(user, 'RECORD_AMENDED_TEXT');
    return transaction(this.em, async (em) => {
      const { proposal: p, decision: d } = await this.load(em, user, cmd, true);
      assertSponsorDrafter(user, p);
      const status = DECISION_WORKFLOW.next(d.status, 'RECORD_AMENDED_TEXT');
      const inForce = await this.deps.reviews.opinionInForce(em, ReviewSubjectType.DECISION, p.id);
      const findings = inForce ? inForce.findings.map((f) => ({ id: f.id, seq: f.seq, mustFix: f.mustFix })) : null;
      const declaredIds = [...new Set(cmd.concernedFindingIds ?? [])];
      assertNoViolations(amendedTextViolations({ deliberatedHash: d.approvedDraftHash, amendedHash: sha256(cmd.text), findings, declaredIds }));
      const need = legalConfirmationNeed(findings, declaredIds);
      const before = decisionSummary(d);
      p.currentDraftNumber += 1;
      p.updatedAt = this.now;
      const draft = textVersions.append(em, proposalOwner(p.id), p.currentDraftNumber, {
        text: cmd.text,
        changeNote: `按会议修改要求修改：${cmd.explanation}`.slice(0, 2000),
        authorId: user.id,
        at: this.now,
      });
      const seq = (await em.count(DecisionAmendment, { decision: d.id })) + 1;
      const amendment = em.create(DecisionAmendment, {
        id: randomUUID(),
        decision: d,
        seq,
        draftVersion: draft,
        draftNumber: draft.number,
        draftHash: draft.contentHash,
        explanation: cmd.explanation.trim(),
        opinion: inForce ? inForce.opinion.id : null,
        concernedFindingIds: declaredIds,
        legalConfirmationRequired: need.required,
        legalConfirmationBasis: need.basis,
        submittedBy: user.id,
        submittedAt: this.now,
      } as unknown as DecisionAmendment);
      d.status = status;
      await em.flush();
      await this.audit(em, user, 'record', p, d, before, amendment, { legalConfirmationRequired: need.required, legalConfirmationBasis: need.basis });
      return { amendment, decision: d, proposal: p };
    });
  }

  /** R-DEC-9: the legal advisor of the opinion in force confirms the amended text. */
  async confirmLegally(user: Actor, cmd: ConfirmAmendedTextCommand): Promise<AmendmentResult> {
    DECISION_WORKFLOW.authorize(user, 'CONFIRM_AMENDED_TEXT_LEGALLY');
    return transaction(this.em, async (em) => {
      const { proposal: p, decision: d } = await this.load(em, user, cmd, false);
      DECISION_WORKFLOW.assertCan(d.status, 'CONFIRM_AMENDED_TEXT_LEGALLY');
      const a = await this.pending(em, d);
      await this.assertAdvisor(em, user, a);
      assertNoViolations(advisorConfirmationViolations({ advisorConfirmed: !!a.advisorConfirmedAt }));
      const before = decisionSummary(d);
      a.advisorConfirmedBy = em.getReference(User, user.id, { wrapped: true });
      a.advisorConfirmedAt = this.now;
      a.advisorNote = cmd.note?.trim() || null;
      await em.flush();
      await this.audit(em, user, 'confirm_legally', p, d, before, a, { note: a.advisorNote });
      return { amendment: a, decision: d, proposal: p };
    });
  }

  /**
   * R-DEC-12: the meeting's chair confirms the amended text matches what was decided (after the
   * legal advisor, when asked): it becomes the version to sign.
   */
  async confirm(user: Actor, cmd: ConfirmAmendedTextCommand): Promise<AmendmentResult> {
    DECISION_WORKFLOW.authorize(user, 'CONFIRM_AMENDED_TEXT');
    return transaction(this.em, async (em) => {
      const { proposal: p, decision: d } = await this.load(em, user, cmd, false);
      await this.assertChair(em, user, d);
      const status = DECISION_WORKFLOW.next(d.status, 'CONFIRM_AMENDED_TEXT');
      const a = await this.pending(em, d);
      assertNoViolations(
        chairConfirmationViolations({ legalRequired: a.legalConfirmationRequired, legalBasis: a.legalConfirmationBasis ?? null, advisorConfirmed: !!a.advisorConfirmedAt }),
      );
      const before = decisionSummary(d);
      a.chairConfirmedBy = em.getReference(User, user.id, { wrapped: true });
      a.chairConfirmedAt = this.now;
      a.chairNote = cmd.note?.trim() || null;
      d.amendedDraftNumber = a.draftNumber;
      d.amendedDraftHash = a.draftHash;
      d.status = status;
      await em.flush();
      await this.audit(em, user, 'confirm', p, d, before, a, { note: a.chairNote });
      return { amendment: a, decision: d, proposal: p };
    });
  }

  /** R-DEC-12: the chair (it does not match the decision) or the legal advisor (R-DEC-9) returns the amended text. */
  async return(user: Actor, cmd: ReturnAmendedTextCommand): Promise<AmendmentResult> {
    DECISION_WORKFLOW.authorize(user, 'RETURN_AMENDED_TEXT');
    return transaction(this.em, async (em) => {
      const { proposal: p, decision: d } = await this.load(em, user, cmd, false);
      const status = DECISION_WORKFLOW.next(d.status, 'RETURN_AMENDED_TEXT');
      const a = await this.pending(em, d);
      if (hasRole(user, Role.LEGAL_ADVISOR)) await this.assertAdvisor(em, user, a);
      else await this.assertChair(em, user, d);
      const before = decisionSummary(d);
      a.returnedBy = em.getReference(User, user.id, { wrapped: true });
      a.returnedAt = this.now;
      a.returnReason = cmd.reason.trim();
      d.status = status;
      await em.flush();
      await this.audit(em, user, 'return', p, d, before, a, { reason: a.returnReason });
      return { amendment: a, decision: d, proposal: p };
    });
  }

  /** The advisor the review of the opinion in force is assigned to (any legal advisor while unassigned). */
  private async assertAdvisor(em: EntityManager, user: Actor, a: DecisionAmendment): Promise<void> {
    if (!a.opinion) return;
    const o = await findOrThrow(em, LegalOpinion, a.opinion.id, '法律意见');
    const r = await findOrThrow(em, ReviewRequest, o.review.id, '合法性审查');
    if (r.assignedTo && r.assignedTo.id !== user.id) throw new ForbiddenError('该决策建议的合法性审查由其他法律顾问承办，请由承办法律顾问办理');
  }

  /** Only the chair of the meeting that approved it confirms (or returns) the amended text. */
  private async assertChair(em: EntityManager, user: Actor, d: Decision): Promise<void> {
    const item = await findOrThrow(em, AgendaItem, d.agendaItem.id, '议题');
    const m = await findOrThrow(em, Meeting, item.meeting.id, '会议');
    if (m.chair.id !== user.id) throw new ForbiddenError('只有作出该决定的会议主持人可以确认或退回修改稿');
  }
}
