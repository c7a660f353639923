import { calendarDaysBetween } from '../calendar/working-days';
import type { PackageItem, RulesConfig } from '../core/config';
import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import { FairCompetitionConclusion, OpinionResponse, PROCEDURE_LABELS, ProcedureKind, ProposalState, RiskLevel } from './proposal.enums';
import { MATERIAL_LABELS, MaterialKind } from '../content/material.enums';
import { PROPOSAL_WORKFLOW } from './proposal.workflow';

/** Pure rules of a decision proposal (R-DEC-2…10, R-DEC-16, R-LR-2): readiness and procedure records. No I/O, no clock. */

export interface ProposalFlags {
  affectsPublicInterest: boolean;
  specialised: boolean;
  stabilityRisk: boolean;
  touchesMarketEntities: boolean;
}

/** R-DEC-3: procedures derived from the flags, plus those the deciding organ added. */
export function derivedProcedures(flags: ProposalFlags): ProcedureKind[] {
  const out: ProcedureKind[] = [];
  if (flags.affectsPublicInterest) out.push(ProcedureKind.PUBLIC_CONSULTATION);
  if (flags.specialised) out.push(ProcedureKind.EXPERT_REVIEW);
  if (flags.stabilityRisk) out.push(ProcedureKind.RISK_ASSESSMENT);
  if (flags.touchesMarketEntities) out.push(ProcedureKind.FAIR_COMPETITION_REVIEW);
  return out;
}

const PROCEDURE_ORDER = Object.values(ProcedureKind);

export function requiredProcedures(flags: ProposalFlags, added: readonly ProcedureKind[]): ProcedureKind[] {
  const set = new Set([...derivedProcedures(flags), ...added]);
  return PROCEDURE_ORDER.filter((p) => set.has(p));
}

/** R-DEC-3: a flag whose procedure is derived may not be switched off once the proposal is included. */
export function flagChangeViolations(state: ProposalState, before: ProposalFlags, after: ProposalFlags): Violation[] {
  if (state === ProposalState.AWAITING_INCLUSION || state === ProposalState.DECLINED) return [];
  const dropped = derivedProcedures(before).filter((p) => !derivedProcedures(after).includes(p));
  return dropped.map((p) => ({
    rule: 'R-DEC-3',
    code: 'PROCEDURE_DROPPED',
    message: `已纳入目录的决策不能取消法定程序「${PROCEDURE_LABELS[p]}」(R-DEC-3)`,
  }));
}

export interface ReadinessSnapshot {
  state: ProposalState;
  flags: ProposalFlags;
  viewsDifferWidely: boolean;
  addedProcedures: ProcedureKind[];
  currentDraftNumber: number;
  alternatives: number;
  consultation: {
    startsOn: string;
    endsOn: string;
    shortenedReason: string | null;
    adoptionSummary: string | null;
    opinions: { seq: number; response: OpinionResponse | null; responseReason: string | null }[];
  } | null;
  hearing: { heldOn: string; participantsPublishedOn: string; materialsSentOn: string; recordSigned: boolean; record: string | null } | null;
  expertOpinions: { expertName: string; adoption: OpinionResponse | null; adoptionReason: string | null }[];
  latestRisk: { level: RiskLevel; round: number } | null;
  fairCompetition: { conclusion: FairCompetitionConclusion } | null;
  materialKinds: ReadonlySet<MaterialKind>;
}

function blank(s: string | null | undefined): boolean {
  return !s || s.trim().length === 0;
}

function needsMaterial(kinds: ReadonlySet<MaterialKind>, kind: MaterialKind, rule: RuleId = 'R-LR-2'): Violation[] {
  return kinds.has(kind)
    ? []
    : [{ rule, code: 'MATERIAL_MISSING', message: `缺少材料「${MATERIAL_LABELS[kind]}」(${rule})` }];
}

/** R-DEC-4: the consultation window, in calendar days counting both ends. */
export function consultationWindowDays(startsOn: string, endsOn: string): number {
  return calendarDaysBetween(startsOn, endsOn) + 1;
}

export function consultationViolations(
  c: NonNullable<ReadinessSnapshot['consultation']>,
  rules: RulesConfig,
  today: string,
): Violation[] {
  const v: Violation[] = [];
  const min = rules.decision.consultationMinDays;
  const days = consultationWindowDays(c.startsOn, c.endsOn);
  if (days < min && blank(c.shortenedReason)) {
    v.push({
      rule: 'R-DEC-4',
      code: 'CONSULTATION_TOO_SHORT',
      message: `征求意见期限 ${days} 日，少于 ${min} 日且未说明缩短理由 (R-DEC-4)`,
    });
  }
  if (c.endsOn >= today) {
    v.push({ rule: 'R-DEC-4', code: 'CONSULTATION_OPEN', message: `征求意见期至 ${c.endsOn} 才结束 (R-DEC-4)` });
  }
  for (const o of c.opinions) {
    if (!o.response) {
      v.push({ rule: 'R-DEC-4', code: 'OPINION_UNANSWERED', message: `第 ${o.seq} 条意见尚未答复是否采纳 (R-DEC-4)` });
    } else if (o.response !== OpinionResponse.ADOPTED && blank(o.responseReason)) {
      v.push({ rule: 'R-DEC-4', code: 'OPINION_REASON_MISSING', message: `第 ${o.seq} 条意见未采纳，须说明理由 (R-DEC-4)` });
    }
  }
  if (blank(c.adoptionSummary)) {
    v.push({ rule: 'R-DEC-4', code: 'ADOPTION_SUMMARY_MISSING', message: '缺少意见采纳情况说明 (R-DEC-4)' });
  }
  return v;
}

export function hearingViolations(h: NonNullable<ReadinessSnapshot['hearing']>, rules: RulesConfig): Violation[] {
  const v: Violation[] = [];
  const lead = rules.decision.hearingMaterialsLeadDays;
  const days = calendarDaysBetween(h.materialsSentOn, h.heldOn);
  if (days < lead) {
    v.push({ rule: 'R-DEC-5', code: 'HEARING_MATERIALS_LATE', message: `听证材料于听证前 ${days} 日送达，少于 ${lead} 日 (R-DEC-5)` });
  }
  if (h.participantsPublishedOn >= h.heldOn) {
    v.push({ rule: 'R-DEC-5', code: 'PARTICIPANTS_NOT_PUBLISHED', message: '听证参加人名单须在听证前公布 (R-DEC-5)' });
  }
  if (!h.recordSigned || blank(h.record)) {
    v.push({ rule: 'R-DEC-5', code: 'HEARING_RECORD_UNSIGNED', message: '听证笔录尚未经参加人签字确认 (R-DEC-5)' });
  }
  return v;
}

/** R-LR-2: the material behind each configurable package item of a decision proposal. */
export const DECISION_PACKAGE_MATERIALS: Record<PackageItem<'DECISION'>, MaterialKind> = {
  DRAFT_EXPLANATION: MaterialKind.DRAFT_EXPLANATION,
  LEGAL_BASIS: MaterialKind.LEGAL_BASIS_LIST,
  PROCEDURE_EXPLANATION: MaterialKind.PROCEDURE_EXPLANATION,
};

/** Every violation standing between the proposal and a complete legality-review request (R-LR-2). */
export function legalityReviewBlockers(s: ReadinessSnapshot, rules: RulesConfig, today: string): Violation[] {
  const v: Violation[] = [];
  if (s.state !== ProposalState.INCLUDED) {
    v.push({ rule: 'R-DIR-4', code: 'NOT_INCLUDED', message: '只有已纳入目录的决策建议才能提请合法性审查 (R-DIR-4)' });
  }
  if (s.currentDraftNumber === 0) v.push({ rule: 'R-LR-2', code: 'DRAFT_MISSING', message: '尚无决策草案 (R-LR-2)' });
  if (s.viewsDifferWidely && s.alternatives < 2) {
    v.push({ rule: 'R-DEC-2', code: 'ALTERNATIVES_MISSING', message: `意见分歧较大，须提出至少 2 个备选方案，现有 ${s.alternatives} 个 (R-DEC-2)` });
  }
  // The base package, as configured (review.packages.DECISION); the procedures' own materials follow.
  for (const item of rules.review.packages.DECISION) v.push(...needsMaterial(s.materialKinds, DECISION_PACKAGE_MATERIALS[item]));

  for (const p of requiredProcedures(s.flags, s.addedProcedures)) {
    switch (p) {
      case ProcedureKind.PUBLIC_CONSULTATION:
        if (!s.consultation) v.push({ rule: 'R-DEC-4', code: 'CONSULTATION_MISSING', message: '须公开征求意见，尚无征求意见记录 (R-DEC-4)' });
        else v.push(...consultationViolations(s.consultation, rules, today));
        v.push(...needsMaterial(s.materialKinds, MaterialKind.CONSULTATION_REPORT));
        break;
      case ProcedureKind.HEARING:
        if (!s.hearing) v.push({ rule: 'R-DEC-5', code: 'HEARING_MISSING', message: '决策机关要求听证，尚无听证记录 (R-DEC-5)' });
        break;
      case ProcedureKind.EXPERT_REVIEW:
        if (s.expertOpinions.length === 0) {
          v.push({ rule: 'R-DEC-6', code: 'EXPERT_OPINION_MISSING', message: '须组织专家论证，尚无签署的专家意见 (R-DEC-6)' });
        }
        for (const o of s.expertOpinions) {
          if (!o.adoption) {
            v.push({ rule: 'R-DEC-6', code: 'EXPERT_ADOPTION_MISSING', message: `专家 ${o.expertName} 的意见尚未记录采纳情况 (R-DEC-6)` });
          } else if (o.adoption !== OpinionResponse.ADOPTED && blank(o.adoptionReason)) {
            v.push({ rule: 'R-DEC-6', code: 'EXPERT_REASON_MISSING', message: `专家 ${o.expertName} 的意见未采纳，须说明理由 (R-DEC-6)` });
          }
        }
        v.push(...needsMaterial(s.materialKinds, MaterialKind.EXPERT_OPINIONS));
        break;
      case ProcedureKind.RISK_ASSESSMENT:
        if (!s.latestRisk) v.push({ rule: 'R-DEC-7', code: 'RISK_ASSESSMENT_MISSING', message: '须开展风险评估，尚无评估记录 (R-DEC-7)' });
        else if (s.latestRisk.level === RiskLevel.HIGH) {
          v.push({ rule: 'R-DEC-7', code: 'RISK_HIGH', message: '风险等级为高：须采取措施降低风险并重新评估 (R-DEC-7)' });
        }
        v.push(...needsMaterial(s.materialKinds, MaterialKind.RISK_REPORT));
        break;
      case ProcedureKind.FAIR_COMPETITION_REVIEW:
        if (!s.fairCompetition) {
          v.push({ rule: 'R-DEC-3', code: 'FAIR_COMPETITION_MISSING', message: '涉及市场主体经济活动，须进行公平竞争审查 (R-DEC-3)' });
        } else if (s.fairCompetition.conclusion === FairCompetitionConclusion.NON_COMPLIANT) {
          v.push({ rule: 'R-DEC-3', code: 'FAIR_COMPETITION_FAILED', message: '公平竞争审查结论为不符合，不得出台 (R-DEC-3)' });
        }
        v.push(...needsMaterial(s.materialKinds, MaterialKind.FAIR_COMPETITION_REVIEW));
        break;
    }
  }
  if (s.hearing) v.push(...hearingViolations(s.hearing, rules));
  return v;
}

/**
 * R-DEC-10: the deliberation package — current draft; consultation adoption summary (if consulted);
 * expert-opinion adoption (if reviewed); risk report (if assessed); fair-competition review (if
 * required). (The legality opinion is R-DEC-8's.) Every missing element is named.
 */
export function deliberationPackageViolations(s: ReadinessSnapshot): Violation[] {
  const v: Violation[] = [];
  const missing = (element: string) => v.push({ rule: 'R-DEC-10', code: 'PACKAGE_INCOMPLETE', message: `讨论材料缺少「${element}」(R-DEC-10)` });
  if (s.currentDraftNumber === 0) missing('决策草案');
  const required = requiredProcedures(s.flags, s.addedProcedures);
  if (s.consultation || required.includes(ProcedureKind.PUBLIC_CONSULTATION)) {
    if (blank(s.consultation?.adoptionSummary)) missing('公众意见采纳情况说明');
  }
  if (s.expertOpinions.length > 0 || required.includes(ProcedureKind.EXPERT_REVIEW)) {
    if (s.expertOpinions.length === 0 || s.expertOpinions.some((o) => !o.adoption)) missing('专家论证意见采纳情况');
  }
  if (s.latestRisk || required.includes(ProcedureKind.RISK_ASSESSMENT)) {
    if (!s.latestRisk || !s.materialKinds.has(MaterialKind.RISK_REPORT)) missing('风险评估报告');
  }
  if (required.includes(ProcedureKind.FAIR_COMPETITION_REVIEW)) {
    if (!s.fairCompetition || !s.materialKinds.has(MaterialKind.FAIR_COMPETITION_REVIEW)) missing('公平竞争审查意见');
  }
  return v;
}

// ------------------------------------------------------------------ deliberation readiness (R-DEC-8, R-DEC-9)

export interface DeliberationFacts {
  /** The opinion in force: the latest issued, not superseded; null when never reviewed. */
  opinion: {
    conclusion: string;
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
  if (f.opinion.conclusion === 'UNLAWFUL') {
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

/** R-DEC-7: a HIGH risk level blocks deliberation until mitigated and re-assessed. */
export function riskDeliberationViolations(latestRisk: { level: RiskLevel } | null): Violation[] {
  return latestRisk?.level === RiskLevel.HIGH
    ? [{ rule: 'R-DEC-7', code: 'RISK_HIGH', message: '风险等级为高：须采取措施降低风险并重新评估后方可提交讨论 (R-DEC-7)' }]
    : [];
}

// ------------------------------------------------------------------ procedure records

/** R-DEC-6: an expert with a direct interest in the matter is excluded. */
export function expertInterestViolations(expertName: string, hasDirectInterest: boolean): Violation[] {
  return hasDirectInterest
    ? [{ rule: 'R-DEC-6', code: 'EXPERT_INTERESTED', message: `专家 ${expertName} 与决策事项有直接利害关系，应当回避 (R-DEC-6)` }]
    : [];
}

/** R-DEC-6: an expert opinion not (fully) adopted needs a reason. */
export function expertAdoptionViolations(adoption: OpinionResponse, reason: string | null | undefined): Violation[] {
  return adoption !== OpinionResponse.ADOPTED && blank(reason)
    ? [{ rule: 'R-DEC-6', code: 'EXPERT_REASON_MISSING', message: '不采纳或部分采纳专家意见须说明理由 (R-DEC-6)' }]
    : [];
}

/** R-DEC-4: a public opinion not (fully) adopted needs a reason. */
export function opinionAnswerViolations(response: OpinionResponse, reason: string | null | undefined): Violation[] {
  return response !== OpinionResponse.ADOPTED && blank(reason)
    ? [{ rule: 'R-DEC-4', code: 'OPINION_REASON_MISSING', message: '不采纳或部分采纳的意见须说明理由 (R-DEC-4)' }]
    : [];
}

/** R-DEC-16: a decision is changed only through the procedure again, by a proposal amending a published (or suspended) one. */
export function amendmentViolations(amended: { decisionStatus: string | null }): Violation[] {
  return amended.decisionStatus === 'PUBLISHED' || amended.decisionStatus === 'SUSPENDED'
    ? []
    : [{ rule: 'R-DEC-16', code: 'NOT_A_DECISION', message: '只能变更已公布（或已暂停执行）的决定 (R-DEC-16)' }];
}

/**
 * R-DEC-11: a proposal on the agenda of a meeting that is still recording is decided there; a
 * withdrawal in between would leave minutes that can never be finalised.
 */
export function withdrawalViolations(f: { openMeeting: string | null }): Violation[] {
  return f.openMeeting === null
    ? []
    : [
        {
          rule: 'R-DEC-11',
          code: 'ON_OPEN_AGENDA',
          message: `该决策建议已列入会议「${f.openMeeting}」的议题，须待行政首长作出决定、纪要定稿后再撤回 (R-DEC-11)`,
        },
      ];
}

/**
 * Drafting work happens while the proposal is included (R-DIR-4). Once approved, its text is what
 * the meeting approved: it changes only as the amended text an approval with changes asks for,
 * recorded against the decision and confirmed before sign-off (R-DEC-12).
 */
export function draftingStateViolations(state: ProposalState, allowed: readonly ProposalState[], action: string): Violation[] {
  if (allowed.includes(state)) return [];
  if (state === ProposalState.APPROVED) {
    return [
      {
        rule: 'R-DEC-12',
        code: 'APPROVED_TEXT_FIXED',
        message: `决策建议已经集体讨论通过，不能再${action}：签发的只能是通过的版本；会议要求修改的，请按修改要求提交修改稿（recordAmendedText），经会议主持人确认后签发 (R-DEC-12)`,
      },
    ];
  }
  return PROPOSAL_WORKFLOW.requireState(state, allowed, action, 'R-DIR-4');
}
