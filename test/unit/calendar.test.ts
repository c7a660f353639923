import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { DayKind, Holiday } from '../../src/calendar/calendar.enums';
import { addCalendarDays, holidayOf, isValidLocalDate, parseCalendarData, WorkingCalendar } from '../../src/calendar/working-days';

const cal = loadWorkingCalendar(null);

describe('working-day calendar (R-LR-3)', () => {
  it('counts across the 2026 Spring Festival holiday (Feb 15–23 off)', () => {
    // Fri 13 Feb → Tue 24 Feb: Sat 14 Feb is a make-up working day, 15–23 are holidays.
    expect(cal.countWorkingDays('2026-02-13', '2026-02-24')).toBe(2);
    // 10 working days from Thu 12 Feb 2026 (acceptance of a review, R-LR-3):
    // 13, 14(Sat make-up), 24, 25, 26, 27, 28(Sat make-up), Mar 2, 3, 4
    expect(cal.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
  });

  it('counts a make-up Saturday (调休) as a working day', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday
    expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Saturday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // ordinary Saturday
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
  });

  it('treats public holidays on weekdays as days off', () => {
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // Monday, Spring Festival
    expect(cal.holidayName('2026-02-16')).toContain('春节');
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-03-05')).toBe(true);
  });

  it('names the kind of every day and the statutory holiday of a day off', () => {
    expect(cal.dayOf('2026-02-16')).toEqual({ kind: DayKind.PUBLIC_HOLIDAY, holiday: Holiday.SPRING_FESTIVAL, holidayName: '春节' });
    expect(cal.dayOf('2026-02-14')).toEqual({ kind: DayKind.MAKE_UP_WORKING_DAY, holiday: null, holidayName: null });
    expect(cal.dayOf('2026-03-07')).toEqual({ kind: DayKind.WEEKEND, holiday: null, holidayName: null });
    expect(cal.dayOf('2026-03-05')).toEqual({ kind: DayKind.WORKING_DAY, holiday: null, holidayName: null });
    expect(cal.dayOf('2026-01-01').holiday).toBe(Holiday.NEW_YEAR);
    expect(cal.dayOf('2026-04-05').holiday).toBe(Holiday.QINGMING);
    expect(cal.dayOf('2026-05-01').holiday).toBe(Holiday.LABOUR_DAY);
    expect(cal.dayOf('2026-06-19').holiday).toBe(Holiday.DRAGON_BOAT);
    expect(cal.dayOf('2026-10-01').holiday).toBe(Holiday.NATIONAL_DAY);
    expect(cal.dayOf('2025-10-06').holiday).toBe(Holiday.MID_AUTUMN);
    // a one-off day off is OTHER, with its published name
    expect(cal.dayOf('2015-09-03')).toEqual({ kind: DayKind.PUBLIC_HOLIDAY, holiday: Holiday.OTHER, holidayName: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日' });
    // names as a data file writes them
    expect(holidayOf('元旦')).toEqual({ holiday: Holiday.NEW_YEAR, name: '元旦' });
    expect(holidayOf('测试替换')).toEqual({ holiday: Holiday.OTHER, name: '测试替换' });
  });

  it('agrees with its kinds of day on every day of 2020–2026', () => {
    let d = '2020-01-01';
    while (d <= '2026-12-31') {
      const { kind } = cal.dayOf(d);
      expect([d, kind === DayKind.WORKING_DAY || kind === DayKind.MAKE_UP_WORKING_DAY]).toEqual([d, cal.isWorkingDay(d)]);
      d = addCalendarDays(d, 1);
    }
  });

  it('agrees with chinese-days on every day of 2020–2026', () => {
    let d = '2020-01-01';
    while (d <= '2026-12-31') {
      expect([d, cal.isWorkingDay(d)]).toEqual([d, isWorkday(d)]);
      d = addCalendarDays(d, 1);
    }
  });

  it('keeps add and count consistent, including zero and negative spans', () => {
    for (const n of [0, 1, 5, 10, 20, 45]) {
      expect(cal.countWorkingDays('2026-09-28', cal.addWorkingDays('2026-09-28', n))).toBe(n);
    }
    expect(cal.addWorkingDays('2026-03-05', 0)).toBe('2026-03-05');
    expect(cal.countWorkingDays('2026-03-10', '2026-03-05')).toBe(-3);
    expect(cal.addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
  });

  it('accepts next years’ data from a file without a code change, replacing whole years', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cal-'));
    const file = path.join(dir, '2027.json');
    writeFileSync(
      file,
      JSON.stringify({ holidays: { '2027-01-01': '元旦', '2026-03-05': '测试替换' }, workdays: { '2027-01-02': '调休' } }),
    );
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // the package knows nothing of 2027
    expect(cal.isCovered('2027-01-01')).toBe(false);
    const extended = loadWorkingCalendar(file);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-01-02')).toBe(true); // a Saturday made a working day
    expect(extended.isCovered('2027-06-01')).toBe(true);
    // 2026 in the file replaces the package's 2026 wholesale
    expect(extended.isWorkingDay('2026-03-05')).toBe(false);
    expect(extended.isWorkingDay('2026-02-16')).toBe(true);
  });

  it('refuses malformed dates and calendar data', () => {
    expect(isValidLocalDate('2026-02-30')).toBe(false);
    expect(isValidLocalDate('2026-2-3')).toBe(false);
    expect(() => cal.addWorkingDays('not-a-date', 1)).toThrow(RangeError);
    expect(() => parseCalendarData({ holidays: { '2027-13-01': 'x' } })).toThrow(/not a YYYY-MM-DD/);
    expect(() => parseCalendarData({ holidays: { '2027-01-01': 'a' }, workdays: { '2027-01-01': 'b' } })).toThrow(/both/);
    expect(() => new WorkingCalendar({ holidays: { bad: 'x' }, workdays: {} })).toThrow(RangeError);
  });
});

describe('working-day arithmetic on day numbers agrees with the calendar day by day', () => {
  const cal = loadWorkingCalendar(null);
  /** The plain definition: walk the dates one by one and ask each day's kind. */
  const naiveCount = (from: string, to: string) => {
    let n = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
      const kind = cal.dayOf(d).kind;
      if (kind === DayKind.WORKING_DAY || kind === DayKind.MAKE_UP_WORKING_DAY) n += 1;
    }
    return n;
  };

  it('counts and adds working days as the day-by-day definition does, across holidays, make-up days and year ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 365 }), fc.integer({ min: -300, max: 300 }), (offset, days) => {
        const from = addCalendarDays('2023-01-01', offset);
        const to = cal.addWorkingDays(from, days);
        const [a, b] = days >= 0 ? [from, to] : [to, from];
        expect(cal.countWorkingDays(a, b)).toBe(naiveCount(a, b));
        if (days >= 0) expect(cal.countWorkingDays(from, to)).toBe(days); // count(d, add(d, n)) === n
        expect(cal.isWorkingDay(to) || days === 0).toBe(true);
        expect(cal.countWorkingDays(b, a) + cal.countWorkingDays(a, b)).toBe(0);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
