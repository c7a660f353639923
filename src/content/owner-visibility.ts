import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError } from '../core/errors';
import type { Actor } from '../core/roles';

type Viewer = Pick<Actor, 'roles' | 'department'>;

type Rule<T> = (user: Viewer, owner: T, versionNumber: number | null) => boolean;

/**
 * One owner kind of the shared content store: its entity, and its area's visibility rule for the
 * owner's text versions (`versionNumber`) and materials (`versionNumber` null).
 */
export interface OwnerKind {
  entity: EntityName<{ id: string }>;
  canSee: Rule<{ id: string }>;
}

/** Declares an owner kind, keeping the entity and the rule's type together. */
export function ownerKind<T extends { id: string }>(entity: EntityName<T>, canSee: Rule<T>): OwnerKind {
  return { entity: entity as unknown as EntityName<{ id: string }>, canSee: (user, owner, n) => canSee(user, owner as T, n) };
}

/** A text version or a material: named by its owner. */
export interface Owned {
  ownerType: string;
  ownerId: string;
}

/**
 * Who may read a text version or a material: whoever may see its owner, by the owning area's rule.
 * The one map of owner kinds, wired in the composition root; used by node(id), by the fields that
 * lead to a text outside its owner (a review's pinned text) and by material downloads. Owners are
 * loaded in one statement per kind and request.
 */
export class OwnerVisibility {
  private readonly loaders = new Map<string, DataLoader<string, { id: string } | null>>();

  constructor(
    private readonly em: EntityManager,
    private readonly kinds: Record<string, OwnerKind>,
  ) {}

  private loader(ownerType: string): DataLoader<string, { id: string } | null> | null {
    const kind = this.kinds[ownerType];
    if (!kind) return null;
    let l = this.loaders.get(ownerType);
    if (!l) {
      l = new DataLoader(async (ids) => {
        const rows = await this.em.find(kind.entity, { id: { $in: [...ids] } } as FilterQuery<{ id: string }>);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.loaders.set(ownerType, l);
    }
    return l;
  }

  /** Whether the user may read the owner's text version `versionNumber`, or its materials (null). */
  async canSee(user: Viewer, row: Owned, versionNumber: number | null): Promise<boolean> {
    const owner = await this.loader(row.ownerType)?.load(row.ownerId);
    return !!owner && this.kinds[row.ownerType]!.canSee(user, owner, versionNumber);
  }

  /** FORBIDDEN unless the user may read it; `what` names it (文本版本, 材料). */
  async assertCanSee(user: Viewer, row: Owned, versionNumber: number | null, what: string): Promise<void> {
    if (!this.kinds[row.ownerType]) throw new NotFoundError(what);
    if (!(await this.canSee(user, row, versionNumber))) throw new ForbiddenError(`无权查看该${what}`);
  }
}
