import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../core/node';
import { User } from '../identity/user.entity';
import { DeliberatingBody } from './deliberation.enums';

/**
 * A standing deliberating body (议事机构) of the street office: its Party working committee meeting
 * (党工委会议) and its director's office meeting (主任办公会议), R-DEC-11. One per kind. Its members
 * and its head are kept as dated periods, never overwritten: who was a member, and who the head,
 * from when to when. A meeting's roll is taken from the members on its date.
 */
@ObjectType({ implements: Node, description: 'A standing deliberating body with its members and head (议事机构), R-DEC-11' })
@Entity({ tableName: 'standing_body' })
@Unique({ properties: ['kind'] })
export class StandingBody {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => DeliberatingBody, { description: 'Which body: one per kind' })
  @Enum({ items: () => DeliberatingBody })
  kind!: DeliberatingBody;

  @Field({ description: 'Name (名称), e.g. 白云湖街主任办公会议' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/**
 * A period of membership (成员任职期间): from `startedOn` to `endedOn` (both days included; open while
 * null). A change of a member's place (becoming a deputy) ends one period and starts another, so the
 * history stays as it was. At most one open period per member and body (also in the database).
 */
@ObjectType({ description: 'A member of a deliberating body for a period (成员任职期间), R-DEC-11' })
@Entity({ tableName: 'body_membership' })
@Index({
  name: 'body_membership_one_open_per_member',
  expression: `create unique index "body_membership_one_open_per_member" on "body_membership" ("body_id", "user_id") where "ended_on" is null`,
})
export class BodyMembership {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => StandingBody, { ref: true })
  body!: Ref<StandingBody>;

  @Index()
  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Field({ description: 'A deputy (副职): may chair a meeting by recorded delegation' })
  @Property({ type: 'boolean' })
  deputy!: boolean;

  @Field({ description: 'Position held (职务), e.g. 街道办事处副主任' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => LocalDateResolver, { description: 'First day of membership' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of membership; null while it lasts' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the membership ended (离任原因)' })
  @Property({ type: 'text', nullable: true })
  endReason?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * A period as the body's head (主要负责人任职期间): the one who chairs and decides (R-DEC-11). A new head
 * ends the previous period the day before; the head is always a member. One open period per body.
 */
@ObjectType({ description: 'The head of a deliberating body for a period (主要负责人任职期间), R-DEC-11' })
@Entity({ tableName: 'body_headship' })
@Index({
  name: 'body_headship_one_open_per_body',
  expression: `create unique index "body_headship_one_open_per_body" on "body_headship" ("body_id") where "ended_on" is null`,
})
export class BodyHeadship {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => StandingBody, { ref: true })
  body!: Ref<StandingBody>;

  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Field(() => LocalDateResolver, { description: 'First day as head' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day as head; null while current' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
