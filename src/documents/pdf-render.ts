import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { LINE_PT, mmToPt, PAGE, SIZE, type Block, type OfficialDocument } from './official-layout';

/**
 * An official document as PDF (the archive copy): A4 with the GB/T 9704 margins, Noto Serif SC
 * (SIL Open Font License) from the npm package @expo-google-fonts/noto-serif-sc — read from
 * node_modules, never fetched — embedded as a subset of the glyphs used, so the file renders
 * anywhere. Page numbers `— n —` at the foot of every page.
 */

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** The two weights, read once per process (14.8 MB each). */
function fontBytes() {
  return (fonts ??= { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) });
}

const MARGIN = { top: mmToPt(PAGE.topMm), bottom: mmToPt(PAGE.bottomMm), left: mmToPt(PAGE.leftMm), right: mmToPt(PAGE.rightMm) };
const WIDTH = mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
const INDENT = SIZE.body * 2;
/** The gap pdfkit adds below each line so the pitch is 22 lines in the text block. */
const BODY_GAP = LINE_PT - SIZE.body * 1.2;

type Doc = PDFKit.PDFDocument;

function paragraph(doc: Doc, text: string, opts: { indent?: boolean; align?: 'left' | 'center' | 'right' | 'justify'; font?: 'regular' | 'bold' } = {}) {
  doc.font(opts.font ?? 'regular').fontSize(SIZE.body);
  for (const l of text.split('\n')) {
    doc.text(l, MARGIN.left, doc.y, { width: WIDTH, align: opts.align ?? 'justify', indent: opts.indent === false ? 0 : INDENT, lineGap: BODY_GAP });
  }
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>) {
  const weights = b.widths ?? b.headers.map(() => 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => (WIDTH * w) / total);
  const pad = 3;
  const bottom = doc.page.height - MARGIN.bottom;
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'bold' : 'regular').fontSize(SIZE.table);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) doc.addPage();
    const top = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      doc.rect(x, top, widths[i]!, height).lineWidth(0.5).stroke();
      doc.text(c, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: header ? 'center' : 'left' });
      x += widths[i]!;
    });
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  drawRow(b.headers, true);
  for (const r of b.rows) drawRow(r, false);
  doc.moveDown(0.5);
}

function block(doc: Doc, b: Block) {
  switch (b.kind) {
    case 'heading':
      return paragraph(doc, b.text, { font: b.level === 1 ? 'bold' : 'regular' });
    case 'paragraph':
      return paragraph(doc, b.text, { indent: b.indent });
    case 'field':
      return paragraph(doc, `${b.label}：${b.value}`);
    case 'table':
      return table(doc, b);
  }
}

export function renderPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: d.title.replace(/\n/g, ''), Subject: d.meta.subject, Author: d.meta.author, Creator: '云湖合法性审查' },
    lang: 'zh-CN',
  });
  const { regular, bold } = fontBytes();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(SIZE.title);
  for (const l of d.title.split('\n')) doc.text(l, MARGIN.left, doc.y, { width: WIDTH, align: 'center', lineGap: SIZE.title * 0.3 });
  if (d.number) paragraph(doc, d.number, { indent: false, align: 'center' });
  doc.moveDown(0.5);
  if (d.addressee) paragraph(doc, `${d.addressee}：`, { indent: false, align: 'left' });
  for (const b of d.blocks) block(doc, b);
  doc.moveDown(1);
  for (const l of [...d.signature.lines, ...(d.signature.date ? [d.signature.date] : [])]) {
    doc.font('regular').fontSize(SIZE.body).text(l, MARGIN.left, doc.y, { width: WIDTH - INDENT, align: 'right', lineGap: BODY_GAP });
  }
  if (d.colophon) {
    const c = d.colophon;
    doc.moveDown(1);
    const ruleAt = (y: number) => doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + WIDTH, y).lineWidth(0.8).stroke();
    doc.font('regular').fontSize(14);
    ruleAt(doc.y);
    if (c.copiedTo) {
      doc.text(`抄送：${c.copiedTo}。`, MARGIN.left, doc.y + 4, { width: WIDTH });
      ruleAt(doc.y + 2);
    }
    const y = doc.y + 4;
    doc.text(c.printedBy, MARGIN.left, y, { width: WIDTH / 2 });
    doc.text(`${c.printedOn}印发`, MARGIN.left + WIDTH / 2, y, { width: WIDTH / 2, align: 'right' });
    ruleAt(doc.y + 2);
  }

  // Page numbers: 4号, centred under the text block.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.pageNumber).text(`— ${i + 1} —`, MARGIN.left, doc.page.height - mmToPt(PAGE.bottomMm) + mmToPt(7), { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
