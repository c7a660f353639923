import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TextVersion } from '../content/text-version.entity';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import { hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { User } from '../identity/user.entity';
import { LegalOpinion, OpinionAspect, OpinionConfirmation, OpinionFinding } from './opinion.entity';
import { hookEvent, ReviewBase, reviewSummary } from './review-base';
import type { ReviewRequest } from './review-request.entity';
import type { AspectCommand, ConfirmAmendmentCommand, IssueOpinionCommand, RespondToFindingCommand, SaveOpinionCommand } from './review.commands';
import { OpinionStatus } from './review.enums';
import { findingResponseViolations, issuedOpinionViolations, opinionIssueViolations, pinViolations } from './review.rules';
import { REVIEW_WORKFLOW } from './review.workflow';
import { transaction } from '../db/transaction';

/**
 * Legal opinions (R-LR-4, R-LR-5, R-DEC-9): drafts, signing, the sponsor's answers to findings and
 * the advisor's confirmation of an amended text. An opinion covers exactly the review's pinned text.
 */
export class OpinionService extends ReviewBase {
  async saveDraft(user: Actor, cmd: SaveOpinionCommand): Promise<LegalOpinion> {
    return transaction(this.em, async (em) => {
      // The review's lock queues every draft and issue of its opinions: one draft at a time, findings not replaced while issuing.
      const r = await this.lockVisible(user, cmd.reviewId, em);
      this.assertAssignedAdvisor(user, r);
      REVIEW_WORKFLOW.assertCan(r.status, 'ISSUE_OPINION');
      let o: LegalOpinion;
      if (cmd.opinionId) {
        o = await findOrThrow(em, LegalOpinion, { id: cmd.opinionId, review: r.id }, '法律意见');
        assertNoViolations(issuedOpinionViolations(o.status));
        if (cmd.opinionVersion !== undefined && cmd.opinionVersion !== null) assertVersion(o, cmd.opinionVersion, '法律意见');
        await em.nativeDelete(OpinionFinding, { opinion: o.id });
        await em.nativeDelete(OpinionAspect, { opinion: o.id });
      } else {
        const draftExists = await em.count(LegalOpinion, { review: r.id, status: OpinionStatus.DRAFT });
        if (draftExists) throw new BadInputError('该审查已有意见草稿，请在草稿上修改', 'opinionId');
        const number = (await em.count(LegalOpinion, { review: r.id })) + 1;
        o = em.create(LegalOpinion, { id: randomUUID(), review: r, number, status: OpinionStatus.DRAFT, author: user.id } as unknown as LegalOpinion);
      }
      o.conclusion = cmd.conclusion;
      o.text = cmd.text;
      this.coverPinnedText(em, o, r);
      cmd.findings.forEach((f, i) => em.create(OpinionFinding, { id: randomUUID(), opinion: o, seq: i + 1, ...f } as unknown as OpinionFinding));
      // Stored in the order the subject type declares its aspects (R-LR-4).
      const declared = this.deps.subjects.of(r.subjectType).aspects.map((a) => a.aspect);
      const place = (a: AspectCommand) => (declared.includes(a.aspect) ? declared.indexOf(a.aspect) : declared.length);
      const aspects = [...(cmd.aspects ?? [])].sort((a, b) => place(a) - place(b));
      aspects.forEach((a, i) => em.create(OpinionAspect, { id: randomUUID(), opinion: o, seq: i + 1, ...aspectRow(a) } as unknown as OpinionAspect));
      await em.flush();
      await this.audit(em, user, 'opinion.save_draft', r, undefined, {
        opinionId: o.id,
        number: o.number,
        conclusion: o.conclusion,
        findings: cmd.findings.length,
        aspects: aspects.map((a) => ({ aspect: a.aspect, conclusion: a.conclusion })),
      });
      return o;
    });
  }

  /** An opinion covers the review's pinned text, never the subject's text as it is now (R-LR-5, R-DEC-9). */
  private coverPinnedText(em: EntityManager, o: LegalOpinion, r: ReviewRequest): void {
    o.reviewedVersion = em.getReference(TextVersion, r.pinnedVersion.id, { wrapped: true });
    o.reviewedDraftHash = r.pinnedHash;
  }

  /**
   * Signs and issues: immutable from now on; a later issued opinion of the review supersedes it.
   * Refused while the subject's text differs from the pinned one.
   */
  async issue(user: Actor, cmd: IssueOpinionCommand): Promise<LegalOpinion> {
    return transaction(this.em, async (em) => {
      const found = await findOrThrow(em, LegalOpinion, cmd.opinionId, '法律意见');
      const seen = await this.getVisible(user, found.review.id, em);
      REVIEW_WORKFLOW.authorize(user, 'ISSUE_OPINION');
      // Locks in order: the subject (its text stays as checked), the review, the opinion — all read afresh.
      const adapter = this.deps.subjects.of(seen.subjectType);
      const subject = await adapter.load(em, seen.subjectId);
      const r = await this.lockVisible(user, seen.id, em);
      const o = await findForUpdate(em, LegalOpinion, cmd.opinionId, '法律意见');
      this.assertAssignedAdvisor(user, r);
      assertNoViolations(issuedOpinionViolations(o.status));
      assertVersion(o, cmd.version, '法律意见');
      REVIEW_WORKFLOW.assertCan(r.status, 'ISSUE_OPINION');
      const pinned = await findOrThrow(em, TextVersion, r.pinnedVersion.id, '送审文本');
      const findings = await em.find(OpinionFinding, { opinion: o.id }, { orderBy: { seq: 'asc' } });
      const aspects = await em.find(OpinionAspect, { opinion: o.id }, { orderBy: { seq: 'asc' } });
      assertNoViolations([
        ...pinViolations({ pinned, current: subject.current, noun: adapter.noun, rules: adapter.pinRules }),
        ...opinionIssueViolations({
          conclusion: o.conclusion,
          text: o.text,
          findings,
          aspects,
          allowedConclusions: adapter.conclusions,
          requiredAspects: adapter.aspects,
          noun: adapter.noun,
          rules: adapter.opinionRules,
        }),
      ]);
      const previous = await em.findOne(LegalOpinion, { review: r.id, status: OpinionStatus.ISSUED, superseded: false });
      const before = reviewSummary(r);
      if (previous) {
        previous.superseded = true;
        o.supersedes = em.getReference(LegalOpinion, previous.id, { wrapped: true });
        // Out of force first: the database keeps one opinion in force per review.
        await em.flush();
      }
      o.status = OpinionStatus.ISSUED;
      o.signedBy = em.getReference(User, user.id, { wrapped: true });
      o.issuedAt = this.now;
      this.coverPinnedText(em, o, r);
      r.status = REVIEW_WORKFLOW.next(r.status, 'ISSUE_OPINION');
      r.opinionIssuedOn ??= this.today;
      await adapter.onOpinionIssued?.(em, subject, { ...hookEvent(user, r), conclusion: o.conclusion });
      await em.flush();
      await this.deps.notices?.opinionIssued(em, r.id);
      await this.audit(em, user, 'opinion.issue', r, before, {
        opinionId: o.id,
        number: o.number,
        conclusion: o.conclusion,
        reviewedVersionNumber: pinned.number,
        reviewedDraftHash: o.reviewedDraftHash,
        supersedes: previous?.id ?? null,
        findings: findings.map((f) => ({ seq: f.seq, aspect: f.aspect, mustFix: f.mustFix, lawName: f.lawName, article: f.article })),
        aspects: aspects.map((a) => ({ aspect: a.aspect, conclusion: a.conclusion, checklist: a.checklist })),
      });
      return o;
    });
  }

  /** The subject's department answers a finding of the opinion in force (R-DEC-9). */
  async respondToFinding(user: Actor, cmd: RespondToFindingCommand): Promise<OpinionFinding> {
    return transaction(this.em, async (em) => {
      const f = await findOrThrow(em, OpinionFinding, cmd.findingId, '审查意见条目');
      const found = await findOrThrow(em, LegalOpinion, f.opinion.id, '法律意见');
      // The review's lock queues the answer behind a correcting opinion being signed; the opinion is read afresh under it.
      const r = await this.lockVisible(user, found.review.id, em);
      const o = await findOrThrow(em, LegalOpinion, found.id, '法律意见', { refresh: true });
      if (user.department.id !== r.department.id || !hasRole(user, Role.DRAFTER)) throw new ForbiddenError('只有提请部门的经办人可以答复审查意见');
      if (o.status !== OpinionStatus.ISSUED || o.superseded) throw new BadInputError('只能答复已签发且现行有效的法律意见', 'findingId');
      assertNoViolations(findingResponseViolations(cmd.response, cmd.reason));
      f.response = cmd.response;
      f.responseReason = cmd.reason?.trim() || null;
      f.respondedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'finding.respond', r, undefined, { opinionId: o.id, seq: f.seq, response: f.response, reason: f.responseReason });
      return f;
    });
  }

  /**
   * The advisor confirms the subject's amended text against the opinion in force (R-DEC-9): the
   * confirmation is recorded and the review is re-pinned to the amended text, so a correcting
   * opinion covers what the advisor has seen.
   */
  async confirmAmendment(user: Actor, cmd: ConfirmAmendmentCommand): Promise<OpinionConfirmation> {
    return transaction(this.em, async (em) => {
      const found = await findOrThrow(em, LegalOpinion, cmd.opinionId, '法律意见');
      const seen = await this.getVisible(user, found.review.id, em);
      REVIEW_WORKFLOW.authorize(user, 'CONFIRM_AMENDMENT');
      // Locks in order: the subject, the review (its confirmations queue), the opinion.
      const subject = await this.deps.subjects.of(seen.subjectType).load(em, seen.subjectId);
      const r = await this.lockVisible(user, seen.id, em);
      const o = await findForUpdate(em, LegalOpinion, cmd.opinionId, '法律意见');
      this.assertAssignedAdvisor(user, r);
      REVIEW_WORKFLOW.assertCan(r.status, 'CONFIRM_AMENDMENT');
      if (o.status !== OpinionStatus.ISSUED || o.superseded) throw new BadInputError('只能针对现行有效的法律意见确认修改稿', 'opinionId');
      const confirmed = await em.find(OpinionConfirmation, { opinion: o.id });
      const hash = subject.current.contentHash;
      if (hash === o.reviewedDraftHash || confirmed.some((c) => c.draftHash === hash)) {
        throw new BadInputError('当前文本已经法律顾问审查或确认，无需再次确认', 'opinionId');
      }
      const before = reviewSummary(r);
      const c = em.create(OpinionConfirmation, {
        id: randomUUID(),
        opinion: o,
        draftHash: hash,
        note: cmd.note,
        confirmedBy: user.id,
        confirmedAt: this.now,
      } as unknown as OpinionConfirmation);
      r.pinnedVersion = em.getReference(TextVersion, subject.current.id, { wrapped: true });
      r.pinnedHash = hash;
      await em.flush();
      await this.audit(em, user, 'opinion.confirm_amended_draft', r, before, { opinionId: o.id, draftHash: hash, pinnedVersionNumber: subject.current.number });
      return c;
    });
  }
}

/** An aspect as stored: the note and checklist answers trimmed, a blank basis kept as none. */
function aspectRow(a: AspectCommand): Pick<OpinionAspect, 'aspect' | 'conclusion' | 'note' | 'checklist'> {
  return {
    aspect: a.aspect,
    conclusion: a.conclusion,
    note: a.note?.trim() || null,
    checklist: (a.checklist ?? []).map((c) => ({ item: c.item, answer: c.answer, lawName: c.lawName?.trim() || null, article: c.article?.trim() || null })),
  };
}
