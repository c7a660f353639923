import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { User } from '../identity/user.entity';
import { DeliveryMode, DeliveryStatus, NotificationChannel, NotificationKind } from './notification.enums';

/**
 * One notice to one person (通知), R-NT-1: created by the daily scan or by an event, at most once per
 * recipient, kind, subject and day — the database refuses a second (unique index), so two servers
 * scanning at once still create one.
 */
@ObjectType({ description: 'A notice in the inbox (站内通知), R-NT-1' })
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_once_per_day', expression: `create unique index "notification_once_per_day" on "notification" ("recipient_id", "kind", "subject_id", "day")` })
@Index({ name: 'notification_inbox_order', properties: ['recipient', 'createdAt', 'id'] })
@Index({ name: 'notification_unread', expression: `create index "notification_unread" on "notification" ("recipient_id") where "read_at" is null` })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { ref: true })
  recipient!: Ref<User>;

  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Field({ description: 'Type of the subject (ReviewRequest, DecisionProposal, Decision, NormativeDocument)' })
  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: 'The subject as people name it: code and title (事项)' })
  @Property({ type: 'string', length: 300 })
  subjectLabel!: string;

  @Field({ description: 'The rule the deadline comes from (规则编号), e.g. R-LR-3' })
  @Property({ type: 'string', length: 20 })
  rule!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The date the notice is about (due date, closing date, issue date)' })
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @Field(() => LocalDateResolver, { description: 'The business day the notice was made (one per recipient, kind, subject and day)' })
  @Property({ type: 'date' })
  day!: string;

  @Field({ description: 'The notice in Chinese, naming subject, rule and date' })
  @Property({ type: 'string', length: 1000 })
  message!: string;

  @Field({ description: 'Path of the console page to open (e.g. /advisor/reviews/…)' })
  @Property({ type: 'string', length: 300 })
  link!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;
}

/** A user's channels and timing (通知设置). Without a row: the inbox only. */
@ObjectType({ description: 'How a user wants notices (通知设置)' })
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => User, { ref: true, owner: true, unique: true })
  user!: Ref<User>;

  @Field({ description: 'Send notices by e-mail' })
  @Property({ type: 'boolean' })
  emailEnabled: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 254, nullable: true })
  emailAddress?: string | null;

  @Field({ description: 'Send notices to a webhook (office messaging bot)' })
  @Property({ type: 'boolean' })
  webhookEnabled: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  webhookUrl?: string | null;

  @Field(() => DeliveryMode)
  @Enum({ items: () => DeliveryMode })
  mode: DeliveryMode = DeliveryMode.IMMEDIATE;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

/**
 * One message on one channel (投递): a notice sent at once, or a day's digest. Persisted before it is
 * sent; a failure is retried with a doubling delay until NOTIFICATION_MAX_ATTEMPTS, then FAILED
 * (admins see it). Unique per notice and channel, and per recipient, channel and digest day.
 */
@ObjectType({ description: 'A delivery by e-mail or webhook (通知投递)' })
@Entity({ tableName: 'notification_delivery' })
@Index({
  name: 'notification_delivery_once',
  expression: `create unique index "notification_delivery_once" on "notification_delivery" ("notification_id", "channel") where "notification_id" is not null`,
})
@Index({
  name: 'notification_delivery_digest_once',
  expression: `create unique index "notification_delivery_digest_once" on "notification_delivery" ("recipient_id", "channel", "digest_day") where "digest_day" is not null`,
})
@Index({ name: 'notification_delivery_due', expression: `create index "notification_delivery_due" on "notification_delivery" ("next_attempt_at") where "status" = 'PENDING'` })
@Index({ name: 'notification_delivery_list', properties: ['status', 'createdAt', 'id'] })
export class NotificationDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => User, { ref: true })
  recipient!: Ref<User>;

  @Field(() => NotificationChannel)
  @Enum({ items: () => NotificationChannel })
  channel!: NotificationChannel;

  @ManyToOne(() => Notification, { ref: true, nullable: true })
  notification?: Ref<Notification> | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of a digest (null: one notice)' })
  @Property({ type: 'date', nullable: true })
  digestDay?: string | null;

  /** The notices a digest carries (ids), fixed when it is made. */
  @Property({ type: 'json', nullable: true })
  notificationIds?: string[] | null;

  @Field({ description: 'Where it goes: the e-mail address or the webhook URL at the time it was made' })
  @Property({ type: 'string', length: 500 })
  target!: string;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field()
  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
