import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type {
  AddEvidenceCommand,
  AddOfficerCommand,
  AddProposedDecisionCommand,
  CircumstancesCommand,
  CollectiveDiscussionCommand,
  CreateEnforcementCaseCommand,
  EnforcementCaseFilter,
  EnforcementVersionCommand,
  LegalBasisCommand,
  MeasureCommand,
  PartyCommand,
  RecordDecisionCommand,
  RecordProcedureCommand,
  ReopenInvestigationCommand,
  UpdateEnforcementCaseCommand,
} from './enforcement.commands';
import { EnforcementCaseState, EnforcementMeasureKind, EnforcementProcedureKind, EvidenceKind, PartyKind } from './enforcement.enums';

const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;
const CASE_ID = { message: '执法案件 id 格式无效' };

@InputType({ description: 'The party of the case (当事人)' })
export class EnforcementPartyInput implements PartyCommand {
  @Field(() => PartyKind)
  @IsEnum(PartyKind, { message: '当事人类型无效' })
  kind!: PartyKind;

  @Field()
  @Length(1, 200, { message: '当事人名称应为 1–200 个字符' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Identity card or unified social credit code' })
  @IsOptional()
  @Length(1, 50, { message: '证件号码应为 1–50 个字符' })
  idNumber?: string;
}

@InputType({ description: 'Open an enforcement case (登记执法案件): drafters of an enforcement team only' })
export class CreateEnforcementCaseInput implements CreateEnforcementCaseCommand {
  @Field({ description: 'Cause of action (案由)' })
  @Length(2, 200, { message: '案由应为 2–200 个字符' })
  title!: string;

  @Field(() => EnforcementPartyInput)
  @ValidateNested()
  party!: EnforcementPartyInput;
}

@InputType({ description: 'The legal basis and the discretion standard applied (法律依据与裁量基准), R-EN-2' })
export class EnforcementLegalBasisInput implements LegalBasisCommand {
  @Field({ description: 'e.g. 《中华人民共和国大气污染防治法》' })
  @Length(1, 200, { message: '请填写法律名称' })
  lawName!: string;

  @Field({ description: 'e.g. 第一百一十八条第一款' })
  @Length(1, 200, { message: '请填写条款' })
  article!: string;

  @Field({ description: 'The discretion standard (裁量基准) applied and the level chosen' })
  @Length(1, 5000, { message: '请填写适用的裁量基准及档次' })
  discretionStandard!: string;
}

@InputType({ description: 'Circumstances that can make the decision major (R-EN-1)' })
export class EnforcementCircumstancesInput implements CircumstancesCommand {
  @Field()
  @IsBoolean()
  majorPublicInterest!: boolean;

  @Field()
  @IsBoolean()
  socialRisk!: boolean;

  @Field()
  @IsBoolean()
  complexCase!: boolean;

  @Field({ description: 'A hearing was required: the procedure record then needs one' })
  @IsBoolean()
  hearingRequired!: boolean;
}

@InputType({ description: 'Change the package while investigating (修改送审材料); fields left out stay as they are' })
export class UpdateEnforcementCaseInput implements UpdateEnforcementCaseCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '案由应为 2–200 个字符' })
  title?: string;

  @Field(() => EnforcementPartyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  party?: EnforcementPartyInput;

  @Field(() => String, { nullable: true, description: 'Facts found (认定的违法事实)' })
  @IsOptional()
  @Length(1, 50_000, { message: '认定的事实应为 1–50000 个字符' })
  factsFound?: string;

  @Field(() => EnforcementLegalBasisInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  legalBasis?: EnforcementLegalBasisInput;

  @Field(() => EnforcementCircumstancesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  circumstances?: EnforcementCircumstancesInput;
}

@InputType({ description: 'An item of the evidence list (证据)' })
export class AddEnforcementEvidenceInput implements AddEvidenceCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field(() => EvidenceKind)
  @IsEnum(EvidenceKind, { message: '证据种类无效' })
  kind!: EvidenceKind;

  @Field()
  @Length(1, 200, { message: '证据名称应为 1–200 个字符' })
  title!: string;

  @Field({ description: 'What it shows (证明内容)' })
  @Length(1, 5000, { message: '请写明证明内容' })
  description!: string;

  @Field(() => LocalDateResolver, { description: 'Obtained on; not in the future' })
  obtainedOn!: string;
}

@InputType({ description: 'An officer of the case and their enforcement certificate (执法人员)' })
export class AddEnforcementOfficerInput implements AddOfficerCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field()
  @Length(1, 50, { message: '执法人员姓名应为 1–50 个字符' })
  name!: string;

  @Field({ description: 'Enforcement certificate number (执法证号)' })
  @Length(1, 50, { message: '请填写执法证号' })
  @Matches(/\S/, { message: '请填写执法证号' })
  certificateNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Certificate valid until (有效期至)' })
  @IsOptional()
  certificateValidUntil?: string;
}

@InputType({ description: 'A step of the procedure record (程序记录)' })
export class RecordEnforcementProcedureInput implements RecordProcedureCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field(() => EnforcementProcedureKind)
  @IsEnum(EnforcementProcedureKind, { message: '程序环节无效' })
  kind!: EnforcementProcedureKind;

  @Field(() => LocalDateResolver, { description: 'When it happened; not in the future' })
  occurredOn!: string;

  @Field()
  @Length(1, 5000, { message: '请填写程序记录' })
  note!: string;
}

@InputType({ description: 'The measure of the proposed decision (处理措施)' })
export class EnforcementMeasureInput implements MeasureCommand {
  @Field(() => [EnforcementMeasureKind])
  @ArrayMaxSize(10)
  @IsEnum(EnforcementMeasureKind, { each: true, message: '处理措施无效' })
  kinds!: EnforcementMeasureKind[];

  @Field(() => String, { nullable: true, description: 'Fine in yuan, e.g. "120000.00"' })
  @IsOptional()
  @Matches(AMOUNT, { message: '罚款数额格式应为数字，最多两位小数' })
  fineAmount?: string;

  @Field(() => String, { nullable: true, description: 'Value in yuan of what is confiscated' })
  @IsOptional()
  @Matches(AMOUNT, { message: '没收财物价值格式应为数字，最多两位小数' })
  confiscationValue?: string;
}

@InputType({ description: 'A new version of the proposed decision with its measure (拟作出的执法决定)' })
export class AddProposedEnforcementDecisionInput implements AddProposedDecisionCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field({ description: 'The text of the decision document (决定书文本)' })
  @Length(1, 500_000, { message: '决定文本不能为空' })
  text!: string;

  @Field()
  @Length(1, 2000, { message: '请填写修改说明' })
  changeNote!: string;

  @Field(() => EnforcementMeasureInput)
  @ValidateNested()
  measure!: EnforcementMeasureInput;
}

@InputType()
export class RequestEnforcementReviewInput implements EnforcementVersionCommand {
  @Field(() => ID)
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @Field(() => Int, { description: 'The version of the case you read' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Investigate further after the review (补充调查)' })
export class ReopenEnforcementInvestigationInput extends RequestEnforcementReviewInput implements ReopenInvestigationCommand {
  @Field()
  @Length(2, 5000, { message: '请说明补充调查的内容' })
  reason!: string;
}

@InputType({ description: 'The collective discussion by the organ’s leadership (集体讨论): a finalised meeting held on or after the opinion' })
export class CollectiveDiscussionInput implements CollectiveDiscussionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '会议 id 格式无效' })
  meetingId!: string;

  @Field({ description: 'What the meeting concluded (讨论结论)' })
  @Length(1, 5000, { message: '请写明集体讨论的结论' })
  conclusion!: string;

  @Field({ description: 'Why (理由)' })
  @Length(1, 5000, { message: '请写明集体讨论的理由' })
  reason!: string;
}

@InputType({ description: 'Record the enforcement decision (作出执法决定), R-EN-1, R-EN-4' })
export class RecordEnforcementDecisionInput extends RequestEnforcementReviewInput implements RecordDecisionCommand {
  @Field(() => LocalDateResolver, { description: 'Date of the decision: not before the opinion, not in the future' })
  decidedOn!: string;

  @Field(() => CollectiveDiscussionInput, { nullable: true, description: 'Required when departing from a NOT_AGREED or RETURNED_FOR_FURTHER_INVESTIGATION conclusion' })
  @IsOptional()
  @ValidateNested()
  collectiveDiscussion?: CollectiveDiscussionInput;
}

@InputType('EnforcementCaseFilter', { description: 'Filter of the case list' })
export class EnforcementCaseFilterInput implements EnforcementCaseFilter {
  @Field(() => EnforcementCaseState, { nullable: true })
  @IsOptional()
  @IsEnum(EnforcementCaseState)
  state?: EnforcementCaseState;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string;
}
