import { CASE_KIND_LABELS, CASE_OUTCOME_LABELS, type AdministrativeCaseKind, type AdministrativeCaseOutcome } from '../register/register.enums';
import { AnnualFigureKey, type AnnualFigure } from '../report/annual-figures';
import type { AnnualReport } from '../report/annual-report.service';
import { chineseDate, headingCounter, type Block, type OfficialDocument } from './official-layout';

/**
 * The draft of the annual rule-of-law report (法治政府建设年度报告), R-AR-1…3, in the structure street
 * offices use: an opening paragraph; 一、本年度主要举措和成效 with the year's figures written into
 * the text and listed in a table (each figure exactly as `annualReport(year)` computes it);
 * 二、存在的问题和原因 from the problems section (late filings, overdue reviews) with the records
 * behind them; 三、下年度法治政府建设的工作安排 left to the officer as a marked placeholder. A draft,
 * ready to edit: the office writes its own account of the year around the figures.
 */

/** The marker of the parts the officer writes (searchable in Word/WPS). */
export const PLACEHOLDER = '【待填写】';

/** A rate as the report prints it: one decimal, or 无应报备文件 when nothing was due. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export interface AnnualReportDocumentData {
  organName: string;
  report: AnnualReport;
}

export function annualReportDocument({ organName, report }: AnnualReportDocumentData): OfficialDocument {
  const fig = (key: AnnualFigureKey): AnnualFigure => report.figures.find((f) => f.key === key)!;
  const v = (key: AnnualFigureKey) => fig(key).value;
  const rate = (key: 'FILING_RATE' | 'ON_TIME_RATE') => report.rates.find((r) => r.key === key)!.rate;
  const h = headingCounter();
  const blocks: Block[] = [];
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });

  p(
    `${report.year}年，${organName}坚持以法治思维和法治方式推进各项工作，严格落实重大行政决策程序、合法性审查、规范性文件备案审查等制度，深入扎实开展法治政府建设工作。现将本年度法治政府建设情况报告如下。`,
  );
  p(`（本稿中的数据由系统根据业务记录统计，截至${chineseDate(report.asOf)}；每项数据均可在系统的年度法治统计中查到其所依据的记录。）`);

  blocks.push(h('本年度主要举措和成效'));
  h2('（一）提高行政决策科学化民主化法治化水平');
  p(
    `全年经公众参与、专家论证、风险评估、合法性审查、集体讨论决定等完整程序作出并签发重大行政决策${v(AnnualFigureKey.DECISIONS)}项。` +
      `驻街法律顾问全年出具法律意见书${v(AnnualFigureKey.LEGAL_OPINIONS)}份${v(AnnualFigureKey.OPINION_CORRECTIONS) ? `，出具更正意见${v(AnnualFigureKey.OPINION_CORRECTIONS)}份` : ''}；` +
      `审查合同${v(AnnualFigureKey.CONTRACTS_REVIEWED)}份（合同审查${v(AnnualFigureKey.CONTRACT_REVIEWS)}次）；` +
      `对${v(AnnualFigureKey.ENFORCEMENT_DECISIONS_REVIEWED)}宗重大执法决定进行法制审核。`,
  );
  h2('（二）提升行政规范性文件管理水平');
  p(
    `全年制发行政规范性文件${v(AnnualFigureKey.NORMATIVE_DOCUMENTS_ISSUED)}件，其中应报备${v(AnnualFigureKey.FILING_REQUIRED)}件，` +
      `已报备${v(AnnualFigureKey.FILED)}件，按时报备${v(AnnualFigureKey.FILED_ON_TIME)}件，报备率${percent(rate('FILING_RATE'))}，报备及时率${percent(rate('ON_TIME_RATE'))}。` +
      `开展规范性文件清理，对${v(AnnualFigureKey.DOCUMENTS_CLEANED_UP)}件文件作出清理结论；${v(AnnualFigureKey.DOCUMENTS_ENDED)}件文件届满失效、废止或被修订，并予公布。`,
  );
  h2('（三）健全矛盾纠纷多元化解机制，提供公共法律服务');
  p(
    `全年解答法律咨询${v(AnnualFigureKey.CONSULTATIONS)}次；参与调解矛盾纠纷${v(AnnualFigureKey.MEDIATIONS)}宗，` +
      `结案且调解成功${v(AnnualFigureKey.MEDIATIONS_SETTLED)}宗。`,
  );
  h2('（四）主动接受司法监督和行政复议监督');
  const outcomes = report.caseOutcomes.map(
    (o) => `${CASE_KIND_LABELS[o.kind as AdministrativeCaseKind]}${CASE_OUTCOME_LABELS[o.outcome as AdministrativeCaseOutcome]}${o.count}件`,
  );
  p(
    `全年新立行政诉讼案件${v(AnnualFigureKey.LITIGATION_CASES)}件、行政复议案件${v(AnnualFigureKey.RECONSIDERATION_CASES)}件；` +
      `结案${v(AnnualFigureKey.CASES_CLOSED)}件${outcomes.length ? `，其中${outcomes.join('，')}` : ''}。`,
  );
  h2('（五）加强法治宣传教育');
  p(`全年开展普法活动${v(AnnualFigureKey.PUBLICITY_EVENTS)}场，受众${v(AnnualFigureKey.PUBLICITY_AUDIENCE)}人次。`);
  h2('（六）主要数据一览');
  const main = report.figures.filter((f) => f.section === 'MAIN_WORK');
  blocks.push({
    kind: 'table',
    headers: ['项目', '数值', '统计口径'],
    widths: [3, 1.2, 6],
    rows: [
      ...main.map((f) => [f.label, String(f.value), f.counts]),
      ...report.rates.map((r) => [r.label, percent(r.rate), r.key === 'FILING_RATE' ? '已报备 / 应报备' : '按时报备 / 已报备']),
    ],
  });

  blocks.push(h('存在的问题和原因'));
  const problem = (heading: string, key: AnnualFigureKey, found: (n: number) => string, none: string) => {
    h2(heading);
    const f = fig(key);
    if (f.value === 0) {
      p(none);
      return;
    }
    p(found(f.value));
    f.records.forEach((r, i) => p(`${i + 1}. ${r.label}（${chineseDate(r.on)}到期）`));
    p(`原因分析：${PLACEHOLDER}`);
  };
  problem(
    '（一）规范性文件备案工作有待加强',
    AnnualFigureKey.LATE_FILINGS,
    (n) => `报备期限在本年度的规范性文件中，有${n}件逾期报备或逾期仍未报备：`,
    '本年度报备期限届满的规范性文件均已按时报备。',
  );
  problem(
    '（二）合法性审查时效需进一步加强',
    AnnualFigureKey.OVERDUE_REVIEWS,
    (n) => `审查期限在本年度的合法性审查中，有${n}件超过期限出具意见或逾期仍未出具意见：`,
    '本年度的合法性审查均在期限内出具意见。',
  );

  blocks.push(h('下年度法治政府建设的工作安排'));
  p(`${PLACEHOLDER}本部分由法制工作人员根据下年度工作部署填写，可针对上文所列问题提出改进措施。`);
  h2(`（一）${PLACEHOLDER}`);
  h2(`（二）${PLACEHOLDER}`);

  return {
    title: `${organName}\n${report.year}年度法治政府建设情况报告`,
    number: null,
    addressee: null,
    blocks,
    signature: { lines: [organName], date: chineseDate(report.asOf) },
    colophon: null,
    meta: { subject: `${report.year}年度法治政府建设情况报告（草稿）`, author: organName },
  };
}
