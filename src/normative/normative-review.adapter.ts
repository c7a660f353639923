import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions, versionRef } from '../content/text-versions';
import { ForbiddenError, type Violation } from '../core/errors';
import { assertActsForDepartment, hasAnyRole, Role, type Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import type { ReviewSubject, ReviewSubjectAdapter } from '../review/review-subject.port';
import { FindingAspect, OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { NormativeDocument } from './normative.entity';
import { DocumentState } from './normative.enums';
import { normativeOwner } from './normative.service';
import { releasedViolations } from './normative.rules';

type DocumentSubject = ReviewSubject & { document: NormativeDocument };

/** Normative documents as a review subject (合法性审核, R-LR-1, R-ND-4): the current version is pinned. */
export class NormativeReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.NORMATIVE_DOCUMENT;
  readonly noun = '规范性文件';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL];
  readonly aspects = [FindingAspect.AUTHORITY, FindingAspect.PROCEDURE, FindingAspect.CONTENT];
  readonly pinRules = ['R-LR-5'] as const;

  async load(em: EntityManager, id: string): Promise<DocumentSubject> {
    const d = await findOrThrow(em, NormativeDocument, id, '规范性文件');
    const current = await textVersions.get(em, normativeOwner(d.id), d.currentVersionNumber, '规范性文件');
    return { id: d.id, title: d.title, departmentId: d.sponsorDepartment.id, current: versionRef(current), version: d.version, document: d };
  }

  /** Drafters of the sponsor department, the filing officer and admins submit documents. */
  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    if (!hasAnyRole(actor, [Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN])) throw new ForbiddenError('此操作需要起草部门经办人或备案员角色');
    assertActsForDepartment(actor, (subject as DocumentSubject).document.sponsorDepartment.id, '文件', [Role.FILING_OFFICER, Role.ADMIN]);
  }

  async submissionBlockers(_em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    return releasedViolations((subject as DocumentSubject).document.state === DocumentState.DRAFTING, '提请审核');
  }

  async pinPackage() {
    return [];
  }
}
