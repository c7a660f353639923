import { AuditEvent } from './audit/audit-event.entity';
import { CalendarYearVersion } from './calendar/calendar-year.entity';
import { Department } from './identity/department.entity';
import { LoginAddressThrottle, LoginThrottle } from './identity/login-throttle.entity';
import { RevokedToken } from './identity/revoked-token.entity';
import { User } from './identity/user.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from './directory/directory.entity';
import { Material } from './content/material.entity';
import { TextVersion } from './content/text-version.entity';
import {
  ConsultationOpinion,
  ExpertOpinion,
  FairCompetitionReview,
  Hearing,
  PublicConsultation,
  RiskAssessment,
} from './proposal/procedure.entity';
import { DecisionProposal, ProposalAlternative, ProposalDisagreement } from './proposal/proposal.entity';
import { ReviewRequest } from './review/review-request.entity';
import { Contract } from './contract/contract.entity';
import { LegalOpinion, OpinionAspect, OpinionConfirmation, OpinionFinding } from './review/opinion.entity';
import { NumberSequence } from './db/number-sequence.entity';
import { ChangeGeneration } from './db/change-generation';
import { CleanupCampaign, CleanupEntry, Filing, FilingMaterial, NormativeDeadlineSetting, NormativeDocument, NormativeFairCompetitionReview } from './normative/normative.entity';
import {
  AgendaItem,
  Decision,
  ExecutionReport,
  Meeting,
  MeetingCorrection,
  MeetingMember,
  MemberPosition,
  PostEvaluation,
} from './deliberation/deliberation.entity';
import { BodyHeadship, BodyMembership, StandingBody } from './deliberation/body.entity';
import { DecisionAmendment } from './deliberation/amendment.entity';
import { AdministrativeCase, DisputeMediation, LegalConsultation, PublicityEvent } from './register/register.entity';
import { EnforcementCase, EnforcementEvidence, EnforcementOfficer, EnforcementProcedureRecord } from './enforcement/enforcement.entity';
import { Notification, NotificationDelivery, NotificationPreference } from './notifications/notification.entity';

/** Every entity of the application, listed explicitly (no folder scanning: same in ts and js). */
export const ENTITIES = [
  Notification,
  NotificationDelivery,
  NotificationPreference,
  Department,
  User,
  LoginThrottle,
  LoginAddressThrottle,
  RevokedToken,
  AuditEvent,
  NumberSequence,
  ChangeGeneration,
  DecisionDirectory,
  DirectoryItem,
  DirectoryAdjustment,
  DecisionProposal,
  TextVersion,
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
  LegalOpinion,
  OpinionFinding,
  OpinionAspect,
  OpinionConfirmation,
  StandingBody,
  BodyMembership,
  BodyHeadship,
  Meeting,
  MeetingMember,
  AgendaItem,
  MemberPosition,
  MeetingCorrection,
  Decision,
  DecisionAmendment,
  ExecutionReport,
  PostEvaluation,
  NormativeDocument,
  NormativeFairCompetitionReview,
  FilingMaterial,
  Filing,
  NormativeDeadlineSetting,
  CleanupCampaign,
  CleanupEntry,
  EnforcementCase,
  EnforcementEvidence,
  EnforcementOfficer,
  EnforcementProcedureRecord,
  CalendarYearVersion,
  LegalConsultation,
  DisputeMediation,
  AdministrativeCase,
  PublicityEvent,
];
