import { AddWorkingDaysDocument, CalendarDayDocument, CountWorkingDaysDocument, DayKind, Holiday } from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

describe('working-day calendar over GraphQL', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('advisor');
  });
  afterAll(() => h.close());

  it('answers deadline questions across the Spring Festival', async () => {
    expect(expectOk(await h.gql(AddWorkingDaysDocument, { from: '2026-02-12', days: 10 }, { token })).addWorkingDays).toBe('2026-03-04');
    expect(expectOk(await h.gql(CountWorkingDaysDocument, { from: '2026-02-13', to: '2026-02-24' }, { token })).countWorkingDays).toBe(2);
    // Saturday 14 Feb is worked to make up for the Spring Festival; Monday 16 Feb is off.
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2026-02-14' }, { token })).calendarDay).toEqual({
      date: '2026-02-14',
      workingDay: true,
      kind: DayKind.MakeUpWorkingDay,
      holiday: null,
      holidayName: null,
      covered: true,
    });
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2026-02-16' }, { token })).calendarDay).toEqual({
      date: '2026-02-16',
      workingDay: false,
      kind: DayKind.PublicHoliday,
      holiday: Holiday.SpringFestival,
      holidayName: '春节',
      covered: true,
    });
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2026-03-07' }, { token })).calendarDay).toMatchObject({ workingDay: false, kind: DayKind.Weekend, holiday: null });
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2026-03-09' }, { token })).calendarDay).toMatchObject({ workingDay: true, kind: DayKind.WorkingDay, holiday: null });
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2026-10-01' }, { token })).calendarDay).toMatchObject({ kind: DayKind.PublicHoliday, holiday: Holiday.NationalDay });
    expect(expectOk(await h.gql(CalendarDayDocument, { date: '2027-03-01' }, { token })).calendarDay.covered).toBe(false);
  });

  it('refuses bad dates and absurd spans, and anonymous callers', async () => {
    expectError(await h.gql(CalendarDayDocument, { date: '2026-02-30' }, { token }), 'BAD_USER_INPUT');
    expectError(await h.gql(AddWorkingDaysDocument, { from: '2026-02-12', days: 100000 }, { token }), 'BAD_USER_INPUT');
    expectError(await h.gql(CountWorkingDaysDocument, { from: '1900-01-01', to: '2026-01-01' }, { token }), 'BAD_USER_INPUT');
    expectError(await h.gql(CalendarDayDocument, { date: '2026-02-14' }), 'UNAUTHENTICATED');
  });
});
