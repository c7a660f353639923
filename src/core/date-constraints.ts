import type { Violation } from './errors';
import type { RuleId } from './rules/registry';

/**
 * The one mechanism for temporal invariants (a record whose dates never contradict each other).
 *
 * Each area declares, once, the dates of its records and how they relate — in a table of its
 * `*-dates.rules.ts` file — and every use case that enters or changes a date evaluates the table
 * over the record's dates as they will be after the change. Because a constraint relates two fields
 * and is checked whenever both are known, the pair is checked whichever of its dates is entered
 * second: a Party report recorded after the publication it had to precede is refused just as a
 * publication dated before the Party report is.
 *
 * Dates are calendar dates written YYYY-MM-DD in the business time zone; `today` is the injected
 * clock's date there. A field may hold a list (execution reports, received opinions): every element
 * must satisfy the constraint. Pure: no clock, no I/O.
 */

/** One constraint on `field`: exactly one of `notAfterToday`, `onOrAfter`, `after`, `onOrBefore`, `before`. */
export interface DateConstraint<F extends string, C extends string = never> {
  field: F;
  rule: RuleId;
  /** Why, in Chinese: the rule in words. Ends the message, before the rule id. */
  because: string;
  /** Machine code of the violation (defaults: DATE_IN_FUTURE, DATE_ORDER, DATE_MISSING). */
  code?: string;
  /** A recorded past fact: not after today. */
  notAfterToday?: true;
  onOrAfter?: F;
  after?: F;
  onOrBefore?: F;
  before?: F;
  /** With `onOrAfter`: at least this many calendar days after the other date. */
  minDaysAfter?: number;
  /** Code when only the minimum gap is short (default DATE_TOO_SOON). */
  tooSoonCode?: string;
  /** The minimum gap does not apply while this condition of the record holds (e.g. an urgent reason is recorded). */
  waivedBy?: C;
  /** The other date must be known once this one is (a post-evaluation needs a publication to follow). */
  requiresOther?: true;
}

export interface DateTable<F extends string, C extends string = never> {
  /** Chinese label of every date, as messages name it. */
  labels: Readonly<Record<F, string>>;
  /** What each waiving condition means, as a Chinese verb phrase (e.g. 说明紧急理由). */
  conditions?: Readonly<Record<C, string>>;
  constraints: readonly DateConstraint<F, C>[];
}

/** A date, nothing yet, or a list of dates every one of which must satisfy the constraints. */
export type DateValue = string | null | undefined | readonly (string | null | undefined)[];
export type DateFacts<F extends string> = Partial<Record<F, DateValue>>;

export interface DateContext<C extends string = never> {
  /** Today in the business time zone (YYYY-MM-DD). */
  today: string;
  /** The record's waiving conditions; absent means false. */
  conditions?: Partial<Record<C, boolean>>;
}

type Relation = 'onOrAfter' | 'after' | 'onOrBefore' | 'before';
const RELATIONS: readonly Relation[] = ['onOrAfter', 'after', 'onOrBefore', 'before'];

function relationOf<F extends string, C extends string>(c: DateConstraint<F, C>): { relation: Relation; other: F } | null {
  for (const r of RELATIONS) {
    const other = c[r];
    if (other) return { relation: r, other };
  }
  return null;
}

/** Checks a table once, at definition: one relation per constraint, known fields, gaps only after. */
export function defineDateTable<F extends string, C extends string = never>(table: DateTable<F, C>): DateTable<F, C> {
  for (const c of table.constraints) {
    const where = `date constraint on ${c.field} (${c.rule})`;
    const relations = RELATIONS.filter((r) => c[r] !== undefined).length + (c.notAfterToday ? 1 : 0);
    if (relations !== 1) throw new Error(`${where}: exactly one of notAfterToday, onOrAfter, after, onOrBefore, before`);
    const rel = relationOf(c);
    for (const f of [c.field, rel?.other].filter((x): x is F => !!x)) {
      if (!(f in table.labels)) throw new Error(`${where}: no label for ${f}`);
    }
    if (rel && rel.other === c.field) throw new Error(`${where}: a date cannot be compared with itself`);
    if (c.minDaysAfter !== undefined && rel?.relation !== 'onOrAfter') throw new Error(`${where}: minDaysAfter needs onOrAfter`);
    if (c.waivedBy !== undefined && c.minDaysAfter === undefined) throw new Error(`${where}: only a minimum gap can be waived`);
    if (c.waivedBy !== undefined && !(table.conditions && c.waivedBy in table.conditions)) throw new Error(`${where}: unknown condition ${c.waivedBy}`);
    if (c.requiresOther && !rel) throw new Error(`${where}: requiresOther needs another date`);
  }
  return table;
}

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (YYYY-MM-DD), positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function valuesOf(v: DateValue): string[] {
  if (v === null || v === undefined) return [];
  const list = typeof v === 'string' ? [v] : v;
  return list.filter((x): x is string => typeof x === 'string' && x !== '');
}

/**
 * Every broken constraint of the record, each a violation of its rule naming both dates with their
 * Chinese labels (or the date and today). A pair of dates yields at most one violation: the first
 * failing constraint of the table that relates them (so a date before the other is not also "too
 * soon" after it).
 */
export function dateViolations<F extends string, C extends string = never>(
  table: DateTable<F, C>,
  facts: DateFacts<F>,
  ctx: DateContext<C>,
): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const label = (f: F) => `「${table.labels[f]}」`;
  const push = (c: DateConstraint<F, C>, fallbackCode: string, what: string) =>
    out.push({ rule: c.rule, code: c.code ?? fallbackCode, message: `${what}：${c.because} (${c.rule})` });

  for (const c of table.constraints) {
    const values = valuesOf(facts[c.field]);
    if (values.length === 0) continue;
    if (c.notAfterToday) {
      for (const v of values) {
        const key = `${c.field}=${v}|today`;
        if (v > ctx.today && !seen.has(key)) {
          seen.add(key);
          push(c, 'DATE_IN_FUTURE', `${label(c.field)}${v} 晚于今天（${ctx.today}）`);
        }
      }
      continue;
    }
    const { relation, other } = relationOf(c)!;
    const others = valuesOf(facts[other]);
    if (others.length === 0) {
      if (c.requiresOther) {
        for (const v of values) {
          const key = `${c.field}=${v}|${other}=`;
          if (seen.has(key)) continue;
          seen.add(key);
          push(c, 'DATE_MISSING', `已有${label(c.field)}${v}，但尚无${label(other)}`);
        }
      }
      continue;
    }
    for (const v of values) {
      for (const o of others) {
        const key = `${c.field}=${v}|${other}=${o}`;
        if (seen.has(key)) continue;
        const what = orderProblem(relation, v, o);
        if (what) {
          seen.add(key);
          push(c, 'DATE_ORDER', `${label(c.field)}${v} ${what}${label(other)}${o}`);
          continue;
        }
        if (c.minDaysAfter !== undefined && !(c.waivedBy && ctx.conditions?.[c.waivedBy])) {
          const gap = daysBetween(o, v);
          if (gap < c.minDaysAfter) {
            seen.add(key);
            const unless = c.waivedBy ? `且未${table.conditions![c.waivedBy]}` : '';
            out.push({
              rule: c.rule,
              code: c.tooSoonCode ?? 'DATE_TOO_SOON',
              message: `${label(c.field)}${v} 距${label(other)}${o} 仅 ${gap} 日，少于 ${c.minDaysAfter} 日${unless}：${c.because} (${c.rule})`,
            });
          }
        }
      }
    }
  }
  return out;
}

/** How `v` breaks its relation to `o`, in Chinese, or null when it holds. */
function orderProblem(relation: Relation, v: string, o: string): string | null {
  switch (relation) {
    case 'onOrAfter':
      return v < o ? '早于' : null;
    case 'after':
      return v < o ? '早于' : v === o ? '不晚于' : null;
    case 'onOrBefore':
      return v > o ? '晚于' : null;
    case 'before':
      return v > o ? '晚于' : v === o ? '不早于' : null;
  }
}

/** The constraint in words (for documentation and reports), e.g. 「公布日期」不早于「签发日期」 (R-DEC-14). */
export function describeDateConstraint<F extends string, C extends string>(table: DateTable<F, C>, c: DateConstraint<F, C>, withRule = true): string {
  const l = (f: F) => `「${table.labels[f]}」`;
  const rule = withRule ? ` (${c.rule})` : '';
  if (c.notAfterToday) return `${l(c.field)}不晚于今天${rule}`;
  const { relation, other } = relationOf(c)!;
  const words: Record<Relation, string> = { onOrAfter: '不早于', after: '晚于', onOrBefore: '不晚于', before: '早于' };
  let s = `${l(c.field)}${words[relation]}${l(other)}`;
  if (c.minDaysAfter !== undefined) s += `，且至少晚 ${c.minDaysAfter} 日${c.waivedBy ? `（${table.conditions![c.waivedBy]}的除外）` : ''}`;
  if (c.requiresOther) s += `，且须先有${l(other)}`;
  return `${s}${rule}`;
}
