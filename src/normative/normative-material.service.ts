import type { EntityManager } from '@mikro-orm/postgresql';
import { Material } from '../content/material.entity';
import type { Materials, PinnedMaterial } from '../content/materials';
import { ForbiddenError, type Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { transaction } from '../db/transaction';
import { NormativeBase, normativeOwner, type NormativeDeps } from './normative-base';
import type { AddNormativeMaterialCommand } from './normative.commands';
import { NORMATIVE_OWNER, type NormativeDocument } from './normative.entity';
import { normativePackageViolations } from './normative-review.rules';
import { canSeeNormativeWork } from './normative.visibility';
import { NORMATIVE_WORKFLOW } from './normative.workflow';

export interface NormativeMaterialDeps extends NormativeDeps {
  materials: Materials;
}

/**
 * A normative document's review package (R-LR-2): the drafting explanation, the legal basis, the
 * consultation record and — when it touches market entities — the fair-competition review, kept as
 * materials in the shared content store while the document is drafted, and pinned by its review.
 */
export class NormativeMaterialService extends NormativeBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: NormativeMaterialDeps,
  ) {
    super(em, deps);
  }

  async add(user: Actor, cmd: AddNormativeMaterialCommand): Promise<{ document: NormativeDocument; material: Material }> {
    this.deps.materials.prepare(cmd);
    return transaction(this.em, async (em) => {
      // The document's lock queues its materials behind a review request pinning them.
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'ADD_MATERIAL');
      const m = this.deps.materials.add(em, normativeOwner(d.id), cmd, user.id, this.now);
      await em.flush();
      await this.audit(em, user, 'material.add', d, undefined, { material: { id: m.id, kind: m.kind, title: m.title, sizeBytes: m.sizeBytes, contentHash: m.contentHash } });
      return { document: d, material: m };
    });
  }

  /** What a review request would be refused for now (R-LR-2, R-ND-4): the state, and the package items still missing. */
  async reviewBlockers(user: Actor, d: NormativeDocument): Promise<Violation[]> {
    if (!canSeeNormativeWork(user, d)) throw new ForbiddenError('起草中的规范性文件仅限起草部门查看');
    return this.reviewBlockersIn(this.em, d);
  }

  async reviewBlockersIn(em: EntityManager, d: NormativeDocument): Promise<Violation[]> {
    const materials = await em.find(Material, { ownerType: NORMATIVE_OWNER, ownerId: d.id }, { fields: ['kind'] });
    return [
      // Only a document in drafting is reviewed: a released one is never changed (R-ND-4).
      ...NORMATIVE_WORKFLOW.violations(d.state, 'REQUEST_NORMATIVE_REVIEW'),
      ...normativePackageViolations(
        { touchesMarketEntities: d.touchesMarketEntities, materialKinds: new Set(materials.map((m) => m.kind)) },
        this.deps.config.rules.review.packages.NORMATIVE_DOCUMENT,
      ),
    ];
  }

  /** The materials a review pins with the text, each with its hash (R-LR-2). */
  pinPackage(em: EntityManager, d: NormativeDocument): Promise<PinnedMaterial[]> {
    return this.deps.materials.pin(em, normativeOwner(d.id));
  }
}
