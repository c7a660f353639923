import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AcceptReviewDocument,
  AddWorkingDaysDocument,
  AuditSubjectType,
  AuditTrailDocument,
  CalendarDayDocument,
  CalendarSource,
  CalendarYearsDocument,
  DayKind,
  DecisionPublicationDueDocument,
  Holiday,
  LoadCalendarYearDocument,
  ReviewDeadlineDocument,
  ReviewDocument,
  WithdrawCalendarYearDocument,
} from '../__generated__/graphql';
import { createApp } from '../../src/app';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { runCli } from '../support/cli';
import { calendarFile2027, HOLIDAYS_2027, MAKE_UP_DAYS_2027 } from '../support/calendar-2027';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { buildWorld, type World } from '../support/world';

/**
 * Issue #11, item 10: next year's holidays and make-up working days (published by the State Council
 * late in the year) are loaded by an admin through the API or the CLI, stored, audited, versioned,
 * and used at once by every deadline — and a deadline that runs through a year without data says
 * it is provisional.
 */

const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

describe('holiday years as data', () => {
  let h: Harness;
  let w: World;
  let admin: string;

  const review = async () => expectOk(await h.gql(ReviewDeadlineDocument, { id: w.jjfz.contractReviewId }, { token: admin })).review;
  const decision = async () => {
    const node = expectOk(await h.gql(DecisionPublicationDueDocument, { id: w.jjfz.decisionId }, { token: admin })).node;
    if (node?.__typename !== 'Decision') throw new Error('not a decision');
    return node;
  };
  const day = async (date: string) => expectOk(await h.gql(CalendarDayDocument, { date }, { token: admin })).calendarDay;
  const year = async (y: number) => expectOk(await h.gql(CalendarYearsDocument, {}, { token: admin })).calendarYears.find((x) => x.year === y);
  const input2027 = (extra: { reason?: string } = {}) => ({ year: 2027, holidays: HOLIDAYS_2027, makeUpWorkingDays: MAKE_UP_DAYS_2027, ...extra });

  beforeAll(async () => {
    h = await startHarness();
    w = await buildWorld(h);
    admin = w.tokens.admin!;
  });
  afterAll(() => h.close());

  it('lists every year with its source and counts, to admins only', async () => {
    const years = expectOk(await h.gql(CalendarYearsDocument, {}, { token: admin })).calendarYears;
    expect(years.find((y) => y.year === 2026)).toMatchObject({ source: CalendarSource.Package, holidayCount: 33, makeUpWorkingDayCount: 6, version: null, shadows: [] });
    expect(years.find((y) => y.year === 2027)).toBeUndefined();
    const y2026 = years.find((y) => y.year === 2026)!;
    expect(y2026.days.find((d) => d.date === '2026-02-16')).toEqual({ date: '2026-02-16', kind: DayKind.PublicHoliday, holiday: Holiday.SpringFestival, name: '春节' });
    expect(y2026.days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: DayKind.MakeUpWorkingDay, holiday: null });
    for (const user of ['drafter', 'advisor', 'director', 'filing']) {
      expectError(await h.gql(CalendarYearsDocument, {}, { token: w.tokens[user]! }), 'FORBIDDEN');
      expectError(await h.gql(LoadCalendarYearDocument, { input: input2027() }, { token: w.tokens[user]! }), 'FORBIDDEN');
    }
  });

  it('marks a review deadline that runs into a year without holiday data as provisional', async () => {
    h.clock.set(new Date('2026-12-24T02:00:00Z')); // Thursday
    // The clock travelled to December: sign in again (the tokens of March have expired).
    for (const u of Object.keys(w.tokens)) w.tokens[u] = await h.login(u);
    admin = w.tokens.admin!;
    const r = expectOk(await h.gql(ReviewDocument, { id: w.jjfz.contractReviewId }, { token: admin })).review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: w.tokens.advisor! }));
    // 10 working days counting weekends only in 2027: Dec 25, 28–31, Jan 1, 4–7
    expect(await review()).toMatchObject({ dueOn: '2027-01-07', deadline: { dueOn: '2027-01-07', provisional: true, uncoveredYears: [2027] } });
  });

  it('marks a publication due date that runs into a year without holiday data as provisional', async () => {
    // The world's decision, as if signed on Monday 28 December 2026 (due 20 working days later, weekends only in 2027).
    await h.superSql(
      `set session_replication_role = replica; update decision set signed_on = '2026-12-28', publication_due_on = '2027-01-25' where id = '${w.jjfz.decisionId}'; set session_replication_role = origin`,
    );
    expect(await decision()).toMatchObject({ publicationDueOn: '2027-01-25', publicationDue: { dueOn: '2027-01-25', provisional: true, uncoveredYears: [2027] } });
  });

  it('refuses an inconsistent year with every problem named in Chinese, and changes nothing', async () => {
    const before = await h.snapshot();
    const err = expectError(
      await h.gql(
        LoadCalendarYearDocument,
        {
          input: {
            year: 2027,
            holidays: [
              { date: '2026-12-31', name: '元旦' },
              { date: '2027-02-06', name: '春节' },
              { date: '2027-02-07', name: '' },
            ],
            makeUpWorkingDays: [
              { date: '2027-02-06', name: '春节调休上班' },
              { date: '2027-02-08', name: '春节调休上班' },
            ],
          },
        },
        { token: admin },
      ),
      'BAD_USER_INPUT',
    );
    expect(err.message).toMatch(/2026-12-31.*不在 2027 年/);
    expect(err.message).toMatch(/2027-02-06.*既是放假日又是调休上班日/);
    expect(err.message).toMatch(/2027-02-08.*周六或周日/);
    expect(err.message).not.toMatch(ENGLISH_WORDS);
    expect((err.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual(expect.arrayContaining(['holidays.0.date', 'holidays.2.name', 'makeUpWorkingDays.1.date']));
    expect(await h.snapshot()).toEqual(before);
    expect((await day('2027-01-01')).covered).toBe(false);
  });

  it('loads 2027 through the API: every deadline uses it at once, stored due dates are recomputed, and the load is audited', async () => {
    const payload = expectOk(await h.gql(LoadCalendarYearDocument, { input: input2027() }, { token: admin })).loadCalendarYear;
    expect(payload.year).toMatchObject({ year: 2027, source: CalendarSource.Database, version: 1, holidayCount: 29, makeUpWorkingDayCount: 5, loadedBy: 'admin', shadows: [] });
    expect(payload.warnings).toEqual([]);
    expect(payload.recomputedDeadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectType: AuditSubjectType.ReviewRequest, subjectId: w.jjfz.contractReviewId, dueBefore: '2027-01-07', dueAfter: '2027-01-08' }),
        expect.objectContaining({ subjectType: AuditSubjectType.DecisionProposal, subjectId: w.jjfz.proposalId, dueBefore: '2027-01-25', dueAfter: '2027-01-26' }),
      ]),
    );

    // No restart: the calendar, the review deadline and the publication due date all follow.
    expect(await day('2027-01-01')).toMatchObject({ kind: DayKind.PublicHoliday, holiday: Holiday.NewYear, covered: true });
    expect(await day('2027-02-20')).toMatchObject({ kind: DayKind.MakeUpWorkingDay, workingDay: true });
    expect(expectOk(await h.gql(AddWorkingDaysDocument, { from: '2026-12-24', days: 10 }, { token: admin })).addWorkingDays).toBe('2027-01-08');
    expect(await review()).toMatchObject({ dueOn: '2027-01-08', deadline: { dueOn: '2027-01-08', provisional: false, uncoveredYears: [] } });
    expect(await decision()).toMatchObject({ publicationDueOn: '2027-01-26', publicationDue: { dueOn: '2027-01-26', provisional: false, uncoveredYears: [] } });

    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.CalendarYear, subjectId: '2027' }, { token: admin })).auditTrail.edges.map((e) => e.node);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'calendar.load', actorUsername: 'admin' });
    expect(trail[0]!.before).toMatchObject({ source: null });
    expect(trail[0]!.after).toMatchObject({ source: 'DATABASE', version: 1, holidays: calendarFile2027().holidays, workdays: calendarFile2027().workdays });
    expect(JSON.stringify(trail[0]!.after)).toContain(w.jjfz.contractReviewId);
  });

  it('replaces a stored year only with a reason, as a new version, audited before and after', async () => {
    const replaced = { ...input2027(), holidays: HOLIDAYS_2027.filter((d) => d.date !== '2027-06-09') };
    const err = expectError(await h.gql(LoadCalendarYearDocument, { input: replaced }, { token: admin }), 'BAD_USER_INPUT');
    expect(err.message).toMatch(/理由/);
    const payload = expectOk(await h.gql(LoadCalendarYearDocument, { input: { ...replaced, reason: '国务院办公厅更正通知：端午节放假安排调整' } }, { token: admin })).loadCalendarYear;
    expect(payload.year).toMatchObject({ version: 2, holidayCount: 28, reason: '国务院办公厅更正通知：端午节放假安排调整' });
    expect((await day('2027-06-09')).kind).toBe(DayKind.WorkingDay);
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.CalendarYear, subjectId: '2027' }, { token: admin })).auditTrail.edges.map((e) => e.node);
    expect(trail).toHaveLength(2);
    expect(trail[1]!.before).toMatchObject({ source: 'DATABASE', version: 1 });
    expect((trail[1]!.before as { holidays: Record<string, string> }).holidays['2027-06-09']).toBe('端午节');
    expect(trail[1]!.after).toMatchObject({ version: 2, reason: '国务院办公厅更正通知：端午节放假安排调整' });
    expect((trail[1]!.after as { holidays: Record<string, string> }).holidays['2027-06-09']).toBeUndefined();
  });

  it('withdraws a stored year with a reason: the year has no data again and deadlines through it are provisional', async () => {
    expectError(await h.gql(WithdrawCalendarYearDocument, { input: { year: 2031, reason: '误录' } }, { token: admin }), 'NOT_FOUND');
    const payload = expectOk(await h.gql(WithdrawCalendarYearDocument, { input: { year: 2027, reason: '测试撤回' } }, { token: admin })).withdrawCalendarYear;
    expect(payload.year).toBeNull();
    expect(payload.recomputedDeadlines).toEqual(expect.arrayContaining([expect.objectContaining({ subjectId: w.jjfz.contractReviewId, dueBefore: '2027-01-08', dueAfter: '2027-01-07' })]));
    expect((await day('2027-01-01')).covered).toBe(false);
    expect((await review()).deadline).toMatchObject({ dueOn: '2027-01-07', provisional: true });
    expect(await year(2027)).toBeUndefined();
  });

  it('takes a year from the CLI while the server runs, and the server uses it without a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yunhu-cal-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ holidays: { '2027-01-01': '元旦', '2027-01-09': '' }, workdays: { '2027-01-01': '调休' } }));
    const refused = await runCli(['calendar-load', bad, '--reason', '测试'], h.dbUrl, h.cliEnv);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/2027-01-01.*既是放假日又是调休上班日/);
    expect((await day('2027-01-01')).covered).toBe(false);

    const good = path.join(dir, '2027.json');
    writeFileSync(good, JSON.stringify(calendarFile2027()));
    const res = await runCli(['calendar-load', good, '--reason', '国务院办公厅关于2027年部分节假日安排的通知'], h.dbUrl, h.cliEnv);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/2027/);
    // The running server hears of it (LISTEN/NOTIFY) and uses it for the next request.
    const deadline = Date.now() + 10_000;
    while ((await day('2027-01-01')).kind !== DayKind.PublicHoliday && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await day('2027-01-01')).toMatchObject({ kind: DayKind.PublicHoliday, covered: true });
    expect(await year(2027)).toMatchObject({ source: CalendarSource.Database, version: 4, reason: '国务院办公厅关于2027年部分节假日安排的通知' });
    expect((await review()).deadline).toMatchObject({ dueOn: '2027-01-08', provisional: false });
    expect((await review()).dueOn).toBe('2027-01-08');
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.CalendarYear, subjectId: '2027' }, { token: admin })).auditTrail.edges.map((e) => e.node);
    expect(trail.map((e) => e.action)).toEqual(['calendar.load', 'calendar.load', 'calendar.withdraw', 'calendar.load']);
    expect(trail[3]!.actorUsername).toBe('system');
  });

  it('a new server reads the stored years at start', async () => {
    const app = await createApp(h.orm, { ...h.deps, calendar: loadWorkingCalendar(null) });
    const port = await app.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ calendarDay(date: "2027-01-01") { kind covered } }' }),
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({ calendarDay: { kind: 'PUBLIC_HOLIDAY', covered: true } });
    } finally {
      await app.close();
    }
  });
});
