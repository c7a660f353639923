import { CalendarSource } from './calendar.enums';
import { layerCalendarData, WorkingCalendar, type CalendarData } from './working-days';

/** One source's data (the package's or CALENDAR_DATA_FILE's): every year it holds. */
export interface CalendarLayer {
  source: CalendarSource.PACKAGE | CalendarSource.FILE;
  data: CalendarData;
}

/** The version of a year in force in the database (the newest one stored for that year). */
export interface StoredYear extends CalendarData {
  year: number;
  version: number;
  /** A withdrawal: the year falls back to the file or the package (or to no data). */
  withdrawn: boolean;
  loadedAt: Date;
  loadedBy: string;
  reason: string | null;
}

/** A year with holiday data, as the admin API lists it. */
export interface CalendarYearInfo {
  year: number;
  /** The source in force. */
  source: CalendarSource;
  /** Days off for public holidays (weekend days inside a holiday span included). */
  holidayCount: number;
  makeUpWorkingDayCount: number;
  /** DATABASE only: the version in force, when and by whom it was loaded, and why. */
  version: number | null;
  loadedAt: Date | null;
  loadedBy: string | null;
  reason: string | null;
  /** Lower sources that also hold the year and are replaced by this one. */
  shadows: CalendarSource[];
  /** The year's data in force. */
  data: CalendarData;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function splitByYear(data: CalendarData): Map<number, CalendarData> {
  const out = new Map<number, CalendarData>();
  const of = (y: number) => {
    let d = out.get(y);
    if (!d) out.set(y, (d = { holidays: {}, workdays: {} }));
    return d;
  };
  for (const [date, name] of Object.entries(data.holidays)) of(yearOf(date)).holidays[date] = name;
  for (const [date, name] of Object.entries(data.workdays)) of(yearOf(date)).workdays[date] = name;
  return out;
}

/**
 * The working calendar every service holds: the package's data, replaced year by year by
 * CALENDAR_DATA_FILE, replaced year by year by the versions admins stored in the database. Loading
 * a year swaps the data in this very object (`useStoredYears`), so every deadline computed after it
 * uses it — in memory, without a query per computation and without a restart.
 */
export class LiveCalendar extends WorkingCalendar {
  private stored = new Map<number, StoredYear>();

  constructor(private readonly layers: readonly CalendarLayer[]) {
    super(layerCalendarData({ holidays: {}, workdays: {} }, ...layers.map((l) => l.data)));
  }

  /** Installs the stored years in force (the newest version of each year); years not listed fall back. */
  useStoredYears(years: readonly StoredYear[]): void {
    this.stored = new Map(years.map((y) => [y.year, y]));
    this.install(this.compose(this.stored));
  }

  /** The stored years in force now. */
  storedYears(): StoredYear[] {
    return [...this.stored.values()].sort((a, b) => a.year - b.year);
  }

  /** A separate calendar as it would be with `year` stored (or withdrawn): to recompute deadlines before the change commits. */
  withStoredYear(year: StoredYear): WorkingCalendar {
    const stored = new Map(this.stored);
    stored.set(year.year, year);
    return new WorkingCalendar(this.compose(stored));
  }

  private compose(stored: ReadonlyMap<number, StoredYear>): CalendarData {
    const fromDatabase = [...stored.values()].filter((y) => !y.withdrawn).map((y) => ({ holidays: y.holidays, workdays: y.workdays }));
    return layerCalendarData({ holidays: {}, workdays: {} }, ...this.layers.map((l) => l.data), ...fromDatabase);
  }

  /** Every year with data, oldest first, with the source in force and what it replaces. */
  years(): CalendarYearInfo[] {
    return this.yearsOf(this.stored);
  }

  /** The year as it would be listed with `year` stored (or withdrawn), or null when it would have no data. */
  yearWith(year: StoredYear): CalendarYearInfo | null {
    const stored = new Map(this.stored);
    stored.set(year.year, year);
    return this.yearsOf(stored).find((y) => y.year === year.year) ?? null;
  }

  private yearsOf(stored: ReadonlyMap<number, StoredYear>): CalendarYearInfo[] {
    const bySource = new Map<number, { source: CalendarSource; data: CalendarData; stored: StoredYear | null }[]>();
    const add = (year: number, entry: { source: CalendarSource; data: CalendarData; stored: StoredYear | null }) => bySource.set(year, [...(bySource.get(year) ?? []), entry]);
    for (const layer of this.layers) for (const [year, data] of splitByYear(layer.data)) add(year, { source: layer.source, data, stored: null });
    for (const y of stored.values()) if (!y.withdrawn) add(y.year, { source: CalendarSource.DATABASE, data: { holidays: y.holidays, workdays: y.workdays }, stored: y });
    return [...bySource]
      .sort(([a], [b]) => a - b)
      .map(([year, entries]) => {
        const top = entries[entries.length - 1]!;
        return {
          year,
          source: top.source,
          holidayCount: Object.keys(top.data.holidays).length,
          makeUpWorkingDayCount: Object.keys(top.data.workdays).length,
          version: top.stored?.version ?? null,
          loadedAt: top.stored?.loadedAt ?? null,
          loadedBy: top.stored?.loadedBy ?? null,
          reason: top.stored?.reason ?? null,
          shadows: entries.slice(0, -1).map((e) => e.source),
          data: top.data,
        };
      });
  }

  /** The year as listed, or null when it has no data. */
  year(year: number): CalendarYearInfo | null {
    return this.years().find((y) => y.year === year) ?? null;
  }
}
