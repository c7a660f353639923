import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays } from '../calendar/working-days';
import type { AuditActor } from '../audit/audit.service';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import type { Page, PageRequest } from '../core/page';
import type { Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { paginate } from '../db/paginate';
import { transaction } from '../db/transaction';
import { User } from '../identity/user.entity';
import { BodyHeadship, BodyMembership, StandingBody } from './body.entity';
import type { AddBodyMemberCommand, CreateBodyCommand, EndMembershipCommand, SetBodyHeadCommand, UpdateBodyCommand } from './deliberation.commands';
import { Meeting } from './deliberation.entity';
import { BodyRole } from './deliberation.enums';
import { headChangeViolations, membershipEndViolations, membershipStartViolations, type RollMember } from './deliberation.rules';
import { BODY_WORKFLOW, MEMBERSHIP_WORKFLOW, membershipState } from './deliberation.workflow';
import { DeliberationBase } from './deliberation-base';

/** Who keeps the bodies: an administrator, or the system (seed). */
export type BodyKeeper = AuditActor & Pick<Actor, 'roles'>;

/** A member on the roll of a given day, with the position held. */
export interface RollMemberOn extends RollMember {
  title: string;
}

/**
 * The standing deliberating bodies (R-DEC-11): kept by administrators as dated periods — who was a
 * member, a deputy and the head, from when to when — each change audited. The roll of a day is what
 * a meeting on that day is called with. Changes of one body run one after the other (its row lock)
 * and take effect only after the body's latest meeting, so no meeting's roll is ever contradicted.
 */
export class BodyService extends DeliberationBase {
  private lockBody(em: EntityManager, id: string): Promise<StandingBody> {
    return findForUpdate(em, StandingBody, id, '议事机构');
  }

  private async audit(em: EntityManager, user: BodyKeeper, action: string, b: StandingBody, after: Record<string, unknown>, before: Record<string, unknown> | null = null) {
    await this.deps.audit.record(em, user, { action: `body.${action}`, subjectType: 'StandingBody', subjectId: b.id, before, after });
  }

  /** The latest meeting date of the body: its history up to that day is settled. */
  private async lastMeetingOn(em: EntityManager, bodyId: string): Promise<string | null> {
    const m = await em.findOne(Meeting, { standingBody: bodyId }, { orderBy: { heldOn: 'desc' }, fields: ['heldOn'] });
    return m?.heldOn ?? null;
  }

  async create(user: BodyKeeper, cmd: CreateBodyCommand): Promise<StandingBody> {
    BODY_WORKFLOW.authorize(user, 'UPDATE_BODY');
    return transaction(this.em, async (em) => {
      if (await em.count(StandingBody, { kind: cmd.kind })) throw new BadInputError('该类议事机构已经存在，请修改现有机构', 'kind');
      const b = em.create(StandingBody, { id: randomUUID(), kind: cmd.kind, name: cmd.name.trim(), createdAt: this.now, updatedAt: this.now } as unknown as StandingBody);
      await em.flush();
      await this.audit(em, user, 'create', b, { kind: b.kind, name: b.name });
      return b;
    });
  }

  async update(user: BodyKeeper, cmd: UpdateBodyCommand): Promise<StandingBody> {
    BODY_WORKFLOW.authorize(user, 'UPDATE_BODY');
    return transaction(this.em, async (em) => {
      const b = await this.lockBody(em, cmd.bodyId);
      assertVersion(b, cmd.version, '议事机构');
      const before = { name: b.name };
      b.name = cmd.name.trim();
      b.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'update', b, { name: b.name }, before);
      return b;
    });
  }

  async addMember(user: BodyKeeper, cmd: AddBodyMemberCommand): Promise<{ membership: BodyMembership; body: StandingBody }> {
    BODY_WORKFLOW.authorize(user, 'ADD_BODY_MEMBER');
    this.checkDate(cmd.startedOn, '任期开始日', 'startedOn');
    return transaction(this.em, async (em) => {
      const b = await this.lockBody(em, cmd.bodyId);
      const u = await em.findOne(User, { id: cmd.userId, active: true });
      if (!u) throw new BadInputError('成员账号不存在或已停用', 'userId');
      const periods = await em.find(BodyMembership, { body: b.id, user: u.id }, { orderBy: { startedOn: 'desc' } });
      const open = periods.find((p) => !p.endedOn);
      assertNoViolations(
        membershipStartViolations({
          name: u.displayName,
          startedOn: cmd.startedOn,
          openSince: open?.startedOn ?? null,
          lastEndedOn: periods.find((p) => p.endedOn)?.endedOn ?? null,
          lastMeetingOn: await this.lastMeetingOn(em, b.id),
        }),
      );
      const membership = em.create(BodyMembership, {
        id: randomUUID(),
        body: b,
        user: u,
        deputy: cmd.deputy,
        title: cmd.title.trim(),
        startedOn: cmd.startedOn,
        createdAt: this.now,
      } as unknown as BodyMembership);
      b.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'member.add', b, { member: u.username, deputy: cmd.deputy, title: membership.title, startedOn: cmd.startedOn });
      return { membership, body: b };
    });
  }

  async endMembership(user: BodyKeeper, cmd: EndMembershipCommand): Promise<{ membership: BodyMembership; body: StandingBody }> {
    MEMBERSHIP_WORKFLOW.authorize(user, 'END_BODY_MEMBERSHIP');
    this.checkDate(cmd.endedOn, '任期结束日', 'endedOn');
    return transaction(this.em, async (em) => {
      const found = await findOrThrow(em, BodyMembership, cmd.membershipId, '成员任期');
      const b = await this.lockBody(em, found.body.id);
      const m = await findOrThrow(em, BodyMembership, cmd.membershipId, '成员任期', { refresh: true });
      const u = await findOrThrow(em, User, m.user.id, '用户');
      const headAfterEnd = await em.count(BodyHeadship, { body: b.id, user: u.id, $or: [{ endedOn: null }, { endedOn: { $gt: cmd.endedOn } }] });
      assertNoViolations(
        membershipEndViolations({
          name: u.displayName,
          startedOn: m.startedOn,
          endedOn: cmd.endedOn,
          alreadyEndedOn: m.endedOn ?? null,
          headAfterEnd: headAfterEnd > 0,
          lastMeetingOn: await this.lastMeetingOn(em, b.id),
        }),
      );
      MEMBERSHIP_WORKFLOW.next(membershipState(m), 'END_BODY_MEMBERSHIP');
      m.endedOn = cmd.endedOn;
      m.endReason = cmd.reason.trim();
      b.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'member.end', b, { member: u.username, startedOn: m.startedOn, endedOn: m.endedOn, reason: m.endReason });
      return { membership: m, body: b };
    });
  }

  /** A new head from `startedOn`: a current member; the previous head's period ends the day before. */
  async setHead(user: BodyKeeper, cmd: SetBodyHeadCommand): Promise<{ headship: BodyHeadship; body: StandingBody }> {
    BODY_WORKFLOW.authorize(user, 'SET_BODY_HEAD');
    this.checkDate(cmd.startedOn, '任职日期', 'startedOn');
    return transaction(this.em, async (em) => {
      const b = await this.lockBody(em, cmd.bodyId);
      const u = await em.findOne(User, { id: cmd.userId, active: true });
      if (!u) throw new BadInputError('负责人账号不存在或已停用', 'userId');
      const member = await em.count(BodyMembership, { body: b.id, user: u.id, endedOn: null, startedOn: { $lte: cmd.startedOn } });
      const current = await em.findOne(BodyHeadship, { body: b.id, endedOn: null });
      assertNoViolations(
        headChangeViolations({
          name: u.displayName,
          startedOn: cmd.startedOn,
          memberOnStart: member > 0,
          current: current ? { sameUser: current.user.id === u.id, startedOn: current.startedOn } : null,
          lastMeetingOn: await this.lastMeetingOn(em, b.id),
        }),
      );
      const previous = current ? await findOrThrow(em, User, current.user.id, '用户') : null;
      if (current) current.endedOn = addCalendarDays(cmd.startedOn, -1);
      // the previous period is closed first: one open period per body (also a unique index)
      await em.flush();
      const headship = em.create(BodyHeadship, { id: randomUUID(), body: b, user: u, startedOn: cmd.startedOn, createdAt: this.now } as unknown as BodyHeadship);
      b.updatedAt = this.now;
      await em.flush();
      await this.audit(
        em,
        user,
        'head.set',
        b,
        { head: u.username, startedOn: cmd.startedOn },
        previous ? { head: previous.username, startedOn: current!.startedOn, endedOn: current!.endedOn } : null,
      );
      return { headship, body: b };
    });
  }

  /** The members of the body on `date`, the head marked HEAD and deputies DEPUTY: head, deputies, members, each by seniority. */
  async rollOn(em: EntityManager, bodyId: string, date: string): Promise<RollMemberOn[]> {
    const periods = await em.find(
      BodyMembership,
      { body: bodyId, startedOn: { $lte: date }, $or: [{ endedOn: null }, { endedOn: { $gte: date } }] },
      { orderBy: { startedOn: 'asc', id: 'asc' }, populate: ['user'] },
    );
    const head = await em.findOne(BodyHeadship, { body: bodyId, startedOn: { $lte: date }, $or: [{ endedOn: null }, { endedOn: { $gte: date } }] });
    const roll = periods.map((p) => ({
      userId: p.user.id,
      name: p.user.getEntity().displayName,
      title: p.title,
      role: head?.user.id === p.user.id ? BodyRole.HEAD : p.deputy ? BodyRole.DEPUTY : BodyRole.MEMBER,
      key: { startedOn: p.startedOn, username: p.user.getEntity().username },
    }));
    return sortRoll(roll).map(({ key: _key, ...m }) => m);
  }

  list(req: PageRequest): Promise<Page<StandingBody>> {
    return paginate(this.em, StandingBody, {}, req, this.deps.config.graphql, { field: 'kind', kind: 'string' });
  }

  get(id: string): Promise<StandingBody> {
    return findOrThrow(this.em, StandingBody, id, '议事机构');
  }

  /** The body of a kind, its row locked: its members do not change while a meeting's roll is taken. */
  lockByKind(em: EntityManager, kind: StandingBody['kind']): Promise<StandingBody> {
    return findForUpdate(em, StandingBody, { kind }, '议事机构（请先由管理员设立并维护成员）');
  }
}

const ROLE_RANK: Record<BodyRole, number> = { HEAD: 0, DEPUTY: 1, MEMBER: 2 };

/** The order of a roll: the head, the deputies, the members; each by seniority (first day), then login name. */
export function sortRoll<T extends { role: BodyRole; key: { startedOn: string; username: string } }>(members: T[]): T[] {
  return [...members].sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.key.startedOn.localeCompare(b.key.startedOn) || a.key.username.localeCompare(b.key.username),
  );
}
