import type { WorkingCalendar } from '../calendar/working-days';
import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import type { AspectRequirement } from './review-aspects';
import {
  ASPECT_CONCLUSION_LABELS,
  AspectConclusion,
  CHECKLIST_ITEM_LABELS,
  ChecklistAnswer,
  type ChecklistItem,
  FINDING_ASPECT_LABELS,
  FindingAspect,
  FindingResponse,
  OpinionConclusion,
  OpinionStatus,
  ReviewStatus,
} from './review.enums';

/** Pure rules of the legality review (R-LR-1…6, R-DEC-8, R-DEC-9). No I/O; the calendar is passed in. */

// ------------------------------------------------------------------ deadlines (R-LR-3)

/**
 * The numbers of a review's clock, as its subject type declares them (`ReviewSubjectAdapter.deadlinePolicy`):
 * due so many working days after acceptance, never less than the minimum when an earlier date is
 * requested, one extension of at most so many working days; `rule` is cited when they are broken.
 */
export interface DeadlinePolicy {
  dueWorkingDays: number;
  minWorkingDays: number;
  extensionWorkingDays: number;
  rule: RuleId;
}

/** The global numbers (R-LR-3), for every subject type that declares none of its own. */
export function reviewDeadlinePolicy(rules: RulesConfig): DeadlinePolicy {
  return {
    dueWorkingDays: rules.review.reviewDueWorkingDays,
    minWorkingDays: rules.review.minReviewWorkingDays,
    extensionWorkingDays: rules.review.extensionWorkingDays,
    rule: 'R-LR-3',
  };
}

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
export function dueDate(f: Pick<DeadlineFacts, 'acceptedOn' | 'requestedCompletionOn' | 'pausedWorkingDays' | 'extensionWorkingDays'>, policy: DeadlinePolicy, cal: WorkingCalendar): string | null {
  if (!f.acceptedOn) return null;
  const standard = cal.addWorkingDays(f.acceptedOn, policy.dueWorkingDays);
  const minimum = cal.addWorkingDays(f.acceptedOn, policy.minWorkingDays);
  let base = standard;
  if (f.requestedCompletionOn && f.requestedCompletionOn < standard) base = f.requestedCompletionOn < minimum ? minimum : f.requestedCompletionOn;
  return cal.addWorkingDays(base, f.extensionWorkingDays + f.pausedWorkingDays);
}

export function deadline(f: DeadlineFacts, today: string, policy: DeadlinePolicy, cal: WorkingCalendar): Deadline {
  const paused = f.status === ReviewStatus.RETURNED;
  let extraPause = 0;
  if (paused && f.acceptedOn && f.returnedOn) extraPause = Math.max(0, cal.countWorkingDays(f.returnedOn, today));
  const dueOn = dueDate({ ...f, pausedWorkingDays: f.pausedWorkingDays + extraPause }, policy, cal);
  if (!dueOn) return { dueOn: null, workingDaysLeft: null, overdue: false, paused, provisional: false, uncoveredYears: [] };
  const reference = f.opinionIssuedOn ?? today;
  const workingDaysLeft = cal.countWorkingDays(reference, dueOn);
  const uncoveredYears = cal.uncoveredYears(f.acceptedOn!, dueOn);
  return { dueOn, workingDaysLeft, overdue: !paused && reference > dueOn, paused, provisional: uncoveredYears.length > 0, uncoveredYears };
}

/** R-LR-3: a requested completion date must leave the reviewer the guaranteed minimum. */
export function requestedCompletionViolations(today: string, requested: string | null, policy: DeadlinePolicy, cal: WorkingCalendar): Violation[] {
  if (!requested) return [];
  const days = cal.countWorkingDays(today, requested);
  const min = policy.minWorkingDays;
  if (days >= min) return [];
  const rule = policy.rule;
  return [
    {
      rule,
      code: 'REVIEW_TIME_TOO_SHORT',
      message: `要求完成日期 ${requested} 距今仅 ${Math.max(days, 0)} 个工作日，审查时间不得少于 ${min} 个工作日 (${rule})`,
    },
  ];
}

/** R-LR-3 (or the subject's own deadline rule): one extension, of at most the declared working days. */
export function extensionViolations(f: { status: ReviewStatus; extensionWorkingDays: number }, days: number, policy: DeadlinePolicy): Violation[] {
  const v: Violation[] = [];
  const rule = policy.rule;
  if (f.status !== ReviewStatus.ACCEPTED) v.push({ rule, code: 'NOT_UNDER_REVIEW', message: `只有审查中的申请可以延期 (${rule})` });
  if (f.extensionWorkingDays > 0) v.push({ rule, code: 'ALREADY_EXTENDED', message: `审查期限只能延长一次 (${rule})` });
  const max = policy.extensionWorkingDays;
  if (days < 1 || days > max) v.push({ rule, code: 'EXTENSION_TOO_LONG', message: `延长期限应为 1–${max} 个工作日，申请为 ${days} 个 (${rule})` });
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

/**
 * The rules an opinion on a subject type cites: `conclusions` for its conclusions and text (R-LR-5),
 * `aspects` for its findings (R-LR-4). A subject type with rules of its own declares them in its
 * adapter (`ReviewSubjectAdapter.opinionRules`; enforcement decisions: R-EN-4 and R-EN-3).
 */
export interface OpinionRules {
  conclusions: RuleId;
  aspects: RuleId;
}

export const DEFAULT_OPINION_RULES: OpinionRules = { conclusions: 'R-LR-5', aspects: 'R-LR-4' };

/** Conclusions that must list the findings to apply (必须修改的意见). */
const WITH_AMENDMENTS: readonly OpinionConclusion[] = [OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.AGREED_WITH_AMENDMENTS];
/** Conclusions that must say why, in findings with their legal basis. */
const NEEDS_FINDINGS: readonly OpinionConclusion[] = [
  OpinionConclusion.UNLAWFUL,
  OpinionConclusion.EXPLORATORY_RISK_DISCLOSED,
  OpinionConclusion.NOT_AGREED,
  OpinionConclusion.RETURNED_FOR_FURTHER_INVESTIGATION,
];

export interface ChecklistFacts {
  item: ChecklistItem;
  answer: ChecklistAnswer;
  lawName?: string | null;
  article?: string | null;
}

/** The conclusion an opinion states on one aspect, with the checklist answers behind it. */
export interface AspectFacts {
  aspect: FindingAspect;
  conclusion: AspectConclusion;
  checklist: readonly ChecklistFacts[];
}

export function opinionIssueViolations(o: {
  conclusion: OpinionConclusion;
  text: string;
  findings: FindingFacts[];
  /** The conclusions stated per aspect (R-LR-4). */
  aspects: readonly AspectFacts[];
  /** What the subject type allows and requires (its review adapter). */
  allowedConclusions: readonly OpinionConclusion[];
  requiredAspects: readonly AspectRequirement[];
  noun: string;
  /** The rules the subject type cites (its review adapter); R-LR-5 and R-LR-4 by default. */
  rules?: OpinionRules;
}): Violation[] {
  const v: Violation[] = [];
  const { conclusions: cr, aspects: ar } = o.rules ?? DEFAULT_OPINION_RULES;
  if (!o.allowedConclusions.includes(o.conclusion)) {
    v.push({
      rule: cr,
      code: o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED ? 'EXPLORATORY_DECISIONS_ONLY' : 'CONCLUSION_NOT_ALLOWED',
      message:
        o.conclusion === OpinionConclusion.EXPLORATORY_RISK_DISCLOSED
          ? `「探索性改革、法律风险已提示」结论仅适用于重大行政决策 (${cr})`
          : `${o.noun}的审查结论只能是：${o.allowedConclusions.map((c) => CONCLUSION_LABELS[c]).join('、')} (${cr})`,
    });
  }
  o.findings.forEach((f, i) => {
    if (!o.requiredAspects.some((a) => a.aspect === f.aspect)) {
      v.push({ rule: ar, code: 'ASPECT_NOT_ALLOWED', message: `第 ${i + 1} 条意见的审查方面「${FINDING_ASPECT_LABELS[f.aspect]}」不适用于${o.noun} (${ar})` });
    }
  });
  v.push(...aspectViolations({ ...o, rules: { conclusions: cr, aspects: ar } }));
  if (WITH_AMENDMENTS.includes(o.conclusion) && !o.findings.some((f) => f.mustFix)) {
    v.push({ rule: cr, code: 'AMENDMENTS_MISSING', message: `结论为「${CONCLUSION_LABELS[o.conclusion]}」时须列明必须修改的意见 (${cr})` });
  }
  if (NEEDS_FINDINGS.includes(o.conclusion) && o.findings.length === 0) {
    v.push({ rule: ar, code: 'FINDINGS_MISSING', message: `结论为「${CONCLUSION_LABELS[o.conclusion]}」时须列明审查意见及其法律依据 (${ar})` });
  }
  o.findings.forEach((f, i) => {
    if (!f.lawName.trim() || !f.article.trim()) {
      v.push({ rule: ar, code: 'LEGAL_BASIS_MISSING', message: `第 ${i + 1} 条意见须写明所依据的法律名称及条款 (${ar})` });
    }
  });
  if (!o.text.trim()) v.push({ rule: cr, code: 'OPINION_TEXT_MISSING', message: `法律意见书正文不能为空 (${cr})` });
  return v;
}

/**
 * What an overall conclusion allows of the aspect conclusions (R-LR-5): a lawful opinion finds every
 * aspect compliant; one lawful with amendments finds none non-compliant; an unlawful one finds at
 * least one non-compliant. Data, keyed by conclusion: a subject type's own conclusions add a row.
 */
const CONCLUSION_ASPECTS: Partial<Record<OpinionConclusion, { allowed?: readonly AspectConclusion[]; needsOne?: AspectConclusion }>> = {
  LAWFUL: { allowed: [AspectConclusion.COMPLIANT] },
  LAWFUL_WITH_AMENDMENTS: { allowed: [AspectConclusion.COMPLIANT, AspectConclusion.NEEDS_AMENDMENT] },
  UNLAWFUL: { needsOne: AspectConclusion.NON_COMPLIANT },
  AGREED: { allowed: [AspectConclusion.COMPLIANT] },
  AGREED_WITH_AMENDMENTS: { allowed: [AspectConclusion.COMPLIANT, AspectConclusion.NEEDS_AMENDMENT] },
  NOT_AGREED: { needsOne: AspectConclusion.NON_COMPLIANT },
};

/**
 * R-LR-4: the opinion states one conclusion for each aspect its subject type requires, and only for
 * those; an aspect found wanting names its findings; a must-fix finding does not sit under an aspect
 * found compliant; the overall conclusion agrees with the aspects (R-LR-5); and an aspect with a
 * checklist (R-ND-11 for normative documents) answers every question, naming the legal basis where
 * one is claimed and never finding the aspect compliant where a basis is lacking.
 */
export function aspectViolations(o: {
  conclusion: OpinionConclusion;
  findings: readonly FindingFacts[];
  aspects: readonly AspectFacts[];
  requiredAspects: readonly AspectRequirement[];
  noun: string;
  rules?: OpinionRules;
}): Violation[] {
  const v: Violation[] = [];
  const { conclusions: cr, aspects: ar } = o.rules ?? DEFAULT_OPINION_RULES;
  const labelOf = (aspect: FindingAspect) => o.requiredAspects.find((a) => a.aspect === aspect)?.label ?? FINDING_ASPECT_LABELS[aspect];
  const stated = new Map<FindingAspect, AspectFacts>();
  for (const a of o.aspects) {
    if (!o.requiredAspects.some((r) => r.aspect === a.aspect)) {
      v.push({ rule: ar, code: 'ASPECT_NOT_ALLOWED', message: `「${labelOf(a.aspect)}」不是${o.noun}的审查方面 (${ar})` });
    } else if (stated.has(a.aspect)) {
      v.push({ rule: ar, code: 'ASPECT_TWICE', message: `「${labelOf(a.aspect)}」的审查结论只能写一次 (${ar})` });
    } else {
      stated.set(a.aspect, a);
    }
  }
  for (const req of o.requiredAspects) {
    const a = stated.get(req.aspect);
    if (!a) {
      v.push({ rule: ar, code: 'ASPECT_CONCLUSION_MISSING', message: `法律意见未就「${req.label}」作出审查结论 (${ar})` });
    } else if (a.conclusion !== AspectConclusion.COMPLIANT && !o.findings.some((f) => f.aspect === req.aspect)) {
      v.push({
        rule: ar,
        code: 'ASPECT_FINDINGS_MISSING',
        message: `「${req.label}」的结论为「${ASPECT_CONCLUSION_LABELS[a.conclusion]}」，须列明该方面的审查意见及其法律依据 (${ar})`,
      });
    }
    if (req.checklist) v.push(...checklistViolations(req, a ?? null));
  }
  o.findings.forEach((f, i) => {
    if (f.mustFix && stated.get(f.aspect)?.conclusion === AspectConclusion.COMPLIANT) {
      v.push({
        rule: ar,
        code: 'ASPECT_CONTRADICTS_FINDING',
        message: `第 ${i + 1} 条意见须修改，但「${labelOf(f.aspect)}」的结论为「${ASPECT_CONCLUSION_LABELS[AspectConclusion.COMPLIANT]}」(${ar})`,
      });
    }
  });
  const expect = CONCLUSION_ASPECTS[o.conclusion];
  if (expect?.allowed) {
    for (const a of stated.values()) {
      if (!expect.allowed.includes(a.conclusion)) {
        v.push({
          rule: cr,
          code: 'CONCLUSION_CONTRADICTS_ASPECT',
          message: `审查结论为「${CONCLUSION_LABELS[o.conclusion]}」，但「${labelOf(a.aspect)}」的结论为「${ASPECT_CONCLUSION_LABELS[a.conclusion]}」(${cr})`,
        });
      }
    }
  }
  if (expect?.needsOne && stated.size > 0 && ![...stated.values()].some((a) => a.conclusion === expect.needsOne)) {
    v.push({
      rule: cr,
      code: 'CONCLUSION_CONTRADICTS_ASPECT',
      message: `审查结论为「${CONCLUSION_LABELS[o.conclusion]}」，须至少有一个方面的结论为「${ASPECT_CONCLUSION_LABELS[expect.needsOne]}」(${cr})`,
    });
  }
  return v;
}

/** The checklist of one aspect (e.g. R-ND-11): every question answered once, a claimed basis named. */
function checklistViolations(req: AspectRequirement, a: AspectFacts | null): Violation[] {
  const { rule, items } = req.checklist!;
  const v: Violation[] = [];
  const answers = a?.checklist ?? [];
  for (const item of items) {
    const given = answers.filter((x) => x.item === item);
    const label = CHECKLIST_ITEM_LABELS[item];
    if (given.length === 0) {
      v.push({ rule, code: 'CHECKLIST_UNANSWERED', message: `「${req.label}」审查未回答是否「${label}」(${rule})` });
      continue;
    }
    if (given.length > 1) v.push({ rule, code: 'CHECKLIST_TWICE', message: `「${label}」只能回答一次 (${rule})` });
    const x = given[0]!;
    if (x.answer === ChecklistAnswer.INVOLVED_WITH_BASIS && (!x.lawName?.trim() || !x.article?.trim())) {
      v.push({ rule, code: 'CHECKLIST_BASIS_MISSING', message: `「${label}」称有法律、法规依据的，须写明法律、法规名称及条款 (${rule})` });
    }
    if (x.answer === ChecklistAnswer.INVOLVED_WITHOUT_BASIS && a!.conclusion === AspectConclusion.COMPLIANT) {
      v.push({
        rule,
        code: 'CHECKLIST_CONTRADICTS_ASPECT',
        message: `「${label}」没有法律、法规依据，「${req.label}」的结论不能为「${ASPECT_CONCLUSION_LABELS[AspectConclusion.COMPLIANT]}」(${rule})`,
      });
    }
  }
  for (const x of answers) {
    if (!items.includes(x.item)) v.push({ rule: 'R-LR-4', code: 'CHECKLIST_ITEM_NOT_ALLOWED', message: `「${CHECKLIST_ITEM_LABELS[x.item]}」不在「${req.label}」的审查清单中 (R-LR-4)` });
  }
  return v;
}

export const CONCLUSION_LABELS: Record<OpinionConclusion, string> = {
  LAWFUL: '合法',
  LAWFUL_WITH_AMENDMENTS: '修改后合法',
  UNLAWFUL: '不合法',
  EXPLORATORY_RISK_DISCLOSED: '探索性改革、法律风险已提示',
  AGREED: '同意',
  AGREED_WITH_AMENDMENTS: '修改后同意',
  RETURNED_FOR_FURTHER_INVESTIGATION: '退回补充调查',
  NOT_AGREED: '不同意',
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

