import { LocalDateResolver } from 'graphql-scalars';
import type { Row } from '../db/rows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { localDateOf } from '../core/clock';
import { assertUuid, BadInputError, NotFoundError } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import { isValidLocalDate } from '../calendar/working-days';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { User } from '../identity/user.entity';
import { BodyHeadship, BodyMembership, StandingBody } from './body.entity';
import { sortRoll } from './body.service';
import { BodyRole } from './deliberation.enums';
import { AddBodyMemberInput, CreateStandingBodyInput, EndBodyMembershipInput, SetBodyHeadInput, UpdateStandingBodyInput } from './body.inputs';
import {
  BodyHeadshipConnection,
  BodyHeadshipPayload,
  BodyMembershipConnection,
  BodyMembershipPayload,
  StandingBodyConnection,
  StandingBodyPayload,
} from './deliberation.types';
import { BODY_WORKFLOW, MEMBERSHIP_WORKFLOW, membershipState } from './deliberation.workflow';

async function userOf(ctx: Context, id: string): Promise<User> {
  const u = await ctx.loaders.userById.load(id);
  if (!u) throw new NotFoundError('用户', id);
  return u;
}

/**
 * A body's members and head on a day, read together: `head` and `members` of a page of bodies wait for
 * the same two statements, so the users they then ask for are read in one batch, not two.
 */
async function rollOn(ctx: Context, bodyId: string, day: string) {
  const key = `${bodyId}|${day}`;
  const [periods, heads] = await Promise.all([ctx.loaders.membershipsOn.load(key), ctx.loaders.headshipsOn.load(key)]);
  return { periods, heads };
}

/** The day asked for, or today in the business time zone. */
function dayOf(ctx: Context, on: string | null | undefined): string {
  if (on == null) return localDateOf(ctx.clock.now(), ctx.config.timeZone);
  if (!isValidLocalDate(on)) throw new BadInputError('日期无效', 'on');
  return on;
}

/**
 * The standing deliberating bodies (R-DEC-11): every signed-in user reads them, with their members
 * and heads now, on any day and over time; administrators keep them.
 */
@Resolver(() => StandingBody)
export class StandingBodyResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => StandingBodyConnection, { description: 'The standing deliberating bodies (议事机构), by kind' })
  async standingBodies(@Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.bodies.list(page));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => StandingBody, { description: 'One standing body with its members and heads (议事机构)' })
  standingBody(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.bodies.get(assertUuid(id));
  }

  @FieldResolver(() => User, { nullable: true, description: 'The head on a day (default today): who chairs and decides' })
  async head(@Root() b: Row<StandingBody>, @Ctx() ctx: Context, @Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    const [h] = (await rollOn(ctx, b.id, dayOf(ctx, on))).heads;
    return h ? userOf(ctx, h.user.id) : null;
  }

  @FieldResolver(() => [BodyMembership], {
    description:
      'The members on a day (default today) — the roll of a meeting held that day: the head, the deputies, the members, each by seniority. Bounded by the size of the body, so not paged',
  })
  async members(@Root() b: Row<StandingBody>, @Ctx() ctx: Context, @Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    const day = dayOf(ctx, on);
    const { periods, heads: [head] } = await rollOn(ctx, b.id, day);
    const users = await Promise.all(periods.map((p) => userOf(ctx, p.user.id)));
    const ranked = periods.map((p, i) => ({
      p,
      role: head?.user.id === p.user.id ? BodyRole.HEAD : p.deputy ? BodyRole.DEPUTY : BodyRole.MEMBER,
      key: { startedOn: p.startedOn, username: users[i]!.username },
    }));
    return sortRoll(ranked).map((x) => x.p);
  }

  @FieldResolver(() => BodyMembershipConnection, { description: 'Every period of membership, past and current, oldest first (成员任职记录)' })
  async memberships(@Root() b: Row<StandingBody>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.membershipPages.load(b.id, page));
  }

  @FieldResolver(() => BodyHeadshipConnection, { description: 'Every head, past and current, oldest first (主要负责人任职记录)' })
  async headships(@Root() b: Row<StandingBody>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.headshipPages.load(b.id, page));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this body now (当前可办理的操作)' })
  availableActions(@Ctx() ctx: Context): AvailableAction[] {
    return availableActions(BODY_WORKFLOW, 'STANDING', ctx.user);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => StandingBodyPayload, { description: 'Set up a standing body, one per kind (设立议事机构) — admin only' })
  async createStandingBody(@Arg('input') input: CreateStandingBodyInput, @Ctx() ctx: Context) {
    return { body: await ctx.services.bodies.create(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => StandingBodyPayload, { description: 'Rename a standing body (修改机构名称) — admin only' })
  async updateStandingBody(@Arg('input') input: UpdateStandingBodyInput, @Ctx() ctx: Context) {
    return { body: await ctx.services.bodies.update(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => BodyMembershipPayload, { description: 'Add a member from a day on (增补成员), R-DEC-11 — admin only' })
  addBodyMember(@Arg('input') input: AddBodyMemberInput, @Ctx() ctx: Context) {
    return ctx.services.bodies.addMember(requireUser(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => BodyMembershipPayload, { description: 'End a period of membership; the record stays (结束任期), R-DEC-11 — admin only' })
  endBodyMembership(@Arg('input') input: EndBodyMembershipInput, @Ctx() ctx: Context) {
    return ctx.services.bodies.endMembership(requireUser(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => BodyHeadshipPayload, { description: 'Set the head from a day on; the previous head’s period ends the day before (设定主要负责人), R-DEC-11 — admin only' })
  setBodyHead(@Arg('input') input: SetBodyHeadInput, @Ctx() ctx: Context) {
    return ctx.services.bodies.setHead(requireUser(ctx), input);
  }
}

@Resolver(() => BodyMembership)
export class BodyMembershipResolver {
  @FieldResolver(() => User)
  user(@Root() m: Row<BodyMembership>, @Ctx() ctx: Context) {
    return userOf(ctx, m.user.id);
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this period now (当前可办理的操作)' })
  availableActions(@Root() m: Row<BodyMembership>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(MEMBERSHIP_WORKFLOW, membershipState(m), ctx.user);
  }
}

@Resolver(() => BodyHeadship)
export class BodyHeadshipResolver {
  @FieldResolver(() => User)
  user(@Root() h: Row<BodyHeadship>, @Ctx() ctx: Context) {
    return userOf(ctx, h.user.id);
  }
}
