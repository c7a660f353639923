import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';

/** Owner kind of a contract's drafts and materials in the shared content store. */
export const CONTRACT_OWNER = 'CONTRACT';

@ObjectType({ implements: Node, description: 'Contract under review (合同), R-LR-1' })
@Entity({ tableName: 'contract' })
@Index({ name: 'contract_list_order', properties: ['code', 'id'] })
export class Contract {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Readable code, e.g. HT-2026-001' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field({ description: 'Counterparty (合同相对方)' })
  @Property({ type: 'string', length: 200 })
  counterparty!: string;

  @Field(() => String, { nullable: true, description: 'The counterparty’s qualification: credit code, licences, grades held (相对方资质情况), R-LR-2' })
  @Property({ type: 'text', nullable: true })
  counterpartyQualification?: string | null;

  @Field({ description: 'Amount in yuan, as a decimal string (合同金额)' })
  @Property({ type: 'decimal', precision: 16, scale: 2 })
  amount!: string;

  @Field(() => String, { nullable: true, description: 'Legal basis for concluding the contract (订立依据), R-LR-2' })
  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: first day (合同期限起)' })
  @Property({ type: 'date', nullable: true })
  termStartsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Term: last day (合同期限止)' })
  @Property({ type: 'date', nullable: true })
  termEndsOn?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  currentDraftNumber: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
