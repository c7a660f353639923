import { GraphQLJSON } from 'graphql-scalars';
import type { Row } from '../db/rows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent } from '../audit/audit-event.entity';
import { DueDate, dueDateOf } from '../calendar/calendar.types';
import { assertUuid, NotFoundError } from '../core/errors';
import { ALL_ROLES, MANAGERS, Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { mustSee, seen } from '../graphql/visibility';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { NormativeDocument } from '../normative/normative.entity';
import { canSeeNormativeDocument } from '../normative/normative.visibility';
import { DecisionProposal } from '../proposal/proposal.entity';
import { canSeeProposal } from '../proposal/proposal.visibility';
import { StandingBody } from './body.entity';
import { AgendaItem, Decision, Meeting, MeetingMember, MemberPosition } from './deliberation.entity';
import {
  AgendaInput,
  CorrectionInput,
  CreateMeetingInput,
  DelegateChairInput,
  ExecutingUnitInput,
  ExecutionReportInput,
  FinaliseInput,
  HeadDecisionInput,
  PartyReportInput,
  PositionInput,
  PostEvaluationInput,
  PublishInput,
  SignInput,
  SuspendInput,
} from './deliberation.inputs';
import {
  AgendaItemConnection,
  AgendaItemPayload,
  DecisionAmendmentConnection,
  DecisionPayload,
  ExecutionReportConnection,
  ExecutionReportPayload,
  MeetingConnection,
  MeetingCorrectionConnection,
  MeetingCorrectionPayload,
  MeetingPayload,
  PositionPayload,
  PostEvaluationConnection,
  PostEvaluationPayload,
  TimelineEntryKind,
  timelineEntryKind,
} from './deliberation.types';
import { DECISION_WORKFLOW, MEETING_WORKFLOW } from './deliberation.workflow';

async function userOf(ctx: Context, id: string): Promise<User> {
  const u = await ctx.loaders.userById.load(id);
  if (!u) throw new NotFoundError('用户', id);
  return u;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => MeetingConnection, { description: 'Meetings, newest first (集体讨论会议)' })
  async meetings(@Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.meetings.list(page));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Meeting, { description: 'One meeting with its record (会议)' })
  meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.meetings.get(assertUuid(id));
  }

  @FieldResolver(() => User, { description: 'Who chairs and decides (主持人): the head, or the deputy the head delegated to (`chairDelegation`)' })
  chair(@Root() m: Row<Meeting>, @Ctx() ctx: Context) {
    return userOf(ctx, m.chair.id);
  }

  @FieldResolver(() => User, { description: 'The body’s head on the meeting date (行政首长)' })
  head(@Root() m: Row<Meeting>, @Ctx() ctx: Context) {
    return userOf(ctx, m.head.id);
  }

  @FieldResolver(() => StandingBody, { description: 'The standing body that met: the roll is its members on the meeting date (R-DEC-11)' })
  async standingBody(@Root() m: Row<Meeting>, @Ctx() ctx: Context) {
    const b = await ctx.loaders.bodyById.load(m.standingBody.id);
    if (!b) throw new NotFoundError('议事机构', m.standingBody.id);
    return b;
  }

  @FieldResolver(() => [MeetingMember], {
    description: 'The roll — the body’s members on the meeting date — with attendance and reasons for absence (应到成员与出席情况): bounded by the size of the body, so not paged',
  })
  members(@Root() m: Row<Meeting>, @Ctx() ctx: Context) {
    return ctx.loaders.membersByMeeting.load(m.id);
  }

  @FieldResolver(() => AgendaItemConnection, { description: 'Agenda items in order (议题)' })
  async agenda(@Root() m: Row<Meeting>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.agendaPages.load(m.id, page));
  }

  @FieldResolver(() => MeetingCorrectionConnection, { description: 'Corrections appended to the finalised minutes, oldest first (纪要更正)' })
  async corrections(@Root() m: Row<Meeting>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.meetingCorrectionPages.load(m.id, page));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this meeting now (当前可办理的操作)' })
  availableActions(@Root() m: Row<Meeting>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(MEETING_WORKFLOW, m.status, ctx.user);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MeetingPayload, { description: 'Convene a meeting of a standing body: the roll is its members on the date, the chair its head (召开会议), R-DEC-11' })
  async createMeeting(@Arg('input') input: CreateMeetingInput, @Ctx() ctx: Context) {
    return { meeting: await ctx.services.meetingRolls.createMeeting(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MeetingPayload, { description: 'Record that the head delegated the chair to a present deputy (委托主持), R-DEC-11' })
  async delegateMeetingChair(@Arg('input') input: DelegateChairInput, @Ctx() ctx: Context) {
    return { meeting: await ctx.services.meetingRolls.delegateChair(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => AgendaItemPayload, { description: 'Put a proposal on the agenda: quorum and no blockers (R-DEC-8…11)' })
  addAgendaItem(@Arg('input') input: AgendaInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.addAgendaItem(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => PositionPayload, { description: 'Record a member’s position, dissent included (表态)' })
  recordPosition(@Arg('input') input: PositionInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.recordPosition(requireUser(ctx), input);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => AgendaItemPayload, { description: 'The present chair decides, last; reasons for departures, stated changes for an approval with changes (行政首长决定), R-DEC-11' })
  recordHeadDecision(@Arg('input') input: HeadDecisionInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.recordHeadDecision(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MeetingPayload, { description: 'Finalise the minutes: immutable afterwards; outcomes move the proposals' })
  async finaliseMeeting(@Arg('input') input: FinaliseInput, @Ctx() ctx: Context) {
    return { meeting: await ctx.services.meetings.finalise(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MeetingCorrectionPayload, { description: 'Append a correction to finalised minutes (更正)' })
  appendMeetingCorrection(@Arg('input') input: CorrectionInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.appendCorrection(requireUser(ctx), input);
  }
}

@Resolver(() => MeetingMember)
export class MeetingMemberResolver {
  @FieldResolver(() => User)
  user(@Root() m: Row<MeetingMember>, @Ctx() ctx: Context) {
    return userOf(ctx, m.user.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => DecisionProposal, {
    nullable: true,
    description: 'The proposal deliberated: null for users who may not see it (another department’s drafters read the meeting’s record, not the proposal)',
  })
  async proposal(@Root() a: Row<AgendaItem>, @Ctx() ctx: Context) {
    return a.proposal ? seen(ctx, canSeeProposal, await ctx.loaders.proposalById.load(a.proposal.id)) : null;
  }

  @FieldResolver(() => NormativeDocument, {
    nullable: true,
    description: 'The normative document deliberated (集体审议, R-ND-4): null for a proposal’s item and for users who may not see the document',
  })
  async normativeDocument(@Root() a: Row<AgendaItem>, @Ctx() ctx: Context) {
    return a.normativeDocument ? seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeById.load(a.normativeDocument.id)) : null;
  }

  @FieldResolver(() => Meeting, { description: 'The meeting whose agenda it is on' })
  async meeting(@Root() a: Row<AgendaItem>, @Ctx() ctx: Context) {
    return (await ctx.loaders.meetingById.load(a.meeting.id))!;
  }

  @FieldResolver(() => [MemberPosition], { description: 'Members’ positions (表态): one per present member at most, so not paged' })
  positions(@Root() a: Row<AgendaItem>, @Ctx() ctx: Context) {
    return ctx.loaders.positionsByAgendaItem.load(a.id);
  }
}

/** The deliberation area's edge on a normative document: the agenda items that put it before its meetings (R-ND-4). */
@Resolver(() => NormativeDocument)
export class NormativeAgendaFieldResolver {
  @FieldResolver(() => AgendaItemConnection, {
    description: 'The agenda items that put it before a meeting (集体审议, R-ND-4), oldest first: the release gate reads their decisions',
  })
  async agendaItems(@Root() d: Row<NormativeDocument>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.agendaPagesByDocument.load(d.id, page));
  }
}

@Resolver(() => MemberPosition)
export class MemberPositionResolver {
  @FieldResolver(() => User)
  member(@Root() p: Row<MemberPosition>, @Ctx() ctx: Context) {
    return userOf(ctx, p.member.id);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => DueDate, {
    nullable: true,
    description: 'Publication due (公开期限) counted in working days from sign-off (R-DEC-14), provisional while it counts through a year without holiday data',
  })
  publicationDue(@Root() d: Row<Decision>, @Ctx() ctx: Context): DueDate | null {
    return dueDateOf(ctx.calendar, d.signedOn, d.publicationDueOn);
  }

  @FieldResolver(() => Boolean, { description: 'Signed, not yet published, past the due date (R-DEC-14)' })
  publicationOverdue(@Root() d: Row<Decision>, @Ctx() ctx: Context): boolean {
    return ctx.services.decisions.publicationOverdue(d);
  }

  @FieldResolver(() => DecisionProposal, { description: 'The proposal the decision was made on (a decision is read with its proposal, so whoever sees one sees the other)' })
  async proposal(@Root() d: Row<Decision>, @Ctx() ctx: Context) {
    const p = await ctx.loaders.proposalById.load(d.proposal.id);
    if (!p) throw new NotFoundError('决策建议', d.proposal.id);
    return mustSee(ctx, canSeeProposal, p, '决策建议');
  }

  @FieldResolver(() => User, { nullable: true })
  signedBy(@Root() d: Row<Decision>, @Ctx() ctx: Context) {
    return d.signedBy ? ctx.loaders.userById.load(d.signedBy.id) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Executing unit (执行单位)' })
  executingDepartment(@Root() d: Row<Decision>, @Ctx() ctx: Context) {
    return d.executingDepartment ? ctx.loaders.departmentById.load(d.executingDepartment.id) : null;
  }

  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The normative document it produced, in the register (null while the user may not see it)' })
  async normativeDocument(@Root() d: Row<Decision>, @Ctx() ctx: Context) {
    return seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeByProposal.load(d.proposal.id));
  }

  @FieldResolver(() => ExecutionReportConnection, { description: 'Execution reports, oldest first (执行情况报告)' })
  async executionReports(@Root() d: Row<Decision>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.executionReportPages.load(d.id, page));
  }

  @FieldResolver(() => DecisionAmendmentConnection, { description: 'Amended texts submitted against the stated changes, in order (修改稿), R-DEC-12' })
  async amendments(@Root() d: Row<Decision>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.amendmentPages.load(d.id, page));
  }

  @FieldResolver(() => PostEvaluationConnection, { description: 'Post-evaluations, oldest first (决策后评估)' })
  async postEvaluations(@Root() d: Row<Decision>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.postEvaluationPages.load(d.id, page));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this decision now (当前可办理的操作)' })
  availableActions(@Root() d: Row<Decision>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(DECISION_WORKFLOW, d.status, ctx.user);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => DecisionPayload, { description: 'Sign the approved version — after an approval with changes, the confirmed amended text; assigns the document number (签发), R-DEC-12' })
  signDecision(@Arg('input') input: SignInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.sign(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionPayload, { description: 'Record the report to the Party committee (向党委报告), R-DEC-13' })
  recordPartyReport(@Arg('input') input: PartyReportInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.recordPartyReport(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionPayload, { description: 'Publish the decision (决策公布), R-DEC-14' })
  publishDecision(@Arg('input') input: PublishInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.publish(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionPayload, { description: 'Name the executing unit (执行单位), R-DEC-16' })
  setExecutingUnit(@Arg('input') input: ExecutingUnitInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.setExecutingUnit(requireUser(ctx), input);
  }

  @Authorized(...ALL_ROLES)
  @Mutation(() => ExecutionReportPayload, { description: 'Report on execution — the executing unit (执行情况报告)' })
  addExecutionReport(@Arg('input') input: ExecutionReportInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.addExecutionReport(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => PostEvaluationPayload, { description: 'Record a post-evaluation; not by the pre-decision risk assessor (R-DEC-16)' })
  recordPostEvaluation(@Arg('input') input: PostEvaluationInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.recordPostEvaluation(requireUser(ctx), input);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => DecisionPayload, { description: 'Suspend execution with a reason (暂停执行), R-DEC-16' })
  suspendDecision(@Arg('input') input: SuspendInput, @Ctx() ctx: Context) {
    return ctx.services.decisions.suspend(requireUser(ctx), input);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => GraphQLJSON, { description: 'The complete record of one decision as one JSON document (决策档案), R-DEC-15' })
  decisionArchive(@Arg('proposalId', () => ID) proposalId: string, @Ctx() ctx: Context) {
    return ctx.services.archive.archive(requireUser(ctx), assertUuid(proposalId, 'proposalId'));
  }
}

/** The decision made on a proposal, once approved. */
@Resolver(() => DecisionProposal)
export class ProposalDecisionFieldResolver {
  @FieldResolver(() => Decision, { nullable: true, description: 'The decision once approved: sign-off, publication, execution' })
  decision(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.decisionByProposal.load(p.id);
  }
}

/** Timeline entries (DecisionProposal.timeline) say which part of the decision's record they belong to. */
@Resolver(() => AuditEvent)
export class TimelineEntryKindFieldResolver {
  @FieldResolver(() => TimelineEntryKind, {
    nullable: true,
    description: 'Part of a decision’s record the event belongs to, for the events of a proposal’s timeline; null for other events (identity, directory …)',
  })
  kind(@Root() e: Row<AuditEvent>): TimelineEntryKind | null {
    return timelineEntryKind(e.action);
  }
}
