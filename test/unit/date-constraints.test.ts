import { dateViolations, daysBetween, defineDateTable, describeDateConstraint } from '../../src/core/date-constraints';
import { ruleById } from '../../src/core/rules/registry';
import { DIRECTORY_DATES } from '../../src/directory/directory-dates.rules';
import { DECISION_DATES, MEETING_DATES } from '../../src/deliberation/deliberation-dates.rules';
import { FILING_DATES, normativeDates } from '../../src/normative/normative-dates.rules';
import { PROPOSAL_DATES } from '../../src/proposal/proposal-dates.rules';
import { DEFAULT_RULES } from '../../src/core/config';

/** The one mechanism of temporal invariants (src/core/date-constraints.ts) and the areas' tables. */

type F = 'reportedOn' | 'publishedOn' | 'effectiveOn' | 'reportsOn';
const TABLE = defineDateTable<F, 'urgent'>({
  labels: { reportedOn: '报告日期', publishedOn: '公布日期', effectiveOn: '施行日期', reportsOn: '执行报告日期' },
  conditions: { urgent: '说明紧急理由' },
  constraints: [
    { field: 'reportedOn', notAfterToday: true, rule: 'R-DEC-13', because: '已经发生' },
    { field: 'publishedOn', onOrAfter: 'reportedOn', rule: 'R-DEC-13', because: '公布前须报告' },
    { field: 'effectiveOn', onOrAfter: 'publishedOn', rule: 'R-ND-4', code: 'EFFECTIVE_BEFORE_PUBLICATION', because: '公布后施行' },
    { field: 'effectiveOn', onOrAfter: 'publishedOn', minDaysAfter: 30, waivedBy: 'urgent', tooSoonCode: 'EFFECTIVE_TOO_SOON', rule: 'R-ND-4', because: '一般 30 日后施行' },
    { field: 'reportsOn', after: 'publishedOn', requiresOther: true, rule: 'R-DEC-16', because: '公布后执行' },
  ],
});
const today = '2026-03-05';
const check = (facts: Parameters<typeof dateViolations<F, 'urgent'>>[1], urgent = false) => dateViolations(TABLE, facts, { today, conditions: { urgent } });

describe('date constraints: one table, one function', () => {
  it('refuses a recorded fact in the future, naming the date, today and the rule', () => {
    expect(check({ reportedOn: '2026-03-06' })).toEqual([
      { rule: 'R-DEC-13', code: 'DATE_IN_FUTURE', message: '「报告日期」2026-03-06 晚于今天（2026-03-05）：已经发生 (R-DEC-13)' },
    ]);
    expect(check({ reportedOn: '2026-03-05' })).toEqual([]);
  });

  it('checks a pair whichever date is entered second, naming both dates with their labels', () => {
    const v = [{ rule: 'R-DEC-13', code: 'DATE_ORDER', message: '「公布日期」2026-03-01 早于「报告日期」2026-03-02：公布前须报告 (R-DEC-13)' }];
    expect(check({ reportedOn: '2026-03-02', publishedOn: '2026-03-01' })).toEqual(v);
    expect(check({ publishedOn: '2026-03-01', reportedOn: '2026-03-02' })).toEqual(v);
    expect(check({ publishedOn: '2026-03-01' })).toEqual([]); // the other date unknown yet
  });

  it('applies a minimum gap unless waived, and reports one violation per pair of dates', () => {
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-03-10' }).map((v) => v.code)).toEqual(['EFFECTIVE_TOO_SOON']);
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-03-10' })[0]!.message).toBe(
      '「施行日期」2026-03-10 距「公布日期」2026-03-01 仅 9 日，少于 30 日且未说明紧急理由：一般 30 日后施行 (R-ND-4)',
    );
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-03-10' }, true)).toEqual([]);
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-03-31' })).toEqual([]);
    // before the other date: only the order is reported, not also "too soon"
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-02-28' }).map((v) => v.code)).toEqual(['EFFECTIVE_BEFORE_PUBLICATION']);
    expect(check({ publishedOn: '2026-03-01', effectiveOn: '2026-02-28' }, true).map((v) => v.code)).toEqual(['EFFECTIVE_BEFORE_PUBLICATION']);
  });

  it('checks every date of a list, strictly where the relation is strict, and requires the other date when told', () => {
    expect(check({ publishedOn: '2026-03-01', reportsOn: ['2026-03-02', '2026-03-01', '2026-02-27'] }).map((v) => v.message)).toEqual([
      '「执行报告日期」2026-03-01 不晚于「公布日期」2026-03-01：公布后执行 (R-DEC-16)',
      '「执行报告日期」2026-02-27 早于「公布日期」2026-03-01：公布后执行 (R-DEC-16)',
    ]);
    expect(check({ reportsOn: ['2026-03-02'] })).toEqual([
      { rule: 'R-DEC-16', code: 'DATE_MISSING', message: '已有「执行报告日期」2026-03-02，但尚无「公布日期」：公布后执行 (R-DEC-16)' },
    ]);
    expect(check({ reportsOn: [] })).toEqual([]);
  });

  it('refuses malformed tables at definition', () => {
    const labels = { a: 'A', b: 'B' };
    expect(() => defineDateTable({ labels, constraints: [{ field: 'a', rule: 'R-DEC-13', because: 'x' }] })).toThrow(/exactly one/);
    expect(() => defineDateTable({ labels, constraints: [{ field: 'a', notAfterToday: true, onOrAfter: 'b', rule: 'R-DEC-13', because: 'x' }] })).toThrow(/exactly one/);
    expect(() => defineDateTable({ labels, constraints: [{ field: 'a', before: 'b', minDaysAfter: 3, rule: 'R-DEC-13', because: 'x' }] })).toThrow(/onOrAfter/);
    expect(() => defineDateTable({ labels, constraints: [{ field: 'a', onOrAfter: 'a', rule: 'R-DEC-13', because: 'x' }] })).toThrow(/itself/);
    expect(() => defineDateTable({ labels: { a: 'A' }, constraints: [{ field: 'a', onOrAfter: 'b' as 'a', rule: 'R-DEC-13', because: 'x' }] })).toThrow(/no label/);
    expect(() => defineDateTable({ labels, constraints: [{ field: 'a', notAfterToday: true, requiresOther: true, rule: 'R-DEC-13', because: 'x' }] })).toThrow(/another date/);
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
  });

  it('every area table cites registered rules, in Chinese, and reads as a sentence', () => {
    const tables = [DIRECTORY_DATES, PROPOSAL_DATES, MEETING_DATES, DECISION_DATES, normativeDates(DEFAULT_RULES), FILING_DATES] as const;
    for (const table of tables) {
      for (const c of table.constraints as readonly { rule: string; because: string }[]) {
        expect(ruleById(c.rule)).toBeDefined();
        expect(c.because).toMatch(/[\u4e00-\u9fff]/);
        expect(describeDateConstraint(table as never, c as never)).toMatch(/^「.+」.+ \(R-[A-Z]+-\d+\)$/);
      }
      for (const label of Object.values(table.labels as Record<string, string>)) expect(label).toMatch(/^[\u4e00-\u9fff（）]+$/);
    }
    expect(describeDateConstraint(normativeDates(DEFAULT_RULES), normativeDates(DEFAULT_RULES).constraints.find((c) => c.minDaysAfter)!)).toBe(
      '「施行日期」不早于「公布日期」，且至少晚 30 日（说明紧急理由的除外） (R-ND-4)',
    );
  });
});
