import { dateViolations, defineDateTable, type DateFacts, type DateTable } from '../core/date-constraints';
import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import { FilingOutcomeKind, FilingStatus } from './normative.enums';

/**
 * The dates of a normative document, its filing and its clean-up (R-ND-4…10), for the one date
 * mechanism (src/core/date-constraints.ts).
 */

/** A document from its release facts to its end. */
export type NormativeDate =
  | 'publicCommentStartsOn'
  | 'publicCommentEndsOn'
  | 'fairCompetitionReviewedOn'
  | 'deliberatedOn'
  | 'legalityOpinionIssuedOn'
  | 'registeredOn'
  | 'publishedOn'
  | 'effectiveOn'
  | 'validUntil'
  | 'replacesPublishedOn'
  | 'cleanupStartedOn'
  | 'cleanupOutcomeOn';

/** `delayWaived`: an urgent reason is recorded, or the document is not under the release gate (not normative). */
export type NormativeCondition = 'delayWaived';

const PAST = '已经发生的事实不能登记将来的日期';

export function normativeDates(rules: RulesConfig): DateTable<NormativeDate, NormativeCondition> {
  const min = rules.normative.effectiveDelayMinDays;
  return defineDateTable<NormativeDate, NormativeCondition>({
    labels: {
      publicCommentStartsOn: '征求意见开始日期',
      publicCommentEndsOn: '征求意见截止日期',
      fairCompetitionReviewedOn: '公平竞争审查日期',
      deliberatedOn: '集体审议日期',
      legalityOpinionIssuedOn: '合法性审核意见出具日期',
      registeredOn: '统一登记日期',
      publishedOn: '公布日期',
      effectiveOn: '施行日期',
      validUntil: '有效期截止日期',
      replacesPublishedOn: '被修改文件的公布日期',
      cleanupStartedOn: '清理工作开始日期',
      cleanupOutcomeOn: '清理结论日期',
    },
    conditions: { delayWaived: '说明紧急理由' },
    constraints: [
      // R-ND-4: the release facts are facts, and the release follows them
      { field: 'publicCommentStartsOn', notAfterToday: true, rule: 'R-ND-4', because: '征求意见须已经开始方可登记' },
      { field: 'publicCommentEndsOn', onOrAfter: 'publicCommentStartsOn', rule: 'R-ND-4', because: '征求意见的截止日期不能早于开始日期' },
      { field: 'fairCompetitionReviewedOn', notAfterToday: true, rule: 'R-ND-4', because: '公平竞争审查须已经完成方可登记' },
      { field: 'deliberatedOn', notAfterToday: true, rule: 'R-ND-4', because: '集体审议须已经举行方可登记' },
      { field: 'publishedOn', notAfterToday: true, rule: 'R-ND-4', because: PAST },
      { field: 'publishedOn', after: 'publicCommentEndsOn', rule: 'R-ND-4', because: '征求意见结束后方可公布' },
      { field: 'publishedOn', onOrAfter: 'fairCompetitionReviewedOn', rule: 'R-ND-4', because: '公平竞争审查须在公布之前完成' },
      { field: 'publishedOn', onOrAfter: 'deliberatedOn', rule: 'R-ND-4', because: '经集体审议决定后方可公布' },
      { field: 'publishedOn', onOrAfter: 'legalityOpinionIssuedOn', rule: 'R-ND-4', because: '经合法性审核后方可公布' },
      { field: 'publishedOn', onOrAfter: 'registeredOn', rule: 'R-ND-5', because: '统一登记、统一编号后方可公布' },
      { field: 'effectiveOn', onOrAfter: 'publishedOn', rule: 'R-ND-4', code: 'EFFECTIVE_BEFORE_PUBLICATION', because: '文件自公布后方能施行' },
      {
        field: 'effectiveOn',
        onOrAfter: 'publishedOn',
        minDaysAfter: min,
        waivedBy: 'delayWaived',
        tooSoonCode: 'EFFECTIVE_TOO_SOON',
        rule: 'R-ND-4',
        because: `施行日期一般不早于公布之日起 ${min} 日，确需提前施行的须说明紧急理由`,
      },
      // R-ND-9: the validity period runs from the effective date and has not ended at release
      { field: 'validUntil', onOrAfter: 'effectiveOn', rule: 'R-ND-9', code: 'VALIDITY_INVALID', because: '有效期自施行之日起计算' },
      { field: 'validUntil', onOrAfter: 'publishedOn', rule: 'R-ND-9', code: 'VALIDITY_ENDED', because: '公布时有效期不能已经届满' },
      // R-ND-10: a replacement ends the document it replaces on its own publication; clean-up outcomes
      { field: 'publishedOn', onOrAfter: 'replacesPublishedOn', rule: 'R-ND-10', because: '新文件公布之日原文件被修改替代，不能早于原文件的公布' },
      { field: 'cleanupStartedOn', notAfterToday: true, rule: 'R-ND-10', because: '清理工作须已经开始方可登记' },
      { field: 'cleanupOutcomeOn', notAfterToday: true, rule: 'R-ND-10', because: PAST },
      { field: 'cleanupOutcomeOn', onOrAfter: 'cleanupStartedOn', rule: 'R-ND-10', because: '清理结论在清理工作开始之后作出' },
      { field: 'cleanupOutcomeOn', onOrAfter: 'publishedOn', rule: 'R-ND-10', because: '只能清理已经公布的文件' },
    ],
  });
}

export function normativeDateViolations(
  dates: DateFacts<NormativeDate>,
  ctx: { today: string; delayWaived: boolean },
  rules: RulesConfig,
): Violation[] {
  return dateViolations(normativeDates(rules), dates, { today: ctx.today, conditions: { delayWaived: ctx.delayWaived } });
}

/** A filing with the supervising body and its answers (R-ND-6, R-ND-7). */
export type FilingDate =
  | 'publishedOn'
  | 'filedOn'
  | 'deferredOn'
  | 'earlierCorrectionOn'
  | 'correctedOn'
  | 'registeredOn'
  | 'reviewedOn'
  | 'correctionClosedOn';

export const FILING_DATES = defineDateTable<FilingDate>({
  labels: {
    publishedOn: '公布日期',
    filedOn: '报备日期',
    deferredOn: '暂缓登记日期',
    earlierCorrectionOn: '上一次补正日期',
    correctedOn: '补正日期',
    registeredOn: '备案登记日期',
    reviewedOn: '备案审查日期',
    correctionClosedOn: '纠正完毕日期',
  },
  constraints: [
    { field: 'filedOn', notAfterToday: true, rule: 'R-ND-6', because: PAST },
    { field: 'filedOn', onOrAfter: 'publishedOn', rule: 'R-ND-6', because: '文件公布后方可报备' },
    { field: 'deferredOn', notAfterToday: true, rule: 'R-ND-7', because: PAST },
    { field: 'deferredOn', onOrAfter: 'filedOn', rule: 'R-ND-7', because: '暂缓登记是备案机关对报备的答复' },
    { field: 'deferredOn', onOrAfter: 'earlierCorrectionOn', rule: 'R-ND-7', because: '再次暂缓登记在上一次补正之后' },
    { field: 'correctedOn', notAfterToday: true, rule: 'R-ND-7', because: PAST },
    { field: 'correctedOn', onOrAfter: 'deferredOn', rule: 'R-ND-7', because: '补正是对暂缓登记的答复' },
    { field: 'registeredOn', notAfterToday: true, rule: 'R-ND-7', because: PAST },
    { field: 'registeredOn', onOrAfter: 'filedOn', rule: 'R-ND-7', because: '备案机关收到报备后方予登记' },
    { field: 'registeredOn', onOrAfter: 'correctedOn', rule: 'R-ND-7', because: '暂缓登记的，补正后方予登记' },
    { field: 'reviewedOn', notAfterToday: true, rule: 'R-ND-7', because: PAST },
    { field: 'reviewedOn', onOrAfter: 'registeredOn', rule: 'R-ND-7', because: '登记后方进行备案审查' },
    { field: 'correctionClosedOn', notAfterToday: true, rule: 'R-ND-7', because: PAST },
    { field: 'correctionClosedOn', onOrAfter: 'reviewedOn', rule: 'R-ND-7', because: '备案审查要求纠正后方能纠正完毕' },
  ],
});

/** A filing's stored dates and status (after the change). */
export interface FilingDateRecord {
  status: FilingStatus;
  filedOn: string;
  deferredOn?: string | null;
  correctedOn?: string | null;
  registeredOn?: string | null;
  reviewedOn?: string | null;
  correctionClosedOn?: string | null;
}

/**
 * The dates of a filing as the table reads them. While a filing waits for a correction again (a
 * second deferral), the correction on record answered the earlier deferral: the new one follows it.
 */
export function filingDateFacts(publishedOn: string | null, f: FilingDateRecord): DateFacts<FilingDate> {
  const awaitingCorrection = f.status === FilingStatus.DEFERRED;
  return {
    publishedOn,
    filedOn: f.filedOn,
    deferredOn: f.deferredOn,
    earlierCorrectionOn: awaitingCorrection ? f.correctedOn : null,
    correctedOn: awaitingCorrection ? null : f.correctedOn,
    registeredOn: f.registeredOn,
    reviewedOn: f.reviewedOn,
    correctionClosedOn: f.correctionClosedOn,
  };
}

export function filingDateViolations(publishedOn: string | null, f: FilingDateRecord, today: string): Violation[] {
  return dateViolations(FILING_DATES, filingDateFacts(publishedOn, f), { today });
}

/** The date each answer of the supervising body records (R-ND-7). */
export const FILING_OUTCOME_DATE: Record<FilingOutcomeKind, Exclude<keyof FilingDateRecord, 'status' | 'filedOn'>> = {
  [FilingOutcomeKind.REGISTER]: 'registeredOn',
  [FilingOutcomeKind.DEFER]: 'deferredOn',
  [FilingOutcomeKind.CORRECT]: 'correctedOn',
  [FilingOutcomeKind.REVIEW_NO_ISSUE]: 'reviewedOn',
  [FilingOutcomeKind.REQUIRE_CORRECTION]: 'reviewedOn',
  [FilingOutcomeKind.CLOSE_CORRECTION]: 'correctionClosedOn',
};

/** The filing after an answer recorded on `on`, leading to `status`, checked against today and its other dates. */
export function filingOutcomeDateViolations(
  publishedOn: string | null,
  f: FilingDateRecord,
  outcome: FilingOutcomeKind,
  on: string,
  status: FilingStatus,
  today: string,
): Violation[] {
  return filingDateViolations(publishedOn, { ...f, status, [FILING_OUTCOME_DATE[outcome]]: on }, today);
}
