import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DecisionCategory } from '../directory/directory.enums';
import { ProposalSource, ProposalState } from './proposal.enums';
import { MaterialFields } from '../content/content.inputs';
import type {
  AddAlternativeCommand,
  AddDraftCommand,
  AddProposalMaterialCommand,
  CreateProposalCommand,
  DeclineProposalCommand,
  IncludeProposalCommand,
  ProposalFlagsCommand,
  ProposalListFilter,
  ProposalVersionCommand,
  RecordDisagreementCommand,
  UpdateProposalCommand,
} from './proposal.commands';

const TEXT = 20_000;

@InputType()
export class ProposalIdVersion implements ProposalVersionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Proposal flags that derive the required procedures (R-DEC-3)' })
export class ProposalFlagsInput implements ProposalFlagsCommand {
  @Field()
  @IsBoolean()
  affectsPublicInterest!: boolean;

  @Field()
  @IsBoolean()
  specialised!: boolean;

  @Field()
  @IsBoolean()
  stabilityRisk!: boolean;

  @Field()
  @IsBoolean()
  touchesMarketEntities!: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  viewsDifferWidely!: boolean;
}

@InputType({ description: 'New decision proposal (新建决策建议), R-DEC-1' })
export class CreateProposalInput implements CreateProposalCommand {
  @Field()
  @Length(2, 200, { message: '标题应为 2–200 个字符' })
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Year; defaults to the current year' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => ProposalSource)
  @IsEnum(ProposalSource)
  source!: ProposalSource;

  @Field()
  @Length(1, TEXT, { message: '请说明拟解决的问题' })
  problem!: string;

  @Field()
  @Length(1, TEXT, { message: '请说明法律依据' })
  legalBasis!: string;

  @Field()
  @Length(1, TEXT, { message: '请填写初步方案' })
  preliminaryPlan!: string;

  @Field()
  @Length(1, TEXT, { message: '请说明必要性' })
  necessity!: string;

  @Field()
  @Length(1, TEXT, { message: '请说明可行性' })
  feasibility!: string;

  @Field(() => ProposalFlagsInput)
  @ValidateNested()
  flags!: ProposalFlagsInput;

  @Field(() => ID, { nullable: true, description: 'A published decision this proposal changes (R-DEC-16)' })
  @IsOptional()
  @IsUUID('all', { message: '被变更决策 id 格式无效' })
  amendsProposalId?: string;
}

@InputType({ description: 'Change a proposal’s description (修改决策建议)' })
export class UpdateProposalInput extends ProposalIdVersion implements UpdateProposalCommand {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '标题应为 2–200 个字符' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT)
  problem?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT)
  legalBasis?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT)
  preliminaryPlan?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT)
  necessity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT)
  feasibility?: string;

  @Field(() => ProposalFlagsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  flags?: ProposalFlagsInput;
}

@InputType({ description: 'Include by a new ADD adjustment of the published directory' })
export class IncludeViaAdjustmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: '目录 id 格式无效' })
  directoryId!: string;

  @Field(() => DecisionCategory)
  @IsEnum(DecisionCategory)
  category!: DecisionCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '计划季度应为 1–4' })
  @Max(4, { message: '计划季度应为 1–4' })
  plannedQuarter!: number;

  @Field()
  @Length(2, 5000, { message: '请说明调整理由' })
  reason!: string;
}

@InputType({ description: 'Link a proposal to a directory item (纳入目录), R-DIR-4' })
export class IncludeProposalInput extends ProposalIdVersion implements IncludeProposalCommand {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '目录事项 id 格式无效' })
  directoryItemId?: string;

  @Field(() => IncludeViaAdjustmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  viaAdjustment?: IncludeViaAdjustmentInput;
}

@InputType()
export class DeclineProposalInput extends ProposalIdVersion implements DeclineProposalCommand {
  @Field()
  @Length(2, 5000, { message: '请说明不予纳入的理由' })
  @Matches(/\S/)
  reason!: string;
}

@InputType()
export class ProposalTransitionInput extends ProposalIdVersion {}

@InputType({ description: 'Request the legality review (提请合法性审查), R-LR-2' })
export class RequestLegalityReviewInput extends ProposalIdVersion {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Completion date asked for; at least 7 working days away (R-LR-3)' })
  @IsOptional()
  requestedCompletionOn?: string;
}

@InputType({ description: 'New draft version (新草案版本), R-DEC-2' })
export class AddDraftInput implements AddDraftCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field()
  @Length(1, 500_000, { message: '草案正文不能为空，且不超过 50 万字' })
  text!: string;

  @Field()
  @Length(1, 2000, { message: '请填写修改说明' })
  changeNote!: string;
}

@InputType()
export class AddAlternativeInput implements AddAlternativeCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @Length(1, TEXT)
  description!: string;
}

@InputType()
export class RecordDisagreementInput implements RecordDisagreementCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;

  @Field()
  @Length(1, 300)
  departments!: string;

  @Field()
  @Length(1, TEXT)
  description!: string;
}

@InputType({ description: 'A material: text, or a file sent as base64 (材料)' })
export class AddMaterialInput extends MaterialFields implements AddProposalMaterialCommand {
  @Field(() => ID)
  @IsUUID('all')
  proposalId!: string;
}

@InputType({ description: 'Proposal list filter (决策建议筛选)' })
export class ProposalFilter implements ProposalListFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;

  @Field(() => ProposalState, { nullable: true })
  @IsOptional()
  @IsEnum(ProposalState)
  state?: ProposalState;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  directoryItemId?: string;

  @Field(() => String, { nullable: true, description: 'Substring of title or code (标题或编号包含)' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
