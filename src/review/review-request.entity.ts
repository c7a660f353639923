import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { TextVersion } from '../content/text-version.entity';
import type { PinnedMaterial } from '../content/materials';
import { ReviewStatus, ReviewSubjectType } from './review.enums';

export { ReviewStatus, ReviewSubjectType };

export type { PinnedMaterial };

/**
 * A legality-review request (合法性审查申请), R-LR-1…3, of any review subject. It pins the subject's
 * text version (and hash) and its materials at submission; the deadline runs in working days from acceptance and
 * pauses while the request is returned for supplement.
 */
@ObjectType({ implements: Node, description: 'Legality review (合法性审查): request, intake, deadline, opinions' })
@Entity({ tableName: 'review_request' })
@Index({ name: 'review_request_queue_order', properties: ['dueSortKey', 'id'] })
@Index({ properties: ['status', 'dueSortKey'] })
@Index({ properties: ['subjectType', 'subjectId'] })
// One open review per subject: a second concurrent request loses with CONFLICT (R-LR-2).
@Index({
  name: 'review_request_one_open_per_subject',
  expression: `create unique index "review_request_one_open_per_subject" on "review_request" ("subject_type", "subject_id") where "status" <> 'OPINION_ISSUED'`,
})
export class ReviewRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Readable code per year, e.g. SC-2026-012' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => ReviewSubjectType)
  @Enum({ items: () => ReviewSubjectType })
  subjectType!: ReviewSubjectType;

  @Field({ description: 'Title of the reviewed subject' })
  @Property({ type: 'string', length: 200 })
  subjectTitle!: string;

  /** The reviewed subject, named by type and id: the subject's area owns the row (its adapter loads it). */
  @Field(() => ID, { description: 'Id of the reviewed subject (审查对象)' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The text under review, pinned at submission and re-pinned only by a resubmission or a confirmed amendment (R-LR-5, R-DEC-9). */
  @ManyToOne(() => TextVersion, { ref: true })
  pinnedVersion!: Ref<TextVersion>;

  @Field({ description: 'SHA-256 of the pinned text (送审文本哈希)' })
  @Property({ type: 'string', length: 64 })
  pinnedHash!: string;

  @Field(() => GraphQLJSON, { description: 'Materials pinned at submission: [{id, kind, title, contentHash}]' })
  @Property({ type: 'json' })
  pinnedMaterials: PinnedMaterial[] = [];

  @Index()
  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @Field(() => ReviewStatus)
  @Enum({ items: () => ReviewStatus })
  status: ReviewStatus = ReviewStatus.SUBMITTED;

  @ManyToOne(() => User, { ref: true })
  requestedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  requestedAt!: Date;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Completion date asked for by the requester' })
  @Property({ type: 'date', nullable: true })
  requestedCompletionOn?: string | null;

  @Field(() => String, { nullable: true, description: 'First review by the sponsor’s legal staff (初审意见), R-LR-6' })
  @Property({ type: 'text', nullable: true })
  firstReviewNote?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  firstReviewedBy?: Ref<User> | null;

  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true })
  assignedTo?: Ref<User> | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Acceptance date: the clock starts (接收日期)' })
  @Property({ type: 'date', nullable: true })
  acceptedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Returned for supplement on (退回日期), while returned' })
  @Property({ type: 'date', nullable: true })
  returnedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What is missing (需补充的内容)' })
  @Property({ type: 'text', nullable: true })
  returnReason?: string | null;

  @Field(() => Int, { description: 'Working days the clock stood still while returned after acceptance' })
  @Property({ type: 'integer' })
  pausedWorkingDays: number = 0;

  @Field(() => Int, { description: 'Working days of the one extension (延期), 0 if none' })
  @Property({ type: 'integer' })
  extensionWorkingDays: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Due date (审查期限)' })
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  /** dueOn, or 9999-12-31 before acceptance: the work queue's order. */
  @Property({ type: 'string', length: 10 })
  dueSortKey!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the first opinion was issued' })
  @Property({ type: 'date', nullable: true })
  opinionIssuedOn?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}
