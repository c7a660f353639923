import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { BadInputError } from '../core/errors';
import { batchColumns, keyRest, rowReader, type Wanted } from './rows';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageLimits, type PageRequest } from '../core/page';

export interface ChildPageSpec {
  /** Property holding the parent's id (a ManyToOne or a plain uuid column). */
  parent: string;
  /** Sort property; the id breaks ties. */
  sort: { field: string; kind: 'string' | 'number' | 'date'; direction?: 'asc' | 'desc' };
  /** Fixed conditions, as property → value (e.g. { ownerType: 'PROPOSAL' }). */
  where?: Record<string, string | number | boolean>;
}

/**
 * Pages of the children of many parents, as plain rows with the columns asked for, in one statement per page request and level: a window
 * function numbers each parent's children in order and keeps `first + 1` of them. The count of each
 * parent's children is one grouped statement, run only when a client asks for `totalCount`.
 */
export function childPages<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, spec: ChildPageSpec, limits: PageLimits) {
  const reader = rowReader(em, entity);
  const column = (prop: string) => reader.column(prop);
  const table = reader.table;
  const parentCol = column(spec.parent);
  const sortCol = column(spec.sort.field);
  const dir = spec.sort.direction ?? 'asc';
  const fixed = Object.entries(spec.where ?? {}).map(([k, v]) => ({ sql: `t."${column(k)}" = ?`, value: v }));
  const sortValue = (row: Record<string, unknown>): string | number => {
    const v = row[spec.sort.field];
    if (spec.sort.kind === 'date') return (v as Date).toISOString();
    if (spec.sort.kind === 'number') return v as number;
    return String(v);
  };

  const pages = new DataLoader<string, Page<T>>(
    async (keys) => {
      // Keys are `${columns}|${first}|${after}|${parentId}`; one statement per distinct page request, with the columns of every caller in it.
      const groups = new Map<string, { first: number; after: string | null; parents: string[]; keys: string[] }>();
      for (const key of keys) {
        // The cursor in the middle is the client's text: split on the first and the last separator only.
        const rest = keyRest(key);
        const i = rest.indexOf('|');
        const j = rest.lastIndexOf('|');
        const request = rest.slice(0, j);
        const parentId = rest.slice(j + 1);
        const g = groups.get(request) ?? { first: Number(rest.slice(0, i)), after: rest.slice(i + 1, j) || null, parents: [], keys: [] };
        if (!g.parents.includes(parentId)) g.parents.push(parentId);
        g.keys.push(key);
        groups.set(request, g);
      }
      const result = new Map<string, Page<T>>();
      for (const g of groups.values()) {
        const wanted = batchColumns(g.keys);
        const params: unknown[] = [g.parents];
        const conditions = [`t."${parentCol}" in (?)`, ...fixed.map((f) => f.sql)];
        params.push(...fixed.map((f) => f.value));
        if (g.after) {
          const [value, id] = decodeCursor(g.after);
          const op = dir === 'asc' ? '>' : '<';
          let v: unknown = value;
          if (spec.sort.kind === 'date') {
            v = new Date(String(value));
            if (Number.isNaN((v as Date).getTime())) throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
          } else if (spec.sort.kind === 'number' && typeof value !== 'number') throw new BadInputError('分页游标无效，请从第一页重新查询', 'after');
          conditions.push(`(t."${sortCol}" ${op} ? or (t."${sortCol}" = ? and t.id ${op} ?))`);
          params.push(v, v, id);
        }
        params.push(g.first + 1);
        const rows = await em.execute<Record<string, unknown>[]>(
          `select * from (select ${reader.select('t', wanted)}, row_number() over (partition by t."${parentCol}" order by t."${sortCol}" ${dir}, t.id ${dir}) as "__rn"
             from "${table}" t where ${conditions.join(' and ')}) x
           where "__rn" <= ? order by "${parentCol}", "__rn"`,
          params,
        );
        const byParent = new Map<string, T[]>(g.parents.map((p) => [p, []]));
        for (const row of rows) {
          byParent.get(String(row[parentCol]))?.push(reader.map(row, wanted));
        }
        const pageOf = new Map<string, Page<T>>();
        for (const parentId of g.parents) {
          const all = byParent.get(parentId)!;
          const hasNextPage = all.length > g.first;
          const items = hasNextPage ? all.slice(0, g.first) : all;
          pageOf.set(parentId, {
            items,
            cursor: (i: number) => encodeCursor(sortValue(items[i] as unknown as Record<string, unknown>), items[i]!.id),
            hasNextPage,
            hasPreviousPage: Boolean(g.after),
            count: () => counts.load(parentId),
          });
        }
        for (const key of g.keys) result.set(key, pageOf.get(key.slice(key.lastIndexOf('|') + 1))!);
      }
      return keys.map((k) => result.get(k)!);
    },
    { maxBatchSize: 500 },
  );

  const counts = new DataLoader<string, number>(async (parents) => {
    const rows = await em.execute<{ parent: string; n: string }[]>(
      `select t."${parentCol}" as parent, count(*) as n from "${table}" t where ${[`t."${parentCol}" in (?)`, ...fixed.map((f) => f.sql)].join(' and ')} group by t."${parentCol}"`,
      [[...parents], ...fixed.map((f) => f.value)],
    );
    const byParent = new Map(rows.map((r) => [String(r.parent), Number(r.n)]));
    return parents.map((p) => byParent.get(p) ?? 0);
  });

  return {
    /**
     * One parent's page of plain rows (src/db/rows.ts); batched with every other parent's page of the
     * same request. `wanted` names the long columns the selection needs; without it, every column but the lazy ones.
     */
    load(parentId: string, req: PageRequest, wanted?: Wanted): Promise<Page<T>> {
      return pages.load(reader.batchKey(wanted, `${pageSize(req, limits)}|${req.after ?? ''}|${parentId}`));
    },
  };
}
