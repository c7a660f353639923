import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../core/errors';
import { CROSS_DEPARTMENT_ROLES } from '../core/roles';
import { requireUser } from '../graphql/auth';
import type { Context } from '../graphql/context';
import { Department } from '../identity/department.entity';
import { AnnualFigureKey } from './annual-figures';
import { AnnualDepartmentRate, AnnualDepartmentValue, AnnualFigure, AnnualRecord, AnnualReportType } from './annual-report.types';

async function departmentOf(departmentId: string, ctx: Context): Promise<Department> {
  const d = await ctx.loaders.departmentById.load(departmentId);
  if (!d) throw new NotFoundError('部门', departmentId);
  return d;
}

@Resolver(() => AnnualReportType)
export class AnnualReportResolver {
  @Authorized(...CROSS_DEPARTMENT_ROLES)
  @Query(() => AnnualReportType, { description: 'The figures of a rule-of-law year (年度法治统计), computed in one statement; cross-department roles' })
  annualReport(@Arg('year', () => Int) year: number, @Ctx() ctx: Context) {
    return ctx.services.annualReport.annualReport(requireUser(ctx), year);
  }

  @FieldResolver(() => AnnualFigure, { description: 'One figure by its key: the drill-down' })
  figure(@Root() r: AnnualReportType, @Arg('key', () => AnnualFigureKey) key: AnnualFigureKey): AnnualFigure {
    return r.figures.find((f) => f.key === key)!;
  }
}

@Resolver(() => AnnualDepartmentValue)
export class AnnualDepartmentValueResolver {
  @FieldResolver(() => Department)
  department(@Root() v: { departmentId: string }, @Ctx() ctx: Context) {
    return departmentOf(v.departmentId, ctx);
  }
}

@Resolver(() => AnnualDepartmentRate)
export class AnnualDepartmentRateResolver {
  @FieldResolver(() => Department)
  department(@Root() v: { departmentId: string }, @Ctx() ctx: Context) {
    return departmentOf(v.departmentId, ctx);
  }
}

@Resolver(() => AnnualRecord)
export class AnnualRecordResolver {
  @FieldResolver(() => Department)
  department(@Root() v: { departmentId: string }, @Ctx() ctx: Context) {
    return departmentOf(v.departmentId, ctx);
  }
}
