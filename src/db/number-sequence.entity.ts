import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Gap-free number sequences per scope (e.g. proposal codes per year, registration numbers per issuer
 * per year). A number is allocated inside the caller's transaction by an upsert that row-locks the
 * scope until commit: concurrent allocations queue, a rolled-back one gives its number back.
 */
@Entity({ tableName: 'number_sequence' })
export class NumberSequence {
  @PrimaryKey({ type: 'string', length: 100 })
  scope!: string;

  @Property({ type: 'integer' })
  lastValue!: number;
}

export async function nextNumber(em: EntityManager, scope: string): Promise<number> {
  if (!em.isInTransaction()) throw new Error('numbers must be allocated inside the transaction that uses them');
  const rows = await em.execute<{ last_value: number }[]>(
    `insert into number_sequence (scope, last_value) values (?, 1)
     on conflict (scope) do update set last_value = number_sequence.last_value + 1
     returning last_value`,
    [scope],
  );
  return Number(rows[0]!.last_value);
}
