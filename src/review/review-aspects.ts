import type { RuleId } from '../core/rules/registry';
import { type ChecklistItem, FINDING_ASPECT_LABELS, FindingAspect } from './review.enums';

/**
 * An aspect an opinion on this subject type must conclude on (R-LR-4; enforcement decisions R-EN-3):
 * its Chinese name and, where the law lists what the conclusion must consider, the checklist of
 * questions to answer (each once, citing `rule` when unanswered).
 */
export interface AspectRequirement {
  aspect: FindingAspect;
  /** Chinese name used in messages: 主体与权限, 程序, 内容 … */
  label: string;
  checklist?: { rule: RuleId; items: readonly ChecklistItem[] };
}

/** The three aspects of R-LR-4 — authority, procedure, content — for subject types that need no more. */
export const LEGALITY_ASPECTS: readonly AspectRequirement[] = [FindingAspect.AUTHORITY, FindingAspect.PROCEDURE, FindingAspect.CONTENT].map((aspect) => ({
  aspect,
  label: FINDING_ASPECT_LABELS[aspect],
}));
