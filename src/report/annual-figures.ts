import { registerEnumType } from 'type-graphql';

/**
 * The figures of a street's rule-of-law year (法治政府建设年度报告), R-AR-1 … R-AR-3: what each
 * counts, and how the rows behind a figure are grouped by month and by department. Pure, no I/O.
 */
export enum AnnualFigureKey {
  DECISIONS = 'DECISIONS',
  LEGAL_OPINIONS = 'LEGAL_OPINIONS',
  OPINION_CORRECTIONS = 'OPINION_CORRECTIONS',
  CONTRACTS_REVIEWED = 'CONTRACTS_REVIEWED',
  CONTRACT_REVIEWS = 'CONTRACT_REVIEWS',
  ENFORCEMENT_DECISIONS_REVIEWED = 'ENFORCEMENT_DECISIONS_REVIEWED',
  NORMATIVE_DOCUMENTS_ISSUED = 'NORMATIVE_DOCUMENTS_ISSUED',
  FILING_REQUIRED = 'FILING_REQUIRED',
  FILED = 'FILED',
  FILED_ON_TIME = 'FILED_ON_TIME',
  DOCUMENTS_CLEANED_UP = 'DOCUMENTS_CLEANED_UP',
  DOCUMENTS_ENDED = 'DOCUMENTS_ENDED',
  CONSULTATIONS = 'CONSULTATIONS',
  MEDIATIONS = 'MEDIATIONS',
  MEDIATIONS_SETTLED = 'MEDIATIONS_SETTLED',
  LITIGATION_CASES = 'LITIGATION_CASES',
  RECONSIDERATION_CASES = 'RECONSIDERATION_CASES',
  CASES_CLOSED = 'CASES_CLOSED',
  PUBLICITY_EVENTS = 'PUBLICITY_EVENTS',
  PUBLICITY_AUDIENCE = 'PUBLICITY_AUDIENCE',
  LATE_FILINGS = 'LATE_FILINGS',
  OVERDUE_REVIEWS = 'OVERDUE_REVIEWS',
}

/** Where a figure goes in the report: the main work, or the problems found (R-AR-3). */
export enum AnnualSection {
  MAIN_WORK = 'MAIN_WORK',
  PROBLEMS = 'PROBLEMS',
}

/** What kind of record stands behind a figure: the console links each kind to its screen. */
export enum AnnualRecordKind {
  DECISION = 'DECISION',
  LEGAL_OPINION = 'LEGAL_OPINION',
  CONTRACT = 'CONTRACT',
  REVIEW_REQUEST = 'REVIEW_REQUEST',
  ENFORCEMENT_CASE = 'ENFORCEMENT_CASE',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
  CLEANUP_ENTRY = 'CLEANUP_ENTRY',
  LEGAL_CONSULTATION = 'LEGAL_CONSULTATION',
  DISPUTE_MEDIATION = 'DISPUTE_MEDIATION',
  ADMINISTRATIVE_CASE = 'ADMINISTRATIVE_CASE',
  PUBLICITY_EVENT = 'PUBLICITY_EVENT',
}

export interface FigureDefinition {
  label: string;
  /** What the figure counts, in the report's words. */
  counts: string;
  section: AnnualSection;
  record: AnnualRecordKind;
  /** The figure's value is the sum of its rows' amounts (audience), not their number. */
  sums?: boolean;
}

export const FIGURES: Record<AnnualFigureKey, FigureDefinition> = {
  DECISIONS: { label: '重大行政决策', counts: '经完整程序作出并签发的重大行政决策（签发日期在当年）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.DECISION },
  LEGAL_OPINIONS: { label: '出具法律意见书', counts: '当年出具的法律意见（更正意见不计入）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.LEGAL_OPINION },
  OPINION_CORRECTIONS: { label: '更正法律意见', counts: '当年出具、取代原意见的更正意见', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.LEGAL_OPINION },
  CONTRACTS_REVIEWED: { label: '审查合同', counts: '当年出具审查意见的合同（同一合同多次审查计一份）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.CONTRACT },
  CONTRACT_REVIEWS: { label: '合同审查次数', counts: '当年出具意见的合同审查（每次审查计一次）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.REVIEW_REQUEST },
  ENFORCEMENT_DECISIONS_REVIEWED: { label: '重大执法决定法制审核', counts: '当年出具法制审核意见的执法案件（按案件计）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.ENFORCEMENT_CASE },
  NORMATIVE_DOCUMENTS_ISSUED: { label: '制发规范性文件', counts: '当年公布的规范性文件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  FILING_REQUIRED: { label: '应报备规范性文件', counts: '当年公布且经确认须报备的规范性文件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  FILED: { label: '已报备规范性文件', counts: '当年公布、须报备且已报备的规范性文件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  FILED_ON_TIME: { label: '按时报备规范性文件', counts: '已报备文件中在报备期限内报备的', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  DOCUMENTS_CLEANED_UP: { label: '清理规范性文件', counts: '当年开展的文件清理中作出清理结论的文件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.CLEANUP_ENTRY },
  DOCUMENTS_ENDED: { label: '失效、废止的规范性文件', counts: '当年届满失效、废止或被修订的规范性文件（应予公布）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  CONSULTATIONS: { label: '解答法律咨询', counts: '当年登记的法律咨询', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.LEGAL_CONSULTATION },
  MEDIATIONS: { label: '参与调解矛盾纠纷', counts: '当年受理的矛盾纠纷调解（按宗计）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.DISPUTE_MEDIATION },
  MEDIATIONS_SETTLED: { label: '调解成功', counts: '当年结案且调解成功的纠纷', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.DISPUTE_MEDIATION },
  LITIGATION_CASES: { label: '行政诉讼案件', counts: '当年立案的行政诉讼案件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.ADMINISTRATIVE_CASE },
  RECONSIDERATION_CASES: { label: '行政复议案件', counts: '当年受理的行政复议案件', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.ADMINISTRATIVE_CASE },
  CASES_CLOSED: { label: '行政诉讼、复议结案', counts: '当年结案的行政诉讼、行政复议案件（结果计入结案当年）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.ADMINISTRATIVE_CASE },
  PUBLICITY_EVENTS: { label: '开展普法活动', counts: '当年举办的普法活动（场次）', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.PUBLICITY_EVENT },
  PUBLICITY_AUDIENCE: { label: '普法受众', counts: '当年普法活动的受众人数合计', section: AnnualSection.MAIN_WORK, record: AnnualRecordKind.PUBLICITY_EVENT, sums: true },
  LATE_FILINGS: { label: '逾期报备', counts: '报备期限在当年、逾期报备或逾期仍未报备的规范性文件', section: AnnualSection.PROBLEMS, record: AnnualRecordKind.NORMATIVE_DOCUMENT },
  OVERDUE_REVIEWS: { label: '审查超期', counts: '审查期限在当年、超过期限出具意见或逾期仍未出具意见的合法性审查', section: AnnualSection.PROBLEMS, record: AnnualRecordKind.REVIEW_REQUEST },
};

registerEnumType(AnnualFigureKey, {
  name: 'AnnualFigureKey',
  description: 'A figure of the annual rule-of-law report (年度报告数据项)',
  valuesConfig: Object.fromEntries(Object.entries(FIGURES).map(([k, f]) => [k, { description: `${f.label}：${f.counts}` }])),
});
registerEnumType(AnnualSection, {
  name: 'AnnualSection',
  description: 'Section of the annual report (报告部分)',
  valuesConfig: { MAIN_WORK: { description: '主要举措和成效' }, PROBLEMS: { description: '存在的问题' } },
});
registerEnumType(AnnualRecordKind, {
  name: 'AnnualRecordKind',
  description: 'Kind of record behind a figure (数据来源记录类型)',
  valuesConfig: {
    DECISION: { description: '重大行政决策' },
    LEGAL_OPINION: { description: '法律意见' },
    CONTRACT: { description: '合同' },
    REVIEW_REQUEST: { description: '合法性审查' },
    ENFORCEMENT_CASE: { description: '执法案件' },
    NORMATIVE_DOCUMENT: { description: '规范性文件' },
    CLEANUP_ENTRY: { description: '文件清理结论' },
    LEGAL_CONSULTATION: { description: '法律咨询' },
    DISPUTE_MEDIATION: { description: '矛盾纠纷调解' },
    ADMINISTRATIVE_CASE: { description: '行政诉讼、行政复议案件' },
    PUBLICITY_EVENT: { description: '普法活动' },
  },
});

/** One row behind a figure, as the report's query returns it. */
export interface FigureRow {
  figure: string;
  id: string;
  departmentId: string;
  /** The day that places it in the year (YYYY-MM-DD). */
  on: string;
  label: string;
  amount: number;
}

export interface Breakdown {
  value: number;
  ids: string[];
}
export interface FigureRecord {
  id: string;
  label: string;
  on: string;
  departmentId: string;
  amount: number;
}
export interface AnnualFigure extends Breakdown, FigureDefinition {
  key: AnnualFigureKey;
  byMonth: (Breakdown & { month: number })[];
  byDepartment: (Breakdown & { departmentId: string })[];
  records: FigureRecord[];
}
export interface AnnualRate {
  key: 'FILING_RATE' | 'ON_TIME_RATE';
  label: string;
  numerator: AnnualFigureKey;
  denominator: AnnualFigureKey;
  /** null when the denominator is 0. */
  rate: number | null;
  byMonth: { month: number; rate: number | null }[];
  byDepartment: { departmentId: string; rate: number | null }[];
}

function breakdown(rows: FigureRow[], sums: boolean): Breakdown {
  return { value: sums ? rows.reduce((s, r) => s + r.amount, 0) : rows.length, ids: rows.map((r) => r.id) };
}

/** A figure from its rows (ordered by day, then id): total, twelve months, departments by value. */
export function figureOf(key: AnnualFigureKey, rows: FigureRow[]): AnnualFigure {
  const def = FIGURES[key];
  const sums = def.sums ?? false;
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...breakdown(rows.filter((r) => Number(r.on.slice(5, 7)) === i + 1), sums) }));
  const departments = [...new Set(rows.map((r) => r.departmentId))];
  const byDepartment = departments
    .map((departmentId) => ({ departmentId, ...breakdown(rows.filter((r) => r.departmentId === departmentId), sums) }))
    .sort((a, b) => b.value - a.value || a.departmentId.localeCompare(b.departmentId));
  return {
    key,
    ...def,
    ...breakdown(rows, sums),
    byMonth,
    byDepartment,
    records: rows.map((r) => ({ id: r.id, label: r.label, on: r.on, departmentId: r.departmentId, amount: r.amount })),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** A rate between two figures, overall, by month and by department (报备率、及时率, R-ND-8). */
export function rateOf(key: AnnualRate['key'], label: string, numerator: AnnualFigure, denominator: AnnualFigure): AnnualRate {
  return {
    key,
    label,
    numerator: numerator.key,
    denominator: denominator.key,
    rate: ratio(numerator.value, denominator.value),
    byMonth: denominator.byMonth.map((m) => ({ month: m.month, rate: ratio(numerator.byMonth[m.month - 1]!.value, m.value) })),
    byDepartment: denominator.byDepartment.map((d) => ({ departmentId: d.departmentId, rate: ratio(numerator.byDepartment.find((n) => n.departmentId === d.departmentId)?.value ?? 0, d.value) })),
  };
}

/** Case outcomes closed in the year, per kind and outcome (R-AR-1: an outcome counts in the year closed). */
export function caseOutcomes(rows: FigureRow[]): { kind: string; outcome: string; count: number; ids: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const [, kind, outcome] = r.figure.split(':');
    const k = `${kind}:${outcome}`;
    groups.set(k, [...(groups.get(k) ?? []), r.id]);
  }
  return [...groups].map(([k, ids]) => ({ kind: k.split(':')[0]!, outcome: k.split(':')[1]!, count: ids.length, ids })).sort((a, b) => `${a.kind}${a.outcome}`.localeCompare(`${b.kind}${b.outcome}`));
}
