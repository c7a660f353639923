import type { EnforcementCaseState, EnforcementMeasureKind, EnforcementProcedureKind, EvidenceKind, PartyKind } from './enforcement.enums';

/** Plain commands the enforcement services take; the GraphQL inputs satisfy them. */

export interface PartyCommand {
  kind: PartyKind;
  name: string;
  idNumber?: string | null;
}

export interface CreateEnforcementCaseCommand {
  title: string;
  party: PartyCommand;
}

export interface LegalBasisCommand {
  lawName: string;
  article: string;
  discretionStandard: string;
}

export interface CircumstancesCommand {
  majorPublicInterest: boolean;
  socialRisk: boolean;
  complexCase: boolean;
  hearingRequired: boolean;
}

/** Changes of the package; a field left out stays as it is. */
export interface UpdateEnforcementCaseCommand {
  caseId: string;
  version: number;
  title?: string | null;
  party?: PartyCommand | null;
  factsFound?: string | null;
  legalBasis?: LegalBasisCommand | null;
  circumstances?: CircumstancesCommand | null;
}

export interface AddEvidenceCommand {
  caseId: string;
  kind: EvidenceKind;
  title: string;
  description: string;
  obtainedOn: string;
}

export interface AddOfficerCommand {
  caseId: string;
  name: string;
  certificateNumber: string;
  certificateValidUntil?: string | null;
}

export interface RecordProcedureCommand {
  caseId: string;
  kind: EnforcementProcedureKind;
  occurredOn: string;
  note: string;
}

export interface MeasureCommand {
  kinds: EnforcementMeasureKind[];
  fineAmount?: string | null;
  confiscationValue?: string | null;
}

export interface AddProposedDecisionCommand {
  caseId: string;
  text: string;
  changeNote: string;
  measure: MeasureCommand;
}

export interface EnforcementVersionCommand {
  caseId: string;
  version: number;
}

export interface ReopenInvestigationCommand extends EnforcementVersionCommand {
  reason: string;
}

export interface CollectiveDiscussionCommand {
  meetingId: string;
  conclusion: string;
  reason: string;
}

export interface RecordDecisionCommand extends EnforcementVersionCommand {
  decidedOn: string;
  collectiveDiscussion?: CollectiveDiscussionCommand | null;
}

export interface EnforcementCaseFilter {
  state?: EnforcementCaseState | null;
  departmentId?: string | null;
}
