import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  AssessCommand,
  AssessmentAnswersCommand,
  CleanupCampaignCommand,
  CleanupOutcomeCommand,
  ConfirmAssessmentCommand,
  CorrectFactsCommand,
  CreateNormativeCommand,
  FairCompetitionReviewCommand,
  DocumentVersionCommand,
  FilingMaterialCommand,
  FilingOutcomeCommand,
  NormativeListFilter,
  NormativeVersionCommand,
  RecordFilingCommand,
  ReleaseCommand,
  ReleaseFactsCommand,
  RequestNormativeReviewCommand,
} from './normative.commands';
import { CleanupOutcome, DocumentState, ExcludedDocumentType, FairCompetitionResult, FilingMaterialKind, FilingOutcomeKind, FilingVerdict, Issuer } from './normative.enums';

const TEXT = 500_000;

@InputType({ description: 'New normative-document candidate (登记文件)' })
export class CreateNormativeInput implements CreateNormativeCommand {
  @Field()
  @Length(2, 200)
  title!: string;

  @Field(() => Issuer)
  @IsEnum(Issuer)
  issuer!: Issuer;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  jointIssuers?: string;

  @Field()
  @Length(1, TEXT, { message: '文件文本不能为空' })
  text!: string;

  @Field()
  @IsBoolean()
  affectsBusinessesOrPublic!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Omitted: as the title and text suggest; departing from the suggestion needs touchesMarketEntitiesReason (R-ND-4)' })
  @IsOptional()
  @IsBoolean()
  touchesMarketEntities?: boolean;

  @Field(() => String, { nullable: true, description: 'Why the flag departs from the suggestion of the text' })
  @IsOptional()
  @MaxLength(5000)
  touchesMarketEntitiesReason?: string;

  @Field(() => ID, { nullable: true, description: 'The decision it implements' })
  @IsOptional()
  @IsUUID('all')
  originatingProposalId?: string;

  @Field(() => ID, { nullable: true, description: 'The released document it amends (replaces on release)' })
  @IsOptional()
  @IsUUID('all')
  replacesId?: string;
}

@InputType()
export class NormativeVersionInput implements NormativeVersionCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field()
  @Length(1, TEXT)
  text!: string;

  @Field()
  @Length(1, 2000)
  changeNote!: string;
}

@InputType({ description: 'Checklist answers (报备判定清单), R-ND-1; null = not yet judged' })
export class AssessmentAnswersInput implements AssessmentAnswersCommand {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  issuedWithinAuthority?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  affectsRights?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  generallyBinding?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  appliedRepeatedly?: boolean | null;

  @Field(() => ExcludedDocumentType, { nullable: true })
  @IsOptional()
  @IsEnum(ExcludedDocumentType)
  excludedType?: ExcludedDocumentType | null;
}

@InputType()
export class AssessInput implements AssessCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => AssessmentAnswersInput)
  @ValidateNested()
  answers!: AssessmentAnswersInput;
}

@InputType()
export class DocumentVersionRef implements DocumentVersionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '文件 id 格式无效' })
  documentId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType()
export class ConfirmAssessmentInput extends DocumentVersionRef implements ConfirmAssessmentCommand {
  @Field(() => FilingVerdict)
  @IsEnum(FilingVerdict)
  verdict!: FilingVerdict;

  @Field(() => String, { nullable: true, description: 'Required when it differs from the system’s verdict' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string;
}

@InputType()
export class ReleaseFactsInput extends DocumentVersionRef implements ReleaseFactsCommand {
  @Field(() => LocalDateResolver, { nullable: true })
  publicCommentStartsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  publicCommentEndsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  effectiveOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'End of the validity period; when never stated, the release records the maximum (R-ND-9, normative.validityWithoutPeriod)' })
  validUntil?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  urgentReason?: string;
}

@InputType({ description: 'A correction of the register before release, with a reason (更正登记事项), R-ND-4; omitted fields stay as they are' })
export class CorrectNormativeFactsInput extends DocumentVersionRef implements CorrectFactsCommand {
  @Field({ description: 'Why (更正理由): kept in the audit trail with the values before and after' })
  @Length(1, 5000, { message: '请说明更正理由' })
  reason!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => Issuer, { nullable: true, description: 'Only before the unified number is assigned (R-ND-5)' })
  @IsOptional()
  @IsEnum(Issuer)
  issuer?: Issuer;

  @Field(() => String, { nullable: true, description: 'An empty string clears it' })
  @IsOptional()
  @MaxLength(300)
  jointIssuers?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  affectsBusinessesOrPublic?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  touchesMarketEntities?: boolean;

  @Field(() => String, { nullable: true, description: 'Why the flag departs from the suggestion of the text' })
  @IsOptional()
  @MaxLength(5000)
  touchesMarketEntitiesReason?: string;
}

@InputType({ description: 'A fair-competition review of the current text and its conclusion (公平竞争审查), R-ND-4' })
export class NormativeFairCompetitionInput implements FairCompetitionReviewCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => FairCompetitionResult)
  @IsEnum(FairCompetitionResult)
  conclusion!: FairCompetitionResult;

  @Field({ description: 'Who reviewed (审查机构或审查人)' })
  @Length(1, 100)
  reviewer!: string;

  @Field(() => LocalDateResolver)
  reviewedOn!: string;

  @Field({ description: 'What was found; for NEEDS_CHANGE, what must change' })
  @Length(1, 20_000)
  notes!: string;
}

@InputType()
export class NormativeReviewInput implements RequestNormativeReviewCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedCompletionOn?: string;
}

@InputType()
export class FilingMaterialInput implements FilingMaterialCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => FilingMaterialKind)
  @IsEnum(FilingMaterialKind)
  kind!: FilingMaterialKind;

  @Field()
  @Length(1, TEXT)
  text!: string;
}

@InputType()
export class ReleaseInput extends DocumentVersionRef implements ReleaseCommand {
  @Field(() => LocalDateResolver)
  publishedOn!: string;

  @Field({ description: 'Where it is published (公开发布渠道)' })
  @Length(1, 200)
  channel!: string;
}

@InputType()
export class RecordFilingInput implements RecordFilingCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => [FilingMaterialKind], { nullable: true, description: 'Materials sent; default: those prepared' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(FilingMaterialKind, { each: true })
  materials?: FilingMaterialKind[];
}

@InputType({ description: 'The supervising body’s answer (备案机关处理结果), R-ND-7' })
export class FilingOutcomeInput implements FilingOutcomeCommand {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => Int, { description: 'The filing’s version you read' })
  @Min(1)
  version!: number;

  @Field(() => FilingOutcomeKind)
  @IsEnum(FilingOutcomeKind, { message: '处理结果无效' })
  outcome!: FilingOutcomeKind;

  @Field(() => LocalDateResolver)
  on!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string;

  @Field(() => [FilingMaterialKind], { nullable: true, description: 'CORRECT: the materials supplied' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(FilingMaterialKind, { each: true })
  materials?: FilingMaterialKind[];
}

@InputType()
export class CleanupCampaignInput implements CleanupCampaignCommand {
  @Field()
  @Length(2, 200)
  title!: string;

  @Field(() => LocalDateResolver)
  startedOn!: string;
}

@InputType()
export class CleanupOutcomeInput implements CleanupOutcomeCommand {
  @Field(() => ID)
  @IsUUID('all')
  campaignId!: string;

  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => CleanupOutcome)
  @IsEnum(CleanupOutcome)
  outcome!: CleanupOutcome;

  @Field()
  @Length(2, 5000, { message: '请说明清理理由' })
  reason!: string;

  @Field(() => LocalDateResolver)
  on!: string;
}

@InputType()
export class NormativeFilter implements NormativeListFilter {
  @Field(() => DocumentState, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentState)
  state?: DocumentState;

  @Field(() => Issuer, { nullable: true })
  @IsOptional()
  @IsEnum(Issuer)
  issuer?: Issuer;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
