/**
 * The official-document layout shared by the DOCX and PDF renderers, after GB/T 9704-2012
 * 《党政机关公文格式》: A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm, 22 lines of 28
 * characters; title 2号 (22 pt) 小标宋 centred; body 3号 (16 pt) 仿宋; headings 一、 (黑体) and （一）
 * (楷体); document number (发文字号) under the title; signature block (落款) and date of writing
 * (成文日期) right-aligned; colophon (版记) at the foot of the last page; page numbers `— 1 —`.
 *
 * A builder turns a record into an `OfficialDocument`; the renderers know nothing of the records.
 */

export type Block =
  /** 一、 (level 1, 黑体) or （一） (level 2, 楷体): the numbering is part of the text. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** A body paragraph, first line indented by two characters. */
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** A labelled line: `label：value` (e.g. 审查编号：SC-2026-001). */
  | { kind: 'field'; label: string; value: string }
  /** A table with a header row; `widths` are relative column widths. */
  | { kind: 'table'; headers: string[]; rows: string[][]; widths?: number[] };

export interface OfficialDocument {
  /** 标题: may contain line breaks. */
  title: string;
  /** 发文字号, e.g. 云湖街规〔2026〕3号, or the record's code; none when the record has no number yet. */
  number?: string | null;
  /** 主送机关 (addressee), followed by a full-width colon. */
  addressee?: string | null;
  blocks: Block[];
  /** 落款: the issuing organ (or the advisor and firm), one line each, and the date of writing. */
  signature: { lines: string[]; date: string | null };
  /** 版记: 抄送, 印发机关 and 印发日期. */
  colophon?: { copiedTo?: string | null; printedBy: string; printedOn: string } | null;
  /** Document properties (file metadata). */
  meta: { subject: string; author: string };
}

/** Millimetres to points (PDF) and to twentieths of a point (DOCX). */
export const mmToPt = (mm: number) => (mm * 72) / 25.4;
export const mmToTwip = (mm: number) => Math.round(mmToPt(mm) * 20);

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  rightMm: 26,
  bottomMm: 35,
  /** 22 lines in the 225 mm text block. */
  linesPerPage: 22,
} as const;

/** Font sizes in points: 2号, 3号, 4号 and a table's 4号/小4. */
export const SIZE = { title: 22, body: 16, pageNumber: 14, table: 12 } as const;

/** The body's line pitch: 225 mm over 22 lines. */
export const LINE_PT = mmToPt(225) / PAGE.linesPerPage;

/** The fonts named in the DOCX (Word and WPS substitute when a font is missing). */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;

/** 成文日期 in Arabic numerals, no leading zeros: 2026-11-27 → 2026年11月27日. */
export function chineseDate(isoDate: string | null | undefined): string | null {
  if (!isoDate) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 一、二、… for level-1 headings (up to 99). */
export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Numbered level-1 headings: `heading(1, '审查依据')` → 一、审查依据, counting per document. */
export function headingCounter() {
  let n = 0;
  return (text: string): Block => ({ kind: 'heading', level: 1, text: `${chineseOrdinal(++n)}、${text}` });
}

/** Every text of a document, in reading order (what a reader of the DOCX or PDF must find). */
export function documentTexts(d: OfficialDocument): string[] {
  const out = [d.title, d.number ?? '', d.addressee ?? ''];
  for (const b of d.blocks) {
    if (b.kind === 'table') out.push(...b.headers, ...b.rows.flat());
    else if (b.kind === 'field') out.push(`${b.label}：${b.value}`);
    else out.push(b.text);
  }
  out.push(...d.signature.lines, d.signature.date ?? '');
  return out.filter(Boolean);
}
