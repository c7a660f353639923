import { ConnectionType } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { DecisionProposal } from '../proposal/proposal.entity';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MemberPosition, PostEvaluation } from './deliberation.entity';

/** GraphQL-only types of the deliberation area: connections and payloads. */

export const MeetingConnection = ConnectionType(Meeting, 'Meeting');
export const AgendaItemConnection = ConnectionType(AgendaItem, 'AgendaItem');
export const MeetingCorrectionConnection = ConnectionType(MeetingCorrection, 'MeetingCorrection');
export const ExecutionReportConnection = ConnectionType(ExecutionReport, 'ExecutionReport');
export const PostEvaluationConnection = ConnectionType(PostEvaluation, 'PostEvaluation');

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
export const ExecutionReportPayload = Payload('ExecutionReportPayload', 'A new execution report, with its decision (执行情况报告)', {
  report: { type: () => ExecutionReport },
  decision,
});
export const PostEvaluationPayload = Payload('PostEvaluationPayload', 'A recorded post-evaluation, with its decision (决策后评估)', {
  postEvaluation: { type: () => PostEvaluation },
  decision,
});

