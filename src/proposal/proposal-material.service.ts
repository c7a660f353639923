import type { Material } from '../content/material.entity';
import type { Actor } from '../core/roles';
import { ProposalBase, proposalOwner } from './proposal-base';
import type { AddProposalMaterialCommand } from './proposal.commands';
import type { DecisionProposal } from './proposal.entity';
import { transaction } from '../db/transaction';

/** A proposal's materials (R-LR-2): text or uploaded files, hashed, stored through the storage port. */
export class ProposalMaterialService extends ProposalBase {
  async add(user: Actor, cmd: AddProposalMaterialCommand): Promise<{ proposal: DecisionProposal; material: Material }> {
    // Validate and decode before the transaction: a bad file never reaches the database.
    this.deps.materials.prepare(cmd);
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '上传材料');
      const m = this.deps.materials.add(em, proposalOwner(p.id), cmd, user.id, this.now);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'material.add', p, {
        after: { kind: m.kind, title: m.title, fileName: m.fileName, sizeBytes: m.sizeBytes, contentHash: m.contentHash },
      });
      return { proposal: p, material: m };
    });
  }
}
