import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { DeliveryFilter, NotificationFilter, SetNotificationPreferencesCommand } from './notification.commands';
import { DeliveryMode, DeliveryStatus } from './notification.enums';

@InputType({ description: 'Which notices (通知筛选)' })
export class NotificationFilterInput implements NotificationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones' })
  @IsOptional()
  unreadOnly?: boolean | null;
}

@InputType({ description: 'Mark notices read (标记已读); ids of other users’ notices are ignored' })
export class MarkNotificationsReadInput {
  @Field(() => [ID])
  @ArrayMaxSize(100)
  ids!: string[];
}

@InputType({ description: 'How I want notices (我的通知设置): the inbox always, e-mail and webhook as chosen' })
export class NotificationPreferencesInput implements SetNotificationPreferencesCommand {
  @Field()
  emailEnabled!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(254)
  emailAddress?: string | null;

  @Field()
  webhookEnabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Receives a signed JSON POST (X-Yunhu-Signature: sha256=<HMAC>)' })
  @IsOptional()
  @MaxLength(500)
  webhookUrl?: string | null;

  @Field(() => DeliveryMode)
  mode!: DeliveryMode;
}

@InputType({ description: 'Which deliveries (投递筛选)' })
export class DeliveryFilterInput implements DeliveryFilter {
  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  status?: DeliveryStatus | null;
}
