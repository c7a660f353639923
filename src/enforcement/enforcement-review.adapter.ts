import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { PinnedMaterial } from '../content/materials';
import { textVersions, versionRef } from '../content/text-versions';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { sha256 } from '../core/text';
import { findForUpdate } from '../db/find';
import type { ReviewEvent, ReviewSubject, ReviewSubjectAdapter } from '../review/review-subject.port';
import { OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import type { DeadlinePolicy } from '../review/review.rules';
import { authorizeCaseEvent, caseSummary, enforcementOwner, loadPackage, majorOf } from './enforcement-base';
import { EnforcementCase } from './enforcement.entity';
import { PROCEDURE_STEP_LABELS } from './enforcement.enums';
import { ENFORCEMENT_ASPECTS, ENFORCEMENT_OPINION_RULES, ENFORCEMENT_PIN_RULES, enforcementDeadlinePolicy, packageBlockers } from './enforcement.rules';
import { ENFORCEMENT_WORKFLOW, type EnforcementEvent } from './enforcement.workflow';

type CaseSubject = ReviewSubject & { enforcementCase: EnforcementCase };

/** One pinned part of the package: what it is, and the hash of its content as submitted. */
function pinned(id: string, kind: string, title: string, content: unknown): PinnedMaterial {
  return { id, kind, title, contentHash: sha256(JSON.stringify(content)) };
}

/**
 * Major law-enforcement decisions as a review subject (重大执法决定法制审核, R-EN-1…4): the proposed
 * decision is the text pinned; the package (facts, legal basis and discretion, measure, evidence,
 * officers, procedure record) is pinned part by part with its hashes. The subject type declares its
 * own clock (R-EN-4: 5 working days, one extension of 5), its conclusions (R-EN-4) and the aspects
 * its opinions are given on (R-EN-3); the case moves with its review.
 */
export class EnforcementReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.ENFORCEMENT_DECISION;
  readonly noun = '执法决定';
  readonly conclusions = [OpinionConclusion.AGREED, OpinionConclusion.AGREED_WITH_AMENDMENTS, OpinionConclusion.RETURNED_FOR_FURTHER_INVESTIGATION, OpinionConclusion.NOT_AGREED];
  /** R-EN-3: an opinion is issued only with a conclusion on every one of these aspects. */
  readonly aspects = ENFORCEMENT_ASPECTS;
  readonly pinRules = ENFORCEMENT_PIN_RULES;
  readonly opinionRules = ENFORCEMENT_OPINION_RULES;
  readonly deadlinePolicy: DeadlinePolicy;

  constructor(private readonly deps: { config: Pick<Config, 'rules' | 'timeZone'>; clock: Clock; audit: AuditService }) {
    this.deadlinePolicy = enforcementDeadlinePolicy(deps.config.rules.enforcement);
  }

  private get today(): string {
    return localDateOf(this.deps.clock.now(), this.deps.config.timeZone);
  }

  async load(em: EntityManager, id: string): Promise<CaseSubject> {
    const c = await findForUpdate(em, EnforcementCase, id, '执法案件');
    const current = c.currentDecisionNumber ? await textVersions.get(em, enforcementOwner(c.id), c.currentDecisionNumber, '拟作出的执法决定') : null;
    return {
      id: c.id,
      title: c.title,
      departmentId: c.department.id,
      // Without a proposed decision there is nothing to pin: the R-EN-2 blocker PROPOSED_DECISION_MISSING says so.
      current: current ? versionRef(current) : { id: '', number: 0, contentHash: '' },
      version: c.version,
      enforcementCase: c,
    };
  }

  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    authorizeCaseEvent(actor, (subject as CaseSubject).enforcementCase, 'SUBMIT');
  }

  async submissionBlockers(em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    const c = (subject as CaseSubject).enforcementCase;
    const { snapshot } = await loadPackage(em, c);
    return [...ENFORCEMENT_WORKFLOW.violations(c.state, 'SUBMIT'), ...packageBlockers(snapshot, this.today, this.deps.config.rules.enforcement)];
  }

  async pinPackage(em: EntityManager, subject: ReviewSubject): Promise<PinnedMaterial[]> {
    const c = (subject as CaseSubject).enforcementCase;
    const { evidence, officers, procedure } = await loadPackage(em, c);
    return [
      pinned(c.id, 'FACTS', '认定的违法事实', { facts: c.factsFound, party: [c.partyKind, c.partyName, c.partyIdNumber] }),
      pinned(c.id, 'LEGAL_BASIS', '法律依据及裁量基准', [c.legalBasisLaw, c.legalBasisArticle, c.discretionStandard]),
      pinned(c.id, 'MEASURE', '拟作出的处理措施', caseSummary(c).measure),
      ...evidence.map((e) => pinned(e.id, 'EVIDENCE', `证据${e.seq}：${e.title}`, [e.seq, e.kind, e.title, e.description, e.obtainedOn])),
      ...officers.map((o) => pinned(o.id, 'OFFICER', `执法人员：${o.name}（${o.certificateNumber}）`, [o.name, o.certificateNumber, o.certificateValidUntil ?? null])),
      ...procedure.map((p) => pinned(p.id, 'PROCEDURE', `程序：${PROCEDURE_STEP_LABELS[p.kind]}（${p.occurredOn}）`, [p.kind, p.occurredOn, p.note])),
    ];
  }

  async onSubmitted(em: EntityManager, subject: ReviewSubject, e: ReviewEvent): Promise<void> {
    const c = (subject as CaseSubject).enforcementCase;
    const major = majorOf(c, this.deps.config.rules);
    // R-EN-1: a case off the list may be submitted voluntarily; the record says so.
    c.submittedVoluntarily = !major.major;
    await this.move(em, c, 'SUBMIT', 'review_requested', e, { major: major.major, reasons: major.reasons.map((r) => r.criterion) });
  }

  async onReturned(em: EntityManager, subject: ReviewSubject, e: ReviewEvent): Promise<void> {
    await this.move(em, (subject as CaseSubject).enforcementCase, 'REVIEW_RETURNED', 'review_returned', e);
  }

  async onOpinionIssued(em: EntityManager, subject: ReviewSubject, e: ReviewEvent & { conclusion: OpinionConclusion }): Promise<void> {
    await this.move(em, (subject as CaseSubject).enforcementCase, 'OPINION_ISSUED', 'opinion_issued', e, { conclusion: e.conclusion });
  }

  /** The case follows its review, through its own workflow table, and the move is audited on the case. */
  private async move(em: EntityManager, c: EnforcementCase, event: EnforcementEvent, action: string, e: ReviewEvent, extra: object = {}): Promise<void> {
    const before = caseSummary(c);
    c.state = ENFORCEMENT_WORKFLOW.next(c.state, event);
    c.updatedAt = this.deps.clock.now();
    await em.flush();
    await this.deps.audit.record(em, e.actor, {
      action: `enforcement.${action}`,
      subjectType: 'EnforcementCase',
      subjectId: c.id,
      before,
      after: { ...caseSummary(c), reviewRequestId: e.review.id, reviewCode: e.review.code, pinnedHash: e.review.pinnedHash, ...extra },
    });
  }
}
