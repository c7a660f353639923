import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions, versionRef } from '../content/text-versions';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import type { ReviewSubject, ReviewSubjectAdapter } from '../review/review-subject.port';
import { FindingAspect, OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { NormativeDocument } from './normative.entity';
import { authorizeDocumentEvent, normativeOwner } from './normative-base';
import { NORMATIVE_WORKFLOW } from './normative.workflow';

type DocumentSubject = ReviewSubject & { document: NormativeDocument };

/** Normative documents as a review subject (合法性审核, R-LR-1, R-ND-4): the current version is pinned. */
export class NormativeReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.NORMATIVE_DOCUMENT;
  readonly noun = '规范性文件';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL];
  readonly aspects = [FindingAspect.AUTHORITY, FindingAspect.PROCEDURE, FindingAspect.CONTENT];
  readonly pinRules = ['R-LR-5'] as const;

  async load(em: EntityManager, id: string): Promise<DocumentSubject> {
    const d = await findForUpdate(em, NormativeDocument, id, '规范性文件');
    const current = await textVersions.get(em, normativeOwner(d.id), d.currentVersionNumber, '规范性文件');
    return { id: d.id, title: d.title, departmentId: d.sponsorDepartment.id, current: versionRef(current), version: d.version, document: d };
  }

  /** Drafters of the sponsor department, the filing officer and admins submit documents (REQUEST_NORMATIVE_REVIEW). */
  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    authorizeDocumentEvent(actor, (subject as DocumentSubject).document, 'REQUEST_NORMATIVE_REVIEW');
  }

  /** Only a document in drafting is reviewed: a released one is never changed (R-ND-4). */
  async submissionBlockers(_em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    return NORMATIVE_WORKFLOW.violations((subject as DocumentSubject).document.state, 'REQUEST_NORMATIVE_REVIEW');
  }

  async pinPackage() {
    return [];
  }
}
