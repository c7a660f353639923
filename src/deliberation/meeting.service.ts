import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import type { Page, PageRequest } from '../core/page';
import { hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { paginate } from '../db/paginate';
import { DeliberationBase, type DeliberationDeps } from './deliberation-base';
import type {
  AddAgendaItemCommand,
  FinaliseMeetingCommand,
  HeadDecisionCommand,
  MeetingCorrectionCommand,
  RecordPositionCommand,
} from './deliberation.commands';
import type { AgendaSubjects } from './agenda-subject.port';
import { AgendaItem, Meeting, MeetingCorrection, MeetingMember, MemberPosition } from './deliberation.entity';
import {
  agendaDecidedViolations,
  alreadyOnAgendaViolations,
  headDecisionViolations,
  positionViolations,
  quorumViolations,
} from './deliberation.rules';
import { MEETING_WORKFLOW } from './deliberation.workflow';
import { meetingDateViolations } from './deliberation-dates.rules';
import { transaction } from '../db/transaction';

export interface MeetingDeps extends DeliberationDeps {
  /** What an agenda deliberates: one adapter per subject kind (decision proposals, normative documents). */
  agendaSubjects: AgendaSubjects;
}

/**
 * Meetings of the deliberating bodies and their record (R-DEC-11): convening, the agenda, members'
 * positions, the head's decisions, finalised minutes and appended corrections. Finalising hands each
 * decided subject to its adapter: proposals move and approvals become decisions the decision service
 * carries on; normative documents get the decision their release gate reads (R-ND-4).
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

  /**
   * R-DEC-11 quorum and the subject's own blockers (a proposal's R-DEC-8/9/10, a normative document's
   * R-ND-4): a subject goes on the agenda only with no blocker left, all named at once. The subject
   * kind is the adapter's business (agenda-subject.port.ts).
   */
  async addAgendaItem(user: Actor, cmd: AddAgendaItemCommand): Promise<{ agendaItem: AgendaItem; meeting: Meeting }> {
    MEETING_WORKFLOW.authorize(user, 'ADD_AGENDA_ITEM');
    const { adapter, id } = this.deps.agendaSubjects.resolve(cmd);
    return transaction(this.em, async (em) => {
      // Locks: the meeting (its agenda and seq), then the subject (its state and its other agendas).
      const m = await this.lockMeeting(em, cmd.meetingId);
      MEETING_WORKFLOW.assertCan(m.status, 'ADD_AGENDA_ITEM');
      const subject = await adapter.lock(em, user, id);
      const { violations: quorum } = await this.quorum(em, m);
      const blockers = await adapter.blockers(em, subject, m);
      const undecided = await em.count(AgendaItem, { [adapter.itemKey]: subject.id, headDecision: null });
      assertNoViolations([...quorum, ...blockers, ...alreadyOnAgendaViolations(undecided, adapter.noun)]);
      const seq = (await em.count(AgendaItem, { meeting: m.id })) + 1;
      const agendaItem = em.create(AgendaItem, {
        id: randomUUID(),
        meeting: m,
        subjectType: adapter.type,
        [adapter.itemKey]: subject.id,
        seq,
        draftVersion: subject.text,
        draftHash: subject.text.contentHash,
        createdAt: this.now,
      } as unknown as AgendaItem);
      await em.flush();
      await this.auditMeeting(em, user, 'agenda.add', m, {
        seq,
        subjectType: adapter.type,
        ...subject.audit,
        draftNumber: subject.text.number,
        draftHash: subject.text.contentHash,
      });
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
      // The subjects move now, each kind through its adapter, locked after the meeting (proposals first,
      // then documents, each in id order) so no withdrawal or release slips in between.
      for (const adapter of this.deps.agendaSubjects.all) {
        await adapter.onFinalised(
          em,
          user,
          m,
          items.filter((i) => i.subjectType === adapter.type),
        );
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
