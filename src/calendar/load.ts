import { readFileSync } from 'node:fs';
import { CalendarSource } from './calendar.enums';
import { LiveCalendar, type CalendarLayer } from './live-calendar';
import { parseCalendarData, type CalendarData, type WorkingCalendar } from './working-days';

/** The chinese-days package's own data: holidays and make-up working days (调休), up to its last year. */
function packageData(): CalendarData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  return parseCalendarData({ holidays: raw.holidays, workdays: raw.workdays });
}

/**
 * The working calendar: chinese-days data, with the years found in `extraFile` (CALENDAR_DATA_FILE,
 * same JSON shape: { "holidays": { "2027-01-01": "元旦" }, "workdays": { ... } }) replacing or
 * extending it. The years admins load into the database are installed on top of these
 * (`useStoredYears`, see calendar-store.ts): publishing next year's holidays is a data change, not
 * a code change or a restart.
 */
export function loadWorkingCalendar(extraFile: string | null): LiveCalendar {
  const layers: CalendarLayer[] = [{ source: CalendarSource.PACKAGE, data: packageData() }];
  if (extraFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(extraFile, 'utf8'));
    } catch (e) {
      throw new Error(`CALENDAR_DATA_FILE ${extraFile} cannot be read as JSON: ${(e as Error).message}`);
    }
    layers.push({ source: CalendarSource.FILE, data: parseCalendarData(parsed) });
  }
  return new LiveCalendar(layers);
}

/** The start-up warning when next year (after `today`, a business-time-zone date) has no holiday data, or null. */
export function nextYearWarning(calendar: WorkingCalendar, today: string): string | null {
  const next = Number(today.slice(0, 4)) + 1;
  if (calendar.coveredYears.has(next)) return null;
  return `${next} 年尚无节假日数据：跨入该年的期限只按周末计算，标为“暂定”（provisional）；国务院办公厅公布放假安排后，请管理员通过 loadCalendarYear 或 npm run cli -- calendar-load <文件> 载入`;
}
