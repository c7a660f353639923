import type { WorkingCalendar } from '../calendar/working-days';
import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import { Role } from '../identity/role';
import { FindingAspect, OpinionConclusion, ReviewStatus, ReviewSubjectType } from './review.enums';

/** Pure rules of the legality review (R-LR-1…6, R-DEC-8, R-DEC-9). No I/O; the calendar is passed in. */

// ------------------------------------------------------------------ workflow

export type ReviewEvent = 'FIRST_REVIEW' | 'ACCEPT' | 'RETURN' | 'RESUBMIT' | 'ISSUE_OPINION';

interface ReviewTransition {
  event: ReviewEvent;
  from: ReviewStatus[];
  label: string;
  rule: string;
  roles: Role[] | 'SUBJECT_DEPARTMENT';
}

/** Every allowed move of a review, in one table. RESUBMIT returns to SUBMITTED or ACCEPTED. */
export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { event: 'FIRST_REVIEW', from: [ReviewStatus.FIRST_REVIEW], label: '登记初审', rule: 'R-LR-6', roles: 'SUBJECT_DEPARTMENT' },
  { event: 'ACCEPT', from: [ReviewStatus.SUBMITTED], label: '接收', rule: 'R-LR-2', roles: [Role.LEGAL_ADVISOR] },
  { event: 'RETURN', from: [ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED], label: '退回补充', rule: 'R-LR-2', roles: [Role.LEGAL_ADVISOR] },
  { event: 'RESUBMIT', from: [ReviewStatus.RETURNED], label: '重新提交', rule: 'R-LR-2', roles: 'SUBJECT_DEPARTMENT' },
  {
    event: 'ISSUE_OPINION',
    from: [ReviewStatus.ACCEPTED, ReviewStatus.OPINION_ISSUED],
    label: '出具法律意见',
    rule: 'R-LR-5',
    roles: [Role.LEGAL_ADVISOR],
  },
];

const STATUS_LABELS: Record<ReviewStatus, string> = {
  FIRST_REVIEW: '待初审',
  SUBMITTED: '待接收',
  RETURNED: '已退回补充',
  ACCEPTED: '审查中',
  OPINION_ISSUED: '已出具意见',
};

export function reviewTransition(event: ReviewEvent): ReviewTransition {
  return REVIEW_TRANSITIONS.find((t) => t.event === event)!;
}

export function reviewTransitionViolations(status: ReviewStatus, event: ReviewEvent): Violation[] {
  const t = reviewTransition(event);
  if (t.from.includes(status)) return [];
  return [
    {
      rule: t.rule,
      code: 'INVALID_REVIEW_STATE',
      message: `审查当前为「${STATUS_LABELS[status]}」，不能${t.label}（需处于：${t.from.map((s) => STATUS_LABELS[s]).join('、')}）(${t.rule})`,
    },
  ];
}

// ------------------------------------------------------------------ deadlines (R-LR-3)

export interface DeadlineFacts {
  acceptedOn: string | null;
  requestedCompletionOn: string | null;
  pausedWorkingDays: number;
  extensionWorkingDays: number;
  /** Set while the review is returned for supplement after acceptance. */
  returnedOn: string | null;
  status: ReviewStatus;
  opinionIssuedOn: string | null;
}

export interface Deadline {
  dueOn: string | null;
  /** Working days from today to the due date; negative when overdue. */
  workingDaysLeft: number | null;
  overdue: boolean;
  /** The clock stands still (returned for supplement). */
  paused: boolean;
}

/**
 * The due date: acceptance + the review period (10 working days by default). A requested earlier
 * completion date is honoured, but never below the guaranteed minimum (7 working days). The one
 * extension and the working days spent returned after acceptance are added.
 */
export function dueDate(f: Pick<DeadlineFacts, 'acceptedOn' | 'requestedCompletionOn' | 'pausedWorkingDays' | 'extensionWorkingDays'>, rules: RulesConfig, cal: WorkingCalendar): string | null {
  if (!f.acceptedOn) return null;
  const standard = cal.addWorkingDays(f.acceptedOn, rules.review.reviewDueWorkingDays);
  const minimum = cal.addWorkingDays(f.acceptedOn, rules.review.minReviewWorkingDays);
  let base = standard;
  if (f.requestedCompletionOn && f.requestedCompletionOn < standard) base = f.requestedCompletionOn < minimum ? minimum : f.requestedCompletionOn;
  return cal.addWorkingDays(base, f.extensionWorkingDays + f.pausedWorkingDays);
}

export function deadline(f: DeadlineFacts, today: string, rules: RulesConfig, cal: WorkingCalendar): Deadline {
  const paused = f.status === ReviewStatus.RETURNED;
  let extraPause = 0;
  if (paused && f.acceptedOn && f.returnedOn) extraPause = Math.max(0, cal.countWorkingDays(f.returnedOn, today));
  const dueOn = dueDate({ ...f, pausedWorkingDays: f.pausedWorkingDays + extraPause }, rules, cal);
  if (!dueOn) return { dueOn: null, workingDaysLeft: null, overdue: false, paused };
  const reference = f.opinionIssuedOn ?? today;
  const workingDaysLeft = cal.countWorkingDays(reference, dueOn);
  return { dueOn, workingDaysLeft, overdue: !paused && reference > dueOn, paused };
}

/** R-LR-3: a requested completion date must leave the reviewer the guaranteed minimum. */
export function requestedCompletionViolations(today: string, requested: string | null, rules: RulesConfig, cal: WorkingCalendar): Violation[] {
  if (!requested) return [];
  const days = cal.countWorkingDays(today, requested);
  const min = rules.review.minReviewWorkingDays;
  if (days >= min) return [];
  return [
    {
      rule: 'R-LR-3',
      code: 'REVIEW_TIME_TOO_SHORT',
      message: `要求完成日期 ${requested} 距今仅 ${Math.max(days, 0)} 个工作日，审查时间不得少于 ${min} 个工作日 (R-LR-3)`,
    },
  ];
}

export function extensionViolations(f: { status: ReviewStatus; extensionWorkingDays: number }, days: number, rules: RulesConfig): Violation[] {
  const v: Violation[] = [];
  if (f.status !== ReviewStatus.ACCEPTED) v.push({ rule: 'R-LR-3', code: 'NOT_UNDER_REVIEW', message: '只有审查中的申请可以延期 (R-LR-3)' });
  if (f.extensionWorkingDays > 0) v.push({ rule: 'R-LR-3', code: 'ALREADY_EXTENDED', message: '审查期限只能延长一次 (R-LR-3)' });
  const max = rules.review.extensionWorkingDays;
  if (days < 1 || days > max) v.push({ rule: 'R-LR-3', code: 'EXTENSION_TOO_LONG', message: `延长期限应为 1–${max} 个工作日，申请为 ${days} 个 (R-LR-3)` });
  return v;
}

// ------------------------------------------------------------------ opinions (R-LR-4, R-LR-5)

export interface FindingFacts {
  aspect: FindingAspect;
  mustFix: boolean;
  text: string;
  lawName: string;
  article: string;
}

export function opinionIssueViolations(o: { subjectType: ReviewSubjectType; conclusion: OpinionConclusion; text: string; findings: FindingFacts[] }): Violation[] {
  const v: Violation[] = [];
  if (o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED && o.subjectType !== ReviewSubjectType.DECISION) {
    v.push({ rule: 'R-LR-5', code: 'EXPLORATORY_DECISIONS_ONLY', message: '「探索性改革、法律风险已提示」结论仅适用于重大行政决策 (R-LR-5)' });
  }
  if (o.conclusion === OpinionConclusion.LAWFUL_WITH_AMENDMENTS && !o.findings.some((f) => f.mustFix)) {
    v.push({ rule: 'R-LR-5', code: 'AMENDMENTS_MISSING', message: '结论为「修改后合法」时须列明必须修改的意见 (R-LR-5)' });
  }
  if ((o.conclusion === OpinionConclusion.UNLAWFUL || o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED) && o.findings.length === 0) {
    v.push({ rule: 'R-LR-4', code: 'FINDINGS_MISSING', message: '结论为不合法或存在法律风险时须列明审查意见及其法律依据 (R-LR-4)' });
  }
  o.findings.forEach((f, i) => {
    if (!f.lawName.trim() || !f.article.trim()) {
      v.push({ rule: 'R-LR-4', code: 'LEGAL_BASIS_MISSING', message: `第 ${i + 1} 条意见须写明所依据的法律名称及条款 (R-LR-4)` });
    }
  });
  if (!o.text.trim()) v.push({ rule: 'R-LR-5', code: 'OPINION_TEXT_MISSING', message: '法律意见书正文不能为空 (R-LR-5)' });
  return v;
}

// ------------------------------------------------------------------ deliberation readiness (R-DEC-8, R-DEC-9)

export interface DeliberationFacts {
  /** The opinion in force: the latest issued, not superseded; null when never reviewed. */
  opinion: {
    conclusion: OpinionConclusion;
    reviewedDraftHash: string;
    confirmedHashes: string[];
    findings: { seq: number; mustFix: boolean; response: string | null; responseReason: string | null }[];
  } | null;
  currentDraftHash: string | null;
  reviewPending: boolean;
}

export function deliberationBlockers(f: DeliberationFacts): Violation[] {
  const v: Violation[] = [];
  if (!f.opinion) {
    v.push({
      rule: 'R-DEC-8',
      code: f.reviewPending ? 'REVIEW_PENDING' : 'NOT_REVIEWED',
      message: f.reviewPending ? '合法性审查尚未出具意见，不得提交集体讨论 (R-DEC-8)' : '未经合法性审查，不得提交集体讨论 (R-DEC-8)',
    });
    return v;
  }
  if (f.opinion.conclusion === OpinionConclusion.UNLAWFUL) {
    v.push({ rule: 'R-DEC-8', code: 'OPINION_UNLAWFUL', message: '合法性审查结论为不合法，不得提交集体讨论 (R-DEC-8)' });
  }
  if (f.currentDraftHash && f.currentDraftHash !== f.opinion.reviewedDraftHash && !f.opinion.confirmedHashes.includes(f.currentDraftHash)) {
    v.push({
      rule: 'R-DEC-9',
      code: 'DRAFT_CHANGED_UNCONFIRMED',
      message: '法律意见出具后草案已修改，须经法律顾问确认修改稿或重新审查 (R-DEC-9)',
    });
  }
  for (const finding of f.opinion.findings) {
    if (!finding.mustFix) continue;
    if (!finding.response) {
      v.push({ rule: 'R-DEC-9', code: 'FINDING_UNANSWERED', message: `第 ${finding.seq} 条必须修改的意见尚未答复 (R-DEC-9)` });
    } else if (finding.response === 'NOT_ADOPTED' && !finding.responseReason?.trim()) {
      v.push({ rule: 'R-DEC-9', code: 'FINDING_REASON_MISSING', message: `第 ${finding.seq} 条意见不采纳，须说明理由 (R-DEC-9)` });
    }
  }
  return v;
}
