import type { DecisionCategory } from '../directory/directory.enums';
import type { MaterialInput } from '../content/materials';
import type { FairCompetitionConclusion, OpinionResponse, ProcedureKind, ProposalSource, ProposalState, RiskLevel } from './proposal.enums';

/** Plain commands the proposal services take; the GraphQL inputs satisfy them. */

export interface ProposalVersionCommand {
  proposalId: string;
  /** The version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

export interface ProposalFlagsCommand {
  affectsPublicInterest: boolean;
  specialised: boolean;
  stabilityRisk: boolean;
  touchesMarketEntities: boolean;
  viewsDifferWidely: boolean;
}

export interface CreateProposalCommand {
  title: string;
  year?: number | null;
  source: ProposalSource;
  problem: string;
  legalBasis: string;
  preliminaryPlan: string;
  necessity: string;
  feasibility: string;
  flags: ProposalFlagsCommand;
  amendsProposalId?: string | null;
}

export interface UpdateProposalCommand extends ProposalVersionCommand {
  title?: string | null;
  problem?: string | null;
  legalBasis?: string | null;
  preliminaryPlan?: string | null;
  necessity?: string | null;
  feasibility?: string | null;
  flags?: ProposalFlagsCommand | null;
}

export interface IncludeProposalCommand extends ProposalVersionCommand {
  directoryItemId?: string | null;
  viaAdjustment?: { directoryId: string; category: DecisionCategory; plannedQuarter: number; reason: string } | null;
}

export interface DeclineProposalCommand extends ProposalVersionCommand {
  reason: string;
}

export interface AddDraftCommand {
  proposalId: string;
  text: string;
  changeNote: string;
}

export interface AddAlternativeCommand {
  proposalId: string;
  title: string;
  description: string;
}

export interface RecordDisagreementCommand {
  proposalId: string;
  departments: string;
  description: string;
}

export interface AddProcedureCommand extends ProposalVersionCommand {
  kind: ProcedureKind;
  reason: string;
}

export interface ConsultationCommand {
  proposalId: string;
  startsOn: string;
  endsOn: string;
  channel: string;
  shortenedReason?: string | null;
}

export interface RegisterOpinionCommand {
  proposalId: string;
  submitter: string;
  content: string;
  receivedOn: string;
}

export interface AnswerOpinionCommand {
  opinionId: string;
  response: OpinionResponse;
  reason?: string | null;
}

export interface AdoptionSummaryCommand {
  proposalId: string;
  summary: string;
}

export interface HearingCommand {
  proposalId: string;
  heldOn: string;
  participants: string[];
  participantsPublishedOn: string;
  materialsSentOn: string;
  record?: string | null;
  recordSigned: boolean;
}

export interface ExpertOpinionCommand {
  proposalId: string;
  expertName: string;
  affiliation: string;
  hasDirectInterest: boolean;
  conflictDeclaration: string;
  opinion: string;
  signedOn: string;
}

export interface ExpertAdoptionCommand {
  opinionId: string;
  adoption: OpinionResponse;
  reason?: string | null;
}

export interface RiskAssessmentCommand {
  proposalId: string;
  riskPoints: string;
  measures: string;
  contingencyPlan: string;
  level: RiskLevel;
  assessor: string;
  assessedOn: string;
}

export interface FairCompetitionCommand {
  proposalId: string;
  conclusion: FairCompetitionConclusion;
  reviewer: string;
  reviewedOn: string;
  notes: string;
}

export interface AddProposalMaterialCommand extends MaterialInput {
  proposalId: string;
}

export interface ProposalListFilter {
  year?: number | null;
  departmentId?: string | null;
  state?: ProposalState | null;
  directoryItemId?: string | null;
  search?: string | null;
}
