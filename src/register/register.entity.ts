import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Node } from '../core/node';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { AdministrativeCaseKind, AdministrativeCaseOutcome, AdministrativeCaseStage, DisputeType, MediationOutcome, PublicityForm } from './register.enums';

/**
 * The registers of the office's legal work the annual report counts and the decision procedure does
 * not produce (R-AR-2): legal consultations, dispute mediations, administrative litigation and
 * reconsideration cases, rule-of-law publicity events. Each row belongs to a department (and, where it
 * applies, a community), is changed only with the version read (optimistic lock) and audited.
 * Lists read in the order of their (date, id) index, newest first.
 */

@ObjectType({ implements: Node, description: 'A legal consultation answered (法律咨询), R-AR-2' })
@Entity({ tableName: 'legal_consultation' })
@Index({ name: 'legal_consultation_list_order', properties: ['consultedOn', 'id'] })
export class LegalConsultation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => LocalDateResolver, { description: 'Day of the consultation (咨询日期)' })
  @Property({ type: 'date' })
  consultedOn!: string;

  @Field({ description: 'Who asked: a person, a unit or a department (咨询人)' })
  @Property({ type: 'string', length: 100 })
  requester!: string;

  @Field({ description: 'Topic (咨询事项)' })
  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Field({ description: 'The answer given (解答意见)' })
  @Property({ type: 'text' })
  answer!: string;

  @Field({ description: 'The advisor who answered (解答人)' })
  @Property({ type: 'string', length: 100 })
  advisor!: string;

  @Field(() => String, { nullable: true, description: 'Community concerned (所属社区)' })
  @Property({ type: 'string', length: 100, nullable: true })
  community?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ implements: Node, description: 'A dispute brought to mediation (矛盾纠纷调解), R-AR-2: counted in the year received, its outcome in the year closed (R-AR-1)' })
@Entity({ tableName: 'dispute_mediation' })
@Index({ name: 'dispute_mediation_list_order', properties: ['receivedOn', 'id'] })
export class DisputeMediation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => LocalDateResolver, { description: 'Day the dispute was received (受理日期)' })
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field({ description: 'The parties (当事人)' })
  @Property({ type: 'string', length: 500 })
  parties!: string;

  @Field(() => DisputeType)
  @Enum({ items: () => DisputeType })
  disputeType!: DisputeType;

  @Field({ description: 'What the dispute is about (纠纷简要情况)' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => MediationOutcome)
  @Enum({ items: () => MediationOutcome })
  outcome: MediationOutcome = MediationOutcome.IN_PROGRESS;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the mediation ended (结案日期); set exactly when it has an outcome' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Community concerned (所属社区)' })
  @Property({ type: 'string', length: 100, nullable: true })
  community?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({
  implements: Node,
  description: 'An administrative litigation or reconsideration case of the street (行政诉讼、行政复议), R-AR-2: counted in the year opened, its outcome in the year closed (R-AR-1)',
})
@Entity({ tableName: 'administrative_case' })
@Index({ name: 'administrative_case_list_order', properties: ['openedOn', 'id'] })
export class AdministrativeCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Case number given by the court or the reconsideration body (案号), unique' })
  @Property({ type: 'string', length: 64, unique: true })
  caseNumber!: string;

  @Field(() => AdministrativeCaseKind)
  @Enum({ items: () => AdministrativeCaseKind })
  kind!: AdministrativeCaseKind;

  @Field({ description: 'The other party: plaintiff or applicant (原告／申请人)' })
  @Property({ type: 'string', length: 300 })
  party!: string;

  @Field({ description: 'Cause: the act of the street challenged (案由)' })
  @Property({ type: 'string', length: 300 })
  cause!: string;

  @Field(() => AdministrativeCaseStage)
  @Enum({ items: () => AdministrativeCaseStage })
  stage!: AdministrativeCaseStage;

  @Field(() => AdministrativeCaseOutcome, { nullable: true, description: 'Outcome, once closed (结案结果)' })
  @Enum({ items: () => AdministrativeCaseOutcome, nullable: true })
  outcome?: AdministrativeCaseOutcome | null;

  @Field(() => LocalDateResolver, { description: 'Day the case was opened: filed or accepted (立案／受理日期)' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the case closed (结案日期)' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ implements: Node, description: 'A rule-of-law publicity event (普法活动), R-AR-2' })
@Entity({ tableName: 'publicity_event' })
@Index({ name: 'publicity_event_list_order', properties: ['heldOn', 'id'] })
export class PublicityEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => LocalDateResolver, { description: 'Day held (活动日期)' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field({ description: 'Topic (主题)' })
  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Field(() => PublicityForm)
  @Enum({ items: () => PublicityForm })
  form!: PublicityForm;

  @Field(() => Int, { description: 'Audience reached (受众人数)' })
  @Property({ type: 'integer' })
  audienceSize!: number;

  @Field(() => String, { nullable: true, description: 'Community where it was held (所属社区)' })
  @Property({ type: 'string', length: 100, nullable: true })
  community?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}
