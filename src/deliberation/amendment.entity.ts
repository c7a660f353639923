import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TextVersion } from '../content/text-version.entity';
import { User } from '../identity/user.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { Decision } from './deliberation.entity';

/**
 * The amended text of a decision approved with changes (修改稿), R-DEC-12: the sponsor records it (a
 * new draft version of the proposal) against the changes the head stated; the meeting's chair
 * confirms it matches what was decided; the legal advisor confirms it too when it touches a finding
 * of the opinion in force (R-DEC-9). Only the confirmed one is signed. A returned amendment stays in
 * the record and the sponsor submits another; at most one waits for confirmation (also in the database).
 */
@ObjectType({ description: 'An amended text submitted against the meeting’s stated changes, and its confirmations (修改稿), R-DEC-12' })
@Entity({ tableName: 'decision_amendment' })
@Unique({ properties: ['decision', 'seq'] })
@Index({
  name: 'decision_amendment_one_pending',
  expression: `create unique index "decision_amendment_one_pending" on "decision_amendment" ("decision_id") where "returned_at" is null and "chair_confirmed_at" is null`,
})
export class DecisionAmendment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Decision, { ref: true })
  decision!: Ref<Decision>;

  @Field(() => Int, { description: '1 for the first amended text, 2… after a return' })
  @Property({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => TextVersion, { ref: true })
  draftVersion!: Ref<TextVersion>;

  @Field(() => Int, { description: 'The proposal’s draft version holding the amended text' })
  @Property({ type: 'integer' })
  draftNumber!: number;

  @Field()
  @Property({ type: 'string', length: 64 })
  draftHash!: string;

  @Field({ description: 'How each stated change was made (修改说明)' })
  @Property({ type: 'text' })
  explanation!: string;

  /** The legal opinion in force when the amendment was recorded (null when there was none). */
  @ManyToOne(() => LegalOpinion, { ref: true, nullable: true })
  opinion?: Ref<LegalOpinion> | null;

  /** Findings of that opinion the sponsor declared the change concerns (ids). */
  @Property({ type: 'json' })
  concernedFindingIds!: string[];

  @Field({ description: 'Whether the legal advisor must confirm it too (R-DEC-9)' })
  @Property({ type: 'boolean' })
  legalConfirmationRequired!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the legal advisor is asked (法律顾问确认的理由)' })
  @Property({ type: 'text', nullable: true })
  legalConfirmationBasis?: string | null;

  @ManyToOne(() => User, { ref: true })
  submittedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  advisorConfirmedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  advisorConfirmedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  advisorNote?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  chairConfirmedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  chairConfirmedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  chairNote?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  returnedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  returnedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned (退回理由)' })
  @Property({ type: 'text', nullable: true })
  returnReason?: string | null;
}
