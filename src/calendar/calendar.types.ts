import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AuditSubjectType } from '../audit/audit.enums';
import { CalendarSource, DayKind, Holiday } from './calendar.enums';
import type { WorkingCalendar } from './working-days';

@ObjectType({
  description:
    'A due date counted in working days (期限). Provisional (暂定) while it counts through a year without holiday data — there only weekends are off — so it may move when that year’s arrangement is loaded',
})
export class DueDate {
  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Field({ description: 'Counted through a year without holiday data: may move once the year is loaded (暂定)' })
  provisional!: boolean;

  @Field(() => [Int], { description: 'The years without holiday data it counts through (empty when not provisional)' })
  uncoveredYears!: number[];
}

/** The due date `dueOn`, counted in working days from `from`, with whether it is provisional. */
export function dueDateOf(calendar: WorkingCalendar, from: string | null | undefined, dueOn: string | null | undefined): DueDate | null {
  if (!dueOn) return null;
  const uncoveredYears = calendar.uncoveredYears(from ?? dueOn, dueOn);
  return { dueOn, provisional: uncoveredYears.length > 0, uncoveredYears };
}

@ObjectType({ description: 'A holiday or make-up working day of a year’s arrangement (放假日或调休上班日)' })
export class CalendarYearDay {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => DayKind, { description: 'PUBLIC_HOLIDAY or MAKE_UP_WORKING_DAY' })
  kind!: DayKind;

  @Field(() => Holiday, { nullable: true, description: 'The statutory holiday of a day off (OTHER for a one-off day off)' })
  holiday!: Holiday | null;

  @Field({ description: 'Its name as published (春节, 春节调休上班 …)' })
  name!: string;
}

@ObjectType({ description: 'A year with holiday data, and where it comes from (年度节假日数据)' })
export class CalendarYear {
  @Field(() => Int)
  year!: number;

  @Field(() => CalendarSource, { description: 'The source in force: DATABASE replaces FILE, which replaces PACKAGE, year by year' })
  source!: CalendarSource;

  @Field(() => Int, { description: 'Days off for public holidays (weekend days inside a holiday span included)' })
  holidayCount!: number;

  @Field(() => Int, { description: 'Make-up working days (调休上班)' })
  makeUpWorkingDayCount!: number;

  @Field(() => Int, { nullable: true, description: 'DATABASE: the version in force (each load or correction is a new version)' })
  version!: number | null;

  @Field(() => Date, { nullable: true, description: 'DATABASE: when the version in force was loaded' })
  loadedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'DATABASE: who loaded it (user name, or "system" for the CLI)' })
  loadedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'DATABASE: why it replaced the earlier data' })
  reason!: string | null;

  @Field(() => [CalendarSource], { description: 'Lower sources that also hold the year and are replaced by this one' })
  shadows!: CalendarSource[];

  @Field(() => [CalendarYearDay], { description: 'Its holidays and make-up working days, by date (about 40 a year: a plain list)' })
  days!: CalendarYearDay[];
}

@ObjectType({ description: 'A stored due date moved by a change of holiday data (期限重算), also on its subject’s audit trail' })
export class RecomputedDeadline {
  @Field(() => AuditSubjectType)
  subjectType!: AuditSubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field({ description: 'What it is, e.g. 审查期限 SC-2026-012' })
  label!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  dueBefore!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  dueAfter!: string | null;
}
