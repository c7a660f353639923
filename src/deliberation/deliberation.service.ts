import { actorOf } from '../identity/identity.service';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { WorkingCalendar } from '../calendar/working-days';
import { isValidLocalDate } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type PageRequest } from '../db/paginate';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError, NotFoundError } from '../core/errors';
import { Department } from '../identity/department.entity';
import { Role } from '../core/roles';
import { User } from '../identity/user.entity';
import { RiskAssessment } from '../proposal/procedure.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { ProposalStep } from '../proposal/proposal.enums';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import type { ReadinessService } from '../proposal/readiness.service';
import { proposalOwner } from '../proposal/proposal-base';
import { PROPOSAL_WORKFLOW, type ProposalEvent } from '../proposal/proposal.workflow';
import { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { findOrThrow } from '../db/find';
import { PublicConsultation, ExpertOpinion } from '../proposal/procedure.entity';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MeetingMember, MemberPosition, PostEvaluation } from './deliberation.entity';
import { DecisionStatus, DeliberatingBody, HeadDecision, MeetingStatus, MemberPositionKind } from './deliberation.enums';
import type { NormativeRegisterService } from '../normative/normative-register.service';
import type { Issuer } from '../normative/normative.enums';
import { agendaDecidedViolations, finalisedViolations, headDecisionViolations, postEvaluationViolations, publicationViolations, quorumViolations, signOffViolations } from './deliberation.rules';

export interface DeliberationDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  proposals: ProposalLifecycleService;
  readiness: ReadinessService;
  normative: NormativeRegisterService;
}


const MANAGERS: readonly Role[] = [Role.DECISION_MAKER, Role.ADMIN];

function decisionSummary(d: Decision) {
  return {
    status: d.status,
    approvedDraftNumber: d.approvedDraftNumber,
    documentNumber: d.documentNumber ?? null,
    signedOn: d.signedOn ?? null,
    partyReportedOn: d.partyReportedOn ?? null,
    publishedOn: d.publishedOn ?? null,
    publicationDueOn: d.publicationDueOn ?? null,
    executingDepartmentId: d.executingDepartment?.id ?? null,
    suspendedReason: d.suspendedReason ?? null,
  };
}

/** Meetings, the record, sign-off, Party report, publication and execution (R-DEC-10…16). */
export class DeliberationService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: DeliberationDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  private get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  private assertManager(user: User): void {
    if (!user.roles.some((r) => MANAGERS.includes(r))) throw new ForbiddenError('此操作需要决策者或管理员角色');
  }

  private async auditMeeting(em: EntityManager, user: User, action: string, m: Meeting, after: object) {
    await this.deps.audit.record(em, actorOf(user), { action: `meeting.${action}`, subjectType: 'Meeting', subjectId: m.id, after: after as Record<string, unknown> });
  }

  private async auditDecision(em: EntityManager, user: User, action: string, p: DecisionProposal, d: Decision, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, actorOf(user), {
      action: `decision.${action}`,
      subjectType: 'DecisionProposal',
      subjectId: p.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...decisionSummary(d), ...extra },
    });
  }

  private async loadMeeting(em: EntityManager, id: string): Promise<Meeting> {
    const m = await em.findOne(Meeting, { id });
    if (!m) throw new NotFoundError('会议', id);
    return m;
  }

  private async quorum(em: EntityManager, m: Meeting) {
    const members = await em.find(MeetingMember, { meeting: m.id });
    const present = members.filter((x) => x.present).length;
    return { members, present, violations: quorumViolations(present, members.length, this.deps.config.rules.decision.deliberationQuorumShare) };
  }

  // ------------------------------------------------------------------ meetings (R-DEC-11)

  async createMeeting(
    user: User,
    input: { title: string; body: DeliberatingBody; heldOn: string; chairId: string; members: { userId: string; present: boolean }[] },
  ): Promise<Meeting> {
    this.assertManager(user);
    if (!isValidLocalDate(input.heldOn)) throw new BadInputError('会议日期无效', 'heldOn');
    const ids = input.members.map((x) => x.userId);
    if (new Set(ids).size !== ids.length) throw new BadInputError('参会成员不能重复', 'members');
    if (!ids.includes(input.chairId)) throw new BadInputError('主持人（行政首长）须为参会成员', 'chairId');
    return this.em.transactional(async (em) => {
      const users = await em.find(User, { id: { $in: ids }, active: true });
      if (users.length !== ids.length) throw new BadInputError('参会成员中有不存在或已停用的账号', 'members');
      const chair = users.find((u) => u.id === input.chairId)!;
      if (!chair.roles.includes(Role.DECISION_MAKER)) throw new BadInputError('主持人（行政首长）须具有决策者角色', 'chairId');
      const m = em.create(Meeting, {
        id: randomUUID(),
        title: input.title.trim(),
        body: input.body,
        heldOn: input.heldOn,
        chair: chair.id,
        status: MeetingStatus.OPEN,
        createdAt: this.now,
      } as unknown as Meeting);
      for (const x of input.members) em.create(MeetingMember, { id: randomUUID(), meeting: m, user: x.userId, present: x.present } as unknown as MeetingMember);
      await em.flush();
      await this.auditMeeting(em, user, 'create', m, {
        title: m.title,
        body: m.body,
        heldOn: m.heldOn,
        chair: chair.username,
        members: input.members.length,
        present: input.members.filter((x) => x.present).length,
      });
      return m;
    });
  }

  /** R-DEC-8/9/10 and R-DEC-11 quorum: a proposal goes on the agenda only with no blocker left. */
  async addAgendaItem(user: User, input: { meetingId: string; proposalId: string }): Promise<AgendaItem> {
    this.assertManager(user);
    return this.em.transactional(async (em) => {
      const m = await this.loadMeeting(em, input.meetingId);
      assertNoViolations(finalisedViolations(m.status));
      const p = await this.deps.proposals.getVisible(user, input.proposalId, em);
      const { violations: quorum } = await this.quorum(em, m);
      const blockers = await this.deps.readiness.blockersIn(em, p, ProposalStep.DELIBERATION);
      const pending = await em.count(AgendaItem, { proposal: p.id, headDecision: null });
      if (pending > 0) blockers.push({ rule: 'R-DEC-11', code: 'ALREADY_ON_AGENDA', message: '该决策建议已列入尚未决定的议题 (R-DEC-11)' });
      assertNoViolations([...quorum, ...blockers]);
      const draft = await textVersions.get(em, proposalOwner(p.id), p.currentDraftNumber, '决策草案');
      const seq = (await em.count(AgendaItem, { meeting: m.id })) + 1;
      const item = em.create(AgendaItem, {
        id: randomUUID(),
        meeting: m,
        proposal: p,
        seq,
        draftVersion: draft,
        draftHash: draft.contentHash,
      } as unknown as AgendaItem);
      await em.flush();
      await this.auditMeeting(em, user, 'agenda.add', m, { seq, proposal: p.code, draftNumber: draft.number, draftHash: draft.contentHash });
      return item;
    });
  }

  private async openItem(em: EntityManager, itemId: string) {
    const item = await em.findOne(AgendaItem, { id: itemId });
    if (!item) throw new NotFoundError('议题', itemId);
    const m = await this.loadMeeting(em, item.meeting.id);
    assertNoViolations(finalisedViolations(m.status));
    return { item, m };
  }

  /** Records a member's position; dissent is kept as said (R-DEC-11). */
  async recordPosition(user: User, input: { agendaItemId: string; memberId: string; position: MemberPositionKind; remarks?: string }): Promise<MemberPosition> {
    this.assertManager(user);
    return this.em.transactional(async (em) => {
      const { item, m } = await this.openItem(em, input.agendaItemId);
      const member = await em.findOne(MeetingMember, { meeting: m.id, user: input.memberId });
      if (!member || !member.present) throw new BadInputError('只能记录出席成员的表态', 'memberId');
      if (input.memberId === m.chair.id) throw new BadInputError('行政首长的意见以最后的决定记录', 'memberId');
      if (item.headDecision) assertNoViolations([{ rule: 'R-DEC-11', code: 'HEAD_ALREADY_DECIDED', message: '行政首长已作出决定，成员表态不能再变更 (R-DEC-11)' }]);
      let pos = await em.findOne(MemberPosition, { agendaItem: item.id, member: input.memberId });
      if (!pos) pos = em.create(MemberPosition, { id: randomUUID(), agendaItem: item, member: input.memberId } as unknown as MemberPosition);
      pos.position = input.position;
      pos.remarks = input.remarks?.trim() ?? '';
      await em.flush();
      await this.auditMeeting(em, user, 'position', m, { seq: item.seq, member: input.memberId, position: pos.position, remarks: pos.remarks });
      return pos;
    });
  }

  /** The head decides last; a departure from the majority needs a reason (R-DEC-11). */
  async recordHeadDecision(user: User, input: { agendaItemId: string; version: number; decision: HeadDecision; reason?: string }): Promise<AgendaItem> {
    return this.em.transactional(async (em) => {
      const { item, m } = await this.openItem(em, input.agendaItemId);
      if (m.chair.id !== user.id) throw new ForbiddenError('只有主持会议的行政首长可以作出决定');
      assertVersion(item, input.version, '议题');
      const { members, violations: quorum } = await this.quorum(em, m);
      const positions = await em.find(MemberPosition, { agendaItem: item.id });
      const presentOthers = members.filter((x) => x.present && x.user.id !== m.chair.id).length;
      assertNoViolations([
        ...quorum,
        ...headDecisionViolations({ presentOthers, positions: positions.map((x) => x.position), decision: input.decision, reason: input.reason ?? null }),
      ]);
      item.headDecision = input.decision;
      item.decisionReason = input.reason?.trim() || null;
      await em.flush();
      await this.auditMeeting(em, user, 'head_decision', m, { seq: item.seq, decision: item.headDecision, reason: item.decisionReason });
      return item;
    });
  }

  /**
   * Finalises the record: minutes required, quorum, every item decided. From now on it is immutable
   * (corrections are appended). Outcomes move the proposals; an approval creates the decision.
   */
  async finalise(user: User, input: { meetingId: string; version: number; minutes: string }): Promise<Meeting> {
    return this.em.transactional(async (em) => {
      const m = await this.loadMeeting(em, input.meetingId);
      if (m.chair.id !== user.id && !user.roles.includes(Role.ADMIN)) throw new ForbiddenError('只有会议主持人可以定稿纪要');
      assertVersion(m, input.version, '会议');
      assertNoViolations(finalisedViolations(m.status));
      const { violations: quorum } = await this.quorum(em, m);
      const items = await em.find(AgendaItem, { meeting: m.id }, { orderBy: { seq: 'asc' } });
      assertNoViolations([
        ...quorum,
        ...agendaDecidedViolations(items.map((i) => ({ seq: i.seq, decided: !!i.headDecision }))),
      ]);
      m.status = MeetingStatus.FINALISED;
      m.minutes = input.minutes;
      m.finalisedAt = this.now;
      for (const item of items) {
        const p = await em.findOneOrFail(DecisionProposal, { id: item.proposal.id });
        const event: ProposalEvent | null =
          item.headDecision === HeadDecision.APPROVE || item.headDecision === HeadDecision.APPROVE_WITH_CHANGES
            ? 'HEAD_APPROVE'
            : item.headDecision === HeadDecision.REJECT
              ? 'HEAD_REJECT'
              : item.headDecision === HeadDecision.RETURN_FOR_REVISION
                ? 'HEAD_RETURN'
                : null; // DEFER: stays eligible for a later meeting
        if (!event) continue;
        p.state = PROPOSAL_WORKFLOW.next(p.state, event);
        p.updatedAt = this.now;
        if (event === 'HEAD_APPROVE') {
          const draft = await findOrThrow(em, TextVersion, item.draftVersion.id, '决策草案');
          em.create(Decision, {
            id: randomUUID(),
            proposal: p,
            agendaItem: item,
            approvedDraftNumber: draft.number,
            approvedDraftHash: item.draftHash,
            status: DecisionStatus.APPROVED,
          } as unknown as Decision);
        }
        await this.deps.audit.record(em, actorOf(user), {
          action: `proposal.deliberated`,
          subjectType: 'DecisionProposal',
          subjectId: p.id,
          after: { meetingId: m.id, decision: item.headDecision, reason: item.decisionReason ?? null, state: p.state },
        });
      }
      await em.flush();
      await this.auditMeeting(em, user, 'finalise', m, { items: items.map((i) => ({ seq: i.seq, decision: i.headDecision })), minutesLength: input.minutes.length });
      return m;
    });
  }

  async appendCorrection(user: User, input: { meetingId: string; text: string }): Promise<MeetingCorrection> {
    this.assertManager(user);
    return this.em.transactional(async (em) => {
      const m = await this.loadMeeting(em, input.meetingId);
      if (m.status !== MeetingStatus.FINALISED) throw new BadInputError('纪要尚未定稿，请直接修改', 'meetingId');
      const c = em.create(MeetingCorrection, { id: randomUUID(), meeting: m, text: input.text, recordedBy: user.username, recordedAt: this.now } as unknown as MeetingCorrection);
      await em.flush();
      await this.auditMeeting(em, user, 'correction', m, { text: input.text });
      return c;
    });
  }

  // ------------------------------------------------------------------ decisions (R-DEC-12…16)

  private async loadDecision(em: EntityManager, user: User, proposalId: string): Promise<{ p: DecisionProposal; d: Decision }> {
    const p = await this.deps.proposals.getVisible(user, proposalId, em);
    const d = await em.findOne(Decision, { proposal: p.id });
    if (!d) throw new NotFoundError('决定（该建议尚未经集体讨论通过）', proposalId);
    return { p, d };
  }

  /** R-DEC-12: by a decision maker, exactly the approved version; assigns the document number. */
  async sign(user: User, input: { proposalId: string; version: number; draftNumber: number }): Promise<Decision> {
    if (!user.roles.includes(Role.DECISION_MAKER)) {
      throw new ForbiddenError('只有决策者可以签发决定 (R-DEC-12)');
    }
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      assertVersion(d, input.version, '决定');
      const draft = await textVersions.get(em, proposalOwner(p.id), input.draftNumber, '决策草案');
      assertNoViolations(signOffViolations({ status: d.status, approvedDraftHash: d.approvedDraftHash, signedDraftHash: draft.contentHash }));
      const before = decisionSummary(d);
      const year = Number(this.today.slice(0, 4));
      const n = await nextNumber(em, `decision-document:${year}`);
      d.status = DecisionStatus.SIGNED;
      d.signedBy = em.getReference(User, user.id, { wrapped: true });
      d.signedOn = this.today;
      d.documentNumber = `云湖街决〔${year}〕${n}号`;
      d.publicationDueOn = this.deps.calendar.addWorkingDays(this.today, this.deps.config.rules.decision.publicationDueWorkingDays);
      await em.flush();
      await this.auditDecision(em, user, 'sign', p, d, before, { draftHash: draft.contentHash });
      return d;
    });
  }

  async recordPartyReport(user: User, input: { proposalId: string; version: number; reportedOn: string }): Promise<Decision> {
    this.assertManager(user);
    if (!isValidLocalDate(input.reportedOn)) throw new BadInputError('报告日期无效', 'reportedOn');
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      assertVersion(d, input.version, '决定');
      if (d.status !== DecisionStatus.SIGNED) {
        assertNoViolations([{ rule: 'R-DEC-13', code: 'NOT_SIGNED', message: '决定签发后、公布前向党委报告 (R-DEC-13)' }]);
      }
      const before = decisionSummary(d);
      d.partyReportedOn = input.reportedOn;
      await em.flush();
      await this.auditDecision(em, user, 'party_report', p, d, before);
      return d;
    });
  }

  async publish(
    user: User,
    input: {
      proposalId: string;
      version: number;
      channel: string;
      publishedOn: string;
      opinionsUseExplanation?: string;
      /** The decision produces a normative document: it enters the register (R-DEC-14, R-ND-4). */
      normativeDocument?: { issuer: Issuer; affectsBusinessesOrPublic: boolean; touchesMarketEntities: boolean } | null;
    },
  ): Promise<Decision> {
    this.assertManager(user);
    if (!isValidLocalDate(input.publishedOn)) throw new BadInputError('公布日期无效', 'publishedOn');
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      assertVersion(d, input.version, '决定');
      const consulted = (await em.count(PublicConsultation, { proposal: p.id })) > 0;
      const experts = (await em.count(ExpertOpinion, { proposal: p.id })) > 0;
      const broadConcern = p.affectsPublicInterest || consulted || experts;
      assertNoViolations(
        publicationViolations({ status: d.status, partyReportedOn: d.partyReportedOn ?? null, broadConcern, explanation: input.opinionsUseExplanation ?? null }),
      );
      const before = decisionSummary(d);
      d.status = DecisionStatus.PUBLISHED;
      d.publishedOn = input.publishedOn;
      d.publicationChannel = input.channel.trim();
      d.opinionsUseExplanation = input.opinionsUseExplanation?.trim() || null;
      await em.flush();
      let normativeDocumentId: string | null = null;
      if (input.normativeDocument) {
        // Not bypassing the register: the approved text becomes a candidate that goes through the
        // filing assessment and the release gate of its own.
        const approved = await textVersions.get(em, proposalOwner(p.id), d.approvedDraftNumber, '决策草案', true);
        const doc = await this.deps.normative.createIn(em, user, {
          title: p.title,
          issuer: input.normativeDocument.issuer,
          text: approved.text,
          affectsBusinessesOrPublic: input.normativeDocument.affectsBusinessesOrPublic,
          touchesMarketEntities: input.normativeDocument.touchesMarketEntities,
          originatingProposalId: p.id,
          sponsorDepartmentId: p.sponsorDepartment.id,
        });
        normativeDocumentId = doc.id;
      }
      await this.auditDecision(em, user, 'publish', p, d, before, {
        late: !!d.publicationDueOn && input.publishedOn > d.publicationDueOn,
        normativeDocumentId,
      });
      return d;
    });
  }

  async setExecutingUnit(user: User, input: { proposalId: string; version: number; departmentId: string }): Promise<Decision> {
    this.assertManager(user);
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      assertVersion(d, input.version, '决定');
      const dept = await em.findOne(Department, { id: input.departmentId, active: true });
      if (!dept) throw new BadInputError('执行单位不存在或已停用', 'departmentId');
      const before = decisionSummary(d);
      d.executingDepartment = em.getReference(Department, dept.id, { wrapped: true });
      await em.flush();
      await this.auditDecision(em, user, 'executing_unit', p, d, before);
      return d;
    });
  }

  async addExecutionReport(user: User, input: { proposalId: string; reportedOn: string; content: string }): Promise<ExecutionReport> {
    if (!isValidLocalDate(input.reportedOn)) throw new BadInputError('报告日期无效', 'reportedOn');
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      if (d.status !== DecisionStatus.PUBLISHED) {
        assertNoViolations([{ rule: 'R-DEC-16', code: 'NOT_IN_EXECUTION', message: '决定公布后方进入执行，暂停期间不报告执行情况 (R-DEC-16)' }]);
      }
      if (!d.executingDepartment || d.executingDepartment.id !== user.department.id) throw new ForbiddenError('只有执行单位可以报告执行情况');
      const r = em.create(ExecutionReport, { id: randomUUID(), decision: d, reportedOn: input.reportedOn, content: input.content, reportedBy: user.username } as unknown as ExecutionReport);
      await em.flush();
      await this.auditDecision(em, user, 'execution_report', p, d, undefined, { reportedOn: r.reportedOn });
      return r;
    });
  }

  async recordPostEvaluation(user: User, input: { proposalId: string; assessor: string; conclusion: string; evaluatedOn: string }): Promise<PostEvaluation> {
    this.assertManager(user);
    if (!isValidLocalDate(input.evaluatedOn)) throw new BadInputError('评估日期无效', 'evaluatedOn');
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      const risks = await em.find(RiskAssessment, { proposal: p.id });
      assertNoViolations(postEvaluationViolations(input.assessor, risks.map((r) => r.assessor)));
      const e = em.create(PostEvaluation, {
        id: randomUUID(),
        decision: d,
        assessor: input.assessor.trim(),
        conclusion: input.conclusion,
        evaluatedOn: input.evaluatedOn,
      } as unknown as PostEvaluation);
      await em.flush();
      await this.auditDecision(em, user, 'post_evaluation', p, d, undefined, { assessor: e.assessor });
      return e;
    });
  }

  /** R-DEC-16: suspension with a reason; a change needs a new proposal that amends this one. */
  async suspend(user: User, input: { proposalId: string; version: number; reason: string }): Promise<Decision> {
    if (!user.roles.includes(Role.DECISION_MAKER)) throw new ForbiddenError('只有决策者可以暂停执行决定');
    return this.em.transactional(async (em) => {
      const { p, d } = await this.loadDecision(em, user, input.proposalId);
      assertVersion(d, input.version, '决定');
      if (d.status !== DecisionStatus.PUBLISHED) {
        assertNoViolations([{ rule: 'R-DEC-16', code: 'NOT_IN_EXECUTION', message: '只有执行中的决定可以暂停 (R-DEC-16)' }]);
      }
      const before = decisionSummary(d);
      d.status = DecisionStatus.SUSPENDED;
      d.suspendedReason = input.reason.trim();
      await em.flush();
      await this.auditDecision(em, user, 'suspend', p, d, before);
      return d;
    });
  }

  meetings(req: PageRequest) {
    return paginate(this.em, Meeting, {}, req, this.deps.config.graphql, { field: 'heldOn', kind: 'string', direction: 'desc' });
  }

  async meeting(id: string): Promise<Meeting> {
    return this.loadMeeting(this.em, id);
  }

  /** Today's state of the decision's publication deadline (R-DEC-14). */
  publicationOverdue(d: Decision): boolean {
    return d.status === DecisionStatus.SIGNED && !!d.publicationDueOn && this.today > d.publicationDueOn;
  }
}
