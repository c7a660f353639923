import { IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MaterialFields } from '../content/content.inputs';
import type { AddContractDraftCommand, AddContractMaterialCommand, ContractListFilter, CreateContractCommand, UpdateContractCommand } from './contract.commands';

@InputType({ description: 'Register a contract (登记合同)' })
export class CreateContractInput implements CreateContractCommand {
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

  @Field(() => String, { nullable: true, description: 'The counterparty’s qualification: credit code, licences, grades (相对方资质情况)' })
  @IsOptional()
  @MaxLength(5000, { message: '相对方资质情况不超过 5000 个字符' })
  counterpartyQualification?: string;

  @Field(() => String, { nullable: true, description: 'Legal basis for concluding the contract (订立依据)' })
  @IsOptional()
  @MaxLength(5000, { message: '法律依据不超过 5000 个字符' })
  legalBasis?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: first day (合同期限起)' })
  @IsOptional()
  termStartsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: last day (合同期限止)' })
  @IsOptional()
  termEndsOn?: string;
}

@InputType({ description: 'Record or correct the facts of a contract’s review package (合同要素), R-LR-2: a field left out stays, a null clears it' })
export class UpdateContractInput implements UpdateContractCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '请填写合同相对方' })
  counterparty?: string;

  @Field(() => String, { nullable: true, description: 'Amount in yuan, e.g. "125000.00"' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Matches(/^\d{1,14}(\.\d{1,2})?$/, { message: '合同金额格式应为数字，最多两位小数' })
  amount?: string;

  @Field(() => String, { nullable: true, description: 'The counterparty’s qualification (相对方资质情况)' })
  @IsOptional()
  @MaxLength(5000, { message: '相对方资质情况不超过 5000 个字符' })
  counterpartyQualification?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis for concluding the contract (订立依据)' })
  @IsOptional()
  @MaxLength(5000, { message: '法律依据不超过 5000 个字符' })
  legalBasis?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: first day (合同期限起)' })
  @IsOptional()
  termStartsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: last day (合同期限止)' })
  @IsOptional()
  termEndsOn?: string | null;
}

@InputType()
export class ContractDraftInput implements AddContractDraftCommand {
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

@InputType({ description: 'A contract material: text, or a file sent as base64 (合同材料)' })
export class ContractMaterialInput extends MaterialFields implements AddContractMaterialCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;
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

@InputType({ description: 'Contract list filter (合同筛选)' })
export class ContractFilter implements ContractListFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string;

  @Field(() => String, { nullable: true, description: 'Substring of title, code or counterparty (名称、编号或相对方包含)' })
  @IsOptional()
  @Length(1, 100, { message: '查找内容应为 1–100 个字符' })
  search?: string;
}
