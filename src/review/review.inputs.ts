import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  AspectCommand,
  AssignReviewCommand,
  ChecklistEntryCommand,
  ConfirmAmendmentCommand,
  ExtendReviewCommand,
  FindingCommand,
  FirstReviewCommand,
  IssueOpinionCommand,
  RespondToFindingCommand,
  ReturnReviewCommand,
  ReviewQueueFilter,
  ReviewVersionCommand,
  SaveOpinionCommand,
} from './review.commands';
import { AspectConclusion, ChecklistAnswer, ChecklistItem, FindingAspect, FindingResponse, OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';

const TEXT = 50_000;

@InputType()
export class ReviewTransitionInput implements ReviewVersionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  reviewId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Return for supplement, saying what is missing (退回补充), R-LR-2' })
export class ReturnReviewInput extends ReviewTransitionInput implements ReturnReviewCommand {
  @Field({ description: 'What is missing (需补充的材料或说明)' })
  @Length(2, 5000, { message: '请列明需要补充的内容' })
  @Matches(/\S/)
  missing!: string;
}

@InputType({ description: 'First review by the sponsor’s legal staff (初审), R-LR-6' })
export class FirstReviewInput extends ReviewTransitionInput implements FirstReviewCommand {
  @Field()
  @Length(2, 5000, { message: '请填写初审意见' })
  note!: string;
}

@InputType()
export class AssignReviewInput implements AssignReviewCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '审查 id 格式无效' })
  reviewId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: '法律顾问 id 格式无效' })
  advisorId!: string;
}

@InputType({ description: 'Extend the review once (延长审查期限), R-LR-3' })
export class ExtendReviewInput extends ReviewTransitionInput implements ExtendReviewCommand {
  @Field(() => Int)
  @IsInt()
  workingDays!: number;

  @Field()
  @Length(2, 2000, { message: '请说明延期理由' })
  reason!: string;
}

@InputType({ description: 'A finding (审查意见条目), R-LR-4' })
export class FindingInput implements FindingCommand {
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

@InputType({ description: 'An answer to a checklist question (审查清单答复), e.g. R-ND-11' })
export class ChecklistEntryInput implements ChecklistEntryCommand {
  @Field(() => ChecklistItem)
  @IsEnum(ChecklistItem)
  item!: ChecklistItem;

  @Field(() => ChecklistAnswer)
  @IsEnum(ChecklistAnswer)
  answer!: ChecklistAnswer;

  @Field(() => String, { nullable: true, description: 'Law relied on, when a basis is claimed, e.g. 《中华人民共和国行政许可法》' })
  @IsOptional()
  @MaxLength(200, { message: '法律、法规名称不超过 200 个字符' })
  lawName?: string;

  @Field(() => String, { nullable: true, description: 'Article, when a basis is claimed, e.g. 第十五条' })
  @IsOptional()
  @MaxLength(100, { message: '条款不超过 100 个字符' })
  article?: string;
}

@InputType({ description: 'The conclusion on one aspect of the review (分项审查结论), R-LR-4' })
export class OpinionAspectInput implements AspectCommand {
  @Field(() => FindingAspect)
  @IsEnum(FindingAspect)
  aspect!: FindingAspect;

  @Field(() => AspectConclusion)
  @IsEnum(AspectConclusion)
  conclusion!: AspectConclusion;

  @Field(() => String, { nullable: true, description: 'Reasoning on this aspect (说明)' })
  @IsOptional()
  @MaxLength(TEXT)
  note?: string;

  @Field(() => [ChecklistEntryInput], { nullable: true, description: 'Answers to the aspect’s checklist, where it has one (review.requiredAspects)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  checklist?: ChecklistEntryInput[];
}

@InputType({ description: 'Save an opinion draft (保存意见草稿)' })
export class SaveOpinionInput implements SaveOpinionCommand {
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

  @Field(() => [OpinionAspectInput], {
    nullable: true,
    description: 'One conclusion per aspect the subject type requires (review.requiredAspects), R-LR-4; a draft may leave some out, issuing may not',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  aspects?: OpinionAspectInput[];
}

@InputType()
export class IssueOpinionInput implements IssueOpinionCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '法律意见 id 格式无效' })
  opinionId!: string;

  @Field(() => Int)
  @Min(1)
  version!: number;
}

@InputType({ description: 'Answer a finding (答复审查意见), R-DEC-9' })
export class RespondFindingInput implements RespondToFindingCommand {
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
export class ConfirmDraftInput implements ConfirmAmendmentCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '法律意见 id 格式无效' })
  opinionId!: string;

  @Field()
  @Length(1, 5000, { message: '请填写确认意见' })
  note!: string;
}

@InputType('ReviewQueueFilter', { description: 'Work queue filter (审查工作台筛选)' })
export class ReviewQueueFilterInput implements ReviewQueueFilter {
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
