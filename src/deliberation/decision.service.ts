import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions } from '../content/text-versions';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import type { NormativeRegisterService } from '../normative/normative-register.service';
import { ExpertOpinion, PublicConsultation, RiskAssessment } from '../proposal/procedure.entity';
import { proposalOwner } from '../proposal/proposal-base';
import type { DecisionProposal } from '../proposal/proposal.entity';
import { DeliberationBase, decisionSummary, type DeliberationDeps } from './deliberation-base';
import type {
  ExecutingUnitCommand,
  ExecutionReportCommand,
  PartyReportCommand,
  PostEvaluationCommand,
  PublishDecisionCommand,
  SignDecisionCommand,
  SuspendDecisionCommand,
} from './deliberation.commands';
import { AgendaItem, Decision, ExecutionReport, PostEvaluation } from './deliberation.entity';
import { postEvaluationViolations, publicationOverdue, publicationViolations, signOffViolations } from './deliberation.rules';
import { DECISION_WORKFLOW } from './deliberation.workflow';
import { decisionDateViolations } from './deliberation-dates.rules';
import { transaction } from '../db/transaction';

export interface DecisionDeps extends DeliberationDeps {
  /** The register a published decision hands its normative document to (R-DEC-14, R-ND-4). */
  normative: Pick<NormativeRegisterService, 'createIn'>;
}

/** A decision and the proposal it was made on: what every decision mutation hands back. */
export interface DecisionResult {
  decision: Decision;
  proposal: DecisionProposal;
}

/**
 * Decisions after approval (R-DEC-12…16): sign-off with the document number, the Party report,
 * publication, the executing unit and its reports, post-evaluation and suspension. A decision is
 * addressed by its proposal, whose visibility rules apply.
 */
export class DecisionService extends DeliberationBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: DecisionDeps,
  ) {
    super(em, deps);
  }

  private async load(em: EntityManager, user: Actor, proposalId: string, version?: number): Promise<DecisionResult> {
    const proposal = await this.deps.proposals.getVisible(user, proposalId, em);
    // Locked until commit: changes of one decision (sign-off, publication, execution, suspension) queue.
    const decision = await findForUpdate(em, Decision, { proposal: proposal.id }, '决定（该建议尚未经集体讨论通过）');
    if (version !== undefined) assertVersion(decision, version, '决定');
    return { decision, proposal };
  }

  /**
   * The decision's dates as recorded (deliberation-dates.rules.ts): the meeting that made it, sign-off,
   * Party report, publication, execution reports and post-evaluations. A use case overrides what it
   * changes and checks the result once.
   */
  private async dates(em: EntityManager, d: Decision) {
    const item = await findOrThrow(em, AgendaItem, d.agendaItem.id, '议题', { populate: ['meeting'] });
    const reports = await em.find(ExecutionReport, { decision: d.id }, { fields: ['reportedOn'] });
    const evaluations = await em.find(PostEvaluation, { decision: d.id }, { fields: ['evaluatedOn'] });
    return {
      deliberatedOn: item.meeting.getEntity().heldOn,
      signedOn: d.signedOn ?? null,
      partyReportedOn: d.partyReportedOn ?? null,
      publishedOn: d.publishedOn ?? null,
      executionReportsOn: reports.map((r) => r.reportedOn),
      postEvaluationsOn: evaluations.map((e) => e.evaluatedOn),
    };
  }

  /**
   * R-DEC-12: by a decision maker, exactly the approved version — after an approval with changes, the
   * amended text the meeting's chair confirmed; assigns the document number.
   */
  async sign(user: Actor, cmd: SignDecisionCommand): Promise<DecisionResult> {
    DECISION_WORKFLOW.authorize(user, 'SIGN');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId, cmd.version);
      const draft = await textVersions.get(em, proposalOwner(p.id), cmd.draftNumber, '决策草案');
      assertNoViolations([
        ...DECISION_WORKFLOW.violations(d.status, 'SIGN'),
        ...signOffViolations({
          approvedDraftNumber: d.approvedDraftNumber,
          approvedDraftHash: d.approvedDraftHash,
          amendedDraftNumber: d.amendedDraftNumber ?? null,
          amendedDraftHash: d.amendedDraftHash ?? null,
          signedDraftHash: draft.contentHash,
        }),
        ...decisionDateViolations({ ...(await this.dates(em, d)), signedOn: this.today }, this.today),
      ]);
      const before = decisionSummary(d);
      const year = Number(this.today.slice(0, 4));
      const n = await nextNumber(em, `decision-document:${year}`);
      d.status = DECISION_WORKFLOW.next(d.status, 'SIGN');
      d.signedBy = em.getReference(User, user.id, { wrapped: true });
      d.signedOn = this.today;
      d.signedDraftNumber = draft.number;
      d.signedDraftHash = draft.contentHash;
      d.documentNumber = `云湖街决〔${year}〕${n}号`;
      d.publicationDueOn = this.deps.calendar.addWorkingDays(this.today, this.deps.config.rules.decision.publicationDueWorkingDays);
      await em.flush();
      await this.auditDecision(em, user, 'sign', p, d, before, { draftHash: draft.contentHash });
      return { decision: d, proposal: p };
    });
  }

  /** R-DEC-13: reported to the Party committee after sign-off, before publication. */
  async recordPartyReport(user: Actor, cmd: PartyReportCommand): Promise<DecisionResult> {
    DECISION_WORKFLOW.authorize(user, 'REPORT_TO_PARTY');
    this.checkDate(cmd.reportedOn, '报告日期', 'reportedOn');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId, cmd.version);
      DECISION_WORKFLOW.assertCan(d.status, 'REPORT_TO_PARTY');
      assertNoViolations(decisionDateViolations({ ...(await this.dates(em, d)), partyReportedOn: cmd.reportedOn }, this.today));
      const before = decisionSummary(d);
      d.partyReportedOn = cmd.reportedOn;
      await em.flush();
      await this.auditDecision(em, user, 'party_report', p, d, before);
      return { decision: d, proposal: p };
    });
  }

  /**
   * R-DEC-13/14: publication after the Party report, explaining the use of opinions when of broad
   * concern. A decision producing a normative document hands it to the register (R-ND-4).
   */
  async publish(user: User, cmd: PublishDecisionCommand): Promise<DecisionResult> {
    DECISION_WORKFLOW.authorize(user, 'PUBLISH');
    this.checkDate(cmd.publishedOn, '公布日期', 'publishedOn');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId, cmd.version);
      const consulted = (await em.count(PublicConsultation, { proposal: p.id })) > 0;
      const experts = (await em.count(ExpertOpinion, { proposal: p.id })) > 0;
      const broadConcern = p.affectsPublicInterest || consulted || experts;
      assertNoViolations([
        ...DECISION_WORKFLOW.violations(d.status, 'PUBLISH'),
        ...publicationViolations({ partyReportedOn: d.partyReportedOn ?? null, broadConcern, explanation: cmd.opinionsUseExplanation ?? null }),
        ...decisionDateViolations({ ...(await this.dates(em, d)), publishedOn: cmd.publishedOn }, this.today),
      ]);
      const before = decisionSummary(d);
      d.status = DECISION_WORKFLOW.next(d.status, 'PUBLISH');
      d.publishedOn = cmd.publishedOn;
      d.publicationChannel = cmd.channel.trim();
      d.opinionsUseExplanation = cmd.opinionsUseExplanation?.trim() || null;
      await em.flush();
      let normativeDocumentId: string | null = null;
      if (cmd.normativeDocument) {
        // Not bypassing the register: the signed text becomes a candidate that goes through the
        // filing assessment and the release gate of its own.
        const approved = await textVersions.get(em, proposalOwner(p.id), d.signedDraftNumber ?? d.approvedDraftNumber, '决策草案', true);
        const doc = await this.deps.normative.createIn(em, user, {
          title: p.title,
          issuer: cmd.normativeDocument.issuer,
          text: approved.text,
          affectsBusinessesOrPublic: cmd.normativeDocument.affectsBusinessesOrPublic,
          touchesMarketEntities: cmd.normativeDocument.touchesMarketEntities,
          originatingProposalId: p.id,
          sponsorDepartmentId: p.sponsorDepartment.id,
        });
        normativeDocumentId = doc.id;
      }
      await this.auditDecision(em, user, 'publish', p, d, before, {
        late: !!d.publicationDueOn && cmd.publishedOn > d.publicationDueOn,
        normativeDocumentId,
      });
      return { decision: d, proposal: p };
    });
  }

  /** R-DEC-16: the unit that executes the decision and reports on it. */
  async setExecutingUnit(user: Actor, cmd: ExecutingUnitCommand): Promise<DecisionResult> {
    DECISION_WORKFLOW.authorize(user, 'SET_EXECUTING_UNIT');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId, cmd.version);
      DECISION_WORKFLOW.assertCan(d.status, 'SET_EXECUTING_UNIT');
      const dept = await em.findOne(Department, { id: cmd.departmentId, active: true });
      if (!dept) throw new BadInputError('执行单位不存在或已停用', 'departmentId');
      const before = decisionSummary(d);
      d.executingDepartment = em.getReference(Department, dept.id, { wrapped: true });
      await em.flush();
      await this.auditDecision(em, user, 'executing_unit', p, d, before);
      return { decision: d, proposal: p };
    });
  }

  /** R-DEC-16: the executing unit reports while the decision is in execution. */
  async addExecutionReport(user: Actor, cmd: ExecutionReportCommand): Promise<{ report: ExecutionReport; decision: Decision }> {
    DECISION_WORKFLOW.authorize(user, 'REPORT_EXECUTION');
    this.checkDate(cmd.reportedOn, '报告日期', 'reportedOn');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId);
      DECISION_WORKFLOW.assertCan(d.status, 'REPORT_EXECUTION');
      if (!d.executingDepartment || d.executingDepartment.id !== user.department.id) throw new ForbiddenError('只有执行单位可以报告执行情况');
      const dates = await this.dates(em, d);
      assertNoViolations(decisionDateViolations({ ...dates, executionReportsOn: [...dates.executionReportsOn, cmd.reportedOn] }, this.today));
      const report = em.create(ExecutionReport, {
        id: randomUUID(),
        decision: d,
        reportedOn: cmd.reportedOn,
        content: cmd.content,
        reportedBy: user.username,
      } as unknown as ExecutionReport);
      await em.flush();
      await this.auditDecision(em, user, 'execution_report', p, d, undefined, { reportedOn: report.reportedOn });
      return { report, decision: d };
    });
  }

  /** R-DEC-16: the assessor may not be the unit that assessed the risk before the decision. */
  async recordPostEvaluation(user: Actor, cmd: PostEvaluationCommand): Promise<{ postEvaluation: PostEvaluation; decision: Decision }> {
    DECISION_WORKFLOW.authorize(user, 'RECORD_POST_EVALUATION');
    this.checkDate(cmd.evaluatedOn, '评估日期', 'evaluatedOn');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId);
      const risks = await em.find(RiskAssessment, { proposal: p.id });
      const dates = await this.dates(em, d);
      assertNoViolations([
        ...DECISION_WORKFLOW.violations(d.status, 'RECORD_POST_EVALUATION'),
        ...postEvaluationViolations(cmd.assessor, risks.map((r) => r.assessor)),
        ...decisionDateViolations({ ...dates, postEvaluationsOn: [...dates.postEvaluationsOn, cmd.evaluatedOn] }, this.today),
      ]);
      const postEvaluation = em.create(PostEvaluation, {
        id: randomUUID(),
        decision: d,
        assessor: cmd.assessor.trim(),
        conclusion: cmd.conclusion,
        evaluatedOn: cmd.evaluatedOn,
      } as unknown as PostEvaluation);
      await em.flush();
      await this.auditDecision(em, user, 'post_evaluation', p, d, undefined, { assessor: postEvaluation.assessor });
      return { postEvaluation, decision: d };
    });
  }

  /** R-DEC-16: suspension with a reason; a change needs a new proposal that amends this one. */
  async suspend(user: Actor, cmd: SuspendDecisionCommand): Promise<DecisionResult> {
    DECISION_WORKFLOW.authorize(user, 'SUSPEND');
    return transaction(this.em, async (em) => {
      const { decision: d, proposal: p } = await this.load(em, user, cmd.proposalId, cmd.version);
      const before = decisionSummary(d);
      d.status = DECISION_WORKFLOW.next(d.status, 'SUSPEND');
      d.suspendedReason = cmd.reason.trim();
      await em.flush();
      await this.auditDecision(em, user, 'suspend', p, d, before);
      return { decision: d, proposal: p };
    });
  }

  /** Today's state of the decision's publication deadline (R-DEC-14). */
  publicationOverdue(d: Decision): boolean {
    return publicationOverdue({ status: d.status, publicationDueOn: d.publicationDueOn ?? null }, this.today);
  }
}
