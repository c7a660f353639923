import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import { assertAnyRole, hasRole, MANAGERS, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { transaction } from '../db/transaction';
import { User } from '../identity/user.entity';
import type { BodyService } from './body.service';
import { DeliberationBase, type DeliberationDeps } from './deliberation-base';
import type { CreateMeetingCommand, DelegateChairCommand } from './deliberation.commands';
import { AgendaItem, Meeting, MeetingMember } from './deliberation.entity';
import { BodyRole, MeetingStatus } from './deliberation.enums';
import { delegationViolations, rollViolations } from './deliberation.rules';
import { MEETING_WORKFLOW } from './deliberation.workflow';

export interface MeetingRollDeps extends DeliberationDeps {
  /** The standing bodies a meeting's roll is taken from (R-DEC-11). */
  bodies: Pick<BodyService, 'lockByKind' | 'rollOn'>;
}

/**
 * Convening a meeting of a standing body and who chairs it (R-DEC-11): the roll is taken from the
 * body's members on the meeting date, with attendance and reasons for absence; the chair is the
 * body's head, or a present deputy by a recorded delegation. Quorum counts against this roll.
 */
export class MeetingRollService extends DeliberationBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: MeetingRollDeps,
  ) {
    super(em, deps);
  }

  private lockMeeting(em: EntityManager, id: string): Promise<Meeting> {
    return findForUpdate(em, Meeting, id, '会议');
  }

  /** The chair decides: a decision maker (checked when convening and delegating). */
  private assertCanChair(u: User): void {
    if (!hasRole(u, Role.DECISION_MAKER)) throw new BadInputError(`主持人「${u.displayName}」没有决策者角色，无法作出决定：请管理员为其授予决策者角色`, 'delegation');
  }


  /**
   * Convenes a meeting of a standing body: the roll is the body's members on the meeting date, the
   * chair its head then — or the deputy the head delegated to — and the caller only says who is
   * absent and why (R-DEC-11).
   */
  async createMeeting(user: Actor, cmd: CreateMeetingCommand): Promise<Meeting> {
    assertAnyRole(user, MANAGERS, '召开会议');
    this.checkDate(cmd.heldOn, '会议日期', 'heldOn');
    const absences = cmd.absences ?? [];
    if (new Set(absences.map((a) => a.userId)).size !== absences.length) throw new BadInputError('缺席人员不能重复', 'absences');
    return transaction(this.em, async (em) => {
      // the body's row lock: its members and head do not change while the roll is taken
      const body = await this.deps.bodies.lockByKind(em, cmd.body);
      const roll = await this.deps.bodies.rollOn(em, body.id, cmd.heldOn);
      const delegation = cmd.delegation ? { deputyId: cmd.delegation.deputyUserId, note: cmd.delegation.note } : null;
      assertNoViolations(rollViolations({ bodyName: body.name, heldOn: cmd.heldOn, roll, absences, delegation }));
      const head = roll.find((x) => x.role === BodyRole.HEAD)!;
      const chair = await findOrThrow(em, User, delegation?.deputyId ?? head.userId, '用户');
      this.assertCanChair(chair);
      const absent = new Map(absences.map((a) => [a.userId, a.reason.trim()]));
      const m = em.create(Meeting, {
        id: randomUUID(),
        title: cmd.title.trim(),
        body: cmd.body,
        standingBody: body,
        heldOn: cmd.heldOn,
        head: head.userId,
        chair: chair.id,
        chairDelegation: delegation?.note.trim() ?? null,
        status: MeetingStatus.OPEN,
        createdAt: this.now,
      } as unknown as Meeting);
      for (const [i, x] of roll.entries()) {
        em.create(MeetingMember, {
          id: randomUUID(),
          meeting: m,
          user: x.userId,
          seq: i + 1,
          role: x.role,
          title: x.title,
          present: !absent.has(x.userId),
          absenceReason: absent.get(x.userId) ?? null,
        } as unknown as MeetingMember);
      }
      await em.flush();
      await this.auditMeeting(em, user, 'create', m, {
        title: m.title,
        body: m.body,
        heldOn: m.heldOn,
        chair: chair.username,
        delegation: m.chairDelegation ?? null,
        members: roll.length,
        present: roll.length - absences.length,
        absences: absences.map((a) => ({ userId: a.userId, reason: absent.get(a.userId) })),
      });
      return m;
    });
  }

  /** The head delegates the chair of this meeting to a present deputy before anything is decided (R-DEC-11). */
  async delegateChair(user: Actor, cmd: DelegateChairCommand): Promise<Meeting> {
    MEETING_WORKFLOW.authorize(user, 'DELEGATE_CHAIR');
    return transaction(this.em, async (em) => {
      const m = await this.lockMeeting(em, cmd.meetingId);
      MEETING_WORKFLOW.assertCan(m.status, 'DELEGATE_CHAIR');
      assertVersion(m, cmd.version, '会议');
      const roll = await em.find(MeetingMember, { meeting: m.id }, { populate: ['user'] });
      const entry = roll.find((x) => x.user.id === cmd.deputyUserId);
      const decided = await em.count(AgendaItem, { meeting: m.id, headDecision: { $ne: null } });
      assertNoViolations(
        delegationViolations({
          deputy: entry ? { userId: entry.user.id, name: entry.user.getEntity().displayName, role: entry.role } : null,
          deputyPresent: !!entry?.present,
          note: cmd.note,
          anyDecided: decided > 0,
        }),
      );
      const deputy = entry!.user.getEntity();
      this.assertCanChair(deputy);
      m.chair = em.getReference(User, deputy.id, { wrapped: true });
      m.chairDelegation = cmd.note.trim();
      await em.flush();
      await this.auditMeeting(em, user, 'delegate_chair', m, { chair: deputy.username, delegation: m.chairDelegation });
      return m;
    });
  }
}
