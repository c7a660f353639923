import type { EntityManager } from '@mikro-orm/postgresql';
import { textVersions, versionRef } from '../content/text-versions';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import { LEGALITY_ASPECTS, type ReviewSubject, type ReviewSubjectAdapter } from '../review/review-subject.port';
import { OpinionConclusion, ReviewSubjectType } from '../review/review.enums';
import { Contract } from './contract.entity';
import { assertContractDrafter, contractOwner, type ContractService } from './contract.service';

type ContractSubject = ReviewSubject & { contract: Contract };

/**
 * Contracts as a review subject (R-LR-1, R-LR-2): submitted only with their package — counterparty
 * and qualification, legal basis, negotiation record, amount and term, as configured — which is
 * pinned with the current text; the opinion concludes on authority, procedure and content.
 */
export class ContractReviewAdapter implements ReviewSubjectAdapter {
  readonly type = ReviewSubjectType.CONTRACT;
  readonly noun = '合同';
  readonly conclusions = [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL];
  readonly aspects = LEGALITY_ASPECTS;
  readonly pinRules = ['R-LR-5'] as const;

  constructor(private readonly contracts: ContractService) {}

  async load(em: EntityManager, id: string): Promise<ContractSubject> {
    const c = await findForUpdate(em, Contract, id, '合同');
    const current = await textVersions.get(em, contractOwner(c.id), c.currentDraftNumber, '合同');
    return { id: c.id, title: c.title, departmentId: c.department.id, current: versionRef(current), version: c.version, contract: c };
  }

  authorizeSubmission(actor: Actor, subject: ReviewSubject): void {
    assertContractDrafter(actor, (subject as ContractSubject).contract);
  }

  submissionBlockers(em: EntityManager, subject: ReviewSubject): Promise<Violation[]> {
    return this.contracts.packageBlockersIn(em, (subject as ContractSubject).contract);
  }

  pinPackage(em: EntityManager, subject: ReviewSubject) {
    return this.contracts.pinPackage(em, (subject as ContractSubject).contract);
  }
}
