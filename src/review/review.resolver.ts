import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Row } from '../db/rows';
import { LocalDateResolver } from 'graphql-scalars';
import { assertUuid, NotFoundError } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import { TextVersion } from '../content/text-version.entity';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { selectedFields, selectedNodeFields } from '../graphql/selection';
import type { GraphQLResolveInfo } from 'graphql';
import { Payload } from '../graphql/payload';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { mustSee, onlySeen } from '../graphql/visibility';
import { User } from '../identity/user.entity';
import { LegalOpinion, OpinionAspect, OpinionConfirmation, OpinionFinding } from './opinion.entity';
import { CHECKLIST_ITEM_LABELS, ChecklistItem, FindingAspect, OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';
import {
  AssignReviewInput,
  ConfirmDraftInput,
  ExtendReviewInput,
  FirstReviewInput,
  IssueOpinionInput,
  RespondFindingInput,
  ReturnReviewInput,
  ReviewQueueFilterInput,
  ReviewTransitionInput,
  SaveOpinionInput,
} from './review.inputs';
import { ReviewRequest } from './review-request.entity';
import { canSeeOpinion, canSeeReview } from './review.visibility';
import { REVIEW_WORKFLOW } from './review.workflow';

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

  @Field({ description: 'Counted through a year without holiday data (there only weekends are off): may move once that year is loaded (暂定)' })
  provisional!: boolean;

  @Field(() => [Int], { description: 'The years without holiday data it counts through (empty when not provisional)' })
  uncoveredYears!: number[];
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

@ObjectType({ description: 'Reviews of one subject type in the period (按审查对象统计), R-AR-1: subjects counted once however often reviewed' })
class SubjectTypeCount {
  @Field(() => ReviewSubjectType)
  subjectType!: ReviewSubjectType;

  @Field(() => Int, { description: 'Distinct subjects with an opinion issued in the period (a contract reviewed twice counts once)' })
  subjectsReviewed!: number;

  @Field(() => [ID], { description: 'The subjects counted' })
  subjectIds!: string[];

  @Field(() => Int, { description: 'Reviews with an opinion issued in the period (审查次数)' })
  reviews!: number;

  @Field(() => [ID], { description: 'The reviews counted' })
  reviewIds!: string[];

  @Field(() => Int, { description: 'Opinions issued, corrections not included' })
  opinionsIssued!: number;

  @Field(() => Int, { description: 'Corrections issued that supersede an earlier opinion' })
  corrections!: number;
}

@ObjectType({ description: 'Legality-review statistics for a period (审查统计), counted as the annual report counts (R-AR-1), each number with the records behind it' })
class ReviewStatistics {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Int, { description: 'Legal opinions issued (出具法律意见书); corrections that supersede one are not counted here but in corrections' })
  opinionsIssued!: number;

  @Field(() => Int, { description: 'Corrections issued: opinions that supersede an earlier opinion of their review (更正)' })
  corrections!: number;

  @Field(() => [ID], { description: 'The corrections counted' })
  correctionIds!: string[];

  @Field(() => [ConclusionCount], { description: 'The opinions of opinionsIssued by conclusion' })
  byConclusion!: ConclusionCount[];

  @Field(() => [SubjectTypeCount], { description: 'Per subject type: subjects, reviews, opinions and corrections' })
  bySubjectType!: SubjectTypeCount[];

  @Field(() => Int, { description: 'Contracts reviewed (审查合同): distinct contracts, however often each was reviewed' })
  contractsReviewed!: number;

  @Field(() => [ID], { description: 'The contracts counted' })
  contractIds!: string[];

  @Field(() => Int, { description: 'Reviews of contracts (合同审查次数): a contract reviewed twice is two reviews' })
  contractReviews!: number;

  @Field(() => [ID], { description: 'The contract reviews counted' })
  contractReviewIds!: string[];

  @Field(() => Int, { description: 'Enforcement decisions reviewed (重大执法决定法制审核): distinct cases with an opinion issued in the period' })
  enforcementDecisionsReviewed!: number;

  @Field(() => [ID], { description: 'The enforcement cases counted' })
  enforcementCaseIds!: string[];

  @Field(() => Float, { nullable: true })
  averageWorkingDays!: number | null;

  @Field(() => Int, { nullable: true })
  maxWorkingDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of first opinions issued by the due date' })
  onTimeRate!: number | null;

  @Field(() => [ReviewStatisticsRow])
  rows!: ReviewStatisticsRow[];
}

@ObjectType({ description: 'A question of an aspect’s checklist (审查清单事项)' })
class ChecklistQuestion {
  @Field(() => ChecklistItem)
  item!: ChecklistItem;

  @Field({ description: 'The question in Chinese' })
  label!: string;

  @Field({ description: 'The rule an unanswered question cites, e.g. R-ND-11' })
  rule!: string;
}

@ObjectType({ description: 'An aspect the opinion must conclude on (须作出结论的审查方面), R-LR-4: declared by the subject type' })
class AspectRequirementType {
  @Field(() => FindingAspect)
  aspect!: FindingAspect;

  @Field({ description: 'Its Chinese name (主体与权限, 程序, 内容 …)' })
  label!: string;

  @Field(() => [ChecklistQuestion], { description: 'Questions the conclusion must answer, each once (R-ND-11 for the content of normative documents); empty where it has none' })
  checklist!: ChecklistQuestion[];
}

const ANY = ALL_ROLES;

export const ReviewPayload = Payload('ReviewPayload', 'A legality review after the change (审查)', { review: { type: () => ReviewRequest } });
export const OpinionPayload = Payload('OpinionPayload', 'An opinion after the change, with its review (法律意见)', {
  opinion: { type: () => LegalOpinion },
  review: { type: () => ReviewRequest },
});
const FindingPayload = Payload('FindingPayload', 'An answered finding (审查意见条目)', { finding: { type: () => OpinionFinding }, opinion: { type: () => LegalOpinion } });
const ConfirmationPayload = Payload('ConfirmationPayload', 'A confirmed amended text, and the review re-pinned to it (修改稿确认)', {
  confirmation: { type: () => OpinionConfirmation },
  review: { type: () => ReviewRequest },
});

@Resolver(() => ReviewRequest)
export class ReviewResolver {
  @Authorized(...ANY)
  @Query(() => ReviewConnection, { description: 'Review work queue, by due date (审查工作台). Drafters see their department’s.' })
  async reviews(
    @Args(PAGE_ARGS) page: PageArgs,
    @Arg('filter', () => ReviewQueueFilterInput, { nullable: true }) filter: ReviewQueueFilterInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await ctx.services.reviewQueries.queue(requireUser(ctx), { ...page, fields: selectedNodeFields(info) }, filter ?? {}));
  }

  @Authorized(...ANY)
  @Query(() => ReviewRequest)
  review(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.reviewQueries.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ANY)
  @Query(() => [ReviewStatusCount], { description: 'Reviews per status (各状态数量)' })
  reviewCounts(@Ctx() ctx: Context) {
    return ctx.services.reviewQueries.counts(requireUser(ctx));
  }

  @Authorized(Role.LEGAL_ADVISOR, Role.ADMIN)
  @Query(() => [User], { description: 'The active legal advisors a review may be assigned to (可分派的法律顾问), R-LR-3: the choices of assignReview' })
  reviewAdvisors(@Ctx() ctx: Context) {
    return ctx.services.reviewQueries.advisors();
  }

  @Authorized(Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER)
  @Query(() => ReviewStatistics, { description: 'Statistics of opinions issued in a period (审查统计)' })
  reviewStatistics(@Arg('from', () => LocalDateResolver) from: string, @Arg('to', () => LocalDateResolver) to: string, @Ctx() ctx: Context) {
    return ctx.services.reviewQueries.statistics(from, to);
  }

  @FieldResolver(() => ReviewDeadline)
  deadline(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context): ReviewDeadline {
    return ctx.services.reviewQueries.deadlineOf(r);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Assigned legal advisor (承办法律顾问)' })
  assignedTo(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    return r.assignedTo ? ctx.loaders.userById.load(r.assignedTo.id) : null;
  }

  @FieldResolver(() => User)
  async requestedBy(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    const u = await ctx.loaders.userById.load(r.requestedBy.id);
    if (!u) throw new NotFoundError('用户', r.requestedBy.id);
    return u;
  }

  @FieldResolver(() => TextVersion, { description: 'The text under review (送审文本): pinned at submission, re-pinned by a resubmission or a confirmed amendment' })
  async pinnedVersion(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<TextVersion> {
    const v = await ctx.loaders.textVersionById.load(r.pinnedVersion.id, selectedFields(info));
    if (!v) throw new NotFoundError('送审文本', r.pinnedVersion.id);
    // The subject's own text: a review belongs to its subject's department, whose users and the
    // cross-department roles see every text of the subject, so whoever sees the review sees it.
    return mustSee(ctx, (user, x: TextVersion) => x.ownerId === r.subjectId && canSeeReview(user, r), v, '送审文本');
  }

  @FieldResolver(() => [AspectRequirementType], { description: 'The aspects an opinion on this subject must conclude on, with their checklists (审查方面), R-LR-4' })
  requiredAspects(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context): AspectRequirementType[] {
    return ctx.services.reviewQueries.aspectsOf(r.subjectType).map((a) => ({
      aspect: a.aspect,
      label: a.label,
      checklist: (a.checklist?.items ?? []).map((item) => ({ item, label: CHECKLIST_ITEM_LABELS[item], rule: a.checklist!.rule })),
    }));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this review now (当前可办理的操作)' })
  availableActions(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(REVIEW_WORKFLOW, r.status, ctx.user);
  }

  @FieldResolver(() => [LegalOpinion], { description: 'Opinions, oldest first: the issued ones, and drafts for legal advisors' })
  async opinions(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // opinion drafts are the advisors' work in progress (canSeeOpinion)
    return onlySeen(ctx, (user, o: LegalOpinion) => canSeeOpinion(user, r, o), await ctx.loaders.opinionsByReview.load(r.id, selectedFields(info)));
  }

  // ------------------------------------------------------------ mutations

  @Authorized(Role.DRAFTER, Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewPayload, { description: 'First review by the sponsor department’s legal staff (初审), R-LR-6' })
  async recordFirstReview(@Arg('input') input: FirstReviewInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.recordFirstReview(requireUser(ctx), input) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewPayload, { description: 'Accept the request: the clock starts (接收), R-LR-3' })
  async acceptReview(@Arg('input') input: ReviewTransitionInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.accept(requireUser(ctx), input) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewPayload, { description: 'Return for supplement, listing what is missing; the clock stops (退回补充), R-LR-2' })
  async returnReview(@Arg('input') input: ReturnReviewInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.returnForSupplement(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN)
  @Mutation(() => ReviewPayload, { description: 'Resubmit after supplement: the current text and package are pinned anew; the clock resumes (重新提交), R-LR-2' })
  async resubmitReview(@Arg('input') input: ReviewTransitionInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.resubmit(requireUser(ctx), input) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewPayload, { description: 'Assign or reassign to a named advisor (分派), recorded' })
  async assignReview(@Arg('input') input: AssignReviewInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.assign(requireUser(ctx), input) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ReviewPayload, { description: 'Extend the deadline once, with a reason (延期), R-LR-3' })
  async extendReview(@Arg('input') input: ExtendReviewInput, @Ctx() ctx: Context) {
    return { review: await ctx.services.reviewIntake.extend(requireUser(ctx), input) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => OpinionPayload, { description: 'Save an opinion draft with its findings; it covers the pinned text (保存意见草稿)' })
  async saveOpinionDraft(@Arg('input') input: SaveOpinionInput, @Ctx() ctx: Context) {
    const opinion = await ctx.services.opinions.saveDraft(requireUser(ctx), input);
    return { opinion, review: await ctx.services.reviewQueries.getVisible(requireUser(ctx), opinion.review.id) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => OpinionPayload, { description: 'Sign and issue the opinion; refused while the text differs from the pinned one; immutable afterwards (签发法律意见), R-LR-5, R-DEC-9' })
  async issueOpinion(@Arg('input') input: IssueOpinionInput, @Ctx() ctx: Context) {
    const opinion = await ctx.services.opinions.issue(requireUser(ctx), input);
    return { opinion, review: await ctx.services.reviewQueries.getVisible(requireUser(ctx), opinion.review.id) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => FindingPayload, { description: 'Answer a finding: adopted / not adopted with a reason (答复意见), R-DEC-9' })
  async respondToFinding(@Arg('input') input: RespondFindingInput, @Ctx() ctx: Context) {
    const finding = await ctx.services.opinions.respondToFinding(requireUser(ctx), input);
    return { finding, opinion: await ctx.loaders.opinionById.load(finding.opinion.id) };
  }

  @Authorized(Role.LEGAL_ADVISOR)
  @Mutation(() => ConfirmationPayload, { description: 'Confirm the amended text against the opinion in force; the review is re-pinned to it (确认修改稿), R-DEC-9' })
  async confirmAmendedDraft(@Arg('input') input: ConfirmDraftInput, @Ctx() ctx: Context) {
    const confirmation = await ctx.services.opinions.confirmAmendment(requireUser(ctx), input);
    const opinion = await ctx.loaders.opinionById.load(confirmation.opinion.id);
    return { confirmation, review: await ctx.services.reviewQueries.getVisible(requireUser(ctx), opinion!.review.id) };
  }
}

@Resolver(() => LegalOpinion)
export class OpinionResolver {
  @FieldResolver(() => [OpinionFinding])
  findings(@Root() o: Row<LegalOpinion>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.findingsByOpinion.load(o.id, selectedFields(info));
  }

  @FieldResolver(() => [OpinionAspect], { description: 'The conclusion on each aspect, in the order the subject type declares them (分项审查结论), R-LR-4' })
  aspects(@Root() o: Row<LegalOpinion>, @Ctx() ctx: Context) {
    return ctx.loaders.aspectsByOpinion.load(o.id);
  }

  @FieldResolver(() => [OpinionConfirmation])
  confirmations(@Root() o: Row<LegalOpinion>, @Ctx() ctx: Context) {
    return ctx.loaders.confirmationsByOpinion.load(o.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The advisor who signed it (签发人)' })
  signedBy(@Root() o: Row<LegalOpinion>, @Ctx() ctx: Context) {
    return o.signedBy ? ctx.loaders.userById.load(o.signedBy.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The opinion this one corrects' })
  supersedesId(@Root() o: Row<LegalOpinion>): string | null {
    return o.supersedes?.id ?? null;
  }
}
