import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../identity/user.entity';
import { DecisionProposal, DraftVersion } from '../proposal/proposal.entity';

export enum ReviewSubjectType {
  DECISION = 'DECISION',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
  CONTRACT = 'CONTRACT',
}
registerEnumType(ReviewSubjectType, {
  name: 'ReviewSubjectType',
  description: 'What is reviewed (审查对象), R-LR-1',
  valuesConfig: { DECISION: { description: '重大行政决策' }, NORMATIVE_DOCUMENT: { description: '规范性文件' }, CONTRACT: { description: '合同' } },
});

export enum ReviewRequestStatus {
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(ReviewRequestStatus, {
  name: 'ReviewRequestStatus',
  description: 'Legality-review request status (审查申请状态)',
  valuesConfig: { SUBMITTED: { description: '已提交，待法律顾问接收' } },
});

/**
 * A legality-review request (合法性审查申请), R-LR-2. A decision's request pins the draft version
 * (and its hash) the package was complete for; the review (R-DEC-9) covers exactly that text.
 */
@ObjectType({ description: 'Legality-review request (合法性审查申请)' })
@Entity({ tableName: 'review_request' })
export class ReviewRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ReviewSubjectType)
  @Enum({ items: () => ReviewSubjectType })
  subjectType!: ReviewSubjectType;

  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true, nullable: true })
  proposal?: Ref<DecisionProposal> | null;

  @ManyToOne(() => DraftVersion, { ref: true, nullable: true })
  draftVersion?: Ref<DraftVersion> | null;

  @Field(() => String, { nullable: true, description: 'Hash of the pinned draft text' })
  @Property({ type: 'string', length: 64, nullable: true })
  draftHash?: string | null;

  @Field(() => ReviewRequestStatus)
  @Enum({ items: () => ReviewRequestStatus })
  status: ReviewRequestStatus = ReviewRequestStatus.SUBMITTED;

  @ManyToOne(() => User, { ref: true })
  requestedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  requestedAt!: Date;
}
