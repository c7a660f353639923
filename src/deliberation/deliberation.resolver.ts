import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, NotFoundError } from '../core/errors';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Department } from '../identity/department.entity';
import { Role } from '../core/roles';
import { User } from '../identity/user.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MeetingMember, MemberPosition, PostEvaluation } from './deliberation.entity';
import { DeliberatingBody, HeadDecision, MemberPositionKind } from './deliberation.enums';
import { NormativeDocument } from '../normative/normative.entity';
import { Issuer } from '../normative/normative.enums';

export const MeetingConnection = ConnectionType(Meeting, 'Meeting');

@InputType()
class MemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: '成员 id 格式无效' })
  userId!: string;

  @Field()
  @IsBoolean()
  present!: boolean;
}

@InputType({ description: 'A meeting with its members and attendance (会议)' })
class CreateMeetingInput {
  @Field()
  @Length(2, 200)
  title!: string;

  @Field(() => DeliberatingBody)
  @IsEnum(DeliberatingBody)
  body!: DeliberatingBody;

  @Field(() => LocalDateResolver)
  heldOn!: string;

  @Field(() => ID, { description: 'The head, who decides last' })
  @IsUUID('all')
  chairId!: string;

  @Field(() => [MemberInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  members!: MemberInput[];
}

@InputType()
class AgendaInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;
}

@InputType()
class PositionInput {
  @Field(() => ID)
  @IsUUID('all')
  agendaItemId!: string;

  @Field(() => ID)
  @IsUUID('all')
  memberId!: string;

  @Field(() => MemberPositionKind)
  @IsEnum(MemberPositionKind)
  position!: MemberPositionKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  remarks?: string;
}

@InputType()
class HeadDecisionInput {
  @Field(() => ID)
  @IsUUID('all')
  agendaItemId!: string;

  @Field(() => Int)
  @Min(1)
  version!: number;

  @Field(() => HeadDecision)
  @IsEnum(HeadDecision)
  decision!: HeadDecision;

  @Field(() => String, { nullable: true, description: 'Required when departing from the majority' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string;
}

@InputType()
class FinaliseInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field(() => Int)
  @Min(1)
  version!: number;

  @Field()
  @Length(1, 200_000, { message: '请填写会议纪要' })
  minutes!: string;
}

@InputType()
class CorrectionInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field()
  @Length(1, 20_000)
  text!: string;
}

@InputType()
class DecisionRef {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field(() => Int, { description: 'The decision’s version you read' })
  @Min(1)
  version!: number;
}

@InputType()
class SignInput extends DecisionRef {
  @Field(() => Int, { description: 'The draft version being signed: must be the approved one (R-DEC-12)' })
  @Min(1)
  draftNumber!: number;
}

@InputType()
class PartyReportInput extends DecisionRef {
  @Field(() => LocalDateResolver)
  reportedOn!: string;
}

@InputType({ description: 'The decision produces a normative document: it enters the register (制发规范性文件)' })
class ProducedDocumentInput {
  @Field(() => Issuer)
  @IsEnum(Issuer)
  issuer!: Issuer;

  @Field()
  @IsBoolean()
  affectsBusinessesOrPublic!: boolean;

  @Field()
  @IsBoolean()
  touchesMarketEntities!: boolean;
}

@InputType()
class PublishInput extends DecisionRef {
  @Field()
  @Length(1, 200)
  channel!: string;

  @Field(() => LocalDateResolver)
  publishedOn!: string;

  @Field(() => String, { nullable: true, description: 'How public and expert opinions were used (required for decisions of broad concern)' })
  @IsOptional()
  @MaxLength(20_000)
  opinionsUseExplanation?: string;

  @Field(() => ProducedDocumentInput, { nullable: true, description: 'Set when the decision produces a normative document' })
  @IsOptional()
  @ValidateNested()
  normativeDocument?: ProducedDocumentInput;
}

@InputType()
class ExecutingUnitInput extends DecisionRef {
  @Field(() => ID)
  @IsUUID('all')
  departmentId!: string;
}

@InputType()
class ExecutionReportInput {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field(() => LocalDateResolver)
  reportedOn!: string;

  @Field()
  @Length(1, 50_000)
  content!: string;
}

@InputType()
class PostEvaluationInput {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, 200)
  assessor!: string;

  @Field()
  @Length(1, 50_000)
  conclusion!: string;

  @Field(() => LocalDateResolver)
  evaluatedOn!: string;
}

@InputType()
class SuspendInput extends DecisionRef {
  @Field()
  @Length(2, 5000, { message: '请说明暂停执行的理由' })
  reason!: string;
}

const MANAGERS = [Role.DECISION_MAKER, Role.ADMIN];
const ANY = [Role.DRAFTER, Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER, Role.FILING_OFFICER];

@Resolver(() => Meeting)
export class MeetingResolver {
  @Authorized(...ANY)
  @Query(() => MeetingConnection, { description: 'Meetings, newest first (集体讨论会议)' })
  async meetings(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.meetings.list(page));
  }

  @Authorized(...ANY)
  @Query(() => Meeting)
  meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.meetings.get(assertUuid(id));
  }

  @FieldResolver(() => User, { description: 'The head (主持人)' })
  async chair(@Root() m: Meeting, @Ctx() ctx: Context) {
    const u = await ctx.loaders.userById.load(m.chair.id);
    if (!u) throw new NotFoundError('用户', m.chair.id);
    return u;
  }

  @FieldResolver(() => [MeetingMember])
  members(@Root() m: Meeting, @Ctx() ctx: Context) {
    return ctx.loaders.membersByMeeting.load(m.id);
  }

  @FieldResolver(() => [AgendaItem])
  agenda(@Root() m: Meeting, @Ctx() ctx: Context) {
    return ctx.loaders.agendaByMeeting.load(m.id);
  }

  @FieldResolver(() => [MeetingCorrection])
  corrections(@Root() m: Meeting, @Ctx() ctx: Context) {
    return ctx.loaders.correctionsByMeeting.load(m.id);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => Meeting, { description: 'Convene a meeting: members, attendance, chair (召开会议)' })
  createMeeting(@Arg('input') input: CreateMeetingInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.createMeeting(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => AgendaItem, { description: 'Put a proposal on the agenda: quorum and no blockers (R-DEC-8…11)' })
  async addAgendaItem(@Arg('input') input: AgendaInput, @Ctx() ctx: Context) {
    return (await ctx.services.meetings.addAgendaItem(requireUser(ctx), input)).agendaItem;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MemberPosition, { description: 'Record a member’s position, dissent included (表态)' })
  async recordPosition(@Arg('input') input: PositionInput, @Ctx() ctx: Context) {
    return (await ctx.services.meetings.recordPosition(requireUser(ctx), input)).position;
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => AgendaItem, { description: 'The head decides, last (行政首长决定), R-DEC-11' })
  async recordHeadDecision(@Arg('input') input: HeadDecisionInput, @Ctx() ctx: Context) {
    return (await ctx.services.meetings.recordHeadDecision(requireUser(ctx), input)).agendaItem;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => Meeting, { description: 'Finalise the minutes: immutable afterwards; outcomes move the proposals' })
  finaliseMeeting(@Arg('input') input: FinaliseInput, @Ctx() ctx: Context) {
    return ctx.services.meetings.finalise(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => MeetingCorrection, { description: 'Append a correction to finalised minutes (更正)' })
  async appendMeetingCorrection(@Arg('input') input: CorrectionInput, @Ctx() ctx: Context) {
    return (await ctx.services.meetings.appendCorrection(requireUser(ctx), input)).correction;
  }
}

@Resolver(() => MeetingMember)
export class MeetingMemberResolver {
  @FieldResolver(() => User)
  async user(@Root() m: MeetingMember, @Ctx() ctx: Context) {
    const u = await ctx.loaders.userById.load(m.user.id);
    if (!u) throw new NotFoundError('用户', m.user.id);
    return u;
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => DecisionProposal)
  async proposal(@Root() a: AgendaItem, @Ctx() ctx: Context) {
    const p = await ctx.loaders.proposalById.load(a.proposal.id);
    if (!p) throw new NotFoundError('决策建议', a.proposal.id);
    return p;
  }

  @FieldResolver(() => [MemberPosition])
  positions(@Root() a: AgendaItem, @Ctx() ctx: Context) {
    return ctx.loaders.positionsByAgendaItem.load(a.id);
  }
}

@Resolver(() => MemberPosition)
export class MemberPositionResolver {
  @FieldResolver(() => User)
  async member(@Root() p: MemberPosition, @Ctx() ctx: Context) {
    const u = await ctx.loaders.userById.load(p.member.id);
    if (!u) throw new NotFoundError('用户', p.member.id);
    return u;
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => Boolean, { description: 'Signed, not yet published, past the due date (R-DEC-14)' })
  publicationOverdue(@Root() d: Decision, @Ctx() ctx: Context): boolean {
    return ctx.services.decisions.publicationOverdue(d);
  }

  @FieldResolver(() => User, { nullable: true })
  signedBy(@Root() d: Decision, @Ctx() ctx: Context) {
    return d.signedBy ? ctx.loaders.userById.load(d.signedBy.id) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Executing unit (执行单位)' })
  executingDepartment(@Root() d: Decision, @Ctx() ctx: Context) {
    return d.executingDepartment ? ctx.loaders.departmentById.load(d.executingDepartment.id) : null;
  }

  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The normative document it produced, in the register' })
  async normativeDocument(@Root() d: Decision, @Ctx() ctx: Context) {
    return ctx.loaders.normativeByProposal.load(d.proposal.id);
  }

  @FieldResolver(() => [ExecutionReport])
  executionReports(@Root() d: Decision, @Ctx() ctx: Context) {
    return ctx.loaders.reportsByDecision.load(d.id);
  }

  @FieldResolver(() => [PostEvaluation])
  postEvaluations(@Root() d: Decision, @Ctx() ctx: Context) {
    return ctx.loaders.evaluationsByDecision.load(d.id);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => Decision, { description: 'Sign the approved version; assigns the document number (签发), R-DEC-12' })
  async signDecision(@Arg('input') input: SignInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.sign(requireUser(ctx), input)).decision;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => Decision, { description: 'Record the report to the Party committee (向党委报告), R-DEC-13' })
  async recordPartyReport(@Arg('input') input: PartyReportInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.recordPartyReport(requireUser(ctx), input)).decision;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => Decision, { description: 'Publish the decision (决策公布), R-DEC-14' })
  async publishDecision(@Arg('input') input: PublishInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.publish(requireUser(ctx), input)).decision;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => Decision, { description: 'Name the executing unit (执行单位), R-DEC-16' })
  async setExecutingUnit(@Arg('input') input: ExecutingUnitInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.setExecutingUnit(requireUser(ctx), input)).decision;
  }

  @Authorized(...ANY)
  @Mutation(() => ExecutionReport, { description: 'Report on execution — the executing unit (执行情况报告)' })
  async addExecutionReport(@Arg('input') input: ExecutionReportInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.addExecutionReport(requireUser(ctx), input)).report;
  }

  @Authorized(...MANAGERS)
  @Mutation(() => PostEvaluation, { description: 'Record a post-evaluation; not by the pre-decision risk assessor (R-DEC-16)' })
  async recordPostEvaluation(@Arg('input') input: PostEvaluationInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.recordPostEvaluation(requireUser(ctx), input)).postEvaluation;
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => Decision, { description: 'Suspend execution with a reason (暂停执行), R-DEC-16' })
  async suspendDecision(@Arg('input') input: SuspendInput, @Ctx() ctx: Context) {
    return (await ctx.services.decisions.suspend(requireUser(ctx), input)).decision;
  }

  @Authorized(...ANY)
  @Query(() => GraphQLJSON, { description: 'The complete record of one decision as one JSON document (决策档案), R-DEC-15' })
  decisionArchive(@Arg('proposalId', () => ID) proposalId: string, @Ctx() ctx: Context) {
    return ctx.services.archive.archive(requireUser(ctx), assertUuid(proposalId, 'proposalId'));
  }
}

/** The decision made on a proposal, once approved. */
@Resolver(() => DecisionProposal)
export class ProposalDecisionFieldResolver {
  @FieldResolver(() => Decision, { nullable: true, description: 'The decision once approved: sign-off, publication, execution' })
  decision(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.decisionByProposal.load(p.id);
  }
}
