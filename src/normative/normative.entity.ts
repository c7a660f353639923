import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { CleanupOutcome, DocumentState, ExcludedDocumentType, FairCompetitionResult, FilingMaterialKind, FilingStatus, FilingVerdict, Issuer } from './normative.enums';

/** Owner kind of a normative document's text versions in the shared content store. */
export const NORMATIVE_OWNER = 'NORMATIVE_DOCUMENT';

@ObjectType({ implements: Node, description: 'Normative-document candidate (规范性文件) in the register' })
@Entity({ tableName: 'normative_document' })
@Index({ properties: ['state', 'publishedOn'] })
// The register's order (newest first) and one index per filing-flag kind, each the order its branch reads (R-ND-8).
@Index({
  name: 'normative_document_register_order',
  expression: `create index "normative_document_register_order" on "normative_document" ("created_at" desc, "id" desc)`,
})
@Index({
  name: 'normative_document_flag_unfiled',
  expression: `create index "normative_document_flag_unfiled" on "normative_document" ("filing_due_on", "id") where "filed_on" is null and "filing_due_on" is not null`,
})
@Index({
  name: 'normative_document_flag_deferral',
  expression: `create index "normative_document_flag_deferral" on "normative_document" ("correction_due_on", "id") where "filing_due_on" is not null and "filing_status" = 'DEFERRED'`,
})
@Index({
  name: 'normative_document_flag_possible_miss',
  expression: `create index "normative_document_flag_possible_miss" on "normative_document" ("id") where "state" = 'RELEASED' and "published_on" is not null and "confirmed_verdict" = 'NOT_REQUIRED' and "red_flag_count" > 0`,
})
@Index({
  name: 'normative_document_flag_unconfirmed',
  expression: `create index "normative_document_flag_unconfirmed" on "normative_document" ("id") where "state" = 'RELEASED' and "published_on" is not null and "confirmed_verdict" is null`,
})
@Index({
  name: 'normative_document_flag_materials',
  expression: `create index "normative_document_flag_materials" on "normative_document" ("id") where "filing_due_on" is not null and not "filing_materials_complete"`,
})
@Index({
  name: 'normative_document_flag_correction_open',
  expression: `create index "normative_document_flag_correction_open" on "normative_document" ("id") where "filing_due_on" is not null and "filing_status" = 'CORRECTION_REQUIRED'`,
})
@Index({
  name: 'normative_document_flag_evaluation',
  expression: `create index "normative_document_flag_evaluation" on "normative_document" ("valid_until", "id") where "state" = 'RELEASED' and "published_on" is not null and "valid_until" is not null`,
})
@Index({
  name: 'normative_document_flag_filed_late',
  expression: `create index "normative_document_flag_filed_late" on "normative_document" ("filing_due_on", "id") where "filed_on" > "filing_due_on"`,
})
@Index({
  name: 'normative_document_flag_corrected_late',
  expression: `create index "normative_document_flag_corrected_late" on "normative_document" ("correction_due_on", "id") where "filing_due_on" is not null and "corrected_on" > "correction_due_on"`,
})
export class NormativeDocument {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => Issuer)
  @Enum({ items: () => Issuer })
  issuer!: Issuer;

  @Field(() => String, { nullable: true, description: 'Other issuers of a joint document; the lead issuer files (R-ND-3)' })
  @Property({ type: 'string', length: 300, nullable: true })
  jointIssuers?: string | null;

  @Index()
  @ManyToOne(() => Department, { ref: true })
  sponsorDepartment!: Ref<Department>;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @ManyToOne(() => DecisionProposal, { ref: true, nullable: true })
  originatingProposal?: Ref<DecisionProposal> | null;

  @Field(() => DocumentState)
  @Enum({ items: () => DocumentState })
  state: DocumentState = DocumentState.DRAFTING;

  @Field(() => Int)
  @Property({ type: 'integer' })
  currentVersionNumber: number = 0;

  @Field({ description: 'Affects businesses or the public’s rights and duties: 30-day public comment (R-ND-4)' })
  @Property({ type: 'boolean' })
  affectsBusinessesOrPublic: boolean = false;

  @Field({ description: 'Touches market entities: fair-competition review required (R-ND-4); suggested from the text (marketEntitiesSuggestion)' })
  @Property({ type: 'boolean' })
  touchesMarketEntities: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why the flag departs from the suggestion of the text (R-ND-4)' })
  @Property({ type: 'text', nullable: true })
  touchesMarketEntitiesReason?: string | null;

  /** The suggested terms the reason was given against: a term found later needs the reason again. */
  @Property({ type: 'json', nullable: true })
  marketEntitiesAnsweredTerms?: string[] | null;

  // --- assessment (R-ND-1, R-ND-2)
  @Field(() => GraphQLJSON, { nullable: true, description: 'Checklist answers' })
  @Property({ type: 'json', nullable: true })
  assessmentAnswers?: Record<string, unknown> | null;

  @Field(() => FilingVerdict, { nullable: true, description: 'The system’s verdict' })
  @Enum({ items: () => FilingVerdict, nullable: true })
  assessedVerdict?: FilingVerdict | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Reasons with rule ids' })
  @Property({ type: 'json', nullable: true })
  assessmentReasons?: { rule: string; message: string }[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Red flags found in title and text' })
  @Property({ type: 'json', nullable: true })
  redFlags?: { where: string; term: string; excerpt: string }[] | null;

  @Property({ type: 'integer' })
  redFlagCount: number = 0;

  @Field(() => FilingVerdict, { nullable: true, description: 'Confirmed by a filing officer (FILING_REQUIRED or NOT_REQUIRED)' })
  @Enum({ items: () => FilingVerdict, nullable: true })
  confirmedVerdict?: FilingVerdict | null;

  @Field(() => String, { nullable: true, description: 'Reason for overriding the system’s verdict' })
  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  confirmedBy?: Ref<User> | null;

  // --- release gate facts (R-ND-4)
  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publicCommentStartsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publicCommentEndsOn?: string | null;

  // History only: typed before the release gate linked the fair-competition review and the meeting
  // (issue #11). Kept as recorded; no longer written, no longer read by the gate.
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Fair-competition review date as typed before reviews were recorded with their conclusion (history)',
    deprecationReason: 'History of documents registered before issue #11: read fairCompetitionReview',
  })
  @Property({ type: 'date', nullable: true })
  fairCompetitionReviewedOn?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Collective deliberation date as typed before meetings were linked (history)',
    deprecationReason: 'History of documents registered before issue #11: read agendaItems',
  })
  @Property({ type: 'date', nullable: true })
  deliberatedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The meeting as typed before meetings were linked, e.g. 2025年第9次主任办公会议 (history)',
    deprecationReason: 'History of documents registered before issue #11: read agendaItems',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  deliberationReference?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  effectiveOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'End of the validity period (有效期至)' })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  @Field({ description: 'Released without a stated validity period: validUntil is the maximum (R-ND-9)' })
  @Property({ type: 'boolean', default: false })
  validityDefaulted: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why it takes effect less than 30 days after publication' })
  @Property({ type: 'text', nullable: true })
  urgentReason?: string | null;

  // --- registration (R-ND-5)
  @Field(() => String, { nullable: true, description: 'Unified registration number (统一编号), e.g. 云湖街规〔2026〕3号' })
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  registrationNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  registeredOn?: string | null;

  // --- release and lifecycle
  @Field(() => LocalDateResolver, { nullable: true, description: 'Published on (公布日期)' })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  publicationChannel?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @ManyToOne(() => NormativeDocument, { ref: true, nullable: true })
  replacedBy?: Ref<NormativeDocument> | null;

  @ManyToOne(() => NormativeDocument, { ref: true, nullable: true })
  replaces?: Ref<NormativeDocument> | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  /**
   * Kept by the database (trigger `normative_flag_facts`, from the deadline settings the server
   * writes at start, and from the document's filing), never written by the ORM: the filing deadline
   * of a released document that must be filed (R-ND-6), the day its evaluation is due (R-ND-9), and
   * its filing's date, status, correction deadline and correction, and whether the filing holds
   * every required material (R-ND-7, R-ND-8). The filing flags are read from these, through their indexes.
   */
  @Property({ type: 'date', nullable: true, fieldName: 'filing_due_on' })
  storedFilingDueOn?: string | null;

  @Property({ type: 'date', nullable: true, fieldName: 'evaluation_starts_on' })
  storedEvaluationStartsOn?: string | null;

  @Property({ type: 'date', nullable: true, fieldName: 'filed_on' })
  storedFiledOn?: string | null;

  @Property({ type: 'text', nullable: true, fieldName: 'filing_status' })
  storedFilingStatus?: string | null;

  @Property({ type: 'date', nullable: true, fieldName: 'correction_due_on' })
  storedCorrectionDueOn?: string | null;

  @Property({ type: 'date', nullable: true, fieldName: 'corrected_on' })
  storedCorrectedOn?: string | null;

  @Property({ type: 'boolean', nullable: true, fieldName: 'filing_materials_complete' })
  storedFilingMaterialsComplete?: boolean | null;
}

@ObjectType({ description: 'A fair-competition review of a normative document (公平竞争审查), R-ND-4: each review is kept; the latest counts' })
@Entity({ tableName: 'normative_fair_competition_review' })
@Unique({ properties: ['document', 'seq'] })
export class NormativeFairCompetitionReview {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => NormativeDocument, { ref: true })
  document!: Ref<NormativeDocument>;

  @Field(() => Int, { description: 'Number of the review for this document (1, 2, …); the highest counts' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => FairCompetitionResult)
  @Enum({ items: () => FairCompetitionResult })
  conclusion!: FairCompetitionResult;

  @Field({ description: 'Who reviewed (审查机构或审查人)' })
  @Property({ type: 'string', length: 100 })
  reviewer!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  reviewedOn!: string;

  @Field({ description: 'What was found and, for NEEDS_CHANGE, what must change' })
  @Property({ type: 'text' })
  notes!: string;

  @Field(() => Int, { description: 'The text version reviewed' })
  @Property({ type: 'integer' })
  versionNumber!: number;

  @ManyToOne(() => User, { ref: true })
  recordedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}

@ObjectType({ description: 'A prepared filing material (报备材料)' })
@Entity({ tableName: 'filing_material' })
@Unique({ properties: ['document', 'kind'] })
export class FilingMaterial {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => NormativeDocument, { ref: true })
  document!: Ref<NormativeDocument>;

  @Field(() => FilingMaterialKind)
  @Enum({ items: () => FilingMaterialKind })
  kind!: FilingMaterialKind;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  contentHash!: string;
}

@ObjectType({ implements: Node, description: 'Filing with the supervising body (备案) and its outcome, R-ND-6/7' })
@Entity({ tableName: 'filing' })
export class Filing {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => NormativeDocument, { ref: true, owner: true, unique: true })
  document!: Ref<NormativeDocument>;

  @Field({ description: 'Filing authority (备案机关)' })
  @Property({ type: 'string', length: 200 })
  authority!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  filedOn!: string;

  @Field(() => [FilingMaterialKind], { description: 'Materials sent' })
  @Property({ type: 'json' })
  materials!: string[];

  @Field(() => FilingStatus)
  @Enum({ items: () => FilingStatus })
  status: FilingStatus = FilingStatus.FILED;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  deferredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the supervising body asked to supplement' })
  @Property({ type: 'text', nullable: true })
  deferralReason?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  correctedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Correction requested by the filing review' })
  @Property({ type: 'text', nullable: true })
  correctionRequest?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  reviewedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  correctionClosedOn?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

/** The deadline settings the flag triggers read (one row, written by the server at start from its configuration). */
@Entity({ tableName: 'normative_deadline_setting' })
export class NormativeDeadlineSetting {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  filingDueDays!: number;

  @Property({ type: 'integer' })
  correctionDueDays!: number;

  @Property({ type: 'integer' })
  evaluationLeadMonths!: number;

  @Property({ type: 'json' })
  filingMaterials!: string[];
}

@ObjectType({ description: 'Clean-up campaign (清理工作), R-ND-10' })
@Entity({ tableName: 'cleanup_campaign' })
@Index({ name: 'cleanup_campaign_list_order', properties: ['startedOn', 'id'] })
export class CleanupCampaign {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startedOn!: string;
}

@ObjectType({ description: 'Outcome of one document in a clean-up (清理结果)' })
@Entity({ tableName: 'cleanup_entry' })
@Unique({ properties: ['campaign', 'document'] })
@Index({ name: 'cleanup_entry_list_order', properties: ['campaign', 'id'] })
export class CleanupEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => CleanupCampaign, { ref: true })
  campaign!: Ref<CleanupCampaign>;

  @ManyToOne(() => NormativeDocument, { ref: true })
  document!: Ref<NormativeDocument>;

  @Field(() => CleanupOutcome)
  @Enum({ items: () => CleanupOutcome })
  outcome!: CleanupOutcome;

  @Field()
  @Property({ type: 'text' })
  reason!: string;
}

export { ExcludedDocumentType };
