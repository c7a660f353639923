import type { MaterialInput } from '../content/materials';
import type { AssessmentAnswers } from './assessment.rules';
import type { NormativeDocument } from './normative.entity';
import type { CleanupOutcome, DocumentState, FairCompetitionResult, FilingMaterialKind, FilingOutcomeKind, FilingVerdict, Issuer } from './normative.enums';

/** Plain commands the normative services take; the GraphQL inputs satisfy them. */

export interface DocumentVersionCommand {
  documentId: string;
  /** The version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

/** What a new register entry says of itself, wherever it comes from. */
export interface NormativeDescription {
  title: string;
  issuer: Issuer;
  jointIssuers?: string | null;
  text: string;
  affectsBusinessesOrPublic: boolean;
  /** Omitted: as the title and text suggest (market-entities.rules.ts); departing from the suggestion needs a reason (R-ND-4). */
  touchesMarketEntities?: boolean | null;
  touchesMarketEntitiesReason?: string | null;
  /** The decision it implements (R-DEC-14). */
  originatingProposalId?: string | null;
}

export interface CreateNormativeCommand extends NormativeDescription {
  /** The released document it amends: replaced when this one is released. */
  replacesId?: string | null;
}

/** A register entry created inside the caller's transaction (a published decision's document). */
export interface CreateNormativeInCommand extends NormativeDescription {
  sponsorDepartmentId: string;
  replaces?: NormativeDocument | null;
}

export interface NormativeVersionCommand {
  documentId: string;
  text: string;
  changeNote: string;
}

/** Checklist answers as given: an omitted answer is not yet judged. */
export type AssessmentAnswersCommand = { [K in keyof AssessmentAnswers]?: AssessmentAnswers[K] };

export interface AssessCommand {
  documentId: string;
  answers: AssessmentAnswersCommand;
}

export interface ConfirmAssessmentCommand extends DocumentVersionCommand {
  verdict: FilingVerdict;
  /** Required when the verdict differs from the system's (R-ND-2). */
  reason?: string | null;
}

/**
 * Facts of the release gate; an omitted field is left as it is, an empty string clears it. The
 * deliberation is the meeting's record (an agenda item), the fair-competition review its own record.
 */
export interface ReleaseFactsCommand extends DocumentVersionCommand {
  publicCommentStartsOn?: string | null;
  publicCommentEndsOn?: string | null;
  effectiveOn?: string | null;
  validUntil?: string | null;
  urgentReason?: string | null;
}

/** A correction of what the register says of a document, before release, with a reason (R-ND-4). Omitted: unchanged. */
export interface CorrectFactsCommand extends DocumentVersionCommand {
  reason: string;
  title?: string | null;
  issuer?: Issuer | null;
  /** An empty string clears it. */
  jointIssuers?: string | null;
  affectsBusinessesOrPublic?: boolean | null;
  touchesMarketEntities?: boolean | null;
  /** Why the flag departs from the text's suggestion. */
  touchesMarketEntitiesReason?: string | null;
}

/** A fair-competition review of the current text and its conclusion (R-ND-4). */
export interface FairCompetitionReviewCommand {
  documentId: string;
  conclusion: FairCompetitionResult;
  reviewer: string;
  reviewedOn: string;
  notes: string;
}

export interface RequestNormativeReviewCommand {
  documentId: string;
  requestedCompletionOn?: string | null;
}

export interface FilingMaterialCommand {
  documentId: string;
  kind: FilingMaterialKind;
  text: string;
}

export interface ReleaseCommand extends DocumentVersionCommand {
  publishedOn: string;
  channel: string;
}

export interface RecordFilingCommand {
  documentId: string;
  filedOn: string;
  /** Materials sent; default: those prepared. */
  materials?: FilingMaterialKind[] | null;
}

export interface FilingOutcomeCommand {
  documentId: string;
  /** The filing's version the caller read. */
  version: number;
  outcome: FilingOutcomeKind;
  on: string;
  note?: string | null;
  /** CORRECT: the materials supplied. */
  materials?: FilingMaterialKind[] | null;
}

export interface CleanupCampaignCommand {
  title: string;
  startedOn: string;
}

export interface CleanupOutcomeCommand {
  campaignId: string;
  documentId: string;
  outcome: CleanupOutcome;
  reason: string;
  on: string;
}

export interface NormativeListFilter {
  state?: DocumentState | null;
  issuer?: Issuer | null;
  search?: string | null;
}

/** A material of the document's review package (R-LR-2): text, or a file. */
export interface AddNormativeMaterialCommand extends MaterialInput {
  documentId: string;
}
