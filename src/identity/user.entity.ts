import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from './department.entity';
import { Role } from '../core/roles';

@ObjectType({ implements: Node, description: 'User (用户)' })
@Entity({ tableName: 'app_user' })
@Index({ name: 'app_user_list_order', properties: ['username', 'id'] })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Login name, lower case (登录名)' })
  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Field({ description: 'Display name (姓名)' })
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true })
  roles: Role[] = [];

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** argon2id hash; never exposed. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  /**
   * Token generation: every token carries the generation it was issued in and stops working once
   * this moves on (password changed or reset, deactivation, roles or department changed, "log out
   * everywhere"). Never exposed.
   */
  @Property({ type: 'integer', default: 1, hidden: true })
  tokenGeneration: number = 1;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
