import { Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { EnforcementCaseState } from './enforcement.enums';

export type EnforcementEvent = 'SUBMIT' | 'REVIEW_RETURNED' | 'OPINION_ISSUED' | 'REOPEN_INVESTIGATION' | 'DECIDE';

/**
 * The whole workflow of an enforcement case in one table (R-EN-1…4). The review engine's steps
 * (submission, return for supplement, opinion) move the case through its review adapter; the
 * enforcement team (`actor` 执法部门: drafters of the case's own department) reopens the
 * investigation and records the decision. Guards that need data (the package, whether the decision
 * is major, the opinion and the collective discussion) are pure functions in enforcement.rules.ts.
 */
export const ENFORCEMENT_WORKFLOW = defineWorkflow<EnforcementCaseState, EnforcementEvent>({
  name: 'enforcement',
  subject: '执法案件',
  states: {
    INVESTIGATING: '调查取证',
    UNDER_REVIEW: '法制审核中',
    REVIEWED: '已出具法制审核意见',
    DECIDED: '已作出执法决定',
  },
  transitions: [
    {
      event: 'SUBMIT',
      from: [EnforcementCaseState.INVESTIGATING],
      to: EnforcementCaseState.UNDER_REVIEW,
      rule: 'R-EN-2',
      label: '提请法制审核',
      roles: [Role.DRAFTER],
      actor: '执法部门',
      mutation: 'requestEnforcementReview',
    },
    // The advisor returns an incomplete package: the team supplements it while the clock stands still.
    { event: 'REVIEW_RETURNED', from: [EnforcementCaseState.UNDER_REVIEW], to: EnforcementCaseState.INVESTIGATING, rule: 'R-EN-2', label: '退回补充材料', roles: [Role.LEGAL_ADVISOR], mutation: 'returnReview' },
    // An issued opinion, or a correction of it, concludes the review.
    {
      event: 'OPINION_ISSUED',
      from: [EnforcementCaseState.UNDER_REVIEW, EnforcementCaseState.REVIEWED],
      to: EnforcementCaseState.REVIEWED,
      rule: 'R-EN-4',
      label: '出具法制审核意见',
      roles: [Role.LEGAL_ADVISOR],
      actor: '承办法律顾问',
      mutation: 'issueOpinion',
    },
    // Further investigation (after RETURNED_FOR_FURTHER_INVESTIGATION, or by the team's own choice): the opinion no longer covers the case.
    {
      event: 'REOPEN_INVESTIGATION',
      from: [EnforcementCaseState.REVIEWED],
      to: EnforcementCaseState.INVESTIGATING,
      rule: 'R-EN-4',
      label: '补充调查',
      roles: [Role.DRAFTER],
      actor: '执法部门',
      mutation: 'reopenEnforcementInvestigation',
    },
    // Never while the review runs (R-EN-4); from investigation only when the decision is not major (R-EN-1).
    {
      event: 'DECIDE',
      from: [EnforcementCaseState.INVESTIGATING, EnforcementCaseState.REVIEWED],
      to: EnforcementCaseState.DECIDED,
      rule: 'R-EN-4',
      label: '作出执法决定',
      roles: [Role.DRAFTER],
      actor: '执法部门',
      mutation: 'recordEnforcementDecision',
    },
  ],
});

/** The states in which the package (facts, evidence, basis, procedure, officers) may change (R-EN-2). */
export const PACKAGE_STATES: readonly EnforcementCaseState[] = [EnforcementCaseState.INVESTIGATING];
/** The states in which the proposed decision may get a new version: during investigation, and amended after the review. */
export const PROPOSED_DECISION_STATES: readonly EnforcementCaseState[] = [EnforcementCaseState.INVESTIGATING, EnforcementCaseState.REVIEWED];
