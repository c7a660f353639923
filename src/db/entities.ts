import { AuditEvent } from '../audit/audit-event.entity';
import { Department } from '../identity/department.entity';
import { LoginThrottle } from '../identity/login-throttle.entity';
import { User } from '../identity/user.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from '../directory/directory.entity';
import { Material } from '../proposal/material.entity';
import {
  ConsultationOpinion,
  ExpertOpinion,
  FairCompetitionReview,
  Hearing,
  PublicConsultation,
  RiskAssessment,
} from '../proposal/procedure.entity';
import { DecisionProposal, DraftVersion, ProposalAlternative, ProposalDisagreement } from '../proposal/proposal.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { Contract, ContractDraft, ContractMaterial } from '../review/contract.entity';
import { LegalOpinion, OpinionConfirmation, OpinionFinding } from '../review/opinion.entity';
import { NumberSequence } from './number-sequence.entity';
import { CleanupCampaign, CleanupEntry, Filing, FilingMaterial, NormativeDocument, NormativeVersion } from '../normative/normative.entity';
import {
  AgendaItem,
  Decision,
  ExecutionReport,
  Meeting,
  MeetingCorrection,
  MeetingMember,
  MemberPosition,
  PostEvaluation,
} from '../deliberation/deliberation.entity';

/** Every entity of the application, listed explicitly (no folder scanning: same in ts and js). */
export const ENTITIES = [
  Department,
  User,
  LoginThrottle,
  AuditEvent,
  NumberSequence,
  DecisionDirectory,
  DirectoryItem,
  DirectoryAdjustment,
  DecisionProposal,
  DraftVersion,
  ProposalAlternative,
  ProposalDisagreement,
  PublicConsultation,
  ConsultationOpinion,
  Hearing,
  ExpertOpinion,
  RiskAssessment,
  FairCompetitionReview,
  Material,
  ReviewRequest,
  Contract,
  ContractDraft,
  ContractMaterial,
  LegalOpinion,
  OpinionFinding,
  OpinionConfirmation,
  Meeting,
  MeetingMember,
  AgendaItem,
  MemberPosition,
  MeetingCorrection,
  Decision,
  ExecutionReport,
  PostEvaluation,
  NormativeDocument,
  NormativeVersion,
  FilingMaterial,
  Filing,
  CleanupCampaign,
  CleanupEntry,
];
