import { DEFAULT_RULES } from '../src/core/config';
import { describeDateConstraint, type DateConstraint, type DateTable } from '../src/core/date-constraints';
import { DECISION_DATES, MEETING_DATES } from '../src/deliberation/deliberation-dates.rules';
import { DIRECTORY_DATES } from '../src/directory/directory-dates.rules';
import { FILING_DATES, normativeDates } from '../src/normative/normative-dates.rules';
import { PROPOSAL_DATES } from '../src/proposal/proposal-dates.rules';

type AnyTable = DateTable<string, string>;

/** Every area's date table (src/core/date-constraints.ts), as declared in the areas' `*-dates.rules.ts`. */
export const DATE_TABLES: readonly AnyTable[] = [
  DIRECTORY_DATES,
  PROPOSAL_DATES,
  MEETING_DATES,
  DECISION_DATES,
  normativeDates(DEFAULT_RULES),
  FILING_DATES,
] as unknown as AnyTable[];

/** Rule id → the date constraints checked under it, in words (for docs/rules.md). */
export function dateChecks(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const table of DATE_TABLES) {
    for (const c of table.constraints as readonly DateConstraint<string, string>[]) {
      if (!out.has(c.rule)) out.set(c.rule, []);
      const line = `${describeDateConstraint(table, c, false)}：${c.because}`;
      if (!out.get(c.rule)!.includes(line)) out.get(c.rule)!.push(line);
    }
  }
  return out;
}
