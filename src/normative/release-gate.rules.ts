import type { RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import { FilingVerdict, ReleaseGateCondition, ReleaseGateStatus } from './normative.enums';

/**
 * The release gate as a checklist (发布前检查清单), R-ND-4: every condition of `releaseBlockers`
 * (normative.rules.ts) with its rule, met or not, and the blockers that keep it unmet. Pure: it sorts
 * the blockers the gate found into their conditions, so the checklist and the refusal of a release
 * never disagree. A blocker no other condition claims is a date out of order (DATE_ORDER).
 */

export interface GateConditionSpec {
  condition: ReleaseGateCondition;
  rule: RuleId;
  /** What the condition asks, in Chinese (the numbers in force filled in). */
  label: (rules: RulesConfig, f: GateFacts) => string;
  /** The blocker codes that belong to it. */
  codes: readonly string[];
  /** Whether the condition applies to the document (a fair-competition review only when it touches market entities). */
  applies?: (f: GateFacts) => boolean;
}

export interface GateFacts {
  confirmedVerdict: FilingVerdict | null;
  affectsBusinessesOrPublic: boolean;
  touchesMarketEntities: boolean;
  urgentReason: string | null;
}

export const RELEASE_GATE: readonly GateConditionSpec[] = [
  { condition: ReleaseGateCondition.ASSESSMENT_CONFIRMED, rule: 'R-ND-2', label: () => '报备判定已经备案员确认', codes: ['ASSESSMENT_UNCONFIRMED'] },
  {
    condition: ReleaseGateCondition.LEGALITY_REVIEW,
    rule: 'R-ND-4',
    label: () => '经合法性审核，结论不是「不合法」，且针对最终文本',
    codes: ['LEGALITY_REVIEW_MISSING', 'LEGALITY_UNLAWFUL', 'LEGALITY_NOT_ON_FINAL_TEXT'],
  },
  {
    condition: ReleaseGateCondition.DELIBERATION,
    rule: 'R-ND-4',
    label: () => '经本机关集体审议决定（纪要定稿，审议通过的文本）',
    codes: ['DELIBERATION_MISSING', 'DELIBERATION_NOT_APPROVED', 'DELIBERATION_AFTER_RELEASE', 'DELIBERATED_TEXT_CHANGED'],
  },
  { condition: ReleaseGateCondition.REGISTRATION_NUMBER, rule: 'R-ND-5', label: () => '已统一登记编号', codes: ['REGISTRATION_MISSING'] },
  {
    condition: ReleaseGateCondition.VALIDITY,
    rule: 'R-ND-9',
    label: (r) => `写明施行日期，有效期不超过 ${r.normative.validityMaxYears} 年（暂行、试行 ${r.normative.provisionalValidityMaxYears} 年）`,
    codes: ['EFFECTIVE_DATE_MISSING', 'VALIDITY_MISSING', 'VALIDITY_TOO_LONG', 'VALIDITY_INVALID', 'VALIDITY_ENDED'],
  },
  {
    condition: ReleaseGateCondition.PUBLIC_COMMENT,
    rule: 'R-ND-4',
    label: (r, f) =>
      f.affectsBusinessesOrPublic
        ? `公开征求意见不少于 ${r.normative.publicCommentMinDays} 日（涉及市场主体或公众权利义务）`
        : `征求意见不少于 ${r.normative.publicCommentMinWorkingDaysOther} 个工作日`,
    codes: ['PUBLIC_COMMENT_MISSING', 'PUBLIC_COMMENT_TOO_SHORT'],
  },
  { condition: ReleaseGateCondition.MARKET_ENTITIES_FLAG, rule: 'R-ND-4', label: () => '「涉及市场主体」的标记与文本一致，或已说明理由', codes: ['MARKET_ENTITIES_REASON_REQUIRED'] },
  {
    condition: ReleaseGateCondition.FAIR_COMPETITION,
    rule: 'R-ND-4',
    label: () => '涉及市场主体经济活动的，公平竞争审查结论为「符合」',
    codes: ['FAIR_COMPETITION_MISSING', 'FAIR_COMPETITION_UNRESOLVED', 'FAIR_COMPETITION_NON_COMPLIANT'],
    applies: (f) => f.touchesMarketEntities,
  },
  {
    condition: ReleaseGateCondition.EFFECTIVE_DELAY,
    rule: 'R-ND-4',
    label: (r, f) => (f.urgentReason?.trim() ? '公布后方能施行（已记录紧急施行理由）' : `自公布之日起不少于 ${r.normative.effectiveDelayMinDays} 日施行（紧急情况须说明理由）`),
    codes: ['EFFECTIVE_TOO_SOON', 'EFFECTIVE_BEFORE_PUBLICATION'],
  },
  { condition: ReleaseGateCondition.PUBLIC_RELEASE, rule: 'R-ND-4', label: () => '向社会公开发布，不以内部文件形式印发', codes: ['NOT_PUBLISHED'] },
  {
    condition: ReleaseGateCondition.FILING_MATERIALS,
    rule: 'R-ND-6',
    label: () => '报备材料齐全（备案报告、正式文本、起草说明、制定依据）',
    codes: ['FILING_MATERIAL_MISSING'],
  },
  { condition: ReleaseGateCondition.DATE_ORDER, rule: 'R-ND-4', label: () => '各项日期先后一致（公布日期不晚于今日，且在所依据的程序之后）', codes: [] },
];

export interface GateEntry {
  condition: ReleaseGateCondition;
  rule: RuleId;
  label: string;
  status: ReleaseGateStatus;
  violations: Violation[];
}

/** The checklist of the gate from the blockers `releaseBlockers` found for the same document and day. */
export function releaseGateChecklist(f: GateFacts, blockers: readonly Violation[], rules: RulesConfig): GateEntry[] {
  const claimed = new Set(RELEASE_GATE.flatMap((c) => c.codes));
  return RELEASE_GATE.map((spec) => {
    const violations = spec.condition === ReleaseGateCondition.DATE_ORDER ? blockers.filter((b) => !claimed.has(b.code)) : blockers.filter((b) => spec.codes.includes(b.code));
    const always = spec.condition === ReleaseGateCondition.ASSESSMENT_CONFIRMED || spec.condition === ReleaseGateCondition.DATE_ORDER;
    let status: ReleaseGateStatus;
    if (violations.length) status = ReleaseGateStatus.NOT_MET;
    else if (always) status = ReleaseGateStatus.MET;
    // not confirmed: the gate stops at the assessment; confirmed NOT_REQUIRED: not a normative document, no gate
    else if (!f.confirmedVerdict) status = ReleaseGateStatus.AFTER_ASSESSMENT;
    else if (f.confirmedVerdict === FilingVerdict.NOT_REQUIRED || (spec.applies && !spec.applies(f))) status = ReleaseGateStatus.NOT_APPLICABLE;
    else status = ReleaseGateStatus.MET;
    return { condition: spec.condition, rule: spec.rule, label: spec.label(rules, f), status, violations };
  });
}
