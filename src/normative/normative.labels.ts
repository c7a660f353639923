import { FilingFlagKind, FilingVerdict } from './normative.enums';

/** Chinese names of enum values used inside messages (never the raw value). */
export const FILING_VERDICT_LABELS: Record<FilingVerdict, string> = {
  FILING_REQUIRED: '应当报备',
  NOT_REQUIRED: '无需报备',
  NEEDS_CONFIRMATION: '需人工确认',
};

export const FILING_FLAG_LABELS: Record<FilingFlagKind, string> = {
  FILING_OVERDUE: '逾期未报备',
  DEFERRAL_OVERDUE: '暂缓登记后逾期未补正',
  POSSIBLE_MISSED_FILING: '可能漏报',
  RELEASED_UNCONFIRMED: '已公布但报备判定未经确认',
  FILING_DUE_SOON: '报备期限临近',
  MATERIALS_MISSING: '备案材料不全',
  CORRECTION_OPEN: '纠正尚未完毕',
  EVALUATION_DUE: '应开展评估',
  FILED_LATE: '逾期报备',
  CORRECTED_LATE: '逾期补正',
};
