import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import type { Page, PageRequest } from '../core/page';
import { hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { paginate } from '../db/paginate';
import { proposalOwner } from '../proposal/proposal-base';
import { DecisionProposal } from '../proposal/proposal.entity';
import { ProposalStep } from '../proposal/proposal.enums';
import { PROPOSAL_WORKFLOW } from '../proposal/proposal.workflow';
import { proposalDateViolations } from '../proposal/proposal-dates.rules';
import type { ReadinessService } from '../proposal/readiness.service';
import { DeliberationBase, type DeliberationDeps } from './deliberation-base';
import type {
  AddAgendaItemCommand,
  FinaliseMeetingCommand,
  HeadDecisionCommand,
  MeetingCorrectionCommand,
  RecordPositionCommand,
} from './deliberation.commands';
import { AgendaItem, Decision, Meeting, MeetingCorrection, MeetingMember, MemberPosition } from './deliberation.entity';
import { DecisionStatus, HeadDecision } from './deliberation.enums';
import {
  agendaDecidedViolations,
  alreadyOnAgendaViolations,
  headDecisionViolations,
  positionViolations,
  proposalEventOf,
  quorumViolations,
} from './deliberation.rules';
import { MEETING_WORKFLOW } from './deliberation.workflow';
import { meetingDateViolations } from './deliberation-dates.rules';
import { transaction } from '../db/transaction';

export interface MeetingDeps extends DeliberationDeps {
  /** What still blocks a proposal from deliberation (R-DEC-7…10), and the dates of its package. */
  readiness: Pick<ReadinessService, 'blockersIn' | 'packageDatesIn'>;
}

/**
 * Meetings of the deliberating bodies and their record (R-DEC-11): convening, the agenda, members'
 * positions, the head's decisions, finalised minutes and appended corrections. Finalising moves the
 * proposals and creates the decisions the decision service carries on.
 */
export class MeetingService extends DeliberationBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: MeetingDeps,
  ) {
    super(em, deps);
  }

  private loadMeeting(em: EntityManager, id: string): Promise<Meeting> {
    return findOrThrow(em, Meeting, id, '会议');
  }

  /**
   * The meeting row locked until commit: every change of a meeting's record (agenda, positions, the
   * head's decisions, finalising) takes it before its checks, so they run one after the other and
   * each sees the record as the previous one left it.
   */
  private lockMeeting(em: EntityManager, id: string): Promise<Meeting> {
    return findForUpdate(em, Meeting, id, '会议');
  }

  /** R-DEC-11: more than the configured share of the roll — the body's members on the meeting date — present. */
  private async quorum(em: EntityManager, m: Meeting) {
    const members = await em.find(MeetingMember, { meeting: m.id }, { populate: ['user'] });
    const present = members.filter((x) => x.present).length;
    return { members, violations: quorumViolations(present, members.length, this.deps.config.rules.decision.deliberationQuorumShare) };
  }

  /** An agenda item and its meeting (locked), which must still allow `event`; the item read under the lock. */
  private async openItem(em: EntityManager, itemId: string, event: 'RECORD_POSITION' | 'RECORD_HEAD_DECISION') {
    const found = await findOrThrow(em, AgendaItem, itemId, '议题');
    const m = await this.lockMeeting(em, found.meeting.id);
    MEETING_WORKFLOW.assertCan(m.status, event);
    const item = await findOrThrow(em, AgendaItem, itemId, '议题', { refresh: true });
    return { item, m };
  }

  /** R-DEC-8/9/10 and R-DEC-11 quorum: a proposal goes on the agenda only with no blocker left. */
  async addAgendaItem(user: Actor, cmd: AddAgendaItemCommand): Promise<{ agendaItem: AgendaItem; meeting: Meeting }> {
    MEETING_WORKFLOW.authorize(user, 'ADD_AGENDA_ITEM');
    return transaction(this.em, async (em) => {
      // Locks: the meeting (its agenda and seq), then the proposal (its state and its other agendas).
      const m = await this.lockMeeting(em, cmd.meetingId);
      MEETING_WORKFLOW.assertCan(m.status, 'ADD_AGENDA_ITEM');
      const p = await this.deps.proposals.lockVisible(user, cmd.proposalId, em);
      const { violations: quorum } = await this.quorum(em, m);
      const blockers = await this.deps.readiness.blockersIn(em, p, ProposalStep.DELIBERATION);
      const undecided = await em.count(AgendaItem, { proposal: p.id, headDecision: null });
      const packageDates = await this.deps.readiness.packageDatesIn(em, p);
      assertNoViolations([
        ...quorum,
        ...blockers,
        ...alreadyOnAgendaViolations(undecided),
        ...proposalDateViolations({ ...packageDates, meetingHeldOn: m.heldOn }, this.today),
      ]);
      const draft = await textVersions.get(em, proposalOwner(p.id), p.currentDraftNumber, '决策草案');
      const seq = (await em.count(AgendaItem, { meeting: m.id })) + 1;
      const agendaItem = em.create(AgendaItem, {
        id: randomUUID(),
        meeting: m,
        proposal: p,
        seq,
        draftVersion: draft,
        draftHash: draft.contentHash,
      } as unknown as AgendaItem);
      await em.flush();
      await this.auditMeeting(em, user, 'agenda.add', m, { seq, proposal: p.code, draftNumber: draft.number, draftHash: draft.contentHash });
      return { agendaItem, meeting: m };
    });
  }

  /** Records a member's position; dissent is kept as said (R-DEC-11). */
  async recordPosition(user: Actor, cmd: RecordPositionCommand): Promise<{ position: MemberPosition; agendaItem: AgendaItem }> {
    MEETING_WORKFLOW.authorize(user, 'RECORD_POSITION');
    return transaction(this.em, async (em) => {
      const { item, m } = await this.openItem(em, cmd.agendaItemId, 'RECORD_POSITION');
      assertNoViolations(meetingDateViolations(m.heldOn, this.today));
      const roll = await em.find(MeetingMember, { meeting: m.id }, { populate: ['user'] });
      // One id kind only: the member's user id. A roll entry's id is refused by name, never guessed at.
      const member = roll.find((x) => x.user.id === cmd.memberUserId);
      if (!member && roll.some((x) => x.id === cmd.memberUserId)) {
        throw new BadInputError('memberUserId 须为成员的用户 id（User.id），不是会议名单条目的 id（MeetingMember.id）', 'memberUserId');
      }
      const condition = cmd.condition?.trim() || null;
      assertNoViolations(
        positionViolations({
          headDecided: !!item.headDecision,
          member: member ? { name: member.user.getEntity().displayName, present: member.present, isChair: member.user.id === m.chair.id } : null,
          position: cmd.position,
          condition,
        }),
      );
      let position = await em.findOne(MemberPosition, { agendaItem: item.id, member: cmd.memberUserId });
      position ??= em.create(MemberPosition, { id: randomUUID(), agendaItem: item, member: cmd.memberUserId } as unknown as MemberPosition);
      position.position = cmd.position;
      position.condition = condition;
      position.remarks = cmd.remarks?.trim() ?? '';
      await em.flush();
      await this.auditMeeting(em, user, 'position', m, {
        seq: item.seq,
        member: cmd.memberUserId,
        position: position.position,
        condition: position.condition,
        remarks: position.remarks,
      });
      return { position, agendaItem: item };
    });
  }

  /**
   * The present chair decides last; a departure from the majority needs a reason; an approval with
   * changes states them (R-DEC-11).
   */
  async recordHeadDecision(user: Actor, cmd: HeadDecisionCommand): Promise<{ agendaItem: AgendaItem; meeting: Meeting }> {
    MEETING_WORKFLOW.authorize(user, 'RECORD_HEAD_DECISION');
    return transaction(this.em, async (em) => {
      const { item, m } = await this.openItem(em, cmd.agendaItemId, 'RECORD_HEAD_DECISION');
      if (m.chair.id !== user.id) throw new ForbiddenError('只有主持会议的行政首长可以作出决定');
      assertVersion(item, cmd.version, '议题');
      const { members, violations: quorum } = await this.quorum(em, m);
      const positions = await em.find(MemberPosition, { agendaItem: item.id });
      const presentOthers = members.filter((x) => x.present && x.user.id !== m.chair.id).length;
      const chairPresent = members.some((x) => x.present && x.user.id === m.chair.id);
      assertNoViolations([
        ...meetingDateViolations(m.heldOn, this.today),
        ...quorum,
        ...headDecisionViolations({
          chairPresent,
          presentOthers,
          positions: positions.map((x) => x.position),
          decision: cmd.decision,
          reason: cmd.reason ?? null,
          requiredChanges: cmd.requiredChanges ?? null,
        }),
      ]);
      item.headDecision = cmd.decision;
      item.decisionReason = cmd.reason?.trim() || null;
      item.requiredChanges = cmd.requiredChanges?.trim() || null;
      await em.flush();
      await this.auditMeeting(em, user, 'head_decision', m, { seq: item.seq, decision: item.headDecision, reason: item.decisionReason, requiredChanges: item.requiredChanges });
      return { agendaItem: item, meeting: m };
    });
  }

  /**
   * Finalises the record: minutes required, quorum, every item decided. From now on it is immutable
   * (corrections are appended). Outcomes move the proposals; an approval creates the decision.
   */
  async finalise(user: Actor, cmd: FinaliseMeetingCommand): Promise<Meeting> {
    MEETING_WORKFLOW.authorize(user, 'FINALISE_MINUTES');
    return transaction(this.em, async (em) => {
      const m = await this.lockMeeting(em, cmd.meetingId);
      if (m.chair.id !== user.id && !hasRole(user, Role.ADMIN)) throw new ForbiddenError('只有会议主持人可以定稿纪要');
      assertVersion(m, cmd.version, '会议');
      const status = MEETING_WORKFLOW.next(m.status, 'FINALISE_MINUTES');
      const { violations: quorum } = await this.quorum(em, m);
      const items = await em.find(AgendaItem, { meeting: m.id }, { orderBy: { seq: 'asc' } });
      assertNoViolations([
        ...meetingDateViolations(m.heldOn, this.today),
        ...quorum,
        ...agendaDecidedViolations(items.map((i) => ({ seq: i.seq, decided: !!i.headDecision }))),
      ]);
      m.status = status;
      m.minutes = cmd.minutes;
      m.finalisedAt = this.now;
      // The proposals move now: locked (in id order, after the meeting) so no withdrawal slips in between.
      const locked = await em.find(
        DecisionProposal,
        { id: { $in: items.map((i) => i.proposal.id) } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
      );
      const proposals = new Map(locked.map((p) => [p.id, p]));
      for (const item of items) {
        const event = proposalEventOf(item.headDecision!);
        if (!event) continue; // deferred: stays eligible for a later meeting
        const p = proposals.get(item.proposal.id)!;
        p.state = PROPOSAL_WORKFLOW.next(p.state, event);
        p.updatedAt = this.now;
        if (event === 'HEAD_APPROVE') {
          // With changes, the decision waits for the amended text the chair confirms (R-DEC-12).
          const draft = await findOrThrow(em, TextVersion, item.draftVersion.id, '决策草案');
          const withChanges = item.headDecision === HeadDecision.APPROVE_WITH_CHANGES;
          em.create(Decision, {
            id: randomUUID(),
            proposal: p,
            agendaItem: item,
            approvedDraftNumber: draft.number,
            approvedDraftHash: item.draftHash,
            requiredChanges: withChanges ? item.requiredChanges : null,
            status: withChanges ? DecisionStatus.AMENDMENT_REQUIRED : DecisionStatus.APPROVED,
          } as unknown as Decision);
        }
        await this.deps.audit.record(em, user, {
          action: 'proposal.deliberated',
          subjectType: 'DecisionProposal',
          subjectId: p.id,
          after: { meetingId: m.id, decision: item.headDecision, reason: item.decisionReason ?? null, requiredChanges: item.requiredChanges ?? null, state: p.state },
        });
      }
      await em.flush();
      await this.auditMeeting(em, user, 'finalise', m, { items: items.map((i) => ({ seq: i.seq, decision: i.headDecision })), minutesLength: cmd.minutes.length });
      return m;
    });
  }

  /** Corrections are appended to finalised minutes, never overwriting them (R-DEC-11). */
  async appendCorrection(user: Actor, cmd: MeetingCorrectionCommand): Promise<{ correction: MeetingCorrection; meeting: Meeting }> {
    MEETING_WORKFLOW.authorize(user, 'APPEND_CORRECTION');
    return transaction(this.em, async (em) => {
      const m = await this.loadMeeting(em, cmd.meetingId);
      MEETING_WORKFLOW.assertCan(m.status, 'APPEND_CORRECTION');
      const correction = em.create(MeetingCorrection, {
        id: randomUUID(),
        meeting: m,
        text: cmd.text,
        recordedBy: user.username,
        recordedAt: this.now,
      } as unknown as MeetingCorrection);
      await em.flush();
      await this.auditMeeting(em, user, 'correction', m, { text: cmd.text });
      return { correction, meeting: m };
    });
  }

  /** Meetings, newest first. */
  list(req: PageRequest): Promise<Page<Meeting>> {
    return paginate(this.em, Meeting, {}, req, this.deps.config.graphql, { field: 'heldOn', kind: 'string', direction: 'desc' });
  }

  get(id: string): Promise<Meeting> {
    return this.loadMeeting(this.em, id);
  }
}
