import { chineseDate, headingCounter, type Block, type OfficialDocument } from './official-layout';
import { enumLabel } from './labels';

/**
 * The documents of a legality review, from plain data (the loader reads the record through the
 * areas' services and visibility rules): the legal opinion (法律意见书) with its conclusions by
 * aspect and its findings, and the return notice (退回补充通知) listing what is missing.
 */

export interface ReviewData {
  organName: string;
  code: string;
  subjectType: string;
  subjectTitle: string;
  departmentName: string;
  requestedOn: string;
  acceptedOn: string | null;
  pinnedHash: string;
  pinnedVersionNumber: number | null;
  pinnedMaterials: { title: string; kind: string; contentHash: string }[];
}

export interface OpinionData {
  number: number;
  conclusion: string;
  text: string;
  issuedOn: string | null;
  reviewedDraftHash: string;
  supersedesNumber: number | null;
  superseded: boolean;
  advisorName: string | null;
  aspects: { aspect: string; aspectLabel: string; conclusion: string; note: string | null }[];
  findings: { seq: number; aspectLabel: string; mustFix: boolean; text: string; lawName: string; article: string; response: string | null; responseReason: string | null }[];
}

const ENFORCEMENT = 'ENFORCEMENT_DECISION';

/** 法律意见书, or 法制审核意见书 for a major law-enforcement decision. */
export function opinionTitle(subjectType: string): string {
  return subjectType === ENFORCEMENT ? '法制审核意见书' : '法律意见书';
}

function materialRows(r: ReviewData): string[][] {
  return r.pinnedMaterials.map((m, i) => [String(i + 1), m.title, enumLabel('MaterialKind', m.kind) || m.kind, m.contentHash.slice(0, 16)]);
}

export function legalOpinionDocument(r: ReviewData, o: OpinionData): OfficialDocument {
  const h = headingCounter();
  const subjectNoun = enumLabel('ReviewSubjectType', r.subjectType);
  const blocks: Block[] = [
    h('审查事项'),
    { kind: 'field', label: '审查对象', value: `《${r.subjectTitle}》（${subjectNoun}）` },
    { kind: 'field', label: '送审单位', value: r.departmentName },
    { kind: 'field', label: '审查编号', value: r.code },
    { kind: 'field', label: '送审日期', value: chineseDate(r.requestedOn) ?? '' },
    ...(r.acceptedOn ? [{ kind: 'field' as const, label: '接收日期', value: chineseDate(r.acceptedOn)! }] : []),
    {
      kind: 'field',
      label: '审查文本',
      value: `${r.pinnedVersionNumber ? `第${r.pinnedVersionNumber}稿，` : ''}SHA-256 ${o.reviewedDraftHash}`,
    },
  ];
  if (o.supersedesNumber !== null) {
    blocks.push({ kind: 'paragraph', text: `本意见书更正本审查的第${o.supersedesNumber}号意见，自出具之日起取代该意见。` });
  }
  if (o.superseded) blocks.push({ kind: 'paragraph', text: '（本意见书已被其后出具的意见更正，仅作存档。）' });
  blocks.push(h('审查材料'));
  if (r.pinnedMaterials.length) {
    blocks.push({ kind: 'paragraph', text: '送审时报送并固定的材料如下：' });
    blocks.push({ kind: 'table', headers: ['序号', '材料名称', '类别', 'SHA-256（前16位）'], rows: materialRows(r), widths: [1, 5, 3, 3] });
  } else {
    blocks.push({ kind: 'paragraph', text: '送审时未报送附件材料。' });
  }
  blocks.push(h('分项审查意见'));
  o.aspects.forEach((a, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${'一二三四五六七八九十'[i] ?? i + 1}）${a.aspectLabel}：${enumLabel('AspectConclusion', a.conclusion)}` });
    if (a.note) blocks.push({ kind: 'paragraph', text: a.note });
  });
  blocks.push(h('审查发现的问题'));
  if (o.findings.length) {
    blocks.push({
      kind: 'table',
      headers: ['序号', '方面', '问题及意见', '依据', '必须修改', '采纳情况'],
      rows: o.findings.map((f) => [
        String(f.seq),
        f.aspectLabel,
        f.text,
        `${f.lawName}${f.article}`,
        f.mustFix ? '是' : '否',
        f.response ? `${enumLabel('FindingResponse', f.response)}${f.responseReason ? `：${f.responseReason}` : ''}` : '待答复',
      ]),
      widths: [1, 2, 6, 4, 2, 3],
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '未发现需要指出的问题。' });
  }
  blocks.push(h('意见正文'));
  blocks.push({ kind: 'paragraph', text: o.text });
  blocks.push(h('审查结论'));
  blocks.push({ kind: 'paragraph', text: `${enumLabel('OpinionConclusion', o.conclusion)}。` });
  return {
    title: `关于《${r.subjectTitle}》的\n${opinionTitle(r.subjectType)}`,
    number: `${r.code}（第${o.number}号意见）`,
    addressee: r.departmentName,
    blocks,
    signature: { lines: [`驻街法律顾问：${o.advisorName ?? ''}`, r.organName], date: chineseDate(o.issuedOn) },
    colophon: null,
    meta: { subject: `${opinionTitle(r.subjectType)} ${r.code}`, author: o.advisorName ?? r.organName },
  };
}

export function returnNoticeDocument(r: ReviewData, notice: { reason: string; returnedOn: string | null; advisorName: string | null }): OfficialDocument {
  const review = r.subjectType === ENFORCEMENT ? '法制审核' : '合法性审查';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `你单位${chineseDate(r.requestedOn) ?? ''}报送的《${r.subjectTitle}》${review}申请（审查编号 ${r.code}）收悉。经审查，送审材料不齐全，现予退回。请补充以下内容后重新报送：`,
    },
    { kind: 'paragraph', text: notice.reason },
    {
      kind: 'paragraph',
      text: '退回期间审查期限暂停计算；补充后重新报送的，自重新报送之日起继续计算（R-LR-2）。',
    },
  ];
  if (r.pinnedMaterials.length) {
    blocks.push({ kind: 'paragraph', text: '已收到的材料：' });
    blocks.push({ kind: 'table', headers: ['序号', '材料名称', '类别', 'SHA-256（前16位）'], rows: materialRows(r), widths: [1, 5, 3, 3] });
  }
  blocks.push({ kind: 'paragraph', text: '特此通知。' });
  return {
    title: `${review}退回补充通知书`,
    number: `${r.code}`,
    addressee: r.departmentName,
    blocks,
    signature: { lines: [`驻街法律顾问：${notice.advisorName ?? ''}`, r.organName], date: chineseDate(notice.returnedOn) },
    colophon: null,
    meta: { subject: `${review}退回补充通知书 ${r.code}`, author: notice.advisorName ?? r.organName },
  };
}
