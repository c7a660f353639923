import {
  AcceptReviewDocument,
  AdministrativeCaseKind,
  AdministrativeCaseOutcome,
  AdministrativeCaseStage,
  AnnualCrossCheckDocument,
  AnnualFigureKey,
  AnnualFigureRowsDocument,
  AnnualReportDocument,
  type AnnualReportQuery,
  CreateAdministrativeCaseDocument,
  CreateDisputeMediationDocument,
  CreateLegalConsultationDocument,
  CreatePublicityEventDocument,
  DisputeType,
  IssueOpinionDocument,
  MediationOutcome,
  OpinionConclusion,
  PublicityForm,
  ReviewDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { docxXml, download, pdfText } from '../support/documents';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { aspectsFor } from '../support/packages';
import { buildWorld, type World } from '../support/world';

/**
 * The annual report's figures (R-AR-1…3) over a known year: the world's 2026 (two departments'
 * proposals, reviews, a signed decision, a contract, an enforcement case, a released document) plus,
 * through the API, a correction, a contract opinion and the four registers (some in 2025, to be left
 * out), and — set up directly in the database, as the flags' tests do — documents published, filed on
 * time, filed late, never filed, expired, repealed and cleaned up, and a review overdue. Every figure is
 * checked against the records behind it, and the review and filing figures also against the
 * statistics those areas compute on their own (reviewStatistics, filingStatistics, endedNormativeDocuments).
 */
describe('annual report (年度法治统计)', () => {
  let h: Harness;
  let w: World;
  let report: AnnualReportQuery['annualReport'];
  const id: Record<string, string> = {};
  const sorted = (ids: readonly string[]) => [...ids].sort();
  const figure = (key: AnnualFigureKey) => report.figures.find((f) => f.key === key)!;
  const idsOf = (key: AnnualFigureKey) => sorted(figure(key).ids);

  async function issueOpinion(reviewId: string, text: string) {
    const draft = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text, findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: w.tokens.advisor! }),
    ).saveOpinionDraft.opinion;
    return expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: draft.id, version: draft.version } }, { token: w.tokens.advisor! })).issueOpinion.opinion.id;
  }

  async function insertDocument(title: string, o: { state?: string; verdict?: string | null; publishedOn: string; validUntil?: string; endedOn?: string; department?: string }) {
    const [row] = await h.sql<{ id: string }>(
      `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
         touches_market_entities, confirmed_verdict, red_flag_count, published_on, valid_until, ended_on, version, created_at)
       values (gen_random_uuid(), ?, 'STREET_OFFICE', ?, ?, ?, 1, true, false, ?, 0, ?, ?, ?, 1, now()) returning id`,
      [title, o.department ?? w.dept.JJFZ!, w.uid.drafter!, o.state ?? 'RELEASED', o.verdict === undefined ? 'FILING_REQUIRED' : o.verdict, o.publishedOn, o.validUntil ?? '2030-12-31', o.endedOn ?? null],
    );
    return row!.id;
  }
  async function file(documentId: string, filedOn: string) {
    await h.sql(`insert into filing (id, document_id, authority, filed_on, materials, status, version) values (gen_random_uuid(), ?, '区人民政府（经区司法局）', ?, '["FILING_REPORT","OFFICIAL_TEXT"]', 'FILED', 1)`, [
      documentId,
      filedOn,
    ]);
  }

  beforeAll(async () => {
    h = await startHarness();
    w = await buildWorld(h);
    const t = w.tokens;

    // Reviews: a correction superseding CGZF's opinion (reported apart), and the JJFZ contract reviewed to an opinion.
    id.correction = await issueOpinion(w.cgzf.reviewId, '更正：经审查，合法。（更正后的意见全文）');
    const contractReview = expectOk(await h.gql(ReviewDocument, { id: w.jjfz.contractReviewId }, { token: t.advisor! })).review;
    if (contractReview.status !== 'ACCEPTED') expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: contractReview.id, version: contractReview.version } }, { token: t.advisor! }));
    id.contractOpinion = await issueOpinion(w.jjfz.contractReviewId, '合同审查意见：合法。');
    // A review overdue: JJFZ's proposal review was due before its opinion came (the due day set back in the record).
    await h.sql(`update review_request set due_on = date '2026-03-02', due_sort_key = '2026-03-02' where id = ?`, [w.jjfz.reviewId]);

    // The registers (R-AR-2): 2025 entries stay out of 2026, outcomes count in the year closed.
    type Input<D> = D extends { __apiType?: (variables: { input: infer I }) => unknown } ? I : never;
    const consult = async (input: Input<typeof CreateLegalConsultationDocument>, user: string) =>
      expectOk(await h.gql(CreateLegalConsultationDocument, { input }, { token: t[user]! })).createLegalConsultation.consultation.id;
    const mediate = async (input: Input<typeof CreateDisputeMediationDocument>) =>
      expectOk(await h.gql(CreateDisputeMediationDocument, { input }, { token: t.drafter2! })).createDisputeMediation.mediation.id;
    const sue = async (input: Input<typeof CreateAdministrativeCaseDocument>, user: string) =>
      expectOk(await h.gql(CreateAdministrativeCaseDocument, { input }, { token: t[user]! })).createAdministrativeCase.case.id;
    const publicise = async (input: Input<typeof CreatePublicityEventDocument>, user: string) =>
      expectOk(await h.gql(CreatePublicityEventDocument, { input }, { token: t[user]! })).createPublicityEvent.event.id;
    const consultation = { requester: '居民', answer: '解答意见', advisor: '王律师' };
    id.c1 = await consult({ ...consultation, consultedOn: '2026-01-12', topic: '租赁合同解除' }, 'drafter');
    id.c2 = await consult({ ...consultation, consultedOn: '2026-03-02', topic: '工伤认定' }, 'drafter');
    id.c3 = await consult({ ...consultation, consultedOn: '2026-02-08', topic: '油烟扰民', departmentId: w.dept.CGZF }, 'advisor');
    id.c2025 = await consult({ ...consultation, consultedOn: '2025-12-30', topic: '去年的咨询' }, 'drafter');
    const mediation = { parties: '张某与李某', disputeType: DisputeType.Neighbourhood, summary: '漏水' };
    id.m2026 = await mediate({ ...mediation, receivedOn: '2026-02-03', outcome: MediationOutcome.InProgress });
    id.m2025 = await mediate({ ...mediation, receivedOn: '2025-12-20', outcome: MediationOutcome.Settled, closedOn: '2026-01-06' });
    const lawsuit = { party: '某公司', cause: '不服处罚决定' };
    id.lit2025 = await sue({ ...lawsuit, caseNumber: '(2025)粤0111行初9号', kind: AdministrativeCaseKind.Litigation, stage: AdministrativeCaseStage.Closed, outcome: AdministrativeCaseOutcome.Upheld, openedOn: '2025-11-03', closedOn: '2026-02-10' }, 'drafter2');
    id.rec2026 = await sue({ ...lawsuit, caseNumber: '穗云复〔2026〕1号', kind: AdministrativeCaseKind.Reconsideration, stage: AdministrativeCaseStage.Closed, outcome: AdministrativeCaseOutcome.Revoked, openedOn: '2026-01-05', closedOn: '2026-03-01' }, 'drafter2');
    id.lit2026 = await sue({ ...lawsuit, caseNumber: '(2026)粤0111行初2号', kind: AdministrativeCaseKind.Litigation, stage: AdministrativeCaseStage.FirstInstance, openedOn: '2026-02-14' }, 'drafter');
    id.e1 = await publicise({ heldOn: '2026-01-20', topic: '民法典进社区', form: PublicityForm.Lecture, audienceSize: 85 }, 'drafter');
    id.e2 = await publicise({ heldOn: '2026-03-03', topic: '安全生产法宣传', form: PublicityForm.Campaign, audienceSize: 300 }, 'drafter2');
    id.e2025 = await publicise({ heldOn: '2025-06-01', topic: '去年的讲座', form: PublicityForm.Lecture, audienceSize: 50 }, 'drafter');

    // Normative documents (R-ND-6, R-ND-8, R-ND-10): due 30 days after publication.
    id.onTime = await insertDocument('按时报备的文件', { publishedOn: '2026-02-01' });
    await file(id.onTime, '2026-02-10');
    id.filedLate = await insertDocument('逾期报备的文件', { publishedOn: '2026-01-05', department: w.dept.CGZF });
    await file(id.filedLate, '2026-02-20');
    id.unfiled = await insertDocument('逾期未报备的文件', { publishedOn: '2026-01-10' });
    id.notRequired = await insertDocument('无需报备的文件', { publishedOn: '2026-02-15', verdict: 'NOT_REQUIRED' });
    id.published2025 = await insertDocument('去年公布的文件', { publishedOn: '2025-05-01' });
    await file(id.published2025, '2025-05-20');
    id.expired = await insertDocument('届满失效的文件', { publishedOn: '2021-03-01', validUntil: '2026-02-28', verdict: 'NOT_REQUIRED' });
    id.repealed = await insertDocument('废止的文件', { publishedOn: '2022-03-01', state: 'REPEALED', endedOn: '2026-01-15', verdict: 'NOT_REQUIRED' });
    const [campaign] = await h.sql<{ id: string }>(`insert into cleanup_campaign (id, title, started_on) values (gen_random_uuid(), '2026年规范性文件清理', date '2026-02-01') returning id`);
    const [entry] = await h.sql<{ id: string }>(`insert into cleanup_entry (id, campaign_id, document_id, outcome, reason) values (gen_random_uuid(), ?, ?, 'KEEP', '继续有效') returning id`, [
      campaign!.id,
      id.published2025,
    ]);
    id.cleanup = entry!.id;

    report = expectOk(await h.gql(AnnualReportDocument, { year: 2026 }, { token: t.filing! })).annualReport;
  });
  afterAll(() => h.close());

  it('counts the registers of the year with their ids, outcomes in the year closed (R-AR-1, R-AR-2)', () => {
    expect(report).toMatchObject({ year: 2026, asOf: '2026-03-05' });
    expect(idsOf(AnnualFigureKey.Consultations)).toEqual(sorted([id.c1!, id.c2!, id.c3!]));
    expect(idsOf(AnnualFigureKey.Mediations)).toEqual([id.m2026]);
    expect(idsOf(AnnualFigureKey.MediationsSettled)).toEqual([id.m2025]);
    expect(idsOf(AnnualFigureKey.LitigationCases)).toEqual([id.lit2026]);
    expect(idsOf(AnnualFigureKey.ReconsiderationCases)).toEqual([id.rec2026]);
    expect(idsOf(AnnualFigureKey.CasesClosed)).toEqual(sorted([id.lit2025!, id.rec2026!]));
    expect(report.caseOutcomes).toEqual([
      { kind: 'LITIGATION', outcome: 'UPHELD', count: 1, ids: [id.lit2025] },
      { kind: 'RECONSIDERATION', outcome: 'REVOKED', count: 1, ids: [id.rec2026] },
    ]);
    expect(idsOf(AnnualFigureKey.PublicityEvents)).toEqual(sorted([id.e1!, id.e2!]));
    expect(figure(AnnualFigureKey.PublicityEvents).value).toBe(2);
    expect(figure(AnnualFigureKey.PublicityAudience)).toMatchObject({ value: 385 });
    expect(idsOf(AnnualFigureKey.PublicityAudience)).toEqual(sorted([id.e1!, id.e2!]));
  });

  it('counts decisions, opinions apart from corrections, distinct contracts and enforcement cases — as the review statistics do (R-AR-1)', async () => {
    const cross = expectOk(await h.gql(AnnualCrossCheckDocument, { from: '2026-01-01', to: '2026-12-31' }, { token: w.tokens.admin! }));
    const rs = cross.reviewStatistics;
    expect(idsOf(AnnualFigureKey.Decisions)).toEqual([w.jjfz.decisionId]);
    const opinions = sorted(rs.byConclusion.flatMap((c) => c.opinionIds));
    expect(opinions).toEqual(expect.arrayContaining([w.jjfz.opinionId, w.cgzf.opinionId, id.contractOpinion]));
    expect(idsOf(AnnualFigureKey.LegalOpinions)).toEqual(opinions);
    expect(idsOf(AnnualFigureKey.OpinionCorrections)).toEqual([id.correction]);
    expect(sorted(rs.correctionIds)).toEqual([id.correction]);
    expect(idsOf(AnnualFigureKey.ContractsReviewed)).toEqual([w.jjfz.contractId]);
    expect(sorted(rs.contractIds)).toEqual([w.jjfz.contractId]);
    expect(idsOf(AnnualFigureKey.ContractReviews)).toEqual([w.jjfz.contractReviewId]);
    expect(idsOf(AnnualFigureKey.EnforcementDecisionsReviewed)).toEqual([w.cgzf.enforcementCaseId]);
    expect(sorted(rs.enforcementCaseIds)).toEqual([w.cgzf.enforcementCaseId]);
  });

  it('counts documents issued, filed, filed on time, ended and cleaned up, with the filing and on-time rates (R-ND-8, R-ND-10)', async () => {
    const cross = expectOk(await h.gql(AnnualCrossCheckDocument, { from: '2026-01-01', to: '2026-12-31' }, { token: w.tokens.admin! }));
    const fs = cross.filingStatistics;
    const issued = idsOf(AnnualFigureKey.NormativeDocumentsIssued);
    expect(issued).toEqual(expect.arrayContaining([id.onTime, id.filedLate, id.unfiled, id.notRequired]));
    expect(issued).not.toContain(id.published2025);
    expect(issued).not.toContain(id.expired);
    expect(idsOf(AnnualFigureKey.FilingRequired)).toEqual(sorted(fs.requiredIds));
    expect(idsOf(AnnualFigureKey.FilingRequired)).toEqual(expect.arrayContaining([id.onTime, id.filedLate, id.unfiled]));
    expect(idsOf(AnnualFigureKey.Filed)).toEqual(sorted(fs.filedIds));
    expect(idsOf(AnnualFigureKey.Filed)).toEqual(expect.arrayContaining([id.onTime, id.filedLate]));
    expect(idsOf(AnnualFigureKey.FiledOnTime)).toEqual(sorted(fs.onTimeIds));
    expect(idsOf(AnnualFigureKey.FiledOnTime)).toContain(id.onTime);
    expect(idsOf(AnnualFigureKey.FiledOnTime)).not.toContain(id.filedLate);
    const rate = (key: string) => report.rates.find((r) => r.key === key)!;
    expect(rate('FILING_RATE').rate).toBeCloseTo(fs.filedIds.length / fs.requiredIds.length);
    expect(rate('ON_TIME_RATE').rate).toBeCloseTo(fs.onTimeIds.length / fs.filedIds.length);
    expect(rate('FILING_RATE').byMonth.find((m) => m.month === 1)!.rate).toBeCloseTo(1 / 2); // January: filed late, never filed
    expect(rate('ON_TIME_RATE').byMonth.find((m) => m.month === 2)!.rate).toBe(1);
    expect(rate('ON_TIME_RATE').byMonth.find((m) => m.month === 6)!.rate).toBeNull();
    expect(idsOf(AnnualFigureKey.DocumentsEnded)).toEqual(sorted([id.expired!, id.repealed!]));
    expect(idsOf(AnnualFigureKey.DocumentsEnded)).toEqual(sorted(cross.endedNormativeDocuments.nodes.map((n) => n.document.id)));
    expect(idsOf(AnnualFigureKey.DocumentsCleanedUp)).toEqual([id.cleanup]);
  });

  it('lists the problems for the report: late filings and overdue reviews (R-AR-3)', () => {
    expect(idsOf(AnnualFigureKey.LateFilings)).toEqual(sorted([id.filedLate!, id.unfiled!]));
    expect(idsOf(AnnualFigureKey.OverdueReviews)).toEqual([w.jjfz.reviewId]);
    expect(report.problems.map((p) => p.key)).toEqual(['LATE_FILINGS', 'OVERDUE_REVIEWS']);
    const late = report.problems[0]!.records;
    expect(late.find((r) => r.id === id.unfiled)!.label).toContain('逾期未报备');
    expect(late.find((r) => r.id === id.filedLate)!.label).toContain('2026-02-20 逾期报备');
    expect(report.problems[1]!.records[0]!.label).toContain('已超期');
  });

  it('splits every figure by month and by department, the parts adding up to the whole with the same ids', () => {
    for (const f of report.figures) {
      expect(f.byMonth.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(f.byMonth.reduce((s, m) => s + m.value, 0)).toBe(f.value);
      expect(sorted(f.byMonth.flatMap((m) => m.ids))).toEqual(sorted(f.ids));
      expect(f.byDepartment.reduce((s, d) => s + d.value, 0)).toBe(f.value);
      expect(sorted(f.byDepartment.flatMap((d) => d.ids))).toEqual(sorted(f.ids));
      expect(sorted(f.records.map((r) => r.id))).toEqual(sorted(f.ids));
      for (const r of f.records) expect(r.on.startsWith('2026-')).toBe(true);
    }
    const consultations = figure(AnnualFigureKey.Consultations);
    expect(consultations.byMonth.slice(0, 3).map((m) => m.ids)).toEqual([[id.c1], [id.c3], [id.c2]]);
    expect(consultations.byDepartment.map((d) => [d.department.code, d.value])).toEqual([
      ['JJFZ', 2],
      ['CGZF', 1],
    ]);
    const audience = figure(AnnualFigureKey.PublicityAudience);
    expect(audience.byDepartment.map((d) => [d.department.code, d.value])).toEqual([
      ['CGZF', 300],
      ['JJFZ', 85],
    ]);
    expect(audience.byMonth[0]!.value).toBe(85);
  });

  it('drills down from a figure to its rows', async () => {
    const rows = expectOk(await h.gql(AnnualFigureRowsDocument, { year: 2026, key: AnnualFigureKey.CasesClosed }, { token: w.tokens.director! })).annualReport.figure;
    expect(rows.value).toBe(2);
    expect(rows.records).toEqual([
      { id: id.lit2025, label: '(2025)粤0111行初9号 不服处罚决定', on: '2026-02-10', department: { code: 'CGZF' } },
      { id: id.rec2026, label: '穗云复〔2026〕1号 不服处罚决定', on: '2026-03-01', department: { code: 'CGZF' } },
    ]);
  });

  it('reads in a bounded number of statements, the same for a full year as for a nearly empty one', async () => {
    const count = async (year: number) => {
      h.statements.reset();
      expectOk(await h.gql(AnnualReportDocument, { year }, { token: w.tokens.advisor! }));
      return h.statements.list.length;
    };
    // 2026 holds dozens of rows over every figure, 2025 a handful, 2024 none: the union, then the departments named.
    const full = await count(2026);
    expect(full).toBe(await count(2025));
    expect(full).toBeLessThanOrEqual(3);
    expect(await count(2024)).toBeLessThanOrEqual(full);
  });

  it('drafts the report as a DOCX in the seed structure, every figure in its text equal to the figures above (R-AR-1…3)', async () => {
    expect(report.documents.map((d) => d.url)).toEqual(['/documents/annual-report/2026.docx', '/documents/annual-report/2026.pdf']);
    const res = await download(h, '/documents/annual-report/2026.docx', w.tokens.filing!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('2026年度法治政府建设情况报告.docx')}`);
    const { text } = await docxXml(res.body);
    const v = (key: AnnualFigureKey) => figure(key).value;
    const pct = (key: string) => {
      const r = report.rates.find((x) => x.key === key)!.rate;
      return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
    };
    // The structure: title, the three parts in order, the officer's part marked as a placeholder.
    expect(text).toContain('2026年度法治政府建设情况报告');
    const parts = ['一、本年度主要举措和成效', '二、存在的问题和原因', '三、下年度法治政府建设的工作安排'].map((p) => text.indexOf(p));
    expect(parts.every((i) => i > 0)).toBe(true);
    expect([...parts].sort((a, b) => a - b)).toEqual(parts);
    expect(text.slice(parts[2]!)).toContain('【待填写】');
    // The main work: the figures written into the sentences …
    expect(text).toContain(`作出并签发重大行政决策${v(AnnualFigureKey.Decisions)}项`);
    expect(text).toContain(`出具法律意见书${v(AnnualFigureKey.LegalOpinions)}份`);
    expect(text).toContain(`出具更正意见${v(AnnualFigureKey.OpinionCorrections)}份`);
    expect(text).toContain(`审查合同${v(AnnualFigureKey.ContractsReviewed)}份（合同审查${v(AnnualFigureKey.ContractReviews)}次）`);
    expect(text).toContain(`对${v(AnnualFigureKey.EnforcementDecisionsReviewed)}宗重大执法决定进行法制审核`);
    expect(text).toContain(`制发行政规范性文件${v(AnnualFigureKey.NormativeDocumentsIssued)}件，其中应报备${v(AnnualFigureKey.FilingRequired)}件`);
    expect(text).toContain(`已报备${v(AnnualFigureKey.Filed)}件，按时报备${v(AnnualFigureKey.FiledOnTime)}件，报备率${pct('FILING_RATE')}，报备及时率${pct('ON_TIME_RATE')}`);
    expect(text).toContain(`对${v(AnnualFigureKey.DocumentsCleanedUp)}件文件作出清理结论；${v(AnnualFigureKey.DocumentsEnded)}件文件届满失效`);
    expect(text).toContain(`解答法律咨询${v(AnnualFigureKey.Consultations)}次；参与调解矛盾纠纷${v(AnnualFigureKey.Mediations)}宗`);
    expect(text).toContain(`调解成功${v(AnnualFigureKey.MediationsSettled)}宗`);
    expect(text).toContain(`行政诉讼案件${v(AnnualFigureKey.LitigationCases)}件、行政复议案件${v(AnnualFigureKey.ReconsiderationCases)}件；结案${v(AnnualFigureKey.CasesClosed)}件`);
    expect(text).toContain(`开展普法活动${v(AnnualFigureKey.PublicityEvents)}场，受众${v(AnnualFigureKey.PublicityAudience)}人次`);
    // … and every main-work figure in the table: name, value, what it counts.
    for (const f of report.figures.filter((x) => x.section === 'MAIN_WORK')) expect(text).toContain(`${f.label}${f.value}${f.counts}`);
    // The problems: late filings and overdue reviews, each record named.
    const problems = text.slice(parts[1]!, parts[2]!);
    expect(problems).toContain(`有${v(AnnualFigureKey.LateFilings)}件逾期报备或逾期仍未报备`);
    expect(problems).toContain(`有${v(AnnualFigureKey.OverdueReviews)}件超过期限出具意见或逾期仍未出具意见`);
    for (const p of report.problems) for (const r of p.records) expect(problems).toContain(r.label);
    expect(v(AnnualFigureKey.LateFilings)).toBe(2);

    const pdf = await download(h, '/documents/annual-report/2026.pdf', w.tokens.director!);
    expect(pdf.status).toBe(200);
    const pdfRead = await pdfText(pdf.body);
    expect(pdfRead.text).toContain('2026年度法治政府建设情况报告');
    expect(pdfRead.text).toContain(`出具法律意见书${v(AnnualFigureKey.LegalOpinions)}份`);
  });

  it('refuses the drafted report to drafters, and a malformed or out-of-range year is bad input', async () => {
    const refused = await download(h, '/documents/annual-report/2026.docx', w.tokens.drafter!);
    expect(refused.status).toBe(403);
    expect(refused.json().errors[0]!.extensions.code).toBe('FORBIDDEN');
    for (const url of ['/documents/annual-report/1999.docx', '/documents/annual-report/20x6.docx', '/documents/annual-report/2026.xlsx']) {
      const bad = await download(h, url, w.tokens.filing!);
      expect(bad.status).toBe(400);
      expect(bad.json().errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await download(h, '/documents/annual-report/2026.docx', null)).status).toBe(401);
  });

  it('is refused to drafters, and a year out of range is bad input', async () => {
    expectError(await h.gql(AnnualReportDocument, { year: 2026 }, { token: w.tokens.drafter! }), 'FORBIDDEN');
    const bad = expectError(await h.gql(AnnualReportDocument, { year: 1999 }, { token: w.tokens.admin! }), 'BAD_USER_INPUT');
    expect(bad.message).toContain('年度应为 2000–2100 之间的整数');
  });
});
