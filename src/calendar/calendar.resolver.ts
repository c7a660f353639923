import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { BadInputError } from '../core/errors';
import { Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import type { Context } from '../graphql/context';
import { Payload } from '../graphql/payload';
import { DayKind, Holiday } from './calendar.enums';
import { LoadCalendarYearInput, WithdrawCalendarYearInput } from './calendar.inputs';
import type { CalendarYearChange } from './calendar.service';
import { CalendarYear, RecomputedDeadline } from './calendar.types';
import type { CalendarYearInfo } from './live-calendar';
import { holidayOf, isValidLocalDate } from './working-days';

@ObjectType({ description: 'One calendar day in the mainland-China working calendar (工作日历)' })
export class CalendarDay {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field({ description: 'Working day: weekdays that are not holidays, plus make-up working days (调休上班)' })
  workingDay!: boolean;

  @Field(() => DayKind, { description: 'Working day, weekend, day off of a public holiday, or make-up working day (调休上班)' })
  kind!: DayKind;

  @Field(() => Holiday, { nullable: true, description: 'The public holiday the day is off for (PUBLIC_HOLIDAY days only)' })
  holiday!: Holiday | null;

  @Field(() => String, { nullable: true, description: 'Its Chinese name as published (e.g. 春节), for display' })
  holidayName!: string | null;

  @Field({ description: 'Whether holiday data for this year is known; if not, only weekends are off' })
  covered!: boolean;
}

const MAX_SPAN_DAYS = 3660;

const ARG_LABELS: Record<string, string> = { date: '日期', from: '起算日期', to: '截止日期' };

function checkDate(value: string, field: string): string {
  if (!isValidLocalDate(value)) throw new BadInputError(`${ARG_LABELS[field] ?? field}不是有效日期（YYYY-MM-DD）`, field);
  return value;
}

function calendarYearType(y: CalendarYearInfo): CalendarYear {
  const days = [
    ...Object.entries(y.data.holidays).map(([date, published]) => {
      const { holiday, name } = holidayOf(published);
      return { date, kind: DayKind.PUBLIC_HOLIDAY, holiday, name };
    }),
    ...Object.entries(y.data.workdays).map(([date, name]) => ({ date, kind: DayKind.MAKE_UP_WORKING_DAY, holiday: null, name: holidayOf(name).name })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { ...y, days };
}

const LoadCalendarYearPayload = Payload('LoadCalendarYearPayload', 'A year’s holiday arrangement after loading it, in force at once (载入节假日安排)', {
  year: { type: () => CalendarYear },
  warnings: { type: () => [String], description: 'What was stored but deserves a second look (e.g. a day off named after no statutory holiday)' },
  recomputedDeadlines: { type: () => [RecomputedDeadline], description: 'Stored due dates that moved with the new data' },
});

const WithdrawCalendarYearPayload = Payload('WithdrawCalendarYearPayload', 'A year after its stored data was withdrawn (撤回节假日安排)', {
  year: { type: () => CalendarYear, nullable: true, description: 'The year as it now stands (file or package data), or null: no holiday data' },
  recomputedDeadlines: { type: () => [RecomputedDeadline], description: 'Stored due dates that moved' },
});

function changePayload(c: CalendarYearChange) {
  return { year: c.year ? calendarYearType(c.year) : null, warnings: c.warnings, recomputedDeadlines: c.recomputed };
}

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => CalendarDay, { description: 'Is this date a working day? (是否工作日)' })
  calendarDay(@Arg('date', () => LocalDateResolver) date: string, @Ctx() ctx: Context): CalendarDay {
    checkDate(date, 'date');
    return {
      date,
      workingDay: ctx.calendar.isWorkingDay(date),
      ...ctx.calendar.dayOf(date),
      covered: ctx.calendar.isCovered(date),
    };
  }

  @Authorized()
  @Query(() => LocalDateResolver, { description: 'The date N working days after a date (N 个工作日后)' })
  addWorkingDays(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: Context,
  ): string {
    checkDate(from, 'from');
    if (Math.abs(days) > 2000) throw new BadInputError('days 超出范围（最多 2000 个工作日）', 'days');
    return ctx.calendar.addWorkingDays(from, days);
  }

  @Authorized()
  @Query(() => Int, { description: 'Working days after `from` up to and including `to` (两日期间工作日数)' })
  countWorkingDays(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: Context,
  ): number {
    checkDate(from, 'from');
    checkDate(to, 'to');
    if (Math.abs(Date.parse(to) - Date.parse(from)) > MAX_SPAN_DAYS * 86_400_000) {
      throw new BadInputError('日期跨度不能超过 10 年', 'to');
    }
    return ctx.calendar.countWorkingDays(from, to);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [CalendarYear], { description: 'Every year with holiday data, its source and counts (节假日数据) — admin only' })
  calendarYears(@Ctx() ctx: Context): CalendarYear[] {
    return ctx.services.calendarYears.years(requireUser(ctx)).map(calendarYearType);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LoadCalendarYearPayload, {
    description:
      'Load a year’s holiday arrangement as the State Council published it (载入节假日安排): checked, stored as a new version, audited, and used at once by every deadline; replacing data needs a reason — admin only',
  })
  async loadCalendarYear(@Arg('input') input: LoadCalendarYearInput, @Ctx() ctx: Context) {
    return changePayload(await ctx.services.calendarYears.load(requireUser(ctx), input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WithdrawCalendarYearPayload, {
    description: 'Withdraw a year’s stored holiday data with a reason (撤回): the year falls back to the file, the package, or no data — admin only',
  })
  async withdrawCalendarYear(@Arg('input') input: WithdrawCalendarYearInput, @Ctx() ctx: Context) {
    return changePayload(await ctx.services.calendarYears.withdraw(requireUser(ctx), input));
  }
}
