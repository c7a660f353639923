import type { Violation } from '../core/errors';
import { FILING_VERDICT_LABELS } from './normative.labels';
import { EXCLUDED_TYPE_LABELS, ExcludedDocumentType, FilingVerdict } from './normative.enums';

/**
 * Filing-obligation assessment (R-ND-1, R-ND-2): is this document normative, so that it must be
 * filed? Pure: the checklist answers plus a red-flag scan of the title and the text. The answer is
 * never silently NOT_REQUIRED while red flags are present.
 */

export interface AssessmentAnswers {
  /** Issued by an administrative (or Party) organ within its authority. null: not answered. */
  issuedWithinAuthority: boolean | null;
  /** Affects rights or obligations of citizens, legal persons or other organisations. */
  affectsRights: boolean | null;
  /** Generally binding on unspecified persons. */
  generallyBinding: boolean | null;
  /** Applied repeatedly over a period. */
  appliedRepeatedly: boolean | null;
  /** The document is of an excluded kind, by its nature (not just its title). */
  excludedType: ExcludedDocumentType | null;
}

export interface RedFlag {
  where: 'TITLE' | 'TEXT';
  term: string;
  /** The text around the first occurrence. */
  excerpt: string;
}

export interface AssessmentReason {
  rule: string;
  message: string;
}

export interface AssessmentResult {
  verdict: FilingVerdict;
  reasons: AssessmentReason[];
  redFlags: RedFlag[];
}

/** R-ND-2 red flags. */
export const TITLE_RED_FLAGS = ['办法', '规定', '细则', '实施意见', '通告'];
export const TEXT_RED_FLAGS = ['许可', '处罚', '强制', '收费', '准入', '资格', '条件', '补贴', '应当', '不得'];

const ELEMENTS: { key: keyof Omit<AssessmentAnswers, 'excludedType'>; label: string }[] = [
  { key: 'issuedWithinAuthority', label: '由行政机关（或党组织）在职权范围内制定' },
  { key: 'affectsRights', label: '涉及公民、法人和其他组织的权利义务' },
  { key: 'generallyBinding', label: '对不特定对象具有普遍约束力' },
  { key: 'appliedRepeatedly', label: '在一定期限内反复适用' },
];

function excerpt(text: string, index: number, term: string): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(text.length, index + term.length + 12);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

export function scanRedFlags(title: string, text: string): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const term of TITLE_RED_FLAGS) {
    const i = title.indexOf(term);
    if (i >= 0) flags.push({ where: 'TITLE', term, excerpt: title });
  }
  for (const term of TEXT_RED_FLAGS) {
    const i = text.indexOf(term);
    if (i >= 0) flags.push({ where: 'TEXT', term, excerpt: excerpt(text, i, term) });
  }
  return flags;
}

export function assessFilingObligation(input: { title: string; text: string; answers: AssessmentAnswers }): AssessmentResult {
  const { answers } = input;
  const redFlags = scanRedFlags(input.title, input.text);
  const reasons: AssessmentReason[] = [];
  const flagSummary = redFlags.map((f) => `${f.where === 'TITLE' ? '标题' : '正文'}含「${f.term}」`).join('、');
  const unanswered = ELEMENTS.filter((e) => answers[e.key] === null);
  const failed = ELEMENTS.filter((e) => answers[e.key] === false);

  if (unanswered.length === 0 && failed.length === 0) {
    reasons.push({ rule: 'R-ND-1', message: '同时具备规范性文件的四个要素：' + ELEMENTS.map((e) => e.label).join('；') });
    if (answers.excludedType) {
      reasons.push({
        rule: 'R-ND-1',
        message: `虽名为「${EXCLUDED_TYPE_LABELS[answers.excludedType]}」，但实质内容具有普遍约束力，实质重于形式，仍属规范性文件`,
      });
    }
    reasons.push({ rule: 'R-ND-6', message: '应当自公布之日起 30 日内报送备案' });
    return { verdict: FilingVerdict.FILING_REQUIRED, reasons, redFlags };
  }

  if (unanswered.length > 0) {
    reasons.push({ rule: 'R-ND-2', message: `以下要素尚未判断：${unanswered.map((e) => e.label).join('；')}` });
    if (redFlags.length) reasons.push({ rule: 'R-ND-2', message: `发现提示性特征：${flagSummary}` });
    return { verdict: FilingVerdict.NEEDS_CONFIRMATION, reasons, redFlags };
  }

  // Some element fails: not normative, unless the red flags say otherwise.
  if (answers.excludedType) {
    reasons.push({ rule: 'R-ND-1', message: `属于排除类型「${EXCLUDED_TYPE_LABELS[answers.excludedType]}」` });
  }
  for (const e of failed) reasons.push({ rule: 'R-ND-1', message: `不具备要素：${e.label}` });
  if (redFlags.length) {
    reasons.push({
      rule: 'R-ND-2',
      message: `判断为不属于规范性文件，但发现提示性特征（${flagSummary}），须由备案员确认，防止应报未报`,
    });
    return { verdict: FilingVerdict.NEEDS_CONFIRMATION, reasons, redFlags };
  }
  return { verdict: FilingVerdict.NOT_REQUIRED, reasons, redFlags };
}

/**
 * R-ND-2: the filing officer confirms the system's verdict; confirming anything else needs a reason.
 * (NEEDS_CONFIRMATION is no confirmation: the input refuses it.)
 */
export function confirmationViolations(c: { assessedVerdict: FilingVerdict; confirmedVerdict: FilingVerdict; reason: string | null | undefined }): Violation[] {
  if (c.confirmedVerdict === c.assessedVerdict || c.reason?.trim()) return [];
  return [
    {
      rule: 'R-ND-2',
      code: 'OVERRIDE_REASON_REQUIRED',
      message: `系统判定为「${FILING_VERDICT_LABELS[c.assessedVerdict]}」，确认为「${FILING_VERDICT_LABELS[c.confirmedVerdict]}」须说明理由 (R-ND-2)`,
    },
  ];
}
