import type { EntityManager, FilterQuery, FindOptions } from '@mikro-orm/postgresql';
import { raw, type EntityName } from '@mikro-orm/core';
import { rowReader } from './rows';
import { generationSql, type CountReuse } from './change-generation';
import { BadInputError } from '../core/errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageLimits, type PageRequest } from '../core/page';

export type { Page, PageLimits, PageRequest };

/** The key a list is ordered by: a column plus the id as tie-breaker, ascending or descending. */
export interface SortKey<T> {
  field: keyof T & string;
  kind: 'string' | 'number' | 'date' | 'bigint';
  direction?: 'asc' | 'desc';
}

type CursorValue = string | number;

function keyValue<T>(entity: T, key: SortKey<T>): CursorValue {
  const v = (entity as Record<string, unknown>)[key.field];
  if (key.kind === 'date') return (v as Date).toISOString();
  if (key.kind === 'number') return v as number;
  return String(v);
}

function fromCursorValue(value: CursorValue, key: SortKey<unknown>): unknown {
  if (key.kind === 'date') {
    const d = new Date(String(value));
    if (Number.isNaN(d.getTime())) throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
    return d;
  }
  if (key.kind === 'number' && typeof value !== 'number') throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
  if (key.kind === 'bigint' && !/^\d+$/.test(String(value))) throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
  return value;
}

/**
 * Keyset pagination: one statement for the page (limit first + 1), and one for the total count only
 * when a client asks for it, whatever the page size. Stable order by (key, id). With `req.fields`
 * (the GraphQL read path) the page holds plain rows (src/db/rows.ts) with the short columns and the
 * long ones named there; without it, managed entities (a service that goes on to change them).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  req: PageRequest,
  limits: PageLimits,
  key: SortKey<T>,
  options: Omit<FindOptions<T>, 'limit' | 'orderBy'> = {},
  /** The total count kept while the list's table is unchanged (outside transactions; the page reads the generation). */
  reuse: CountReuse | null = null,
): Promise<Page<T>> {
  const first = pageSize(req, limits);
  const dir = key.direction ?? 'asc';
  const op = dir === 'asc' ? '$gt' : '$lt';
  let pageWhere: FilterQuery<T> = where;
  if (req.after) {
    const [rawValue, afterId] = decodeCursor(req.after);
    const value = fromCursorValue(rawValue, key as SortKey<unknown>);
    const idCond = key.kind === 'bigint' && key.field === 'id' ? null : { id: { [op]: afterId } };
    const keyset = idCond
      ? { $or: [{ [key.field]: { [op]: value } }, { [key.field]: value, ...idCond }] }
      : { [key.field]: { [op]: value } };
    pageWhere = { $and: [where, keyset] } as unknown as FilterQuery<T>;
  }
  const orderBy = (key.field === 'id' ? { id: dir } : { [key.field]: dir, id: dir }) as FindOptions<T>['orderBy'];
  let rows: T[];
  const reusable = reuse && !em.isInTransaction() ? reuse : null;
  let generation: string | null = null;
  if (req.fields && Object.keys(options).length === 0) {
    // The read path: plain rows with the short columns and the long ones the reader names, no entities.
    const reader = rowReader(em, entity);
    // the sort key makes the cursors: always read
    const wanted = req.fields.has(key.field) ? req.fields : new Set([...req.fields, key.field]);
    const raws: Record<string, unknown>[] = await em
      .createQueryBuilder(entity, 't')
      .select(raw(reusable ? `${reader.select('t', wanted)}, ${generationSql(reusable.table)} as "__generation"` : reader.select('t', wanted)))
      .where(pageWhere)
      .orderBy(orderBy as never)
      .limit(first + 1)
      .execute('all', false);
    rows = raws.map((r) => reader.map(r, wanted));
    generation = (raws[0]?.__generation as string | undefined) ?? null;
  } else {
    rows = await em.find(entity, pageWhere, { ...options, orderBy, limit: first + 1 } as FindOptions<T>);
  }
  const hasNextPage = rows.length > first;
  const items = (hasNextPage ? rows.slice(0, first) : rows) as T[];
  return {
    items,
    cursor: (i) => encodeCursor(keyValue(items[i]!, key), items[i]!.id),
    hasNextPage,
    hasPreviousPage: Boolean(req.after),
    count: () => (reusable ? reusedCount(em, entity, where, reusable, generation) : em.count(entity, where)),
  };
}

/**
 * The total count of `where`, or the one kept for it at the generation the page saw (or, without a
 * page row, at the current one — read only when something is kept). Counted with the generation in
 * the same statement, so the value kept is the count at that generation.
 */
async function reusedCount<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, reuse: CountReuse, seen: string | null): Promise<number> {
  return reuse.cache.reuse(em, reuse.table, JSON.stringify(['count', reuse.table, where]), seen, async () => {
    const [row] = await em
      .createQueryBuilder(entity, 't')
      .select([raw('count(*)::int as n'), raw(`${generationSql(reuse.table)} as generation`)])
      .where(where)
      .execute<{ n: number; generation: string | null }[]>('all', false);
    return { value: Number(row?.n ?? 0), generation: row?.generation ?? null };
  });
}
