/** The one source of "now". Inject it everywhere; tests pass a fixed or movable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and time travel. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = new Date(to.getTime());
  }
  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in the given time zone (default Asia/Shanghai). */
export function localDateOf(instant: Date, timeZone = 'Asia/Shanghai'): string {
  let zone = DATE_FORMATS.get(timeZone);
  if (!zone) {
    // building a formatter costs far more than using one: one per time zone, kept
    zone = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), minute: NaN, date: '' };
    DATE_FORMATS.set(timeZone, zone);
  }
  // Every offset in use is whole minutes, so one minute has one local date: a list asking "today"
  // per row formats once.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== zone.minute) {
    zone.date = zone.format.format(instant);
    zone.minute = minute;
  }
  return zone.date;
}

const DATE_FORMATS = new Map<string, { format: Intl.DateTimeFormat; minute: number; date: string }>();

/** The instant a calendar date (YYYY-MM-DD) begins in the given time zone. */
export function startOfLocalDay(date: string, timeZone = 'Asia/Shanghai'): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(guess - (asUtc - guess));
}
