import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import type { Row } from '../db/rows';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Payload } from '../graphql/payload';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { DELIVERY_WORKFLOW } from './notification.workflow';
import { User } from '../identity/user.entity';
import { Notification, NotificationDelivery, NotificationPreference } from './notification.entity';
import { DeliveryFilterInput, MarkNotificationsReadInput, NotificationFilterInput, NotificationPreferencesInput } from './notification.inputs';

const NotificationConnection = ConnectionType(Notification, 'Notification');
const NotificationDeliveryConnection = ConnectionType(NotificationDelivery, 'NotificationDelivery');

const MarkNotificationsReadPayload = Payload('MarkNotificationsReadPayload', 'The notices marked read, and what is still unread', {
  notifications: { type: () => [Notification] },
  unreadCount: { type: () => Int },
});
const MarkAllNotificationsReadPayload = Payload('MarkAllNotificationsReadPayload', 'Every notice read (全部已读)', {
  markedCount: { type: () => Int, description: 'How many were unread' },
  unreadCount: { type: () => Int },
});
const NotificationPreferencesPayload = Payload('NotificationPreferencesPayload', 'My notification settings after the change', {
  preferences: { type: () => NotificationPreference },
});
const NotificationDeliveryPayload = Payload('NotificationDeliveryPayload', 'A delivery after the change', {
  delivery: { type: () => NotificationDelivery },
});

@ObjectType({ description: 'A background job (后台任务): schedule, last and next run, failures' })
export class JobStatusType {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true, description: 'Cron (minute hour day month weekday) in timeZone' })
  cron!: string | null;

  @Field(() => String, { nullable: true })
  timeZone!: string | null;

  @Field(() => Date, { nullable: true })
  lastRunAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSucceededAt!: Date | null;

  @Field(() => Date, { nullable: true })
  nextRunAt!: Date | null;

  @Field(() => Int, { description: 'Failed runs still kept (a week)' })
  failures!: number;

  @Field(() => Date, { nullable: true })
  lastFailedAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int, { description: 'Runs waiting (created or waiting for a retry)' })
  queued!: number;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => NotificationConnection, { description: 'My notices, newest first (站内通知), R-NT-1' })
  async notifications(@Args(PAGE_ARGS) page: PageArgs, @Arg('filter', () => NotificationFilterInput, { nullable: true }) filter: NotificationFilterInput | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.notifications.inbox(requireUser(ctx), page, filter ?? {}));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Int, { description: 'How many of my notices are unread (未读通知数)' })
  unreadNotificationCount(@Ctx() ctx: Context) {
    return ctx.services.notifications.unreadCount(requireUser(ctx));
  }

  @Authorized(...ALL_ROLES)
  @Mutation(() => MarkNotificationsReadPayload, { description: 'Mark some of my notices read (标记已读)' })
  async markNotificationsRead(@Arg('input') input: MarkNotificationsReadInput, @Ctx() ctx: Context) {
    const user = requireUser(ctx);
    const notifications = await ctx.services.notifications.markRead(user, input.ids.map((id) => assertUuid(id)));
    return { notifications, unreadCount: await ctx.services.notifications.unreadCount(user) };
  }

  @Authorized(...ALL_ROLES)
  @Mutation(() => MarkAllNotificationsReadPayload, { description: 'Mark all my notices read (全部标为已读)' })
  async markAllNotificationsRead(@Ctx() ctx: Context) {
    const user = requireUser(ctx);
    const markedCount = await ctx.services.notifications.markAllRead(user);
    return { markedCount, unreadCount: await ctx.services.notifications.unreadCount(user) };
  }

  @FieldResolver(() => Boolean, { description: 'Read already' })
  read(@Root() n: Row<Notification>) {
    return n.readAt != null;
  }
}

@Resolver(() => NotificationPreference)
export class NotificationPreferenceResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => NotificationPreference, { description: 'My notification settings (我的通知设置)' })
  myNotificationPreferences(@Ctx() ctx: Context) {
    return ctx.services.notifications.preferences(requireUser(ctx));
  }

  @Authorized(...ALL_ROLES)
  @Mutation(() => NotificationPreferencesPayload, { description: 'Choose channels and immediate or daily digest delivery (设置通知方式)' })
  async setMyNotificationPreferences(@Arg('input') input: NotificationPreferencesInput, @Ctx() ctx: Context) {
    return { preferences: await ctx.services.notifications.setPreferences(requireUser(ctx), input) };
  }

  @FieldResolver(() => Boolean, { description: 'The server can send e-mail (SMTP_URL is set)' })
  emailAvailable(@Ctx() ctx: Context) {
    return ctx.config.notifications.smtpUrl !== null;
  }

  @FieldResolver(() => Boolean, { description: 'The server can sign webhooks (WEBHOOK_SECRET is set)' })
  webhookAvailable(@Ctx() ctx: Context) {
    return ctx.config.notifications.webhookSecret !== null;
  }
}

@Resolver(() => NotificationDelivery)
export class NotificationDeliveryResolver {
  @Authorized(Role.ADMIN)
  @Query(() => NotificationDeliveryConnection, { description: 'E-mail and webhook deliveries, newest first (admins; status FAILED: the failures)' })
  async notificationDeliveries(
    @Args(PAGE_ARGS) page: PageArgs,
    @Arg('filter', () => DeliveryFilterInput, { nullable: true }) filter: DeliveryFilterInput | undefined,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await ctx.services.notifications.deliveries(requireUser(ctx), page, filter ?? {}));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => NotificationDeliveryPayload, { description: 'Try a failed delivery again now (重发)' })
  async retryNotificationDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return { delivery: await ctx.services.notifications.retryDelivery(requireUser(ctx), assertUuid(id)) };
  }

  @Authorized(Role.ADMIN)
  @Query(() => [JobStatusType], { description: 'The background jobs (后台任务), admins: schedule, last and next run, failures' })
  jobs(@Ctx() ctx: Context) {
    return ctx.services.jobs.list(requireUser(ctx));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with it now (RETRY_DELIVERY when failed, admins)' })
  availableActions(@Root() d: Row<NotificationDelivery>, @Ctx() ctx: Context) {
    return availableActions(DELIVERY_WORKFLOW, d.status, ctx.user);
  }

  @FieldResolver(() => User, { description: 'To whom' })
  async recipient(@Root() d: Row<NotificationDelivery>, @Ctx() ctx: Context) {
    return ctx.loaders.userById.load(d.recipient.id);
  }

  @FieldResolver(() => Notification, { nullable: true, description: 'The notice it carries (null: a daily digest, see noticeCount)' })
  async notification(@Root() d: Row<NotificationDelivery>, @Ctx() ctx: Context) {
    return d.notification ? ctx.loaders.notificationById.load(d.notification.id) : null;
  }

  @FieldResolver(() => Int, { description: 'How many notices it carries: 1, or the notices of a daily digest' })
  noticeCount(@Root() d: Row<NotificationDelivery>) {
    return d.notification ? 1 : (d.notificationIds?.length ?? 0);
  }
}
