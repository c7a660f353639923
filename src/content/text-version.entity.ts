import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity';

/**
 * One immutable version of a text (文本版本): the drafts of a decision proposal, of a contract, the
 * versions of a normative document — every versioned text of the system, in one table. The owner is
 * named by type and id; the owner's area keeps its current version number. Rows are never updated
 * or deleted (database trigger); a review pins a version by its id and hash.
 */
@ObjectType({ implements: Node, description: 'Immutable version of a text (文本版本): a proposal draft, a contract draft, a normative-document version' })
@Entity({ tableName: 'text_version' })
@Index({ name: 'text_version_page_order', properties: ['ownerType', 'ownerId', 'number', 'id'] })
@Unique({ properties: ['ownerType', 'ownerId', 'number'] })
export class TextVersion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Owner kind, e.g. PROPOSAL, CONTRACT, NORMATIVE_DOCUMENT (see each area's `*_TEXT_OWNER`). */
  @Property({ type: 'string', length: 32 })
  ownerType!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Field(() => Int, { description: 'Version number within the owner: 1, 2, …' })
  @Property({ type: 'integer' })
  number!: number;

  @Field({ description: 'Full text (正文)' })
  @Property({ type: 'text', lazy: true })
  text!: string;

  @Field({ description: 'What changed and why (修改说明)' })
  @Property({ type: 'text' })
  changeNote!: string;

  @Field({ description: 'SHA-256 of the text (内容哈希)' })
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
