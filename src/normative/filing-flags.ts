import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays } from '../calendar/working-days';
import type { RulesConfig } from '../core/config';
import { BadInputError } from '../core/errors';
import { generationSql, type GenerationCache } from '../db/change-generation';
import { executePrepared } from '../db/prepared';
import { FilingFlagKind, FilingStatus } from './normative.enums';
import { addMonths, buildFlag, FLAG_URGENCY, type Flag } from './normative.rules';

/**
 * The filing flags (备案预警, R-ND-8) straight from SQL. Each kind is one indexed branch over the
 * columns the database keeps on the document (filing_due_on, evaluation_starts_on, and its filing's
 * filed_on, filing_status, correction_due_on, corrected_on, filing_materials_complete: triggers of
 * migration NormativeFlagColumns); a page
 * is the union of each branch's first rows after the cursor, in urgency, due date and document id
 * order, so a page costs what it returns whatever the register's size. The pure `documentFlags`
 * of normative.rules.ts is the specification these branches are tested against.
 */

export interface FlagFilter {
  kinds?: FilingFlagKind[] | null;
  departmentId?: string | null;
  documentId?: string | null;
}

export interface FlagCursor {
  urgency: number;
  dueOn: string | null;
  documentId: string;
}

interface FlagRow {
  generation: string | null;
  document_id: string;
  title: string;
  registration_number: string | null;
  kind: FilingFlagKind;
  due_on: string | null;
  red_flag_count: number;
  filed_on: string | null;
  corrected_on: string | null;
  valid_until: string | null;
  materials: string[] | null;
}

const NO_DUE = '9999-12-31';

/** One branch per kind: its condition over the document's own columns, and its due date. */
interface Branch {
  kind: FilingFlagKind;
  due: string | null;
  where: string;
}

/**
 * Named parameters: :today, :soon (the last day still "due soon"), :horizon (the last validity end whose
 * evaluation can have started: today + the lead months, plus three days for month-end clamping; the
 * exact test is evaluation_starts_on, the horizon only narrows the index range). Each condition is its index's predicate (migration NormativeFlagColumns). */
const RELEASED = `d.state = 'RELEASED' and d.published_on is not null`;
const MUST_FILE = 'd.filing_due_on is not null';
const BRANCHES: Branch[] = [
  { kind: FilingFlagKind.FILING_OVERDUE, due: 'd.filing_due_on', where: `d.filed_on is null and ${MUST_FILE} and d.filing_due_on < :today` },
  { kind: FilingFlagKind.DEFERRAL_OVERDUE, due: 'd.correction_due_on', where: `${MUST_FILE} and d.filing_status = '${FilingStatus.DEFERRED}' and d.correction_due_on < :today` },
  { kind: FilingFlagKind.POSSIBLE_MISSED_FILING, due: null, where: `${RELEASED} and d.confirmed_verdict = 'NOT_REQUIRED' and d.red_flag_count > 0` },
  { kind: FilingFlagKind.RELEASED_UNCONFIRMED, due: null, where: `${RELEASED} and d.confirmed_verdict is null` },
  { kind: FilingFlagKind.FILING_DUE_SOON, due: 'd.filing_due_on', where: `d.filed_on is null and ${MUST_FILE} and d.filing_due_on >= :today and d.filing_due_on <= :soon` },
  { kind: FilingFlagKind.MATERIALS_MISSING, due: null, where: `${MUST_FILE} and not d.filing_materials_complete` },
  { kind: FilingFlagKind.CORRECTION_OPEN, due: null, where: `${MUST_FILE} and d.filing_status = '${FilingStatus.CORRECTION_REQUIRED}'` },
  { kind: FilingFlagKind.EVALUATION_DUE, due: 'd.valid_until', where: `${RELEASED} and d.valid_until is not null and d.valid_until >= :today and d.valid_until <= :horizon and d.evaluation_starts_on <= :today` },
  { kind: FilingFlagKind.FILED_LATE, due: 'd.filing_due_on', where: `d.filed_on > d.filing_due_on` },
  {
    kind: FilingFlagKind.CORRECTED_LATE,
    due: 'd.correction_due_on',
    where: `${MUST_FILE} and d.corrected_on > d.correction_due_on and not (d.filing_status = '${FilingStatus.DEFERRED}' and d.correction_due_on < :today)`,
  },
];

const byUrgency = [...BRANCHES].sort((a, b) => FLAG_URGENCY[a.kind] - FLAG_URGENCY[b.kind]);

/** Kinds past a deadline: the daily report exits non-zero while any is open. */
export const OVERDUE_KINDS: readonly FilingFlagKind[] = [FilingFlagKind.FILING_OVERDUE, FilingFlagKind.DEFERRAL_OVERDUE];

export function encodeFlagCursor(c: FlagCursor): string {
  return Buffer.from(JSON.stringify([c.urgency, c.dueOn, c.documentId])).toString('base64url');
}

export function decodeFlagCursor(raw: string): FlagCursor {
  try {
    const [urgency, dueOn, documentId] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (
      Number.isInteger(urgency) &&
      (dueOn === null || (typeof dueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueOn))) &&
      typeof documentId === 'string' &&
      /^[0-9a-f-]{36}$/.test(documentId)
    ) {
      return { urgency: urgency as number, dueOn: dueOn as string | null, documentId };
    }
  } catch {
    // fall through
  }
  throw new BadInputError('after 不是有效的分页游标：请使用上一页返回的 endCursor', 'after');
}

/** Named parameters → knex positional bindings, in order of appearance. */
function bind(sql: string, values: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const out = sql.replace(/(?<!:):([a-zA-Z]+)\b/g, (_m, name: string) => {
    if (!(name in values)) throw new Error(`unbound parameter ${name}`);
    params.push(values[name]);
    return '?';
  });
  return { sql: out, params };
}

function branchFrom(b: Branch, filter: FlagFilter): string {
  const filters = [
    filter.departmentId ? 'd.sponsor_department_id = :department' : null,
    filter.documentId ? 'd.id = :document' : null,
  ].filter(Boolean);
  return `from normative_document d where ${[b.where, ...filters].join(' and ')}`;
}

function selectedBranches(filter: FlagFilter): Branch[] {
  return filter.kinds?.length ? byUrgency.filter((b) => filter.kinds!.includes(b.kind)) : byUrgency;
}

export class FilingFlagReader {
  /** The documents' change generation the last page was read at (outside a transaction), for the counts' cache. */
  private seenGeneration: string | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly rules: RulesConfig,
    /** Counts reused while no change to the documents is committed (the process's cache); none: always counted. */
    private readonly aggregates: GenerationCache | null = null,
  ) {}

  /** The cache, when it may be used: never inside a transaction (its own uncommitted writes do not raise the generation yet). */
  private get cache(): GenerationCache | null {
    return this.aggregates && !this.em.isInTransaction() ? this.aggregates : null;
  }

  private values(today: string, filter: FlagFilter, cursor: FlagCursor | null): Record<string, unknown> {
    return {
      today,
      soon: addCalendarDays(today, this.rules.normative.flagDueSoonDays),
      horizon: addCalendarDays(addMonths(today, this.rules.normative.evaluationLeadMonths), 3),
      department: filter.departmentId ?? null,
      document: filter.documentId ?? null,
      cursorDue: cursor?.dueOn ?? NO_DUE,
      cursorId: cursor?.documentId ?? null,
    };
  }

  /** `limit` flags after `cursor`, most urgent first: one statement. */
  async page(today: string, filter: FlagFilter, limit: number, cursor: FlagCursor | null): Promise<Flag[]> {
    const parts: string[] = [];
    for (const b of selectedBranches(filter)) {
      const urgency = FLAG_URGENCY[b.kind];
      if (cursor && urgency < cursor.urgency) continue;
      // the branch's own order is its index's order: due date (never null where a branch has one), then document
      const order = b.due ? `${b.due}, d.id` : 'd.id';
      const after =
        cursor && urgency === cursor.urgency
          ? b.due
            ? ` and (${b.due}, d.id) > (:cursorDue::date, :cursorId::uuid)`
            : ' and d.id > :cursorId::uuid'
          : '';
      parts.push(
        `(select d.id as document_id, d.title, d.registration_number, '${b.kind}' as kind, ${urgency} as urgency,
                 ${b.due ?? 'null::date'} as due, ${b.due ?? `'${NO_DUE}'::date`} as sort_due,
                 d.red_flag_count, d.filed_on, d.corrected_on, d.valid_until
            ${branchFrom(b, filter)}${after}
           order by ${order} limit :limit)`,
      );
    }
    if (!parts.length) return [];
    // the filing's materials only for the rows returned (the message of MATERIALS_MISSING names what is missing)
    const { sql, params } = bind(
      `select ${generationSql('normative_document')} as generation, u.document_id, u.title, u.registration_number, u.kind, to_char(u.due, 'YYYY-MM-DD') as due_on, u.red_flag_count,
              to_char(u.filed_on, 'YYYY-MM-DD') as filed_on, to_char(u.corrected_on, 'YYYY-MM-DD') as corrected_on,
              to_char(u.valid_until, 'YYYY-MM-DD') as valid_until,
              case when u.kind = '${FilingFlagKind.MATERIALS_MISSING}' then (select f.materials from filing f where f.document_id = u.document_id) end as materials
         from (select * from (${parts.join('\nunion all\n')}) x order by urgency, sort_due, document_id limit :limit) u
        order by u.urgency, u.sort_due, u.document_id`,
      { ...this.values(today, filter, cursor), limit },
    );
    // A first page of all kinds or of one kind (the board, the reminders): a prepared statement, planned once
    // per connection (a bounded set of texts: 11 kind choices × the two optional filters); other pages as text.
    const prepared = !cursor && (filter.kinds?.length ?? 0) <= 1;
    const rows = prepared ? await executePrepared<FlagRow>(this.em, sql, params) : await this.em.getConnection().execute<FlagRow[]>(sql, params);
    if (rows.length && !this.em.isInTransaction()) this.seenGeneration = rows[0]!.generation;
    return rows.map((r) => this.toFlag(r, today));
  }

  /**
   * How many flags of each kind match the filter: one statement, index scans only — or none, when
   * the documents' generation is the one these counts were last computed at (the page's, read in the
   * same request; else read first, but only when there is something to reuse).
   */
  async counts(today: string, filter: FlagFilter): Promise<Map<FilingFlagKind, number>> {
    const branches = selectedBranches(filter);
    const values = this.values(today, filter, null);
    const count = async () => {
      const { sql, params } = bind(
        `select ${generationSql('normative_document')} as generation, c.kind, c.n from (
           ${branches.map((b) => `select '${b.kind}' as kind, count(*)::int as n ${branchFrom(b, filter)}`).join('\nunion all\n')}) c`,
        values,
      );
      const rows = await this.em.getConnection().execute<{ generation: string | null; kind: FilingFlagKind; n: number }[]>(sql, params);
      return { value: rows.map((r): [FilingFlagKind, number] => [r.kind, Number(r.n)]), generation: rows[0]?.generation ?? null };
    };
    const cache = this.cache;
    const key = JSON.stringify(['filing-flag-counts', values.today, values.soon, values.horizon, branches.map((b) => b.kind), values.department, values.document]);
    return new Map(cache ? await cache.reuse(this.em, 'normative_document', key, this.seenGeneration, count) : (await count()).value);
  }

  /** Every flag, page by page (the CLI report streams them without holding the register in memory). */
  async *all(today: string, filter: FlagFilter = {}, pageSize = 5_000): AsyncGenerator<Flag> {
    let cursor: FlagCursor | null = null;
    for (;;) {
      const page = await this.page(today, filter, pageSize, cursor);
      yield* page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      cursor = { urgency: FLAG_URGENCY[last.kind], dueOn: last.dueOn, documentId: last.documentId };
    }
  }

  private toFlag(r: FlagRow, today: string): Flag {
    const materials = r.materials ?? [];
    return buildFlag(r.kind, {
      documentId: r.document_id,
      title: r.title,
      registrationNumber: r.registration_number,
      dueOn: r.due_on,
      today,
      filedOn: r.filed_on,
      correctedOn: r.corrected_on,
      validUntil: r.valid_until,
      redFlagCount: Number(r.red_flag_count),
      missingMaterials: this.rules.normative.filingMaterials.filter((k) => !materials.includes(k)),
    });
  }
}
