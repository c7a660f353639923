import type { Violation } from '../core/errors';
import type { ProposalEvent } from '../proposal/proposal.workflow';
import { DecisionStatus, HeadDecision, MemberPositionKind } from './deliberation.enums';

/**
 * Pure rules of deliberation, sign-off, publication and execution (R-DEC-10…16). Which state allows
 * which step is the workflow table's business (deliberation.workflow.ts); these are the guards that
 * need data.
 */

/** R-DEC-11: more than the configured share (1/2) of the members present. */
export function quorumViolations(present: number, members: number, share: number): Violation[] {
  if (members > 0 && present > members * share) return [];
  return [
    {
      rule: 'R-DEC-11',
      code: 'NO_QUORUM',
      message: `出席 ${present} 人，未超过应到 ${members} 人的 ${share === 0.5 ? '二分之一' : `${share}`}，不得讨论决定 (R-DEC-11)`,
    },
  ];
}

/** R-DEC-11: a subject (a proposal, a normative document) is on at most one agenda awaiting the head's decision. */
export function alreadyOnAgendaViolations(undecidedItems: number, noun = '决策建议'): Violation[] {
  if (undecidedItems === 0) return [];
  return [{ rule: 'R-DEC-11', code: 'ALREADY_ON_AGENDA', message: `该${noun}已列入尚未决定的议题 (R-DEC-11)` }];
}

/** R-DEC-11: once the head has decided an item, the members' positions on it stand as recorded. */
export function positionViolations(f: { headDecided: boolean }): Violation[] {
  if (!f.headDecided) return [];
  return [{ rule: 'R-DEC-11', code: 'HEAD_ALREADY_DECIDED', message: '行政首长已作出决定，成员表态不能再变更 (R-DEC-11)' }];
}

export type Majority = 'SUPPORT' | 'OPPOSE' | 'NONE';

/** Conditional support counts as support; abstentions count for neither side. */
export function majorityOf(positions: MemberPositionKind[]): Majority {
  const support = positions.filter((p) => p === MemberPositionKind.SUPPORT || p === MemberPositionKind.CONDITIONAL).length;
  const oppose = positions.filter((p) => p === MemberPositionKind.OPPOSE).length;
  if (support > oppose) return 'SUPPORT';
  if (oppose > support) return 'OPPOSE';
  return 'NONE';
}

/**
 * R-DEC-11: the head speaks last (every other present member's position recorded first), and a
 * decision that departs from the majority needs a reason.
 */
export function headDecisionViolations(f: {
  presentOthers: number;
  positions: MemberPositionKind[];
  decision: HeadDecision;
  reason: string | null;
}): Violation[] {
  const v: Violation[] = [];
  if (f.positions.length < f.presentOthers) {
    v.push({
      rule: 'R-DEC-11',
      code: 'HEAD_NOT_LAST',
      message: `尚有 ${f.presentOthers - f.positions.length} 名出席成员未表态；行政首长应在最后发表意见并作出决定 (R-DEC-11)`,
    });
  }
  const majority = majorityOf(f.positions);
  const approving = f.decision === HeadDecision.APPROVE || f.decision === HeadDecision.APPROVE_WITH_CHANGES;
  const departs = (approving && majority === 'OPPOSE') || (f.decision === HeadDecision.REJECT && majority === 'SUPPORT');
  if (departs && !f.reason?.trim()) {
    v.push({ rule: 'R-DEC-11', code: 'DEPARTURE_REASON_REQUIRED', message: '决定与多数成员意见不一致，必须说明理由 (R-DEC-11)' });
  }
  return v;
}

/**
 * What the head's decision does to the proposal once the minutes are finalised (R-DEC-11): DEFER
 * leaves it eligible for a later meeting (null).
 */
export function proposalEventOf(decision: HeadDecision): ProposalEvent | null {
  switch (decision) {
    case HeadDecision.APPROVE:
    case HeadDecision.APPROVE_WITH_CHANGES:
      return 'HEAD_APPROVE';
    case HeadDecision.REJECT:
      return 'HEAD_REJECT';
    case HeadDecision.RETURN_FOR_REVISION:
      return 'HEAD_RETURN';
    case HeadDecision.DEFER:
      return null;
  }
}

/** R-DEC-12: the signed version is exactly the approved one (the workflow checks it is still unsigned). */
export function signOffViolations(f: { approvedDraftHash: string; signedDraftHash: string }): Violation[] {
  if (f.signedDraftHash === f.approvedDraftHash) return [];
  return [{ rule: 'R-DEC-12', code: 'VERSION_MISMATCH', message: '签发的版本必须与集体讨论通过的版本一致 (R-DEC-12)' }];
}

/** R-DEC-13 / R-DEC-14 before publication (the workflow checks the decision is signed). */
export function publicationViolations(f: { partyReportedOn: string | null; broadConcern: boolean; explanation: string | null }): Violation[] {
  const v: Violation[] = [];
  if (!f.partyReportedOn) v.push({ rule: 'R-DEC-13', code: 'PARTY_REPORT_MISSING', message: '决定出台前须向同级党委报告，尚未登记 (R-DEC-13)' });
  if (f.broadConcern && !f.explanation?.trim()) {
    v.push({ rule: 'R-DEC-14', code: 'OPINION_USE_MISSING', message: '社会广泛关注的决策，公布时须说明公众意见、专家意见的采纳情况 (R-DEC-14)' });
  }
  return v;
}

/** R-DEC-16: the post-evaluation assessor may not be the unit that made the pre-decision risk assessment. */
export function postEvaluationViolations(assessor: string, riskAssessors: string[]): Violation[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  if (!riskAssessors.some((r) => norm(r) === norm(assessor))) return [];
  return [{ rule: 'R-DEC-16', code: 'ASSESSOR_CONFLICT', message: `「${assessor}」承担了决策前风险评估，不能再承担决策后评估 (R-DEC-16)` }];
}

/** R-DEC-11: minutes are finalised only when the agenda has items and each has the head's decision. */
export function agendaDecidedViolations(items: { seq: number; decided: boolean }[]): Violation[] {
  if (items.length === 0) return [{ rule: 'R-DEC-11', code: 'AGENDA_EMPTY', message: '会议没有议题 (R-DEC-11)' }];
  return items.filter((i) => !i.decided).map((i) => ({ rule: 'R-DEC-11', code: 'ITEM_UNDECIDED', message: `第 ${i.seq} 项议题尚未作出决定 (R-DEC-11)` }));
}

/** R-DEC-14: signed, not yet published, and past the due date today. */
export function publicationOverdue(f: { status: DecisionStatus; publicationDueOn: string | null }, today: string): boolean {
  return f.status === DecisionStatus.SIGNED && !!f.publicationDueOn && today > f.publicationDueOn;
}
