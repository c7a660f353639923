import { sha256 } from '../core/text';
import { actorOf } from '../identity/identity.service';
import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { WorkingCalendar } from '../calendar/working-days';
import { addCalendarDays, isValidLocalDate } from '../calendar/working-days';
import { localDateOf, startOfLocalDay, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type PageRequest } from '../db/paginate';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError, NotFoundError, type Violation } from '../core/errors';
import { assertActsForDepartment } from '../identity/access';
import { Role } from '../identity/role';
import { User } from '../identity/user.entity';
import { Material } from '../proposal/material.entity';
import { DecisionProposal, DraftVersion } from '../proposal/proposal.entity';
import { findTransition, transitionViolations, type ProposalEvent } from '../proposal/proposal.state-machine';
import { Contract, ContractDraft, ContractMaterial } from './contract.entity';
import { NormativeDocument, NormativeVersion } from '../normative/normative.entity';
import { LegalOpinion, OpinionConfirmation, OpinionFinding } from './opinion.entity';
import { FindingResponse, OpinionConclusion, OpinionStatus, ReviewStatus, ReviewSubjectType } from './review.enums';
import { ReviewRequest, type PinnedMaterial } from './review-request.entity';
import {
  deadline,
  deliberationBlockers,
  dueDate,
  extensionViolations,
  opinionIssueViolations,
  requestedCompletionViolations,
  reviewTransition,
  reviewTransitionViolations,
  type Deadline,
  type FindingFacts,
  type ReviewEvent,
} from './review.rules';

/** Sorts reviews without a due date after all others. */
const NO_DUE_DATE = '9999-12-31';

/** Roles that see every review; others see their own department's. */
const REVIEW_READERS: readonly Role[] = [Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER, Role.FILING_OFFICER];

export interface ReviewDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
}



function reviewSummary(r: ReviewRequest) {
  return {
    code: r.code,
    status: r.status,
    assignedTo: r.assignedTo?.id ?? null,
    acceptedOn: r.acceptedOn ?? null,
    dueOn: r.dueOn ?? null,
    returnedOn: r.returnedOn ?? null,
    pausedWorkingDays: r.pausedWorkingDays,
    extensionWorkingDays: r.extensionWorkingDays,
    draftHash: r.draftHash ?? null,
  };
}

export interface FindingInput extends FindingFacts {}

export interface StatisticsRow {
  reviewId: string;
  code: string;
  subjectType: ReviewSubjectType;
  conclusion: OpinionConclusion;
  opinionIssuedOn: string;
  workingDays: number;
  onTime: boolean;
}

/** One review engine for decisions, normative documents and contracts (R-LR-1…6, R-DEC-8/9). */
export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ReviewDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  // ------------------------------------------------------------------ access

  canSee(user: User, r: ReviewRequest): boolean {
    return user.roles.some((x) => REVIEW_READERS.includes(x)) || user.department.id === r.department.id;
  }

  async getVisible(user: User, id: string, em: EntityManager = this.em): Promise<ReviewRequest> {
    const r = await em.findOne(ReviewRequest, { id });
    if (!r) throw new NotFoundError('合法性审查', id);
    if (!this.canSee(user, r)) throw new ForbiddenError('您只能查看本部门提请的审查');
    return r;
  }

  private assertMay(user: User, r: ReviewRequest, event: ReviewEvent): void {
    const t = reviewTransition(event);
    if (t.roles === 'SUBJECT_DEPARTMENT') {
      if (user.department.id !== r.department.id) throw new ForbiddenError(`只有提请部门可以${t.label}`);
    } else if (!t.roles.some((x) => user.roles.includes(x))) {
      throw new ForbiddenError(`此操作需要法律顾问角色（${t.label}）`);
    }
    assertNoViolations(reviewTransitionViolations(r.status, event));
  }

  private async audit(em: EntityManager, user: User, action: string, r: ReviewRequest, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, actorOf(user), {
      action: `review.${action}`,
      subjectType: 'ReviewRequest',
      subjectId: r.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...reviewSummary(r), ...extra },
    });
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
      this.deps.config.rules,
      this.deps.calendar,
    );
  }

  private recomputeDue(r: ReviewRequest): void {
    r.dueOn = dueDate(
      {
        acceptedOn: r.acceptedOn ?? null,
        requestedCompletionOn: r.requestedCompletionOn ?? null,
        pausedWorkingDays: r.pausedWorkingDays,
        extensionWorkingDays: r.extensionWorkingDays,
      },
      this.deps.config.rules,
      this.deps.calendar,
    );
    r.dueSortKey = r.dueOn ?? NO_DUE_DATE;
  }

  /** Moves a proposal with its review (the proposal's own state machine decides whether it may). */
  private moveProposal(p: DecisionProposal, event: ProposalEvent): void {
    assertNoViolations(transitionViolations(p.state, event));
    p.state = findTransition(event).to;
    p.updatedAt = this.now;
  }

  // ------------------------------------------------------------------ creating requests

  /**
   * Creates a request inside the caller's transaction, pinning the draft and the materials
   * (R-LR-2). With two-tier review configured (R-LR-6) it first waits for the department's first review.
   */
  async createRequest(
    em: EntityManager,
    user: User,
    subject: {
      type: ReviewSubjectType;
      title: string;
      departmentId: string;
      proposal?: DecisionProposal;
      contract?: Contract;
      normativeDocument?: NormativeDocument;
      draftVersion?: DraftVersion;
      contractDraft?: ContractDraft;
      normativeVersion?: NormativeVersion;
      draftHash: string;
      materials: PinnedMaterial[];
    },
    requestedCompletionOn: string | null,
  ): Promise<ReviewRequest> {
    if (requestedCompletionOn !== null && !isValidLocalDate(requestedCompletionOn)) {
      throw new BadInputError('要求完成日期无效', 'requestedCompletionOn');
    }
    assertNoViolations(requestedCompletionViolations(this.today, requestedCompletionOn, this.deps.config.rules, this.deps.calendar));
    const year = Number(this.today.slice(0, 4));
    const seq = await nextNumber(em, `review:${year}`);
    const r = em.create(ReviewRequest, {
      id: randomUUID(),
      code: `SC-${year}-${String(seq).padStart(3, '0')}`,
      subjectType: subject.type,
      subjectTitle: subject.title,
      proposal: subject.proposal ?? null,
      contract: subject.contract ?? null,
      normativeDocument: subject.normativeDocument ?? null,
      draftVersion: subject.draftVersion ?? null,
      contractDraft: subject.contractDraft ?? null,
      normativeVersion: subject.normativeVersion ?? null,
      draftHash: subject.draftHash,
      pinnedMaterials: subject.materials,
      department: subject.departmentId,
      status: this.deps.config.rules.review.twoTierReview ? ReviewStatus.FIRST_REVIEW : ReviewStatus.SUBMITTED,
      requestedBy: user.id,
      requestedAt: this.now,
      requestedCompletionOn,
      dueSortKey: NO_DUE_DATE,
    } as unknown as ReviewRequest);
    await em.flush();
    await this.audit(em, user, 'request', r);
    return r;
  }

  private async pinProposal(em: EntityManager, p: DecisionProposal) {
    const draft = await em.findOneOrFail(DraftVersion, { proposal: p.id, number: p.currentDraftNumber });
    const materials = await em.find(Material, { proposal: p.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return {
      draft,
      materials: materials.map((m) => ({ id: m.id, kind: m.kind, title: m.title, contentHash: m.contentHash })),
    };
  }

  /** Used by the proposal service when a complete package is sent (R-LR-2). */
  async requestForProposal(em: EntityManager, user: User, p: DecisionProposal, requestedCompletionOn: string | null): Promise<ReviewRequest> {
    const { draft, materials } = await this.pinProposal(em, p);
    return this.createRequest(
      em,
      user,
      {
        type: ReviewSubjectType.DECISION,
        title: p.title,
        departmentId: p.sponsorDepartment.id,
        proposal: p,
        draftVersion: draft,
        draftHash: draft.contentHash,
        materials,
      },
      requestedCompletionOn,
    );
  }

  async returnedReviewOf(em: EntityManager, proposalId: string): Promise<ReviewRequest | null> {
    return em.findOne(ReviewRequest, { proposal: proposalId, status: ReviewStatus.RETURNED });
  }

  // ------------------------------------------------------------------ contracts

  async createContract(user: User, input: { title: string; counterparty: string; amount: string; text: string }): Promise<Contract> {
    if (!user.roles.includes(Role.DRAFTER)) throw new ForbiddenError('只有起草部门经办人可以登记合同');
    const year = Number(this.today.slice(0, 4));
    return this.em.transactional(async (em) => {
      const seq = await nextNumber(em, `contract:${year}`);
      const c = em.create(Contract, {
        id: randomUUID(),
        code: `HT-${year}-${String(seq).padStart(3, '0')}`,
        title: input.title.trim(),
        counterparty: input.counterparty.trim(),
        amount: input.amount,
        department: user.department.id,
        createdBy: user.id,
        currentDraftNumber: 1,
        createdAt: this.now,
      } as unknown as Contract);
      em.create(ContractDraft, {
        id: randomUUID(),
        contract: c,
        number: 1,
        text: input.text,
        changeNote: '初稿',
        contentHash: sha256(input.text),
        author: user.id,
        createdAt: this.now,
      } as unknown as ContractDraft);
      await em.flush();
      await this.deps.audit.record(em, actorOf(user), {
        action: 'contract.create',
        subjectType: 'Contract',
        subjectId: c.id,
        after: { code: c.code, title: c.title, counterparty: c.counterparty, amount: c.amount },
      });
      return c;
    });
  }

  private async contractForDepartment(em: EntityManager, user: User, id: string): Promise<Contract> {
    const c = await em.findOne(Contract, { id });
    if (!c) throw new NotFoundError('合同', id);
    if (!user.roles.includes(Role.DRAFTER)) throw new ForbiddenError('此操作需要起草部门经办人角色');
    assertActsForDepartment(user, c.department.id, '合同');
    return c;
  }

  async addContractDraft(user: User, input: { contractId: string; text: string; changeNote: string }): Promise<ContractDraft> {
    return this.em.transactional(async (em) => {
      const c = await this.contractForDepartment(em, user, input.contractId);
      c.currentDraftNumber += 1;
      const d = em.create(ContractDraft, {
        id: randomUUID(),
        contract: c,
        number: c.currentDraftNumber,
        text: input.text,
        changeNote: input.changeNote,
        contentHash: sha256(input.text),
        author: user.id,
        createdAt: this.now,
      } as unknown as ContractDraft);
      await em.flush();
      await this.deps.audit.record(em, actorOf(user), {
        action: 'contract.draft.add',
        subjectType: 'Contract',
        subjectId: c.id,
        after: { number: d.number, contentHash: d.contentHash },
      });
      return d;
    });
  }

  async addContractMaterial(user: User, input: { contractId: string; title: string; text: string }): Promise<ContractMaterial> {
    return this.em.transactional(async (em) => {
      const c = await this.contractForDepartment(em, user, input.contractId);
      const m = em.create(ContractMaterial, {
        id: randomUUID(),
        contract: c,
        title: input.title.trim(),
        text: input.text,
        contentHash: sha256(input.text),
        createdAt: this.now,
      } as unknown as ContractMaterial);
      await em.flush();
      await this.deps.audit.record(em, actorOf(user), { action: 'contract.material.add', subjectType: 'Contract', subjectId: c.id, after: { title: m.title } });
      return m;
    });
  }

  private async pinContract(em: EntityManager, c: Contract) {
    const draft = await em.findOneOrFail(ContractDraft, { contract: c.id, number: c.currentDraftNumber });
    const materials = await em.find(ContractMaterial, { contract: c.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return { draft, materials: materials.map((m) => ({ id: m.id, kind: 'CONTRACT_MATERIAL', title: m.title, contentHash: m.contentHash })) };
  }

  async requestContractReview(user: User, input: { contractId: string; requestedCompletionOn?: string | null }): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const c = await this.contractForDepartment(em, user, input.contractId);
      const open = await em.count(ReviewRequest, { contract: c.id, status: { $ne: ReviewStatus.OPINION_ISSUED } });
      if (open > 0) throw new BadInputError('该合同已有进行中的合法性审查');
      const { draft, materials } = await this.pinContract(em, c);
      return this.createRequest(
        em,
        user,
        { type: ReviewSubjectType.CONTRACT, title: c.title, departmentId: c.department.id, contract: c, contractDraft: draft, draftHash: draft.contentHash, materials },
        input.requestedCompletionOn ?? null,
      );
    });
  }

  // ------------------------------------------------------------------ intake (R-LR-2, R-LR-6)

  async recordFirstReview(user: User, input: { reviewId: string; version: number; note: string }): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      assertVersion(r, input.version, '审查');
      this.assertMay(user, r, 'FIRST_REVIEW');
      if (r.requestedBy.id === user.id) {
        assertNoViolations([{ rule: 'R-LR-6', code: 'FIRST_REVIEW_BY_REQUESTER', message: '初审须由本部门法制人员进行，不能由提请人本人完成 (R-LR-6)' }]);
      }
      const before = reviewSummary(r);
      r.firstReviewNote = input.note;
      r.firstReviewedBy = em.getReference(User, user.id, { wrapped: true });
      r.status = ReviewStatus.SUBMITTED;
      await em.flush();
      await this.audit(em, user, 'first_review', r, before);
      return r;
    });
  }

  async accept(user: User, input: { reviewId: string; version: number }): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      assertVersion(r, input.version, '审查');
      this.assertMay(user, r, 'ACCEPT');
      const before = reviewSummary(r);
      r.status = ReviewStatus.ACCEPTED;
      r.acceptedOn = this.today;
      if (!r.assignedTo) r.assignedTo = em.getReference(User, user.id, { wrapped: true });
      this.recomputeDue(r);
      await em.flush();
      await this.audit(em, user, 'accept', r, before);
      return r;
    });
  }

  /** Returns for supplement, listing what is missing; the clock stops until resubmission (R-LR-2). */
  async returnForSupplement(user: User, input: { reviewId: string; version: number; missing: string }): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      assertVersion(r, input.version, '审查');
      this.assertMay(user, r, 'RETURN');
      const before = reviewSummary(r);
      r.status = ReviewStatus.RETURNED;
      r.returnedOn = this.today;
      r.returnReason = input.missing.trim();
      if (r.proposal) this.moveProposal(await em.findOneOrFail(DecisionProposal, { id: r.proposal.id }), 'REVIEW_RETURNED');
      await em.flush();
      await this.audit(em, user, 'return', r, before, { missing: r.returnReason });
      return r;
    });
  }

  /**
   * Resubmission after a return: re-pins the current draft and materials; a proposal's package must
   * be complete again (R-LR-2). The clock resumes where it stopped.
   */
  async resubmit(user: User, input: { reviewId: string; version: number }, readiness?: (em: EntityManager, p: DecisionProposal) => Promise<Violation[]>): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      assertVersion(r, input.version, '审查');
      this.assertMay(user, r, 'RESUBMIT');
      const before = reviewSummary(r);
      if (r.proposal) {
        const p = await em.findOneOrFail(DecisionProposal, { id: r.proposal.id });
        if (readiness) assertNoViolations(await readiness(em, p));
        const { draft, materials } = await this.pinProposal(em, p);
        r.draftVersion = em.getReference(DraftVersion, draft.id, { wrapped: true });
        r.draftHash = draft.contentHash;
        r.pinnedMaterials = materials;
        this.moveProposal(p, 'REQUEST_LEGALITY_REVIEW');
      } else if (r.contract) {
        const c = await em.findOneOrFail(Contract, { id: r.contract.id });
        const { draft, materials } = await this.pinContract(em, c);
        r.contractDraft = em.getReference(ContractDraft, draft.id, { wrapped: true });
        r.draftHash = draft.contentHash;
        r.pinnedMaterials = materials;
      } else if (r.normativeDocument) {
        const d = await em.findOneOrFail(NormativeDocument, { id: r.normativeDocument.id });
        const v = await em.findOneOrFail(NormativeVersion, { document: d.id, number: d.currentVersionNumber });
        r.normativeVersion = em.getReference(NormativeVersion, v.id, { wrapped: true });
        r.draftHash = v.contentHash;
      }
      if (r.acceptedOn && r.returnedOn) {
        r.pausedWorkingDays += Math.max(0, this.deps.calendar.countWorkingDays(r.returnedOn, this.today));
        r.status = ReviewStatus.ACCEPTED;
      } else {
        r.status = ReviewStatus.SUBMITTED;
      }
      r.returnedOn = null;
      this.recomputeDue(r);
      await em.flush();
      await this.audit(em, user, 'resubmit', r, before);
      return r;
    });
  }

  async assign(user: User, input: { reviewId: string; advisorId: string }): Promise<ReviewRequest> {
    if (!user.roles.includes(Role.LEGAL_ADVISOR)) throw new ForbiddenError('只有法律顾问可以分派审查');
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      if (r.status === ReviewStatus.OPINION_ISSUED) throw new BadInputError('已出具意见的审查不能再分派');
      const advisor = await em.findOne(User, { id: input.advisorId });
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

  async extend(user: User, input: { reviewId: string; version: number; workingDays: number; reason: string }): Promise<ReviewRequest> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      assertVersion(r, input.version, '审查');
      this.assertAssignedAdvisor(user, r);
      assertNoViolations(extensionViolations(r, input.workingDays, this.deps.config.rules));
      const before = reviewSummary(r);
      r.extensionWorkingDays = input.workingDays;
      r.extensionReason = input.reason.trim();
      this.recomputeDue(r);
      await em.flush();
      await this.audit(em, user, 'extend', r, before, { reason: r.extensionReason });
      return r;
    });
  }

  private assertAssignedAdvisor(user: User, r: ReviewRequest): void {
    if (!user.roles.includes(Role.LEGAL_ADVISOR)) throw new ForbiddenError('此操作需要法律顾问角色');
    if (r.assignedTo && r.assignedTo.id !== user.id) throw new ForbiddenError('该审查已分派给其他法律顾问');
  }

  // ------------------------------------------------------------------ opinions (R-LR-4, R-LR-5)

  async saveOpinionDraft(
    user: User,
    input: { reviewId: string; opinionId?: string; opinionVersion?: number; conclusion: OpinionConclusion; text: string; findings: FindingInput[] },
  ): Promise<LegalOpinion> {
    return this.em.transactional(async (em) => {
      const r = await this.getVisible(user, input.reviewId, em);
      this.assertAssignedAdvisor(user, r);
      assertNoViolations(reviewTransitionViolations(r.status, 'ISSUE_OPINION'));
      let o: LegalOpinion;
      if (input.opinionId) {
        const found = await em.findOne(LegalOpinion, { id: input.opinionId, review: r.id });
        if (!found) throw new NotFoundError('法律意见', input.opinionId);
        o = found;
        if (o.status === OpinionStatus.ISSUED) {
          assertNoViolations([{ rule: 'R-LR-5', code: 'OPINION_ISSUED', message: '法律意见已签发，不能修改；如需更正，请出具新的意见 (R-LR-5)' }]);
        }
        if (input.opinionVersion !== undefined) assertVersion(o, input.opinionVersion, '法律意见');
        await em.nativeDelete(OpinionFinding, { opinion: o.id });
      } else {
        const draftExists = await em.count(LegalOpinion, { review: r.id, status: OpinionStatus.DRAFT });
        if (draftExists) throw new BadInputError('该审查已有意见草稿，请在草稿上修改', 'opinionId');
        const number = (await em.count(LegalOpinion, { review: r.id })) + 1;
        o = em.create(LegalOpinion, {
          id: randomUUID(),
          review: r,
          number,
          status: OpinionStatus.DRAFT,
          author: user.id,
        } as unknown as LegalOpinion);
      }
      o.conclusion = input.conclusion;
      o.text = input.text;
      o.reviewedDraftHash = await this.currentDraftHash(em, r);
      input.findings.forEach((f, i) =>
        em.create(OpinionFinding, { id: randomUUID(), opinion: o, seq: i + 1, ...f } as unknown as OpinionFinding),
      );
      await em.flush();
      await this.audit(em, user, 'opinion.save_draft', r, undefined, { opinionId: o.id, number: o.number, conclusion: o.conclusion, findings: input.findings.length });
      return o;
    });
  }

  /** The subject's current draft hash: an opinion always covers the text as it is now (R-DEC-9). */
  private async currentDraftHash(em: EntityManager, r: ReviewRequest): Promise<string> {
    if (r.proposal) {
      const p = await em.findOneOrFail(DecisionProposal, { id: r.proposal.id });
      return (await em.findOneOrFail(DraftVersion, { proposal: p.id, number: p.currentDraftNumber })).contentHash;
    }
    if (r.contract) {
      const c = await em.findOneOrFail(Contract, { id: r.contract.id });
      return (await em.findOneOrFail(ContractDraft, { contract: c.id, number: c.currentDraftNumber })).contentHash;
    }
    if (r.normativeDocument) {
      const d = await em.findOneOrFail(NormativeDocument, { id: r.normativeDocument.id });
      return (await em.findOneOrFail(NormativeVersion, { document: d.id, number: d.currentVersionNumber })).contentHash;
    }
    return r.draftHash ?? '';
  }

  /** Signs and issues: immutable from now on; a later issued opinion of the review supersedes it. */
  async issueOpinion(user: User, input: { opinionId: string; version: number }): Promise<LegalOpinion> {
    return this.em.transactional(async (em) => {
      const o = await em.findOne(LegalOpinion, { id: input.opinionId });
      if (!o) throw new NotFoundError('法律意见', input.opinionId);
      const r = await this.getVisible(user, o.review.id, em);
      if (!user.roles.includes(Role.LEGAL_ADVISOR)) throw new ForbiddenError('只有法律顾问可以签发法律意见');
      this.assertAssignedAdvisor(user, r);
      if (o.status === OpinionStatus.ISSUED) {
        assertNoViolations([{ rule: 'R-LR-5', code: 'OPINION_ISSUED', message: '法律意见已签发，不能再次签发或修改 (R-LR-5)' }]);
      }
      assertVersion(o, input.version, '法律意见');
      this.assertMay(user, r, 'ISSUE_OPINION');
      const findings = await em.find(OpinionFinding, { opinion: o.id }, { orderBy: { seq: 'asc' } });
      assertNoViolations(opinionIssueViolations({ subjectType: r.subjectType, conclusion: o.conclusion, text: o.text, findings }));
      const previous = await em.findOne(LegalOpinion, { review: r.id, status: OpinionStatus.ISSUED, superseded: false });
      const before = reviewSummary(r);
      if (previous) {
        previous.superseded = true;
        o.supersedes = em.getReference(LegalOpinion, previous.id, { wrapped: true });
      }
      o.status = OpinionStatus.ISSUED;
      o.signedBy = em.getReference(User, user.id, { wrapped: true });
      o.issuedAt = this.now;
      o.reviewedDraftHash = await this.currentDraftHash(em, r);
      r.status = ReviewStatus.OPINION_ISSUED;
      r.opinionIssuedOn ??= this.today;
      if (r.proposal) {
        const p = await em.findOneOrFail(DecisionProposal, { id: r.proposal.id });
        this.moveProposal(p, o.conclusion === OpinionConclusion.UNLAWFUL ? 'OPINION_UNLAWFUL' : 'OPINION_NOT_UNLAWFUL');
      }
      await em.flush();
      await this.audit(em, user, 'opinion.issue', r, before, {
        opinionId: o.id,
        number: o.number,
        conclusion: o.conclusion,
        reviewedDraftHash: o.reviewedDraftHash,
        supersedes: previous?.id ?? null,
        findings: findings.map((f) => ({ seq: f.seq, aspect: f.aspect, mustFix: f.mustFix, lawName: f.lawName, article: f.article })),
      });
      return o;
    });
  }

  /** The subject's department answers a finding of the opinion in force (R-DEC-9). */
  async respondToFinding(user: User, input: { findingId: string; response: FindingResponse; reason?: string }): Promise<OpinionFinding> {
    return this.em.transactional(async (em) => {
      const f = await em.findOne(OpinionFinding, { id: input.findingId });
      if (!f) throw new NotFoundError('审查意见条目', input.findingId);
      const o = await em.findOneOrFail(LegalOpinion, { id: f.opinion.id });
      const r = await this.getVisible(user, o.review.id, em);
      if (user.department.id !== r.department.id || !user.roles.includes(Role.DRAFTER)) throw new ForbiddenError('只有提请部门的经办人可以答复审查意见');
      if (o.status !== OpinionStatus.ISSUED || o.superseded) throw new BadInputError('只能答复已签发且现行有效的法律意见', 'findingId');
      if (input.response === FindingResponse.NOT_ADOPTED && !input.reason?.trim()) {
        assertNoViolations([{ rule: 'R-DEC-9', code: 'FINDING_REASON_MISSING', message: '不采纳审查意见须说明理由 (R-DEC-9)' }]);
      }
      f.response = input.response;
      f.responseReason = input.reason?.trim() || null;
      f.respondedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'finding.respond', r, undefined, { opinionId: o.id, seq: f.seq, response: f.response, reason: f.responseReason });
      return f;
    });
  }

  /** The advisor confirms the subject's current (amended) draft against the opinion in force (R-DEC-9). */
  async confirmAmendedDraft(user: User, input: { opinionId: string; note: string }): Promise<OpinionConfirmation> {
    return this.em.transactional(async (em) => {
      const o = await em.findOne(LegalOpinion, { id: input.opinionId });
      if (!o) throw new NotFoundError('法律意见', input.opinionId);
      const r = await this.getVisible(user, o.review.id, em);
      this.assertAssignedAdvisor(user, r);
      if (o.status !== OpinionStatus.ISSUED || o.superseded) throw new BadInputError('只能针对现行有效的法律意见确认修改稿', 'opinionId');
      const hash = await this.currentDraftHash(em, r);
      if (hash === o.reviewedDraftHash) throw new BadInputError('草案自意见出具后未修改，无需确认', 'opinionId');
      const c = em.create(OpinionConfirmation, {
        id: randomUUID(),
        opinion: o,
        draftHash: hash,
        note: input.note,
        confirmedBy: user.id,
        confirmedAt: this.now,
      } as unknown as OpinionConfirmation);
      await em.flush();
      await this.audit(em, user, 'opinion.confirm_amended_draft', r, undefined, { opinionId: o.id, draftHash: hash });
      return c;
    });
  }

  // ------------------------------------------------------------------ deliberation readiness

  /** R-DEC-8 / R-DEC-9 blockers of a proposal, from its opinion in force and its current draft. */
  async deliberationBlockersIn(em: EntityManager, p: DecisionProposal): Promise<Violation[]> {
    const reviews = await em.find(ReviewRequest, { proposal: p.id }, { orderBy: { requestedAt: 'desc' } });
    const reviewIds = reviews.map((r) => r.id);
    const opinion = reviewIds.length
      ? await em.findOne(LegalOpinion, { review: { $in: reviewIds }, status: OpinionStatus.ISSUED, superseded: false }, { orderBy: { issuedAt: 'desc' } })
      : null;
    const findings = opinion ? await em.find(OpinionFinding, { opinion: opinion.id }, { orderBy: { seq: 'asc' } }) : [];
    const confirmations = opinion ? await em.find(OpinionConfirmation, { opinion: opinion.id }) : [];
    const draft = p.currentDraftNumber ? await em.findOne(DraftVersion, { proposal: p.id, number: p.currentDraftNumber }) : null;
    return deliberationBlockers({
      opinion: opinion
        ? {
            conclusion: opinion.conclusion,
            reviewedDraftHash: opinion.reviewedDraftHash,
            confirmedHashes: confirmations.map((c) => c.draftHash),
            findings: findings.map((f) => ({ seq: f.seq, mustFix: f.mustFix, response: f.response ?? null, responseReason: f.responseReason ?? null })),
          }
        : null,
      currentDraftHash: draft?.contentHash ?? null,
      reviewPending: reviews.some((r) => r.status !== ReviewStatus.OPINION_ISSUED),
    });
  }

  // ------------------------------------------------------------------ queue and statistics

  queue(
    user: User,
    req: PageRequest,
    filter: { assignedToMe?: boolean; unassigned?: boolean; status?: ReviewStatus; overdue?: boolean; dueWithinWorkingDays?: number; subjectType?: ReviewSubjectType },
  ) {
    const where: FilterQuery<ReviewRequest> = {};
    if (!user.roles.some((x) => REVIEW_READERS.includes(x))) where.department = user.department.id;
    if (filter.assignedToMe) where.assignedTo = user.id;
    if (filter.unassigned) where.assignedTo = null;
    if (filter.status) where.status = filter.status;
    if (filter.subjectType) where.subjectType = filter.subjectType;
    if (filter.overdue) {
      where.status = ReviewStatus.ACCEPTED;
      where.dueOn = { $lt: this.today };
    } else if (filter.dueWithinWorkingDays !== undefined) {
      where.status = ReviewStatus.ACCEPTED;
      where.dueOn = { $lte: this.deps.calendar.addWorkingDays(this.today, filter.dueWithinWorkingDays) };
    }
    // By due date; reviews without one (not yet accepted) come last.
    return paginate(this.em, ReviewRequest, where, req, this.deps.config.graphql, { field: 'dueSortKey', kind: 'string' });
  }

  async counts(user: User): Promise<{ status: ReviewStatus; count: number }[]> {
    const own = !user.roles.some((x) => REVIEW_READERS.includes(x));
    const rows = await this.em.execute<{ status: ReviewStatus; count: string }[]>(
      `select status, count(*) as count from review_request ${own ? 'where department_id = ?' : ''} group by status`,
      own ? [user.department.id] : [],
    );
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.count)]));
    return Object.values(ReviewStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  }

  /**
   * Statistics of opinions issued in [from, to] (calendar dates, business time zone): counts by
   * conclusion, contracts reviewed, working days from acceptance to the first opinion (without
   * paused days) and the on-time rate — with the rows behind every number.
   */
  async statistics(from: string, to: string) {
    if (!isValidLocalDate(from) || !isValidLocalDate(to) || to < from) throw new BadInputError('统计区间无效', 'from');
    const tz = this.deps.config.timeZone;
    const opinions = await this.em.find(
      LegalOpinion,
      { status: OpinionStatus.ISSUED, issuedAt: { $gte: startOfLocalDay(from, tz), $lt: startOfLocalDay(addCalendarDays(to, 1), tz) } },
      { orderBy: { issuedAt: 'asc', id: 'asc' } },
    );
    const reviewIds = [...new Set(opinions.map((o) => o.review.id))];
    const reviews = reviewIds.length ? await this.em.find(ReviewRequest, { id: { $in: reviewIds } }) : [];
    const byId = new Map(reviews.map((r) => [r.id, r]));
    const byConclusion = new Map<OpinionConclusion, string[]>();
    for (const o of opinions) byConclusion.set(o.conclusion, [...(byConclusion.get(o.conclusion) ?? []), o.id]);
    // Timeliness counts each review once: its first opinion, if issued in the range.
    const rows: StatisticsRow[] = [];
    for (const o of opinions) {
      const r = byId.get(o.review.id)!;
      if (o.number !== 1 || !r.acceptedOn || !r.opinionIssuedOn) continue;
      const workingDays = this.deps.calendar.countWorkingDays(r.acceptedOn, r.opinionIssuedOn) - r.pausedWorkingDays;
      rows.push({
        reviewId: r.id,
        code: r.code,
        subjectType: r.subjectType,
        conclusion: o.conclusion,
        opinionIssuedOn: r.opinionIssuedOn,
        workingDays,
        onTime: !r.dueOn || r.opinionIssuedOn <= r.dueOn,
      });
    }
    const contractReviewIds = [...new Set(opinions.map((o) => byId.get(o.review.id)!).filter((r) => r.subjectType === ReviewSubjectType.CONTRACT).map((r) => r.id))];
    const total = rows.reduce((s, r) => s + r.workingDays, 0);
    return {
      from,
      to,
      opinionsIssued: opinions.length,
      byConclusion: Object.values(OpinionConclusion).map((conclusion) => ({
        conclusion,
        count: byConclusion.get(conclusion)?.length ?? 0,
        opinionIds: byConclusion.get(conclusion) ?? [],
      })),
      contractsReviewed: contractReviewIds.length,
      contractReviewIds,
      averageWorkingDays: rows.length ? Math.round((total / rows.length) * 10) / 10 : null,
      maxWorkingDays: rows.length ? Math.max(...rows.map((r) => r.workingDays)) : null,
      onTimeRate: rows.length ? rows.filter((r) => r.onTime).length / rows.length : null,
      rows,
    };
  }
}
