import { Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { DeliveryStatus } from './notification.enums';

/**
 * A delivery by e-mail or webhook (通知投递): the sender moves it from PENDING to SENT, or after its
 * last attempt to FAILED (src/notifications/delivery.service.ts, claimed rows); an administrator
 * sends a failed one again once its cause is fixed.
 */
export const DELIVERY_WORKFLOW = defineWorkflow<DeliveryStatus, 'RETRY_DELIVERY'>({
  name: 'NotificationDelivery',
  subject: '通知投递',
  states: { PENDING: '待发送', SENT: '已发送', FAILED: '发送失败' },
  transitions: [
    { event: 'RETRY_DELIVERY', from: [DeliveryStatus.FAILED], to: DeliveryStatus.PENDING, rule: 'R-NT-1', label: '重发', roles: [Role.ADMIN], mutation: 'retryNotificationDelivery' },
  ],
});
