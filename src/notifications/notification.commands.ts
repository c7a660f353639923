import type { DeliveryMode, DeliveryStatus } from './notification.enums';

export interface SetNotificationPreferencesCommand {
  emailEnabled: boolean;
  emailAddress?: string | null;
  webhookEnabled: boolean;
  webhookUrl?: string | null;
  mode: DeliveryMode;
}

export interface NotificationFilter {
  unreadOnly?: boolean | null;
}

export interface DeliveryFilter {
  status?: DeliveryStatus | null;
}
