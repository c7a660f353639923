import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit.service';
import type { Clock } from '../core/clock';
import { AppError, BadInputError, NotFoundError } from '../core/errors';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { sha256 } from '../core/text';
import { transaction } from '../db/transaction';
import { CALENDAR_SOURCE_LABELS, CalendarSource } from './calendar.enums';
import type { LoadCalendarYearCommand, WithdrawCalendarYearCommand } from './calendar.commands';
import { calendarDataOf, calendarYearProblems, calendarYearWarnings, type CalendarProblem } from './calendar.rules';
import { CalendarYearVersion } from './calendar-year.entity';
import { refreshStoredYears } from './calendar-store';
import type { DeadlineDependent, RecomputedDeadline } from './deadline-dependents';
import type { CalendarYearInfo, LiveCalendar, StoredYear } from './live-calendar';
import type { CalendarData } from './working-days';

export interface CalendarServiceDeps {
  clock: Clock;
  calendar: LiveCalendar;
  audit: AuditService;
  /** The areas whose stored due dates count working days (review, deliberation), wired in the composition root. */
  dependents: readonly DeadlineDependent[];
}

/** A year loaded or withdrawn: the year as now in force (null: no data), warnings, and the due dates that moved. */
export interface CalendarYearChange {
  year: CalendarYearInfo | null;
  warnings: string[];
  recomputed: RecomputedDeadline[];
}

/** Arbitrary constant naming the per-year advisory lock (the second key is the year). */
const CALENDAR_YEAR_LOCK = 7_311_002;

function contentHash(data: CalendarData): string {
  const sorted = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(JSON.stringify({ holidays: sorted(data.holidays), workdays: sorted(data.workdays) }));
}

/** The audit record's view of a year's data in force. */
function yearSummary(info: CalendarYearInfo | null): Record<string, unknown> {
  if (!info) return { source: null };
  return { source: info.source, version: info.version, holidays: info.data.holidays, workdays: info.data.workdays, contentHash: contentHash(info.data) };
}

function problemsError(year: number, problems: CalendarProblem[]): AppError {
  return new AppError('BAD_USER_INPUT', `${year} 年节假日安排有 ${problems.length} 处问题，未载入：${problems.map((p) => p.message).join('；')}`, { problems });
}

/**
 * Holiday years as data (节假日安排): admins load next year's arrangement when the State Council
 * publishes it, correct a year (a new version, with its reason) or withdraw it; each change is
 * audited with the data before and after, moves every stored due date that counts through the year
 * (in the same transaction), and is used at once by every deadline computation (the live calendar
 * is swapped after commit; other servers hear of it through `calendar_year_changed`).
 */
export class CalendarYearService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: CalendarServiceDeps,
  ) {}

  /** Every year with data, its source and counts (admins). */
  years(user: Actor): CalendarYearInfo[] {
    assertAnyRole(user, [Role.ADMIN], '查看节假日数据');
    return this.deps.calendar.years();
  }

  /** Loads a year (`user` null: the CLI, recorded as the system). */
  async load(user: Actor | null, cmd: LoadCalendarYearCommand): Promise<CalendarYearChange> {
    if (user) assertAnyRole(user, [Role.ADMIN], '载入节假日安排');
    const problems = calendarYearProblems(cmd);
    if (problems.length) throw problemsError(cmd.year, problems);
    const data = calendarDataOf(cmd);
    const reason = cmd.reason?.trim() || null;
    return this.change(user, cmd.year, async (before, current) => {
      if (before && !reason) {
        const from = before.source === CalendarSource.DATABASE ? `管理员载入的第 ${before.version} 版` : CALENDAR_SOURCE_LABELS[before.source];
        throw new BadInputError(`${cmd.year} 年已有节假日数据（${from}）；替换须填写理由（如更正通知的文号）`, 'reason');
      }
      if (before && contentHash(before.data) === contentHash(data)) {
        throw new BadInputError(`载入的数据与现行的 ${cmd.year} 年节假日数据相同，无需重新载入`, 'holidays');
      }
      return { version: (current?.version ?? 0) + 1, data, withdrawn: false, reason, action: 'calendar.load', warnings: calendarYearWarnings(cmd) };
    });
  }

  /** Withdraws the year's stored data: it falls back to CALENDAR_DATA_FILE, the package, or no data. */
  async withdraw(user: Actor | null, cmd: WithdrawCalendarYearCommand): Promise<CalendarYearChange> {
    if (user) assertAnyRole(user, [Role.ADMIN], '撤回节假日安排');
    const reason = cmd.reason.trim();
    if (!reason) throw new BadInputError('撤回节假日数据须填写理由', 'reason');
    return this.change(user, cmd.year, async (_before, current) => {
      if (!current || current.withdrawn) throw new NotFoundError(`${cmd.year} 年管理员载入的节假日数据`);
      return { version: current.version + 1, data: { holidays: {}, workdays: {} }, withdrawn: true, reason, action: 'calendar.withdraw', warnings: [] };
    });
  }

  private async change(
    user: Actor | null,
    year: number,
    decide: (
      before: CalendarYearInfo | null,
      current: CalendarYearVersion | null,
    ) => Promise<{ version: number; data: CalendarData; withdrawn: boolean; reason: string | null; action: string; warnings: string[] }>,
  ): Promise<CalendarYearChange> {
    const calendar = this.deps.calendar;
    const actor: AuditActor = user ?? SYSTEM_ACTOR;
    const { stored, recomputed, warnings } = await transaction(this.em, async (em) => {
      await em.execute('select pg_advisory_xact_lock(?, ?)', [CALENDAR_YEAR_LOCK, year]);
      // What is in force now, as committed (another server or the CLI may have changed a year since).
      await refreshStoredYears(calendar, (sql) => em.execute(sql));
      const before = calendar.year(year);
      const current = await em.findOne(CalendarYearVersion, { year }, { orderBy: { version: 'desc' } });
      const next = await decide(before, current);
      const row = em.create(CalendarYearVersion, {
        id: randomUUID(),
        year,
        version: next.version,
        holidays: next.data.holidays,
        workdays: next.data.workdays,
        withdrawn: next.withdrawn,
        reason: next.reason,
        contentHash: contentHash(next.data),
        loadedById: actor.id,
        loadedBy: actor.username,
        loadedAt: this.deps.clock.now(),
      });
      const stored: StoredYear = { year, version: row.version, ...next.data, withdrawn: row.withdrawn, loadedAt: row.loadedAt, loadedBy: row.loadedBy, reason: row.reason ?? null };
      const after = calendar.withStoredYear(stored);
      const recomputed: RecomputedDeadline[] = [];
      for (const dependent of this.deps.dependents) recomputed.push(...(await dependent.recompute(em, after, [year])));
      await em.flush();
      // The audit chain's lock last: every row is written and locked before the first event.
      for (const d of recomputed) {
        await this.deps.audit.record(em, actor, {
          action: d.action,
          subjectType: d.subjectType,
          subjectId: d.subjectId,
          before: { dueOn: d.dueBefore },
          after: { dueOn: d.dueAfter, cause: `${year} 年节假日数据变更（第 ${row.version} 版）` },
        });
      }
      await this.deps.audit.record(em, actor, {
        action: next.action,
        subjectType: 'CalendarYear',
        subjectId: String(year),
        before: yearSummary(before),
        after: {
          ...(next.withdrawn ? { ...yearSummary(calendar.yearWith(stored)), withdrawn: true } : { source: CalendarSource.DATABASE, holidays: next.data.holidays, workdays: next.data.workdays }),
          version: row.version,
          contentHash: row.contentHash,
          reason: row.reason ?? null,
          recomputed: recomputed.map((d) => ({ subjectType: d.subjectType, subjectId: d.subjectId, label: d.label, dueBefore: d.dueBefore, dueAfter: d.dueAfter })),
        },
      });
      return { stored, recomputed, warnings: next.warnings };
    });
    // Committed: every computation from now on uses it (the NOTIFY tells the other servers).
    calendar.useStoredYears([...calendar.storedYears().filter((y) => y.year !== year), stored]);
    return { year: calendar.year(year), warnings, recomputed };
  }
}
