import type { FilterQuery } from '@mikro-orm/postgresql';
import { assertNoViolations, type Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { transaction } from '../db/transaction';
import { Meeting } from '../deliberation/deliberation.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { User } from '../identity/user.entity';
import { authorizeCaseEvent, caseSummary, checkDate, EnforcementBase, loadPackage, majorOf } from './enforcement-base';
import type { EnforcementCaseFilter, RecordDecisionCommand } from './enforcement.commands';
import { EnforcementCase } from './enforcement.entity';
import { EnforcementStep } from './enforcement.enums';
import { decisionViolations, DEPARTING_CONCLUSIONS, packageBlockers, type MajorAssessment } from './enforcement.rules';
import { visibleEnforcementCases } from './enforcement.visibility';
import { ENFORCEMENT_WORKFLOW } from './enforcement.workflow';

/**
 * Reading enforcement cases and recording their decisions (R-EN-1, R-EN-4): the list, whether a case
 * is major and why, what stands in the way of the next step, and the decision itself — never before
 * the review concluded, and departing from a NOT_AGREED or RETURNED conclusion only after the
 * leadership's collective discussion.
 */
export class EnforcementDecisionService extends EnforcementBase {
  list(user: Actor, req: PageRequest, filter: EnforcementCaseFilter): Promise<Page<EnforcementCase>> {
    const where: FilterQuery<EnforcementCase> = { ...visibleEnforcementCases(user) };
    if (filter.state) where.state = filter.state;
    if (filter.departmentId) where.department = filter.departmentId;
    return paginate(this.em, EnforcementCase, where, req, this.deps.config.graphql, { field: 'createdAt', kind: 'date', direction: 'desc' });
  }

  /** R-EN-1: whether the decision is major now, with every reason. */
  majorAssessment(c: EnforcementCase): MajorAssessment {
    return majorOf(c, this.deps.config.rules);
  }

  /** Everything standing in the way of the step, all at once (a decision is assumed to be made today, without a collective discussion). */
  async blockers(c: EnforcementCase, step: EnforcementStep): Promise<Violation[]> {
    if (step === EnforcementStep.REQUEST_REVIEW) {
      const { snapshot } = await loadPackage(this.em, c);
      return [...ENFORCEMENT_WORKFLOW.violations(c.state, 'SUBMIT'), ...packageBlockers(snapshot, this.today, this.deps.config.rules.enforcement)];
    }
    const workflow = ENFORCEMENT_WORKFLOW.violations(c.state, 'DECIDE');
    if (workflow.length) return workflow;
    return decisionViolations(await this.decisionFacts(this.em, c, this.today, null));
  }

  /**
   * Records the decision on the current proposed decision (R-EN-4). The case is locked first (as the
   * review engine locks it), so no opinion or new version slips in between the checks and the record.
   */
  async decide(user: Actor, cmd: RecordDecisionCommand): Promise<EnforcementCase> {
    checkDate(cmd.decidedOn, 'decidedOn', '决定日期');
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId, cmd.version);
      authorizeCaseEvent(user, c, 'DECIDE');
      ENFORCEMENT_WORKFLOW.assertCan(c.state, 'DECIDE');
      const facts = await this.decisionFacts(em, c, cmd.decidedOn, cmd.collectiveDiscussion ?? null);
      assertNoViolations(decisionViolations(facts));
      const before = caseSummary(c);
      const reviewed = facts.inForce && c.state === 'REVIEWED' ? facts.inForce.opinion : null;
      c.state = ENFORCEMENT_WORKFLOW.next(c.state, 'DECIDE');
      c.decidedOn = cmd.decidedOn;
      c.decidedBy = em.getReference(User, user.id, { wrapped: true });
      c.decidedVersionNumber = facts.current!.number;
      c.decidedHash = facts.current!.contentHash;
      c.opinion = reviewed ? em.getReference(LegalOpinion, reviewed.id, { wrapped: true }) : null;
      c.opinionConclusion = reviewed?.conclusion ?? null;
      c.departsFromOpinion = !!reviewed && DEPARTING_CONCLUSIONS.includes(reviewed.conclusion);
      if (facts.meeting && cmd.collectiveDiscussion) {
        c.discussionMeeting = em.getReference(Meeting, facts.meeting.id, { wrapped: true });
        c.discussionConclusion = cmd.collectiveDiscussion.conclusion.trim();
        c.discussionReason = cmd.collectiveDiscussion.reason.trim();
      }
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'decide', c, before, {
        decidedOn: c.decidedOn,
        decidedVersionNumber: c.decidedVersionNumber,
        decidedHash: c.decidedHash,
        major: facts.major,
        opinionId: reviewed?.id ?? null,
        opinionConclusion: c.opinionConclusion,
        departsFromOpinion: c.departsFromOpinion,
        collectiveDiscussion: c.discussionMeeting ? { meetingId: facts.meeting!.id, heldOn: facts.meeting!.heldOn, conclusion: c.discussionConclusion, reason: c.discussionReason } : null,
      });
      return c;
    });
  }
}
