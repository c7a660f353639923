import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A register as a real workbook: typed cells (dates as dates, counts and amounts as numbers,
 * yes/no as booleans), a bold frozen header row, an auto filter over every column, widths that
 * fit Chinese text. Written with exceljs's streaming writer row by row, so a register of 100,000
 * rows never sits in memory as a workbook (rows come from an async source, page by page).
 */

export type CellType = 'text' | 'date' | 'datetime' | 'integer' | 'decimal' | 'boolean';

export interface RegisterColumn<T> {
  header: string;
  type: CellType;
  /** Width in characters of the widest expected value; a CJK character counts two. */
  width: number;
  value(row: T): string | number | boolean | Date | null | undefined;
}

export interface RegisterSpec<T> {
  sheetName: string;
  columns: RegisterColumn<T>[];
}

const FORMATS: Partial<Record<CellType, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  decimal: '#,##0.00',
};

/** Display width of a text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight: Excel shows it as that day. */
function asDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return null;
}

function cell(type: CellType, v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'date':
    case 'datetime':
      return asDate(v);
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return Boolean(v);
    default:
      return String(v);
  }
}

/** Writes the register to `out` and resolves with the number of data rows. */
export async function writeRegister<T>(out: Writable, spec: RegisterSpec<T>, rows: AsyncIterable<T[]>, meta: { creator: string }): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = meta.creator;
  wb.created = new Date();
  const n = spec.columns.length;
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
    properties: { defaultRowHeight: 18 },
  });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    width: Math.min(60, Math.max(displayWidth(c.header) + 4, c.width + 2)),
    style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
  }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: n } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();
  let count = 0;
  for await (const page of rows) {
    for (const r of page) {
      ws.addRow(spec.columns.map((c) => cell(c.type, c.value(r)))).commit();
      count++;
    }
  }
  ws.commit();
  await wb.commit();
  return count;
}
