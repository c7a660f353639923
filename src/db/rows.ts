import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind, type EntityMetadata, type EntityName, type Platform } from '@mikro-orm/core';

/**
 * The long columns a read asks for, by property name: `undefined` reads every column but the lazy
 * ones. Short columns (keys, states, dates, numbers, codes) are always read; a `text` column only
 * when named; a column the entity declares lazy (file bytes, password hash, a version's full text)
 * only when named, never by a read without a selection.
 */
export type Wanted = ReadonlySet<string> | undefined;

interface Column {
  prop: string;
  field: string;
  long: boolean;
  /** Lazy in the entity too: left out, it reads `undefined`, as on an entity (callers load it themselves). */
  lazy: boolean;
  /** A many-to-one: the row holds `{ id }`, like an entity's reference. */
  ref: boolean;
  convert?: (value: unknown) => unknown;
}

interface ColumnSet {
  columns: Column[];
  /** `t."a", t."b"` for alias `t`, cached per alias. */
  select: Map<string, string>;
  proto: object;
  /** A database row as a plain row: one straight-line function per column set (below). */
  map: (raw: Record<string, unknown>) => unknown;
}

/**
 * The mapper of a column set, written out column by column: every row of a set gets its properties
 * in the same order (one hidden class), with no loop or per-column dispatch. Property and column
 * names come from the entity metadata and are written as JSON string literals.
 */
function compileMapper(columns: Column[], proto: object): (raw: Record<string, unknown>) => unknown {
  const lines = columns.map((c, i) => {
    const value = c.ref ? '{ id: v }' : c.convert ? `convert[${i}](v)` : 'v';
    return `v = raw[${JSON.stringify(c.field)}]; row[${JSON.stringify(c.prop)}] = v === null || v === undefined ? null : ${value};`;
  });
  const body = `return function mapRow(raw) { const row = Object.create(proto); let v; ${lines.join(' ')} return row; };`;
  return new Function('proto', 'convert', body)(proto, columns.map((c) => c.convert)) as (raw: Record<string, unknown>) => unknown;
}

/**
 * Plain rows of an entity's table: the read path's objects. A row has the entity's property names,
 * its scalar values converted as the ORM would (dates, json, bigint), and each many-to-one as a
 * reference `{ id }` — so field resolvers, visibility rules and `availableActions`, which read only
 * those, take an entity or a row alike. Rows are never tracked, flushed or hydrated: a write loads
 * its entities itself. A long column left out of a read is a getter that throws, so a resolver that
 * needs one without asking for it fails in the tests, not silently (a column the entity itself
 * declares lazy reads `undefined`, as on the entity).
 */
export class RowReader<T> {
  readonly table: string;
  readonly className: string;
  private readonly all: Column[];
  private readonly byProp = new Map<string, Column>();
  private readonly sets = new Map<string, ColumnSet>();
  /** The set of the last `wanted` asked for: a batch maps all its rows with one. */
  private lastWanted: Wanted | null = null;
  private lastSet: ColumnSet | null = null;

  constructor(meta: EntityMetadata<T>, platform: Platform) {
    this.table = meta.tableName;
    this.className = meta.className;
    this.all = [];
    for (const p of meta.props) {
      if (p.persist === false || p.formula || !p.fieldNames || p.fieldNames.length !== 1) continue;
      if (p.kind !== ReferenceKind.SCALAR && p.kind !== ReferenceKind.MANY_TO_ONE && !(p.kind === ReferenceKind.ONE_TO_ONE && p.owner)) continue;
      const ref = p.kind !== ReferenceKind.SCALAR;
      const columnType = (p.columnTypes?.[0] ?? '').toLowerCase();
      const long = !ref && !p.primary && !p.enum && (p.lazy === true || columnType === 'text' || columnType === 'bytea');
      const custom = ref ? undefined : p.customType;
      const isDate = !ref && p.runtimeType === 'Date';
      const column: Column = {
        prop: p.name,
        field: p.fieldNames[0]!,
        long,
        lazy: p.lazy === true,
        ref,
        // As the ORM's own result mapper: timestamps arrive as text and become Dates.
        convert: isDate ? (v: unknown) => (v instanceof Date ? v : platform.parseDate(v as string)) : custom ? (v: unknown) => custom.convertToJSValue(v, platform) : undefined,
      };
      this.all.push(column);
      this.byProp.set(p.name, column);
    }
  }

  /** The column of a property. */
  column(prop: string): string {
    const c = this.byProp.get(prop);
    if (!c) throw new Error(`${this.className} has no column for ${prop}`);
    return c.field;
  }

  /** Identifies the columns a `wanted` reads: the long ones it reads, `a,b,` (never holds `|`). */
  key(wanted: Wanted): string {
    let k = '';
    for (const c of this.all) if (c.long && reads(c, wanted)) k += `${c.prop},`;
    return k;
  }

  /**
   * A loader's key for one caller: the columns its `wanted` reads, `|`, then what it asks for
   * (an id, a page request …). A batch of such keys is read with `batchColumns` in one statement.
   */
  batchKey(wanted: Wanted, rest: string): string {
    return `${this.key(wanted)}|${rest}`;
  }

  /** The select list for alias `alias`. */
  select(alias: string, wanted: Wanted): string {
    const set = this.set(wanted);
    let s = set.select.get(alias);
    if (!s) set.select.set(alias, (s = set.columns.map((c) => `${alias}."${c.field}"`).join(', ')));
    return s;
  }

  /** A database row (keyed by column) as a plain row of the entity. */
  map(raw: Record<string, unknown>, wanted: Wanted): T {
    return this.set(wanted).map(raw) as T;
  }

  private set(wanted: Wanted): ColumnSet {
    // `wanted` sets are not changed once made (src/graphql/selection.ts, batchColumns): the same one names the same columns
    if (wanted === this.lastWanted && this.lastSet) return this.lastSet;
    const set = this.setOf(wanted);
    this.lastWanted = wanted;
    this.lastSet = set;
    return set;
  }

  private setOf(wanted: Wanted): ColumnSet {
    const key = this.key(wanted);
    let set = this.sets.get(key);
    if (!set) {
      const columns = this.all.filter((c) => reads(c, wanted));
      const proto: Record<string, unknown> = {};
      for (const c of this.all) {
        if (columns.includes(c) || c.lazy) continue;
        const message = `${this.className}.${c.prop} was not read: the read must name it (src/graphql/selection.ts)`;
        Object.defineProperty(proto, c.prop, {
          get() {
            throw new Error(message);
          },
          enumerable: false,
        });
      }
      set = { columns, select: new Map(), proto, map: compileMapper(columns, proto) };
      this.sets.set(key, set);
    }
    return set;
  }
}

/** Whether a read with `wanted` reads a column: a short one always, a long one when named (without a selection, unless lazy). */
function reads(c: Column, wanted: Wanted): boolean {
  return !c.long || (wanted ? wanted.has(c.prop) : !c.lazy);
}

/** What a caller asks for in a batch key (`RowReader.batchKey`): the part after the columns. */
export function keyRest(key: string): string {
  return key.slice(key.indexOf('|') + 1);
}

/**
 * The columns of every key of a batch at once (`RowReader.batchKey`): one statement for callers
 * that want different long columns, each column read exactly when some caller reads it.
 */
export function batchColumns(keys: Iterable<string>): Wanted {
  const all = new Set<string>();
  for (const k of keys) for (const prop of k.slice(0, k.indexOf('|')).split(',')) if (prop) all.add(prop);
  return all;
}

/**
 * A loader by id (or parent id) whose callers name the long columns they want: one statement per
 * batch, `read` with the batch's distinct ids and the columns of every caller at once; an id `read`
 * does not return gets `none()`.
 */
export function columnsLoader<V>(reader: Pick<RowReader<unknown>, 'batchKey'>, read: (ids: string[], wanted: Wanted) => Promise<Map<string, V>>, none: () => V) {
  const loader = new DataLoader<string, V>(
    async (keys) => {
      const found = await read([...new Set(keys.map(keyRest))], batchColumns(keys));
      return keys.map((k) => found.get(keyRest(k)) ?? none());
    },
    { maxBatchSize: 500 },
  );
  return {
    load: (id: string, wanted?: Wanted) => loader.load(reader.batchKey(wanted, id)),
    loadMany: (ids: readonly string[], wanted?: Wanted) => loader.loadMany(ids.map((id) => reader.batchKey(wanted, id))),
  };
}

const readers = new WeakMap<object, RowReader<unknown>>();

/** The row reader of an entity (one per entity, built from its metadata on first use). */
export function rowReader<T>(em: EntityManager, entity: EntityName<T>): RowReader<T> {
  const meta = em.getMetadata().get(entity as never) as EntityMetadata<T>;
  let r = readers.get(meta);
  if (!r) readers.set(meta, (r = new RowReader(meta, em.getPlatform()) as RowReader<unknown>));
  return r as RowReader<T>;
}

/** Rows of `entity` by id, in one statement. */
export async function rowsById<T>(em: EntityManager, entity: EntityName<T>, ids: readonly string[], wanted: Wanted): Promise<T[]> {
  const r = rowReader(em, entity);
  const raws = await em.execute<Record<string, unknown>[]>(`select ${r.select('t', wanted)} from "${r.table}" t where t."id" in (?)`, [ids]);
  return raws.map((raw) => r.map(raw, wanted));
}

/**
 * What a field resolver takes as its parent: an entity or a plain row of it, read only. Typing the
 * `@Root()` parameter so (not as the entity class) also keeps type-graphql from copying every row
 * into a new entity instance before each field resolver.
 */
export type Row<T> = Readonly<T>;
