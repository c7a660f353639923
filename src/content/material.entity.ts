import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../core/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity';
import { MaterialKind } from './material.enums';

/**
 * A material (材料) of any owner — a proposal's package, a contract's package …: a text, or an
 * uploaded file whose bytes live in the configured storage (database or folder). Immutable once
 * stored; its SHA-256 is what reviews pin.
 */
@ObjectType({ implements: Node, description: 'Material (材料): text, or an uploaded file with its hash' })
@Entity({ tableName: 'material' })
@Index({ name: 'material_page_order', properties: ['ownerType', 'ownerId', 'createdAt', 'id'] })
@Index({ properties: ['ownerType', 'ownerId'] })
export class Material {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Owner kind, e.g. PROPOSAL, CONTRACT. */
  @Property({ type: 'string', length: 32 })
  ownerType!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Field(() => MaterialKind)
  @Enum({ items: () => MaterialKind })
  kind!: MaterialKind;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Text material' })
  @Property({ type: 'text', nullable: true, lazy: true })
  text?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  fileName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  mimeType?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the content (内容哈希)' })
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** "db" (bytes below) or "fs" (file named by the hash in the configured folder). */
  @Property({ type: 'string', length: 8 })
  storage!: string;

  @Property({ type: 'blob', nullable: true, lazy: true })
  bytes?: Buffer | null;

  @ManyToOne(() => User, { ref: true })
  uploadedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
