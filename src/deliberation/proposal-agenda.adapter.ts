import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import type { Clock } from '../core/clock';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import { proposalOwner } from '../proposal/proposal-base';
import { DecisionProposal } from '../proposal/proposal.entity';
import { ProposalStep } from '../proposal/proposal.enums';
import { PROPOSAL_WORKFLOW } from '../proposal/proposal.workflow';
import type { ReadinessService } from '../proposal/readiness.service';
import type { AgendaSubject, AgendaSubjectAdapter } from './agenda-subject.port';
import { Decision, type AgendaItem, type Meeting } from './deliberation.entity';
import { AgendaSubjectType, DecisionStatus } from './deliberation.enums';
import { proposalEventOf } from './deliberation.rules';

export interface ProposalAgendaDeps {
  clock: Clock;
  audit: AuditService;
  /** Who may see a proposal; `lockVisible` also takes its row lock. */
  proposals: Pick<ProposalLifecycleService, 'lockVisible'>;
  /** What still blocks a proposal from deliberation (R-DEC-7…10). */
  readiness: Pick<ReadinessService, 'blockersIn'>;
}

type ProposalSubject = AgendaSubject & { proposal: DecisionProposal };

/**
 * Decision proposals on the agenda (R-DEC-8…11): the current draft is deliberated; finalised minutes
 * move the proposal (approve → decision, return → drafting, defer → stays eligible, reject → closed)
 * and an approval creates the decision the decision service carries on.
 */
export class ProposalAgendaAdapter implements AgendaSubjectAdapter {
  readonly type = AgendaSubjectType.DECISION_PROPOSAL;
  readonly noun = '决策建议';
  readonly commandKey = 'proposalId' as const;
  readonly itemKey = 'proposal' as const;

  constructor(private readonly deps: ProposalAgendaDeps) {}

  async lock(em: EntityManager, user: Actor, id: string): Promise<ProposalSubject> {
    const p = await this.deps.proposals.lockVisible(user, id, em);
    const text = await textVersions.get(em, proposalOwner(p.id), p.currentDraftNumber, '决策草案');
    return { id: p.id, text, audit: { proposal: p.code }, proposal: p };
  }

  /** R-DEC-8/9/10: the proposal's DELIBERATION blockers. */
  blockers(em: EntityManager, subject: AgendaSubject): Promise<Violation[]> {
    return this.deps.readiness.blockersIn(em, (subject as ProposalSubject).proposal, ProposalStep.DELIBERATION);
  }

  async onFinalised(em: EntityManager, user: Actor, m: Meeting, items: AgendaItem[]): Promise<void> {
    if (items.length === 0) return;
    // Locked in id order, after the meeting, so no withdrawal slips in between.
    const locked = await em.find(
      DecisionProposal,
      { id: { $in: items.map((i) => i.proposal!.id) } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
    const proposals = new Map(locked.map((p) => [p.id, p]));
    const now = this.deps.clock.now();
    for (const item of items) {
      const event = proposalEventOf(item.headDecision!);
      if (!event) continue; // deferred: stays eligible for a later meeting
      const p = proposals.get(item.proposal!.id)!;
      p.state = PROPOSAL_WORKFLOW.next(p.state, event);
      p.updatedAt = now;
      if (event === 'HEAD_APPROVE') {
        const draft = await findOrThrow(em, TextVersion, item.draftVersion.id, '决策草案');
        em.create(Decision, {
          id: randomUUID(),
          proposal: p,
          agendaItem: item,
          approvedDraftNumber: draft.number,
          approvedDraftHash: item.draftHash,
          status: DecisionStatus.APPROVED,
        } as unknown as Decision);
      }
      await this.deps.audit.record(em, user, {
        action: 'proposal.deliberated',
        subjectType: 'DecisionProposal',
        subjectId: p.id,
        after: { meetingId: m.id, decision: item.headDecision, reason: item.decisionReason ?? null, state: p.state },
      });
    }
  }
}
