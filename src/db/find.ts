import type { EntityManager, FilterQuery, FindOneOptions } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
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
