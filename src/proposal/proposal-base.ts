import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate, type WorkingCalendar } from '../calendar/working-days';
import type { Materials } from '../content/materials';
import type { TextOwner } from '../content/text-versions';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import { assertActsForDepartment, hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { DecisionProposal, PROPOSAL_OWNER } from './proposal.entity';
import { canSeeProposal } from './proposal.visibility';
import { draftingStateViolations } from './readiness.rules';
import { DRAFTING_STATES, PROPOSAL_WORKFLOW, type ProposalEvent } from './proposal.workflow';

export interface ProposalDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  materials: Materials;
}

export const proposalOwner = (id: string): TextOwner => ({ type: PROPOSAL_OWNER, id });

/** The sponsor department's drafter, and no one else, drafts (department scoping). */
export function assertSponsorDrafter(user: Actor, p: DecisionProposal): void {
  if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('此操作需要起草部门经办人角色');
  assertActsForDepartment(user, p.sponsorDepartment.id, '决策建议');
}

export function proposalSummary(p: DecisionProposal) {
  return {
    code: p.code,
    title: p.title,
    state: p.state,
    directoryItemId: p.directoryItem?.id ?? null,
    flags: {
      affectsPublicInterest: p.affectsPublicInterest,
      specialised: p.specialised,
      stabilityRisk: p.stabilityRisk,
      touchesMarketEntities: p.touchesMarketEntities,
      viewsDifferWidely: p.viewsDifferWidely,
    },
    addedProcedures: p.addedProcedures,
    currentDraftNumber: p.currentDraftNumber,
  };
}

export function checkDate(value: string, field: string): void {
  if (!isValidLocalDate(value)) throw new BadInputError(`${field} 不是有效日期（YYYY-MM-DD）`, field);
}

/** What the proposal services share: the clock, access, loading for update and the audit record. */
export abstract class ProposalBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: ProposalDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  protected get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /** A proposal the user may see (`canSeeProposal`): FORBIDDEN for drafters of other departments. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<DecisionProposal> {
    const p = await findOrThrow(em, DecisionProposal, id, '决策建议');
    if (!canSeeProposal(user, p)) throw new ForbiddenError('您只能查看本部门的决策建议');
    return p;
  }

  /**
   * A proposal the user may see, its row locked until the transaction ends (FOR UPDATE) and read
   * afresh: every change of a proposal, or of what hangs on it, takes this lock before its checks,
   * so concurrent changes of one proposal run one after the other.
   */
  async lockVisible(user: Actor, id: string, em: EntityManager): Promise<DecisionProposal> {
    const p = await findForUpdate(em, DecisionProposal, id, '决策建议');
    if (!canSeeProposal(user, p)) throw new ForbiddenError('您只能查看本部门的决策建议');
    return p;
  }

  protected async loadForUpdate(em: EntityManager, user: Actor, id: string, version?: number): Promise<DecisionProposal> {
    const p = await this.lockVisible(user, id, em);
    if (version !== undefined) assertVersion(p, version, '决策建议');
    return p;
  }

  /** For drafting work on an included proposal: sponsor drafter, drafting state. */
  protected async loadForDrafting(em: EntityManager, user: Actor, id: string, action: string): Promise<DecisionProposal> {
    const p = await this.loadForUpdate(em, user, id);
    assertSponsorDrafter(user, p);
    assertNoViolations(draftingStateViolations(p.state, DRAFTING_STATES, action));
    return p;
  }

  /** Role, sponsor department (for 承办部门 events) and state: may the user fire the event now? */
  protected assertEventAllowed(user: Actor, p: DecisionProposal, event: ProposalEvent): void {
    PROPOSAL_WORKFLOW.authorize(user, event);
    if (PROPOSAL_WORKFLOW.spec(event).actor) assertSponsorDrafter(user, p);
    PROPOSAL_WORKFLOW.assertCan(p.state, event);
  }

  protected async audit(em: EntityManager, user: Actor, action: string, p: DecisionProposal, extra: { before?: object; after?: object } = {}) {
    await this.deps.audit.record(em, user, {
      action: `proposal.${action}`,
      subjectType: 'DecisionProposal',
      subjectId: p.id,
      before: (extra.before as Record<string, unknown>) ?? null,
      after: (extra.after as Record<string, unknown>) ?? null,
    });
  }

  /** Marks the proposal as changed whenever its package changes. */
  protected touch(p: DecisionProposal): void {
    p.updatedAt = this.now;
  }
}
