import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate } from '../calendar/working-days';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions, type TextOwner } from '../content/text-versions';
import { Meeting, MeetingCorrection } from '../deliberation/deliberation.entity';
import { MeetingStatus } from '../deliberation/deliberation.enums';
import type { OpinionInForce } from '../review/review-query.service';
import { ReviewSubjectType } from '../review/review.enums';
import type { CollectiveDiscussionCommand } from './enforcement.commands';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import { assertActsForDepartment, hasRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import type { ReviewQueryService } from '../review/review-query.service';
import { EnforcementCase, EnforcementEvidence, EnforcementOfficer, EnforcementProcedureRecord, ENFORCEMENT_OWNER } from './enforcement.entity';
import { majorAssessment, packageStateViolations, type DecisionFacts, type MajorAssessment, type PackageSnapshot } from './enforcement.rules';
import { canSeeEnforcementCase } from './enforcement.visibility';
import { ENFORCEMENT_WORKFLOW, type EnforcementEvent } from './enforcement.workflow';

export interface EnforcementDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
  /** The review engine's reading side: the opinion in force and whether a review is open. */
  reviews: ReviewQueryService;
}

export const enforcementOwner = (id: string): TextOwner => ({ type: ENFORCEMENT_OWNER, id });

/** A drafter of the case's own enforcement team (department scoping). */
export function assertCaseDrafter(user: Actor, c: EnforcementCase): void {
  if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('此操作需要执法部门经办人角色');
  assertActsForDepartment(user, c.department.id, '执法案件');
}

/** Who may fire a case event: its roles and, for 执法部门 events, the case's own team. */
export function authorizeCaseEvent(user: Actor, c: EnforcementCase, event: EnforcementEvent): void {
  ENFORCEMENT_WORKFLOW.authorize(user, event);
  if (ENFORCEMENT_WORKFLOW.spec(event).actor === '执法部门') assertCaseDrafter(user, c);
}

export function caseSummary(c: EnforcementCase) {
  return {
    code: c.code,
    title: c.title,
    state: c.state,
    party: { kind: c.partyKind, name: c.partyName, idNumber: c.partyIdNumber ?? null },
    legalBasis: { law: c.legalBasisLaw ?? null, article: c.legalBasisArticle ?? null, discretion: c.discretionStandard ?? null },
    circumstances: { majorPublicInterest: c.majorPublicInterest, socialRisk: c.socialRisk, complexCase: c.complexCase, hearingRequired: c.hearingRequired },
    measure: { kinds: c.measureKinds, fineAmount: c.fineAmount ?? null, confiscationValue: c.confiscationValue ?? null },
    currentDecisionNumber: c.currentDecisionNumber,
  };
}

/** What decides whether the case is major (R-EN-1), from the case as it is. */
export function majorOf(c: EnforcementCase, rules: Config['rules']): MajorAssessment {
  return majorAssessment(
    {
      partyKind: c.partyKind,
      measureKinds: c.measureKinds,
      fineAmount: c.fineAmount ?? null,
      confiscationValue: c.confiscationValue ?? null,
      majorPublicInterest: c.majorPublicInterest,
      socialRisk: c.socialRisk,
      complexCase: c.complexCase,
      hearingRequired: c.hearingRequired,
    },
    rules.enforcement,
  );
}

/** The case's package with its evidence, officers and procedure record (R-EN-2), in list order. */
export async function loadPackage(em: EntityManager, c: EnforcementCase) {
  const [evidence, officers, procedure] = await Promise.all([
    em.find(EnforcementEvidence, { case: c.id }, { orderBy: { seq: 'asc' } }),
    em.find(EnforcementOfficer, { case: c.id }, { orderBy: { seq: 'asc' } }),
    em.find(EnforcementProcedureRecord, { case: c.id }, { orderBy: { seq: 'asc' } }),
  ]);
  const snapshot: PackageSnapshot = {
    currentDecisionNumber: c.currentDecisionNumber,
    factsFound: c.factsFound,
    legalBasisLaw: c.legalBasisLaw,
    legalBasisArticle: c.legalBasisArticle,
    discretionStandard: c.discretionStandard,
    hearingRequired: c.hearingRequired,
    evidenceCount: evidence.length,
    officers: officers.map((o) => ({ name: o.name, certificateNumber: o.certificateNumber, certificateValidUntil: o.certificateValidUntil })),
    procedure: procedure.map((p) => ({ kind: p.kind, occurredOn: p.occurredOn })),
  };
  return { evidence, officers, procedure, snapshot };
}

/** BAD_USER_INPUT unless the value is a calendar date. */
export function checkDate(value: string, field: string, what: string): void {
  if (!isValidLocalDate(value)) throw new BadInputError(`${what}不是有效日期（YYYY-MM-DD）`, field);
}

/** What the enforcement services share: the clock, loading under lock, the state check and the audit record. */
export abstract class EnforcementBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: EnforcementDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /** A case the user may see (`canSeeEnforcementCase`): FORBIDDEN for other departments' users. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<EnforcementCase> {
    const c = await findOrThrow(em, EnforcementCase, id, '执法案件');
    if (!canSeeEnforcementCase(user, c)) throw new ForbiddenError('执法案件仅限本执法部门及法制审核相关人员查看');
    return c;
  }

  /**
   * The case for a drafter of its team, its row locked until commit and read afresh (changes of one
   * case queue; the review engine locks it the same way, first), at the version read when given.
   */
  protected async lockForDrafter(em: EntityManager, user: Actor, id: string, version?: number): Promise<EnforcementCase> {
    const c = await findForUpdate(em, EnforcementCase, id, '执法案件');
    if (!canSeeEnforcementCase(user, c)) throw new ForbiddenError('执法案件仅限本执法部门及法制审核相关人员查看');
    assertCaseDrafter(user, c);
    if (version !== undefined) assertVersion(c, version, '执法案件');
    return c;
  }

  /** R-EN-2: the package changes only while the team investigates. */
  protected assertPackageEditable(c: EnforcementCase, states: readonly EnforcementCase['state'][], action: string): void {
    assertNoViolations(packageStateViolations(c.state, states, action));
  }

  /**
   * What the decision rules need (R-EN-1, R-EN-4): whether the case is major, whether a review is
   * open, the opinion in force with the texts it covers, the current text, and the meeting named as
   * the collective discussion.
   */
  protected async decisionFacts(em: EntityManager, c: EnforcementCase, decidedOn: string, discussion: CollectiveDiscussionCommand | null): Promise<DecisionFacts & { current: TextVersion | null; inForce: OpinionInForce | null; meeting: Meeting | null }> {
    const tz = this.deps.config.timeZone;
    const [pendingReview, inForce, current, meeting, corrections] = await Promise.all([
      this.deps.reviews.hasPendingReview(em, ReviewSubjectType.ENFORCEMENT_DECISION, c.id),
      this.deps.reviews.opinionInForce(em, ReviewSubjectType.ENFORCEMENT_DECISION, c.id),
      c.currentDecisionNumber ? textVersions.find(em, enforcementOwner(c.id), c.currentDecisionNumber) : Promise.resolve(null),
      discussion ? findOrThrow(em, Meeting, discussion.meetingId, '集体讨论会议') : Promise.resolve(null),
      discussion ? em.find(MeetingCorrection, { meeting: discussion.meetingId }, { orderBy: { recordedAt: 'asc' } }) : Promise.resolve([]),
    ]);
    return {
      state: c.state,
      major: majorOf(c, this.deps.config.rules).major,
      pendingReview,
      opinion: inForce
        ? {
            conclusion: inForce.opinion.conclusion,
            issuedOn: localDateOf(inForce.opinion.issuedAt!, tz),
            coveredHashes: [inForce.opinion.reviewedDraftHash, ...inForce.confirmedHashes],
          }
        : null,
      decidedHash: current?.contentHash ?? null,
      decidedOn,
      today: this.today,
      caseCode: c.code,
      discussion: discussion
        ? {
            meeting: meeting && {
              title: meeting.title,
              finalised: meeting.status === MeetingStatus.FINALISED,
              heldOn: meeting.heldOn,
              record: [meeting.minutes ?? '', ...corrections.map((x) => x.text)].join('\n'),
            },
            conclusion: discussion.conclusion,
            reason: discussion.reason,
          }
        : null,
      current,
      inForce,
      meeting,
    };
  }

  protected touch(c: EnforcementCase): void {
    c.updatedAt = this.now;
  }

  protected async audit(em: EntityManager, user: Actor, action: string, c: EnforcementCase, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, user, {
      action: `enforcement.${action}`,
      subjectType: 'EnforcementCase',
      subjectId: c.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...caseSummary(c), ...extra },
    });
  }
}
