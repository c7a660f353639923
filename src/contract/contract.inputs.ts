import { IsEnum, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MaterialKind } from '../content/material.enums';
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
export class ContractMaterialInput implements AddContractMaterialCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '合同 id 格式无效' })
  contractId!: string;

  @Field(() => MaterialKind, { defaultValue: MaterialKind.OTHER })
  @IsEnum(MaterialKind)
  kind!: MaterialKind;

  @Field()
  @Length(1, 200, { message: '请填写材料名称' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Text material' })
  @IsOptional()
  @MaxLength(500_000)
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 255)
  fileName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  mimeType?: string;

  @Field(() => String, { nullable: true, description: 'File content, base64' })
  @IsOptional()
  contentBase64?: string;
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
