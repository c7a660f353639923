import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { localDateOf, type Clock } from '../core/clock';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import { proposalOwner } from '../proposal/proposal-base';
import { DecisionProposal } from '../proposal/proposal.entity';
import { ProposalStep } from '../proposal/proposal.enums';
import { PROPOSAL_WORKFLOW } from '../proposal/proposal.workflow';
import type { ReadinessService } from '../proposal/readiness.service';
import { proposalDateViolations } from '../proposal/proposal-dates.rules';
import type { AgendaSubject, AgendaSubjectAdapter } from './agenda-subject.port';
import { Decision, type AgendaItem, type Meeting } from './deliberation.entity';
import { AgendaSubjectType, DecisionStatus, HeadDecision } from './deliberation.enums';
import { proposalEventOf } from './deliberation.rules';

export interface ProposalAgendaDeps {
  clock: Clock;
  audit: AuditService;
  /** Who may see a proposal; `lockVisible` also takes its row lock. */
  proposals: Pick<ProposalLifecycleService, 'lockVisible'>;
  /** What still blocks a proposal from deliberation (R-DEC-7…10), and the dates of its package. */
  readiness: Pick<ReadinessService, 'blockersIn' | 'packageDatesIn'>;
  /** The business time zone: "today" for the date checks. */
  timeZone: string;
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

  /** R-DEC-8/9/10: the proposal's DELIBERATION blockers, and its package dated before the meeting. */
  async blockers(em: EntityManager, subject: AgendaSubject, m: Meeting): Promise<Violation[]> {
    const p = (subject as ProposalSubject).proposal;
    const blockers = await this.deps.readiness.blockersIn(em, p, ProposalStep.DELIBERATION);
    const packageDates = await this.deps.readiness.packageDatesIn(em, p);
    const today = localDateOf(this.deps.clock.now(), this.deps.timeZone);
    return [...blockers, ...proposalDateViolations({ ...packageDates, meetingHeldOn: m.heldOn }, today)];
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
        // With changes, the decision waits for the amended text the chair confirms (R-DEC-12).
        const draft = await findOrThrow(em, TextVersion, item.draftVersion.id, '决策草案');
        const withChanges = item.headDecision === HeadDecision.APPROVE_WITH_CHANGES;
        em.create(Decision, {
          id: randomUUID(),
          proposal: p,
          agendaItem: item,
          approvedDraftNumber: draft.number,
          approvedDraftHash: item.draftHash,
          requiredChanges: withChanges ? item.requiredChanges : null,
          status: withChanges ? DecisionStatus.AMENDMENT_REQUIRED : DecisionStatus.APPROVED,
        } as unknown as Decision);
      }
      await this.deps.audit.record(em, user, {
        action: 'proposal.deliberated',
        subjectType: 'DecisionProposal',
        subjectId: p.id,
        after: { meetingId: m.id, decision: item.headDecision, reason: item.decisionReason ?? null, requiredChanges: item.requiredChanges ?? null, state: p.state },
      });
    }
  }
}
