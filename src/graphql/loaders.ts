import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';

/**
 * Loads entities by id in one `where id in (...)` per batch and returns them in key order (null for
 * a missing id). One loader per entity type per request: never a query per parent row.
 */
export function entityLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

export function createLoaders(em: EntityManager) {
  return {
    departmentById: entityLoader(em, Department),
    userById: entityLoader(em, User),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
