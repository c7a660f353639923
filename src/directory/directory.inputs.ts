import { IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type {
  AddDirectoryItemCommand,
  AdjustDirectoryCommand,
  CreateDirectoryCommand,
  DirectoryItemCommand,
  PublishDirectoryCommand,
  RecordPartyApprovalCommand,
  UpdateDirectoryItemCommand,
} from './directory.commands';
import { AdjustmentKind, DecisionCategory } from './directory.enums';

@InputType({ description: 'New yearly directory (新建年度目录)' })
export class CreateDirectoryInput implements CreateDirectoryCommand {
  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: '年度应在 2000–2100 之间' })
  @Max(2100, { message: '年度应在 2000–2100 之间' })
  year!: number;

  @Field()
  @Length(1, 200, { message: '目录标题应为 1–200 个字符' })
  title!: string;
}

@InputType({ description: 'Directory item content (目录事项)' })
export class DirectoryItemInput implements DirectoryItemCommand {
  @Field()
  @Length(1, 200, { message: '事项名称应为 1–200 个字符' })
  title!: string;

  @Field(() => DecisionCategory)
  @IsEnum(DecisionCategory, { message: '事项类别无效' })
  category!: DecisionCategory;

  @Field(() => ID)
  @IsUUID('all', { message: '承办部门 id 格式无效' })
  sponsorDepartmentId!: string;

  @Field()
  @Length(1, 5000, { message: '决策依据应为 1–5000 个字符' })
  legalBasis!: string;

  @Field(() => Int, { description: 'Planned quarter, 1–4' })
  @IsInt()
  @Min(1, { message: '计划季度应为 1–4' })
  @Max(4, { message: '计划季度应为 1–4' })
  plannedQuarter!: number;

  @Field()
  @Length(1, 5000, { message: '纳入理由应为 1–5000 个字符' })
  reason!: string;
}

@InputType()
export class AddDirectoryItemInput extends DirectoryItemInput implements AddDirectoryItemCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '目录 id 格式无效' })
  directoryId!: string;
}

@InputType()
export class UpdateDirectoryItemInput extends DirectoryItemInput implements UpdateDirectoryItemCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '事项 id 格式无效' })
  itemId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Record the Party committee’s agreement (登记党委同意), R-DIR-3' })
export class RecordPartyApprovalInput implements RecordPartyApprovalCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '目录 id 格式无效' })
  directoryId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field(() => LocalDateResolver)
  approvedOn!: string;

  @Field({ description: 'e.g. 街党工委会议纪要〔2026〕3号' })
  @Length(1, 200, { message: '请填写党委同意的依据（如会议纪要编号）' })
  reference!: string;
}

@InputType()
export class PublishDirectoryInput implements PublishDirectoryCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '目录 id 格式无效' })
  directoryId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;
}

@InputType({ description: 'Adjust a published directory (调整已公布目录), R-DIR-3' })
export class AdjustDirectoryInput implements AdjustDirectoryCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '目录 id 格式无效' })
  directoryId!: string;

  @Field(() => AdjustmentKind)
  @IsEnum(AdjustmentKind)
  kind!: AdjustmentKind;

  @Field({ description: 'Reason (调整理由), required' })
  @Length(2, 5000, { message: '请说明调整理由（2–5000 个字符）' })
  @Matches(/\S/, { message: '请说明调整理由' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'WITHDRAW, RESCHEDULE: the item' })
  @IsOptional()
  @IsUUID('all', { message: '事项 id 格式无效' })
  itemId?: string;

  @Field(() => Int, { nullable: true, description: 'RESCHEDULE: the new quarter' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '计划季度应为 1–4' })
  @Max(4, { message: '计划季度应为 1–4' })
  toQuarter?: number;

  @Field(() => DirectoryItemInput, { nullable: true, description: 'ADD: the new item' })
  @IsOptional()
  @ValidateNested()
  newItem?: DirectoryItemInput;
}
