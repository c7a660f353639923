import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Department } from '../identity/department.entity';
import { AdjustmentKind, DecisionCategory, DirectoryItemStatus, DirectoryStatus } from './directory.enums';

@ObjectType({ implements: Node, description: 'Yearly decision directory (重大行政决策事项目录), R-DIR-1' })
@Entity({ tableName: 'decision_directory' })
@Index({ name: 'decision_directory_list_order', properties: ['year', 'id'] })
export class DecisionDirectory {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Int)
  @Property({ type: 'integer', unique: true })
  year!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => DirectoryStatus)
  @Enum({ items: () => DirectoryStatus })
  status: DirectoryStatus = DirectoryStatus.DRAFT;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the Party committee agreed (党委同意日期), R-DIR-3' })
  @Property({ type: 'date', nullable: true })
  partyApprovedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of that agreement, e.g. meeting minutes' })
  @Property({ type: 'string', length: 200, nullable: true })
  partyApprovalReference?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

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

@ObjectType({ implements: Node, description: 'Directory item (目录事项). Once published, never edited in place (R-DIR-3).' })
@Entity({ tableName: 'directory_item' })
@Index({ name: 'directory_item_page_order', properties: ['directory', 'seq', 'id'] })
@Unique({ properties: ['directory', 'seq'] })
export class DirectoryItem {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionDirectory, { ref: true })
  directory!: Ref<DecisionDirectory>;

  @Field(() => Int, { description: 'Number within the directory (序号)' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => DecisionCategory)
  @Enum({ items: () => DecisionCategory })
  category!: DecisionCategory;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  sponsorDepartment!: Ref<Department>;

  @Field({ description: 'Legal basis (决策依据)' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => Int, { description: 'Planned quarter as published (计划完成季度, 1–4)' })
  @Property({ type: 'smallint' })
  plannedQuarter!: number;

  @Field({ description: 'Reason for inclusion (纳入理由)' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => DirectoryItemStatus, { description: 'Derived from adjustments only' })
  @Enum({ items: () => DirectoryItemStatus })
  status: DirectoryItemStatus = DirectoryItemStatus.ACTIVE;

  @Field(() => Int, { description: 'Quarter after any RESCHEDULE adjustment' })
  @Property({ type: 'smallint' })
  currentQuarter!: number;

  @Field({ description: 'True when the item entered by a published adjustment (ADD)' })
  @Property({ type: 'boolean' })
  addedByAdjustment: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType({ description: 'Recorded adjustment of a published directory (目录调整记录), R-DIR-3' })
@Entity({ tableName: 'directory_adjustment' })
@Index({ name: 'directory_adjustment_page_order', properties: ['directory', 'recordedAt', 'id'] })
export class DirectoryAdjustment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionDirectory, { ref: true })
  directory!: Ref<DecisionDirectory>;

  @ManyToOne(() => DirectoryItem, { ref: true })
  item!: Ref<DirectoryItem>;

  @Field(() => AdjustmentKind)
  @Enum({ items: () => AdjustmentKind })
  kind!: AdjustmentKind;

  @Field({ description: 'Reason (调整理由)' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  fromQuarter?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  toQuarter?: number | null;

  @Field()
  @Property({ type: 'string', length: 64 })
  recordedBy!: string;

  @Field()
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
