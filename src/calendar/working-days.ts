/**
 * Working-day arithmetic over the mainland-China calendar (R-LR-3, R-DEC-14): public holidays are
 * off, weekend make-up working days (调休) are on. Pure: no clock, no I/O. Dates are calendar dates
 * written YYYY-MM-DD (the business time zone's local date).
 */

import { DayKind, Holiday } from './calendar.enums';

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

/**
 * Parsed dates and written day numbers, kept: a page of fifty reviews computes its deadlines over a
 * few dozen distinct dates, and parsing each one again (regex, Date, ISO string) was most of the cost.
 * Pure mappings, so a shared bounded cache (cleared when full) is always right.
 */
const parsedDates = new Map<string, number>();
const writtenDays = new Map<number, string>();
const DATE_CACHE_MAX = 20_000;

function toUtc(date: string): number {
  const hit = parsedDates.get(date);
  if (hit !== undefined) return hit;
  if (!isValidLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (parsedDates.size >= DATE_CACHE_MAX) parsedDates.clear();
  parsedDates.set(date, ms);
  return ms;
}

/** `date` itself, once checked. */
function toUtcDate(date: string): string {
  toUtc(date);
  return date;
}

function fromUtc(ms: number): string {
  let s = writtenDays.get(ms);
  if (s === undefined) {
    s = new Date(ms).toISOString().slice(0, 10);
    if (writtenDays.size >= DATE_CACHE_MAX) writtenDays.clear();
    writtenDays.set(ms, s);
  }
  return s;
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** A date as the working calendar sees it. */
export interface DayInfo {
  kind: DayKind;
  /** The public holiday the day is off for (PUBLIC_HOLIDAY days only). */
  holiday: Holiday | null;
  /** Its Chinese name as published, e.g. 春节. */
  holidayName: string | null;
}

const HOLIDAY_NAMES: readonly [Holiday, RegExp][] = [
  [Holiday.NEW_YEAR, /元旦|New Year/i],
  [Holiday.SPRING_FESTIVAL, /春节|Spring Festival/i],
  [Holiday.QINGMING, /清明|Tomb-sweeping/i],
  [Holiday.LABOUR_DAY, /劳动节|五一|Labou?r Day/i],
  [Holiday.DRAGON_BOAT, /端午|Dragon Boat/i],
  [Holiday.MID_AUTUMN, /中秋|Mid-autumn/i],
  [Holiday.NATIONAL_DAY, /国庆|National Day/i],
];

/**
 * The holiday a published name stands for and its Chinese name. Names come as the chinese-days
 * package writes them ("Spring Festival,春节,4") or as a data file does ("春节"); a name of none
 * of the statutory holidays is OTHER (a one-off day off).
 */
export function holidayOf(published: string): { holiday: Holiday; name: string } {
  const parts = published.split(',').map((p) => p.trim());
  const name = (parts.length >= 2 && parts[1] ? parts[1] : published).trim();
  const found = HOLIDAY_NAMES.find(([, pattern]) => pattern.test(published));
  return { holiday: found ? found[0] : Holiday.OTHER, name };
}

/** The data one calendar answers from: replaced as a whole, never changed in place. */
interface Snapshot {
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlyMap<string, string>;
  coveredYears: ReadonlySet<number>;
  /** The same days as day numbers (days since 1970-01-01): the loops count on numbers, never strings. */
  holidayNumbers: ReadonlySet<number>;
  workdayNumbers: ReadonlySet<number>;
  /** Answers of addWorkingDays / countWorkingDays over this data (a list repeats the same few questions). */
  answers: Map<string, string | number>;
}

/** Days since 1970-01-01 of a UTC midnight. */
const dayNumber = (ms: number): number => Math.round(ms / DAY_MS);

function snapshotOf(data: CalendarData): Snapshot {
  for (const d of [...Object.keys(data.holidays), ...Object.keys(data.workdays)]) {
    if (!isValidLocalDate(d)) throw new RangeError(`calendar data holds an invalid date: ${d}`);
  }
  const holidays = new Map(Object.entries(data.holidays));
  const workdays = new Map(Object.entries(data.workdays));
  const years = new Set<number>();
  for (const d of [...holidays.keys(), ...workdays.keys()]) years.add(Number(d.slice(0, 4)));
  const numbers = (m: ReadonlyMap<string, string>) => new Set([...m.keys()].map((d) => dayNumber(Date.parse(`${d}T00:00:00Z`))));
  return { holidays, workdays, coveredYears: years, holidayNumbers: numbers(holidays), workdayNumbers: numbers(workdays), answers: new Map() };
}

/** Every year present in an override replaces that year of the base wholesale. */
export function layerCalendarData(base: CalendarData, ...overrides: CalendarData[]): CalendarData {
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
  return { holidays, workdays };
}

/**
 * Working-day arithmetic over one set of holiday data. The data is replaced as a whole (`install`,
 * used by the live calendar when an admin loads a year), so the one object every service holds
 * answers from the newest data at once, and one computation never sees half of each.
 */
export class WorkingCalendar {
  private data: Snapshot;

  constructor(data: CalendarData) {
    this.data = snapshotOf(data);
  }

  /**
   * Builds a calendar from base data and overrides. Every year present in an override replaces
   * that year of the base wholesale, so a corrected or newly published year needs no code change.
   */
  static fromLayers(base: CalendarData, ...overrides: CalendarData[]): WorkingCalendar {
    return new WorkingCalendar(layerCalendarData(base, ...overrides));
  }

  /** Replaces the data at once: every later computation uses the new data. */
  protected install(data: CalendarData): void {
    this.data = snapshotOf(data);
  }

  /** Years for which holiday data is known; outside them only weekends are off. */
  get coveredYears(): ReadonlySet<number> {
    return this.data.coveredYears;
  }

  private get holidays(): ReadonlyMap<string, string> {
    return this.data.holidays;
  }

  private get workdays(): ReadonlyMap<string, string> {
    return this.data.workdays;
  }

  /**
   * The years from `from`'s to `to`'s (either order) without holiday data: a deadline counted
   * through one of them counts weekends only there and is provisional until its year is loaded.
   */
  uncoveredYears(from: string, to: string): number[] {
    const a = Number(toUtcDate(from).slice(0, 4));
    const b = Number(toUtcDate(to).slice(0, 4));
    const out: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!this.coveredYears.has(y)) out.push(y);
    return out;
  }

  isCovered(date: string): boolean {
    return this.coveredYears.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(toUtc(date)));
  }

  /** Day `n` (days since 1970-01-01, a Thursday): a make-up working day, a holiday, or by its weekday. */
  private isWorkingDayNumber(n: number): boolean {
    const { workdayNumbers, holidayNumbers } = this.data;
    if (workdayNumbers.has(n)) return true;
    if (holidayNumbers.has(n)) return false;
    const dow = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
    return dow !== 0 && dow !== 6;
  }

  holidayName(date: string): string | null {
    return this.holidays.get(date) ?? null;
  }

  /** The kind of day, and for a day off of a public holiday which one. */
  dayOf(date: string): DayInfo {
    const ms = toUtc(date);
    if (this.workdays.has(date)) return { kind: DayKind.MAKE_UP_WORKING_DAY, holiday: null, holidayName: null };
    const published = this.holidays.get(date);
    if (published !== undefined) {
      const { holiday, name } = holidayOf(published);
      return { kind: DayKind.PUBLIC_HOLIDAY, holiday, holidayName: name };
    }
    const dow = new Date(ms).getUTCDay();
    return { kind: dow === 0 || dow === 6 ? DayKind.WEEKEND : DayKind.WORKING_DAY, holiday: null, holidayName: null };
  }

  /**
   * The date `days` working days after `from` (`from` itself is not counted). With days = 0 the
   * result is `from`. Negative days count backwards.
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
    const { answers } = this.data;
    const key = `+${from}|${days}`;
    const known = answers.get(key);
    if (known !== undefined) return known as string;
    const answer = this.countForward(from, days);
    remember(answers, key, answer);
    return answer;
  }

  private countForward(from: string, days: number): string {
    let n = dayNumber(toUtc(from));
    const step = days >= 0 ? 1 : -1;
    let remaining = Math.abs(days);
    // A year has at least ~240 working days: the guard only stops a runaway loop on absurd input.
    const guard = remaining * 3 + 60;
    let iterations = 0;
    while (remaining > 0) {
      n += step;
      if (this.isWorkingDayNumber(n)) remaining -= 1;
      if (++iterations > guard) throw new RangeError('working-day calculation did not terminate');
    }
    return fromUtc(n * DAY_MS);
  }

  /**
   * Working days in the interval (from, to]: after `from`, up to and including `to`. Negative when
   * `to` is before `from`. Consistent with addWorkingDays: count(d, add(d, n)) === n.
   */
  countWorkingDays(from: string, to: string): number {
    const { answers } = this.data;
    const key = `#${from}|${to}`;
    const known = answers.get(key);
    if (known !== undefined) return known as number;
    const answer = this.countBetween(from, to);
    remember(answers, key, answer);
    return answer;
  }

  private countBetween(from: string, to: string): number {
    const a = toUtc(from);
    const b = toUtc(to);
    if (b < a) return -this.countBetween(to, from);
    let count = 0;
    const last = dayNumber(b);
    for (let n = dayNumber(a) + 1; n <= last; n++) {
      if (this.isWorkingDayNumber(n)) count += 1;
    }
    return count;
  }
}

function remember(answers: Map<string, string | number>, key: string, answer: string | number): void {
  if (answers.size >= DATE_CACHE_MAX) answers.clear();
  answers.set(key, answer);
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
