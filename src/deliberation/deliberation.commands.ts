import type { Issuer } from '../normative/normative.enums';
import type { AgendaSubjectRefs } from './agenda-subject.port';
import type { DeliberatingBody, HeadDecision, MemberPositionKind } from './deliberation.enums';

/** Plain commands the meeting and decision services take; the GraphQL inputs satisfy them. */

// ------------------------------------------------------------------ meetings (R-DEC-11)

/** A member of the body absent from the meeting, and why. */
export interface AbsenceCommand {
  userId: string;
  reason: string;
}

/** The head delegates the chair of one meeting to a deputy (委托主持). */
export interface DelegationCommand {
  deputyUserId: string;
  /** Who delegated, how and why: 主任出差，书面委托王副主任主持. */
  note: string;
}

/**
 * A meeting of a standing body: its roll is the body's members on `heldOn` (R-DEC-11), its chair the
 * body's head on that day or the deputy it delegated to; the caller says only who is absent and why.
 */
export interface CreateMeetingCommand {
  title: string;
  body: DeliberatingBody;
  heldOn: string;
  absences?: AbsenceCommand[] | null;
  delegation?: DelegationCommand | null;
}

export interface DelegateChairCommand extends DelegationCommand {
  meetingId: string;
  /** The meeting's version the caller read. */
  version: number;
}

/** A subject for the agenda: exactly one of a decision proposal or a normative document (AgendaSubjectRefs). */
export interface AddAgendaItemCommand extends AgendaSubjectRefs {
  meetingId: string;
}

export interface RecordPositionCommand {
  agendaItemId: string;
  /** The member's user id (User.id) — the one id kind accepted; never the roll entry's id. */
  memberUserId: string;
  position: MemberPositionKind;
  /** Required for CONDITIONAL, refused otherwise. */
  condition?: string | null;
  remarks?: string | null;
}

export interface HeadDecisionCommand {
  agendaItemId: string;
  /** The agenda item's version the caller read. */
  version: number;
  decision: HeadDecision;
  /** Required when departing from the majority. */
  reason?: string | null;
  /** The changes required, with APPROVE_WITH_CHANGES only (and then required). */
  requiredChanges?: string | null;
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

// ------------------------------------------------------------------ standing bodies (R-DEC-11)

export interface CreateBodyCommand {
  kind: DeliberatingBody;
  name: string;
}

export interface UpdateBodyCommand {
  bodyId: string;
  version: number;
  name: string;
}

export interface AddBodyMemberCommand {
  bodyId: string;
  userId: string;
  startedOn: string;
  deputy: boolean;
  title: string;
}

export interface EndMembershipCommand {
  membershipId: string;
  /** Last day of membership. */
  endedOn: string;
  reason: string;
}

export interface SetBodyHeadCommand {
  bodyId: string;
  userId: string;
  /** First day as head; the previous head's period ends the day before. */
  startedOn: string;
}

// ------------------------------------------------------------------ decisions (R-DEC-12…16)

/** A decision is addressed by its proposal. */
export interface DecisionVersionCommand {
  proposalId: string;
  /** The decision's version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

/** The sponsor's amended text against the meeting's stated changes (R-DEC-12). */
export interface RecordAmendedTextCommand extends DecisionVersionCommand {
  text: string;
  /** How each stated change was made. */
  explanation: string;
  /** Findings of the opinion in force the change concerns (ids); the legal advisor then confirms it too (R-DEC-9). */
  concernedFindingIds?: string[] | null;
}

export interface ConfirmAmendedTextCommand extends DecisionVersionCommand {
  note?: string | null;
}

export interface ReturnAmendedTextCommand extends DecisionVersionCommand {
  reason: string;
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
