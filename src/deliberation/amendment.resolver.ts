import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Row } from '../db/rows';
import { Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import type { Context } from '../graphql/context';
import { User } from '../identity/user.entity';
import { OpinionFinding } from '../review/opinion.entity';
import { DecisionAmendment } from './amendment.entity';
import { AmendmentStatus } from './deliberation.enums';
import { ConfirmAmendedTextInput, RecordAmendedTextInput, ReturnAmendedTextInput } from './deliberation.inputs';
import { amendmentStatusOf } from './deliberation.rules';
import { AmendmentPayload } from './deliberation.types';

const userOrNull = (ctx: Context, ref: { id: string } | null | undefined) => (ref ? ctx.loaders.userById.load(ref.id) : null);

/**
 * Approve with changes up to sign-off (R-DEC-12, R-DEC-9). An amendment is read through its
 * decision, so by whoever may see the proposal.
 */
@Resolver(() => DecisionAmendment)
export class DecisionAmendmentResolver {
  @FieldResolver(() => AmendmentStatus)
  status(@Root() a: Row<DecisionAmendment>): AmendmentStatus {
    return amendmentStatusOf(a);
  }

  @FieldResolver(() => [OpinionFinding], { description: 'Findings of the opinion in force the sponsor declared the change concerns (涉及的审查意见)' })
  async concernedFindings(@Root() a: Row<DecisionAmendment>, @Ctx() ctx: Context) {
    const found = await ctx.loaders.findingById.loadMany(a.concernedFindingIds);
    return found.filter((f): f is OpinionFinding => f !== null && !(f instanceof Error));
  }

  @FieldResolver(() => User)
  async submittedBy(@Root() a: Row<DecisionAmendment>, @Ctx() ctx: Context) {
    return ctx.loaders.userById.load(a.submittedBy.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The legal advisor who confirmed it (R-DEC-9)' })
  advisorConfirmedBy(@Root() a: Row<DecisionAmendment>, @Ctx() ctx: Context) {
    return userOrNull(ctx, a.advisorConfirmedBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The meeting’s chair who confirmed it matches the decision' })
  chairConfirmedBy(@Root() a: Row<DecisionAmendment>, @Ctx() ctx: Context) {
    return userOrNull(ctx, a.chairConfirmedBy);
  }

  @FieldResolver(() => User, { nullable: true })
  returnedBy(@Root() a: Row<DecisionAmendment>, @Ctx() ctx: Context) {
    return userOrNull(ctx, a.returnedBy);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => AmendmentPayload, {
    description: 'The sponsor records the amended text against the meeting’s stated changes: a new draft version, to be confirmed (提交修改稿), R-DEC-12',
  })
  recordAmendedText(@Arg('input') input: RecordAmendedTextInput, @Ctx() ctx: Context) {
    return ctx.services.amendments.record(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => AmendmentPayload, { description: 'The legal advisor confirms the amended text (法律顾问确认修改稿), R-DEC-9' })
  confirmAmendedTextLegally(@Arg('input') input: ConfirmAmendedTextInput, @Ctx() ctx: Context) {
    return ctx.services.amendments.confirmLegally(requireUser(ctx), input);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => AmendmentPayload, {
    description: 'The meeting’s chair confirms the amended text matches what was decided: it becomes the version to sign (确认修改稿), R-DEC-12',
  })
  confirmAmendedText(@Arg('input') input: ConfirmAmendedTextInput, @Ctx() ctx: Context) {
    return ctx.services.amendments.confirm(requireUser(ctx), input);
  }

  @Authorized(Role.DECISION_MAKER, Role.LEGAL_ADVISOR)
  @Mutation(() => AmendmentPayload, { description: 'The chair or the legal advisor returns the amended text, with the reason (退回修改稿), R-DEC-12' })
  returnAmendedText(@Arg('input') input: ReturnAmendedTextInput, @Ctx() ctx: Context) {
    return ctx.services.amendments.return(requireUser(ctx), input);
  }
}
