import { Arg, Args, Authorized, Ctx, Info, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedNodeFields } from '../graphql/selection';
import type { Row } from '../db/rows';
import { TextVersionConnection } from '../content/content.resolver';
import { TextVersion } from '../content/text-version.entity';
import { assertUuid } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { ViolationType } from '../graphql/violation.type';
import { onlySeen, seen } from '../graphql/visibility';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewPayload } from '../review/review.resolver';
import { ReviewSubjectType } from '../review/review.enums';
import { canSeeReview } from '../review/review.visibility';
import { EnforcementCase, EnforcementOfficer, EnforcementProcedureRecord, ENFORCEMENT_OWNER } from './enforcement.entity';
import { EnforcementStep } from './enforcement.enums';
import {
  AddEnforcementEvidenceInput,
  AddEnforcementOfficerInput,
  AddProposedEnforcementDecisionInput,
  CreateEnforcementCaseInput,
  EnforcementCaseFilterInput,
  RecordEnforcementDecisionInput,
  RecordEnforcementProcedureInput,
  ReopenEnforcementInvestigationInput,
  RequestEnforcementReviewInput,
  UpdateEnforcementCaseInput,
} from './enforcement.inputs';
import {
  CollectiveDiscussion,
  EnforcementCaseConnection,
  EnforcementCasePayload,
  EnforcementEvidenceConnection,
  EnforcementEvidencePayload,
  EnforcementOfficerPayload,
  EnforcementProcedurePayload,
  MajorAssessmentType,
  ProposedEnforcementDecisionPayload,
} from './enforcement.types';
import { canSeeEnforcementCase } from './enforcement.visibility';
import { ENFORCEMENT_WORKFLOW } from './enforcement.workflow';

@Resolver(() => EnforcementCase)
export class EnforcementResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => EnforcementCase, { description: 'One enforcement case (执法案件): its team’s users and the cross-department roles' })
  enforcementCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.enforcementDecisions.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => EnforcementCaseConnection, { description: 'Enforcement cases, newest first (执法案件): drafters see their own team’s' })
  async enforcementCases(
    @Args(PAGE_ARGS) page: PageArgs,
    @Arg('filter', () => EnforcementCaseFilterInput, { nullable: true }) filter: EnforcementCaseFilterInput | undefined,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await ctx.services.enforcementDecisions.list(requireUser(ctx), page, filter ?? {}));
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => Department, { description: 'The enforcement team (执法部门)' })
  department(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    return ctx.loaders.departmentById.load(c.department.id);
  }

  @FieldResolver(() => MajorAssessmentType, { description: 'Whether the decision is major now, by the configured list, and why (R-EN-1)' })
  majorAssessment(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context): MajorAssessmentType {
    return ctx.services.enforcementDecisions.majorAssessment(c);
  }

  @FieldResolver(() => [ViolationType], { description: 'Everything that stands in the way of the step, all at once (R-EN-1, R-EN-2, R-EN-4). Ask for one case, not a list.' })
  blockers(@Root() c: Row<EnforcementCase>, @Arg('step', () => EnforcementStep) step: EnforcementStep, @Ctx() ctx: Context) {
    return ctx.services.enforcementDecisions.blockers(c, step);
  }

  @FieldResolver(() => TextVersion, { nullable: true, description: 'The current proposed decision (拟作出的执法决定)' })
  proposedDecision(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    return c.currentDecisionNumber ? ctx.loaders.versionByNumber.load({ ownerType: ENFORCEMENT_OWNER, ownerId: c.id, number: c.currentDecisionNumber }) : null;
  }

  @FieldResolver(() => TextVersionConnection, { description: 'Every version of the proposed decision, oldest first' })
  async proposedDecisions(@Root() c: Row<EnforcementCase>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.versionsOf(ENFORCEMENT_OWNER).load(c.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => EnforcementEvidenceConnection, { description: 'The evidence list, in its order (证据清单)' })
  async evidence(@Root() c: Row<EnforcementCase>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.enforcementEvidencePages.load(c.id, page));
  }

  @FieldResolver(() => [EnforcementOfficer], { description: 'The officers and their certificates (执法人员): a handful per case' })
  officers(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    return ctx.loaders.officersByCase.load(c.id);
  }

  @FieldResolver(() => [EnforcementProcedureRecord], { description: 'The procedure record, in the order recorded (程序记录): a handful of steps per case' })
  procedure(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    return ctx.loaders.procedureByCase.load(c.id);
  }

  @FieldResolver(() => [ReviewRequest], { description: 'Its legal reviews, oldest first (法制审核): one per submission after a reopened investigation' })
  async reviews(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    // by request time, then by code: two requests within one instant keep the order of their numbers
    const reviews = onlySeen(ctx, canSeeReview, await ctx.loaders.reviewsBySubject.load(c.id));
    return reviews.sort((x, y) => x.requestedAt.getTime() - y.requestedAt.getTime() || x.code.localeCompare(y.code));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded the decision' })
  decidedBy(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context) {
    return c.decidedBy ? ctx.loaders.userById.load(c.decidedBy.id) : null;
  }

  @FieldResolver(() => CollectiveDiscussion, { nullable: true, description: 'The leadership’s collective discussion, when the decision departs from the review (R-EN-4)' })
  async collectiveDiscussion(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context): Promise<CollectiveDiscussion | null> {
    if (!c.discussionMeeting) return null;
    const meeting = await ctx.loaders.meetingById.load(c.discussionMeeting.id);
    return meeting ? { meeting, conclusion: c.discussionConclusion ?? '', reason: c.discussionReason ?? '' } : null;
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this case now (当前可办理的操作); blockers(step) says what still stands in the way' })
  availableActions(@Root() c: Row<EnforcementCase>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(ENFORCEMENT_WORKFLOW, c.state, ctx.user);
  }

  // ------------------------------------------------------------ mutations

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementCasePayload, { description: 'Open an enforcement case (登记执法案件): drafters of an enforcement team; code ZF-<year>-<nnn>' })
  async createEnforcementCase(@Arg('input') input: CreateEnforcementCaseInput, @Ctx() ctx: Context) {
    return { enforcementCase: await ctx.services.enforcementCases.create(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementCasePayload, { description: 'Change the package while investigating: facts, legal basis and discretion, party, circumstances (R-EN-1, R-EN-2)' })
  async updateEnforcementCase(@Arg('input') input: UpdateEnforcementCaseInput, @Ctx() ctx: Context) {
    return { enforcementCase: await ctx.services.enforcementCases.update(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementEvidencePayload, { description: 'Add an item to the evidence list (R-EN-2)' })
  addEnforcementEvidence(@Arg('input') input: AddEnforcementEvidenceInput, @Ctx() ctx: Context) {
    return ctx.services.enforcementCases.addEvidence(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementOfficerPayload, { description: 'Add an officer and their enforcement certificate (R-EN-2)' })
  addEnforcementOfficer(@Arg('input') input: AddEnforcementOfficerInput, @Ctx() ctx: Context) {
    return ctx.services.enforcementCases.addOfficer(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementProcedurePayload, { description: 'Record a step of the procedure: investigation, notice of rights, statements and defence, hearing (R-EN-2)' })
  recordEnforcementProcedure(@Arg('input') input: RecordEnforcementProcedureInput, @Ctx() ctx: Context) {
    return ctx.services.enforcementCases.recordProcedure(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ProposedEnforcementDecisionPayload, { description: 'A new version of the proposed decision with its measure: while investigating, or amended after the review (R-EN-2, R-EN-4)' })
  addProposedEnforcementDecision(@Arg('input') input: AddProposedEnforcementDecisionInput, @Ctx() ctx: Context) {
    return ctx.services.enforcementCases.addProposedDecision(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ReviewPayload, { description: 'Request the legal review (提请法制审核): pins the proposed decision and the package; refused with every blocker (R-EN-2)' })
  async requestEnforcementReview(@Arg('input') input: RequestEnforcementReviewInput, @Ctx() ctx: Context) {
    const review = await ctx.services.reviewIntake.request(requireUser(ctx), {
      subjectType: ReviewSubjectType.ENFORCEMENT_DECISION,
      subjectId: input.caseId,
      subjectVersion: input.version,
    });
    return { review };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementCasePayload, { description: 'Investigate further after the review (补充调查): the opinion no longer covers the case (R-EN-4)' })
  async reopenEnforcementInvestigation(@Arg('input') input: ReopenEnforcementInvestigationInput, @Ctx() ctx: Context) {
    return { enforcementCase: await ctx.services.enforcementCases.reopen(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => EnforcementCasePayload, {
    description: 'Record the decision (作出执法决定): never while a review is open, a major one only after it, departing from NOT_AGREED or RETURNED only with a collective discussion (R-EN-1, R-EN-4)',
  })
  async recordEnforcementDecision(@Arg('input') input: RecordEnforcementDecisionInput, @Ctx() ctx: Context) {
    return { enforcementCase: await ctx.services.enforcementDecisions.decide(requireUser(ctx), input) };
  }
}

/** The reviewed case, on a review of an enforcement decision. */
@Resolver(() => ReviewRequest)
export class EnforcementReviewFieldResolver {
  @FieldResolver(() => EnforcementCase, { nullable: true, description: 'The reviewed enforcement case, when the subject is an enforcement decision' })
  async enforcementCase(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    return r.subjectType === ReviewSubjectType.ENFORCEMENT_DECISION ? seen(ctx, canSeeEnforcementCase, await ctx.loaders.enforcementCaseById.load(r.subjectId)) : null;
  }
}
