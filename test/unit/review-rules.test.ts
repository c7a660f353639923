import { loadWorkingCalendar } from '../../src/calendar/load';
import { DEFAULT_RULES } from '../../src/core/config';
import { AspectConclusion, ChecklistAnswer, ChecklistItem, FindingAspect, OpinionConclusion, ReviewStatus } from '../../src/review/review.enums';
import { LEGALITY_ASPECTS } from '../../src/review/review-subject.port';
import {
  deadline,
  dueDate,
  extensionViolations,
  opinionIssueViolations,
  pinViolations,
  requestedCompletionViolations,
  reviewDeadlinePolicy,
  type DeadlineFacts,
} from '../../src/review/review.rules';
import { REVIEW_WORKFLOW } from '../../src/review/review.workflow';
import { deliberationBlockers } from '../../src/proposal/readiness.rules';

/** Conclusions per aspect (R-LR-4): content as given, authority and procedure compliant. */
const stated = (content: AspectConclusion) => [
  { aspect: FindingAspect.AUTHORITY, conclusion: AspectConclusion.COMPLIANT, checklist: [] },
  { aspect: FindingAspect.PROCEDURE, conclusion: AspectConclusion.COMPLIANT, checklist: [] },
  { aspect: FindingAspect.CONTENT, conclusion: content, checklist: [] },
];
/** What the decision and contract adapters allow (R-LR-5). */
const DECISION = {
  allowedConclusions: Object.values(OpinionConclusion),
  requiredAspects: LEGALITY_ASPECTS,
  aspects: stated(AspectConclusion.NEEDS_AMENDMENT),
  noun: '决策草案',
};
const CONTRACT = {
  allowedConclusions: [OpinionConclusion.LAWFUL, OpinionConclusion.LAWFUL_WITH_AMENDMENTS, OpinionConclusion.UNLAWFUL],
  requiredAspects: LEGALITY_ASPECTS,
  aspects: stated(AspectConclusion.COMPLIANT),
  noun: '合同',
};

const cal = loadWorkingCalendar(null);
const R = reviewDeadlinePolicy(DEFAULT_RULES);
const codes = (v: { rule: string; code: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  acceptedOn: '2026-03-02',
  requestedCompletionOn: null,
  pausedWorkingDays: 0,
  extensionWorkingDays: 0,
  returnedOn: null,
  status: ReviewStatus.ACCEPTED,
  opinionIssuedOn: null,
  ...over,
});

describe('R-LR-3 review deadlines in working days', () => {
  it('counts past the Spring Festival when accepted just before it, make-up Saturdays included', () => {
    // Thu 12 Feb 2026: 13, 14 (Sat, 调休), 24, 25, 26, 27, 28 (Sat, 调休), 2, 3, 4 March
    expect(dueDate(facts({ acceptedOn: '2026-02-12' }), R, cal)).toBe('2026-03-04');
  });

  it('counts a make-up Saturday after National Day as a working day', () => {
    // Fri 9 Oct 2026: Sat 10 Oct is a working day (调休), so the 10th working day is Thu 22 Oct.
    expect(dueDate(facts({ acceptedOn: '2026-10-09' }), R, cal)).toBe('2026-10-22');
  });

  it('stops the clock while returned and resumes it on resubmission', () => {
    // accepted Mon 2 March, due Mon 16 March; returned Thu 5 March
    const returned = facts({ status: ReviewStatus.RETURNED, returnedOn: '2026-03-05' });
    expect(deadline(returned, '2026-03-05', R, cal)).toEqual({ dueOn: '2026-03-16', workingDaysLeft: 7, overdue: false, paused: true, provisional: false, uncoveredYears: [] });
    expect(deadline(returned, '2026-03-09', R, cal)).toMatchObject({ dueOn: '2026-03-18', paused: true, overdue: false });
    // resubmitted Tue 10 March: 3 working days paused (6, 9, 10 March)
    const resumed = facts({ pausedWorkingDays: cal.countWorkingDays('2026-03-05', '2026-03-10') });
    expect(resumed.pausedWorkingDays).toBe(3);
    expect(deadline(resumed, '2026-03-10', R, cal)).toEqual({ dueOn: '2026-03-19', workingDaysLeft: 7, overdue: false, paused: false, provisional: false, uncoveredYears: [] });
  });

  it('adds the one extension', () => {
    expect(dueDate(facts({ extensionWorkingDays: 5 }), R, cal)).toBe('2026-03-23');
    expect(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 0 }, 10, R)).toEqual([]);
    expect(codes(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 5 }, 3, R))).toEqual(['R-LR-3:ALREADY_EXTENDED']);
    expect(codes(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 0 }, 11, R))).toEqual(['R-LR-3:EXTENSION_TOO_LONG']);
    expect(codes(extensionViolations({ status: ReviewStatus.RETURNED, extensionWorkingDays: 0 }, 2, R))).toEqual(['R-LR-3:NOT_UNDER_REVIEW']);
  });

  it('flags overdue the working day after the due date', () => {
    expect(deadline(facts({}), '2026-03-16', R, cal)).toEqual({ dueOn: '2026-03-16', workingDaysLeft: 0, overdue: false, paused: false, provisional: false, uncoveredYears: [] });
    expect(deadline(facts({}), '2026-03-17', R, cal)).toEqual({ dueOn: '2026-03-16', workingDaysLeft: -1, overdue: true, paused: false, provisional: false, uncoveredYears: [] });
    // an opinion issued in time stays on time later
    expect(deadline(facts({ status: ReviewStatus.OPINION_ISSUED, opinionIssuedOn: '2026-03-13' }), '2026-04-30', R, cal).overdue).toBe(false);
  });

  it('refuses a requested completion date that leaves fewer than 7 working days', () => {
    const v = requestedCompletionViolations('2026-03-05', '2026-03-13', R, cal);
    expect(codes(v)).toEqual(['R-LR-3:REVIEW_TIME_TOO_SHORT']);
    expect(v[0]!.message).toContain('仅 6 个工作日');
    expect(requestedCompletionViolations('2026-03-05', '2026-03-16', R, cal)).toEqual([]);
    // honoured when earlier than the standard due date, never below the minimum from acceptance
    expect(dueDate(facts({ acceptedOn: '2026-03-05', requestedCompletionOn: '2026-03-16' }), R, cal)).toBe('2026-03-16');
    expect(dueDate(facts({ acceptedOn: '2026-03-09', requestedCompletionOn: '2026-03-16' }), R, cal)).toBe('2026-03-18');
  });

  it('uses the configured numbers', () => {
    const rules = { ...DEFAULT_RULES, review: { ...DEFAULT_RULES.review, reviewDueWorkingDays: 15 } };
    expect(dueDate(facts({}), reviewDeadlinePolicy(rules), cal)).toBe('2026-03-23');
  });
});

describe('R-LR-4 / R-LR-5 opinions', () => {
  const finding = { aspect: FindingAspect.CONTENT, mustFix: true, text: '设定准入条件缺乏上位法依据', lawName: '《优化营商环境条例》', article: '第六十四条' };
  it('accepts a complete opinion', () => {
    expect(opinionIssueViolations({ ...DECISION, conclusion: OpinionConclusion.LAWFUL_WITH_AMENDMENTS, text: '意见', findings: [finding] })).toEqual([]);
  });
  it('reserves the exploratory conclusion for decisions and requires findings and their legal basis', () => {
    expect(
      codes(opinionIssueViolations({ ...CONTRACT, conclusion: OpinionConclusion.EXPLORATORY_RISK_DISCLOSED, text: '', findings: [] })),
    ).toEqual(['R-LR-5:EXPLORATORY_DECISIONS_ONLY', 'R-LR-4:FINDINGS_MISSING', 'R-LR-5:OPINION_TEXT_MISSING']);
    expect(
      codes(opinionIssueViolations({ ...DECISION, conclusion: OpinionConclusion.LAWFUL_WITH_AMENDMENTS, text: 'x', findings: [{ ...finding, mustFix: false, article: ' ' }] })),
    ).toEqual(['R-LR-5:AMENDMENTS_MISSING', 'R-LR-4:LEGAL_BASIS_MISSING']);
  });
});

describe('R-LR-4 / R-ND-11 a conclusion per aspect', () => {
  const finding = { aspect: FindingAspect.CONTENT, mustFix: true, text: '设定准入条件缺乏上位法依据', lawName: '《优化营商环境条例》', article: '第六十四条' };
  const ND_ASPECTS = LEGALITY_ASPECTS.map((a) =>
    a.aspect === FindingAspect.CONTENT ? { ...a, checklist: { rule: 'R-ND-11' as const, items: Object.values(ChecklistItem) } } : a,
  );
  const allNotInvolved = Object.values(ChecklistItem).map((item) => ({ item, answer: ChecklistAnswer.NOT_INVOLVED }));
  it('refuses an opinion missing an aspect, and one whose aspects contradict the overall conclusion', () => {
    expect(
      codes(opinionIssueViolations({ ...DECISION, aspects: DECISION.aspects.slice(1), conclusion: OpinionConclusion.LAWFUL_WITH_AMENDMENTS, text: '意见', findings: [finding] })),
    ).toEqual(['R-LR-4:ASPECT_CONCLUSION_MISSING']);
    expect(
      codes(opinionIssueViolations({ ...DECISION, aspects: stated(AspectConclusion.COMPLIANT), conclusion: OpinionConclusion.LAWFUL_WITH_AMENDMENTS, text: '意见', findings: [finding] })),
    ).toEqual(['R-LR-4:ASPECT_CONTRADICTS_FINDING']);
    expect(
      codes(opinionIssueViolations({ ...DECISION, aspects: stated(AspectConclusion.NEEDS_AMENDMENT), conclusion: OpinionConclusion.UNLAWFUL, text: '意见', findings: [finding] })),
    ).toEqual(['R-LR-5:CONCLUSION_CONTRADICTS_ASPECT']);
  });
  it('walks the R-ND-11 checklist for normative documents: every item answered, a claimed basis named', () => {
    const base = { ...DECISION, requiredAspects: ND_ASPECTS, conclusion: OpinionConclusion.LAWFUL, text: '意见', findings: [] };
    const aspects = (checklist: { item: ChecklistItem; answer: ChecklistAnswer; lawName?: string; article?: string }[]) =>
      stated(AspectConclusion.COMPLIANT).map((a) => (a.aspect === FindingAspect.CONTENT ? { ...a, checklist } : a));
    expect(opinionIssueViolations({ ...base, aspects: aspects(allNotInvolved) })).toEqual([]);
    expect(codes(opinionIssueViolations({ ...base, aspects: aspects(allNotInvolved.slice(1)) }))).toEqual(['R-ND-11:CHECKLIST_UNANSWERED']);
    const claimed = allNotInvolved.map((x) => (x.item === ChecklistItem.CREATES_LICENCE ? { ...x, answer: ChecklistAnswer.INVOLVED_WITH_BASIS } : x));
    expect(codes(opinionIssueViolations({ ...base, aspects: aspects(claimed) }))).toEqual(['R-ND-11:CHECKLIST_BASIS_MISSING']);
    const lacking = allNotInvolved.map((x) => (x.item === ChecklistItem.CREATES_PENALTY ? { ...x, answer: ChecklistAnswer.INVOLVED_WITHOUT_BASIS } : x));
    expect(codes(opinionIssueViolations({ ...base, aspects: aspects(lacking) }))).toEqual(['R-ND-11:CHECKLIST_CONTRADICTS_ASPECT']);
  });
});

describe('review workflow', () => {
  it('refuses moves from the wrong state with the rule id', () => {
    expect(REVIEW_WORKFLOW.violations(ReviewStatus.SUBMITTED, 'ACCEPT')).toEqual([]);
    expect(codes(REVIEW_WORKFLOW.violations(ReviewStatus.RETURNED, 'ACCEPT'))).toEqual(['R-LR-2:INVALID_STATE']);
    expect(codes(REVIEW_WORKFLOW.violations(ReviewStatus.SUBMITTED, 'ISSUE_OPINION'))).toEqual(['R-LR-5:INVALID_STATE']);
    expect(codes(REVIEW_WORKFLOW.violations(ReviewStatus.FIRST_REVIEW, 'ACCEPT'))).toEqual(['R-LR-2:INVALID_STATE']);
  });
});

describe('R-LR-5 / R-DEC-9 an opinion covers the pinned text', () => {
  const pinned = { number: 1, contentHash: 'a'.repeat(64) };
  it('accepts the pinned text', () => {
    expect(pinViolations({ pinned, current: pinned, noun: '合同', rules: ['R-LR-5'] })).toEqual([]);
  });
  it('refuses a changed text, naming both versions, with every rule the subject cites', () => {
    const v = pinViolations({ pinned, current: { number: 2, contentHash: 'b'.repeat(64) }, noun: '决策草案', rules: ['R-LR-5', 'R-DEC-9'] });
    expect(codes(v)).toEqual(['R-LR-5:TEXT_CHANGED_SINCE_PINNED', 'R-DEC-9:TEXT_CHANGED_SINCE_PINNED']);
    expect(v[0]!.message).toContain('第 1 版');
    expect(v[0]!.message).toContain('第 2 版');
  });
});

describe('R-DEC-8 / R-DEC-9 deliberation readiness', () => {
  const opinion = (over = {}) => ({
    conclusion: OpinionConclusion.LAWFUL_WITH_AMENDMENTS,
    reviewedDraftHash: 'h1',
    confirmedHashes: [] as string[],
    findings: [{ seq: 1, mustFix: true, response: 'ADOPTED', responseReason: null }],
    ...over,
  });
  it('needs a review, and no UNLAWFUL conclusion', () => {
    expect(codes(deliberationBlockers({ opinion: null, currentDraftHash: 'h1', reviewPending: false }))).toEqual(['R-DEC-8:NOT_REVIEWED']);
    expect(codes(deliberationBlockers({ opinion: null, currentDraftHash: 'h1', reviewPending: true }))).toEqual(['R-DEC-8:REVIEW_PENDING']);
    expect(codes(deliberationBlockers({ opinion: opinion({ conclusion: OpinionConclusion.UNLAWFUL }), currentDraftHash: 'h1', reviewPending: false }))).toEqual([
      'R-DEC-8:OPINION_UNLAWFUL',
    ]);
    expect(deliberationBlockers({ opinion: opinion({ conclusion: OpinionConclusion.EXPLORATORY_RISK_DISCLOSED }), currentDraftHash: 'h1', reviewPending: false })).toEqual([]);
  });
  it('needs every must-fix finding answered and a changed draft confirmed', () => {
    const f = [
      { seq: 1, mustFix: true, response: null, responseReason: null },
      { seq: 2, mustFix: true, response: 'NOT_ADOPTED', responseReason: '' },
      { seq: 3, mustFix: false, response: null, responseReason: null },
    ];
    expect(codes(deliberationBlockers({ opinion: opinion({ findings: f }), currentDraftHash: 'h2', reviewPending: false }))).toEqual([
      'R-DEC-9:DRAFT_CHANGED_UNCONFIRMED',
      'R-DEC-9:FINDING_UNANSWERED',
      'R-DEC-9:FINDING_REASON_MISSING',
    ]);
    expect(deliberationBlockers({ opinion: opinion({ confirmedHashes: ['h2'] }), currentDraftHash: 'h2', reviewPending: false })).toEqual([]);
  });
});
