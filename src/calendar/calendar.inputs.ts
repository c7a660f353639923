import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import type { LoadCalendarYearCommand, WithdrawCalendarYearCommand } from './calendar.commands';
import { MAX_DAY_NAME_LENGTH, type CalendarDayEntry } from './calendar.rules';

// Dates, year, names and their consistency are checked by calendar.rules.ts, all problems at once.

@InputType({ description: 'A day of a holiday arrangement: a day off, or a weekend day worked (放假日或调休上班日)' })
export class CalendarDayInput implements CalendarDayEntry {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field({ description: 'As published: 元旦, 春节 … for days off; 春节调休上班 … for make-up working days' })
  @MaxLength(MAX_DAY_NAME_LENGTH)
  name!: string;
}

@InputType({ description: 'One year’s holiday arrangement as the State Council published it (载入年度节假日安排)' })
export class LoadCalendarYearInput implements LoadCalendarYearCommand {
  @Field(() => Int)
  year!: number;

  @Field(() => [CalendarDayInput], { description: 'Every day off, weekend days inside a holiday span included' })
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  holidays!: CalendarDayInput[];

  @Field(() => [CalendarDayInput], { description: 'Every weekend day worked to make up for a holiday (调休上班)' })
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  makeUpWorkingDays!: CalendarDayInput[];

  @Field(() => String, { nullable: true, description: 'Required when the year already has data: why it is replaced (e.g. the correcting notice)' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType({ description: 'Withdraw a year’s stored holiday data (撤回): it falls back to the file, the package, or no data' })
export class WithdrawCalendarYearInput implements WithdrawCalendarYearCommand {
  @Field(() => Int)
  year!: number;

  @Field()
  @Length(1, 2000)
  @Matches(/\S/)
  reason!: string;
}
