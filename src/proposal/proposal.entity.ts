import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DirectoryItem } from '../directory/directory.entity';
import { ProcedureKind, ProposalSource, ProposalState } from './proposal.enums';

/** Owner kind of a proposal's drafts and materials in the shared content store. */
export const PROPOSAL_OWNER = 'PROPOSAL';

@ObjectType({ implements: Node, description: 'Major administrative decision proposal (重大行政决策建议), R-DEC-1' })
@Entity({ tableName: 'decision_proposal' })
@Index({ name: 'decision_proposal_list_order', properties: ['code', 'id'] })
@Index({ properties: ['year', 'state'] })
// A directory item carries one live proposal (R-DIR-4): a concurrent second inclusion loses with CONFLICT.
@Index({
  name: 'decision_proposal_one_live_per_directory_item',
  expression: `create unique index "decision_proposal_one_live_per_directory_item" on "decision_proposal" ("directory_item_id") where "directory_item_id" is not null and "state" not in ('WITHDRAWN', 'DECLINED')`,
})
export class DecisionProposal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Readable code per year, e.g. JC-2026-007' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => ProposalSource)
  @Enum({ items: () => ProposalSource })
  source!: ProposalSource;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  sponsorDepartment!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field({ description: 'Problem to solve (拟解决的问题)' })
  @Property({ type: 'text' })
  problem!: string;

  @Field({ description: 'Legal basis (法律依据)' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field({ description: 'Preliminary plan (初步方案)' })
  @Property({ type: 'text' })
  preliminaryPlan!: string;

  @Field({ description: 'Necessity (必要性)' })
  @Property({ type: 'text' })
  necessity!: string;

  @Field({ description: 'Feasibility (可行性)' })
  @Property({ type: 'text' })
  feasibility!: string;

  @Field({ description: 'Affects the public’s vital interests (涉及社会公众切身利益) → public consultation' })
  @Property({ type: 'boolean' })
  affectsPublicInterest: boolean = false;

  @Field({ description: 'Highly specialised or technical (专业性、技术性较强) → expert review' })
  @Property({ type: 'boolean' })
  specialised: boolean = false;

  @Field({ description: 'May harm social stability or public safety → risk assessment' })
  @Property({ type: 'boolean' })
  stabilityRisk: boolean = false;

  @Field({ description: 'Touches market entities’ economic activity → fair-competition review' })
  @Property({ type: 'boolean' })
  touchesMarketEntities: boolean = false;

  @Field({ description: 'Views differ widely (存在较大分歧) → at least 2 alternatives (R-DEC-2)' })
  @Property({ type: 'boolean' })
  viewsDifferWidely: boolean = false;

  @Field(() => [ProcedureKind], { description: 'Procedures added by a decision maker on top of the derived ones' })
  @Enum({ items: () => ProcedureKind, array: true })
  addedProcedures: ProcedureKind[] = [];

  @Field(() => ProposalState)
  @Enum({ items: () => ProposalState })
  state: ProposalState = ProposalState.AWAITING_INCLUSION;

  @Index()
  @ManyToOne(() => DirectoryItem, { ref: true, nullable: true })
  directoryItem?: Ref<DirectoryItem> | null;

  @Field(() => String, { nullable: true, description: 'Why inclusion was declined (未予纳入理由)' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  /** R-DEC-16: a change of a decision goes through the procedure again, as a proposal amending it. */
  @ManyToOne(() => DecisionProposal, { ref: true, nullable: true })
  amends?: Ref<DecisionProposal> | null;

  @Field(() => Int, { description: 'Number of the latest draft version, 0 before the first' })
  @Property({ type: 'integer' })
  currentDraftNumber: number = 0;

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

@ObjectType({ description: 'Alternative plan (备选方案), R-DEC-2' })
@Entity({ tableName: 'proposal_alternative' })
export class ProposalAlternative {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true })
  proposal!: Ref<DecisionProposal>;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType({ description: 'Disagreement between departments (部门间分歧), R-DEC-2 / Art 13' })
@Entity({ tableName: 'proposal_disagreement' })
export class ProposalDisagreement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true })
  proposal!: Ref<DecisionProposal>;

  @Field({ description: 'Departments involved (涉及部门)' })
  @Property({ type: 'string', length: 300 })
  departments!: string;

  @Field({ description: 'The matter and each side’s position (分歧事项及各方意见)' })
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: 'Still unresolved (尚未协调一致)' })
  @Property({ type: 'boolean' })
  unresolved: boolean = true;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
