import type { WorkingCalendar } from '../calendar/working-days';
import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import { FindingAspect, FindingResponse, OpinionConclusion, OpinionStatus, ReviewStatus } from './review.enums';

/** Pure rules of the legality review (R-LR-1…6, R-DEC-8, R-DEC-9). No I/O; the calendar is passed in. */

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
  /** Counted through a year without holiday data (weekends only there): may move once it is loaded. */
  provisional: boolean;
  /** Those years. */
  uncoveredYears: number[];
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
  if (!dueOn) return { dueOn: null, workingDaysLeft: null, overdue: false, paused, provisional: false, uncoveredYears: [] };
  const reference = f.opinionIssuedOn ?? today;
  const workingDaysLeft = cal.countWorkingDays(reference, dueOn);
  const uncoveredYears = cal.uncoveredYears(f.acceptedOn!, dueOn);
  return { dueOn, workingDaysLeft, overdue: !paused && reference > dueOn, paused, provisional: uncoveredYears.length > 0, uncoveredYears };
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

export function opinionIssueViolations(o: {
  conclusion: OpinionConclusion;
  text: string;
  findings: FindingFacts[];
  /** What the subject type allows (its review adapter). */
  allowedConclusions: readonly OpinionConclusion[];
  allowedAspects: readonly FindingAspect[];
  noun: string;
}): Violation[] {
  const v: Violation[] = [];
  if (!o.allowedConclusions.includes(o.conclusion)) {
    v.push({
      rule: 'R-LR-5',
      code: o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED ? 'EXPLORATORY_DECISIONS_ONLY' : 'CONCLUSION_NOT_ALLOWED',
      message:
        o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED
          ? '「探索性改革、法律风险已提示」结论仅适用于重大行政决策 (R-LR-5)'
          : `${o.noun}的审查结论只能是：${o.allowedConclusions.map((c) => CONCLUSION_LABELS[c]).join('、')} (R-LR-5)`,
    });
  }
  o.findings.forEach((f, i) => {
    if (!o.allowedAspects.includes(f.aspect)) {
      v.push({ rule: 'R-LR-4', code: 'ASPECT_NOT_ALLOWED', message: `第 ${i + 1} 条意见的审查方面不适用于${o.noun} (R-LR-4)` });
    }
  });
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

const CONCLUSION_LABELS: Record<OpinionConclusion, string> = {
  LAWFUL: '合法',
  LAWFUL_WITH_AMENDMENTS: '修改后合法',
  UNLAWFUL: '不合法',
  EXPLORATORY_RISK_DISCLOSED: '探索性改革、法律风险已提示',
};

/** R-LR-5: an issued opinion is immutable; a correction is a new opinion. */
export function issuedOpinionViolations(status: OpinionStatus): Violation[] {
  return status === OpinionStatus.ISSUED
    ? [{ rule: 'R-LR-5', code: 'OPINION_ISSUED', message: '法律意见已签发，不能修改或再次签发；如需更正，请出具新的意见 (R-LR-5)' }]
    : [];
}

/**
 * R-LR-5 / R-DEC-9: an opinion covers exactly the pinned text. When the subject's text changed after
 * it was pinned, issuing is refused, naming both versions; a resubmission re-pins the text, and so
 * does the advisor's confirmation of an amended text.
 */
export function pinViolations(f: {
  pinned: { number: number; contentHash: string };
  current: { number: number; contentHash: string };
  noun: string;
  rules: readonly RuleId[];
}): Violation[] {
  if (f.pinned.contentHash === f.current.contentHash) return [];
  const short = (h: string) => h.slice(0, 8);
  return f.rules.map((rule) => ({
    rule,
    code: 'TEXT_CHANGED_SINCE_PINNED',
    message:
      `审查固定的是${f.noun}第 ${f.pinned.number} 版（${short(f.pinned.contentHash)}），当前文本已是第 ${f.current.number} 版（${short(f.current.contentHash)}）：` +
      `法律意见只能覆盖所审查的文本，请退回由提请部门重新提交，或确认修改稿后再签发 (${rule})`,
  }));
}

/** R-LR-6: the first review is by the department's legal staff, not by the requester. */
export function firstReviewViolations(requestedById: string, reviewerId: string): Violation[] {
  return requestedById === reviewerId
    ? [{ rule: 'R-LR-6', code: 'FIRST_REVIEW_BY_REQUESTER', message: '初审须由本部门法制人员进行，不能由提请人本人完成 (R-LR-6)' }]
    : [];
}

/** R-DEC-9: a finding that is not adopted needs a reason. */
export function findingResponseViolations(response: FindingResponse, reason: string | null | undefined): Violation[] {
  return response === FindingResponse.NOT_ADOPTED && !reason?.trim()
    ? [{ rule: 'R-DEC-9', code: 'FINDING_REASON_MISSING', message: '不采纳审查意见须说明理由 (R-DEC-9)' }]
    : [];
}

