import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CalendarSource } from '../../src/calendar/calendar.enums';
import { calendarYearProblems, calendarYearWarnings } from '../../src/calendar/calendar.rules';
import { loadWorkingCalendar, nextYearWarning } from '../../src/calendar/load';
import type { StoredYear } from '../../src/calendar/live-calendar';
import { calendarFile2027, HOLIDAYS_2027, MAKE_UP_DAYS_2027 } from '../support/calendar-2027';

const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

function stored(year: number, data: { holidays: Record<string, string>; workdays: Record<string, string> }, version = 1, extra: Partial<StoredYear> = {}): StoredYear {
  return { year, version, ...data, withdrawn: false, loadedAt: new Date('2026-11-30T02:00:00Z'), loadedBy: 'admin', reason: null, ...extra };
}

describe('a year of holidays and make-up working days, loaded as data', () => {
  it('accepts a consistent arrangement', () => {
    expect(calendarYearProblems({ year: 2027, holidays: HOLIDAYS_2027, makeUpWorkingDays: MAKE_UP_DAYS_2027 })).toEqual([]);
    expect(calendarYearWarnings({ year: 2027, holidays: HOLIDAYS_2027, makeUpWorkingDays: MAKE_UP_DAYS_2027 })).toEqual([]);
  });

  it('refuses every inconsistency at once, each naming its date in Chinese', () => {
    const problems = calendarYearProblems({
      year: 2027,
      holidays: [
        { date: '2026-12-31', name: '元旦' },
        { date: '2027-02-06', name: '春节' },
        { date: '2027-02-07', name: '  ' },
        { date: '2027-02-30', name: '春节' },
        { date: '2027-02-06', name: '春节' },
      ],
      makeUpWorkingDays: [
        { date: '2027-02-06', name: '春节调休上班' },
        { date: '2027-02-08', name: '春节调休上班' },
        { date: '2028-01-01', name: '元旦调休上班' },
      ],
    });
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/2026-12-31.*不在 2027 年/);
    expect(text).toMatch(/2028-01-01.*不在 2027 年/);
    expect(text).toMatch(/2027-02-07.*名称/);
    expect(text).toMatch(/2027-02-30.*不是有效日期/);
    expect(text).toMatch(/2027-02-06.*重复/);
    expect(text).toMatch(/2027-02-06.*既是放假日又是调休上班日/);
    expect(text).toMatch(/2027-02-08.*星期一.*周六或周日/);
    for (const p of problems) {
      expect(p.field).toMatch(/^(year|holidays|makeUpWorkingDays)(\.\d+(\.(date|name))?)?$/);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('refuses a year out of range, and a year without any holiday', () => {
    expect(calendarYearProblems({ year: 1999, holidays: HOLIDAYS_2027, makeUpWorkingDays: [] }).map((p) => p.field)).toContain('year');
    expect(calendarYearProblems({ year: 2027.5, holidays: HOLIDAYS_2027, makeUpWorkingDays: [] }).map((p) => p.field)).toContain('year');
    expect(calendarYearProblems({ year: 2027, holidays: [], makeUpWorkingDays: [] })).toEqual([{ field: 'holidays', message: expect.stringMatching(/至少/) }]);
  });

  it('warns about a name that is none of the statutory holidays (it counts as 其他放假安排)', () => {
    const warnings = calendarYearWarnings({ year: 2027, holidays: [...HOLIDAYS_2027, { date: '2027-09-03', name: '纪念日' }], makeUpWorkingDays: MAKE_UP_DAYS_2027 });
    expect(warnings).toEqual([expect.stringMatching(/2027-09-03.*纪念日.*其他放假安排/)]);
  });
});

describe('the live working calendar', () => {
  it('uses a stored year at once, in the very object every service holds', () => {
    const cal = loadWorkingCalendar(null);
    expect(cal.isCovered('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday: without data only weekends are off
    // asked before the year is loaded: the answer is remembered, and must not outlive the data
    expect(cal.addWorkingDays('2026-12-24', 10)).toBe('2027-01-07');
    expect(cal.countWorkingDays('2026-12-24', '2027-01-08')).toBe(11);
    cal.useStoredYears([stored(2027, calendarFile2027())]);
    expect(cal.countWorkingDays('2026-12-24', '2027-01-08')).toBe(10);
    expect(cal.isCovered('2027-01-01')).toBe(true);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-20')).toBe(true); // a make-up Saturday
    expect(cal.addWorkingDays('2026-12-24', 10)).toBe('2027-01-08');
    expect(cal.years().find((y) => y.year === 2027)).toMatchObject({
      year: 2027,
      source: CalendarSource.DATABASE,
      version: 1,
      holidayCount: 29,
      makeUpWorkingDayCount: 5,
      loadedBy: 'admin',
      shadows: [],
    });
    expect(cal.years().find((y) => y.year === 2026)).toMatchObject({ source: CalendarSource.PACKAGE, version: null, holidayCount: 33, makeUpWorkingDayCount: 6 });
  });

  it('lets a stored year replace a package year wholesale, says what it shadows, and falls back when withdrawn', () => {
    const cal = loadWorkingCalendar(null);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    cal.useStoredYears([stored(2026, { holidays: { '2026-01-01': '元旦' }, workdays: {} }, 2, { reason: '更正' })]);
    expect(cal.isWorkingDay('2026-02-16')).toBe(true);
    expect(cal.years().find((y) => y.year === 2026)).toMatchObject({ source: CalendarSource.DATABASE, version: 2, reason: '更正', shadows: [CalendarSource.PACKAGE] });
    cal.useStoredYears([stored(2026, { holidays: {}, workdays: {} }, 3, { withdrawn: true })]);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.years().find((y) => y.year === 2026)).toMatchObject({ source: CalendarSource.PACKAGE });
  });

  it('lists a CALENDAR_DATA_FILE year as FILE, under a stored year', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yunhu-cal-')), 'cal.json');
    writeFileSync(file, JSON.stringify(calendarFile2027()));
    const cal = loadWorkingCalendar(file);
    expect(cal.years().find((y) => y.year === 2027)).toMatchObject({ source: CalendarSource.FILE, holidayCount: 29 });
    cal.useStoredYears([stored(2027, calendarFile2027())]);
    expect(cal.years().find((y) => y.year === 2027)).toMatchObject({ source: CalendarSource.DATABASE, shadows: [CalendarSource.FILE] });
  });

  it('names the years without data a span counts through (a provisional deadline)', () => {
    const cal = loadWorkingCalendar(null);
    expect(cal.uncoveredYears('2026-12-24', '2027-01-07')).toEqual([2027]);
    expect(cal.uncoveredYears('2026-03-01', '2026-04-01')).toEqual([]);
    expect(cal.uncoveredYears('2026-12-24', '2028-01-07')).toEqual([2027, 2028]);
    cal.useStoredYears([stored(2027, calendarFile2027())]);
    expect(cal.uncoveredYears('2026-12-24', '2027-01-07')).toEqual([]);
  });

  it('warns at start-up, in Chinese, when next year has no data', () => {
    const cal = loadWorkingCalendar(null);
    expect(nextYearWarning(cal, '2026-11-30')).toMatch(/2027.*calendar-load/);
    cal.useStoredYears([stored(2027, calendarFile2027())]);
    expect(nextYearWarning(cal, '2026-11-30')).toBeNull();
  });
});
