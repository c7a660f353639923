import type { AdministrativeCaseKind, AdministrativeCaseOutcome, AdministrativeCaseStage, DisputeType, MediationOutcome, PublicityForm } from './register.enums';

/**
 * Plain commands of the registers (R-AR-2); the GraphQL inputs satisfy them. A create names the
 * department it records for (default: the user's own); an update replaces every editable field and
 * carries the version read (a stale one is refused with CONFLICT). The department never changes.
 */

export interface CreateRegisterEntry {
  /** Department the entry belongs to; default the user's own. Only cross-department recorders may name another. */
  departmentId?: string | null;
}
export interface UpdateRegisterEntry {
  id: string;
  version: number;
}

export interface LegalConsultationFields {
  consultedOn: string;
  requester: string;
  topic: string;
  answer: string;
  advisor: string;
  community?: string | null;
}
export type CreateLegalConsultationCommand = LegalConsultationFields & CreateRegisterEntry;
export type UpdateLegalConsultationCommand = LegalConsultationFields & UpdateRegisterEntry;

export interface DisputeMediationFields {
  receivedOn: string;
  parties: string;
  disputeType: DisputeType;
  summary: string;
  outcome: MediationOutcome;
  closedOn?: string | null;
  community?: string | null;
}
export type CreateDisputeMediationCommand = DisputeMediationFields & CreateRegisterEntry;
export type UpdateDisputeMediationCommand = DisputeMediationFields & UpdateRegisterEntry;

export interface AdministrativeCaseFields {
  caseNumber: string;
  kind: AdministrativeCaseKind;
  party: string;
  cause: string;
  stage: AdministrativeCaseStage;
  outcome?: AdministrativeCaseOutcome | null;
  openedOn: string;
  closedOn?: string | null;
}
export type CreateAdministrativeCaseCommand = AdministrativeCaseFields & CreateRegisterEntry;
export type UpdateAdministrativeCaseCommand = AdministrativeCaseFields & UpdateRegisterEntry;

export interface PublicityEventFields {
  heldOn: string;
  topic: string;
  form: PublicityForm;
  audienceSize: number;
  community?: string | null;
}
export type CreatePublicityEventCommand = PublicityEventFields & CreateRegisterEntry;
export type UpdatePublicityEventCommand = PublicityEventFields & UpdateRegisterEntry;

/** Filter shared by the register lists: what the user may see, narrowed. */
export interface RegisterListFilter {
  departmentId?: string | null;
  /** First and last day of the entry's date (inclusive). */
  from?: string | null;
  to?: string | null;
  /** Substring of the entry's main texts (topic, parties, case number …). */
  search?: string | null;
}
export interface MediationListFilter extends RegisterListFilter {
  outcome?: MediationOutcome | null;
}
export interface AdministrativeCaseListFilter extends RegisterListFilter {
  kind?: AdministrativeCaseKind | null;
  stage?: AdministrativeCaseStage | null;
}
export interface PublicityEventListFilter extends RegisterListFilter {
  form?: PublicityForm | null;
}
