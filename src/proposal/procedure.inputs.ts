import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { FairCompetitionConclusion, OpinionResponse, ProcedureKind, RiskLevel } from './proposal.enums';
import type {
  AddProcedureCommand,
  AdoptionSummaryCommand,
  AnswerOpinionCommand,
  ConsultationCommand,
  ExpertAdoptionCommand,
  ExpertOpinionCommand,
  FairCompetitionCommand,
  HearingCommand,
  RegisterOpinionCommand,
  RiskAssessmentCommand,
} from './proposal.commands';
import { ProposalIdVersion } from './proposal.inputs';

/** GraphQL inputs of the statutory procedures (R-DEC-3…7). */

const TEXT = 20_000;

@InputType({ description: 'A decision maker adds a procedure (决策机关增加程序), R-DEC-3' })
export class AddProcedureInput extends ProposalIdVersion implements AddProcedureCommand {
  @Field(() => ProcedureKind)
  @IsEnum(ProcedureKind)
  kind!: ProcedureKind;

  @Field()
  @Length(2, 2000, { message: '请说明增加该程序的理由' })
  reason!: string;
}

@InputType({ description: 'Public consultation window (征求意见), R-DEC-4' })
export class ConsultationInput implements ConsultationCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field()
  @Length(1, 200, { message: '请填写发布渠道' })
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  shortenedReason?: string;
}

@InputType()
export class RegisterOpinionInput implements RegisterOpinionCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, 200)
  submitter!: string;

  @Field()
  @Length(1, TEXT)
  content!: string;

  @Field(() => LocalDateResolver)
  receivedOn!: string;
}

@InputType()
export class AnswerOpinionInput implements AnswerOpinionCommand {
  @Field(() => ID)
  @IsUUID('all')
  opinionId!: string;

  @Field(() => OpinionResponse)
  @IsEnum(OpinionResponse)
  response!: OpinionResponse;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT)
  reason?: string;
}

@InputType()
export class AdoptionSummaryInput implements AdoptionSummaryCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, TEXT)
  summary!: string;
}

@InputType({ description: 'Hearing (听证), R-DEC-5' })
export class HearingInput implements HearingCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field(() => LocalDateResolver)
  heldOn!: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: '请填写听证参加人' })
  @ArrayMaxSize(500)
  @Length(1, 100, { each: true })
  participants!: string[];

  @Field(() => LocalDateResolver)
  participantsPublishedOn!: string;

  @Field(() => LocalDateResolver)
  materialsSentOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT * 5)
  record?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  recordSigned!: boolean;
}

@InputType({ description: 'Signed expert opinion (专家论证意见), R-DEC-6' })
export class ExpertOpinionInput implements ExpertOpinionCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, 100)
  expertName!: string;

  @Field()
  @Length(1, 200)
  affiliation!: string;

  @Field({ description: 'The expert has a direct interest in the matter (与决策事项有直接利害关系)' })
  @IsBoolean()
  hasDirectInterest!: boolean;

  @Field()
  @Length(1, 2000, { message: '请填写利害关系声明' })
  conflictDeclaration!: string;

  @Field()
  @Length(1, TEXT)
  opinion!: string;

  @Field(() => LocalDateResolver)
  signedOn!: string;
}

@InputType()
export class ExpertAdoptionInput implements ExpertAdoptionCommand {
  @Field(() => ID)
  @IsUUID('all')
  opinionId!: string;

  @Field(() => OpinionResponse)
  @IsEnum(OpinionResponse)
  adoption!: OpinionResponse;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT)
  reason?: string;
}

@InputType({ description: 'Risk assessment (风险评估), R-DEC-7' })
export class RiskAssessmentInput implements RiskAssessmentCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, TEXT, { message: '请填写风险点' })
  riskPoints!: string;

  @Field()
  @Length(1, TEXT, { message: '请填写防范化解措施' })
  measures!: string;

  @Field()
  @Length(1, TEXT, { message: '请填写应急处置预案' })
  contingencyPlan!: string;

  @Field(() => RiskLevel)
  @IsEnum(RiskLevel)
  level!: RiskLevel;

  @Field()
  @Length(1, 200)
  assessor!: string;

  @Field(() => LocalDateResolver)
  assessedOn!: string;
}

@InputType({ description: 'Fair-competition review (公平竞争审查)' })
export class FairCompetitionInput implements FairCompetitionCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field(() => FairCompetitionConclusion)
  @IsEnum(FairCompetitionConclusion)
  conclusion!: FairCompetitionConclusion;

  @Field()
  @Length(1, 100)
  reviewer!: string;

  @Field(() => LocalDateResolver)
  reviewedOn!: string;

  @Field()
  @Length(1, TEXT)
  notes!: string;
}
