import { containsPattern, sha256 } from '../core/text';
import { actorOf } from '../identity/identity.service';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate, type WorkingCalendar } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type PageRequest } from '../db/paginate';
import { DecisionDirectory, DirectoryItem } from '../directory/directory.entity';
import { DirectoryItemStatus } from '../directory/directory.enums';
import { inclusionViolations } from '../directory/directory.rules';
import { DirectoryService } from '../directory/directory.service';
import { AdjustmentKind } from '../directory/directory.enums';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError, NotFoundError, type Violation } from '../core/errors';
import { assertActsForDepartment } from '../identity/access';
import { Role } from '../identity/role';
import type { User } from '../identity/user.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewService } from '../review/review.service';
import { Decision } from '../deliberation/deliberation.entity';
import { DecisionStatus } from '../deliberation/deliberation.enums';
import { lineDiff } from './line-diff';
import { Material } from './material.entity';
import {
  ConsultationOpinion,
  ExpertOpinion,
  FairCompetitionReview,
  Hearing,
  PublicConsultation,
  RiskAssessment,
} from './procedure.entity';
import { DecisionProposal, DraftVersion, ProposalAlternative, ProposalDisagreement } from './proposal.entity';
import { OpinionResponse, ProcedureKind, ProposalState, ProposalStep, RiskLevel } from './proposal.enums';
import type {
  AddDraftInput,
  AddMaterialInput,
  ConsultationInput,
  CreateProposalInput,
  ExpertOpinionInput,
  FairCompetitionInput,
  HearingInput,
  IncludeProposalInput,
  RiskAssessmentInput,
  UpdateProposalInput,
} from './proposal.inputs';
import { DRAFTING_STATES, EDITABLE_STATES, findTransition, stateViolations, transitionViolations, type ProposalEvent } from './proposal.state-machine';
import { deliberationPackageViolations, flagChangeViolations, legalityReviewBlockers, type ReadinessSnapshot } from './readiness.rules';

/** Roles that see every department's proposals; drafters see their own department's only. */
export const CROSS_DEPARTMENT_ROLES: readonly Role[] = [Role.ADMIN, Role.DECISION_MAKER, Role.LEGAL_ADVISOR, Role.FILING_OFFICER];

export interface ProposalDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
}


export function canSeeProposal(user: User, p: DecisionProposal): boolean {
  return user.roles.some((r) => CROSS_DEPARTMENT_ROLES.includes(r)) || user.department.id === p.sponsorDepartment.id;
}


function summary(p: DecisionProposal) {
  return {
    code: p.code,
    title: p.title,
    state: p.state,
    directoryItemId: p.directoryItem?.id ?? null,
    flags: {
      affectsPublicInterest: p.affectsPublicInterest,
      specialised: p.specialised,
      stabilityRisk: p.stabilityRisk,
      touchesMarketEntities: p.touchesMarketEntities,
      viewsDifferWidely: p.viewsDifferWidely,
    },
    addedProcedures: p.addedProcedures,
    currentDraftNumber: p.currentDraftNumber,
  };
}

function checkDate(value: string, field: string): void {
  if (!isValidLocalDate(value)) throw new BadInputError(`${field} 不是有效日期（YYYY-MM-DD）`, field);
}

/** Decision proposals from submission to a complete legality-review request (R-DIR-4, R-DEC-1…7, R-LR-2). */
export class ProposalService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProposalDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  private get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  // ------------------------------------------------------------------ access

  /** Loads a proposal the user may see; others' proposals are NOT_FOUND to drafters of other departments. */
  async getVisible(user: User, id: string, em: EntityManager = this.em): Promise<DecisionProposal> {
    const p = await em.findOne(DecisionProposal, { id });
    if (!p) throw new NotFoundError('决策建议', id);
    if (!canSeeProposal(user, p)) throw new ForbiddenError('您只能查看本部门的决策建议');
    return p;
  }

  /** The sponsor department's drafter, and no one else, drafts (department scoping). */
  private assertSponsorDrafter(user: User, p: DecisionProposal): void {
    if (!user.roles.includes(Role.DRAFTER)) throw new ForbiddenError('此操作需要起草部门经办人角色');
    assertActsForDepartment(user, p.sponsorDepartment.id, '决策建议');
  }

  private async loadForUpdate(em: EntityManager, user: User, id: string, version?: number): Promise<DecisionProposal> {
    const p = await this.getVisible(user, id, em);
    if (version !== undefined) assertVersion(p, version, '决策建议');
    return p;
  }

  /** For drafting work on an included proposal: sponsor drafter, drafting state. */
  private async loadForDrafting(em: EntityManager, user: User, id: string, action: string): Promise<DecisionProposal> {
    const p = await this.loadForUpdate(em, user, id);
    this.assertSponsorDrafter(user, p);
    assertNoViolations(stateViolations(p.state, DRAFTING_STATES, action));
    return p;
  }

  private assertEventAllowed(user: User, p: DecisionProposal, event: ProposalEvent): void {
    const t = findTransition(event);
    if (!t.roles.some((r) => user.roles.includes(r))) throw new ForbiddenError(`无权${t.label}`);
    if (t.sponsorOnly) this.assertSponsorDrafter(user, p);
    assertNoViolations(transitionViolations(p.state, event));
  }

  private async audit(em: EntityManager, user: User, action: string, p: DecisionProposal, extra: { before?: object; after?: object } = {}) {
    await this.deps.audit.record(em, actorOf(user), {
      action: `proposal.${action}`,
      subjectType: 'DecisionProposal',
      subjectId: p.id,
      before: (extra.before as Record<string, unknown>) ?? null,
      after: (extra.after as Record<string, unknown>) ?? null,
    });
  }

  /** Marks the proposal as changed whenever its package changes. */
  private touch(p: DecisionProposal): void {
    p.updatedAt = this.now;
  }

  // ------------------------------------------------------------------ lifecycle

  async create(user: User, input: CreateProposalInput): Promise<DecisionProposal> {
    if (!user.roles.includes(Role.DRAFTER)) throw new ForbiddenError('只有起草部门经办人可以提出决策建议');
    const year = input.year ?? Number(this.today.slice(0, 4));
    return this.em.transactional(async (em) => {
      let amends: DecisionProposal | null = null;
      if (input.amendsProposalId) {
        amends = await this.getVisible(user, input.amendsProposalId, em);
        const decision = await em.findOne(Decision, { proposal: amends.id });
        if (!decision || (decision.status !== DecisionStatus.PUBLISHED && decision.status !== DecisionStatus.SUSPENDED)) {
          assertNoViolations([{ rule: 'R-DEC-16', code: 'NOT_A_DECISION', message: '只能变更已公布（或已暂停执行）的决定 (R-DEC-16)' }]);
        }
      }
      const seq = await nextNumber(em, `proposal:${year}`);
      const p = em.create(DecisionProposal, {
        id: randomUUID(),
        code: `JC-${year}-${String(seq).padStart(3, '0')}`,
        year,
        title: input.title.trim(),
        source: input.source,
        sponsorDepartment: user.department.id,
        createdBy: user.id,
        problem: input.problem,
        legalBasis: input.legalBasis,
        preliminaryPlan: input.preliminaryPlan,
        necessity: input.necessity,
        feasibility: input.feasibility,
        ...input.flags,
        amends,
        addedProcedures: [],
        state: ProposalState.AWAITING_INCLUSION,
        currentDraftNumber: 0,
        createdAt: this.now,
        updatedAt: this.now,
      } as unknown as DecisionProposal);
      await em.flush();
      await this.audit(em, user, 'create', p, { after: { ...summary(p), amends: amends?.code ?? null } });
      return p;
    });
  }

  async update(user: User, input: UpdateProposalInput): Promise<DecisionProposal> {
    return this.em.transactional(async (em) => {
      const p = await this.loadForUpdate(em, user, input.proposalId, input.version);
      this.assertSponsorDrafter(user, p);
      assertNoViolations(stateViolations(p.state, EDITABLE_STATES, '修改'));
      const before = summary(p);
      if (input.flags) {
        assertNoViolations(flagChangeViolations(p.state, p, input.flags));
        Object.assign(p, input.flags);
      }
      for (const k of ['title', 'problem', 'legalBasis', 'preliminaryPlan', 'necessity', 'feasibility'] as const) {
        if (input[k] !== undefined) p[k] = input[k]!;
      }
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'update', p, { before, after: summary(p) });
      return p;
    });
  }

  async include(user: User, input: IncludeProposalInput): Promise<DecisionProposal> {
    if (!input.directoryItemId === !input.viaAdjustment) {
      throw new BadInputError('请指定目录事项，或通过目录调整新增事项（二选一）', 'directoryItemId');
    }
    return this.em.transactional(async (em) => {
      const p = await this.loadForUpdate(em, user, input.proposalId, input.version);
      this.assertEventAllowed(user, p, 'INCLUDE');
      let itemId = input.directoryItemId;
      if (input.viaAdjustment) {
        const a = input.viaAdjustment;
        const adjustment = await new DirectoryService(em, this.deps).adjust(actorOf(user), {
          directoryId: a.directoryId,
          kind: AdjustmentKind.ADD,
          reason: a.reason,
          newItem: {
            title: p.title,
            category: a.category,
            sponsorDepartmentId: p.sponsorDepartment.id,
            legalBasis: p.legalBasis,
            plannedQuarter: a.plannedQuarter,
            reason: a.reason,
          },
        });
        itemId = adjustment.item.id;
      }
      const item = await em.findOne(DirectoryItem, { id: itemId! });
      if (!item) throw new NotFoundError('目录事项', itemId);
      const directory = await em.findOneOrFail(DecisionDirectory, { id: item.directory.id });
      const v: Violation[] = inclusionViolations(
        { directoryStatus: directory.status, itemActive: item.status === DirectoryItemStatus.ACTIVE, directoryYear: directory.year },
        p.year,
      );
      if (item.sponsorDepartment.id !== p.sponsorDepartment.id) {
        v.push({ rule: 'R-DIR-4', code: 'SPONSOR_MISMATCH', message: '目录事项的承办部门与决策建议的承办部门不一致 (R-DIR-4)' });
      }
      const taken = await em.count(DecisionProposal, {
        directoryItem: item.id,
        id: { $ne: p.id },
        state: { $nin: [ProposalState.WITHDRAWN, ProposalState.DECLINED] },
      });
      if (taken > 0) v.push({ rule: 'R-DIR-4', code: 'ITEM_TAKEN', message: '该目录事项已关联其他决策建议 (R-DIR-4)' });
      assertNoViolations(v);
      const before = summary(p);
      p.directoryItem = em.getReference(DirectoryItem, item.id, { wrapped: true });
      p.state = ProposalState.INCLUDED;
      p.declineReason = null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'include', p, { before, after: summary(p) });
      return p;
    });
  }

  async decline(user: User, input: { proposalId: string; version: number; reason: string }): Promise<DecisionProposal> {
    return this.simpleTransition(user, input, 'DECLINE', 'decline', (p) => {
      p.declineReason = input.reason.trim();
    });
  }

  async requestInclusion(user: User, input: { proposalId: string; version: number }): Promise<DecisionProposal> {
    return this.simpleTransition(user, input, 'REQUEST_INCLUSION', 'request_inclusion');
  }

  async withdraw(user: User, input: { proposalId: string; version: number }): Promise<DecisionProposal> {
    return this.simpleTransition(user, input, 'WITHDRAW', 'withdraw');
  }

  private async simpleTransition(
    user: User,
    input: { proposalId: string; version: number },
    event: ProposalEvent,
    action: string,
    apply?: (p: DecisionProposal) => void,
  ): Promise<DecisionProposal> {
    return this.em.transactional(async (em) => {
      const p = await this.loadForUpdate(em, user, input.proposalId, input.version);
      this.assertEventAllowed(user, p, event);
      const before = summary(p);
      p.state = findTransition(event).to;
      apply?.(p);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, action, p, { before, after: summary(p) });
      return p;
    });
  }

  /**
   * Creates the review request pinned to the current draft and materials, once every blocker is
   * gone (R-LR-2). A request returned for supplement is resubmitted instead of duplicated.
   */
  async requestLegalityReview(user: User, input: { proposalId: string; version: number; requestedCompletionOn?: string | null }): Promise<ReviewRequest> {
    const reviews = new ReviewService(this.em, this.deps);
    const existing = await this.em.findOne(DecisionProposal, { id: input.proposalId });
    const returned = existing ? await reviews.returnedReviewOf(this.em, existing.id) : null;
    if (returned && existing && canSeeProposal(user, existing)) {
      assertVersion(existing, input.version, '决策建议');
      this.assertSponsorDrafter(user, existing);
      return reviews.resubmit(user, { reviewId: returned.id, version: returned.version }, (em, p) =>
        this.blockersIn(em, p, ProposalStep.REQUEST_LEGALITY_REVIEW),
      );
    }
    return this.em.transactional(async (em) => {
      const p = await this.loadForUpdate(em, user, input.proposalId, input.version);
      const t = findTransition('REQUEST_LEGALITY_REVIEW');
      if (!t.roles.some((r) => user.roles.includes(r))) throw new ForbiddenError(`无权${t.label}`);
      this.assertSponsorDrafter(user, p);
      assertNoViolations(await this.blockersIn(em, p, ProposalStep.REQUEST_LEGALITY_REVIEW));
      const before = summary(p);
      p.state = t.to;
      this.touch(p);
      const request = await new ReviewService(em, this.deps).requestForProposal(em, user, p, input.requestedCompletionOn ?? null);
      await em.flush();
      await this.audit(em, user, 'request_legality_review', p, {
        before,
        after: { ...summary(p), reviewRequestId: request.id, draftHash: request.draftHash },
      });
      return request;
    });
  }

  // ------------------------------------------------------------------ readiness

  async blockers(user: User, proposalId: string, step: ProposalStep): Promise<Violation[]> {
    const p = await this.getVisible(user, proposalId);
    return this.blockersIn(this.em, p, step);
  }

  async blockersIn(em: EntityManager, p: DecisionProposal, step: ProposalStep): Promise<Violation[]> {
    if (step === ProposalStep.INCLUDE) return transitionViolations(p.state, 'INCLUDE');
    if (step === ProposalStep.DELIBERATION) {
      const v: Violation[] = [];
      if (p.state !== ProposalState.LEGALITY_REVIEWED && p.state !== ProposalState.INCLUDED && p.state !== ProposalState.LEGALITY_REVIEW_REQUESTED) {
        v.push(...stateViolations(p.state, [ProposalState.LEGALITY_REVIEWED], '提交集体讨论', 'R-DEC-8'));
      }
      v.push(...(await new ReviewService(em, this.deps).deliberationBlockersIn(em, p)));
      const snapshot = await this.snapshot(em, p);
      v.push(...deliberationPackageViolations(snapshot));
      if (snapshot.latestRisk?.level === RiskLevel.HIGH) {
        v.push({ rule: 'R-DEC-7', code: 'RISK_HIGH', message: '风险等级为高：须采取措施降低风险并重新评估后方可提交讨论 (R-DEC-7)' });
      }
      return v;
    }
    return legalityReviewBlockers(await this.snapshot(em, p), this.deps.config.rules, this.today);
  }

  private async snapshot(em: EntityManager, p: DecisionProposal): Promise<ReadinessSnapshot> {
    // Sequential on purpose: inside a transaction all statements share one connection.
    const alternatives = await em.count(ProposalAlternative, { proposal: p.id });
    const consultation = await em.findOne(PublicConsultation, { proposal: p.id });
    const hearing = await em.findOne(Hearing, { proposal: p.id });
    const experts = await em.find(ExpertOpinion, { proposal: p.id }, { orderBy: { signedOn: 'asc', id: 'asc' } });
    const risk = await em.findOne(RiskAssessment, { proposal: p.id }, { orderBy: { round: 'desc' } });
    const fair = await em.findOne(FairCompetitionReview, { proposal: p.id });
    const materials = await em.find(Material, { proposal: p.id }, { fields: ['kind'] });
    const opinions = consultation ? await em.find(ConsultationOpinion, { consultation: consultation.id }, { orderBy: { seq: 'asc' } }) : [];
    return {
      state: p.state,
      flags: p,
      viewsDifferWidely: p.viewsDifferWidely,
      addedProcedures: p.addedProcedures,
      currentDraftNumber: p.currentDraftNumber,
      alternatives,
      consultation: consultation
        ? {
            startsOn: consultation.startsOn,
            endsOn: consultation.endsOn,
            shortenedReason: consultation.shortenedReason ?? null,
            adoptionSummary: consultation.adoptionSummary ?? null,
            opinions: opinions.map((o) => ({ seq: o.seq, response: o.response ?? null, responseReason: o.responseReason ?? null })),
          }
        : null,
      hearing: hearing
        ? {
            heldOn: hearing.heldOn,
            participantsPublishedOn: hearing.participantsPublishedOn,
            materialsSentOn: hearing.materialsSentOn,
            recordSigned: hearing.recordSigned,
            record: hearing.record ?? null,
          }
        : null,
      expertOpinions: experts.map((e) => ({ expertName: e.expertName, adoption: e.adoption ?? null, adoptionReason: e.adoptionReason ?? null })),
      latestRisk: risk ? { level: risk.level, round: risk.round } : null,
      fairCompetition: fair ? { conclusion: fair.conclusion } : null,
      materialKinds: new Set(materials.map((m) => m.kind)),
    };
  }

  // ------------------------------------------------------------------ drafting (R-DEC-2)

  async addDraft(user: User, input: AddDraftInput): Promise<DraftVersion> {
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '起草');
      p.currentDraftNumber += 1;
      this.touch(p);
      const d = em.create(DraftVersion, {
        id: randomUUID(),
        proposal: p,
        number: p.currentDraftNumber,
        text: input.text,
        changeNote: input.changeNote.trim(),
        author: user.id,
        contentHash: sha256(input.text),
        createdAt: this.now,
      } as unknown as DraftVersion);
      await em.flush();
      await this.audit(em, user, 'draft.add', p, { after: { number: d.number, contentHash: d.contentHash, changeNote: d.changeNote } });
      return d;
    });
  }

  async draftDiff(user: User, proposalId: string, from: number, to: number) {
    const p = await this.getVisible(user, proposalId);
    const drafts = await this.em.find(DraftVersion, { proposal: p.id, number: { $in: [from, to] } }, { populate: ['text'] });
    const a = drafts.find((d) => d.number === from);
    const b = drafts.find((d) => d.number === to);
    if (!a) throw new NotFoundError('草案版本', String(from));
    if (!b) throw new NotFoundError('草案版本', String(to));
    const lines = lineDiff(a.text, b.text);
    return {
      from: a,
      to: b,
      added: lines.filter((l) => l.op === 'ADDED').length,
      removed: lines.filter((l) => l.op === 'REMOVED').length,
      lines,
    };
  }

  async addAlternative(user: User, input: { proposalId: string; title: string; description: string }): Promise<ProposalAlternative> {
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '记录备选方案');
      const a = em.create(ProposalAlternative, {
        id: randomUUID(),
        proposal: p,
        title: input.title.trim(),
        description: input.description,
        createdAt: this.now,
      } as unknown as ProposalAlternative);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'alternative.add', p, { after: { title: a.title } });
      return a;
    });
  }

  async recordDisagreement(user: User, input: { proposalId: string; departments: string; description: string }): Promise<ProposalDisagreement> {
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '记录部门分歧');
      const d = em.create(ProposalDisagreement, {
        id: randomUUID(),
        proposal: p,
        departments: input.departments.trim(),
        description: input.description,
        unresolved: true,
        createdAt: this.now,
      } as unknown as ProposalDisagreement);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'disagreement.record', p, { after: { departments: d.departments } });
      return d;
    });
  }

  // ------------------------------------------------------------------ procedures (R-DEC-3…7)

  async addProcedure(user: User, input: { proposalId: string; version: number; kind: ProcedureKind; reason: string }) {
    if (!user.roles.includes(Role.DECISION_MAKER)) throw new ForbiddenError('只有决策者可以增加法定程序');
    return this.em.transactional(async (em) => {
      const p = await this.loadForUpdate(em, user, input.proposalId, input.version);
      assertNoViolations(stateViolations(p.state, EDITABLE_STATES, '增加程序', 'R-DEC-3'));
      if (p.addedProcedures.includes(input.kind)) throw new BadInputError('该程序已被要求', 'kind');
      const before = summary(p);
      p.addedProcedures = [...p.addedProcedures, input.kind];
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'procedure.add', p, { before, after: { ...summary(p), reason: input.reason } });
      return p;
    });
  }

  async setConsultation(user: User, input: ConsultationInput): Promise<PublicConsultation> {
    checkDate(input.startsOn, 'startsOn');
    checkDate(input.endsOn, 'endsOn');
    if (input.endsOn < input.startsOn) throw new BadInputError('征求意见结束日期不能早于开始日期', 'endsOn');
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记征求意见');
      let c = await em.findOne(PublicConsultation, { proposal: p.id });
      const before = c ? { startsOn: c.startsOn, endsOn: c.endsOn, shortenedReason: c.shortenedReason } : null;
      if (!c) c = em.create(PublicConsultation, { id: randomUUID(), proposal: p } as unknown as PublicConsultation);
      Object.assign(c, {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        channel: input.channel.trim(),
        shortenedReason: input.shortenedReason?.trim() || null,
      });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.set', p, {
        before: before ?? undefined,
        after: { startsOn: c.startsOn, endsOn: c.endsOn, shortenedReason: c.shortenedReason },
      });
      return c;
    });
  }

  async registerOpinion(user: User, input: { proposalId: string; submitter: string; content: string; receivedOn: string }) {
    checkDate(input.receivedOn, 'receivedOn');
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记意见');
      const c = await em.findOne(PublicConsultation, { proposal: p.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw new BadInputError('请先登记征求意见的期限和渠道', 'proposalId');
      const seq = (await em.count(ConsultationOpinion, { consultation: c.id })) + 1;
      const o = em.create(ConsultationOpinion, {
        id: randomUUID(),
        consultation: c,
        seq,
        submitter: input.submitter.trim(),
        content: input.content,
        receivedOn: input.receivedOn,
      } as unknown as ConsultationOpinion);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.opinion.register', p, { after: { seq, submitter: o.submitter } });
      return o;
    });
  }

  async answerOpinion(user: User, input: { opinionId: string; response: OpinionResponse; reason?: string }) {
    return this.em.transactional(async (em) => {
      const o = await em.findOne(ConsultationOpinion, { id: input.opinionId });
      if (!o) throw new NotFoundError('意见', input.opinionId);
      const c = await em.findOneOrFail(PublicConsultation, { id: o.consultation.id });
      const p = await this.loadForDrafting(em, user, c.proposal.id, '答复意见');
      if (input.response !== OpinionResponse.ADOPTED && !input.reason?.trim()) {
        assertNoViolations([{ rule: 'R-DEC-4', code: 'OPINION_REASON_MISSING', message: '不采纳或部分采纳的意见须说明理由 (R-DEC-4)' }]);
      }
      const before = { response: o.response ?? null, reason: o.responseReason ?? null };
      o.response = input.response;
      o.responseReason = input.reason?.trim() || null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.opinion.answer', p, { before, after: { seq: o.seq, response: o.response, reason: o.responseReason } });
      return o;
    });
  }

  async setAdoptionSummary(user: User, input: { proposalId: string; summary: string }) {
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '填写采纳情况说明');
      const c = await em.findOne(PublicConsultation, { proposal: p.id });
      if (!c) throw new BadInputError('请先登记征求意见', 'proposalId');
      c.adoptionSummary = input.summary;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.adoption_summary', p, { after: { length: input.summary.length } });
      return c;
    });
  }

  async recordHearing(user: User, input: HearingInput): Promise<Hearing> {
    for (const f of ['heldOn', 'participantsPublishedOn', 'materialsSentOn'] as const) checkDate(input[f], f);
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记听证');
      let h = await em.findOne(Hearing, { proposal: p.id });
      if (!h) h = em.create(Hearing, { id: randomUUID(), proposal: p } as unknown as Hearing);
      Object.assign(h, {
        heldOn: input.heldOn,
        participants: input.participants.map((s) => s.trim()),
        participantsPublishedOn: input.participantsPublishedOn,
        materialsSentOn: input.materialsSentOn,
        record: input.record ?? null,
        recordSigned: input.recordSigned,
      });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'hearing.record', p, {
        after: { heldOn: h.heldOn, materialsSentOn: h.materialsSentOn, participants: h.participants.length, recordSigned: h.recordSigned },
      });
      return h;
    });
  }

  async addExpertOpinion(user: User, input: ExpertOpinionInput): Promise<ExpertOpinion> {
    checkDate(input.signedOn, 'signedOn');
    if (input.hasDirectInterest) {
      assertNoViolations([
        { rule: 'R-DEC-6', code: 'EXPERT_INTERESTED', message: `专家 ${input.expertName} 与决策事项有直接利害关系，应当回避 (R-DEC-6)` },
      ]);
    }
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记专家意见');
      const o = em.create(ExpertOpinion, {
        id: randomUUID(),
        proposal: p,
        expertName: input.expertName.trim(),
        affiliation: input.affiliation.trim(),
        conflictDeclaration: input.conflictDeclaration,
        opinion: input.opinion,
        signedOn: input.signedOn,
      } as unknown as ExpertOpinion);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'expert_opinion.add', p, { after: { expertName: o.expertName, signedOn: o.signedOn } });
      return o;
    });
  }

  async recordExpertAdoption(user: User, input: { opinionId: string; adoption: OpinionResponse; reason?: string }) {
    return this.em.transactional(async (em) => {
      const o = await em.findOne(ExpertOpinion, { id: input.opinionId });
      if (!o) throw new NotFoundError('专家意见', input.opinionId);
      const p = await this.loadForDrafting(em, user, o.proposal.id, '记录专家意见采纳情况');
      if (input.adoption !== OpinionResponse.ADOPTED && !input.reason?.trim()) {
        assertNoViolations([{ rule: 'R-DEC-6', code: 'EXPERT_REASON_MISSING', message: '不采纳或部分采纳专家意见须说明理由 (R-DEC-6)' }]);
      }
      o.adoption = input.adoption;
      o.adoptionReason = input.reason?.trim() || null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'expert_opinion.adoption', p, { after: { expertName: o.expertName, adoption: o.adoption } });
      return o;
    });
  }

  /** Each assessment is a new round; the latest counts (R-DEC-7: HIGH blocks until re-assessed). */
  async recordRiskAssessment(user: User, input: RiskAssessmentInput): Promise<RiskAssessment> {
    checkDate(input.assessedOn, 'assessedOn');
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记风险评估');
      const round = (await em.count(RiskAssessment, { proposal: p.id })) + 1;
      const r = em.create(RiskAssessment, {
        id: randomUUID(),
        proposal: p,
        round,
        riskPoints: input.riskPoints,
        measures: input.measures,
        contingencyPlan: input.contingencyPlan,
        level: input.level,
        assessor: input.assessor.trim(),
        assessedOn: input.assessedOn,
      } as unknown as RiskAssessment);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'risk_assessment.record', p, { after: { round, level: r.level } });
      return r;
    });
  }

  async recordFairCompetitionReview(user: User, input: FairCompetitionInput): Promise<FairCompetitionReview> {
    checkDate(input.reviewedOn, 'reviewedOn');
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '登记公平竞争审查');
      let f = await em.findOne(FairCompetitionReview, { proposal: p.id });
      const before = f ? { conclusion: f.conclusion } : undefined;
      if (!f) f = em.create(FairCompetitionReview, { id: randomUUID(), proposal: p } as unknown as FairCompetitionReview);
      Object.assign(f, { conclusion: input.conclusion, reviewer: input.reviewer.trim(), reviewedOn: input.reviewedOn, notes: input.notes });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'fair_competition.record', p, { before, after: { conclusion: f.conclusion, reviewer: f.reviewer } });
      return f;
    });
  }

  // ------------------------------------------------------------------ materials

  async addMaterial(user: User, input: AddMaterialInput): Promise<Material> {
    const hasText = input.text !== undefined && input.text !== null;
    const hasFile = input.contentBase64 !== undefined && input.contentBase64 !== null;
    if (hasText === hasFile) throw new BadInputError('材料须为文本或文件（二选一）', 'text');
    let bytes: Buffer | null = null;
    if (hasFile) {
      if (!input.fileName) throw new BadInputError('上传文件须填写文件名', 'fileName');
      bytes = Buffer.from(input.contentBase64!, 'base64');
      if (bytes.length === 0) throw new BadInputError('文件内容为空', 'contentBase64');
      if (bytes.length > this.deps.config.materials.maxBytes) {
        throw new BadInputError(`文件过大：${bytes.length} 字节，上限 ${this.deps.config.materials.maxBytes} 字节`, 'contentBase64');
      }
    } else if (!input.text!.trim()) {
      throw new BadInputError('文本材料不能为空', 'text');
    }
    const content = bytes ?? Buffer.from(input.text!, 'utf8');
    const contentHash = sha256(content);
    const storage = bytes ? this.deps.config.materials.storage : 'db';
    if (bytes && storage === 'fs') {
      const dir = this.deps.config.materials.dir;
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, contentHash);
      // Content-addressed: the same bytes are stored once; a file never changes once written.
      if (!existsSync(file)) writeFileSync(file, bytes, { mode: 0o640 });
    }
    return this.em.transactional(async (em) => {
      const p = await this.loadForDrafting(em, user, input.proposalId, '上传材料');
      const m = em.create(Material, {
        id: randomUUID(),
        proposal: p,
        kind: input.kind,
        title: input.title.trim(),
        text: hasText ? input.text : null,
        fileName: bytes ? input.fileName : null,
        mimeType: bytes ? (input.mimeType ?? 'application/octet-stream') : null,
        sizeBytes: content.length,
        contentHash,
        storage,
        bytes: bytes && storage === 'db' ? bytes : null,
        uploadedBy: user.id,
        createdAt: this.now,
      } as unknown as Material);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'material.add', p, {
        after: { kind: m.kind, title: m.title, fileName: m.fileName, sizeBytes: m.sizeBytes, contentHash },
      });
      return m;
    });
  }

  /** The material's content for a user who may see its proposal (download). */
  async materialContent(user: User, materialId: string): Promise<{ material: Material; content: Buffer }> {
    const m = await this.em.findOne(Material, { id: materialId }, { populate: ['bytes', 'text'] });
    if (!m) throw new NotFoundError('材料', materialId);
    await this.getVisible(user, m.proposal.id);
    let content: Buffer;
    if (m.fileName === null || m.fileName === undefined) content = Buffer.from(m.text ?? '', 'utf8');
    else if (m.storage === 'db') content = m.bytes!;
    else content = readFileSync(path.join(this.deps.config.materials.dir, m.contentHash));
    if (sha256(content) !== m.contentHash) throw new Error(`material ${m.id} content does not match its hash`);
    return { material: m, content };
  }

  // ------------------------------------------------------------------ listing

  list(user: User, req: PageRequest, filter: { year?: number; departmentId?: string; state?: ProposalState; directoryItemId?: string; search?: string }) {
    const where: FilterQuery<DecisionProposal> = {};
    const seesAll = user.roles.some((r) => CROSS_DEPARTMENT_ROLES.includes(r));
    if (!seesAll) {
      if (filter.departmentId && filter.departmentId !== user.department.id) throw new ForbiddenError('您只能查看本部门的决策建议');
      where.sponsorDepartment = user.department.id;
    } else if (filter.departmentId) {
      where.sponsorDepartment = filter.departmentId;
    }
    if (filter.year) where.year = filter.year;
    if (filter.state) where.state = filter.state;
    if (filter.directoryItemId) where.directoryItem = filter.directoryItemId;
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ title: { $ilike: like } }, { code: { $ilike: like } }];
    }
    return paginate(this.em, DecisionProposal, where, req, this.deps.config.graphql, { field: 'code', kind: 'string', direction: 'desc' });
  }
}
