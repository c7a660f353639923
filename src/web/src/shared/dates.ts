import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** The business time zone (the server's TZ_BUSINESS): every date and time is shown in it. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** A DateTimeISO as 2026-03-05 10:00 in the business time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

/** A DateTimeISO as the business day it falls on (2026-03-05); a LocalDate as it is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}

/** The current year in the business time zone (a directory's year, a report's year). */
export function businessYear(): number {
  return dayjs().tz(BUSINESS_TIME_ZONE).year();
}

/** Today in the business time zone, as a LocalDate (YYYY-MM-DD). */
export function businessToday(): string {
  return dayjs().tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}
