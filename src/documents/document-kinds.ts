/**
 * The documents the system produces from its records, their formats and download addresses:
 * `GET /documents/<kind>/<id>.<format>` for a record's document, `GET /documents/<kind>.xlsx` for
 * a register (the rows the caller may see).
 */

export enum DocumentKind {
  /** 法律意见书 of one issued opinion (id: the opinion). */
  LEGAL_OPINION = 'legal-opinion',
  /** 合法性审查退回补充通知 of a review returned for supplement (id: the review). */
  RETURN_NOTICE = 'return-notice',
  /** The decision document after sign-off (id: the decision). */
  DECISION = 'decision',
  /** 备案报告 of a released normative document, with its material list (id: the document). */
  FILING_REPORT = 'filing-report',
  /** The published decision directory (id: the directory). */
  DECISION_DIRECTORY = 'decision-directory',
  /** The annual rule-of-law report drafted from the year's figures, R-AR-1…3 (id: the year). */
  ANNUAL_REPORT = 'annual-report',
  /** The decision archive as one ZIP, R-DEC-15 (id: the proposal). */
  DECISION_ARCHIVE = 'decision-archive',
  /** Registers (XLSX, no id). */
  NORMATIVE_REGISTER = 'normative-register',
  FILING_FLAGS = 'filing-flags',
  REVIEW_REGISTER = 'review-register',
  CONTRACT_REGISTER = 'contract-register',
}

export enum DocumentFormat {
  DOCX = 'docx',
  PDF = 'pdf',
  XLSX = 'xlsx',
  ZIP = 'zip',
}

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** The formats each kind comes in. */
export const KIND_FORMATS: Record<DocumentKind, readonly DocumentFormat[]> = {
  'legal-opinion': [DocumentFormat.DOCX, DocumentFormat.PDF],
  'return-notice': [DocumentFormat.DOCX, DocumentFormat.PDF],
  decision: [DocumentFormat.DOCX, DocumentFormat.PDF],
  'filing-report': [DocumentFormat.DOCX, DocumentFormat.PDF],
  'decision-directory': [DocumentFormat.DOCX, DocumentFormat.PDF],
  'annual-report': [DocumentFormat.DOCX, DocumentFormat.PDF],
  'decision-archive': [DocumentFormat.ZIP],
  'normative-register': [DocumentFormat.XLSX],
  'filing-flags': [DocumentFormat.XLSX],
  'review-register': [DocumentFormat.XLSX],
  'contract-register': [DocumentFormat.XLSX],
};

export const KIND_LABELS: Record<DocumentKind, string> = {
  'legal-opinion': '法律意见书',
  'return-notice': '退回补充通知',
  decision: '决定文书',
  'filing-report': '备案报告',
  'decision-directory': '决策事项目录',
  'annual-report': '法治政府建设年度报告',
  'decision-archive': '决策档案',
  'normative-register': '规范性文件登记簿',
  'filing-flags': '备案预警清单',
  'review-register': '合法性审查登记簿',
  'contract-register': '合同登记簿',
};

export const REGISTER_KINDS = [DocumentKind.NORMATIVE_REGISTER, DocumentKind.FILING_FLAGS, DocumentKind.REVIEW_REGISTER, DocumentKind.CONTRACT_REGISTER] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export type RecordKind = Exclude<DocumentKind, RegisterKind>;

export function isRegisterKind(k: DocumentKind): k is RegisterKind {
  return (REGISTER_KINDS as readonly DocumentKind[]).includes(k);
}

export function documentUrl(kind: DocumentKind, id: string | null, format: DocumentFormat): string {
  return id === null ? `/documents/${kind}.${format}` : `/documents/${kind}/${id}.${format}`;
}

/** A link the console offers: one per format of one document. */
export interface DocumentLink {
  kind: DocumentKind;
  format: DocumentFormat;
  title: string;
  url: string;
}

export function linksOf(kind: DocumentKind, id: string | null, title: string = KIND_LABELS[kind]): DocumentLink[] {
  return KIND_FORMATS[kind].map((format) => ({ kind, format, title, url: documentUrl(kind, id, format) }));
}

/** A download: its file name (shown to the user, UTF-8) and a writer of its bytes. */
export interface GeneratedFile {
  fileName: string;
  format: DocumentFormat;
  /** Small documents are generated before the answer starts (an error is still a JSON answer). */
  bytes?: Buffer;
  /** Registers and archives are streamed: `write` pipes into the answer once the access checks passed. */
  write?: (out: NodeJS.WritableStream) => Promise<void>;
}

/** A file name without characters a file system or a header would trip on. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 150);
}
