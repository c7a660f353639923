import { chineseDate, headingCounter, type Block, type OfficialDocument } from './official-layout';
import { enumLabel } from './labels';

/**
 * The documents of decisions and normative documents, from plain data: the decision document after
 * sign-off, the published decision directory, and the filing report (备案报告) with its materials.
 */

export interface DecisionData {
  organName: string;
  proposal: { code: string; title: string; departmentName: string };
  documentNumber: string | null;
  signedOn: string;
  signerName: string | null;
  signedDraftNumber: number | null;
  signedDraftHash: string | null;
  /** The text signed off (the approved draft, or the amended one). */
  text: string;
  meeting: { title: string; heldOn: string; body: string } | null;
  opinion: { code: string; conclusion: string; issuedOn: string | null } | null;
  publishedOn: string | null;
  publicationChannel: string | null;
  executingDepartmentName: string | null;
}

export function decisionDocument(d: DecisionData): OfficialDocument {
  const h = headingCounter();
  const blocks: Block[] = [];
  for (const line of d.text.split('\n').filter((l) => l.trim() !== '')) blocks.push({ kind: 'paragraph', text: line.trim() });
  blocks.push(h('决策程序'));
  blocks.push({ kind: 'field', label: '决策事项编号', value: d.proposal.code });
  blocks.push({ kind: 'field', label: '承办单位', value: d.proposal.departmentName });
  if (d.opinion) {
    blocks.push({
      kind: 'field',
      label: '合法性审查',
      value: `${d.opinion.code}，${enumLabel('OpinionConclusion', d.opinion.conclusion)}${d.opinion.issuedOn ? `（${chineseDate(d.opinion.issuedOn)}出具）` : ''}`,
    });
  }
  if (d.meeting) {
    blocks.push({ kind: 'field', label: '集体讨论', value: `${d.meeting.title}（${enumLabel('DeliberatingBody', d.meeting.body)}，${chineseDate(d.meeting.heldOn)}）` });
  }
  blocks.push({
    kind: 'field',
    label: '签发文本',
    value: `${d.signedDraftNumber ? `第${d.signedDraftNumber}稿，` : ''}SHA-256 ${d.signedDraftHash ?? ''}`,
  });
  blocks.push({ kind: 'field', label: '签发人', value: d.signerName ?? '' });
  if (d.executingDepartmentName) blocks.push({ kind: 'field', label: '执行单位', value: d.executingDepartmentName });
  if (d.publishedOn) blocks.push({ kind: 'field', label: '公布', value: `${chineseDate(d.publishedOn)}，${d.publicationChannel ?? ''}` });
  return {
    title: `${d.organName}\n关于${d.proposal.title}的决定`,
    number: d.documentNumber,
    addressee: null,
    blocks,
    signature: { lines: [d.organName], date: chineseDate(d.signedOn) },
    colophon: { copiedTo: null, printedBy: d.organName, printedOn: chineseDate(d.signedOn)! },
    meta: { subject: `重大行政决策 ${d.proposal.code}`, author: d.organName },
  };
}

export interface DirectoryData {
  organName: string;
  year: number;
  title: string;
  status: string;
  partyApprovedAt: string | null;
  partyApprovalReference: string | null;
  publishedOn: string | null;
  items: { seq: number; title: string; category: string; departmentName: string; legalBasis: string; currentQuarter: number; status: string }[];
  adjustments: { kind: string; itemTitle: string; reason: string; recordedOn: string }[];
}

export function directoryDocument(d: DirectoryData): OfficialDocument {
  const active = d.items.filter((i) => i.status === 'ACTIVE');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `根据《重大行政决策程序暂行条例》，经${d.partyApprovedAt ? `街党工委审议同意（${chineseDate(d.partyApprovedAt)}${d.partyApprovalReference ? `，${d.partyApprovalReference}` : ''}）` : '审议'}，现将${d.year}年度重大行政决策事项目录公布如下，共${active.length}项。`,
    },
    {
      kind: 'table',
      headers: ['序号', '决策事项', '类别', '承办单位', '计划完成', '法律依据', '状态'],
      rows: d.items.map((i) => [String(i.seq), i.title, enumLabel('DecisionCategory', i.category), i.departmentName, `第${i.currentQuarter}季度`, i.legalBasis, enumLabel('DirectoryItemStatus', i.status)]),
      widths: [1, 5, 4, 3, 2, 4, 2],
    },
  ];
  if (d.adjustments.length) {
    blocks.push({ kind: 'paragraph', text: '目录公布后的调整：' });
    blocks.push({
      kind: 'table',
      headers: ['调整日期', '事项', '调整', '理由'],
      rows: d.adjustments.map((a) => [a.recordedOn, a.itemTitle, enumLabel('AdjustmentKind', a.kind), a.reason]),
      widths: [2, 5, 2, 5],
    });
  }
  return {
    title: d.title,
    number: null,
    addressee: null,
    blocks,
    signature: { lines: [d.organName], date: chineseDate(d.publishedOn) },
    colophon: d.publishedOn ? { copiedTo: null, printedBy: d.organName, printedOn: chineseDate(d.publishedOn)! } : null,
    meta: { subject: `${d.year}年度重大行政决策事项目录`, author: d.organName },
  };
}

export interface FilingReportData {
  organName: string;
  title: string;
  registrationNumber: string | null;
  issuer: string;
  jointIssuers: string | null;
  departmentName: string;
  filingAuthority: string;
  publishedOn: string | null;
  publicationChannel: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  filingDueOn: string | null;
  filedOn: string | null;
  officialTextHash: string | null;
  materials: { kind: string; contentHash: string }[];
  /** The materials the filing rules require (R-ND-7), whether prepared or not. */
  requiredMaterialKinds: string[];
}

export function filingReportDocument(d: FilingReportData, today: string): OfficialDocument {
  const issuerName = d.issuer === 'STREET_OFFICE' ? d.organName : enumLabel('Issuer', d.issuer).split('：')[0] || d.organName;
  const prepared = new Map(d.materials.map((m) => [m.kind, m]));
  const kinds = [...new Set([...d.requiredMaterialKinds, ...d.materials.map((m) => m.kind)])];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `根据规范性文件备案审查的有关规定，现将《${d.title}》${d.registrationNumber ? `（${d.registrationNumber}）` : ''}报送备案。`,
    },
    {
      kind: 'paragraph',
      text: `该文件由${d.departmentName}起草${d.jointIssuers ? `，与${d.jointIssuers}联合发布` : ''}，${d.publishedOn ? `于${chineseDate(d.publishedOn)}通过${d.publicationChannel ?? '公开渠道'}公布` : '尚未公布'}${d.effectiveOn ? `，自${chineseDate(d.effectiveOn)}起施行` : ''}${d.validUntil ? `，有效期至${chineseDate(d.validUntil)}` : ''}。${d.filingDueOn ? `报备期限为${chineseDate(d.filingDueOn)}。` : ''}`,
    },
    { kind: 'paragraph', text: '随本报告报送以下材料：' },
    {
      kind: 'table',
      headers: ['序号', '材料', '状态', 'SHA-256（前16位）'],
      rows: kinds.map((k, i) => [String(i + 1), enumLabel('FilingMaterialKind', k), prepared.has(k) ? '已备齐' : '未备齐', prepared.get(k)?.contentHash.slice(0, 16) ?? '']),
      widths: [1, 6, 2, 3],
    },
  ];
  if (d.officialTextHash) blocks.push({ kind: 'field', label: '正式文本 SHA-256', value: d.officialTextHash });
  blocks.push({ kind: 'paragraph', text: '请予备案。' });
  return {
    title: `关于报送《${d.title}》的\n备案报告`,
    number: d.registrationNumber,
    addressee: d.filingAuthority,
    blocks,
    signature: { lines: [issuerName], date: chineseDate(d.filedOn ?? today) },
    colophon: { copiedTo: null, printedBy: d.organName, printedOn: chineseDate(d.filedOn ?? today)! },
    meta: { subject: `备案报告 ${d.registrationNumber ?? d.title}`, author: d.organName },
  };
}
