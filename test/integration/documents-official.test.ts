import { DocumentFormat, DocumentKind, DocumentLinksDocument, RegisterLinksDocument, ReturnedReviewDocumentsDocument, ReturnReviewDocument } from '../__generated__/graphql';
import { docxXml, download, pdfText } from '../support/documents';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { buildWorld, type World } from '../support/world';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The official documents (issue #14): each generated file is opened with a reader — the DOCX
 * unzipped and its word/document.xml read, the PDF's text extracted by pdf-parse — and checked for
 * its content and layout fields; access follows the record's rules.
 */
describe('official documents (DOCX and PDF)', () => {
  let h: Harness;
  let w: World;
  let t: Record<string, string>;
  let contractReviewCode: string;

  beforeAll(async () => {
    h = await startHarness();
    w = await buildWorld(h);
    t = w.tokens;
    const r = expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: w.jjfz.contractReviewId, version: 1, missing: '请补充相对方资质证明材料及履约保证金条款说明' } }, { token: t.advisor! }))
      .returnReview.review;
    contractReviewCode = r.code;
  }, 180_000);
  afterAll(() => h?.close());

  it('the legal opinion as DOCX: Chinese title, number, addressee, aspects, body, conclusion, signature and date, A4 with the official margins', async () => {
    const [rev] = await h.sql<{ code: string; name: string }>('select r.code, d.name from review_request r join department d on d.id = r.department_id where r.id = ?', [w.jjfz.reviewId]);
    const res = await download(h, `/documents/legal-opinion/${w.jjfz.opinionId}.docx`, t.drafter!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`法律意见书-${rev!.code}-1.docx`)}`);
    const { xml, text } = await docxXml(res.body);
    expect(text).toContain('关于《电竞产业扶持办法》的');
    expect(text).toContain('法律意见书');
    expect(text).toContain(`${rev!.code}（第1号意见）`);
    expect(text).toContain(`${rev!.name}：`); // the addressee: the requesting department
    expect(text).toContain('一、审查事项');
    expect(text).toContain('审查编号：' + rev!.code);
    expect(text).toContain('主体与权限：符合');
    expect(text).toContain('经审查，合法。（法律意见全文）');
    expect(text).toContain('意见正文');
    expect(text).toContain('合法。');
    expect(text).toContain('驻街法律顾问：');
    expect(text).toContain('白云湖街道办事处');
    expect(text).toContain('2026年3月5日');
    // GB/T 9704: A4 (11906 × 16838 twips), top 37 mm, left 28 mm; fonts named; page numbers in the footer.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it('the opinion with findings as PDF: text readable, the findings and their legal basis present, a CJK font subset embedded', async () => {
    const [o] = await h.sql<{ id: string }>(`select id from legal_opinion where review_id = ? and status = 'ISSUED'`, [w.cgzf.enforcementReviewId]);
    const res = await download(h, `/documents/legal-opinion/${o!.id}.pdf`, t.drafter2!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await pdfText(res.body);
    expect(pdf.text).toContain('法制审核意见书');
    expect(pdf.text).toContain('广州市某餐饮管理有限公司油烟超标排放案');
    expect(pdf.text).toContain('审查发现的问题');
    expect(pdf.text).toContain('执法主体适格');
    expect(pdf.text).toContain('《中华人民共和国行政处罚法》');
    expect(pdf.text).toContain('同意。');
    expect(pdf.text).toContain('—1—');
    expect(pdf.embeddedFonts.some((f) => f.includes('NotoSerifSC'))).toBe(true);
    // Only the glyphs used are embedded: far below the 14.8 MB of the whole font.
    expect(res.body.length).toBeLessThan(300_000);
  });

  it('the return notice lists what is missing, as DOCX and PDF', async () => {
    const docx = await download(h, `/documents/return-notice/${w.jjfz.contractReviewId}.docx`, t.drafter!);
    expect(docx.status).toBe(200);
    const { text } = await docxXml(docx.body);
    expect(text).toContain('合法性审查退回补充通知书');
    expect(text).toContain(contractReviewCode);
    expect(text).toContain('《电竞场馆租赁合同》');
    expect(text).toContain('请补充相对方资质证明材料及履约保证金条款说明');
    expect(text).toContain('2026年3月5日');
    const pdf = await pdfText((await download(h, `/documents/return-notice/${w.jjfz.contractReviewId}.pdf`, t.advisor!)).body);
    expect(pdf.text).toContain('退回补充通知书');
    expect(pdf.text).toContain('请补充相对方资质证明材料');
  });

  it('the decision document after sign-off: title, document number, signed text hash, meeting and colophon', async () => {
    const [d] = await h.sql<{ document_number: string | null; signed_draft_hash: string }>('select document_number, signed_draft_hash from decision where id = ?', [w.jjfz.decisionId]);
    const res = await download(h, `/documents/decision/${w.jjfz.decisionId}.docx`, t.drafter!);
    expect(res.status).toBe(200);
    const { text } = await docxXml(res.body);
    expect(text).toContain('关于电竞产业扶持办法的决定');
    if (d!.document_number) expect(text).toContain(d!.document_number);
    expect(text).toContain('第一条 ……');
    expect(text).toContain(`SHA-256 ${d!.signed_draft_hash}`);
    expect(text).toContain('2026年第3次主任办公会议');
    expect(text).toContain('印发');
    const pdf = await pdfText((await download(h, `/documents/decision/${w.jjfz.decisionId}.pdf`, t.director!)).body);
    expect(pdf.text).toContain('关于电竞产业扶持办法的决定');
    expect(pdf.embeddedFonts.length).toBeGreaterThan(0);
  });

  it('the published decision directory: every item in a table with its sponsor and quarter', async () => {
    const res = await download(h, `/documents/decision-directory/${w.directoryId}.docx`, t.drafter2!);
    expect(res.status).toBe(200);
    const { text, xml } = await docxXml(res.body);
    expect(text).toContain('白云湖街2026年度重大行政决策事项目录');
    expect(text).toContain('电竞产业扶持办法');
    expect(text).toContain('餐饮油烟专项整治方案');
    expect(text).toContain('第2季度');
    expect(text).toContain('共2项');
    expect(xml).toContain('<w:tbl>');
    const pdf = await pdfText((await download(h, `/documents/decision-directory/${w.directoryId}.pdf`, t.drafter2!)).body);
    expect(pdf.text).toContain('餐饮油烟专项整治方案');
  });

  it('the filing report: addressed to the filing authority, with the registration number and the material list', async () => {
    const res = await download(h, `/documents/filing-report/${w.jjfz.releasedDocumentId}.docx`, t.filing!);
    expect(res.status).toBe(200);
    const { text } = await docxXml(res.body);
    expect(text).toContain('关于报送《白云湖街出租屋消防安全管理办法》的');
    expect(text).toContain('备案报告');
    expect(text).toContain('云湖街规〔2026〕1号');
    expect(text).toContain('区人民政府（经区司法局）：');
    expect(text).toContain('起草说明（附合法性审核意见）');
    expect(text).toContain('已备齐');
    expect(text).toContain('未备齐');
    expect(text).toContain('请予备案。');
    const pdf = await pdfText((await download(h, `/documents/filing-report/${w.jjfz.releasedDocumentId}.pdf`, t.drafter!)).body);
    expect(pdf.text).toContain('云湖街规〔2026〕1号');
  });

  it('the API lists the download links where a console needs them, only when the document exists and the caller may have it', async () => {
    const vars = { proposalId: w.jjfz.proposalId, reviewId: w.jjfz.reviewId, directoryId: w.directoryId, documentId: w.jjfz.releasedDocumentId };
    const r = expectOk(await h.gql(DocumentLinksDocument, vars, { token: t.drafter! }));
    const urls = (links: { url: string }[]) => links.map((l) => l.url);
    expect(urls(r.review.opinions[0]!.documents)).toEqual([`/documents/legal-opinion/${w.jjfz.opinionId}.docx`, `/documents/legal-opinion/${w.jjfz.opinionId}.pdf`]);
    expect(r.review.opinions[0]!.documents[0]).toMatchObject({ kind: DocumentKind.LegalOpinion, format: DocumentFormat.Docx, title: '法律意见书' });
    expect(r.review.documents).toEqual([]); // never returned
    expect(urls(r.proposal.decision!.documents)).toEqual([
      `/documents/decision/${w.jjfz.decisionId}.docx`,
      `/documents/decision/${w.jjfz.decisionId}.pdf`,
      `/documents/decision-archive/${w.jjfz.proposalId}.zip`,
    ]);
    expect(urls(r.directory.documents)).toEqual([`/documents/decision-directory/${w.directoryId}.docx`, `/documents/decision-directory/${w.directoryId}.pdf`]);
    expect(urls(r.normativeDocument.documents)).toEqual([`/documents/filing-report/${w.jjfz.releasedDocumentId}.docx`, `/documents/filing-report/${w.jjfz.releasedDocumentId}.pdf`]);
    expect(urls(r.registers)).toEqual(['/documents/normative-register.xlsx', '/documents/review-register.xlsx', '/documents/contract-register.xlsx']);
    // Every listed link downloads.
    for (const url of [...urls(r.review.opinions[0]!.documents), ...urls(r.proposal.decision!.documents), ...urls(r.registers)]) {
      expect([url, (await download(h, url, t.drafter!)).status]).toEqual([url, 200]);
    }
    // The returned contract review offers its notice; the filing officer sees the flags register too.
    const returned = expectOk(await h.gql(ReturnedReviewDocumentsDocument, { id: w.jjfz.contractReviewId }, { token: t.advisor! })).review;
    expect(urls(returned.documents)).toEqual([`/documents/return-notice/${w.jjfz.contractReviewId}.docx`, `/documents/return-notice/${w.jjfz.contractReviewId}.pdf`]);
    expect(urls(expectOk(await h.gql(RegisterLinksDocument, {}, { token: t.filing! })).registers)).toContain('/documents/filing-flags.xlsx');
    // The released document is public law, but its filing papers are not: CGZF's drafter gets no filing report link.
    const other = expectOk(await h.gql(DocumentLinksDocument, { ...vars, proposalId: w.cgzf.proposalId, reviewId: w.cgzf.reviewId }, { token: t.drafter2! }));
    expect(other.normativeDocument.documents).toEqual([]);
  });

  it('another department’s drafter is refused every record document with a JSON error code, never a 500', async () => {
    const urls = [
      `/documents/legal-opinion/${w.jjfz.opinionId}.docx`,
      `/documents/legal-opinion/${w.jjfz.opinionId}.pdf`,
      `/documents/return-notice/${w.jjfz.contractReviewId}.pdf`,
      `/documents/decision/${w.jjfz.decisionId}.docx`,
      `/documents/filing-report/${w.jjfz.releasedDocumentId}.pdf`,
      `/documents/decision-archive/${w.jjfz.proposalId}.zip`,
    ];
    for (const url of urls) {
      const res = await download(h, url, t.drafter2!);
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.json().errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
    // and the other way round
    const [o] = await h.sql<{ id: string }>(`select id from legal_opinion where review_id = ?`, [w.cgzf.enforcementReviewId]);
    expect((await download(h, `/documents/legal-opinion/${o!.id}.pdf`, t.drafter!)).status).toBe(403);
  });

  it('bad addresses and missing documents get stable codes', async () => {
    const cases: [string, string | null, number, string][] = [
      [`/documents/legal-opinion/${w.jjfz.opinionId}.docx`, null, 401, 'UNAUTHENTICATED'],
      [`/documents/legal-opinion/not-a-uuid.docx`, t.drafter!, 400, 'BAD_USER_INPUT'],
      [`/documents/legal-opinion/${w.jjfz.opinionId}.exe`, t.drafter!, 400, 'BAD_USER_INPUT'],
      [`/documents/legal-opinion/${w.jjfz.opinionId}.xlsx`, t.drafter!, 400, 'BAD_USER_INPUT'],
      [`/documents/no-such-kind/${w.jjfz.opinionId}.pdf`, t.drafter!, 404, 'NOT_FOUND'],
      [`/documents/legal-opinion/00000000-0000-4000-8000-000000000000.pdf`, t.drafter!, 404, 'NOT_FOUND'],
      // a review never returned has no return notice; a draft directory none either
      [`/documents/return-notice/${w.jjfz.reviewId}.pdf`, t.drafter!, 404, 'NOT_FOUND'],
      [`/documents/normative-register/${w.jjfz.reviewId}.xlsx`, t.drafter!, 400, 'BAD_USER_INPUT'],
    ];
    for (const [url, token, status, code] of cases) {
      const res = await download(h, url, token);
      expect([url, res.status, res.json().errors[0]!.extensions.code]).toEqual([url, status, code]);
    }
    const missing = await download(h, `/documents/return-notice/${w.jjfz.reviewId}.pdf`, t.drafter!);
    expect(missing.json().errors[0]!.extensions.reason).toBe('DOCUMENT_NOT_AVAILABLE');
  });
});
