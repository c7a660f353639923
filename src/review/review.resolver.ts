import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { assertVersion, ForbiddenError, NotFoundError } from '../core/errors';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Role } from '../identity/role';
import { User } from '../identity/user.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { Contract, ContractDraft, ContractMaterial } from './contract.entity';
import { LegalOpinion, OpinionConfirmation, OpinionFinding } from './opinion.entity';
import { OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';
import {
  AssignReviewInput,
  ConfirmDraftInput,
  ContractDraftInput,
  ContractMaterialInput,
  CreateContractInput,
  ExtendReviewInput,
  FirstReviewInput,
  IssueOpinionInput,
  RequestContractReviewInput,
  RespondFindingInput,
  ReturnReviewInput,
  ReviewQueueFilter,
  ReviewTransitionInput,
  SaveOpinionInput,
} from './review.inputs';
import { ReviewRequest } from './review-request.entity';

export const ReviewConnection = ConnectionType(ReviewRequest, 'ReviewRequest');

@ObjectType({ description: 'Deadline of a review in working days (审查期限), R-LR-3' })
class ReviewDeadline {
  @Field(() => LocalDateResolver, { nullable: true })
  dueOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Working days left until the due date (negative: overdue)' })
  workingDaysLeft!: number | null;

  @Field()
  overdue!: boolean;

  @Field({ description: 'Returned for supplement: the clock stands still' })
  paused!: boolean;
}

@ObjectType()
class ReviewStatusCount {
  @Field(() => ReviewStatus)
  status!: ReviewStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
class ConclusionCount {
  @Field(() => OpinionConclusion)
  conclusion!: OpinionConclusion;

  @Field(() => Int)
  count!: number;

  @Field(() => [ID], { description: 'The opinions counted' })
  opinionIds!: string[];
}

@ObjectType({ description: 'One review counted in the timeliness figures' })
class ReviewStatisticsRow {
  @Field(() => ID)
  reviewId!: string;

  @Field()
  code!: string;

  @Field(() => ReviewSubjectType)
  subjectType!: ReviewSubjectType;

  @Field(() => OpinionConclusion)
  conclusion!: OpinionConclusion;

  @Field(() => LocalDateResolver)
  opinionIssuedOn!: string;

  @Field(() => Int, { description: 'Working days from acceptance to the opinion, paused days excluded' })
  workingDays!: number;

  @Field()
  onTime!: boolean;
}

@ObjectType({ description: 'Legality-review statistics for a period (审查统计), each number with the records behind it' })
class ReviewStatistics {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Int, { description: 'Legal opinions issued (出具法律意见书), corrections included' })
  opinionsIssued!: number;

  @Field(() => [ConclusionCount])
  byConclusion!: ConclusionCount[];

  @Field(() => Int, { description: 'Contracts reviewed (审查合同)' })
  contractsReviewed!: number;

  @Field(() => [ID])
  contractReviewIds!: string[];

  @Field(() => Float, { nullable: true })
  averageWorkingDays!: number | null;

  @Field(() => Int, { nullable: true })
  maxWorkingDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of first opinions issued by the due date' })
  onTimeRate!: number | null;

  @Field(() => [ReviewStatisticsRow])
  rows!: ReviewStatisticsRow[];
}

@InputType()
class ReviewWhere {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  id!: string;
}

@InputType()
class ContractWhere {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  id!: string;
}

const ANY = [Role.DRAFTER, Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER, Role.FILING_OFFICER];

@Resolver(() => ReviewRequest)
export class ReviewResolver {
  @Authorized(...ANY)
  @Query(() => ReviewConnection, { description: 'Review work queue, by due date (审查工作台). Drafters see their department’s.' })
  reviews(@Args() page: PageArgs, @Arg('filter', () => ReviewQueueFilter, { nullable: true }) filter: ReviewQueueFilter | undefined, @Ctx() ctx: Context) {
    return ctx.services.review.queue(requireUser(ctx), page, filter ?? {});
  }

  @Authorized(...ANY)
  @Query(() => ReviewRequest)
  review(@Arg('where') where: ReviewWhere, @Ctx() ctx: Context) {
    return ctx.services.review.getVisible(requireUser(ctx), where.id);
  }

  @Authorized(...ANY)
  @Query(() => [ReviewStatusCount], { description: 'Reviews per status (各状态数量)' })
  reviewCounts(@Ctx() ctx: Context) {
    return ctx.services.review.counts(requireUser(ctx));
  }

  @Authorized(Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER)
  @Query(() => ReviewStatistics, { description: 'Statistics of opinions issued in a period (审查统计)' })
  reviewStatistics(@Arg('from', () => LocalDateResolver) from: string, @Arg('to', () => LocalDateResolver) to: string, @Ctx() ctx: Context) {
    return ctx.services.review.statistics(from, to);
  }

  @FieldResolver(() => ReviewDeadline)
  deadline(@Root() r: ReviewRequest, @Ctx() ctx: Context): ReviewDeadline {
    return ctx.services.review.deadlineOf(r);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Assigned legal advisor (承办法律顾问)' })
  assignedTo(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    return r.assignedTo ? ctx.loaders.userById.load(r.assignedTo.id) : null;
  }

  @FieldResolver(() => User)
  async requestedBy(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    const u = await ctx.loaders.userById.load(r.requestedBy.id);
    if (!u) throw new NotFoundError('用户', r.requestedBy.id);
    return u;
  }

  @FieldResolver(() => DecisionProposal, { nullable: true })
  proposal(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    return r.proposal ? ctx.loaders.proposalById.load(r.proposal.id) : null;
  }

  @FieldResolver(() => Contract, { nullable: true })
  contract(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    return r.contract ? ctx.loaders.contractById.load(r.contract.id) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of the pinned draft version' })
  async draftNumber(@Root() r: ReviewRequest, @Ctx() ctx: Context): Promise<number | null> {
    if (r.proposal && r.draftVersion) {
      const drafts = await ctx.loaders.draftsByProposal.load(r.proposal.id);
      return drafts.find((d) => d.id === r.draftVersion!.id)?.number ?? null;
    }
    if (r.contract && r.contractDraft) {
      const drafts = await ctx.loaders.draftsByContract.load(r.contract.id);
      return drafts.find((d) => d.id === r.contractDraft!.id)?.number ?? null;
    }
    return null;
  }

  @FieldResolver(() => [LegalOpinion], { description: 'Opinions, drafts and issued, oldest first' })
  async opinions(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    const all = await ctx.loaders.opinionsByReview.load(r.id);
    // Opinion drafts are the advisors' work in progress.
    return requireUser(ctx).roles.includes(Role.LEGAL_ADVISOR) ? all : all.filter((o) => o.status === 'ISSUED');
  }

  // ------------------------------------------------------------ mutations

  @Authorized(Role.DRAFTER, Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewRequest, { description: 'First review by the sponsor department’s legal staff (初审), R-LR-6' })
  recordFirstReview(@Arg('input') input: FirstReviewInput, @Ctx() ctx: Context) {
    return ctx.services.review.recordFirstReview(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewRequest, { description: 'Accept the request: the clock starts (接收), R-LR-3' })
  acceptReview(@Arg('input') input: ReviewTransitionInput, @Ctx() ctx: Context) {
    return ctx.services.review.accept(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewRequest, { description: 'Return for supplement, listing what is missing; the clock stops (退回补充), R-LR-2' })
  returnReview(@Arg('input') input: ReturnReviewInput, @Ctx() ctx: Context) {
    return ctx.services.review.returnForSupplement(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ReviewRequest, { description: 'Resubmit after supplement; the clock resumes (重新提交)' })
  async resubmitReview(@Arg('input') input: ReviewTransitionInput, @Ctx() ctx: Context) {
    const user = requireUser(ctx);
    const r = await ctx.services.review.getVisible(user, input.reviewId);
    assertVersion(r, input.version, '审查');
    if (r.proposal) {
      const p = await ctx.services.proposal.getVisible(user, r.proposal.id);
      return ctx.services.proposal.requestLegalityReview(user, { proposalId: p.id, version: p.version });
    }
    return ctx.services.review.resubmit(user, input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewRequest, { description: 'Assign or reassign to a named advisor (分派), recorded' })
  assignReview(@Arg('input') input: AssignReviewInput, @Ctx() ctx: Context) {
    return ctx.services.review.assign(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewRequest, { description: 'Extend the deadline once, with a reason (延期), R-LR-3' })
  extendReview(@Arg('input') input: ExtendReviewInput, @Ctx() ctx: Context) {
    return ctx.services.review.extend(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => LegalOpinion, { description: 'Save an opinion draft with its findings (保存意见草稿)' })
  saveOpinionDraft(@Arg('input') input: SaveOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.review.saveOpinionDraft(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => LegalOpinion, { description: 'Sign and issue the opinion; immutable afterwards (签发法律意见), R-LR-5' })
  issueOpinion(@Arg('input') input: IssueOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.review.issueOpinion(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => OpinionFinding, { description: 'Answer a finding: adopted / not adopted with a reason (答复意见), R-DEC-9' })
  respondToFinding(@Arg('input') input: RespondFindingInput, @Ctx() ctx: Context) {
    return ctx.services.review.respondToFinding(requireUser(ctx), input);
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => OpinionConfirmation, { description: 'Confirm the amended draft against the opinion (确认修改稿), R-DEC-9' })
  confirmAmendedDraft(@Arg('input') input: ConfirmDraftInput, @Ctx() ctx: Context) {
    return ctx.services.review.confirmAmendedDraft(requireUser(ctx), input);
  }
}

@Resolver(() => LegalOpinion)
export class OpinionResolver {
  @FieldResolver(() => [OpinionFinding])
  findings(@Root() o: LegalOpinion, @Ctx() ctx: Context) {
    return ctx.loaders.findingsByOpinion.load(o.id);
  }

  @FieldResolver(() => [OpinionConfirmation])
  confirmations(@Root() o: LegalOpinion, @Ctx() ctx: Context) {
    return ctx.loaders.confirmationsByOpinion.load(o.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The advisor who signed it (签发人)' })
  signedBy(@Root() o: LegalOpinion, @Ctx() ctx: Context) {
    return o.signedBy ? ctx.loaders.userById.load(o.signedBy.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The opinion this one corrects' })
  supersedesId(@Root() o: LegalOpinion): string | null {
    return o.supersedes?.id ?? null;
  }
}

@Resolver(() => Contract)
export class ContractResolver {
  @Authorized(...ANY)
  @Query(() => Contract, { description: 'One contract (合同): its department’s users and the cross-department roles' })
  async contract(@Arg('where') where: ContractWhere, @Ctx() ctx: Context) {
    const user = requireUser(ctx);
    const c = await ctx.em.findOne(Contract, { id: where.id });
    if (!c) throw new NotFoundError('合同', where.id);
    const crossDepartment = [Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER, Role.FILING_OFFICER].some((r) => user.roles.includes(r));
    if (c.department.id !== user.department.id && !crossDepartment) throw new ForbiddenError('您只能查看本部门的合同');
    return c;
  }

  @FieldResolver(() => [ContractDraft])
  drafts(@Root() c: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.draftsByContract.load(c.id);
  }

  @FieldResolver(() => [ContractMaterial])
  materials(@Root() c: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.materialsByContract.load(c.id);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => Contract, { description: 'Register a contract with its first text (登记合同)' })
  createContract(@Arg('input') input: CreateContractInput, @Ctx() ctx: Context) {
    return ctx.services.review.createContract(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractDraft, { description: 'New contract text version (合同修改稿)' })
  addContractDraft(@Arg('input') input: ContractDraftInput, @Ctx() ctx: Context) {
    return ctx.services.review.addContractDraft(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractMaterial, { description: 'Add a contract material (合同材料)' })
  addContractMaterial(@Arg('input') input: ContractMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.review.addContractMaterial(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ReviewRequest, { description: 'Request the legality review of a contract (提请合同审查)' })
  requestContractReview(@Arg('input') input: RequestContractReviewInput, @Ctx() ctx: Context) {
    return ctx.services.review.requestContractReview(requireUser(ctx), input);
  }
}
