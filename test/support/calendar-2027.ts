/**
 * A 2027 holiday arrangement for tests, shaped like the State Council's notice (fictional but
 * internally consistent: days off by holiday, make-up working days on weekends).
 */
function span(from: string, to: string, name: string): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    out.push({ date: new Date(d).toISOString().slice(0, 10), name });
  }
  return out;
}

export const HOLIDAYS_2027 = [
  ...span('2027-01-01', '2027-01-03', '元旦'),
  ...span('2027-02-06', '2027-02-14', '春节'),
  ...span('2027-04-03', '2027-04-05', '清明节'),
  ...span('2027-05-01', '2027-05-05', '劳动节'),
  ...span('2027-06-09', '2027-06-09', '端午节'),
  ...span('2027-09-15', '2027-09-15', '中秋节'),
  ...span('2027-10-01', '2027-10-07', '国庆节'),
];

export const MAKE_UP_DAYS_2027 = [
  { date: '2027-02-20', name: '春节调休上班' },
  { date: '2027-04-25', name: '劳动节调休上班' },
  { date: '2027-05-08', name: '劳动节调休上班' },
  { date: '2027-09-26', name: '国庆节调休上班' },
  { date: '2027-10-09', name: '国庆节调休上班' },
];

/** The same arrangement in the file format of CALENDAR_DATA_FILE and `calendar-load`. */
export function calendarFile2027(): { holidays: Record<string, string>; workdays: Record<string, string> } {
  return {
    holidays: Object.fromEntries(HOLIDAYS_2027.map((d) => [d.date, d.name])),
    workdays: Object.fromEntries(MAKE_UP_DAYS_2027.map((d) => [d.date, d.name])),
  };
}
