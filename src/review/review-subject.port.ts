import type { EntityManager } from '@mikro-orm/postgresql';
import type { PinnedMaterial } from '../content/materials';
import type { VersionRef } from '../content/text-versions';
import { BadInputError, type Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import type { RuleId } from '../core/rules/registry';
import type { OpinionConclusion, ReviewSubjectType } from './review.enums';
import type { AspectRequirement } from './review-aspects';

export { LEGALITY_ASPECTS, type AspectRequirement } from './review-aspects';
import type { DeadlinePolicy, OpinionRules } from './review.rules';

/**
 * The port between the review engine and what it reviews (R-LR-1). The engine imports no subject
 * area: each area (proposal, contract, normative …) provides one adapter, registered in the
 * composition root. Adding a subject type is one adapter plus its registration.
 */
export interface ReviewSubject {
  id: string;
  title: string;
  /** The sponsor department: it requests, answers and resubmits. */
  departmentId: string;
  /** The text as it is now. */
  current: VersionRef;
  /** The subject's optimistic-lock version, when it has one: a request may name the version it read. */
  version?: number;
}

export interface ReviewSubjectAdapter {
  readonly type: ReviewSubjectType;
  /** Chinese noun used in messages: 决策建议, 合同 … */
  readonly noun: string;
  /** Conclusions an opinion on this kind of subject may reach (R-LR-5). */
  readonly conclusions: readonly OpinionConclusion[];
  /**
   * The aspects an opinion on this kind of subject concludes on, in order (R-LR-4): every one needs
   * a conclusion before the opinion is issued, and a finding names one of them.
   */
  readonly aspects: readonly AspectRequirement[];
  /** Rules cited when an opinion would cover a text other than the pinned one. */
  readonly pinRules: readonly RuleId[];
  /**
   * The review clock of this subject type (due, minimum, extension, the rule cited), when it has its
   * own; otherwise the global numbers of R-LR-3 apply.
   */
  readonly deadlinePolicy?: DeadlinePolicy;
  /** The rules cited for this subject type's conclusions and findings, when it has its own (R-LR-5 / R-LR-4 otherwise). */
  readonly opinionRules?: OpinionRules;

  /**
   * The subject now, its row locked until the review's transaction ends (the engine calls this only
   * inside its write transactions, before it locks the review): a submission pins the text and
   * package as they are, and no draft or material of the subject slips in meanwhile. NOT_FOUND when
   * it does not exist.
   */
  load(em: EntityManager, id: string): Promise<ReviewSubject>;
  /** FORBIDDEN unless the actor may submit, answer and resubmit for this subject. */
  authorizeSubmission(actor: Actor, subject: ReviewSubject): void;
  /** Everything missing from a (re)submission (R-LR-2), all at once. */
  submissionBlockers(em: EntityManager, subject: ReviewSubject): Promise<Violation[]>;
  /** The package pinned with the text: materials and their hashes (R-LR-2). */
  pinPackage(em: EntityManager, subject: ReviewSubject): Promise<PinnedMaterial[]>;

  /** The subject's own workflow moves with the review; each hook runs inside the review's transaction. */
  onSubmitted?(em: EntityManager, subject: ReviewSubject, event: ReviewEvent): Promise<void>;
  onReturned?(em: EntityManager, subject: ReviewSubject, event: ReviewEvent): Promise<void>;
  onOpinionIssued?(em: EntityManager, subject: ReviewSubject, event: ReviewEvent & { conclusion: OpinionConclusion }): Promise<void>;
}

/** What a hook learns of the review step that moved its subject. */
export interface ReviewEvent {
  actor: Actor;
  review: { id: string; code: string; pinnedHash: string };
}

/** The adapters by subject type: filled in the composition root, read by the engine. */
export class ReviewSubjects {
  private readonly byType = new Map<ReviewSubjectType, ReviewSubjectAdapter>();

  constructor(adapters: readonly ReviewSubjectAdapter[] = []) {
    for (const a of adapters) this.register(a);
  }

  register(adapter: ReviewSubjectAdapter): void {
    if (this.byType.has(adapter.type)) throw new Error(`review subject ${adapter.type} registered twice`);
    this.byType.set(adapter.type, adapter);
  }

  of(type: ReviewSubjectType): ReviewSubjectAdapter {
    const a = this.byType.get(type);
    if (!a) throw new BadInputError('不支持该审查对象类型', 'subjectType');
    return a;
  }

  get types(): ReviewSubjectType[] {
    return [...this.byType.keys()];
  }
}
