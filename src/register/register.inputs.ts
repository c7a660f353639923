import { IsIn, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  AdministrativeCaseKind,
  AdministrativeCaseOutcome,
  AdministrativeCaseStage,
  DisputeType,
  MediationOutcome,
  PublicityForm,
} from './register.enums';
import type {
  AdministrativeCaseFields,
  AdministrativeCaseListFilter,
  DisputeMediationFields,
  LegalConsultationFields,
  MediationListFilter,
  PublicityEventFields,
  PublicityEventListFilter,
  RegisterListFilter,
} from './register.commands';

// ------------------------------------------------------------------ fields of each register

@InputType('LegalConsultationFieldsInput', { description: 'The fields its create and update inputs inherit' })
abstract class LegalConsultationFieldsInput implements LegalConsultationFields {
  @Field(() => LocalDateResolver, { description: 'Day of the consultation (咨询日期)' })
  consultedOn!: string;

  @Field({ description: 'Who asked (咨询人)' })
  @Length(1, 100, { message: '请填写咨询人（1–100 个字符）' })
  requester!: string;

  @Field({ description: 'Topic (咨询事项)' })
  @Length(2, 200, { message: '咨询事项应为 2–200 个字符' })
  topic!: string;

  @Field({ description: 'The answer given (解答意见)' })
  @Length(1, 20000, { message: '请填写解答意见（不超过 20000 个字符）' })
  answer!: string;

  @Field({ description: 'The advisor who answered (解答人)' })
  @Length(1, 100, { message: '请填写解答人（1–100 个字符）' })
  advisor!: string;

  @Field(() => String, { nullable: true, description: 'Community concerned (所属社区)' })
  @IsOptional()
  @MaxLength(100, { message: '社区名称不超过 100 个字符' })
  community?: string | null;
}

@InputType('DisputeMediationFieldsInput', { description: 'The fields its create and update inputs inherit' })
abstract class DisputeMediationFieldsInput implements DisputeMediationFields {
  @Field(() => LocalDateResolver, { description: 'Day received (受理日期)' })
  receivedOn!: string;

  @Field({ description: 'The parties (当事人)' })
  @Length(2, 500, { message: '当事人应为 2–500 个字符' })
  parties!: string;

  @Field(() => DisputeType)
  disputeType!: DisputeType;

  @Field({ description: 'What the dispute is about (纠纷简要情况)' })
  @Length(2, 20000, { message: '纠纷简要情况应为 2–20000 个字符' })
  summary!: string;

  @Field(() => MediationOutcome, { description: 'IN_PROGRESS until it ends; then the outcome and closedOn' })
  outcome!: MediationOutcome;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day it ended (结案日期)' })
  @IsOptional()
  closedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Community concerned (所属社区)' })
  @IsOptional()
  @MaxLength(100, { message: '社区名称不超过 100 个字符' })
  community?: string | null;
}

@InputType('AdministrativeCaseFieldsInput', { description: 'The fields its create and update inputs inherit' })
abstract class AdministrativeCaseFieldsInput implements AdministrativeCaseFields {
  @Field({ description: 'Case number (案号), e.g. (2026)粤0111行初123号' })
  @Length(2, 64, { message: '案号应为 2–64 个字符' })
  caseNumber!: string;

  @Field(() => AdministrativeCaseKind)
  kind!: AdministrativeCaseKind;

  @Field({ description: 'Plaintiff or applicant (原告／申请人)' })
  @Length(1, 300, { message: '请填写原告或申请人（不超过 300 个字符）' })
  party!: string;

  @Field({ description: 'Cause: the act challenged (案由)' })
  @Length(2, 300, { message: '案由应为 2–300 个字符' })
  cause!: string;

  @Field(() => AdministrativeCaseStage)
  stage!: AdministrativeCaseStage;

  @Field(() => AdministrativeCaseOutcome, { nullable: true, description: 'Outcome, with stage CLOSED only (结案结果)' })
  @IsOptional()
  outcome?: AdministrativeCaseOutcome | null;

  @Field(() => LocalDateResolver, { description: 'Day filed or accepted (立案／受理日期)' })
  openedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day closed, with stage CLOSED only (结案日期)' })
  @IsOptional()
  closedOn?: string | null;
}

@InputType('PublicityEventFieldsInput', { description: 'The fields its create and update inputs inherit' })
abstract class PublicityEventFieldsInput implements PublicityEventFields {
  @Field(() => LocalDateResolver, { description: 'Day held (活动日期)' })
  heldOn!: string;

  @Field({ description: 'Topic (主题)' })
  @Length(2, 200, { message: '活动主题应为 2–200 个字符' })
  topic!: string;

  @Field(() => PublicityForm)
  form!: PublicityForm;

  @Field(() => Int, { description: 'Audience reached (受众人数), 0–1,000,000' })
  @IsInt({ message: '受众人数应为整数' })
  @Min(0, { message: '受众人数不能为负数' })
  @Max(1_000_000, { message: '受众人数不超过 1000000，请核对' })
  audienceSize!: number;

  @Field(() => String, { nullable: true, description: 'Community where it was held (所属社区)' })
  @IsOptional()
  @MaxLength(100, { message: '社区名称不超过 100 个字符' })
  community?: string | null;
}

// ------------------------------------------------------------------ create / update

const DEPARTMENT_DESCRIPTION = 'Department the entry belongs to; default your own (the legal advisor and administrators may name any)';
const VERSION_DESCRIPTION = 'The version you read; a stale one is refused with CONFLICT';

@InputType({ description: 'Record a legal consultation (登记法律咨询)' })
export class CreateLegalConsultationInput extends LegalConsultationFieldsInput {
  @Field(() => ID, { nullable: true, description: DEPARTMENT_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string | null;
}
@InputType({ description: 'Correct a legal consultation: every field replaced (修改法律咨询)' })
export class UpdateLegalConsultationInput extends LegalConsultationFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '法律咨询 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Record a dispute mediation (登记矛盾纠纷调解)' })
export class CreateDisputeMediationInput extends DisputeMediationFieldsInput {
  @Field(() => ID, { nullable: true, description: DEPARTMENT_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string | null;
}
@InputType({ description: 'Update a dispute mediation, e.g. its outcome: every field replaced (修改矛盾纠纷调解)' })
export class UpdateDisputeMediationInput extends DisputeMediationFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '调解记录 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Record an administrative litigation or reconsideration case (登记行政诉讼、行政复议案件)' })
export class CreateAdministrativeCaseInput extends AdministrativeCaseFieldsInput {
  @Field(() => ID, { nullable: true, description: DEPARTMENT_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string | null;
}
@InputType({ description: 'Update a case, e.g. its stage and outcome: every field replaced (修改行政诉讼、行政复议案件)' })
export class UpdateAdministrativeCaseInput extends AdministrativeCaseFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '案件 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Record a rule-of-law publicity event (登记普法活动)' })
export class CreatePublicityEventInput extends PublicityEventFieldsInput {
  @Field(() => ID, { nullable: true, description: DEPARTMENT_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string | null;
}
@InputType({ description: 'Correct a publicity event: every field replaced (修改普法活动)' })
export class UpdatePublicityEventInput extends PublicityEventFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '普法活动 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Min(1)
  version!: number;
}

// ------------------------------------------------------------------ filters

@InputType('RegisterFilterFieldsInput', { description: 'The fields its create and update inputs inherit' })
abstract class RegisterFilterFields implements RegisterListFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'From this day (inclusive)' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Up to this day (inclusive)' })
  @IsOptional()
  to?: string;

  @Field(() => String, { nullable: true, description: 'Substring of the main texts (查找)' })
  @IsOptional()
  @Length(1, 100, { message: '查找内容应为 1–100 个字符' })
  search?: string;
}

@InputType({ description: 'Legal consultation filter (法律咨询筛选): search looks in topic, requester and advisor' })
export class LegalConsultationFilter extends RegisterFilterFields {}

@InputType({ description: 'Dispute mediation filter (调解筛选): search looks in parties and summary' })
export class DisputeMediationFilter extends RegisterFilterFields implements MediationListFilter {
  @Field(() => MediationOutcome, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(MediationOutcome))
  outcome?: MediationOutcome;
}

@InputType({ description: 'Administrative case filter (案件筛选): search looks in case number, party and cause' })
export class AdministrativeCaseFilter extends RegisterFilterFields implements AdministrativeCaseListFilter {
  @Field(() => AdministrativeCaseKind, { nullable: true })
  @IsOptional()
  kind?: AdministrativeCaseKind;

  @Field(() => AdministrativeCaseStage, { nullable: true })
  @IsOptional()
  stage?: AdministrativeCaseStage;
}

@InputType({ description: 'Publicity event filter (普法活动筛选): search looks in topic and community' })
export class PublicityEventFilter extends RegisterFilterFields implements PublicityEventListFilter {
  @Field(() => PublicityForm, { nullable: true })
  @IsOptional()
  form?: PublicityForm;
}
