import type { Config } from '../core/config';
import { dailyCron, type JobInfo } from '../jobs/job-runner';

export const REMINDER_SCAN = 'reminder-scan';
export const NOTIFICATION_DELIVER = 'notification-deliver';
export const NOTIFICATION_DIGEST = 'notification-digest';

/** The notification jobs and their schedules (the runner attaches what runs them). */
export function notificationJobs(config: Config): Required<JobInfo>[] {
  return [
    {
      name: REMINDER_SCAN,
      description: '每日期限提醒扫描：审查、征求意见、公开、备案、补正、有效期、待答复意见 (R-NT-1)',
      cron: dailyCron(config.jobs.reminderScanTime),
      timeZone: config.timeZone,
    },
    {
      name: NOTIFICATION_DIGEST,
      description: '每日汇总：为选择“每日汇总”的用户生成邮件和 Webhook 投递',
      cron: dailyCron(config.jobs.digestTime),
      timeZone: config.timeZone,
    },
    {
      name: NOTIFICATION_DELIVER,
      description: '发送待投递的电子邮件和 Webhook 通知（失败按退避间隔重试）',
      cron: '* * * * *',
      timeZone: config.timeZone,
    },
  ];
}
