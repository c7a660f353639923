import type { Violation } from '../core/errors';
import type { RuleId } from '../core/rules/registry';
import type { DocumentDeliberation } from './normative-deliberation.port';
import { FairCompetitionResult, ISSUER_LABELS, type Issuer, OWN_BODY_LABELS } from './normative.enums';

/**
 * Pure rules of the release gate (R-ND-4) that a document meets before it is put to its meeting and
 * again before it is released: the legality opinion, the fair-competition review, the
 * market-entities flag, and the collective deliberation by the issuer's own body. `releaseBlockers`
 * (normative.rules.ts) calls them with the rest of the gate.
 */

const violation = (rule: RuleId, code: string, message: string): Violation => ({ rule, code, message: `${message} (${rule})` });

// ------------------------------------------------------------------ legality (合法性审核)

/** The opinion in force on the current text: its conclusion and whether it covers the current version. */
export type LegalityFacts = { conclusion: string; coversCurrentText: boolean } | null;

/** R-ND-4: reviewed, not UNLAWFUL, on the final text; neither deliberated nor released otherwise. */
export function legalityViolations(legality: LegalityFacts): Violation[] {
  if (!legality) return [violation('R-ND-4', 'LEGALITY_REVIEW_MISSING', '未经合法性审核')];
  if (legality.conclusion === 'UNLAWFUL') return [violation('R-ND-4', 'LEGALITY_UNLAWFUL', '合法性审核结论为不合法')];
  if (!legality.coversCurrentText) return [violation('R-ND-4', 'LEGALITY_NOT_ON_FINAL_TEXT', '合法性审核意见不是针对最终文本出具的')];
  return [];
}

// ------------------------------------------------------------------ market entities and fair competition

export interface MarketEntitiesFacts {
  touchesMarketEntities: boolean;
  /** What the text suggests (market-entities.rules.ts). */
  suggested: boolean;
  /** The terms behind the suggestion, now. */
  terms: string[];
  /** Why the flag departs from the suggestion. */
  reason: string | null;
  /** The terms the reason was given against; a term found since needs the reason given again. Absent: all. */
  answeredTerms?: string[] | null;
}

/** R-ND-4: the drafter's flag departs from the text's suggestion only with a reason that answers it. */
export function marketEntitiesViolations(f: MarketEntitiesFacts): Violation[] {
  if (f.touchesMarketEntities === f.suggested) return [];
  const found = f.terms.join('、');
  if (!f.reason?.trim()) {
    return [
      violation(
        'R-ND-4',
        'MARKET_ENTITIES_REASON_REQUIRED',
        f.suggested
          ? `标题或正文含「${found}」，系统提示涉及市场主体经济活动（须公平竞争审查）；标记为不涉及须说明理由`
          : '系统未在标题和正文中发现涉及市场主体经济活动的内容；标记为涉及须说明理由',
      ),
    ];
  }
  const unanswered = f.answeredTerms ? f.terms.filter((t) => !f.answeredTerms!.includes(t)) : [];
  if (!f.touchesMarketEntities && unanswered.length) {
    return [
      violation('R-ND-4', 'MARKET_ENTITIES_REASON_REQUIRED', `标记为不涉及市场主体的理由未涵盖文本新出现的「${unanswered.join('、')}」，请重新说明理由或更正标记`),
    ];
  }
  return [];
}

export interface FairCompetitionFacts {
  touchesMarketEntities: boolean;
  /** The latest review's conclusion. */
  fairCompetition: { conclusion: FairCompetitionResult } | null;
}

/** R-ND-4 (《公平竞争审查条例》): a measure touching market entities needs a COMPLIANT review; NEEDS_CHANGE is unresolved. */
export function fairCompetitionViolations(f: FairCompetitionFacts): Violation[] {
  if (!f.touchesMarketEntities) return [];
  switch (f.fairCompetition?.conclusion) {
    case undefined:
      return [violation('R-ND-4', 'FAIR_COMPETITION_MISSING', '涉及市场主体经济活动，未进行公平竞争审查')];
    case FairCompetitionResult.NEEDS_CHANGE:
      return [violation('R-ND-4', 'FAIR_COMPETITION_UNRESOLVED', '公平竞争审查结论为「需调整」，调整后须重新审查并得出「符合」的结论')];
    case FairCompetitionResult.NON_COMPLIANT:
      return [violation('R-ND-4', 'FAIR_COMPETITION_NON_COMPLIANT', '公平竞争审查结论为「不符合」，不得出台')];
    case FairCompetitionResult.COMPLIANT:
      return [];
  }
}

// ------------------------------------------------------------------ collective deliberation (集体审议)

/** R-ND-4: a document is deliberated by its issuer's own body (the meeting's body maps to an issuer). */
export function ownBodyViolations(issuer: Issuer, bodyOf: Issuer): Violation[] {
  if (issuer === bodyOf) return [];
  return [
    violation(
      'R-ND-4',
      'WRONG_BODY',
      `文件以「${ISSUER_LABELS[issuer]}」名义制发，应由${OWN_BODY_LABELS[issuer]}集体审议，不能列入${OWN_BODY_LABELS[bodyOf]}议题`,
    ),
  ];
}

export interface AgendaFacts {
  legality: LegalityFacts;
  touchesMarketEntities: boolean;
  marketEntities: Omit<MarketEntitiesFacts, 'touchesMarketEntities'>;
  fairCompetition: FairCompetitionFacts['fairCompetition'];
}

/** R-ND-4: what must precede the collective deliberation — legality review, fair-competition review, the flag's reason. */
export function agendaBlockers(f: AgendaFacts): Violation[] {
  return [
    ...legalityViolations(f.legality),
    ...marketEntitiesViolations({ touchesMarketEntities: f.touchesMarketEntities, ...f.marketEntities }),
    ...fairCompetitionViolations(f),
  ];
}

export interface DeliberationFacts {
  issuer: Issuer;
  deliberations: DocumentDeliberation[];
  /** Hash of the current text. */
  currentHash: string | null;
  publishOn: string;
}

const approving = (d: DocumentDeliberation) => d.outcome === 'APPROVED' || d.outcome === 'APPROVED_WITH_CHANGES';

/**
 * R-ND-4: the release needs the approval of a meeting of the issuer's own body whose minutes are
 * finalised and which was held on or before the release. The body's latest decision counts (a
 * deferral decides nothing); after a plain approval the released text is the approved one, after
 * 修改后通过 the text may change (its legality opinion must still cover it).
 */
export function deliberationViolations(f: DeliberationFacts): Violation[] {
  const body = OWN_BODY_LABELS[f.issuer];
  const own = f.deliberations.filter((d) => d.bodyOf === f.issuer);
  const decided = own.filter((d) => d.finalised && d.outcome && d.outcome !== 'DEFERRED' && d.heldOn <= f.publishOn).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const last = decided[decided.length - 1];
  if (!last) {
    const later = own.find((d) => d.finalised && approving(d) && d.heldOn > f.publishOn);
    if (later) return [violation('R-ND-4', 'DELIBERATION_AFTER_RELEASE', `${later.meetingTitle}（${later.heldOn}）晚于公布日期 ${f.publishOn}，公布前须经${body}集体审议决定`)];
    const pending = own.find((d) => !d.finalised);
    const elsewhere = f.deliberations.find((d) => d.bodyOf !== f.issuer && d.finalised && approving(d));
    const hint = pending
      ? `：已列入「${pending.meetingTitle}」议题，纪要尚未定稿`
      : elsewhere
        ? `（「${elsewhere.meetingTitle}」不是${ISSUER_LABELS[f.issuer]}的审议会议）`
        : '：请将文件列入会议议题，经行政首长决定并定稿纪要';
    return [violation('R-ND-4', 'DELIBERATION_MISSING', `未经${body}集体审议决定${hint}`)];
  }
  if (!approving(last)) {
    return [violation('R-ND-4', 'DELIBERATION_NOT_APPROVED', `${last.meetingTitle}（${last.heldOn}）决定「${last.outcomeLabel}」，须修改后重新提请${body}审议`)];
  }
  if (last.outcome === 'APPROVED' && f.currentHash !== last.deliberatedHash) {
    return [violation('R-ND-4', 'DELIBERATED_TEXT_CHANGED', `现行文本与${last.meetingTitle}审议通过的文本不一致，须重新提请审议`)];
  }
  return [];
}

// ------------------------------------------------------------------ corrections before release

/** R-ND-5: the unified number belongs to the issuer's sequence, so the issuer is fixed once it is assigned. */
export function factCorrectionViolations(f: { registrationNumber: string | null; issuerChanged: boolean }): Violation[] {
  if (!f.issuerChanged || !f.registrationNumber) return [];
  return [violation('R-ND-5', 'ISSUER_FIXED_BY_NUMBER', `已按发文机关统一编号（${f.registrationNumber}），不能再更正发文机关`)];
}
