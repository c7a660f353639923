import { Entity, Index, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentKind } from './department.enums';

@ObjectType({ implements: Node, description: 'Department (部门)' })
@Entity({ tableName: 'department' })
@Index({ name: 'department_list_order', properties: ['code', 'id'] })
export class Department {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Short code, unique (部门代码)' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field({ description: 'Name (部门名称)' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => DepartmentKind)
  @Enum({ items: () => DepartmentKind })
  kind!: DepartmentKind;

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Int, { description: 'Version for optimistic locking (乐观锁版本号)' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
