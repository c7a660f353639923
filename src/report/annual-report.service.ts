import type { EntityManager } from '@mikro-orm/postgresql';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { BadInputError } from '../core/errors';
import { assertAnyRole, CROSS_DEPARTMENT_ROLES, type Actor } from '../core/roles';
import { AnnualFigureKey, AnnualSection, caseOutcomes, figureOf, rateOf, type AnnualFigure, type AnnualRate, type FigureRow } from './annual-figures';

export interface AnnualReportDeps {
  config: Config;
  clock: Clock;
}

export interface AnnualReport {
  year: number;
  /** The day the figures were computed (open items — overdue, unfiled — are counted as of this day). */
  asOf: string;
  figures: AnnualFigure[];
  rates: AnnualRate[];
  caseOutcomes: { kind: string; outcome: string; count: number; ids: string[] }[];
  /** The figures of the problems section (R-AR-3): late filings and overdue reviews. */
  problems: AnnualFigure[];
}

/**
 * Every row behind every figure of a year, in ONE statement: each branch of the union selects the
 * records of one figure with their department, the day that places them in the year and a label.
 * Counting follows R-AR-1 — records, not events; distinct contracts and enforcement cases; issued
 * opinions apart from the corrections that supersede them; a case in the year it was opened, its
 * outcome in the year it closed. Parameters: first and last day of the year, time zone, today.
 */
const ROWS_SQL = `
with p as (select ?::date as y0, ?::date as y1, ?::text as tz, ?::date as today),
issued as (
  select o.id, o.supersedes_id, o.issued_at, (o.issued_at at time zone p.tz)::date as on_day,
         r.id as review_id, r.code, r.subject_title, r.subject_type, r.subject_id, r.department_id
    from legal_opinion o join review_request r on r.id = o.review_id, p
   where o.status = 'ISSUED' and (o.issued_at at time zone p.tz)::date between p.y0 and p.y1
),
first_of_subject as (
  select distinct on (subject_type, subject_id) subject_type, subject_id, on_day
    from issued where supersedes_id is null order by subject_type, subject_id, issued_at, id
),
first_of_review as (
  select distinct on (review_id) review_id, on_day from issued where supersedes_id is null and subject_type = 'CONTRACT' order by review_id, issued_at, id
)
select 'DECISIONS' as figure, d.id, pr.sponsor_department_id as department_id, d.signed_on as on_day,
       coalesce(d.document_number || ' ', '') || pr.title as label, 1 as amount
  from decision d join decision_proposal pr on pr.id = d.proposal_id, p
 where d.signed_on between p.y0 and p.y1
union all
select case when i.supersedes_id is null then 'LEGAL_OPINIONS' else 'OPINION_CORRECTIONS' end, i.id, i.department_id, i.on_day, i.code || ' ' || i.subject_title, 1
  from issued i
union all
select 'CONTRACTS_REVIEWED', c.id, c.department_id, f.on_day, c.code || ' ' || c.title, 1
  from first_of_subject f join contract c on c.id = f.subject_id where f.subject_type = 'CONTRACT'
union all
select 'CONTRACT_REVIEWS', r.id, r.department_id, f.on_day, r.code || ' ' || r.subject_title, 1
  from first_of_review f join review_request r on r.id = f.review_id
union all
select 'ENFORCEMENT_DECISIONS_REVIEWED', e.id, e.department_id, f.on_day, e.code || ' ' || e.title, 1
  from first_of_subject f join enforcement_case e on e.id = f.subject_id where f.subject_type = 'ENFORCEMENT_DECISION'
union all
select x.figure, n.id, n.sponsor_department_id, n.published_on, coalesce(n.registration_number || ' ', '') || n.title, 1
  from normative_document n, p,
       lateral (values ('NORMATIVE_DOCUMENTS_ISSUED', true),
                       ('FILING_REQUIRED', n.confirmed_verdict = 'FILING_REQUIRED'),
                       ('FILED', n.confirmed_verdict = 'FILING_REQUIRED' and n.filed_on is not null),
                       ('FILED_ON_TIME', n.confirmed_verdict = 'FILING_REQUIRED' and n.filed_on <= n.filing_due_on)) as x(figure, applies)
 where n.published_on between p.y0 and p.y1 and n.state <> 'DRAFTING' and x.applies
union all
select 'DOCUMENTS_CLEANED_UP', ce.id, n.sponsor_department_id, cc.started_on,
       n.title || '（' || case ce.outcome when 'KEEP' then '保留' when 'AMEND' then '修改' else '废止' end || '）', 1
  from cleanup_entry ce join cleanup_campaign cc on cc.id = ce.campaign_id join normative_document n on n.id = ce.document_id, p
 where cc.started_on between p.y0 and p.y1
union all
select 'DOCUMENTS_ENDED', n.id, n.sponsor_department_id, x.on_day,
       coalesce(n.registration_number || ' ', '') || n.title || '（' || case n.state when 'REPEALED' then '废止' when 'AMENDED' then '修订' else '届满失效' end || '）', 1
  from normative_document n, p,
       lateral (select case when n.state in ('REPEALED', 'AMENDED') then n.ended_on when n.state = 'RELEASED' then n.valid_until + 1 end as on_day) x
 where x.on_day between p.y0 and p.y1 and x.on_day <= p.today
union all
select 'CONSULTATIONS', c.id, c.department_id, c.consulted_on, c.topic || '（' || c.requester || '）', 1
  from legal_consultation c, p where c.consulted_on between p.y0 and p.y1
union all
select 'MEDIATIONS', m.id, m.department_id, m.received_on, m.parties, 1
  from dispute_mediation m, p where m.received_on between p.y0 and p.y1
union all
select 'MEDIATIONS_SETTLED', m.id, m.department_id, m.closed_on, m.parties, 1
  from dispute_mediation m, p where m.outcome = 'SETTLED' and m.closed_on between p.y0 and p.y1
union all
select case a.kind when 'LITIGATION' then 'LITIGATION_CASES' else 'RECONSIDERATION_CASES' end, a.id, a.department_id, a.opened_on, a.case_number || ' ' || a.cause, 1
  from administrative_case a, p where a.opened_on between p.y0 and p.y1
union all
select x.figure, a.id, a.department_id, a.closed_on, a.case_number || ' ' || a.cause, 1
  from administrative_case a, p, lateral (values ('CASES_CLOSED'), ('CASE_OUTCOME:' || a.kind || ':' || a.outcome)) as x(figure)
 where a.stage = 'CLOSED' and a.closed_on between p.y0 and p.y1
union all
select x.figure, e.id, e.department_id, e.held_on, e.topic, x.amount
  from publicity_event e, p, lateral (values ('PUBLICITY_EVENTS', 1), ('PUBLICITY_AUDIENCE', e.audience_size)) as x(figure, amount)
 where e.held_on between p.y0 and p.y1
union all
select 'LATE_FILINGS', n.id, n.sponsor_department_id, n.filing_due_on,
       coalesce(n.registration_number || ' ', '') || n.title || case when n.filed_on is null then '（逾期未报备）' else '（' || n.filed_on || ' 逾期报备）' end, 1
  from normative_document n, p
 where n.filing_due_on between p.y0 and p.y1 and (n.filed_on > n.filing_due_on or (n.filed_on is null and n.filing_due_on < p.today))
union all
select 'OVERDUE_REVIEWS', r.id, r.department_id, r.due_on,
       r.code || ' ' || r.subject_title || case when r.opinion_issued_on is null then '（逾期未出具意见）' else '（' || r.opinion_issued_on || ' 出具意见，已超期）' end, 1
  from review_request r, p
 where r.due_on between p.y0 and p.y1
   and (r.opinion_issued_on > r.due_on or (r.opinion_issued_on is null and r.status = 'ACCEPTED' and r.due_on < p.today))
order by on_day, id, figure`;

/**
 * The annual rule-of-law report's figures (法治政府建设年度报告, R-AR-1 … R-AR-3): every figure of
 * the year with the ids of the records behind it, by month and by department, read in one statement.
 * Read by the cross-department roles (the figures span every department).
 */
export class AnnualReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AnnualReportDeps,
  ) {}

  async annualReport(user: Actor, year: number): Promise<AnnualReport> {
    assertAnyRole(user, CROSS_DEPARTMENT_ROLES, '查看年度法治统计');
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError('年度应为 2000–2100 之间的整数', 'year');
    const asOf = localDateOf(this.deps.clock.now(), this.deps.config.timeZone);
    const raw = await this.em.getConnection().execute<{ figure: string; id: string; department_id: string; on_day: string | Date; label: string; amount: number }[]>(ROWS_SQL, [
      `${year}-01-01`,
      `${year}-12-31`,
      this.deps.config.timeZone,
      asOf,
    ]);
    const rows: FigureRow[] = raw.map((r) => ({ figure: r.figure, id: r.id, departmentId: r.department_id, on: dayOf(r.on_day), label: r.label, amount: Number(r.amount) }));
    const figures = Object.values(AnnualFigureKey).map((key) => figureOf(key, rows.filter((r) => r.figure === key)));
    const get = (key: AnnualFigureKey) => figures.find((f) => f.key === key)!;
    return {
      year,
      asOf,
      figures,
      rates: [
        rateOf('FILING_RATE', '报备率', get(AnnualFigureKey.FILED), get(AnnualFigureKey.FILING_REQUIRED)),
        rateOf('ON_TIME_RATE', '报备及时率', get(AnnualFigureKey.FILED_ON_TIME), get(AnnualFigureKey.FILED)),
      ],
      caseOutcomes: caseOutcomes(rows.filter((r) => r.figure.startsWith('CASE_OUTCOME:'))),
      problems: figures.filter((f) => f.section === AnnualSection.PROBLEMS),
    };
  }
}

/** A date column as YYYY-MM-DD (the driver returns strings for dates; a Date is read in UTC). */
function dayOf(v: string | Date): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}
