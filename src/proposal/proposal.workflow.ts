import { Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { ProposalState } from './proposal.enums';

export type ProposalEvent =
  | 'INCLUDE'
  | 'DECLINE'
  | 'REQUEST_INCLUSION'
  | 'REQUEST_LEGALITY_REVIEW'
  | 'REVIEW_RETURNED'
  | 'OPINION_NOT_UNLAWFUL'
  | 'OPINION_UNLAWFUL'
  | 'HEAD_APPROVE'
  | 'HEAD_REJECT'
  | 'HEAD_RETURN'
  | 'WITHDRAW';

/**
 * The whole workflow of a decision proposal in one table: which event moves which state to which,
 * who may fire it (`actor` 承办部门: only the sponsor department's drafters). Guards that need data
 * (readiness, the directory item) are pure functions in readiness.rules.ts and directory.rules.ts,
 * checked by the services next to the transition. Events fired by other workflows (the review's
 * return and opinion, the meeting's outcomes) are listed with the mutation that fires them.
 */
export const PROPOSAL_WORKFLOW = defineWorkflow<ProposalState, ProposalEvent>({
  name: 'proposal',
  subject: '决策建议',
  states: {
    AWAITING_INCLUSION: '待纳入目录',
    DECLINED: '未予纳入',
    INCLUDED: '已纳入目录',
    LEGALITY_REVIEW_REQUESTED: '已提请合法性审查',
    LEGALITY_REVIEWED: '已出具法律意见',
    APPROVED: '集体讨论通过',
    REJECTED: '集体讨论不同意',
    WITHDRAWN: '已撤回',
  },
  transitions: [
    { event: 'INCLUDE', from: [ProposalState.AWAITING_INCLUSION], to: ProposalState.INCLUDED, roles: [Role.ADMIN, Role.DECISION_MAKER], rule: 'R-DIR-4', label: '纳入目录', mutation: 'includeProposal' },
    { event: 'DECLINE', from: [ProposalState.AWAITING_INCLUSION], to: ProposalState.DECLINED, roles: [Role.ADMIN, Role.DECISION_MAKER], rule: 'R-DIR-4', label: '不予纳入', mutation: 'declineProposal' },
    { event: 'REQUEST_INCLUSION', from: [ProposalState.DECLINED], to: ProposalState.AWAITING_INCLUSION, roles: [Role.DRAFTER], actor: '承办部门', rule: 'R-DIR-4', label: '重新申请纳入目录', mutation: 'requestInclusion' },
    {
      event: 'REQUEST_LEGALITY_REVIEW',
      from: [ProposalState.INCLUDED],
      to: ProposalState.LEGALITY_REVIEW_REQUESTED,
      roles: [Role.DRAFTER],
      actor: '承办部门',
      rule: 'R-LR-2',
      label: '提请合法性审查',
      mutation: 'requestLegalityReview',
    },
    // The legal advisor returns the request for supplement: the sponsor completes the package.
    { event: 'REVIEW_RETURNED', from: [ProposalState.LEGALITY_REVIEW_REQUESTED], to: ProposalState.INCLUDED, roles: [Role.LEGAL_ADVISOR], rule: 'R-LR-2', label: '退回补充材料', mutation: 'returnReview' },
    // An issued opinion that is not UNLAWFUL (or a correction of one): ready for deliberation checks.
    {
      event: 'OPINION_NOT_UNLAWFUL',
      from: [ProposalState.LEGALITY_REVIEW_REQUESTED, ProposalState.LEGALITY_REVIEWED, ProposalState.INCLUDED],
      to: ProposalState.LEGALITY_REVIEWED,
      roles: [Role.LEGAL_ADVISOR],
      rule: 'R-DEC-8',
      label: '出具法律意见',
      mutation: 'issueOpinion',
    },
    // R-DEC-8: an UNLAWFUL opinion sends the proposal back to drafting.
    {
      event: 'OPINION_UNLAWFUL',
      from: [ProposalState.LEGALITY_REVIEW_REQUESTED, ProposalState.LEGALITY_REVIEWED, ProposalState.INCLUDED],
      to: ProposalState.INCLUDED,
      roles: [Role.LEGAL_ADVISOR],
      rule: 'R-DEC-8',
      label: '出具不合法意见',
      mutation: 'issueOpinion',
    },
    // R-DEC-11: outcomes of a finalised meeting record (DEFER leaves the proposal eligible).
    { event: 'HEAD_APPROVE', from: [ProposalState.LEGALITY_REVIEWED], to: ProposalState.APPROVED, roles: [Role.DECISION_MAKER, Role.ADMIN], rule: 'R-DEC-11', label: '集体讨论通过', mutation: 'finaliseMeeting' },
    { event: 'HEAD_REJECT', from: [ProposalState.LEGALITY_REVIEWED], to: ProposalState.REJECTED, roles: [Role.DECISION_MAKER, Role.ADMIN], rule: 'R-DEC-11', label: '集体讨论不同意', mutation: 'finaliseMeeting' },
    { event: 'HEAD_RETURN', from: [ProposalState.LEGALITY_REVIEWED], to: ProposalState.INCLUDED, roles: [Role.DECISION_MAKER, Role.ADMIN], rule: 'R-DEC-11', label: '退回修改', mutation: 'finaliseMeeting' },
    {
      event: 'WITHDRAW',
      from: [ProposalState.AWAITING_INCLUSION, ProposalState.DECLINED, ProposalState.INCLUDED, ProposalState.LEGALITY_REVIEWED],
      to: ProposalState.WITHDRAWN,
      roles: [Role.DRAFTER],
      actor: '承办部门',
      rule: 'R-DEC-1',
      label: '撤回',
      mutation: 'withdrawProposal',
    },
  ],
});

/** States in which the sponsor drafts: versions, procedures, materials (R-DIR-4: only included proposals proceed). */
export const DRAFTING_STATES: readonly ProposalState[] = [ProposalState.INCLUDED, ProposalState.LEGALITY_REVIEWED];
/** States in which the proposal's own description may still be edited. */
export const EDITABLE_STATES: readonly ProposalState[] = [
  ProposalState.AWAITING_INCLUSION,
  ProposalState.DECLINED,
  ProposalState.INCLUDED,
  ProposalState.LEGALITY_REVIEWED,
];
