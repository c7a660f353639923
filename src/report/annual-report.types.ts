import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AdministrativeCaseKind, AdministrativeCaseOutcome } from '../register/register.enums';
import { AnnualFigureKey, AnnualRecordKind, AnnualSection } from './annual-figures';

export enum AnnualRateKey {
  FILING_RATE = 'FILING_RATE',
  ON_TIME_RATE = 'ON_TIME_RATE',
}
registerEnumType(AnnualRateKey, {
  name: 'AnnualRateKey',
  description: 'A rate of the annual report (年度比率)',
  valuesConfig: { FILING_RATE: { description: '报备率：已报备 / 应报备' }, ON_TIME_RATE: { description: '报备及时率：按时报备 / 已报备' } },
});

@ObjectType({ description: 'A figure’s part in one month (月度数据)' })
export class AnnualMonthValue {
  @Field(() => Int, { description: '1–12' })
  month!: number;

  @Field(() => Int)
  value!: number;

  @Field(() => [ID], { description: 'The records behind it' })
  ids!: string[];
}

@ObjectType({ description: 'A figure’s part in one department (部门数据)' })
export class AnnualDepartmentValue {
  departmentId!: string;

  @Field(() => Int)
  value!: number;

  @Field(() => [ID], { description: 'The records behind it' })
  ids!: string[];
}

@ObjectType({ description: 'One record behind a figure: the drill-down row (数据来源记录)' })
export class AnnualRecord {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Code, number and title or topic, as the report shows it' })
  label!: string;

  @Field(() => LocalDateResolver, { description: 'The day that places it in the year' })
  on!: string;

  departmentId!: string;

  @Field(() => Int, { description: 'What it adds to the figure: 1, or the audience of a publicity event' })
  amount!: number;
}

@ObjectType({ description: 'A figure of the annual rule-of-law report, with the records behind it (年度报告数据项), R-AR-1' })
export class AnnualFigure {
  @Field(() => AnnualFigureKey)
  key!: AnnualFigureKey;

  @Field({ description: 'Chinese name (名称)' })
  label!: string;

  @Field({ description: 'What it counts, in the report’s words (统计口径)' })
  counts!: string;

  @Field(() => AnnualSection)
  section!: AnnualSection;

  @Field(() => AnnualRecordKind, { description: 'Kind of the records behind it' })
  record!: AnnualRecordKind;

  @Field(() => Int, { description: 'The figure: number of records, or the audience for PUBLICITY_AUDIENCE' })
  value!: number;

  @Field(() => [ID], { description: 'Ids of the records behind it' })
  ids!: string[];

  @Field(() => [AnnualMonthValue], { description: 'By month: always twelve entries' })
  byMonth!: AnnualMonthValue[];

  @Field(() => [AnnualDepartmentValue], { description: 'By department, largest first (departments with records only)' })
  byDepartment!: AnnualDepartmentValue[];

  @Field(() => [AnnualRecord], { description: 'The records behind it, by day: the drill-down (as many as the figure counts)' })
  records!: AnnualRecord[];
}

@ObjectType({ description: 'A rate in one month (月度比率)' })
export class AnnualMonthRate {
  @Field(() => Int)
  month!: number;

  @Field(() => Float, { nullable: true, description: 'null when nothing was due' })
  rate!: number | null;
}

@ObjectType({ description: 'A rate in one department (部门比率)' })
export class AnnualDepartmentRate {
  departmentId!: string;

  @Field(() => Float, { nullable: true })
  rate!: number | null;
}

@ObjectType({ description: 'A rate between two figures (报备率、报备及时率), R-ND-8' })
export class AnnualRate {
  @Field(() => AnnualRateKey)
  key!: AnnualRateKey;

  @Field()
  label!: string;

  @Field(() => AnnualFigureKey)
  numerator!: AnnualFigureKey;

  @Field(() => AnnualFigureKey)
  denominator!: AnnualFigureKey;

  @Field(() => Float, { nullable: true, description: '0–1; null when the denominator is 0' })
  rate!: number | null;

  @Field(() => [AnnualMonthRate])
  byMonth!: AnnualMonthRate[];

  @Field(() => [AnnualDepartmentRate])
  byDepartment!: AnnualDepartmentRate[];
}

@ObjectType({ description: 'Administrative cases closed in the year by kind and outcome (结案结果), R-AR-1' })
export class AnnualCaseOutcome {
  @Field(() => AdministrativeCaseKind)
  kind!: AdministrativeCaseKind;

  @Field(() => AdministrativeCaseOutcome)
  outcome!: AdministrativeCaseOutcome;

  @Field(() => Int)
  count!: number;

  @Field(() => [ID])
  ids!: string[];
}

@ObjectType({
  description:
    'The figures of a street’s rule-of-law year (法治政府建设年度报告数据), R-AR-1…3: each with the records behind it, by month and by department; the problems found (late filings, overdue reviews) for the report’s second part',
})
export class AnnualReportType {
  @Field(() => Int)
  year!: number;

  @Field(() => LocalDateResolver, { description: 'Open items (unfiled, overdue) are counted as of this day' })
  asOf!: string;

  @Field(() => [AnnualFigure], { description: 'Every figure, in the report’s order' })
  figures!: AnnualFigure[];

  @Field(() => [AnnualRate])
  rates!: AnnualRate[];

  @Field(() => [AnnualCaseOutcome])
  caseOutcomes!: AnnualCaseOutcome[];

  @Field(() => [AnnualFigure], { description: 'The problems section (存在的问题): late filings and overdue reviews of the year, each with its records' })
  problems!: AnnualFigure[];
}
