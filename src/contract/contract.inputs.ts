import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MaterialFields } from '../content/content.inputs';
import type { AddContractDraftCommand, AddContractMaterialCommand, CreateContractCommand } from './contract.service';

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
