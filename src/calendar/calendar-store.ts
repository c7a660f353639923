import { Client } from 'pg';
import type { Logger } from '../core/logger';
import type { LiveCalendar, StoredYear } from './live-calendar';

/** The channel every insert into calendar_year_version notifies (trigger in the migration). */
export const CALENDAR_CHANNEL = 'calendar_year_changed';

/** The newest version of every year: what is in force (withdrawals included, so they take effect). */
export const STORED_YEARS_SQL = `select distinct on (year) year, version, holidays, workdays, withdrawn, loaded_at, loaded_by, reason
  from calendar_year_version order by year, version desc`;

interface Row {
  year: number;
  version: number;
  holidays: Record<string, string> | string;
  workdays: Record<string, string> | string;
  withdrawn: boolean;
  loaded_at: Date | string;
  loaded_by: string;
  reason: string | null;
}

const json = (v: Record<string, string> | string): Record<string, string> => (typeof v === 'string' ? (JSON.parse(v) as Record<string, string>) : v);

export function storedYearOf(r: Row): StoredYear {
  return {
    year: Number(r.year),
    version: Number(r.version),
    holidays: json(r.holidays),
    workdays: json(r.workdays),
    withdrawn: r.withdrawn,
    loadedAt: new Date(r.loaded_at),
    loadedBy: r.loaded_by,
    reason: r.reason,
  };
}

/** Reads the stored years in force with `query` (an EntityManager's `execute`, or a pg client) and installs them. */
export async function refreshStoredYears(calendar: LiveCalendar, query: (sql: string) => Promise<unknown[]>): Promise<void> {
  const rows = (await query(STORED_YEARS_SQL)) as Row[];
  calendar.useStoredYears(rows.map(storedYearOf));
}

export interface CalendarWatch {
  /** Connects, listens, and reads the stored years once; resolves even when the database is away (it keeps trying). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a running server's calendar in step with the database: one connection of its own LISTENs on
 * `calendar_year_changed` and re-reads the stored years when a year is loaded or withdrawn — by this
 * server, another one, or the CLI. After a lost connection it reconnects (1 s, doubling, at most
 * 30 s) and re-reads, so a change made meanwhile is not missed. Deadline computations never query:
 * they read the calendar in memory.
 */
export function watchCalendarYears(opts: { url: string; calendar: LiveCalendar; logger: Logger }): CalendarWatch {
  let client: Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = 1000;
  let refreshing: Promise<void> = Promise.resolve();

  const refresh = (c: Client) => {
    refreshing = refreshing
      .then(() => refreshStoredYears(opts.calendar, async (sql) => (await c.query(sql)).rows))
      .catch((err) => opts.logger.warn({ err: { message: (err as Error).message } }, 'holiday years could not be re-read'));
    return refreshing;
  };

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new Client({ connectionString: opts.url, connectionTimeoutMillis: 3000 });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (client === c) {
        client = null;
        if (!stopped) {
          opts.logger.warn('lost the connection that listens for holiday-year changes; reconnecting');
          schedule();
        }
      }
    });
    c.on('notification', (n) => {
      if (n.channel === CALENDAR_CHANNEL) void refresh(c);
    });
    try {
      await c.connect();
      await c.query(`listen ${CALENDAR_CHANNEL}`);
      if (stopped) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      delay = 1000;
      await refresh(c);
    } catch (err) {
      await c.end().catch(() => undefined);
      if (!stopped) {
        opts.logger.warn({ err: { message: (err as Error).message } }, 'cannot listen for holiday-year changes yet; retrying');
        schedule();
      }
    }
  };

  return {
    start: connect,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      await refreshing;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
