import { IsEnum, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { MaterialInput } from './materials';
import { MaterialKind } from './material.enums';

/** The fields of a material input, shared by every owner's `add…Material` mutation: text, or a base64 file. */
@InputType('MaterialFieldsInput', { description: 'The fields every material input inherits' })
export abstract class MaterialFields implements MaterialInput {
  @Field(() => MaterialKind)
  @IsEnum(MaterialKind)
  kind!: MaterialKind;

  @Field()
  @Length(1, 200, { message: '请填写材料标题' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Text material' })
  @IsOptional()
  @MaxLength(500_000)
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 255)
  @Matches(/^[^/\\\u0000-\u001f]+$/, { message: '文件名不能包含路径或控制字符' })
  fileName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: '文件类型格式无效' })
  mimeType?: string;

  @Field(() => String, {
    nullable: true,
    description: 'File content, base64 — small files only: a GraphQL request body is capped at 1 MB. Upload larger files with POST /materials (README).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { message: '文件内容须为 base64 编码' })
  contentBase64?: string;
}
