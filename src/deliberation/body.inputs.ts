import { IsBoolean, IsEnum, IsUUID, Length, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { AddBodyMemberCommand, CreateBodyCommand, EndMembershipCommand, SetBodyHeadCommand, UpdateBodyCommand } from './deliberation.commands';
import { DeliberatingBody } from './deliberation.enums';

/** GraphQL inputs of the standing bodies (R-DEC-11): administrators keep them. */

@InputType({ description: 'Set up a standing deliberating body (设立议事机构): one per kind' })
export class CreateStandingBodyInput implements CreateBodyCommand {
  @Field(() => DeliberatingBody)
  @IsEnum(DeliberatingBody, { message: '议事机构类型无效' })
  kind!: DeliberatingBody;

  @Field({ description: 'Name, e.g. 白云湖街主任办公会议' })
  @Length(2, 100, { message: '机构名称须为 2–100 字' })
  name!: string;
}

@InputType({ description: 'Rename a standing body (修改机构名称)' })
export class UpdateStandingBodyInput implements UpdateBodyCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '议事机构 id 格式无效' })
  bodyId!: string;

  @Field(() => Int, { description: 'The body’s version you read' })
  @Min(1)
  version!: number;

  @Field()
  @Length(2, 100, { message: '机构名称须为 2–100 字' })
  name!: string;
}

@InputType({ description: 'A new period of membership (增补成员), from its first day' })
export class AddBodyMemberInput implements AddBodyMemberCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '议事机构 id 格式无效' })
  bodyId!: string;

  @Field(() => ID, { description: 'The member’s user id (User.id)' })
  @IsUUID('all', { message: '成员用户 id 格式无效' })
  userId!: string;

  @Field(() => LocalDateResolver, { description: 'First day of membership: after the body’s latest meeting' })
  startedOn!: string;

  @Field({ defaultValue: false, description: 'A deputy (副职), who may chair by delegation' })
  @IsBoolean()
  deputy!: boolean;

  @Field({ description: 'Position held (职务), e.g. 街道办事处副主任' })
  @Length(1, 100, { message: '请填写职务（1–100 字）' })
  title!: string;
}

@InputType({ description: 'End a period of membership (结束任期): the record stays' })
export class EndBodyMembershipInput implements EndMembershipCommand {
  @Field(() => ID, { description: 'The membership period’s id (BodyMembership.id)' })
  @IsUUID('all', { message: '成员任期 id 格式无效' })
  membershipId!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of membership: not before the body’s latest meeting' })
  endedOn!: string;

  @Field({ description: 'Why it ends (离任原因), e.g. 工作调动' })
  @Length(2, 500, { message: '请说明离任原因（2–500 字）' })
  reason!: string;
}

@InputType({ description: 'A new head of the body (设定主要负责人): a current member; the previous head’s period ends the day before' })
export class SetBodyHeadInput implements SetBodyHeadCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '议事机构 id 格式无效' })
  bodyId!: string;

  @Field(() => ID, { description: 'The new head’s user id (User.id)' })
  @IsUUID('all', { message: '负责人用户 id 格式无效' })
  userId!: string;

  @Field(() => LocalDateResolver, { description: 'First day as head: after the body’s latest meeting' })
  startedOn!: string;
}
