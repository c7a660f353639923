import type { EntityManager, FilterQuery, FindOptions } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { BadInputError } from '../core/errors';
import type { Connection } from '../graphql/connection';

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/** The key a list is ordered by: a column plus the id as tie-breaker, ascending or descending. */
export interface SortKey<T> {
  field: keyof T & string;
  kind: 'string' | 'number' | 'date' | 'bigint';
  direction?: 'asc' | 'desc';
}

type CursorValue = string | number;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    /* fall through */
  }
  throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
}

export function pageSize(req: PageRequest, limits: PageLimits): number {
  const first = req.first ?? limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 1) throw new BadInputError('first 必须是大于等于 1 的整数', 'first');
  if (first > limits.maxPageSize) {
    throw new BadInputError(`每页最多 ${limits.maxPageSize} 条，请减小 first`, 'first');
  }
  return first;
}

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
 * Keyset pagination: one statement for the page (limit first + 1) and one for the total count,
 * whatever the page size. Stable order by (key, id).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  req: PageRequest,
  limits: PageLimits,
  key: SortKey<T>,
  options: Omit<FindOptions<T>, 'limit' | 'orderBy'> = {},
): Promise<Connection<T>> {
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
  const rows = await em.find(entity, pageWhere, { ...options, orderBy, limit: first + 1 } as FindOptions<T>);
  const totalCount = await em.count(entity, where);
  const hasNextPage = rows.length > first;
  const page = (hasNextPage ? rows.slice(0, first) : rows) as T[];
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyValue(node, key), node.id) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(req.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
