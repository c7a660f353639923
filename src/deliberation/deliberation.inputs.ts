import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Issuer } from '../normative/normative.enums';
import type {
  AbsenceCommand,
  AddAgendaItemCommand,
  ConfirmAmendedTextCommand,
  CreateMeetingCommand,
  DelegateChairCommand,
  DelegationCommand,
  DecisionVersionCommand,
  ExecutingUnitCommand,
  ExecutionReportCommand,
  FinaliseMeetingCommand,
  HeadDecisionCommand,
  MeetingCorrectionCommand,
  PartyReportCommand,
  PostEvaluationCommand,
  ProducedDocumentCommand,
  PublishDecisionCommand,
  RecordAmendedTextCommand,
  RecordPositionCommand,
  ReturnAmendedTextCommand,
  SignDecisionCommand,
  SuspendDecisionCommand,
} from './deliberation.commands';
import { DeliberatingBody, HeadDecision, MemberPositionKind } from './deliberation.enums';

// ------------------------------------------------------------------ meetings (R-DEC-11)

@InputType({ description: 'A member of the body absent from the meeting, and why (缺席)' })
class AbsenceInput implements AbsenceCommand {
  @Field(() => ID, { description: 'The absent member’s user id (User.id)' })
  @IsUUID('all', { message: '缺席成员 id 格式无效' })
  userId!: string;

  @Field({ description: 'Why the member is absent (缺席原因)' })
  @Length(1, 500, { message: '请填写缺席原因（1–500 字）' })
  reason!: string;
}

@InputType({ description: 'The head delegates the chair of this meeting to a deputy (委托主持)' })
class DelegationInput implements DelegationCommand {
  @Field(() => ID, { description: 'The deputy’s user id (User.id): a deputy of the body on the meeting date, present' })
  @IsUUID('all', { message: '受委托副职 id 格式无效' })
  deputyUserId!: string;

  @Field({ description: 'Who delegated, how and why, e.g. 主任出差，书面委托王副主任主持' })
  @Length(2, 1000, { message: '请记录委托情况（2–1000 字）' })
  note!: string;
}

@InputType({
  description:
    'A meeting of a standing body (会议). The roll is the body’s members on the meeting date and the chair its head then (or the deputy delegated to); you only say who is absent and why (R-DEC-11)',
})
export class CreateMeetingInput implements CreateMeetingCommand {
  @Field()
  @Length(2, 200, { message: '会议名称须为 2–200 字' })
  title!: string;

  @Field(() => DeliberatingBody, { description: 'Which standing body meets' })
  @IsEnum(DeliberatingBody, { message: '议事机构无效' })
  body!: DeliberatingBody;

  @Field(() => LocalDateResolver)
  heldOn!: string;

  @Field(() => [AbsenceInput], { nullable: true, description: 'Members absent, each with the reason; every other member on the roll is present' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  absences?: AbsenceInput[];

  @Field(() => DelegationInput, { nullable: true, description: 'Set when a deputy chairs by delegation of the head' })
  @IsOptional()
  @ValidateNested()
  delegation?: DelegationInput;
}

@InputType({ description: 'Record that the head delegated the chair of this meeting to a present deputy, before any item is decided (委托主持), R-DEC-11' })
export class DelegateChairInput implements DelegateChairCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '会议 id 格式无效' })
  meetingId!: string;

  @Field(() => Int, { description: 'The meeting’s version you read' })
  @Min(1)
  version!: number;

  @Field(() => ID, { description: 'The deputy’s user id (User.id)' })
  @IsUUID('all', { message: '受委托副职 id 格式无效' })
  deputyUserId!: string;

  @Field({ description: 'Who delegated, how and why' })
  @Length(2, 1000, { message: '请记录委托情况（2–1000 字）' })
  note!: string;
}

@InputType({ description: 'A subject for the agenda (议题): exactly one of proposalId and normativeDocumentId' })
export class AgendaInput implements AddAgendaItemCommand {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field(() => ID, { nullable: true, description: 'A decision proposal (R-DEC-11)' })
  @IsOptional()
  @IsUUID('all')
  proposalId?: string;

  @Field(() => ID, { nullable: true, description: 'A normative document, before its issuer’s own body (集体审议, R-ND-4)' })
  @IsOptional()
  @IsUUID('all')
  normativeDocumentId?: string;
}

@InputType()
export class PositionInput implements RecordPositionCommand {
  @Field(() => ID)
  @IsUUID('all')
  agendaItemId!: string;

  @Field(() => ID, {
    description:
      'The member’s user id (User.id, as in Meeting.members[].user.id) — the only id kind accepted; a roll entry’s id (MeetingMember.id) is refused',
  })
  @IsUUID('all', { message: '成员用户 id 格式无效' })
  memberUserId!: string;

  @Field(() => MemberPositionKind)
  @IsEnum(MemberPositionKind)
  position!: MemberPositionKind;

  @Field(() => String, { nullable: true, description: 'The condition of a CONDITIONAL support (所附条件): required for it, refused for the other positions' })
  @IsOptional()
  @MaxLength(5000, { message: '所附条件不超过 5000 字' })
  condition?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  remarks?: string;
}

@InputType()
export class HeadDecisionInput implements HeadDecisionCommand {
  @Field(() => ID)
  @IsUUID('all')
  agendaItemId!: string;

  @Field(() => Int, { description: 'The agenda item’s version you read' })
  @Min(1)
  version!: number;

  @Field(() => HeadDecision)
  @IsEnum(HeadDecision)
  decision!: HeadDecision;

  @Field(() => String, { nullable: true, description: 'Required when departing from the majority (also for DEFER / RETURN_FOR_REVISION when the majority supports)' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string;

  @Field(() => String, { nullable: true, description: 'The changes required (修改要求): required with APPROVE_WITH_CHANGES, refused with any other decision' })
  @IsOptional()
  @MaxLength(20_000, { message: '修改要求不超过 20000 字' })
  requiredChanges?: string;
}

@InputType()
export class FinaliseInput implements FinaliseMeetingCommand {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field(() => Int, { description: 'The meeting’s version you read' })
  @Min(1)
  version!: number;

  @Field()
  @Length(1, 200_000, { message: '请填写会议纪要' })
  minutes!: string;
}

@InputType()
export class CorrectionInput implements MeetingCorrectionCommand {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field()
  @Length(1, 20_000)
  text!: string;
}

// ------------------------------------------------------------------ decisions (R-DEC-12…16)

@InputType()
class DecisionRef implements DecisionVersionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field(() => Int, { description: 'The decision’s version you read' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'The sponsor’s amended text against the meeting’s stated changes (修改稿), R-DEC-12' })
export class RecordAmendedTextInput extends DecisionRef implements RecordAmendedTextCommand {
  @Field({ description: 'The full amended text: becomes the proposal’s next draft version' })
  @Length(1, 500_000, { message: '请填写修改稿全文' })
  text!: string;

  @Field({ description: 'How each stated change was made (修改说明)' })
  @Length(2, 20_000, { message: '请说明如何按会议要求作了修改（2–20000 字）' })
  explanation!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Findings of the legal opinion in force the change concerns (OpinionFinding ids): the legal advisor then confirms it too (R-DEC-9)',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: '审查意见条目 id 格式无效' })
  concernedFindingIds?: string[];
}

@InputType({ description: 'Confirm the pending amended text (确认修改稿)' })
export class ConfirmAmendedTextInput extends DecisionRef implements ConfirmAmendedTextCommand {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string;
}

@InputType({ description: 'Return the pending amended text for another try, with the reason (退回修改稿)' })
export class ReturnAmendedTextInput extends DecisionRef implements ReturnAmendedTextCommand {
  @Field()
  @Length(2, 5000, { message: '请说明退回理由（2–5000 字）' })
  reason!: string;
}

@InputType()
export class SignInput extends DecisionRef implements SignDecisionCommand {
  @Field(() => Int, { description: 'The draft version being signed: the approved one — after an approval with changes, the confirmed amended text (R-DEC-12)' })
  @Min(1)
  draftNumber!: number;
}

@InputType()
export class PartyReportInput extends DecisionRef implements PartyReportCommand {
  @Field(() => LocalDateResolver)
  reportedOn!: string;
}

@InputType({ description: 'The decision produces a normative document: it enters the register (制发规范性文件)' })
class ProducedDocumentInput implements ProducedDocumentCommand {
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
export class PublishInput extends DecisionRef implements PublishDecisionCommand {
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
export class ExecutingUnitInput extends DecisionRef implements ExecutingUnitCommand {
  @Field(() => ID)
  @IsUUID('all')
  departmentId!: string;
}

@InputType()
export class ExecutionReportInput implements ExecutionReportCommand {
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
export class PostEvaluationInput implements PostEvaluationCommand {
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
export class SuspendInput extends DecisionRef implements SuspendDecisionCommand {
  @Field()
  @Length(2, 5000, { message: '请说明暂停执行的理由' })
  reason!: string;
}
