import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuditSubjectType } from './audit.enums';

/**
 * One state change (审计事件). Append-only: the database refuses UPDATE, DELETE and TRUNCATE on the
 * table (trigger in the migration; the server's role holds only INSERT and SELECT), and each event
 * carries an HMAC of its content chained to the previous event's hash under an audit key kept out
 * of the database, so an edit made by bypassing the trigger is detectable and cannot be re-sealed.
 */
@ObjectType({ description: 'Audit event (审计事件), append-only and chained by keyed hashes' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['subjectType', 'subjectId'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field()
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Acting user, null for the system' })
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Field({ description: 'Acting user name at the time, or "system"' })
  @Property({ type: 'string', length: 64 })
  actorUsername!: string;

  @Field({ description: 'What happened, e.g. identity.user.create' })
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Field(() => AuditSubjectType, { description: 'Kind of record the event is about' })
  @Property({ type: 'string', length: 64 })
  subjectType!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  subjectId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Summary before the change' })
  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Summary after the change' })
  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  @Field()
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Field({ description: 'HMAC-SHA256 of the content and prevHash under the audit key keyId (plain SHA-256 when keyId is null)' })
  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Field(() => String, { nullable: true, description: 'Id of the audit key sealing the event; null for events sealed with plain SHA-256 before audit keys' })
  @Property({ type: 'string', length: 32, nullable: true })
  keyId?: string | null;
}
