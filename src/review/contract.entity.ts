import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';

@ObjectType({ description: 'Contract under review (合同), R-LR-1' })
@Entity({ tableName: 'contract' })
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

  @Field({ description: 'Amount in yuan, as a decimal string (合同金额)' })
  @Property({ type: 'decimal', precision: 16, scale: 2 })
  amount!: string;

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

@ObjectType({ description: 'Immutable contract draft version (合同文本版本)' })
@Entity({ tableName: 'contract_draft' })
@Unique({ properties: ['contract', 'number'] })
export class ContractDraft {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Contract, { ref: true })
  contract!: Ref<Contract>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  number!: number;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'text' })
  changeNote!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType({ description: 'Material of a contract (合同材料), text' })
@Entity({ tableName: 'contract_material' })
export class ContractMaterial {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Contract, { ref: true })
  contract!: Ref<Contract>;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
