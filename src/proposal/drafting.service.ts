import { randomUUID } from 'node:crypto';
import type { DiffLine } from '../content/line-diff';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import type { Actor } from '../core/roles';
import { ProposalBase, proposalOwner } from './proposal-base';
import type { AddAlternativeCommand, AddDraftCommand, RecordDisagreementCommand } from './proposal.commands';
import { ProposalAlternative, ProposalDisagreement, type DecisionProposal } from './proposal.entity';
import { transaction } from '../db/transaction';

/** Drafting (R-DEC-2): immutable, hashed draft versions, alternatives and recorded disagreements. */
export class DraftingService extends ProposalBase {
  async addDraft(user: Actor, cmd: AddDraftCommand): Promise<{ proposal: DecisionProposal; draft: TextVersion }> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '起草');
      p.currentDraftNumber += 1;
      this.touch(p);
      const d = textVersions.append(em, proposalOwner(p.id), p.currentDraftNumber, { text: cmd.text, changeNote: cmd.changeNote, authorId: user.id, at: this.now });
      await em.flush();
      await this.audit(em, user, 'draft.add', p, { after: { number: d.number, contentHash: d.contentHash, changeNote: d.changeNote } });
      return { proposal: p, draft: d };
    });
  }

  async draftDiff(user: Actor, proposalId: string, from: number, to: number): Promise<{ from: TextVersion; to: TextVersion; added: number; removed: number; lines: DiffLine[] }> {
    const p = await this.getVisible(user, proposalId);
    const d = await textVersions.diff(this.em, proposalOwner(p.id), from, to, '草案');
    return {
      ...d,
      added: d.lines.filter((l) => l.op === 'ADDED').length,
      removed: d.lines.filter((l) => l.op === 'REMOVED').length,
    };
  }

  async addAlternative(user: Actor, cmd: AddAlternativeCommand): Promise<{ proposal: DecisionProposal; alternative: ProposalAlternative }> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '记录备选方案');
      const a = em.create(ProposalAlternative, {
        id: randomUUID(),
        proposal: p,
        title: cmd.title.trim(),
        description: cmd.description,
        createdAt: this.now,
      } as unknown as ProposalAlternative);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'alternative.add', p, { after: { title: a.title } });
      return { proposal: p, alternative: a };
    });
  }

  async recordDisagreement(user: Actor, cmd: RecordDisagreementCommand): Promise<{ proposal: DecisionProposal; disagreement: ProposalDisagreement }> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForDrafting(em, user, cmd.proposalId, '记录部门分歧');
      const d = em.create(ProposalDisagreement, {
        id: randomUUID(),
        proposal: p,
        departments: cmd.departments.trim(),
        description: cmd.description,
        unresolved: true,
        createdAt: this.now,
      } as unknown as ProposalDisagreement);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'disagreement.record', p, { after: { departments: d.departments } });
      return { proposal: p, disagreement: d };
    });
  }
}
