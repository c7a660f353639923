import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { assertNoViolations, BadInputError, ForbiddenError, type Violation } from '../core/errors';
import { assertActsForDepartment, hasRole, Role, type Actor } from '../core/roles';
import { containsPattern } from '../core/text';
import { findForUpdate, findOrThrow } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { DecisionDirectory, DirectoryItem } from '../directory/directory.entity';
import { AdjustmentKind, DirectoryItemStatus } from '../directory/directory.enums';
import { inclusionViolations } from '../directory/directory.rules';
import type { DirectoryService } from '../directory/directory.service';
import { assertSponsorDrafter, ProposalBase, proposalSummary, type ProposalDeps } from './proposal-base';
import type {
  CreateProposalCommand,
  DeclineProposalCommand,
  IncludeProposalCommand,
  ProposalListFilter,
  ProposalVersionCommand,
  UpdateProposalCommand,
} from './proposal.commands';
import { DecisionProposal } from './proposal.entity';
import { ProposalState } from './proposal.enums';
import { canSeeProposal, visibleProposals } from './proposal.visibility';
import { EDITABLE_STATES, PROPOSAL_WORKFLOW, type ProposalEvent } from './proposal.workflow';
import { amendmentViolations, flagChangeViolations, withdrawalViolations } from './readiness.rules';
import { transaction } from '../db/transaction';

/** What the proposal area needs to know of decisions (R-DEC-16), provided by the deliberation area. */
export interface DecisionStatusPort {
  /** The status of the decision made on a proposal, or null when none was made. */
  statusOf(em: EntityManager, proposalId: string): Promise<string | null>;
  /** The title of a meeting still recording (minutes not finalised) whose agenda holds the proposal, or null. */
  openMeetingOf(em: EntityManager, proposalId: string): Promise<string | null>;
}

export interface ProposalLifecycleDeps extends ProposalDeps {
  directory: DirectoryService;
  decisions: DecisionStatusPort;
}

/** Decision proposals from submission to inclusion, and the list (R-DEC-1, R-DIR-4, R-DEC-16). */
export class ProposalLifecycleService extends ProposalBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: ProposalLifecycleDeps,
  ) {
    super(em, deps);
  }

  async create(user: Actor, cmd: CreateProposalCommand): Promise<DecisionProposal> {
    if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('只有起草部门经办人可以提出决策建议');
    const year = cmd.year ?? Number(this.today.slice(0, 4));
    return transaction(this.em, async (em) => {
      let amends: DecisionProposal | null = null;
      if (cmd.amendsProposalId) {
        // a decision is changed by the department that carried it: visible is not enough
        amends = await this.getVisible(user, cmd.amendsProposalId, em);
        assertActsForDepartment(user, amends.sponsorDepartment.id, '决策建议');
        assertNoViolations(amendmentViolations({ decisionStatus: await this.deps.decisions.statusOf(em, amends.id) }));
      }
      const seq = await nextNumber(em, `proposal:${year}`);
      const p = em.create(DecisionProposal, {
        id: randomUUID(),
        code: `JC-${year}-${String(seq).padStart(3, '0')}`,
        year,
        title: cmd.title.trim(),
        source: cmd.source,
        sponsorDepartment: user.department.id,
        createdBy: user.id,
        problem: cmd.problem,
        legalBasis: cmd.legalBasis,
        preliminaryPlan: cmd.preliminaryPlan,
        necessity: cmd.necessity,
        feasibility: cmd.feasibility,
        ...cmd.flags,
        amends,
        addedProcedures: [],
        state: ProposalState.AWAITING_INCLUSION,
        currentDraftNumber: 0,
        createdAt: this.now,
        updatedAt: this.now,
      } as unknown as DecisionProposal);
      await em.flush();
      await this.audit(em, user, 'create', p, { after: { ...proposalSummary(p), amends: amends?.code ?? null } });
      return p;
    });
  }

  async update(user: Actor, cmd: UpdateProposalCommand): Promise<DecisionProposal> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForUpdate(em, user, cmd.proposalId, cmd.version);
      assertSponsorDrafter(user, p);
      assertNoViolations(PROPOSAL_WORKFLOW.requireState(p.state, EDITABLE_STATES, '修改', 'R-DIR-4'));
      const before = proposalSummary(p);
      if (cmd.flags) {
        assertNoViolations(flagChangeViolations(p.state, p, cmd.flags));
        Object.assign(p, cmd.flags);
      }
      for (const k of ['title', 'problem', 'legalBasis', 'preliminaryPlan', 'necessity', 'feasibility'] as const) {
        const value = cmd[k];
        if (value !== undefined && value !== null) p[k] = value;
      }
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'update', p, { before, after: proposalSummary(p) });
      return p;
    });
  }

  /** Links the proposal to an item of a published directory, or adds one by adjustment in the same transaction (R-DIR-4). */
  async include(user: Actor, cmd: IncludeProposalCommand): Promise<DecisionProposal> {
    if (!cmd.directoryItemId === !cmd.viaAdjustment) {
      throw new BadInputError('请指定目录事项，或通过目录调整新增事项（二选一）', 'directoryItemId');
    }
    return transaction(this.em, async (em) => {
      const p = await this.loadForUpdate(em, user, cmd.proposalId, cmd.version);
      this.assertEventAllowed(user, p, 'INCLUDE');
      let itemId = cmd.directoryItemId;
      if (cmd.viaAdjustment) {
        const a = cmd.viaAdjustment;
        const adjustment = await this.deps.directory.adjust(user, {
          directoryId: a.directoryId,
          kind: AdjustmentKind.ADD,
          reason: a.reason,
          newItem: {
            title: p.title,
            category: a.category,
            sponsorDepartmentId: p.sponsorDepartment.id,
            legalBasis: p.legalBasis,
            plannedQuarter: a.plannedQuarter,
            reason: a.reason,
          },
        });
        itemId = adjustment.item.id;
      }
      // The item's row lock (after the proposal's) queues every inclusion on it: the count below is the truth.
      const item = await findForUpdate(em, DirectoryItem, itemId!, '目录事项');
      const directory = await findOrThrow(em, DecisionDirectory, item.directory.id, '决策事项目录');
      const taken = await em.count(DecisionProposal, {
        directoryItem: item.id,
        id: { $ne: p.id },
        state: { $nin: [ProposalState.WITHDRAWN, ProposalState.DECLINED] },
      });
      assertNoViolations(
        inclusionViolations(
          {
            directoryStatus: directory.status,
            itemActive: item.status === DirectoryItemStatus.ACTIVE,
            directoryYear: directory.year,
            sponsorDepartmentId: item.sponsorDepartment.id,
            takenByAnother: taken > 0,
          },
          { year: p.year, sponsorDepartmentId: p.sponsorDepartment.id },
        ),
      );
      const before = proposalSummary(p);
      p.directoryItem = em.getReference(DirectoryItem, item.id, { wrapped: true });
      p.state = PROPOSAL_WORKFLOW.next(p.state, 'INCLUDE');
      p.declineReason = null;
      this.touch(p);
      await em.flush();
      await this.audit(em, user, 'include', p, { before, after: proposalSummary(p) });
      return p;
    });
  }

  decline(user: Actor, cmd: DeclineProposalCommand): Promise<DecisionProposal> {
    return this.simpleTransition(user, cmd, 'DECLINE', 'decline', (p) => {
      p.declineReason = cmd.reason.trim();
    });
  }

  requestInclusion(user: Actor, cmd: ProposalVersionCommand): Promise<DecisionProposal> {
    return this.simpleTransition(user, cmd, 'REQUEST_INCLUSION', 'request_inclusion');
  }

  /** Under the proposal's lock, which adding it to an agenda takes too: never withdrawn while on an open agenda. */
  withdraw(user: Actor, cmd: ProposalVersionCommand): Promise<DecisionProposal> {
    return this.simpleTransition(user, cmd, 'WITHDRAW', 'withdraw', undefined, async (em, p) =>
      withdrawalViolations({ openMeeting: await this.deps.decisions.openMeetingOf(em, p.id) }),
    );
  }

  private async simpleTransition(
    user: Actor,
    cmd: ProposalVersionCommand,
    event: ProposalEvent,
    action: string,
    apply?: (p: DecisionProposal) => void,
    guard?: (em: EntityManager, p: DecisionProposal) => Promise<Violation[]>,
  ): Promise<DecisionProposal> {
    return transaction(this.em, async (em) => {
      const p = await this.loadForUpdate(em, user, cmd.proposalId, cmd.version);
      this.assertEventAllowed(user, p, event);
      if (guard) assertNoViolations(await guard(em, p));
      const before = proposalSummary(p);
      p.state = PROPOSAL_WORKFLOW.next(p.state, event);
      apply?.(p);
      this.touch(p);
      await em.flush();
      await this.audit(em, user, action, p, { before, after: proposalSummary(p) });
      return p;
    });
  }

  list(user: Actor, req: PageRequest, filter: ProposalListFilter): Promise<Page<DecisionProposal>> {
    const where: FilterQuery<DecisionProposal> = { ...visibleProposals(user) };
    if (filter.departmentId) {
      if (!canSeeProposal(user, { sponsorDepartment: { id: filter.departmentId } })) throw new ForbiddenError('您只能查看本部门的决策建议');
      where.sponsorDepartment = filter.departmentId;
    }
    if (filter.year) where.year = filter.year;
    if (filter.state) where.state = filter.state;
    if (filter.directoryItemId) where.directoryItem = filter.directoryItemId;
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ title: { $ilike: like } }, { code: { $ilike: like } }];
    }
    return paginate(this.em, DecisionProposal, where, req, this.deps.config.graphql, { field: 'code', kind: 'string', direction: 'desc' });
  }
}
