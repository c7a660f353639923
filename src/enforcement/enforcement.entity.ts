import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Node } from '../core/node';
import { Meeting } from '../deliberation/deliberation.entity';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { OpinionConclusion } from '../review/review.enums';
import { EnforcementCaseState, EnforcementMeasureKind, EnforcementProcedureKind, EvidenceKind, PartyKind } from './enforcement.enums';

/** Owner kind of a case's proposed decisions in the shared text-version store. */
export const ENFORCEMENT_OWNER = 'ENFORCEMENT_CASE';

/**
 * An enforcement case of one of the street's enforcement teams (执法案件: 城管执法队, 安监中队 …),
 * carrying a proposed decision through the legal review of major enforcement decisions
 * (重大执法决定法制审核, R-EN-1…4) to the decision. The package (facts, basis, measure) lives here;
 * evidence, officers and the procedure record in their own rows; the proposed decision's text in
 * the shared text-version store (owner ENFORCEMENT_CASE). Immutable once decided (also in the database).
 */
@ObjectType({ implements: Node, description: 'Enforcement case and its proposed decision (执法案件), R-EN-1…4' })
@Entity({ tableName: 'enforcement_case' })
@Index({ properties: ['department', 'createdAt'] })
export class EnforcementCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Case number per year from a gap-free sequence, e.g. ZF-2026-001 (案件编号)' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field({ description: 'Cause of action (案由)' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @Field(() => EnforcementCaseState)
  @Enum({ items: () => EnforcementCaseState })
  state: EnforcementCaseState = EnforcementCaseState.INVESTIGATING;

  @Field(() => PartyKind, { description: 'The party: an individual or an organisation (当事人类型)' })
  @Enum({ items: () => PartyKind })
  partyKind!: PartyKind;

  @Field({ description: 'Name of the party (当事人)' })
  @Property({ type: 'string', length: 200 })
  partyName!: string;

  @Field(() => String, { nullable: true, description: 'Identity card or unified social credit code (身份证件号码或统一社会信用代码)' })
  @Property({ type: 'string', length: 50, nullable: true })
  partyIdNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Facts found (认定的违法事实)' })
  @Property({ type: 'text', nullable: true })
  factsFound?: string | null;

  @Field(() => String, { nullable: true, description: 'Law applied (法律依据名称)' })
  @Property({ type: 'string', length: 200, nullable: true })
  legalBasisLaw?: string | null;

  @Field(() => String, { nullable: true, description: 'Article applied (条款)' })
  @Property({ type: 'string', length: 200, nullable: true })
  legalBasisArticle?: string | null;

  @Field(() => String, { nullable: true, description: 'Discretion standard applied and its level (适用的裁量基准及档次)' })
  @Property({ type: 'text', nullable: true })
  discretionStandard?: string | null;

  @Field({ description: 'Involves a major public interest (涉及重大公共利益)' })
  @Property({ type: 'boolean' })
  majorPublicInterest: boolean = false;

  @Field({ description: 'May cause a major social impact or risk (可能引发社会风险)' })
  @Property({ type: 'boolean' })
  socialRisk: boolean = false;

  @Field({ description: 'Complex, or spanning several legal relationships (案情疑难复杂)' })
  @Property({ type: 'boolean' })
  complexCase: boolean = false;

  @Field({ description: 'A hearing was required (应当听证): the procedure record needs one' })
  @Property({ type: 'boolean' })
  hearingRequired: boolean = false;

  @Field(() => [EnforcementMeasureKind], { description: 'Measures of the proposed decision (处理措施), set with each version of it' })
  @Property({ type: 'json' })
  measureKinds: EnforcementMeasureKind[] = [];

  @Field(() => String, { nullable: true, description: 'Fine in yuan, as a decimal string (罚款数额)' })
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true })
  fineAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Value in yuan of what is confiscated (没收财物价值)' })
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true })
  confiscationValue?: string | null;

  @Field(() => Int, { description: 'Number of the current proposed decision (0: none yet)' })
  @Property({ type: 'integer' })
  currentDecisionNumber: number = 0;

  @Field(() => Boolean, { nullable: true, description: 'Submitted for review although not major at the (last) submission (自愿提请审核); null before any submission' })
  @Property({ type: 'boolean', nullable: true })
  submittedVoluntarily?: boolean | null;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  // ---------------------------------------------------------------- the decision (R-EN-4)

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the decision was made (决定日期)' })
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  decidedBy?: Ref<User> | null;

  @Field(() => Int, { nullable: true, description: 'The version of the proposed decision that was decided' })
  @Property({ type: 'integer', nullable: true })
  decidedVersionNumber?: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the decided text' })
  @Property({ type: 'string', length: 64, nullable: true })
  decidedHash?: string | null;

  /** The opinion in force when the decision was made, if the case was reviewed. */
  @ManyToOne(() => LegalOpinion, { ref: true, nullable: true })
  opinion?: Ref<LegalOpinion> | null;

  @Field(() => OpinionConclusion, { nullable: true, description: 'Conclusion of the opinion in force when the decision was made' })
  @Enum({ items: () => OpinionConclusion, nullable: true })
  opinionConclusion?: OpinionConclusion | null;

  @Field(() => Boolean, { nullable: true, description: 'The decision departs from a NOT_AGREED or RETURNED conclusion, after a collective discussion (R-EN-4)' })
  @Property({ type: 'boolean', nullable: true })
  departsFromOpinion?: boolean | null;

  /** The leadership's collective discussion (集体讨论): a finalised meeting held on or after the opinion. */
  @ManyToOne(() => Meeting, { ref: true, nullable: true })
  discussionMeeting?: Ref<Meeting> | null;

  @Property({ type: 'text', nullable: true })
  discussionConclusion?: string | null;

  @Property({ type: 'text', nullable: true })
  discussionReason?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'An item of the evidence list (证据清单条目), R-EN-2' })
@Entity({ tableName: 'enforcement_evidence' })
@Unique({ properties: ['case', 'seq'] })
export class EnforcementEvidence {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => EnforcementCase, { ref: true })
  case!: Ref<EnforcementCase>;

  @Field(() => Int, { description: 'Number in the list: 1, 2, … with no gaps' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => EvidenceKind)
  @Enum({ items: () => EvidenceKind })
  kind!: EvidenceKind;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field({ description: 'What it shows, pages, where it is kept (证明内容)' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => LocalDateResolver, { description: 'Obtained on (取证日期)' })
  @Property({ type: 'date' })
  obtainedOn!: string;

  @ManyToOne(() => User, { ref: true })
  addedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  addedAt!: Date;
}

@ObjectType({ description: 'An officer of the case and their enforcement certificate (执法人员及执法证), R-EN-2' })
@Entity({ tableName: 'enforcement_officer' })
@Unique({ properties: ['case', 'certificateNumber'] })
export class EnforcementOfficer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => EnforcementCase, { ref: true })
  case!: Ref<EnforcementCase>;

  @Property({ type: 'integer' })
  seq!: number;

  @Field()
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field({ description: 'Enforcement certificate number (执法证号)' })
  @Property({ type: 'string', length: 50 })
  certificateNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Certificate valid until (执法证有效期至)' })
  @Property({ type: 'date', nullable: true })
  certificateValidUntil?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  addedAt!: Date;
}

@ObjectType({ description: 'A step of the procedure record (程序记录): investigation, notice of rights, statements and defence, hearing' })
@Entity({ tableName: 'enforcement_procedure_record' })
@Unique({ properties: ['case', 'seq'] })
export class EnforcementProcedureRecord {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => EnforcementCase, { ref: true })
  case!: Ref<EnforcementCase>;

  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => EnforcementProcedureKind)
  @Enum({ items: () => EnforcementProcedureKind })
  kind!: EnforcementProcedureKind;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field()
  @Property({ type: 'text' })
  note!: string;

  @ManyToOne(() => User, { ref: true })
  recordedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
