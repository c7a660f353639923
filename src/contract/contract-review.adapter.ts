import type { EntityManager } from '@mikro-orm/postgresql';
import type { Materials } from '../content/materials';
import { textVersions, versionRef } from '../content/text-versions';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import type { ReviewSubject, ReviewSubjectAdapter } from '../review/review-subject.port';
import { FindingAspect, OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { Contract } from './contract.entity';
import { assertContractDrafter, contractOwner } from './contract.service';

/** Contracts as a review subject (R-LR-1): the current contract text and its materials are pinned. */
export class ContractReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.CONTRACT;
  readonly noun = '合同';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL];
  readonly aspects = [FindingAspect.AUTHORITY, FindingAspect.PROCEDURE, FindingAspect.CONTENT];
  readonly pinRules = ['R-LR-5'] as const;

  constructor(private readonly materials: Materials) {}

  private async contract(em: EntityManager, id: string): Promise<Contract> {
    return findForUpdate(em, Contract, id, '合同');
  }

  async load(em: EntityManager, id: string): Promise<ReviewSubject & { contract: Contract }> {
    const c = await this.contract(em, id);
    const current = await textVersions.get(em, contractOwner(c.id), c.currentDraftNumber, '合同');
    return { id: c.id, title: c.title, departmentId: c.department.id, current: versionRef(current), version: c.version, contract: c };
  }

  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    assertContractDrafter(actor, (subject as ReviewSubject & { contract: Contract }).contract);
  }

  async submissionBlockers(): Promise<Violation[]> {
    return [];
  }

  pinPackage(em: EntityManager, subject: ReviewSubject) {
    return this.materials.pin(em, contractOwner(subject.id));
  }
}
