import { addCalendarDays, calendarDaysBetween, type WorkingCalendar } from '../calendar/working-days';
import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import { normativeDateViolations } from './normative-dates.rules';
import type { DocumentDeliberation } from './normative-deliberation.port';
import { FILING_MATERIAL_LABELS, FilingFlagKind, FilingStatus, FilingVerdict, type FairCompetitionResult, type Issuer } from './normative.enums';
import {
  deliberationViolations,
  fairCompetitionViolations,
  legalityViolations,
  marketEntitiesViolations,
  type LegalityFacts,
  type MarketEntitiesFacts,
} from './release.rules';

/** Pure rules of normative documents and their filing (R-ND-4…10). */

// ------------------------------------------------------------------ validity (R-ND-9)

export function isProvisional(title: string): boolean {
  return /暂行|试行/.test(title);
}

export function maxValidityYears(title: string, rules: RulesConfig): number {
  return isProvisional(title) ? rules.normative.provisionalValidityMaxYears : rules.normative.validityMaxYears;
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // 29 Feb → 28 Feb
  return target.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The last day a validity of `years` from `effectiveOn` may reach. */
export function latestValidUntil(effectiveOn: string, years: number): string {
  return addCalendarDays(addYears(effectiveOn, years), -1);
}

/**
 * R-ND-9: the validity runs from the effective date (R-ND-4 needs one) for at most the maximum. A
 * period not stated is the maximum under the MAXIMUM policy (the rule book's default; the release
 * records it, `defaultValidUntil`), or blocks the release under REFUSE.
 */
export function validityViolations(f: { title: string; effectiveOn: string | null; validUntil: string | null }, rules: RulesConfig): Violation[] {
  const max = maxValidityYears(f.title, rules);
  if (!f.effectiveOn) {
    return [{ rule: 'R-ND-4', code: 'EFFECTIVE_DATE_MISSING', message: `须写明施行日期（有效期自施行之日起计算，最长 ${max} 年）(R-ND-4)` }];
  }
  if (!f.validUntil) {
    if (rules.normative.validityWithoutPeriod === 'MAXIMUM') return [];
    return [{ rule: 'R-ND-9', code: 'VALIDITY_MISSING', message: `须写明有效期（最长 ${max} 年）(R-ND-9)` }];
  }
  // A period ending before it starts is a date contradiction, stated once in normative-dates.rules.ts (VALIDITY_INVALID).
  const contradiction = normativeDateViolations({ effectiveOn: f.effectiveOn, validUntil: f.validUntil }, { today: f.validUntil, delayWaived: true }, rules);
  if (contradiction.length) return contradiction;
  if (f.validUntil > latestValidUntil(f.effectiveOn, max)) {
    return [
      {
        rule: 'R-ND-9',
        code: 'VALIDITY_TOO_LONG',
        message: `有效期超过 ${max} 年${isProvisional(f.title) ? '（暂行、试行文件）' : ''}，最迟至 ${latestValidUntil(f.effectiveOn, max)} (R-ND-9)`,
      },
    ];
  }
  return [];
}

/** R-ND-9: the end of validity a release without a stated period records (MAXIMUM policy), or null. */
export function defaultValidUntil(f: { title: string; effectiveOn?: string | null }, rules: RulesConfig): string | null {
  if (rules.normative.validityWithoutPeriod !== 'MAXIMUM' || !f.effectiveOn) return null;
  return latestValidUntil(f.effectiveOn, maxValidityYears(f.title, rules));
}

/** Expired the day after the end of its period: computed, never dependent on a job having run. */
export function isExpired(validUntil: string | null, today: string): boolean {
  return !!validUntil && today > validUntil;
}

export function evaluationStartsOn(validUntil: string, rules: RulesConfig): string {
  return addMonths(validUntil, -rules.normative.evaluationLeadMonths);
}

// ------------------------------------------------------------------ release gate (R-ND-4)

export interface ReleaseFacts {
  title: string;
  issuer: Issuer;
  confirmedVerdict: FilingVerdict | null;
  /** The opinion in force on the current text: conclusion, whether it covers the current version, the day it was issued. */
  legality: (NonNullable<LegalityFacts> & { issuedOn?: string | null }) | null;
  /** The meetings that deliberated it (its agenda items), through the deliberation port. */
  deliberations: DocumentDeliberation[];
  /** Hash of the current text. */
  currentHash: string | null;
  /** The latest fair-competition review's date (R-ND-4), for the date checks. */
  fairCompetitionReviewedOn?: string | null;
  registrationNumber: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  affectsBusinessesOrPublic: boolean;
  publicComment: { startsOn: string; endsOn: string } | null;
  touchesMarketEntities: boolean;
  marketEntities: Omit<MarketEntitiesFacts, 'touchesMarketEntities'>;
  /** The latest fair-competition review. */
  fairCompetition: { conclusion: FairCompetitionResult } | null;
  urgentReason: string | null;
  publicationChannel: string | null;
  /** Planned publication date (the release). */
  publishOn: string;
  filingMaterials: string[];
  /** The public comment's dates as recorded, also when only one is (default: `publicComment`). */
  publicCommentStartsOn?: string | null;
  publicCommentEndsOn?: string | null;
  /** The day the unified number was given (R-ND-5). */
  registeredOn?: string | null;
  /** Publication of the document this one replaces (R-ND-10). */
  replacesPublishedOn?: string | null;
  /** Today in the business time zone; a planned release is judged as on its day (default: `publishOn`). */
  today?: string;
}

/** Every date contradiction of a release on `publishOn` (normative-dates.rules.ts). */
export function releaseDateViolations(f: ReleaseFacts, rules: RulesConfig): Violation[] {
  return normativeDateViolations(
    {
      publicCommentStartsOn: f.publicCommentStartsOn ?? f.publicComment?.startsOn,
      publicCommentEndsOn: f.publicCommentEndsOn ?? f.publicComment?.endsOn,
      fairCompetitionReviewedOn: f.fairCompetitionReviewedOn,
      // the latest approval by a meeting of the issuer's own body (R-ND-4)
      deliberatedOn: [...f.deliberations].reverse().find((d) => d.bodyOf === f.issuer && d.finalised && (d.outcome === 'APPROVED' || d.outcome === 'APPROVED_WITH_CHANGES'))?.heldOn ?? null,
      legalityOpinionIssuedOn: f.legality?.issuedOn,
      registeredOn: f.registeredOn,
      publishedOn: f.publishOn,
      effectiveOn: f.effectiveOn,
      validUntil: f.validUntil,
      replacesPublishedOn: f.replacesPublishedOn,
    },
    // the release gate's minimum delay binds documents confirmed as normative, unless urgent
    { today: f.today ?? f.publishOn, delayWaived: !!f.urgentReason?.trim() || f.confirmedVerdict !== FilingVerdict.FILING_REQUIRED },
    rules,
  );
}

export function releaseBlockers(f: ReleaseFacts, rules: RulesConfig, cal: WorkingCalendar): Violation[] {
  const v: Violation[] = [];
  const add = (rule: RuleId, code: string, message: string) => v.push({ rule, code, message: `${message} (${rule})` });
  const dates = releaseDateViolations(f, rules);
  if (!f.confirmedVerdict) {
    add('R-ND-2', 'ASSESSMENT_UNCONFIRMED', '报备判定尚未经备案员确认');
    return [...v, ...dates];
  }
  if (f.confirmedVerdict === FilingVerdict.NOT_REQUIRED) return dates; // not a normative document: no gate, but no contradiction either
  v.push(...legalityViolations(f.legality));
  v.push(...deliberationViolations(f));
  if (!f.registrationNumber) add('R-ND-5', 'REGISTRATION_MISSING', '未统一登记编号');
  v.push(...validityViolations(f, rules));
  if (f.affectsBusinessesOrPublic) {
    const min = rules.normative.publicCommentMinDays;
    if (!f.publicComment) add('R-ND-4', 'PUBLIC_COMMENT_MISSING', `涉及市场主体或公众权利义务，须公开征求意见不少于 ${min} 日`);
    else {
      const days = calendarDaysBetween(f.publicComment.startsOn, f.publicComment.endsOn) + 1;
      if (days < min) add('R-ND-4', 'PUBLIC_COMMENT_TOO_SHORT', `公开征求意见 ${days} 日，少于 ${min} 日`);
    }
  } else if (f.publicComment) {
    const min = rules.normative.publicCommentMinWorkingDaysOther;
    const days = cal.countWorkingDays(f.publicComment.startsOn, f.publicComment.endsOn) + (cal.isWorkingDay(f.publicComment.startsOn) ? 1 : 0);
    if (days < min) add('R-ND-4', 'PUBLIC_COMMENT_TOO_SHORT', `征求意见 ${days} 个工作日，少于 ${min} 个工作日`);
  } else {
    add('R-ND-4', 'PUBLIC_COMMENT_MISSING', `须征求意见不少于 ${rules.normative.publicCommentMinWorkingDaysOther} 个工作日`);
  }
  v.push(...marketEntitiesViolations({ touchesMarketEntities: f.touchesMarketEntities, ...f.marketEntities }));
  v.push(...fairCompetitionViolations(f));
  // publication after the facts it rests on, the effective date's delay, validity (R-ND-4, R-ND-5, R-ND-9, R-ND-10);
  // a meeting's date already named by a deliberation blocker is not named twice
  const deliberationNamed = v.some((x) => x.code.startsWith('DELIBERATION_'));
  v.push(...dates.filter((x) => !v.some((y) => y.message === x.message) && !(deliberationNamed && x.message.includes('「集体审议日期」'))));
  if (!f.publicationChannel?.trim()) add('R-ND-4', 'NOT_PUBLISHED', '规范性文件须向社会公开发布，不得以内部文件形式印发');
  for (const kind of rules.normative.filingMaterials) {
    if (!f.filingMaterials.includes(kind)) add('R-ND-6', 'FILING_MATERIAL_MISSING', `备案材料缺少「${FILING_MATERIAL_LABELS[kind] ?? kind}」`);
  }
  return v;
}

// ------------------------------------------------------------------ filing deadlines and flags (R-ND-6…8)

export function filingDueOn(publishedOn: string, rules: RulesConfig): string {
  return addCalendarDays(publishedOn, rules.normative.filingDueDays);
}

export function correctionDueOn(deferredOn: string, rules: RulesConfig): string {
  return addCalendarDays(deferredOn, rules.normative.correctionDueDays);
}

export type FlagKind = FilingFlagKind;

/** Lower sorts first: what needs doing today comes first. */
export const FLAG_URGENCY: Record<FlagKind, number> = {
  FILING_OVERDUE: 0,
  DEFERRAL_OVERDUE: 1,
  POSSIBLE_MISSED_FILING: 2,
  RELEASED_UNCONFIRMED: 3,
  FILING_DUE_SOON: 4,
  MATERIALS_MISSING: 5,
  CORRECTION_OPEN: 6,
  EVALUATION_DUE: 7,
  FILED_LATE: 8,
  CORRECTED_LATE: 9,
};

const FLAG_RULE: Record<FlagKind, RuleId> = {
  FILING_OVERDUE: 'R-ND-6',
  DEFERRAL_OVERDUE: 'R-ND-7',
  POSSIBLE_MISSED_FILING: 'R-ND-8',
  RELEASED_UNCONFIRMED: 'R-ND-8',
  FILING_DUE_SOON: 'R-ND-6',
  MATERIALS_MISSING: 'R-ND-6',
  CORRECTION_OPEN: 'R-ND-7',
  EVALUATION_DUE: 'R-ND-9',
  FILED_LATE: 'R-ND-8',
  CORRECTED_LATE: 'R-ND-7',
};

export interface FlagFacts {
  id: string;
  title: string;
  registrationNumber: string | null;
  released: boolean;
  publishedOn: string | null;
  confirmedVerdict: FilingVerdict | null;
  redFlagCount: number;
  validUntil: string | null;
  filing: {
    filedOn: string;
    status: FilingStatus;
    materials: string[];
    deferredOn: string | null;
    correctedOn: string | null;
  } | null;
}

export interface Flag {
  documentId: string;
  title: string;
  registrationNumber: string | null;
  kind: FlagKind;
  rule: RuleId;
  message: string;
  dueOn: string | null;
  urgency: number;
}

/** What a flag's message says, besides its kind and due date. */
export interface FlagDetails {
  documentId: string;
  title: string;
  registrationNumber: string | null;
  dueOn: string | null;
  today: string;
  filedOn: string | null;
  correctedOn: string | null;
  validUntil: string | null;
  redFlagCount: number;
  missingMaterials: string[];
}

const FLAG_MESSAGE: Record<FlagKind, (x: FlagDetails) => string> = {
  FILING_OVERDUE: (x) => `应于 ${x.dueOn} 前报备，已逾期 ${calendarDaysBetween(x.dueOn!, x.today)} 日`,
  DEFERRAL_OVERDUE: (x) => `暂缓登记后应于 ${x.dueOn} 前补正，尚未补正`,
  POSSIBLE_MISSED_FILING: (x) => `判定无需报备，但有 ${x.redFlagCount} 处提示性特征，可能漏报`,
  RELEASED_UNCONFIRMED: () => '已公布但报备判定未经确认',
  FILING_DUE_SOON: (x) => `应于 ${x.dueOn} 前报备，还剩 ${calendarDaysBetween(x.today, x.dueOn!)} 日`,
  MATERIALS_MISSING: (x) => `备案材料缺少：${x.missingMaterials.map((k) => FILING_MATERIAL_LABELS[k as keyof typeof FILING_MATERIAL_LABELS] ?? k).join('、')}`,
  CORRECTION_OPEN: () => '备案审查要求纠正，尚未纠正完毕',
  EVALUATION_DUE: (x) => `有效期至 ${x.validUntil}，应开展评估`,
  FILED_LATE: (x) => `于 ${x.filedOn} 报备，超过期限 ${x.dueOn}`,
  CORRECTED_LATE: (x) => `于 ${x.correctedOn} 补正，超过期限 ${x.dueOn}`,
};

/** One flag, worded the same wherever it was found (the rules below, or the database's flag query). */
export function buildFlag(kind: FlagKind, x: FlagDetails): Flag {
  const rule = FLAG_RULE[kind];
  return {
    documentId: x.documentId,
    title: x.title,
    registrationNumber: x.registrationNumber,
    kind,
    rule,
    message: `${FLAG_MESSAGE[kind](x)} (${rule})`,
    dueOn: x.dueOn,
    urgency: FLAG_URGENCY[kind],
  };
}

/**
 * The flags of one document: the specification of R-ND-8. The register reads them from the
 * database (filing-flags.ts); tests hold that query to this function.
 */
export function documentFlags(d: FlagFacts, today: string, rules: RulesConfig, dueSoonDays: number): Flag[] {
  const out: Flag[] = [];
  const base = {
    documentId: d.id,
    title: d.title,
    registrationNumber: d.registrationNumber,
    today,
    filedOn: d.filing?.filedOn ?? null,
    correctedOn: d.filing?.correctedOn ?? null,
    validUntil: d.validUntil,
    redFlagCount: d.redFlagCount,
    missingMaterials: [] as string[],
  };
  const flag = (kind: FlagKind, dueOn: string | null = null, extra: Partial<FlagDetails> = {}) => out.push(buildFlag(kind, { ...base, dueOn, ...extra }));
  if (!d.released || !d.publishedOn) return out;
  if (!d.confirmedVerdict) flag(FilingFlagKind.RELEASED_UNCONFIRMED);
  if (d.confirmedVerdict === FilingVerdict.NOT_REQUIRED && d.redFlagCount > 0) flag(FilingFlagKind.POSSIBLE_MISSED_FILING);
  if (d.confirmedVerdict === FilingVerdict.FILING_REQUIRED) {
    const due = filingDueOn(d.publishedOn, rules);
    if (!d.filing) {
      if (today > due) flag(FilingFlagKind.FILING_OVERDUE, due);
      else if (calendarDaysBetween(today, due) <= dueSoonDays) flag(FilingFlagKind.FILING_DUE_SOON, due);
    } else {
      if (d.filing.filedOn > due) flag(FilingFlagKind.FILED_LATE, due);
      const missing = rules.normative.filingMaterials.filter((k) => !d.filing!.materials.includes(k));
      if (missing.length) flag(FilingFlagKind.MATERIALS_MISSING, null, { missingMaterials: missing });
      if (d.filing.deferredOn) {
        const cdue = correctionDueOn(d.filing.deferredOn, rules);
        if (d.filing.status === FilingStatus.DEFERRED && today > cdue) flag(FilingFlagKind.DEFERRAL_OVERDUE, cdue);
        else if (d.filing.correctedOn && d.filing.correctedOn > cdue) flag(FilingFlagKind.CORRECTED_LATE, cdue);
      }
      if (d.filing.status === FilingStatus.CORRECTION_REQUIRED) flag(FilingFlagKind.CORRECTION_OPEN);
    }
  }
  if (d.validUntil && !isExpired(d.validUntil, today) && today >= evaluationStartsOn(d.validUntil, rules)) {
    flag(FilingFlagKind.EVALUATION_DUE, d.validUntil);
  }
  return out;
}

/** Most urgent first, then by due date (none last), then by document id: the order of the flag query. */
export function sortFlags(flags: Flag[]): Flag[] {
  const key = (f: Flag) => `${String(f.urgency).padStart(2, '0')}|${f.dueOn ?? '9999-12-31'}|${f.documentId}`;
  return [...flags].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Flags that are past a deadline (the daily report exits non-zero while any is open). */
export function isOverdue(f: Pick<Flag, 'kind'>): boolean {
  return f.kind === FilingFlagKind.FILING_OVERDUE || f.kind === FilingFlagKind.DEFERRAL_OVERDUE;
}

// ------------------------------------------------------------------ registration and filing guards (R-ND-5, R-ND-6)

/** R-ND-5: only a document confirmed as normative gets a unified number. */
export function registrationViolations(confirmedVerdict: FilingVerdict | null): Violation[] {
  return confirmedVerdict === FilingVerdict.FILING_REQUIRED
    ? []
    : [{ rule: 'R-ND-5', code: 'NOT_NORMATIVE', message: '只有经确认属于规范性文件的文件才统一登记编号 (R-ND-5)' }];
}

/** R-ND-6: only a document confirmed as normative is filed. */
export function filingObligationViolations(confirmedVerdict: FilingVerdict | null): Violation[] {
  return confirmedVerdict === FilingVerdict.FILING_REQUIRED
    ? []
    : [{ rule: 'R-ND-6', code: 'FILING_NOT_REQUIRED', message: '只有经确认应当报备的文件才能报备 (R-ND-6)' }];
}
