import { readFileSync } from 'node:fs';
import { parseCalendarData, WorkingCalendar, type CalendarData } from './working-days';

/** The chinese-days package's own data: holidays and make-up working days (调休), up to its last year. */
function packageData(): CalendarData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  return parseCalendarData({ holidays: raw.holidays, workdays: raw.workdays });
}

/**
 * The working calendar: chinese-days data, with the years found in `extraFile` (CALENDAR_DATA_FILE,
 * same JSON shape: { "holidays": { "2027-01-01": "元旦" }, "workdays": { ... } }) replacing or
 * extending it. Publishing next year's holidays is a data change, not a code change.
 */
export function loadWorkingCalendar(extraFile: string | null): WorkingCalendar {
  const layers: CalendarData[] = [];
  if (extraFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(extraFile, 'utf8'));
    } catch (e) {
      throw new Error(`CALENDAR_DATA_FILE ${extraFile} cannot be read as JSON: ${(e as Error).message}`);
    }
    layers.push(parseCalendarData(parsed));
  }
  return WorkingCalendar.fromLayers(packageData(), ...layers);
}
