import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { FindingAspect, FindingResponse, OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';

const TEXT = 50_000;

@InputType()
export class ReviewTransitionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  reviewId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Return for supplement, saying what is missing (退回补充), R-LR-2' })
export class ReturnReviewInput extends ReviewTransitionInput {
  @Field({ description: 'What is missing (需补充的材料或说明)' })
  @Length(2, 5000, { message: '请列明需要补充的内容' })
  @Matches(/\S/)
  missing!: string;
}

@InputType({ description: 'First review by the sponsor’s legal staff (初审), R-LR-6' })
export class FirstReviewInput extends ReviewTransitionInput {
  @Field()
  @Length(2, 5000, { message: '请填写初审意见' })
  note!: string;
}

@InputType()
export class AssignReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  reviewId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: '法律顾问 id 格式无效' })
  advisorId!: string;
}

@InputType({ description: 'Extend the review once (延长审查期限), R-LR-3' })
export class ExtendReviewInput extends ReviewTransitionInput {
  @Field(() => Int)
  @IsInt()
  workingDays!: number;

  @Field()
  @Length(2, 2000, { message: '请说明延期理由' })
  reason!: string;
}

@InputType({ description: 'A finding (审查意见条目), R-LR-4' })
export class FindingInput {
  @Field(() => FindingAspect)
  @IsEnum(FindingAspect)
  aspect!: FindingAspect;

  @Field()
  @IsBoolean()
  mustFix!: boolean;

  @Field()
  @Length(1, TEXT, { message: '请填写意见内容' })
  text!: string;

  @Field({ description: 'Name of the law relied on, e.g. 《中华人民共和国行政许可法》' })
  @Length(1, 200, { message: '请写明所依据的法律名称' })
  lawName!: string;

  @Field({ description: 'Article, e.g. 第十五条' })
  @Length(1, 100, { message: '请写明条款' })
  article!: string;
}

@InputType({ description: 'Save an opinion draft (保存意见草稿)' })
export class SaveOpinionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  reviewId!: string;

  @Field(() => ID, { nullable: true, description: 'The draft to change; omit to start one' })
  @IsOptional()
  @IsUUID('all')
  opinionId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  opinionVersion?: number;

  @Field(() => OpinionConclusion)
  @IsEnum(OpinionConclusion)
  conclusion!: OpinionConclusion;

  @Field({ description: 'Full opinion text (意见正文)' })
  @MaxLength(200_000)
  text!: string;

  @Field(() => [FindingInput])
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  findings!: FindingInput[];
}

@InputType()
export class IssueOpinionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '法律意见 id 格式无效' })
  opinionId!: string;

  @Field(() => Int)
  @Min(1)
  version!: number;
}

@InputType({ description: 'Answer a finding (答复审查意见), R-DEC-9' })
export class RespondFindingInput {
  @Field(() => ID)
  @IsUUID('all', { message: '意见条目 id 格式无效' })
  findingId!: string;

  @Field(() => FindingResponse)
  @IsEnum(FindingResponse)
  response!: FindingResponse;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT)
  reason?: string;
}

@InputType({ description: 'Confirm the amended draft (确认修改稿), R-DEC-9' })
export class ConfirmDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: '法律意见 id 格式无效' })
  opinionId!: string;

  @Field()
  @Length(1, 5000, { message: '请填写确认意见' })
  note!: string;
}

@InputType({ description: 'Register a contract (登记合同)' })
export class CreateContractInput {
  @Field()
  @Length(2, 200, { message: '合同名称应为 2–200 个字符' })
  title!: string;

  @Field()
  @Length(1, 200, { message: '请填写合同相对方' })
  counterparty!: string;

  @Field({ description: 'Amount in yuan, e.g. "125000.00"' })
  @Matches(/^\d{1,14}(\.\d{1,2})?$/, { message: '合同金额格式应为数字，最多两位小数' })
  amount!: string;

  @Field({ description: 'Contract text, first version' })
  @Length(1, 500_000, { message: '合同文本不能为空' })
  text!: string;
}

@InputType()
export class ContractDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;

  @Field()
  @Length(1, 500_000)
  text!: string;

  @Field()
  @Length(1, 2000, { message: '请填写修改说明' })
  changeNote!: string;
}

@InputType()
export class ContractMaterialInput {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @Length(1, 500_000)
  text!: string;
}

@InputType()
export class RequestContractReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Completion date asked for; at least 7 working days away (R-LR-3)' })
  @IsOptional()
  requestedCompletionOn?: string;
}

@InputType({ description: 'Work queue filter (审查工作台筛选)' })
export class ReviewQueueFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean;

  @Field(() => ReviewStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;

  @Field(() => ReviewSubjectType, { nullable: true })
  @IsOptional()
  @IsEnum(ReviewSubjectType)
  subjectType?: ReviewSubjectType;

  @Field({ nullable: true, description: 'Under review and past the due date' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Int, { nullable: true, description: 'Under review and due within N working days' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(250)
  dueWithinWorkingDays?: number;
}
