import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DateFacts } from '../core/date-constraints';
import { assertNoViolations, BadInputError } from '../core/errors';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { checkDate, ProposalBase, proposalSummary, type ProposalDeps } from './proposal-base';
import { proposalDateViolations, type ProposalDate } from './proposal-dates.rules';
import type {
  AddProcedureCommand,
  AdoptionSummaryCommand,
  AnswerOpinionCommand,
  ConsultationCommand,
  ExpertAdoptionCommand,
  ExpertOpinionCommand,
  FairCompetitionCommand,
  HearingCommand,
  RegisterOpinionCommand,
  RiskAssessmentCommand,
} from './proposal.commands';
import type { DecisionProposal } from './proposal.entity';
import { ConsultationOpinion, ExpertOpinion, FairCompetitionReview, Hearing, PublicConsultation, RiskAssessment } from './procedure.entity';
import { EDITABLE_STATES, PROPOSAL_WORKFLOW } from './proposal.workflow';
import { expertAdoptionViolations, expertInterestViolations, opinionAnswerViolations } from './readiness.rules';
import { transaction } from '../db/transaction';

/** What the procedures need to know of deliberation, provided by the deliberation area. */
export interface OpenAgendaPort {
  /** The day of a meeting still recording (minutes not finalised) whose agenda holds the proposal, or null. */
  openMeetingHeldOn(em: EntityManager, proposalId: string): Promise<string | null>;
}

export interface ProcedureDeps extends ProposalDeps {
  agenda: OpenAgendaPort;
}

/**
 * The statutory procedures of a proposal (R-DEC-3…7): the ones a decision maker adds, public
 * consultation with its opinion register, hearing, expert review, risk-assessment rounds and the
 * fair-competition review.
 */
export class ProcedureService extends ProposalBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: ProcedureDeps,
  ) {
    super(em, deps);
  }

  /**
   * The procedure's dates after the change against today and each other, and — while the proposal
   * sits on the agenda of a meeting still recording — against the meeting day (proposal-dates.rules.ts).
   */
  private async assertDates(em: EntityManager, p: DecisionProposal, dates: DateFacts<ProposalDate>): Promise<void> {
    const meetingHeldOn = await this.deps.agenda.openMeetingHeldOn(em, p.id);
    assertNoViolations(proposalDateViolations({ ...dates, meetingHeldOn }, this.today));
  }

  /** R-DEC-3: the deciding organ adds a procedure; derived ones can never be dropped. */
  async addProcedure(user: Actor, cmd: AddProcedureCommand): Promise<DecisionProposal> {
    assertAnyRole(user, [Role.DECISION_MAKER], '增加法定程序');
    return transaction(this.em, async (em) => {
      const p = await this.loadForUpdate(em, user, cmd.proposalId, cmd.version);
      assertNoViolations(PROPOSAL_WORKFLOW.requireState(p.state, EDITABLE_STATES, '增加程序', 'R-DEC-3'));
      if (p.addedProcedures.includes(cmd.kind)) throw new BadInputError('该程序已被要求', 'kind');
      const before = proposalSummary(p);
      p.addedProcedures = [...p.addedProcedures, cmd.kind];
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'procedure.add', p, { before, after: { ...proposalSummary(p), reason: cmd.reason } });
      return p;
    });
  }

  async setConsultation(user: Actor, cmd: ConsultationCommand): Promise<{ proposal: DecisionProposal; consultation: PublicConsultation }> {
    checkDate(cmd.startsOn, 'startsOn');
    checkDate(cmd.endsOn, 'endsOn');
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记征求意见');
      let c = await em.findOne(PublicConsultation, { proposal: p.id });
      const received = c ? await em.find(ConsultationOpinion, { consultation: c.id }, { fields: ['receivedOn'] }) : [];
      await this.assertDates(em, p, { consultationStartsOn: cmd.startsOn, consultationEndsOn: cmd.endsOn, opinionsReceivedOn: received.map((o) => o.receivedOn) });
      const before = c ? { startsOn: c.startsOn, endsOn: c.endsOn, shortenedReason: c.shortenedReason } : null;
      if (!c) c = em.create(PublicConsultation, { id: randomUUID(), proposal: p } as unknown as PublicConsultation);
      Object.assign(c, { startsOn: cmd.startsOn, endsOn: cmd.endsOn, channel: cmd.channel.trim(), shortenedReason: cmd.shortenedReason?.trim() || null });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.set', p, {
        before: before ?? undefined,
        after: { startsOn: c.startsOn, endsOn: c.endsOn, shortenedReason: c.shortenedReason },
      });
      return { proposal: p, consultation: c };
    });
  }

  async registerOpinion(user: Actor, cmd: RegisterOpinionCommand): Promise<{ proposal: DecisionProposal; opinion: ConsultationOpinion }> {
    checkDate(cmd.receivedOn, 'receivedOn');
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记意见');
      const c = await em.findOne(PublicConsultation, { proposal: p.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw new BadInputError('请先登记征求意见的期限和渠道', 'proposalId');
      const received = await em.find(ConsultationOpinion, { consultation: c.id }, { fields: ['receivedOn'] });
      await this.assertDates(em, p, {
        consultationStartsOn: c.startsOn,
        consultationEndsOn: c.endsOn,
        opinionsReceivedOn: [...received.map((o) => o.receivedOn), cmd.receivedOn],
      });
      const seq = received.length + 1;
      const o = em.create(ConsultationOpinion, {
        id: randomUUID(),
        consultation: c,
        seq,
        submitter: cmd.submitter.trim(),
        content: cmd.content,
        receivedOn: cmd.receivedOn,
      } as unknown as ConsultationOpinion);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.opinion.register', p, { after: { seq, submitter: o.submitter } });
      return { proposal: p, opinion: o };
    });
  }

  async answerOpinion(user: Actor, cmd: AnswerOpinionCommand): Promise<{ proposal: DecisionProposal; opinion: ConsultationOpinion }> {
    return transaction(this.em, async (em) => {
      const o = await findOrThrow(em, ConsultationOpinion, cmd.opinionId, '意见');
      const c = await findOrThrow(em, PublicConsultation, o.consultation.id, '征求意见');
      const p = await this.loadForDrafting(em, user, c.proposal.id, '答复意见');
      assertNoViolations(opinionAnswerViolations(cmd.response, cmd.reason));
      const before = { response: o.response ?? null, reason: o.responseReason ?? null };
      o.response = cmd.response;
      o.responseReason = cmd.reason?.trim() || null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.opinion.answer', p, { before, after: { seq: o.seq, response: o.response, reason: o.responseReason } });
      return { proposal: p, opinion: o };
    });
  }

  async setAdoptionSummary(user: Actor, cmd: AdoptionSummaryCommand): Promise<{ proposal: DecisionProposal; consultation: PublicConsultation }> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '填写采纳情况说明');
      const c = await em.findOne(PublicConsultation, { proposal: p.id });
      if (!c) throw new BadInputError('请先登记征求意见', 'proposalId');
      c.adoptionSummary = cmd.summary;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'consultation.adoption_summary', p, { after: { length: cmd.summary.length } });
      return { proposal: p, consultation: c };
    });
  }

  async recordHearing(user: Actor, cmd: HearingCommand): Promise<{ proposal: DecisionProposal; hearing: Hearing }> {
    for (const f of ['heldOn', 'participantsPublishedOn', 'materialsSentOn'] as const) checkDate(cmd[f], f);
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记听证');
      await this.assertDates(em, p, {
        hearingHeldOn: cmd.heldOn,
        hearingParticipantsPublishedOn: cmd.participantsPublishedOn,
        hearingMaterialsSentOn: cmd.materialsSentOn,
      });
      let h = await em.findOne(Hearing, { proposal: p.id });
      if (!h) h = em.create(Hearing, { id: randomUUID(), proposal: p } as unknown as Hearing);
      Object.assign(h, {
        heldOn: cmd.heldOn,
        participants: cmd.participants.map((s) => s.trim()),
        participantsPublishedOn: cmd.participantsPublishedOn,
        materialsSentOn: cmd.materialsSentOn,
        record: cmd.record ?? null,
        recordSigned: cmd.recordSigned,
      });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'hearing.record', p, {
        after: { heldOn: h.heldOn, materialsSentOn: h.materialsSentOn, participants: h.participants.length, recordSigned: h.recordSigned },
      });
      return { proposal: p, hearing: h };
    });
  }

  async addExpertOpinion(user: Actor, cmd: ExpertOpinionCommand): Promise<{ proposal: DecisionProposal; expertOpinion: ExpertOpinion }> {
    checkDate(cmd.signedOn, 'signedOn');
    assertNoViolations(expertInterestViolations(cmd.expertName, cmd.hasDirectInterest));
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记专家意见');
      await this.assertDates(em, p, { expertOpinionsSignedOn: [cmd.signedOn] });
      const o = em.create(ExpertOpinion, {
        id: randomUUID(),
        proposal: p,
        expertName: cmd.expertName.trim(),
        affiliation: cmd.affiliation.trim(),
        conflictDeclaration: cmd.conflictDeclaration,
        opinion: cmd.opinion,
        signedOn: cmd.signedOn,
      } as unknown as ExpertOpinion);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'expert_opinion.add', p, { after: { expertName: o.expertName, signedOn: o.signedOn } });
      return { proposal: p, expertOpinion: o };
    });
  }

  async recordExpertAdoption(user: Actor, cmd: ExpertAdoptionCommand): Promise<{ proposal: DecisionProposal; expertOpinion: ExpertOpinion }> {
    return transaction(this.em, async (em) => {
      const o = await findOrThrow(em, ExpertOpinion, cmd.opinionId, '专家意见');
      const p = await this.loadForDrafting(em, user, o.proposal.id, '记录专家意见采纳情况');
      assertNoViolations(expertAdoptionViolations(cmd.adoption, cmd.reason));
      o.adoption = cmd.adoption;
      o.adoptionReason = cmd.reason?.trim() || null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'expert_opinion.adoption', p, { after: { expertName: o.expertName, adoption: o.adoption } });
      return { proposal: p, expertOpinion: o };
    });
  }

  /** Each assessment is a new round; the latest counts (R-DEC-7: HIGH blocks until re-assessed). */
  async recordRiskAssessment(user: Actor, cmd: RiskAssessmentCommand): Promise<{ proposal: DecisionProposal; riskAssessment: RiskAssessment }> {
    checkDate(cmd.assessedOn, 'assessedOn');
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记风险评估');
      const previous = await em.findOne(RiskAssessment, { proposal: p.id }, { orderBy: { round: 'desc' } });
      await this.assertDates(em, p, { riskAssessedOn: cmd.assessedOn, previousRiskAssessedOn: previous?.assessedOn ?? null });
      const round = (previous?.round ?? 0) + 1;
      const r = em.create(RiskAssessment, {
        id: randomUUID(),
        proposal: p,
        round,
        riskPoints: cmd.riskPoints,
        measures: cmd.measures,
        contingencyPlan: cmd.contingencyPlan,
        level: cmd.level,
        assessor: cmd.assessor.trim(),
        assessedOn: cmd.assessedOn,
      } as unknown as RiskAssessment);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'risk_assessment.record', p, { after: { round, level: r.level } });
      return { proposal: p, riskAssessment: r };
    });
  }

  async recordFairCompetitionReview(user: Actor, cmd: FairCompetitionCommand): Promise<{ proposal: DecisionProposal; fairCompetitionReview: FairCompetitionReview }> {
    checkDate(cmd.reviewedOn, 'reviewedOn');
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '登记公平竞争审查');
      await this.assertDates(em, p, { fairCompetitionReviewedOn: cmd.reviewedOn });
      let f = await em.findOne(FairCompetitionReview, { proposal: p.id });
      const before = f ? { conclusion: f.conclusion } : undefined;
      if (!f) f = em.create(FairCompetitionReview, { id: randomUUID(), proposal: p } as unknown as FairCompetitionReview);
      Object.assign(f, { conclusion: cmd.conclusion, reviewer: cmd.reviewer.trim(), reviewedOn: cmd.reviewedOn, notes: cmd.notes });
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'fair_competition.record', p, { before, after: { conclusion: f.conclusion, reviewer: f.reviewer } });
      return { proposal: p, fairCompetitionReview: f };
    });
  }
}
