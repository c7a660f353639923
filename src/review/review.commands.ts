import type { AspectConclusion, ChecklistAnswer, ChecklistItem, FindingAspect, FindingResponse, OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';

/** Plain commands the review services take; the GraphQL inputs satisfy them. */

export interface ReviewVersionCommand {
  reviewId: string;
  /** The version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

export interface RequestReviewCommand {
  subjectType: ReviewSubjectType;
  subjectId: string;
  /** The subject's version the caller read, when the subject carries one. */
  subjectVersion?: number | null;
  requestedCompletionOn?: string | null;
}

export interface ReturnReviewCommand extends ReviewVersionCommand {
  missing: string;
}

export interface FirstReviewCommand extends ReviewVersionCommand {
  note: string;
}

export interface AssignReviewCommand {
  reviewId: string;
  advisorId: string;
}

export interface ExtendReviewCommand extends ReviewVersionCommand {
  workingDays: number;
  reason: string;
}

export interface FindingCommand {
  aspect: FindingAspect;
  mustFix: boolean;
  text: string;
  lawName: string;
  article: string;
}

export interface ChecklistEntryCommand {
  item: ChecklistItem;
  answer: ChecklistAnswer;
  lawName?: string | null;
  article?: string | null;
}

/** The conclusion on one aspect (R-LR-4), with its checklist answers where the aspect has a checklist. */
export interface AspectCommand {
  aspect: FindingAspect;
  conclusion: AspectConclusion;
  note?: string | null;
  checklist?: ChecklistEntryCommand[] | null;
}

export interface SaveOpinionCommand {
  reviewId: string;
  opinionId?: string | null;
  opinionVersion?: number | null;
  conclusion: OpinionConclusion;
  text: string;
  findings: FindingCommand[];
  /** One conclusion per aspect the subject type requires; a draft may leave some out, issuing may not. */
  aspects?: AspectCommand[] | null;
}

export interface IssueOpinionCommand {
  opinionId: string;
  version: number;
}

export interface RespondToFindingCommand {
  findingId: string;
  response: FindingResponse;
  reason?: string | null;
}

export interface ConfirmAmendmentCommand {
  opinionId: string;
  note: string;
}

export interface ReviewQueueFilter {
  assignedToMe?: boolean | null;
  unassigned?: boolean | null;
  status?: ReviewStatus | null;
  subjectType?: ReviewSubjectType | null;
  overdue?: boolean | null;
  dueWithinWorkingDays?: number | null;
}
