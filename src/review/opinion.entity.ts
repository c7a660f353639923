import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TextVersion } from '../content/text-version.entity';
import { User } from '../identity/user.entity';
import { AspectConclusion, ChecklistAnswer, ChecklistItem, FindingAspect, FindingResponse, OpinionConclusion, OpinionStatus } from './review.enums';
import { ReviewRequest } from './review-request.entity';

@ObjectType({ implements: Node, description: 'Legal opinion (法律意见书), R-LR-4/5: immutable once issued; a correction supersedes it' })
@Entity({ tableName: 'legal_opinion' })
@Unique({ properties: ['review', 'number'] })
// One draft per review, and one issued opinion in force per review: a concurrent second loses with CONFLICT (R-LR-5).
@Index({
  name: 'legal_opinion_one_draft_per_review',
  expression: `create unique index "legal_opinion_one_draft_per_review" on "legal_opinion" ("review_id") where "status" = 'DRAFT'`,
})
@Index({
  name: 'legal_opinion_one_in_force_per_review',
  expression: `create unique index "legal_opinion_one_in_force_per_review" on "legal_opinion" ("review_id") where "status" = 'ISSUED' and not "superseded"`,
})
export class LegalOpinion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => ReviewRequest, { ref: true })
  review!: Ref<ReviewRequest>;

  @Field(() => Int, { description: 'Number within the review: 1, and 2… for corrections' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => OpinionStatus)
  @Enum({ items: () => OpinionStatus })
  status: OpinionStatus = OpinionStatus.DRAFT;

  @Field(() => OpinionConclusion)
  @Enum({ items: () => OpinionConclusion })
  conclusion!: OpinionConclusion;

  @Field({ description: 'Full opinion text (意见正文)' })
  @Property({ type: 'text' })
  text!: string;

  /** The text version the opinion covers: always the review's pinned version (R-LR-5, R-DEC-9). */
  @ManyToOne(() => TextVersion, { ref: true })
  reviewedVersion!: Ref<TextVersion>;

  @Field(() => String, { description: 'Hash of the text the opinion covers: the pinned text (R-LR-5, R-DEC-9)' })
  @Property({ type: 'string', length: 64 })
  reviewedDraftHash!: string;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  signedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  issuedAt?: Date | null;

  @ManyToOne(() => LegalOpinion, { ref: true, nullable: true })
  supersedes?: Ref<LegalOpinion> | null;

  @Field({ description: 'A later issued opinion corrects this one' })
  @Property({ type: 'boolean' })
  superseded: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'Finding of an opinion (审查意见条目), R-LR-4' })
@Entity({ tableName: 'opinion_finding' })
@Unique({ properties: ['opinion', 'seq'] })
export class OpinionFinding {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => LegalOpinion, { ref: true })
  opinion!: Ref<LegalOpinion>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => FindingAspect)
  @Enum({ items: () => FindingAspect })
  aspect!: FindingAspect;

  @Field({ description: 'Must be fixed before the subject moves on (必须修改)' })
  @Property({ type: 'boolean' })
  mustFix!: boolean;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field({ description: 'Law relied on (法律依据名称)' })
  @Property({ type: 'string', length: 200 })
  lawName!: string;

  @Field({ description: 'Article (条款)' })
  @Property({ type: 'string', length: 100 })
  article!: string;

  @Field(() => FindingResponse, { nullable: true })
  @Enum({ items: () => FindingResponse, nullable: true })
  response?: FindingResponse | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  responseReason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;
}

@ObjectType({ description: 'The advisor confirms an amended draft (修改稿确认), R-DEC-9' })
@Entity({ tableName: 'opinion_confirmation' })
@Unique({ properties: ['opinion', 'draftHash'] })
export class OpinionConfirmation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => LegalOpinion, { ref: true })
  opinion!: Ref<LegalOpinion>;

  @Field({ description: 'Hash of the confirmed draft' })
  @Property({ type: 'string', length: 64 })
  draftHash!: string;

  @Field()
  @Property({ type: 'text' })
  note!: string;

  @ManyToOne(() => User, { ref: true })
  confirmedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  confirmedAt!: Date;
}

@ObjectType({ description: 'An answered checklist question (审查清单答复), e.g. R-ND-11' })
export class ChecklistEntry {
  @Field(() => ChecklistItem)
  item!: ChecklistItem;

  @Field(() => ChecklistAnswer)
  answer!: ChecklistAnswer;

  @Field(() => String, { nullable: true, description: 'Law relied on, where a basis is claimed (法律、法规名称)' })
  lawName?: string | null;

  @Field(() => String, { nullable: true, description: 'Article, where a basis is claimed (条款)' })
  article?: string | null;
}

@ObjectType({ description: 'The conclusion an opinion states on one aspect of the review (分项审查结论), R-LR-4' })
@Entity({ tableName: 'opinion_aspect' })
@Unique({ properties: ['opinion', 'aspect'] })
export class OpinionAspect {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => LegalOpinion, { ref: true })
  opinion!: Ref<LegalOpinion>;

  @Field(() => Int, { description: 'Place among the aspects the subject type declares' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => FindingAspect)
  @Enum({ items: () => FindingAspect })
  aspect!: FindingAspect;

  @Field(() => AspectConclusion)
  @Enum({ items: () => AspectConclusion })
  conclusion!: AspectConclusion;

  @Field(() => String, { nullable: true, description: 'Reasoning on this aspect (说明)' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => [ChecklistEntry], { description: 'Answers to the aspect’s checklist (R-ND-11 for the content of normative documents); empty where it has none' })
  @Property({ type: 'json' })
  checklist: ChecklistEntry[] = [];
}
