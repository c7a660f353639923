/**
 * Working-day arithmetic over the mainland-China calendar (R-LR-3, R-DEC-14): public holidays are
 * off, weekend make-up working days (调休) are on. Pure: no clock, no I/O. Dates are calendar dates
 * written YYYY-MM-DD (the business time zone's local date).
 */

export interface CalendarData {
  /** Dates that are public holidays (off even on a weekday), with their name. */
  holidays: Record<string, string>;
  /** Weekend dates that are make-up working days (调休上班), with their reason. */
  workdays: Record<string, string>;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isValidLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function toUtc(date: string): number {
  if (!isValidLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export class WorkingCalendar {
  private readonly holidays: Map<string, string>;
  private readonly workdays: Map<string, string>;
  /** Years for which holiday data is known; outside them only weekends are off. */
  readonly coveredYears: ReadonlySet<number>;

  constructor(data: CalendarData) {
    for (const d of [...Object.keys(data.holidays), ...Object.keys(data.workdays)]) {
      if (!isValidLocalDate(d)) throw new RangeError(`calendar data holds an invalid date: ${d}`);
    }
    this.holidays = new Map(Object.entries(data.holidays));
    this.workdays = new Map(Object.entries(data.workdays));
    const years = new Set<number>();
    for (const d of [...this.holidays.keys(), ...this.workdays.keys()]) years.add(Number(d.slice(0, 4)));
    this.coveredYears = years;
  }

  /**
   * Builds a calendar from base data and overrides. Every year present in an override replaces
   * that year of the base wholesale, so a corrected or newly published year needs no code change.
   */
  static fromLayers(base: CalendarData, ...overrides: CalendarData[]): WorkingCalendar {
    const holidays = { ...base.holidays };
    const workdays = { ...base.workdays };
    for (const layer of overrides) {
      const years = new Set([...Object.keys(layer.holidays), ...Object.keys(layer.workdays)].map((d) => d.slice(0, 4)));
      for (const map of [holidays, workdays]) {
        for (const d of Object.keys(map)) if (years.has(d.slice(0, 4))) delete map[d];
      }
      Object.assign(holidays, layer.holidays);
      Object.assign(workdays, layer.workdays);
    }
    return new WorkingCalendar({ holidays, workdays });
  }

  isCovered(date: string): boolean {
    return this.coveredYears.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    const ms = toUtc(date);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = new Date(ms).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  holidayName(date: string): string | null {
    return this.holidays.get(date) ?? null;
  }

  /**
   * The date `days` working days after `from` (`from` itself is not counted). With days = 0 the
   * result is `from`. Negative days count backwards.
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
    let ms = toUtc(from);
    const step = days >= 0 ? DAY_MS : -DAY_MS;
    let remaining = Math.abs(days);
    // A year has at least ~240 working days: the guard only stops a runaway loop on absurd input.
    const guard = remaining * 3 + 60;
    let iterations = 0;
    while (remaining > 0) {
      ms += step;
      if (this.isWorkingDay(fromUtc(ms))) remaining -= 1;
      if (++iterations > guard) throw new RangeError('working-day calculation did not terminate');
    }
    return fromUtc(ms);
  }

  /**
   * Working days in the interval (from, to]: after `from`, up to and including `to`. Negative when
   * `to` is before `from`. Consistent with addWorkingDays: count(d, add(d, n)) === n.
   */
  countWorkingDays(from: string, to: string): number {
    const a = toUtc(from);
    const b = toUtc(to);
    if (b < a) return -this.countWorkingDays(to, from);
    let count = 0;
    for (let ms = a + DAY_MS; ms <= b; ms += DAY_MS) {
      if (this.isWorkingDay(fromUtc(ms))) count += 1;
    }
    return count;
  }
}

/** Validates a calendar data file's content (same shape as the chinese-days package data). */
export function parseCalendarData(value: unknown): CalendarData {
  const problems: string[] = [];
  const obj = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const section = (name: 'holidays' | 'workdays'): Record<string, string> => {
    const v = obj[name] ?? {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push(`${name} must be an object of "YYYY-MM-DD": "name"`);
      return {};
    }
    const out: Record<string, string> = {};
    for (const [k, name2] of Object.entries(v)) {
      if (!isValidLocalDate(k)) problems.push(`${name}: ${k} is not a YYYY-MM-DD date`);
      else out[k] = String(name2);
    }
    return out;
  };
  const data = { holidays: section('holidays'), workdays: section('workdays') };
  for (const d of Object.keys(data.holidays)) {
    if (d in data.workdays) problems.push(`${d} is both a holiday and a make-up working day`);
  }
  if (problems.length) throw new RangeError(`invalid calendar data: ${problems.join('; ')}`);
  return data;
}
