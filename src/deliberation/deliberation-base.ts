import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate, type WorkingCalendar } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { BadInputError } from '../core/errors';
import type { Actor } from '../core/roles';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import type { DecisionProposal } from '../proposal/proposal.entity';
import type { Decision, Meeting } from './deliberation.entity';

export interface DeliberationDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  /** Who may see a proposal (department scoping); `lockVisible` also takes its row lock. */
  proposals: Pick<ProposalLifecycleService, 'getVisible' | 'lockVisible'>;
}

/** What the audit trail keeps of a decision before and after a change. */
export function decisionSummary(d: Decision) {
  return {
    status: d.status,
    approvedDraftNumber: d.approvedDraftNumber,
    requiredChanges: d.requiredChanges ?? null,
    amendedDraftNumber: d.amendedDraftNumber ?? null,
    signedDraftNumber: d.signedDraftNumber ?? null,
    documentNumber: d.documentNumber ?? null,
    signedOn: d.signedOn ?? null,
    partyReportedOn: d.partyReportedOn ?? null,
    publishedOn: d.publishedOn ?? null,
    publicationDueOn: d.publicationDueOn ?? null,
    executingDepartmentId: d.executingDepartment?.id ?? null,
    suspendedReason: d.suspendedReason ?? null,
  };
}

/** What the meeting and decision services share: the clock, dates and the audit record. */
export abstract class DeliberationBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: DeliberationDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  protected get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /** BAD_USER_INPUT naming the field when `value` is no calendar date. */
  protected checkDate(value: string, what: string, field: string): void {
    if (!isValidLocalDate(value)) throw new BadInputError(`${what}无效`, field);
  }

  protected async auditMeeting(em: EntityManager, user: Actor, action: string, m: Meeting, after: Record<string, unknown>) {
    await this.deps.audit.record(em, user, { action: `meeting.${action}`, subjectType: 'Meeting', subjectId: m.id, after });
  }

  protected async auditDecision(em: EntityManager, user: Actor, action: string, p: DecisionProposal, d: Decision, before?: object | null, extra: object = {}) {
    await this.deps.audit.record(em, user, {
      action: `decision.${action}`,
      subjectType: 'DecisionProposal',
      subjectId: p.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...decisionSummary(d), ...extra },
    });
  }
}
