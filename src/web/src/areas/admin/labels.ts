import type { BodyRole, CalendarSource, DayKind, DeliberatingBody, DeliveryStatus, DepartmentKind, Holiday, NotificationChannel } from '../../gql/graphql';

/** Chinese labels of the enums the administrator's screens show (typed: a new value breaks the type-check). */
export const DEPARTMENT_KIND: Record<DepartmentKind, string> = {
  GOVERNMENT_OFFICE: '街道办事处内设科室',
  PARTY_COMMITTEE: '党工委及其工作机构',
  LAW_ENFORCEMENT: '执法队伍',
  LEGAL_SERVICE: '法律服务机构',
  COMMUNITY: '社区居委会',
  OTHER: '其他',
};

export const BODY_KIND: Record<DeliberatingBody, string> = {
  DIRECTORS_OFFICE: '主任办公会议',
  PARTY_WORKING_COMMITTEE: '党工委会议',
};

export const BODY_ROLE: Record<BodyRole, { label: string; color: string }> = {
  HEAD: { label: '主要负责人', color: 'gold' },
  DEPUTY: { label: '副职', color: 'blue' },
  MEMBER: { label: '成员', color: 'default' },
};

export const CALENDAR_SOURCE: Record<CalendarSource, string> = {
  DATABASE: '管理员载入',
  FILE: '配置文件',
  PACKAGE: '内置数据',
};

export const DAY_KIND: Record<DayKind, { label: string; color: string }> = {
  PUBLIC_HOLIDAY: { label: '放假', color: 'red' },
  MAKE_UP_WORKING_DAY: { label: '调休上班', color: 'orange' },
  WEEKEND: { label: '周末', color: 'default' },
  WORKING_DAY: { label: '工作日', color: 'default' },
};

export const HOLIDAY: Record<Holiday, string> = {
  NEW_YEAR: '元旦',
  SPRING_FESTIVAL: '春节',
  QINGMING: '清明节',
  LABOUR_DAY: '劳动节',
  DRAGON_BOAT: '端午节',
  MID_AUTUMN: '中秋节',
  NATIONAL_DAY: '国庆节',
  OTHER: '其他',
};

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The weekday of a LocalDate (a calendar date: no time zone involved). */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: '待发送', color: 'processing' },
  SENT: { label: '已发送', color: 'success' },
  FAILED: { label: '发送失败', color: 'error' },
};

export const NOTIFICATION_CHANNEL: Record<NotificationChannel, string> = {
  EMAIL: '电子邮件',
  WEBHOOK: 'Webhook',
};

/** The background jobs by their Chinese names (src/notifications/notification-jobs.ts); an unknown job keeps its name. */
const JOB_NAMES: Record<string, string> = {
  'reminder-scan': '每日期限提醒扫描',
  'notification-digest': '每日通知汇总',
  'notification-deliver': '发送邮件和 Webhook 通知',
};

export function jobLabel(name: string): string {
  return JOB_NAMES[name] ?? name;
}

/** A job's cron in words: the two shapes the server schedules ("M H * * *", "* * * * *"), else the cron itself. */
export function jobSchedule(cron: string | null | undefined, timeZone: string | null | undefined): string {
  if (!cron) return '按需运行';
  const zone = !timeZone || timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
  if (cron === '* * * * *') return '每分钟';
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron);
  if (m) return `每天 ${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}（${zone}）`;
  return `${cron}（${zone}）`;
}
