import type { CalendarDayEntry } from './calendar.rules';

/** One year's holiday arrangement as the State Council published it (国务院办公厅节假日安排通知). */
export interface LoadCalendarYearCommand {
  year: number;
  /** Every day off, weekend days inside a holiday span included, with the holiday's name (元旦, 春节 …). */
  holidays: CalendarDayEntry[];
  /** Every weekend day worked to make up for a holiday (调休上班), with a name (春节调休上班 …). */
  makeUpWorkingDays: CalendarDayEntry[];
  /** Required when the year already has data (from any source): why it is replaced. */
  reason?: string | null;
}

/** Withdraws the year's stored data: the year falls back to CALENDAR_DATA_FILE, the package, or no data. */
export interface WithdrawCalendarYearCommand {
  year: number;
  reason: string;
}
