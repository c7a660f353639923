import { registerEnumType } from 'type-graphql';

/** What a notice is about (R-NT-1). */
export enum NotificationKind {
  REVIEW_DUE_SOON = 'REVIEW_DUE_SOON',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  REVIEW_RETURNED = 'REVIEW_RETURNED',
  CONSULTATION_CLOSING = 'CONSULTATION_CLOSING',
  PUBLICATION_DUE_SOON = 'PUBLICATION_DUE_SOON',
  PUBLICATION_OVERDUE = 'PUBLICATION_OVERDUE',
  FILING_DUE_SOON = 'FILING_DUE_SOON',
  FILING_OVERDUE = 'FILING_OVERDUE',
  CORRECTION_DUE = 'CORRECTION_DUE',
  CORRECTION_OVERDUE = 'CORRECTION_OVERDUE',
  VALIDITY_ENDING = 'VALIDITY_ENDING',
  OPINION_ISSUED = 'OPINION_ISSUED',
  FINDING_AWAITING_ANSWER = 'FINDING_AWAITING_ANSWER',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notice is about (提醒类型), R-NT-1',
  valuesConfig: {
    REVIEW_DUE_SOON: { description: '审查即将到期' },
    REVIEW_OVERDUE: { description: '审查已超期' },
    REVIEW_RETURNED: { description: '审查退回待补充' },
    CONSULTATION_CLOSING: { description: '公开征求意见即将截止' },
    PUBLICATION_DUE_SOON: { description: '决策公开即将到期' },
    PUBLICATION_OVERDUE: { description: '决策公开已超期' },
    FILING_DUE_SOON: { description: '备案即将到期' },
    FILING_OVERDUE: { description: '备案已超期' },
    CORRECTION_DUE: { description: '备案补正即将到期' },
    CORRECTION_OVERDUE: { description: '备案补正已超期' },
    VALIDITY_ENDING: { description: '有效期即将届满' },
    OPINION_ISSUED: { description: '审查意见已出具' },
    FINDING_AWAITING_ANSWER: { description: '审查意见待答复' },
  },
});

/** Where a notice goes besides the inbox. */
export enum NotificationChannel {
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
}

registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'A delivery channel besides the in-app inbox (通知渠道)',
  valuesConfig: { EMAIL: { description: '电子邮件' }, WEBHOOK: { description: 'Webhook（办公消息机器人）' } },
});

/** Each notice at once, or one message a day. */
export enum DeliveryMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}

registerEnumType(DeliveryMode, {
  name: 'DeliveryMode',
  description: 'When notices are sent by e-mail and webhook (发送方式)',
  valuesConfig: { IMMEDIATE: { description: '逐条即时发送' }, DAILY_DIGEST: { description: '每日汇总一次' } },
});

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'State of one delivery (投递状态)',
  valuesConfig: {
    PENDING: { description: '待发送（含等待重试）' },
    SENT: { description: '已发送' },
    FAILED: { description: '多次重试后失败' },
  },
});
