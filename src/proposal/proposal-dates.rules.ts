import { dateViolations, defineDateTable, type DateFacts } from '../core/date-constraints';
import type { Violation } from '../core/errors';

/**
 * The dates of a proposal's procedures and deliberation package (R-DEC-3…10) and how they relate,
 * for the one date mechanism (src/core/date-constraints.ts). Procedures record what happened, so
 * their dates are never in the future; a consultation's opinions arrive once it has opened; a
 * hearing's participants and materials go out before it; a new risk-assessment round follows the
 * previous one; and the deliberating meeting comes after every element of the package — the
 * legality opinion (R-DEC-8), the closed consultation and the other procedures (R-DEC-10). The
 * meeting side is checked when the proposal is put on an agenda, the procedure side while it sits
 * on the agenda of a meeting still recording.
 */
export type ProposalDate =
  | 'consultationStartsOn'
  | 'consultationEndsOn'
  | 'opinionsReceivedOn'
  | 'hearingHeldOn'
  | 'hearingParticipantsPublishedOn'
  | 'hearingMaterialsSentOn'
  | 'expertOpinionsSignedOn'
  | 'previousRiskAssessedOn'
  | 'riskAssessedOn'
  | 'fairCompetitionReviewedOn'
  | 'legalityOpinionIssuedOn'
  | 'meetingHeldOn';

const PAST = '已经发生的事实不能登记将来的日期';
const PACKAGE = '提交集体讨论的材料须在会议之前形成';

export const PROPOSAL_DATES = defineDateTable<ProposalDate>({
  labels: {
    consultationStartsOn: '征求意见开始日期',
    consultationEndsOn: '征求意见截止日期',
    opinionsReceivedOn: '意见收到日期',
    hearingHeldOn: '听证会日期',
    hearingParticipantsPublishedOn: '听证参加人名单公布日期',
    hearingMaterialsSentOn: '听证材料送达日期',
    expertOpinionsSignedOn: '专家意见签署日期',
    previousRiskAssessedOn: '上一轮风险评估日期',
    riskAssessedOn: '风险评估日期',
    fairCompetitionReviewedOn: '公平竞争审查日期',
    legalityOpinionIssuedOn: '法律意见出具日期',
    meetingHeldOn: '集体讨论会议日期',
  },
  constraints: [
    // R-DEC-4 public consultation
    { field: 'consultationStartsOn', notAfterToday: true, rule: 'R-DEC-4', because: '征求意见须已经开始方可登记' },
    { field: 'consultationEndsOn', onOrAfter: 'consultationStartsOn', rule: 'R-DEC-4', because: '征求意见的截止日期不能早于开始日期' },
    { field: 'opinionsReceivedOn', notAfterToday: true, rule: 'R-DEC-4', because: PAST },
    { field: 'opinionsReceivedOn', onOrAfter: 'consultationStartsOn', rule: 'R-DEC-4', because: '意见只能在征求意见开始之后收到' },
    // R-DEC-5 hearing
    { field: 'hearingHeldOn', notAfterToday: true, rule: 'R-DEC-5', because: '听证会须已经举行方可登记' },
    { field: 'hearingParticipantsPublishedOn', notAfterToday: true, rule: 'R-DEC-5', because: PAST },
    { field: 'hearingParticipantsPublishedOn', onOrBefore: 'hearingHeldOn', rule: 'R-DEC-5', because: '听证参加人名单须在听证会之前公布' },
    { field: 'hearingMaterialsSentOn', notAfterToday: true, rule: 'R-DEC-5', because: PAST },
    { field: 'hearingMaterialsSentOn', onOrBefore: 'hearingHeldOn', rule: 'R-DEC-5', because: '听证材料须在听证会之前送达参加人' },
    // R-DEC-6, R-DEC-7, R-DEC-3
    { field: 'expertOpinionsSignedOn', notAfterToday: true, rule: 'R-DEC-6', because: '专家意见须已经签署方可登记' },
    { field: 'riskAssessedOn', notAfterToday: true, rule: 'R-DEC-7', because: '风险评估须已经完成方可登记' },
    { field: 'riskAssessedOn', onOrAfter: 'previousRiskAssessedOn', rule: 'R-DEC-7', because: '新一轮风险评估在上一轮之后进行，以最新一轮为准' },
    { field: 'fairCompetitionReviewedOn', notAfterToday: true, rule: 'R-DEC-3', because: '公平竞争审查须已经完成方可登记' },
    // R-DEC-8, R-DEC-10: the package precedes deliberation
    { field: 'legalityOpinionIssuedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-8', because: '未经合法性审查不得提交讨论，法律意见须在会议之前出具' },
    { field: 'consultationEndsOn', before: 'meetingHeldOn', rule: 'R-DEC-10', because: '公开征求意见结束、形成采纳情况说明后方可提交讨论' },
    { field: 'opinionsReceivedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
    { field: 'hearingHeldOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
    { field: 'expertOpinionsSignedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
    { field: 'riskAssessedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
    { field: 'previousRiskAssessedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
    { field: 'fairCompetitionReviewedOn', onOrBefore: 'meetingHeldOn', rule: 'R-DEC-10', because: PACKAGE },
  ],
});

/** Every broken date constraint of a proposal's procedures, their dates as they will be after the change. */
export function proposalDateViolations(dates: DateFacts<ProposalDate>, today: string): Violation[] {
  return dateViolations(PROPOSAL_DATES, dates, { today });
}
