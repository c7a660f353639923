import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { FONTS, LINE_PT, mmToTwip, PAGE, SIZE, type Block, type OfficialDocument } from './official-layout';

/**
 * An official document as DOCX (what offices edit in WPS or Word and print). The fonts are named,
 * not embedded: 方正小标宋简体 for the title, 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for the
 * headings; Word substitutes what it lacks. Line pitch: exactly 22 lines in the text block.
 */

const halfPoints = (pt: number) => Math.round(pt * 2);
const LINE = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
/** Two characters of 3号 text: the first-line indent of body paragraphs. */
const INDENT = Math.round(SIZE.body * 2 * 20);
const TEXT_WIDTH = mmToTwip(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);

function run(text: string, font: string, sizePt: number, extra: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text, size: halfPoints(sizePt), font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin }, ...extra });
}

function lines(text: string, make: (line: string) => Paragraph): Paragraph[] {
  return text.split('\n').map(make);
}

function body(text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph[] {
  return lines(
    text,
    (l) =>
      new Paragraph({
        children: [run(l, FONTS.body, SIZE.body)],
        spacing: LINE,
        alignment: opts.align ?? AlignmentType.JUSTIFIED,
        indent: opts.indent === false ? undefined : { firstLine: INDENT },
      }),
  );
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const weights = b.widths ?? b.headers.map(() => 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      children: text.split('\n').map(
        (l) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(l, header ? FONTS.heading1 : FONTS.body, SIZE.table)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cell(h, true, i)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          children: [run(b.text, b.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)],
          spacing: LINE,
          indent: { firstLine: INDENT },
        }),
      ];
    case 'paragraph':
      return body(b.text, { indent: b.indent });
    case 'field':
      return body(`${b.label}：${b.value}`);
    case 'table':
      return [table(b)];
  }
}

export async function renderDocx(d: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const l of d.title.split('\n')) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(SIZE.title * 1.5 * 20), lineRule: LineRuleType.EXACT }, children: [run(l, FONTS.title, SIZE.title)] }));
  }
  if (d.number) children.push(...body(d.number, { indent: false, align: AlignmentType.CENTER }));
  children.push(new Paragraph({ spacing: LINE, children: [] }));
  if (d.addressee) children.push(...body(`${d.addressee}：`, { indent: false, align: AlignmentType.LEFT }));
  for (const b of d.blocks) children.push(...block(b));
  // 落款: a blank line, then organ and date right-aligned (the seal is applied by hand).
  children.push(new Paragraph({ spacing: LINE, children: [] }));
  for (const l of [...d.signature.lines, ...(d.signature.date ? [d.signature.date] : [])]) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: INDENT }, children: [run(l, FONTS.body, SIZE.body)] }));
  }
  if (d.colophon) {
    const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
    const c = d.colophon;
    children.push(new Paragraph({ spacing: LINE, children: [] }));
    if (c.copiedTo) children.push(new Paragraph({ border: { top: rule }, children: [run(`抄送：${c.copiedTo}。`, FONTS.body, 14)] }));
    children.push(
      new Paragraph({
        border: { top: rule, bottom: rule },
        tabStops: [{ type: 'right', position: TEXT_WIDTH }],
        children: [run(c.printedBy, FONTS.body, 14), new TextRun({ text: '\t' }), run(`${c.printedOn}印发`, FONTS.body, 14)],
      }),
    );
  }

  const doc = new Document({
    creator: d.meta.author,
    title: d.title.replace(/\n/g, ''),
    subject: d.meta.subject,
    styles: { default: { document: { run: { font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: halfPoints(SIZE.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
            margin: { top: mmToTwip(PAGE.topMm), bottom: mmToTwip(PAGE.bottomMm), left: mmToTwip(PAGE.leftMm), right: mmToTwip(PAGE.rightMm), footer: mmToTwip(28) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: halfPoints(SIZE.pageNumber), font: FONTS.latin })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
