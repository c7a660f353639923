import type { Issuer } from '../normative/normative.enums';
import type { AgendaSubjectRefs } from './agenda-subject.port';
import type { DeliberatingBody, HeadDecision, MemberPositionKind } from './deliberation.enums';

/** Plain commands the meeting and decision services take; the GraphQL inputs satisfy them. */

// ------------------------------------------------------------------ meetings (R-DEC-11)

export interface MeetingMemberCommand {
  userId: string;
  present: boolean;
}

export interface CreateMeetingCommand {
  title: string;
  body: DeliberatingBody;
  heldOn: string;
  /** The head, who decides last: a member holding the decision-maker role. */
  chairId: string;
  members: MeetingMemberCommand[];
}

/** A subject for the agenda: exactly one of a decision proposal or a normative document (AgendaSubjectRefs). */
export interface AddAgendaItemCommand extends AgendaSubjectRefs {
  meetingId: string;
}

export interface RecordPositionCommand {
  agendaItemId: string;
  memberId: string;
  position: MemberPositionKind;
  remarks?: string | null;
}

export interface HeadDecisionCommand {
  agendaItemId: string;
  /** The agenda item's version the caller read. */
  version: number;
  decision: HeadDecision;
  /** Required when departing from the majority. */
  reason?: string | null;
}

export interface FinaliseMeetingCommand {
  meetingId: string;
  /** The meeting's version the caller read. */
  version: number;
  minutes: string;
}

export interface MeetingCorrectionCommand {
  meetingId: string;
  text: string;
}

// ------------------------------------------------------------------ decisions (R-DEC-12…16)

/** A decision is addressed by its proposal. */
export interface DecisionVersionCommand {
  proposalId: string;
  /** The decision's version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

export interface SignDecisionCommand extends DecisionVersionCommand {
  /** The draft version being signed: must be the approved one (R-DEC-12). */
  draftNumber: number;
}

export interface PartyReportCommand extends DecisionVersionCommand {
  reportedOn: string;
}

/** The decision produces a normative document: it enters the register (R-DEC-14, R-ND-4). */
export interface ProducedDocumentCommand {
  issuer: Issuer;
  affectsBusinessesOrPublic: boolean;
  touchesMarketEntities: boolean;
}

export interface PublishDecisionCommand extends DecisionVersionCommand {
  channel: string;
  publishedOn: string;
  opinionsUseExplanation?: string | null;
  normativeDocument?: ProducedDocumentCommand | null;
}

export interface ExecutingUnitCommand extends DecisionVersionCommand {
  departmentId: string;
}

export interface ExecutionReportCommand {
  proposalId: string;
  reportedOn: string;
  content: string;
}

export interface PostEvaluationCommand {
  proposalId: string;
  assessor: string;
  conclusion: string;
  evaluatedOn: string;
}

export interface SuspendDecisionCommand extends DecisionVersionCommand {
  reason: string;
}
