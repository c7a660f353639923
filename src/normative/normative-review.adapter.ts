import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions, versionRef } from '../content/text-versions';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import type { ReviewSubject, ReviewSubjectAdapter } from '../review/review-subject.port';
import { OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { NormativeDocument } from './normative.entity';
import { authorizeDocumentEvent, normativeOwner } from './normative-base';
import type { NormativeMaterialService } from './normative-material.service';
import { NORMATIVE_ASPECTS } from './normative-review.rules';

type DocumentSubject = ReviewSubject & { document: NormativeDocument };

/**
 * Normative documents as a review subject (合法性审核, R-LR-1, R-LR-2, R-ND-4, R-ND-11): submitted
 * in drafting with their package, which is pinned with the current version; the opinion concludes on
 * authority, procedure and content, the content walking the R-ND-11 checklist.
 */
export class NormativeReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.NORMATIVE_DOCUMENT;
  readonly noun = '规范性文件';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL];
  readonly aspects = NORMATIVE_ASPECTS;
  readonly pinRules = ['R-LR-5'] as const;

  constructor(private readonly materials: NormativeMaterialService) {}

  async load(em: EntityManager, id: string): Promise<DocumentSubject> {
    const d = await findForUpdate(em, NormativeDocument, id, '规范性文件');
    const current = await textVersions.get(em, normativeOwner(d.id), d.currentVersionNumber, '规范性文件');
    return { id: d.id, title: d.title, departmentId: d.sponsorDepartment.id, current: versionRef(current), version: d.version, document: d };
  }

  /** Drafters of the sponsor department, the filing officer and admins submit documents (REQUEST_NORMATIVE_REVIEW). */
  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    authorizeDocumentEvent(actor, (subject as DocumentSubject).document, 'REQUEST_NORMATIVE_REVIEW');
  }

  /** Only a document in drafting, and only with its package (R-ND-4, R-LR-2). */
  submissionBlockers(em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    return this.materials.reviewBlockersIn(em, (subject as DocumentSubject).document);
  }

  pinPackage(em: EntityManager, subject: ReviewSubject) {
    return this.materials.pinPackage(em, (subject as DocumentSubject).document);
  }
}
