import { BadInputError } from './errors';

/**
 * A page of a list, as services return it. The GraphQL layer turns it into a Relay connection
 * (src/graphql/connection.ts); services know nothing of edges and connections.
 */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  /**
   * The fields a reader will read of each item (a GraphQL selection): given, a list reads plain rows
   * with only the long text columns named here; absent, whole records.
   */
  fields?: ReadonlySet<string>;
}

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

export interface Page<T> {
  items: T[];
  /** The cursor after item `index`: encoded only when a client selects cursors (most screens read `nodes` only). */
  cursor(index: number): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Number of items matching the filter over all pages: counted only when asked for. */
  count(): Promise<number>;
}

type CursorValue = string | number;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/** Ids a cursor may name: a uuid, or the number of a bigint-keyed row (audit events). */
const CURSOR_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,19})$/i;
/** Sort values are dates, numbers, codes and titles: no control characters, no lone surrogates. */
const BAD_VALUE = /[\u0000-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The [sort value, id] pair of a cursor this server issued. A forged or damaged cursor is refused here,
 * with BAD_USER_INPUT, before any of it reaches a query.
 */
export function decodeCursor(cursor: string): [CursorValue, string] {
  if (/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (
        Array.isArray(parsed) &&
        parsed.length === 2 &&
        ((typeof parsed[0] === 'string' && parsed[0].length <= 500 && !BAD_VALUE.test(parsed[0])) ||
          (typeof parsed[0] === 'number' && Number.isSafeInteger(parsed[0]))) &&
        typeof parsed[1] === 'string' &&
        CURSOR_ID.test(parsed[1])
      ) {
        return [parsed[0], parsed[1]];
      }
    } catch {
      /* fall through */
    }
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

/** A page of an in-memory list (already ordered), keyed by position: for short computed lists. */
export function pageOfList<T>(all: T[], req: PageRequest, limits: PageLimits, keyOf: (item: T, index: number) => string): Page<T> {
  const first = pageSize(req, limits);
  let start = 0;
  if (req.after) {
    const [pos, key] = decodeCursor(req.after);
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= all.length || keyOf(all[pos]!, pos) !== key) {
      throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
    }
    start = pos + 1;
  }
  const items = all.slice(start, start + first);
  return {
    items,
    cursor: (i) => encodeCursor(start + i, keyOf(items[i]!, start + i)),
    hasNextPage: start + first < all.length,
    hasPreviousPage: start > 0,
    count: async () => all.length,
  };
}
