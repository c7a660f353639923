import { registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { DecisionProposal } from '../proposal/proposal.entity';
import { DecisionAmendment } from './amendment.entity';
import { BodyHeadship, BodyMembership, StandingBody } from './body.entity';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MemberPosition, PostEvaluation } from './deliberation.entity';

/** GraphQL-only types of the deliberation area: connections, payloads, the timeline kind. */

export const MeetingConnection = ConnectionType(Meeting, 'Meeting');
export const AgendaItemConnection = ConnectionType(AgendaItem, 'AgendaItem');
export const MeetingCorrectionConnection = ConnectionType(MeetingCorrection, 'MeetingCorrection');
export const ExecutionReportConnection = ConnectionType(ExecutionReport, 'ExecutionReport');
export const PostEvaluationConnection = ConnectionType(PostEvaluation, 'PostEvaluation');
export const StandingBodyConnection = ConnectionType(StandingBody, 'StandingBody');
export const BodyMembershipConnection = ConnectionType(BodyMembership, 'BodyMembership');
export const BodyHeadshipConnection = ConnectionType(BodyHeadship, 'BodyHeadship');
export const DecisionAmendmentConnection = ConnectionType(DecisionAmendment, 'DecisionAmendment');

const meeting = { type: () => Meeting, description: 'The meeting after the change' };
const decision = { type: () => Decision, description: 'The decision after the change' };

export const MeetingPayload = Payload('MeetingPayload', 'A meeting after the change (会议)', { meeting });
export const AgendaItemPayload = Payload('AgendaItemPayload', 'An agenda item after the change, with its meeting (议题)', {
  agendaItem: { type: () => AgendaItem },
  meeting,
});
export const PositionPayload = Payload('PositionPayload', 'A recorded position, with its agenda item (表态)', {
  position: { type: () => MemberPosition },
  agendaItem: { type: () => AgendaItem },
});
export const MeetingCorrectionPayload = Payload('MeetingCorrectionPayload', 'A correction appended to finalised minutes, with the meeting (纪要更正)', {
  correction: { type: () => MeetingCorrection },
  meeting,
});
export const DecisionPayload = Payload('DecisionPayload', 'A decision after the change, with its proposal (决定)', {
  decision,
  proposal: { type: () => DecisionProposal, description: 'The proposal the decision was made on' },
});
export const AmendmentPayload = Payload('AmendmentPayload', 'An amended text after the change, with its decision and proposal (修改稿)', {
  amendment: { type: () => DecisionAmendment },
  decision,
  proposal: { type: () => DecisionProposal, description: 'The proposal: its current draft is the amended text' },
});
const body = { type: () => StandingBody, description: 'The body after the change' };
export const StandingBodyPayload = Payload('StandingBodyPayload', 'A standing deliberating body after the change (议事机构)', { body });
export const BodyMembershipPayload = Payload('BodyMembershipPayload', 'A period of membership after the change, with its body (成员任期)', {
  membership: { type: () => BodyMembership },
  body,
});
export const BodyHeadshipPayload = Payload('BodyHeadshipPayload', 'The new head’s period, with the body (主要负责人任期)', {
  headship: { type: () => BodyHeadship },
  body,
});
export const ExecutionReportPayload = Payload('ExecutionReportPayload', 'A new execution report, with its decision (执行情况报告)', {
  report: { type: () => ExecutionReport },
  decision,
});
export const PostEvaluationPayload = Payload('PostEvaluationPayload', 'A recorded post-evaluation, with its decision (决策后评估)', {
  postEvaluation: { type: () => PostEvaluation },
  decision,
});

/**
 * What part of a decision's record an event of its timeline belongs to. The timeline holds the
 * events of the proposal, its legality reviews and its meetings only, so the set is closed; the
 * event's `action` keeps the detail.
 */
export enum TimelineEntryKind {
  PROPOSAL = 'PROPOSAL',
  LEGALITY_REVIEW = 'LEGALITY_REVIEW',
  DELIBERATION = 'DELIBERATION',
  DECISION = 'DECISION',
}
registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  description: 'Part of a decision’s record an event belongs to (决策过程环节)',
  valuesConfig: {
    PROPOSAL: { description: '决策建议：提出、纳入目录、起草、法定程序、材料、撤回' },
    LEGALITY_REVIEW: { description: '合法性审查：提请、接收、退回、意见、确认修改稿' },
    DELIBERATION: { description: '集体讨论：会议、议题、表态、行政首长决定、纪要及其结果' },
    DECISION: { description: '决定：签发、向党委报告、公布、执行、评估、暂停' },
  },
});

/** The kind of a timeline event, by its action; null for events outside a decision's record. */
export function timelineEntryKind(action: string): TimelineEntryKind | null {
  if (action === 'proposal.deliberated' || action.startsWith('meeting.')) return TimelineEntryKind.DELIBERATION;
  if (action.startsWith('proposal.')) return TimelineEntryKind.PROPOSAL;
  if (action.startsWith('review.')) return TimelineEntryKind.LEGALITY_REVIEW;
  if (action.startsWith('decision.')) return TimelineEntryKind.DECISION;
  return null;
}
