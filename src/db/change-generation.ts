import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A table's change generation: a number the database raises once for every committed transaction
 * that inserted, changed or removed rows of the table (a deferred constraint trigger, so the row is
 * locked only while the transaction commits; migration ChangeGenerations). The app role may only
 * read it. Two reads that see the same generation see the same rows of the table, which lets an
 * aggregate over the table (a count of 100,000 rows) be computed once and reused until the next
 * change is committed — see `GenerationCache`.
 */
@Entity({ tableName: 'change_generation' })
export class ChangeGeneration {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'bigint' })
  n!: string;
}

/** The tables whose changes raise a generation (migration ChangeGenerations). */
export type GenerationTable = 'normative_document';

/** The SQL expression of `table`'s generation, as text (to put in the same statement as the aggregate, so both share a snapshot). */
export function generationSql(table: GenerationTable): string {
  return `(select g.n::text from change_generation g where g.name = '${table}')`;
}

/**
 * Aggregates kept per (key, generation), for the whole process: a value is returned only for the
 * generation it was computed at, so a committed change makes it unreachable at once. Bounded (least
 * recently used entries leave first); a missing generation (a database without the row) is never cached.
 */
export class GenerationCache {
  private readonly entries = new Map<string, { generation: string; value: unknown }>();

  constructor(private readonly capacity = 500) {}

  get<T>(key: string, generation: string | null | undefined): T | undefined {
    if (generation == null) return undefined;
    const hit = this.entries.get(key);
    if (!hit || hit.generation !== generation) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit); // most recently used last
    return hit.value as T;
  }

  set(key: string, generation: string | null | undefined, value: unknown): void {
    if (generation == null) return;
    this.entries.delete(key);
    this.entries.set(key, { generation, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The value kept under `key` at the generation `seen` (a page's, read in the same request) — or, with
   * none seen, at the current one, read only when something is kept — else `count()`'s value, kept at
   * the generation its own statement read.
   */
  async reuse<T>(em: EntityManager, table: GenerationTable, key: string, seen: string | null, count: () => Promise<{ value: T; generation: string | null }>): Promise<T> {
    const generation = seen ?? (this.entries.has(key) ? await currentGeneration(em, table) : null);
    const kept = this.get<T>(key, generation);
    if (kept !== undefined) return kept;
    const { value, generation: counted } = await count();
    this.set(key, counted, value);
    return value;
  }

  /** Whether anything is kept under `key` (at any generation). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Forget everything (a test measuring the statements of a first read). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** `table`'s generation now (null without its row). */
export async function currentGeneration(em: EntityManager, table: GenerationTable): Promise<string | null> {
  const rows = await em.getConnection().execute<{ g: string | null }[]>(`select ${generationSql(table)} as g`);
  return rows[0]?.g ?? null;
}

/** A list's total count kept in `cache` while `table` (the list's own table) has not changed. */
export interface CountReuse {
  cache: GenerationCache;
  table: GenerationTable;
}
