import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { BadInputError } from '../core/errors';
import type { Context } from '../graphql/context';
import { DayKind, Holiday } from './calendar.enums';
import { isValidLocalDate } from './working-days';

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

function checkDate(value: string, field: string): string {
  if (!isValidLocalDate(value)) throw new BadInputError(`${field} 不是有效日期（YYYY-MM-DD）`, field);
  return value;
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
}
