import type { Violation } from '../core/errors';
import { Role } from '../identity/role';
import { ProposalState } from './proposal.enums';

/**
 * The whole workflow of a decision proposal in one table: which event moves which state to which,
 * who may fire it, and whether only the sponsor department may. Guards that need data (readiness,
 * the directory item) are pure functions in readiness.rules.ts and directory.rules.ts, called by the
 * service before the transition. State changes go through `transition()` only, under the
 * proposal's optimistic lock.
 */
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

export interface Transition {
  event: ProposalEvent;
  from: ProposalState[];
  to: ProposalState;
  roles: Role[];
  /** Only users of the sponsor department (drafters act for their own department only). */
  sponsorOnly: boolean;
  rule: string;
  label: string;
}

export const TRANSITIONS: readonly Transition[] = [
  {
    event: 'INCLUDE',
    from: [ProposalState.AWAITING_INCLUSION],
    to: ProposalState.INCLUDED,
    roles: [Role.ADMIN, Role.DECISION_MAKER],
    sponsorOnly: false,
    rule: 'R-DIR-4',
    label: '纳入目录',
  },
  {
    event: 'DECLINE',
    from: [ProposalState.AWAITING_INCLUSION],
    to: ProposalState.DECLINED,
    roles: [Role.ADMIN, Role.DECISION_MAKER],
    sponsorOnly: false,
    rule: 'R-DIR-4',
    label: '不予纳入',
  },
  {
    event: 'REQUEST_INCLUSION',
    from: [ProposalState.DECLINED],
    to: ProposalState.AWAITING_INCLUSION,
    roles: [Role.DRAFTER],
    sponsorOnly: true,
    rule: 'R-DIR-4',
    label: '重新申请纳入目录',
  },
  {
    event: 'REQUEST_LEGALITY_REVIEW',
    from: [ProposalState.INCLUDED],
    to: ProposalState.LEGALITY_REVIEW_REQUESTED,
    roles: [Role.DRAFTER],
    sponsorOnly: true,
    rule: 'R-LR-2',
    label: '提请合法性审查',
  },
  {
    // The legal advisor returns the request for supplement: the sponsor completes the package.
    event: 'REVIEW_RETURNED',
    from: [ProposalState.LEGALITY_REVIEW_REQUESTED],
    to: ProposalState.INCLUDED,
    roles: [Role.LEGAL_ADVISOR],
    sponsorOnly: false,
    rule: 'R-LR-2',
    label: '退回补充材料',
  },
  {
    // An issued opinion that is not UNLAWFUL (or a correction of one): ready for deliberation checks.
    event: 'OPINION_NOT_UNLAWFUL',
    from: [ProposalState.LEGALITY_REVIEW_REQUESTED, ProposalState.LEGALITY_REVIEWED, ProposalState.INCLUDED],
    to: ProposalState.LEGALITY_REVIEWED,
    roles: [Role.LEGAL_ADVISOR],
    sponsorOnly: false,
    rule: 'R-DEC-8',
    label: '出具法律意见',
  },
  {
    // R-DEC-8: an UNLAWFUL opinion sends the proposal back to drafting.
    event: 'OPINION_UNLAWFUL',
    from: [ProposalState.LEGALITY_REVIEW_REQUESTED, ProposalState.LEGALITY_REVIEWED, ProposalState.INCLUDED],
    to: ProposalState.INCLUDED,
    roles: [Role.LEGAL_ADVISOR],
    sponsorOnly: false,
    rule: 'R-DEC-8',
    label: '出具法律意见',
  },
  {
    // R-DEC-11: outcomes of a finalised meeting record (DEFER leaves the proposal eligible).
    event: 'HEAD_APPROVE',
    from: [ProposalState.LEGALITY_REVIEWED],
    to: ProposalState.APPROVED,
    roles: [Role.DECISION_MAKER],
    sponsorOnly: false,
    rule: 'R-DEC-11',
    label: '集体讨论通过',
  },
  {
    event: 'HEAD_REJECT',
    from: [ProposalState.LEGALITY_REVIEWED],
    to: ProposalState.REJECTED,
    roles: [Role.DECISION_MAKER],
    sponsorOnly: false,
    rule: 'R-DEC-11',
    label: '集体讨论不同意',
  },
  {
    event: 'HEAD_RETURN',
    from: [ProposalState.LEGALITY_REVIEWED],
    to: ProposalState.INCLUDED,
    roles: [Role.DECISION_MAKER],
    sponsorOnly: false,
    rule: 'R-DEC-11',
    label: '退回修改',
  },
  {
    event: 'WITHDRAW',
    from: [ProposalState.AWAITING_INCLUSION, ProposalState.DECLINED, ProposalState.INCLUDED, ProposalState.LEGALITY_REVIEWED],
    to: ProposalState.WITHDRAWN,
    roles: [Role.DRAFTER],
    sponsorOnly: true,
    rule: 'R-DEC-1',
    label: '撤回',
  },
];

/** States in which the sponsor drafts: versions, procedures, materials (R-DIR-4: only included proposals proceed). */
export const DRAFTING_STATES: readonly ProposalState[] = [ProposalState.INCLUDED, ProposalState.LEGALITY_REVIEWED];
/** States in which the proposal's own description may still be edited. */
export const EDITABLE_STATES: readonly ProposalState[] = [
  ProposalState.AWAITING_INCLUSION,
  ProposalState.DECLINED,
  ProposalState.INCLUDED,
  ProposalState.LEGALITY_REVIEWED,
];

const STATE_LABELS: Record<ProposalState, string> = {
  AWAITING_INCLUSION: '待纳入目录',
  DECLINED: '未予纳入',
  INCLUDED: '已纳入目录',
  LEGALITY_REVIEW_REQUESTED: '已提请合法性审查',
  LEGALITY_REVIEWED: '已出具法律意见',
  APPROVED: '集体讨论通过',
  REJECTED: '集体讨论不同意',
  WITHDRAWN: '已撤回',
};

export function findTransition(event: ProposalEvent): Transition {
  return TRANSITIONS.find((t) => t.event === event)!;
}

/** Whether the event may fire from this state; a violation naming the rule when not. */
export function transitionViolations(state: ProposalState, event: ProposalEvent): Violation[] {
  const t = findTransition(event);
  if (t.from.includes(state)) return [];
  return [
    {
      rule: t.rule,
      code: 'INVALID_STATE',
      message: `决策建议当前为「${STATE_LABELS[state]}」，不能${t.label}（需处于：${t.from.map((s) => STATE_LABELS[s]).join('、')}）(${t.rule})`,
    },
  ];
}

export function stateViolations(state: ProposalState, allowed: readonly ProposalState[], action: string, rule = 'R-DIR-4'): Violation[] {
  if (allowed.includes(state)) return [];
  return [
    {
      rule,
      code: 'INVALID_STATE',
      message: `决策建议当前为「${STATE_LABELS[state]}」，不能${action}（需处于：${allowed.map((s) => STATE_LABELS[s]).join('、')}）(${rule})`,
    },
  ];
}
