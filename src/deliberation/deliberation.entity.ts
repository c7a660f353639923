import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { TextVersion } from '../content/text-version.entity';
import { StandingBody } from './body.entity';
import { AgendaSubjectType, BodyRole, DecisionStatus, DeliberatingBody, HeadDecision, MeetingStatus, MemberPositionKind } from './deliberation.enums';
import { NormativeDocument } from '../normative/normative.entity';

@ObjectType({ implements: Node, description: 'Meeting of a deliberating body (集体讨论会议), R-DEC-11' })
@Entity({ tableName: 'meeting' })
@Index({ name: 'meeting_list_order', properties: ['heldOn', 'id'] })
export class Meeting {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => DeliberatingBody, { description: 'Kind of the body that met (its standing body: `standingBody`)' })
  @Enum({ items: () => DeliberatingBody })
  body!: DeliberatingBody;

  /** The standing body that met: the roll is its members on `heldOn` (R-DEC-11). */
  @Index()
  @ManyToOne(() => StandingBody, { ref: true })
  standingBody!: Ref<StandingBody>;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  heldOn!: string;

  /** The body's head on `heldOn`. */
  @ManyToOne(() => User, { ref: true })
  head!: Ref<User>;

  /** Who chairs and decides: the head, or the deputy the head delegated to for this meeting. */
  @ManyToOne(() => User, { ref: true })
  chair!: Ref<User>;

  @Field(() => String, { nullable: true, description: 'The recorded delegation when a deputy chairs instead of the head (委托主持), R-DEC-11' })
  @Property({ type: 'text', nullable: true })
  chairDelegation?: string | null;

  @Field(() => MeetingStatus)
  @Enum({ items: () => MeetingStatus })
  status: MeetingStatus = MeetingStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'Minutes (会议纪要)' })
  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finalisedAt?: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType({ description: 'A member on the meeting’s roll, taken from the body’s members on the meeting date, with attendance (应到成员与出席情况), R-DEC-11' })
@Entity({ tableName: 'meeting_member' })
@Unique({ properties: ['meeting', 'user'] })
// An absent member's reason is on the record (R-DEC-11).
@Check({ name: 'meeting_member_absence_reason_check', expression: 'present or absence_reason is not null' })
export class MeetingMember {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Meeting, { ref: true })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Field(() => Int, { description: 'Place on the roll: the head, the deputies, the members, each by seniority' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => BodyRole, { description: 'Place on the body on the meeting date' })
  @Enum({ items: () => BodyRole })
  role!: BodyRole;

  @Field({ description: 'Position held on the meeting date (职务)' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field()
  @Property({ type: 'boolean' })
  present!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the member was absent (缺席原因): required when absent' })
  @Property({ type: 'text', nullable: true })
  absenceReason?: string | null;
}

@ObjectType({ description: 'A subject on the agenda — a decision proposal or a normative document — with the head’s decision (议题)' })
@Entity({ tableName: 'agenda_item' })
@Index({ name: 'agenda_item_page_order', properties: ['meeting', 'seq', 'id'] })
@Unique({ properties: ['meeting', 'seq'] })
// A subject awaits the head's decision on one agenda at most (R-DEC-11, R-ND-4): a concurrent second one loses with CONFLICT.
@Index({
  name: 'agenda_item_one_undecided_per_proposal',
  expression: `create unique index "agenda_item_one_undecided_per_proposal" on "agenda_item" ("proposal_id") where "head_decision" is null`,
})
@Index({
  name: 'agenda_item_one_undecided_per_document',
  expression: `create unique index "agenda_item_one_undecided_per_document" on "agenda_item" ("normative_document_id") where "head_decision" is null`,
})
// Exactly one subject, the one its type names.
@Check({
  name: 'agenda_item_one_subject',
  expression: `(subject_type = 'DECISION_PROPOSAL' and proposal_id is not null and normative_document_id is null) or (subject_type = 'NORMATIVE_DOCUMENT' and normative_document_id is not null and proposal_id is null)`,
})
export class AgendaItem {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Meeting, { ref: true })
  meeting!: Ref<Meeting>;

  @Field(() => AgendaSubjectType)
  @Enum({ items: () => AgendaSubjectType, default: AgendaSubjectType.DECISION_PROPOSAL })
  subjectType: AgendaSubjectType = AgendaSubjectType.DECISION_PROPOSAL;

  /** The subject when it is a decision proposal (R-DEC-11). */
  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true, nullable: true })
  proposal?: Ref<DecisionProposal> | null;

  /** The subject when it is a normative document (集体审议, R-ND-4). */
  @Index()
  @ManyToOne(() => NormativeDocument, { ref: true, nullable: true })
  normativeDocument?: Ref<NormativeDocument> | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seq!: number;

  /** The text deliberated: the proposal's draft or the document's version. */
  @ManyToOne(() => TextVersion, { ref: true })
  draftVersion!: Ref<TextVersion>;

  @Field({ description: 'Hash of the deliberated text (the proposal’s draft, the document’s version)' })
  @Property({ type: 'string', length: 64 })
  draftHash!: string;

  @Field(() => HeadDecision, { nullable: true })
  @Enum({ items: () => HeadDecision, nullable: true })
  headDecision?: HeadDecision | null;

  @Field(() => String, { nullable: true, description: 'Reason, required when departing from the majority' })
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field(() => String, { nullable: true, description: 'The changes the head requires with APPROVE_WITH_CHANGES (修改要求), R-DEC-11/12' })
  @Property({ type: 'text', nullable: true })
  requiredChanges?: string | null;

  @Field({ description: 'When it was put on the agenda' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'A member’s recorded position (表态), dissent included' })
@Entity({ tableName: 'member_position' })
@Unique({ properties: ['agendaItem', 'member'] })
// A conditional support records its condition, and only it has one (R-DEC-11).
@Check({ name: 'member_position_condition_check', expression: `(position = 'CONDITIONAL') = (condition is not null)` })
export class MemberPosition {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => AgendaItem, { ref: true })
  agendaItem!: Ref<AgendaItem>;

  @ManyToOne(() => User, { ref: true })
  member!: Ref<User>;

  @Field(() => MemberPositionKind)
  @Enum({ items: () => MemberPositionKind })
  position!: MemberPositionKind;

  @Field(() => String, { nullable: true, description: 'The condition of a conditional support (所附条件): required for CONDITIONAL, absent otherwise' })
  @Property({ type: 'text', nullable: true })
  condition?: string | null;

  @Field()
  @Property({ type: 'text' })
  remarks!: string;
}

@ObjectType({ description: 'Correction appended to finalised minutes (纪要更正), never overwriting' })
@Entity({ tableName: 'meeting_correction' })
@Index({ name: 'meeting_correction_page_order', properties: ['meeting', 'recordedAt', 'id'] })
export class MeetingCorrection {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Meeting, { ref: true })
  meeting!: Ref<Meeting>;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  recordedBy!: string;

  @Field()
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}

@ObjectType({ implements: Node, description: 'An approved decision: sign-off, Party report, publication, execution (决定)' })
@Entity({ tableName: 'decision' })
export class Decision {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => DecisionProposal, { ref: true, owner: true, unique: true })
  proposal!: Ref<DecisionProposal>;

  @ManyToOne(() => AgendaItem, { ref: true })
  agendaItem!: Ref<AgendaItem>;

  @Field(() => Int, { description: 'The approved draft version' })
  @Property({ type: 'integer' })
  approvedDraftNumber!: number;

  @Field()
  @Property({ type: 'string', length: 64 })
  approvedDraftHash!: string;

  @Field(() => String, { nullable: true, description: 'The changes the meeting required (修改要求): set for APPROVE_WITH_CHANGES, R-DEC-12' })
  @Property({ type: 'text', nullable: true })
  requiredChanges?: string | null;

  @Field(() => Int, { nullable: true, description: 'The amended version the chair confirmed: what is signed instead of the deliberated one (R-DEC-12)' })
  @Property({ type: 'integer', nullable: true })
  amendedDraftNumber?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  amendedDraftHash?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version signed (R-DEC-12)' })
  @Property({ type: 'integer', nullable: true })
  signedDraftNumber?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  signedDraftHash?: string | null;

  @Field(() => DecisionStatus)
  @Enum({ items: () => DecisionStatus })
  status: DecisionStatus = DecisionStatus.APPROVED;

  @ManyToOne(() => User, { ref: true, nullable: true })
  signedBy?: Ref<User> | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Document number (文号), e.g. 云湖街决〔2026〕3号' })
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  documentNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Reported to the Party committee (向党委报告), R-DEC-13' })
  @Property({ type: 'date', nullable: true })
  partyReportedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Publication due (公开期限), R-DEC-14' })
  @Property({ type: 'date', nullable: true })
  publicationDueOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  publicationChannel?: string | null;

  @Field(() => String, { nullable: true, description: 'How public and expert opinions were used (意见采纳情况说明)' })
  @Property({ type: 'text', nullable: true })
  opinionsUseExplanation?: string | null;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  executingDepartment?: Ref<Department> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  suspendedReason?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'Execution report (执行情况报告), R-DEC-16' })
@Entity({ tableName: 'execution_report' })
@Index({ name: 'execution_report_page_order', properties: ['decision', 'reportedOn', 'id'] })
export class ExecutionReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Decision, { ref: true })
  decision!: Ref<Decision>;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  reportedBy!: string;
}

@ObjectType({ description: 'Post-evaluation (决策后评估), R-DEC-16' })
@Entity({ tableName: 'post_evaluation' })
@Index({ name: 'post_evaluation_page_order', properties: ['decision', 'evaluatedOn', 'id'] })
export class PostEvaluation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Decision, { ref: true })
  decision!: Ref<Decision>;

  @Field({ description: 'Assessing unit (评估主体)' })
  @Property({ type: 'string', length: 200 })
  assessor!: string;

  @Field()
  @Property({ type: 'text' })
  conclusion!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  evaluatedOn!: string;
}
