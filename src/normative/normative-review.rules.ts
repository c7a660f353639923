import type { PackageItem } from '../core/config';
import type { Violation } from '../core/errors';
import { MATERIAL_LABELS, MaterialKind } from '../content/material.enums';
import type { AspectRequirement } from '../review/review-aspects';
import { ChecklistItem, FINDING_ASPECT_LABELS, FindingAspect } from '../review/review.enums';

/**
 * Pure rules of a normative document under legality review (合法性审核): its package (R-LR-2) and
 * what the opinion concludes on (R-LR-4), the content aspect walking the prohibitions of R-ND-11.
 */

export interface NormativePackageFacts {
  touchesMarketEntities: boolean;
  materialKinds: ReadonlySet<MaterialKind>;
}

/**
 * Each package item: its Chinese name, the material that carries it, and when it is needed at all
 * (the fair-competition review only for a document touching market entities, R-ND-4).
 */
export const NORMATIVE_PACKAGE: Record<
  PackageItem<'NORMATIVE_DOCUMENT'>,
  { label: string; material: MaterialKind; needed?: (f: NormativePackageFacts) => boolean }
> = {
  DRAFTING_EXPLANATION: { label: '起草说明', material: MaterialKind.DRAFT_EXPLANATION },
  LEGAL_BASIS: { label: '制定依据', material: MaterialKind.LEGAL_BASIS_LIST },
  CONSULTATION_RECORD: { label: '征求意见情况', material: MaterialKind.CONSULTATION_REPORT },
  FAIR_COMPETITION_REVIEW: { label: '公平竞争审查', material: MaterialKind.FAIR_COMPETITION_REVIEW, needed: (f) => f.touchesMarketEntities },
};

/** R-LR-2: one violation per configured package item the document still lacks, all at once. */
export function normativePackageViolations(f: NormativePackageFacts, items: readonly PackageItem<'NORMATIVE_DOCUMENT'>[]): Violation[] {
  return items.flatMap((item) => {
    const spec = NORMATIVE_PACKAGE[item];
    if (spec.needed && !spec.needed(f)) return [];
    if (f.materialKinds.has(spec.material)) return [];
    return [
      { rule: 'R-LR-2', code: 'PACKAGE_ITEM_MISSING', message: `规范性文件送审材料缺少「${spec.label}」：请上传材料类别为「${MATERIAL_LABELS[spec.material]}」的材料 (R-LR-2)` },
    ];
  });
}

/**
 * What an opinion on a normative document concludes on (R-LR-4): authority, procedure and content;
 * the content conclusion answers each prohibition of R-ND-11 — whether the document creates
 * licences, penalties or coercive measures, reduces rights or adds obligations, sets market entry or
 * exit conditions, or interferes in business operations — naming the legal basis where one is claimed.
 */
export const NORMATIVE_ASPECTS: readonly AspectRequirement[] = [
  { aspect: FindingAspect.AUTHORITY, label: FINDING_ASPECT_LABELS.AUTHORITY },
  { aspect: FindingAspect.PROCEDURE, label: FINDING_ASPECT_LABELS.PROCEDURE },
  {
    aspect: FindingAspect.CONTENT,
    label: FINDING_ASPECT_LABELS.CONTENT,
    checklist: {
      rule: 'R-ND-11',
      items: [
        ChecklistItem.CREATES_LICENCE,
        ChecklistItem.CREATES_PENALTY,
        ChecklistItem.CREATES_COERCIVE_MEASURE,
        ChecklistItem.REDUCES_RIGHTS_OR_ADDS_OBLIGATIONS,
        ChecklistItem.SETS_MARKET_ENTRY_EXIT,
        ChecklistItem.INTERFERES_IN_BUSINESS,
      ],
    },
  },
];
