import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import { CONCLUSION_LABELS, type DeadlinePolicy, type OpinionRules } from '../review/review.rules';
import { FindingAspect, OpinionConclusion } from '../review/review.enums';
import type { AspectRequirement } from '../review/review-aspects';
import {
  CIRCUMSTANCE_LABELS,
  EnforcementCaseState,
  EnforcementMeasureKind,
  EnforcementProcedureKind,
  MajorCircumstance,
  MajorCriterion,
  MEASURE_LABELS,
  PARTY_LABELS,
  PartyKind,
  PROCEDURE_STEP_LABELS,
} from './enforcement.enums';
import { ENFORCEMENT_WORKFLOW } from './enforcement.workflow';

/** Pure rules of major law-enforcement decisions (R-EN-1…4). No I/O, no clock: today is passed in. */

type EnforcementRules = RulesConfig['enforcement'];

// ------------------------------------------------------------------ R-EN-1 which decisions are major

export interface MajorFacts {
  partyKind: PartyKind;
  measureKinds: readonly string[];
  fineAmount: string | null;
  confiscationValue: string | null;
  majorPublicInterest: boolean;
  socialRisk: boolean;
  complexCase: boolean;
  hearingRequired: boolean;
}

export interface MajorReason {
  criterion: MajorCriterion;
  message: string;
}

export interface MajorAssessment {
  major: boolean;
  reasons: MajorReason[];
}

/** Whole cents of a yuan amount written as a decimal string; null when absent. */
function cents(amount: string | null | undefined): number | null {
  if (amount === null || amount === undefined || amount.trim() === '') return null;
  return Math.round(Number(amount) * 100);
}

/**
 * R-EN-1: whether a decision is major, with every reason, from the configured list: a fine at or
 * above the threshold for the party's kind, a listed measure, a confiscation of at least the
 * configured value, a listed circumstance. A case off the list may still be submitted voluntarily.
 */
export function majorAssessment(f: MajorFacts, rules: EnforcementRules): MajorAssessment {
  const reasons: MajorReason[] = [];
  const fine = cents(f.fineAmount);
  const threshold = f.partyKind === PartyKind.INDIVIDUAL ? rules.majorFineIndividualYuan : rules.majorFineOrganisationYuan;
  if (f.measureKinds.includes(EnforcementMeasureKind.FINE) && fine !== null && fine >= threshold * 100) {
    reasons.push({
      criterion: MajorCriterion.FINE_THRESHOLD,
      message: `对${PARTY_LABELS[f.partyKind]}罚款 ${f.fineAmount} 元，达到重大执法决定标准（${PARTY_LABELS[f.partyKind]} ${threshold} 元以上）(R-EN-1)`,
    });
  }
  for (const kind of f.measureKinds) {
    if (rules.majorMeasures.includes(kind)) {
      reasons.push({ criterion: MajorCriterion.MEASURE_KIND, message: `拟${MEASURE_LABELS[kind as EnforcementMeasureKind] ?? kind}，属于重大执法决定 (R-EN-1)` });
    }
  }
  const confiscated = cents(f.confiscationValue);
  if (f.measureKinds.includes(EnforcementMeasureKind.CONFISCATION) && confiscated !== null && confiscated >= rules.majorConfiscationValueYuan * 100) {
    reasons.push({
      criterion: MajorCriterion.CONFISCATION_THRESHOLD,
      message: `没收财物价值 ${f.confiscationValue} 元，达到重大执法决定标准（${rules.majorConfiscationValueYuan} 元以上）(R-EN-1)`,
    });
  }
  const present: Record<MajorCircumstance, boolean> = {
    MAJOR_PUBLIC_INTEREST: f.majorPublicInterest,
    SOCIAL_RISK: f.socialRisk,
    HEARING_REQUIRED: f.hearingRequired,
    COMPLEX_CASE: f.complexCase,
  };
  for (const c of Object.values(MajorCircumstance)) {
    if (present[c] && rules.majorCircumstances.includes(c)) {
      reasons.push({ criterion: MajorCriterion[c], message: `${CIRCUMSTANCE_LABELS[c]}，属于重大执法决定 (R-EN-1)` });
    }
  }
  return { major: reasons.length > 0, reasons };
}

// ------------------------------------------------------------------ R-EN-2 the proposed measure and the package

export interface MeasureFacts {
  kinds: readonly string[];
  fineAmount: string | null;
  confiscationValue: string | null;
}

/** R-EN-2: the measure of a proposed decision: at least one; a fine with its amount, a confiscation with its value, and nothing else. */
export function measureViolations(m: MeasureFacts): Violation[] {
  const v: Violation[] = [];
  const fine = cents(m.fineAmount);
  const value = cents(m.confiscationValue);
  if (m.kinds.length === 0) v.push({ rule: 'R-EN-2', code: 'MEASURE_MISSING', message: '请写明拟作出的处理措施 (R-EN-2)' });
  if (m.kinds.includes(EnforcementMeasureKind.FINE) && !(fine && fine > 0)) {
    v.push({ rule: 'R-EN-2', code: 'FINE_AMOUNT_MISSING', message: '拟处罚款的，须写明罚款数额 (R-EN-2)' });
  }
  if (m.kinds.includes(EnforcementMeasureKind.CONFISCATION) && !(value && value > 0)) {
    v.push({ rule: 'R-EN-2', code: 'CONFISCATION_VALUE_MISSING', message: '拟没收财物的，须写明没收财物的价值 (R-EN-2)' });
  }
  if (!m.kinds.includes(EnforcementMeasureKind.FINE) && fine !== null) {
    v.push({ rule: 'R-EN-2', code: 'FINE_AMOUNT_WITHOUT_FINE', message: '处理措施中没有罚款，不应填写罚款数额 (R-EN-2)' });
  }
  if (!m.kinds.includes(EnforcementMeasureKind.CONFISCATION) && value !== null) {
    v.push({ rule: 'R-EN-2', code: 'CONFISCATION_VALUE_WITHOUT_CONFISCATION', message: '处理措施中没有没收，不应填写没收财物价值 (R-EN-2)' });
  }
  return v;
}

/** R-EN-2: the package (and the proposed decision) change only in the given states — while the team investigates. */
export function packageStateViolations(state: EnforcementCaseState, allowed: readonly EnforcementCaseState[], action: string): Violation[] {
  return ENFORCEMENT_WORKFLOW.requireState(state, allowed, action, 'R-EN-2');
}

/** R-EN-2: a recorded fact (evidence obtained, a procedure step) cannot lie in the future. */
export function pastDateViolations(date: string, today: string, what: string): Violation[] {
  return date > today ? [{ rule: 'R-EN-2', code: 'DATE_IN_FUTURE', message: `${what}日期 ${date} 晚于今天 ${today}，请填写已经发生的日期 (R-EN-2)` }] : [];
}

export interface PackageSnapshot {
  currentDecisionNumber: number;
  factsFound: string | null | undefined;
  legalBasisLaw: string | null | undefined;
  legalBasisArticle: string | null | undefined;
  discretionStandard: string | null | undefined;
  hearingRequired: boolean;
  evidenceCount: number;
  officers: { name: string; certificateNumber: string; certificateValidUntil: string | null | undefined }[];
  procedure: { kind: EnforcementProcedureKind; occurredOn: string }[];
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

function missing(code: string, message: string): Violation {
  return { rule: 'R-EN-2', code, message: `${message} (R-EN-2)` };
}

/**
 * R-EN-2: everything missing from the package of a submission, all at once: the proposed decision;
 * the facts found and the evidence list; the legal basis with the discretion standard applied; the
 * procedure record (investigation, notification of rights, statements and defence, a hearing where
 * one was required) in its order; the officers (《行政处罚法》第四十二条: at least two) with
 * enforcement certificates in force.
 */
export function packageBlockers(p: PackageSnapshot, today: string, rules: EnforcementRules): Violation[] {
  const v: Violation[] = [];
  if (p.currentDecisionNumber === 0) v.push(missing('PROPOSED_DECISION_MISSING', '缺少拟作出的执法决定（文书文本及处理措施）'));
  if (blank(p.factsFound)) v.push(missing('FACTS_MISSING', '缺少认定的违法事实'));
  if (p.evidenceCount === 0) v.push(missing('EVIDENCE_MISSING', '缺少证据清单'));
  if (blank(p.legalBasisLaw) || blank(p.legalBasisArticle)) v.push(missing('LEGAL_BASIS_MISSING', '缺少法律依据（法律名称及条款）'));
  if (blank(p.discretionStandard)) v.push(missing('DISCRETION_MISSING', '缺少所适用的裁量基准及裁量档次'));
  const needed = [EnforcementProcedureKind.INVESTIGATION, EnforcementProcedureKind.RIGHTS_NOTIFICATION, EnforcementProcedureKind.STATEMENT_AND_DEFENCE];
  if (p.hearingRequired) needed.push(EnforcementProcedureKind.HEARING);
  for (const kind of needed) {
    if (!p.procedure.some((s) => s.kind === kind)) v.push(missing('PROCEDURE_MISSING', `程序记录缺少「${PROCEDURE_STEP_LABELS[kind]}」`));
  }
  const first = (kind: EnforcementProcedureKind) => p.procedure.filter((s) => s.kind === kind).map((s) => s.occurredOn).sort()[0];
  const investigated = first(EnforcementProcedureKind.INVESTIGATION);
  const notified = first(EnforcementProcedureKind.RIGHTS_NOTIFICATION);
  for (const s of p.procedure) {
    const before =
      s.kind === EnforcementProcedureKind.RIGHTS_NOTIFICATION
        ? investigated !== undefined && s.occurredOn < investigated
          ? { step: EnforcementProcedureKind.INVESTIGATION, on: investigated }
          : null
        : (s.kind === EnforcementProcedureKind.STATEMENT_AND_DEFENCE || s.kind === EnforcementProcedureKind.HEARING) && notified !== undefined && s.occurredOn < notified
          ? { step: EnforcementProcedureKind.RIGHTS_NOTIFICATION, on: notified }
          : null;
    if (before) {
      v.push(
        missing(
          'PROCEDURE_OUT_OF_ORDER',
          `「${PROCEDURE_STEP_LABELS[s.kind]}」（${s.occurredOn}）不能早于「${PROCEDURE_STEP_LABELS[before.step]}」（${before.on}）`,
        ),
      );
    }
  }
  if (p.officers.length < rules.minOfficers) {
    v.push(missing('OFFICERS_TOO_FEW', `执法人员不得少于 ${rules.minOfficers} 名且均须持有执法证（《中华人民共和国行政处罚法》第四十二条），现有 ${p.officers.length} 名`));
  }
  for (const o of p.officers) {
    if (o.certificateValidUntil && o.certificateValidUntil < today) {
      v.push(missing('CERTIFICATE_EXPIRED', `执法人员${o.name}的执法证（${o.certificateNumber}）已于 ${o.certificateValidUntil} 到期`));
    }
  }
  return v;
}

// ------------------------------------------------------------------ R-EN-3 / R-EN-4 the review of an enforcement decision

/** The rules an opinion on an enforcement decision cites: its conclusions (R-EN-4) and its aspects (R-EN-3). */
export const ENFORCEMENT_OPINION_RULES: OpinionRules = { conclusions: 'R-EN-4', aspects: 'R-EN-3' };

/**
 * R-EN-3: the aspects of the review, each of which every opinion concludes on (at least one finding
 * naming it): authority and the officers' qualification, facts and evidence, the law applied, the
 * procedure, the discretion, the documents.
 */
export const ENFORCEMENT_ASPECTS: readonly AspectRequirement[] = [
  { aspect: FindingAspect.AUTHORITY, label: '执法主体与执法人员资格' },
  { aspect: FindingAspect.FACTS_AND_EVIDENCE, label: '事实与证据' },
  { aspect: FindingAspect.LEGAL_BASIS, label: '法律适用' },
  { aspect: FindingAspect.PROCEDURE, label: '执法程序' },
  { aspect: FindingAspect.DISCRETION, label: '裁量' },
  { aspect: FindingAspect.DOCUMENTS, label: '执法文书' },
];

/** Rules cited when the reviewed text changed since it was pinned. */
export const ENFORCEMENT_PIN_RULES = ['R-LR-5', 'R-EN-4'] as const;

/** R-EN-4: due the configured working days after acceptance (5), extendable once (5); no shorter date may be asked for. */
export function enforcementDeadlinePolicy(rules: EnforcementRules): DeadlinePolicy {
  return { dueWorkingDays: rules.reviewDueWorkingDays, minWorkingDays: rules.reviewDueWorkingDays, extensionWorkingDays: rules.extensionWorkingDays, rule: 'R-EN-4' };
}

/** Conclusions a decision departs from when it is made anyway (R-EN-4). */
export const DEPARTING_CONCLUSIONS: readonly OpinionConclusion[] = [OpinionConclusion.NOT_AGREED, OpinionConclusion.RETURNED_FOR_FURTHER_INVESTIGATION];

// ------------------------------------------------------------------ R-EN-1 / R-EN-4 recording the decision

export interface DecisionFacts {
  state: EnforcementCaseState;
  /** Whether the decision is major now (R-EN-1). */
  major: boolean;
  /** A review of the case is open (submitted, returned or under review). */
  pendingReview: boolean;
  /** The opinion in force: its conclusion, the day it was issued, the hashes it covers (reviewed and confirmed texts). */
  opinion: { conclusion: OpinionConclusion; issuedOn: string; coveredHashes: readonly string[] } | null;
  /** Hash of the proposed decision as it is now: what would be decided. */
  decidedHash: string | null;
  decidedOn: string;
  today: string;
  /** The case number: the meeting's record must name it. */
  caseCode: string;
  /** The collective discussion by the organ's leadership, when one is recorded; `record` is the minutes with their corrections. */
  discussion: { meeting: { title: string; finalised: boolean; heldOn: string; record: string } | null; conclusion: string; reason: string } | null;
}

function en4(code: string, message: string): Violation {
  return { rule: 'R-EN-4', code, message: `${message} (R-EN-4)` };
}

/**
 * R-EN-1 / R-EN-4: may the decision be recorded? Never while a review is open; a major decision only
 * after a concluded review of the present package; a reviewed decision only on the text the advisor
 * reviewed or confirmed, on or after the opinion; and a decision departing from NOT_AGREED or
 * RETURNED_FOR_FURTHER_INVESTIGATION only after a collective discussion by the organ's leadership —
 * a finalised meeting held on or after the opinion whose minutes (or their corrections) name the
 * case, with its conclusion and reason, before the decision.
 */
export function decisionViolations(f: DecisionFacts): Violation[] {
  const v: Violation[] = [];
  if (f.decidedOn > f.today) v.push(en4('DATE_IN_FUTURE', `决定日期 ${f.decidedOn} 晚于今天 ${f.today}`));
  if (!f.decidedHash) v.push(en4('DECISION_TEXT_MISSING', '尚无拟作出的执法决定文本'));
  if (f.pendingReview) v.push(en4('REVIEW_NOT_CONCLUDED', '法制审核尚未结束，不得作出执法决定'));
  if (f.state === EnforcementCaseState.INVESTIGATING) {
    if (f.major && !f.pendingReview) {
      v.push({ rule: 'R-EN-1', code: 'MAJOR_DECISION_NOT_REVIEWED', message: '重大执法决定须经法制审核后方可作出；补充调查后的案件须重新提请审核 (R-EN-1)' });
    }
    return v;
  }
  if (f.state !== EnforcementCaseState.REVIEWED || !f.opinion) return v;
  const o = f.opinion;
  if (f.decidedHash && !o.coveredHashes.includes(f.decidedHash)) {
    v.push(en4('DECISION_TEXT_NOT_REVIEWED', '拟作出的决定文本与法制审核的文本不一致：请提请法律顾问确认修改稿，或重新提请审核'));
  }
  if (f.decidedOn < o.issuedOn) v.push(en4('DECIDED_BEFORE_REVIEW_CONCLUDED', `决定日期 ${f.decidedOn} 早于法制审核意见出具日期 ${o.issuedOn}`));
  const departing = DEPARTING_CONCLUSIONS.includes(o.conclusion);
  const d = f.discussion;
  if (!d?.meeting) {
    if (departing) {
      v.push(en4('COLLECTIVE_DISCUSSION_MISSING', `法制审核结论为「${CONCLUSION_LABELS[o.conclusion]}」，仍作出决定的，须经机关负责人集体讨论并记录讨论结论和理由`));
    }
    return v;
  }
  if (!d.meeting.finalised) v.push(en4('DISCUSSION_NOT_FINALISED', `集体讨论会议「${d.meeting.title}」的纪要尚未定稿`));
  if (d.meeting.heldOn < o.issuedOn) {
    v.push(en4('DISCUSSION_BEFORE_OPINION', `集体讨论会议「${d.meeting.title}」于 ${d.meeting.heldOn} 召开，早于法制审核意见出具日期 ${o.issuedOn}，未讨论该意见`));
  }
  if (d.meeting.finalised && !d.meeting.record.includes(f.caseCode)) {
    v.push(en4('DISCUSSION_CASE_NOT_RECORDED', `集体讨论会议「${d.meeting.title}」的纪要未载明本案（${f.caseCode}）：请在纪要或其更正中记录对本案的讨论`));
  }
  if (blank(d.conclusion)) v.push(en4('DISCUSSION_CONCLUSION_MISSING', '请写明集体讨论的结论'));
  if (blank(d.reason)) v.push(en4('DISCUSSION_REASON_MISSING', '请写明集体讨论的理由'));
  if (f.decidedOn < d.meeting.heldOn) v.push(en4('DECIDED_BEFORE_DISCUSSION', `决定日期 ${f.decidedOn} 早于集体讨论日期 ${d.meeting.heldOn}`));
  return v;
}
