import { Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { ReviewStatus } from './review.enums';

export type ReviewEvent = 'FIRST_REVIEW' | 'ACCEPT' | 'RETURN' | 'RESUBMIT' | 'ASSIGN' | 'EXTEND' | 'ISSUE_OPINION' | 'CONFIRM_AMENDMENT';

/**
 * Every move of a legality review, in one table (R-LR-2…6). RESUBMIT returns to SUBMITTED, or to
 * ACCEPTED when the clock had started; ISSUE_OPINION from OPINION_ISSUED is a correction that
 * supersedes the opinion in force; CONFIRM_AMENDMENT re-pins the review to an amended text (R-DEC-9).
 */
export const REVIEW_WORKFLOW = defineWorkflow<ReviewStatus, ReviewEvent>({
  name: 'review',
  subject: '审查',
  states: {
    FIRST_REVIEW: '待初审',
    SUBMITTED: '待接收',
    RETURNED: '已退回补充',
    ACCEPTED: '审查中',
    OPINION_ISSUED: '已出具意见',
  },
  transitions: [
    { event: 'FIRST_REVIEW', from: [ReviewStatus.FIRST_REVIEW], to: ReviewStatus.SUBMITTED, rule: 'R-LR-6', label: '登记初审', roles: [Role.DRAFTER, Role.LEGAL_ADVISOR], actor: '承办部门', mutation: 'recordFirstReview' },
    { event: 'ACCEPT', from: [ReviewStatus.SUBMITTED], to: ReviewStatus.ACCEPTED, rule: 'R-LR-2', label: '接收', roles: [Role.LEGAL_ADVISOR], mutation: 'acceptReview' },
    { event: 'RETURN', from: [ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED], to: ReviewStatus.RETURNED, rule: 'R-LR-2', label: '退回补充', roles: [Role.LEGAL_ADVISOR], mutation: 'returnReview' },
    { event: 'RESUBMIT', from: [ReviewStatus.RETURNED], rule: 'R-LR-2', label: '重新提交', roles: [Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN], actor: '承办部门', mutation: 'resubmitReview' },
    { event: 'ASSIGN', from: [ReviewStatus.FIRST_REVIEW, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED, ReviewStatus.ACCEPTED], rule: 'R-LR-3', label: '分派', roles: [Role.LEGAL_ADVISOR], mutation: 'assignReview' },
    { event: 'EXTEND', from: [ReviewStatus.ACCEPTED], rule: 'R-LR-3', label: '延长审查期限', roles: [Role.LEGAL_ADVISOR], actor: '承办法律顾问', mutation: 'extendReview' },
    {
      event: 'ISSUE_OPINION',
      from: [ReviewStatus.ACCEPTED, ReviewStatus.OPINION_ISSUED],
      to: ReviewStatus.OPINION_ISSUED,
      rule: 'R-LR-5',
      label: '出具法律意见',
      roles: [Role.LEGAL_ADVISOR],
      actor: '承办法律顾问',
      mutation: 'issueOpinion',
    },
    { event: 'CONFIRM_AMENDMENT', from: [ReviewStatus.OPINION_ISSUED], rule: 'R-DEC-9', label: '确认修改稿', roles: [Role.LEGAL_ADVISOR], actor: '承办法律顾问', mutation: 'confirmAmendedDraft' },
  ],
});
