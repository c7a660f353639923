import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Issuer } from '../normative/normative.enums';
import type {
  AddAgendaItemCommand,
  CreateMeetingCommand,
  DecisionVersionCommand,
  ExecutingUnitCommand,
  ExecutionReportCommand,
  FinaliseMeetingCommand,
  HeadDecisionCommand,
  MeetingCorrectionCommand,
  MeetingMemberCommand,
  PartyReportCommand,
  PostEvaluationCommand,
  ProducedDocumentCommand,
  PublishDecisionCommand,
  RecordPositionCommand,
  SignDecisionCommand,
  SuspendDecisionCommand,
} from './deliberation.commands';
import { DeliberatingBody, HeadDecision, MemberPositionKind } from './deliberation.enums';

// ------------------------------------------------------------------ meetings (R-DEC-11)

@InputType()
class MemberInput implements MeetingMemberCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '成员 id 格式无效' })
  userId!: string;

  @Field()
  @IsBoolean()
  present!: boolean;
}

@InputType({ description: 'A meeting with its members and attendance (会议)' })
export class CreateMeetingInput implements CreateMeetingCommand {
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

  @Field(() => String, { nullable: true, description: 'Required when departing from the majority' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string;
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

@InputType()
export class SignInput extends DecisionRef implements SignDecisionCommand {
  @Field(() => Int, { description: 'The draft version being signed: must be the approved one (R-DEC-12)' })
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
