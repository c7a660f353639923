import type { EntityManager, FilterQuery, FindOneOptions } from '@mikro-orm/postgresql';
import { LockMode, type EntityName } from '@mikro-orm/core';
import { NotFoundError } from '../core/errors';

/**
 * The one find-or-throw helper: the entity, or NOT_FOUND naming what was looked for in Chinese
 * (`what`, e.g. 决策建议) and the id when the lookup was by id.
 */
export async function findOrThrow<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  where: string | FilterQuery<T>,
  what: string,
  options?: FindOneOptions<T, P>,
): Promise<T> {
  const filter = (typeof where === 'string' ? { id: where } : where) as FilterQuery<T>;
  const found = await em.findOne(entity, filter, options);
  if (!found) throw new NotFoundError(what, typeof where === 'string' ? where : undefined);
  return found as T;
}

/**
 * `findOrThrow` taking the row lock (SELECT … FOR UPDATE) inside the caller's transaction and
 * reading the row afresh: the parent lock every check-then-write takes before its check, so two
 * requests that change the same thing run one after the other and the second sees what the first
 * did. Take locks parent first (e.g. meeting before agenda item, proposal before its directory).
 */
export function findForUpdate<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  where: string | FilterQuery<T>,
  what: string,
  options?: FindOneOptions<T, P>,
): Promise<T> {
  return findOrThrow(em, entity, where, what, { ...options, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as FindOneOptions<T, P>);
}
