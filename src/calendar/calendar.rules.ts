/**
 * Pure checks of one year's holiday arrangement as an admin loads it (the State Council's notice:
 * days off by holiday, and the weekend days worked to make up for them). No I/O.
 */

import { Holiday } from './calendar.enums';
import { holidayOf, isValidLocalDate } from './working-days';

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;
/** A year has about 30 days off (weekends inside the holiday spans included) and a handful of make-up days. */
export const MAX_HOLIDAYS_PER_YEAR = 120;
export const MAX_MAKE_UP_DAYS_PER_YEAR = 30;
export const MAX_DAY_NAME_LENGTH = 50;

export interface CalendarDayEntry {
  date: string;
  name: string;
}

export interface CalendarYearFacts {
  year: number;
  holidays: readonly CalendarDayEntry[];
  makeUpWorkingDays: readonly CalendarDayEntry[];
}

/** One thing wrong with the arrangement: `field` is the input path (`holidays.3.date`), the message Chinese. */
export interface CalendarProblem {
  field: string;
  message: string;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const CONTROL = /[\u0000-\u001f\u007f]/;

type Section = 'holidays' | 'makeUpWorkingDays';
const NOUN: Record<Section, string> = { holidays: '放假日', makeUpWorkingDays: '调休上班日' };

/** Every problem of the arrangement at once (empty when it may be stored). */
export function calendarYearProblems(f: CalendarYearFacts): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const yearOk = Number.isInteger(f.year) && f.year >= MIN_CALENDAR_YEAR && f.year <= MAX_CALENDAR_YEAR;
  if (!yearOk) out.push({ field: 'year', message: `年份应为 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间的整数，收到的是 ${f.year}` });
  if (f.holidays.length === 0) out.push({ field: 'holidays', message: '放假安排至少应有一个放假日' });
  if (f.holidays.length > MAX_HOLIDAYS_PER_YEAR) out.push({ field: 'holidays', message: `放假日最多 ${MAX_HOLIDAYS_PER_YEAR} 天，收到 ${f.holidays.length} 天` });
  if (f.makeUpWorkingDays.length > MAX_MAKE_UP_DAYS_PER_YEAR) {
    out.push({ field: 'makeUpWorkingDays', message: `调休上班日最多 ${MAX_MAKE_UP_DAYS_PER_YEAR} 天，收到 ${f.makeUpWorkingDays.length} 天` });
  }
  const seen = new Map<string, Section>();
  const check = (list: readonly CalendarDayEntry[], section: Section) =>
    list.forEach((d, i) => {
      const at = `${section}.${i}`;
      const noun = NOUN[section];
      const date = String(d.date ?? '');
      if (!isValidLocalDate(date)) {
        out.push({ field: `${at}.date`, message: `${noun}第 ${i + 1} 项：${date || '（空）'} 不是有效日期（YYYY-MM-DD）` });
      } else {
        if (yearOk && Number(date.slice(0, 4)) !== f.year) out.push({ field: `${at}.date`, message: `${noun} ${date} 不在 ${f.year} 年内` });
        const earlier = seen.get(date);
        if (earlier === section) out.push({ field: `${at}.date`, message: `${noun} ${date} 重复` });
        else if (earlier) out.push({ field: `${at}.date`, message: `${date} 既是放假日又是调休上班日` });
        else seen.set(date, section);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (section === 'makeUpWorkingDays' && weekday !== 0 && weekday !== 6) {
          out.push({ field: `${at}.date`, message: `调休上班日 ${date} 是${WEEKDAYS[weekday]}，调休上班日应为周六或周日` });
        }
      }
      const name = String(d.name ?? '').trim();
      if (!name) out.push({ field: `${at}.name`, message: `${noun} ${date || `第 ${i + 1} 项`} 未填写名称（如“春节”“春节调休上班”）` });
      else if (name.length > MAX_DAY_NAME_LENGTH) out.push({ field: `${at}.name`, message: `${noun} ${date} 的名称不能超过 ${MAX_DAY_NAME_LENGTH} 个字符` });
      else if (CONTROL.test(name)) out.push({ field: `${at}.name`, message: `${noun} ${date} 的名称不能包含控制字符` });
    });
  check(f.holidays, 'holidays');
  check(f.makeUpWorkingDays, 'makeUpWorkingDays');
  return out;
}

/** What may be stored but deserves a second look: a day off named after none of the statutory holidays. */
export function calendarYearWarnings(f: CalendarYearFacts): string[] {
  const byName = new Map<string, string[]>();
  for (const d of f.holidays) {
    const name = String(d.name ?? '').trim();
    if (name && holidayOf(name).holiday === Holiday.OTHER) byName.set(name, [...(byName.get(name) ?? []), d.date]);
  }
  return [...byName].map(([name, dates]) => `放假日 ${dates.join('、')} 的名称「${name}」不是法定节假日名称，将作为「其他放假安排」显示`);
}

/** The arrangement as stored and layered: date → name, per kind of day (names trimmed). */
export function calendarDataOf(f: CalendarYearFacts): { holidays: Record<string, string>; workdays: Record<string, string> } {
  const map = (list: readonly CalendarDayEntry[]) => Object.fromEntries([...list].sort((a, b) => a.date.localeCompare(b.date)).map((d) => [d.date, d.name.trim()]));
  return { holidays: map(f.holidays), workdays: map(f.makeUpWorkingDays) };
}

/**
 * A calendar data file (CALENDAR_DATA_FILE's shape, `{ "holidays": { "2027-01-01": "元旦" },
 * "workdays": { … } }`) split into its years, each ready for `calendarYearProblems`; a malformed
 * file is one problem.
 */
export function yearsOfCalendarFile(value: unknown): { years: CalendarYearFacts[]; problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!obj) return { years: [], problems: [{ field: 'file', message: '文件内容应为 JSON 对象：{ "holidays": { "YYYY-MM-DD": "名称" }, "workdays": { … } }' }] };
  const section = (key: 'holidays' | 'workdays'): [string, string][] => {
    const v = obj[key] ?? {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push({ field: key, message: `${key === 'holidays' ? '放假日' : '调休上班日'}（${key}）应为 { "YYYY-MM-DD": "名称" } 形式的对象` });
      return [];
    }
    return Object.entries(v as Record<string, unknown>).map(([date, name]) => [date, typeof name === 'string' ? name : '']);
  };
  const holidays = section('holidays');
  const workdays = section('workdays');
  const yearOf = (date: string) => (/^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : NaN);
  const years = [...new Set([...holidays, ...workdays].map(([d]) => yearOf(d)))].sort((a, b) => a - b);
  if (years.length === 0 && problems.length === 0) problems.push({ field: 'holidays', message: '文件中没有任何放假日' });
  return {
    problems,
    years: years.map((year) => ({
      year,
      holidays: holidays.filter(([d]) => yearOf(d) === year || (Number.isNaN(year) && Number.isNaN(yearOf(d)))).map(([date, name]) => ({ date, name })),
      makeUpWorkingDays: workdays.filter(([d]) => yearOf(d) === year || (Number.isNaN(year) && Number.isNaN(yearOf(d)))).map(([date, name]) => ({ date, name })),
    })),
  };
}
