import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { docxXml, download, pdfText } from '../support/documents';
import { FilingFlagsDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { buildWorld, type World } from '../support/world';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A register read back with exceljs, and its sheet XML (frozen pane, auto filter). */
async function readRegister(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const zip = await JSZip.loadAsync(bytes);
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return { ws, header, rows, sheetXml };
}

/**
 * The registers as XLSX (typed cells, frozen header, auto filter) and the decision archive as a ZIP
 * (issue #14): each read back and checked, with the rows and records each caller may see.
 */
describe('registers (XLSX) and the decision archive (ZIP)', () => {
  let h: Harness;
  let w: World;
  let t: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    w = await buildWorld(h);
    t = w.tokens;
  }, 180_000);
  afterAll(() => h?.close());

  it('the normative-document register: header, typed cells, frozen header row, auto filter, widths; a drafter sees the released documents and their own drafts only', async () => {
    const res = await download(h, '/documents/normative-register.xlsx', t.filing!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]!)).toBe('规范性文件登记簿-2026-03-05.xlsx');
    const { ws, header, rows, sheetXml } = await readRegister(res.body);
    expect(ws.name).toBe('规范性文件登记簿');
    expect(header).toEqual(['文件名称', '登记编号', '发文机关', '起草部门', '状态', '报备判定', '公布日期', '施行日期', '有效期至', '报备期限', '报备日期', '备案状态', '涉及市场主体', '版本数', '登记时间']);
    const [{ count }] = await h.sql<{ count: string }>('select count(*)::text as count from normative_document');
    expect(rows).toHaveLength(Number(count));
    const released = rows.find((r) => r[0] === '白云湖街出租屋消防安全管理办法')!;
    expect(released[1]).toBe('云湖街规〔2026〕1号');
    expect(released[4]).toBe('已公布施行');
    expect(released[6]).toBeInstanceOf(Date);
    expect((released[6] as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(released[9]).toBeInstanceOf(Date);
    expect(typeof released[12]).toBe('boolean');
    expect(typeof released[13]).toBe('number');
    expect(released[14]).toBeInstanceOf(Date);
    expect(ws.getColumn(7).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(40);
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheetXml).toMatch(/<autoFilter ref="A1:O1"/);
    expect(ws.getRow(1).font?.bold).toBe(true);

    // CGZF's drafter: the released document, not JJFZ's document in drafting.
    const other = await readRegister((await download(h, '/documents/normative-register.xlsx', t.drafter2!)).body);
    const ids = await h.sql<{ title: string; state: string; code: string }>(
      'select n.title, n.state, d.code from normative_document n join department d on d.id = n.sponsor_department_id',
    );
    const expected = ids.filter((d) => d.state !== 'DRAFTING' || d.code === 'CGZF').map((d) => d.title).sort();
    expect(other.rows.map((r) => r[0]).sort()).toEqual(expected);
    expect(other.rows.map((r) => r[0])).not.toContain(ids.find((d) => d.state === 'DRAFTING' && d.code === 'JJFZ')!.title);
  });

  it('a register longer than one read page comes out whole: every row once, even when rows share a timestamp', async () => {
    // 4,500 documents inserted by one statement: one created_at, three read pages.
    await h.sql(
      `with u as (select id, department_id from app_user where username = 'drafter')
       insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
         touches_market_entities, confirmed_verdict, red_flag_count, published_on, version, created_at)
       select gen_random_uuid(), '批量文件' || g, 'STREET_OFFICE', u.department_id, u.id, 'RELEASED', 1, true, false, 'NOT_REQUIRED', 0, date '2026-01-01', 1, now()
         from generate_series(1, 4500) g, u`,
    );
    const { rows } = await readRegister((await download(h, '/documents/normative-register.xlsx', t.filing!)).body);
    const [{ count }] = await h.sql<{ count: string }>('select count(*)::text as count from normative_document');
    expect(rows).toHaveLength(Number(count));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    await h.sql(`delete from normative_document where title like '批量文件%'`);
  });

  it('the review register and the contract register: rows of the caller’s department only, numbers as numbers', async () => {
    const all = await readRegister((await download(h, '/documents/review-register.xlsx', t.advisor!)).body);
    const [{ count }] = await h.sql<{ count: string }>('select count(*)::text as count from review_request');
    expect(all.rows).toHaveLength(Number(count));
    expect(all.header[0]).toBe('审查编号');
    expect(all.sheetXml).toMatch(/<autoFilter ref="A1:L1"/);
    const cgzf = await readRegister((await download(h, '/documents/review-register.xlsx', t.drafter2!)).body);
    const mine = await h.sql<{ code: string }>(`select r.code from review_request r join department d on d.id = r.department_id where d.code = 'CGZF' order by r.code`);
    expect(cgzf.rows.map((r) => r[0])).toEqual(mine.map((r) => r.code));
    expect(cgzf.rows.every((r) => r[5] instanceof Date)).toBe(true);

    const contracts = await readRegister((await download(h, '/documents/contract-register.xlsx', t.drafter!)).body);
    expect(contracts.header).toEqual(['合同编号', '合同名称', '相对方', '金额（元）', '承办部门', '履行期限起', '履行期限止', '文本版本数', '登记时间']);
    const row = contracts.rows.find((r) => r[1] === '电竞场馆租赁合同')!;
    expect(row[3]).toBe(360000);
    expect(contracts.ws.getColumn(4).numFmt).toBe('#,##0.00');
    expect((await readRegister((await download(h, '/documents/contract-register.xlsx', t.drafter2!)).body)).rows).toHaveLength(0);
  });

  it('the filing flags: for the filing officer and the cross-department roles; a drafter is refused', async () => {
    // Published long ago and never filed: overdue (the database recomputes the stored deadline).
    await h.sql(`update normative_document set published_on = '2026-01-05', registered_on = '2026-01-04' where id = ?`, [w.jjfz.releasedDocumentId]);
    const res = await download(h, '/documents/filing-flags.xlsx', t.filing!);
    expect(res.status).toBe(200);
    const flags = await readRegister(res.body);
    expect(flags.header).toEqual(['预警类型', '文件名称', '登记编号', '期限', '规则', '说明', '紧急程度']);
    const api = expectOk(await h.gql(FilingFlagsDocument, { first: 100 }, { token: t.filing! })).filingFlags;
    expect(flags.rows).toHaveLength(api.totalCount);
    expect(flags.rows.length).toBeGreaterThan(0);
    expect(flags.rows.some((r) => r[0] === '逾期未报备' && r[1] === '白云湖街出租屋消防安全管理办法')).toBe(true);
    expect(flags.rows.find((r) => r[0] === '逾期未报备')![3]).toBeInstanceOf(Date);
    expect(flags.rows.every((r) => typeof r[6] === 'number')).toBe(true);
    const refused = await download(h, '/documents/filing-flags.xlsx', t.drafter!);
    expect(refused.status).toBe(403);
    expect(refused.json().errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect((await download(h, '/documents/filing-flags.pdf', t.filing!)).status).toBe(400);
  });

  it('the decision archive as a ZIP: the record, the documents, the materials’ bytes, the audit trail verified as valid, the note, a manifest of hashes', async () => {
    const res = await download(h, `/documents/decision-archive/${w.jjfz.proposalId}.zip`, t.drafter!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
    const [rev] = await h.sql<{ code: string }>('select code from review_request where id = ?', [w.jjfz.reviewId]);
    expect(names).toEqual(
      expect.arrayContaining([
        'record.json',
        `documents/法律意见书-${rev!.code}-1.docx`,
        `documents/法律意见书-${rev!.code}-1.pdf`,
        'audit/trail.json',
        'audit/verification.json',
        'README-核验说明.txt',
        'manifest.json',
      ]),
    );
    expect(names.filter((n) => n.startsWith('documents/决定-'))).toHaveLength(2);

    const record = JSON.parse(await zip.file('record.json')!.async('string'));
    expect(record.format).toBe('yunhu-review/decision-archive@1');
    expect(record.proposal.id).toBe(w.jjfz.proposalId);

    // The materials' own bytes, matching the hashes of the record.
    const materialNames = names.filter((n) => n.startsWith('materials/'));
    expect(materialNames).toHaveLength(record.materials.length);
    expect(materialNames.length).toBe(3);
    for (const [i, n] of materialNames.entries()) {
      const bytes = await zip.file(n)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.materials[i].contentHash);
    }

    const verification = JSON.parse(await zip.file('audit/verification.json')!.async('string'));
    expect(verification.valid).toBe(true);
    expect(verification.chain.ok).toBe(true);
    const trail = JSON.parse(await zip.file('audit/trail.json')!.async('string'));
    expect(trail.length).toBeGreaterThan(5);
    expect(trail.every((e: { hashValid: boolean }) => e.hashValid)).toBe(true);
    expect(verification.trailEvents).toBe(trail.length);

    const note = await zip.file('README-核验说明.txt')!.async('string');
    expect(note).toContain('如何独立核验');
    expect(note).toContain('sha256sum');
    expect(note).toContain('有效（valid）');

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.entries.map((e: { name: string }) => e.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json'));
    for (const e of manifest.entries as { name: string; sha256: string; sizeBytes: number }[]) {
      const bytes = await zip.file(e.name)!.async('nodebuffer');
      expect([e.name, createHash('sha256').update(bytes).digest('hex'), bytes.length]).toEqual([e.name, e.sha256, e.sizeBytes]);
    }

    // The documents inside are the real ones.
    const opinion = await docxXml(await zip.file(`documents/法律意见书-${rev!.code}-1.docx`)!.async('nodebuffer'));
    expect(opinion.text).toContain('法律意见书');
    const pdf = await pdfText(await zip.file(`documents/法律意见书-${rev!.code}-1.pdf`)!.async('nodebuffer'));
    expect(pdf.text).toContain('电竞产业扶持办法');
  });
});
