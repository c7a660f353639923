import type { MaterialKind } from '../../gql/graphql';
import { MATERIAL_KIND } from './labels';

/**
 * The drafter's proposal workspace: its tabs, the sections inside them (each an anchor a blocker
 * links to), and which section fixes which blocker.
 */
export type WorkspaceTab = 'overview' | 'draft' | 'alternatives' | 'procedures' | 'materials' | 'review';

export const SECTION_TAB: Record<string, WorkspaceTab> = {
  overview: 'overview',
  description: 'overview',
  draft: 'draft',
  versions: 'draft',
  diff: 'draft',
  alternatives: 'alternatives',
  disagreements: 'alternatives',
  procedures: 'procedures',
  consultation: 'procedures',
  hearing: 'procedures',
  experts: 'procedures',
  risk: 'procedures',
  'fair-competition': 'procedures',
  materials: 'materials',
  'material-upload': 'materials',
  review: 'review',
};

export const SECTION_LABEL: Record<string, string> = {
  facts: '合同要素',
  overview: '概况',
  description: '建议内容',
  draft: '草案',
  alternatives: '备选方案',
  consultation: '公开征求意见',
  hearing: '听证',
  experts: '专家论证',
  risk: '风险评估',
  'fair-competition': '公平竞争审查',
  materials: '材料',
  review: '合法性审查',
};

/** Where a blocker is fixed: a section of the page and, for a missing material, its kind. */
export interface FixLocation {
  section: string;
  kind?: MaterialKind | null;
}

export interface BlockerLike {
  rule: string;
  code: string;
  message: string;
}

/** The codes of readiness.rules.ts and where the drafter fixes each. */
const BY_CODE: Record<string, string> = {
  NOT_INCLUDED: 'overview',
  DRAFT_MISSING: 'draft',
  ALTERNATIVES_MISSING: 'alternatives',
  MATERIAL_MISSING: 'materials',
  CONSULTATION_MISSING: 'consultation',
  CONSULTATION_TOO_SHORT: 'consultation',
  CONSULTATION_OPEN: 'consultation',
  OPINION_UNANSWERED: 'consultation',
  OPINION_REASON_MISSING: 'consultation',
  ADOPTION_SUMMARY_MISSING: 'consultation',
  HEARING_MISSING: 'hearing',
  HEARING_MATERIALS_LATE: 'hearing',
  PARTICIPANTS_NOT_PUBLISHED: 'hearing',
  HEARING_RECORD_UNSIGNED: 'hearing',
  EXPERT_OPINION_MISSING: 'experts',
  EXPERT_ADOPTION_MISSING: 'experts',
  EXPERT_REASON_MISSING: 'experts',
  RISK_ASSESSMENT_MISSING: 'risk',
  RISK_HIGH: 'risk',
  FAIR_COMPETITION_MISSING: 'fair-competition',
  FAIR_COMPETITION_FAILED: 'fair-competition',
  REVIEW_PENDING: 'review',
  NOT_REVIEWED: 'review',
  OPINION_UNLAWFUL: 'review',
  DRAFT_CHANGED_UNCONFIRMED: 'review',
  FINDING_UNANSWERED: 'review',
  FINDING_REASON_MISSING: 'review',
};

/** Where a rule is fixed when its code is not listed (a new code of a known rule). */
const BY_RULE: Record<string, string> = {
  'R-DIR-4': 'overview',
  'R-DEC-2': 'draft',
  'R-DEC-4': 'consultation',
  'R-DEC-5': 'hearing',
  'R-DEC-6': 'experts',
  'R-DEC-7': 'risk',
  'R-DEC-8': 'review',
  'R-DEC-9': 'review',
  'R-LR-2': 'materials',
};

/** The element of the deliberation package a PACKAGE_INCOMPLETE blocker names, and its section. */
const PACKAGE_ELEMENTS: [string, string][] = [
  ['决策草案', 'draft'],
  ['公众意见', 'consultation'],
  ['专家', 'experts'],
  ['风险', 'risk'],
  ['公平竞争', 'fair-competition'],
];

/** The section that fixes a blocker (an anchor in the workspace), or null when nothing on this page does. */
export function sectionFor(b: BlockerLike): string | null {
  if (b.code === 'PACKAGE_INCOMPLETE') return PACKAGE_ELEMENTS.find(([word]) => b.message.includes(word))?.[1] ?? null;
  return BY_CODE[b.code] ?? BY_RULE[b.rule] ?? null;
}

/** The material kind a MATERIAL_MISSING blocker names (「起草说明」), to preselect it in the upload form. */
export function missingMaterialKind(b: BlockerLike): MaterialKind | null {
  if (b.code !== 'MATERIAL_MISSING') return null;
  const named = /「(.+?)」/.exec(b.message)?.[1];
  const hit = (Object.entries(MATERIAL_KIND) as [MaterialKind, string][]).find(([, label]) => label === named);
  return hit?.[0] ?? null;
}

/** A proposal's blocker: its section, and the material kind it names. */
export function proposalFix(b: BlockerLike): FixLocation | null {
  const section = sectionFor(b);
  return section ? { section, kind: missingMaterialKind(b) } : null;
}

/** A contract's package blocker (R-LR-2): a fact to record, or a material to upload (contract.rules.ts). */
export function contractFix(b: BlockerLike): FixLocation | null {
  if (b.message.includes('资质证明')) return { section: 'materials', kind: 'COUNTERPARTY_QUALIFICATION' };
  if (b.message.includes('磋商')) return { section: 'materials', kind: 'NEGOTIATION_RECORD' };
  if (b.message.includes('依据清单')) return { section: 'facts' };
  return { section: 'facts' };
}
