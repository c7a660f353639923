import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CreateContractDocument, RequestContractReviewDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { addContractPackage, CONTRACT_FACTS } from '../support/packages';

/**
 * The read path reads what a selection needs: plain rows with the short columns, a long text column
 * only when its field is selected, one statement per level, and no count unless `totalCount` is asked.
 */
describe('columns and statements of list reads', () => {
  let h: Harness;
  let admin: string;
  let firstProposal: string;
  const doc = (q: string) => parse(q) as unknown as TypedDocumentNode<Record<string, any>, Record<string, unknown>>;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin');
    const now = new Date().toISOString();
    const jjfz = (await h.sql<{ id: string }>(`select id from department where code = 'JJFZ'`))[0]!.id;
    const drafter = (await h.sql<{ id: string }>(`select id from app_user where username = 'drafter'`))[0]!.id;
    const dirId = randomUUID();
    await h.sql(
      `insert into decision_directory (id, year, title, status, party_approved_at, published_at, version, created_at, updated_at)
       values (?, 2026, '目录', 'PUBLISHED', '2026-01-08', ?, 1, ?, ?)`,
      [dirId, now, now, now],
    );
    for (let i = 0; i < 30; i++) {
      const itemId = randomUUID();
      const pid = randomUUID();
      if (i === 0) firstProposal = pid;
      await h.sql(
        `insert into directory_item (id, directory_id, seq, title, category, sponsor_department_id, legal_basis, planned_quarter, reason, status, current_quarter, added_by_adjustment, version, created_at)
         values (?, ?, ?, ?, 'PUBLIC_POLICY', ?, '依据', 2, '理由', 'ACTIVE', 2, false, 1, ?)`,
        [itemId, dirId, i + 1, `事项${i}`, jjfz, now],
      );
      await h.sql(
        `insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
           affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, directory_item_id, current_draft_number, version, created_at, updated_at)
         values (?, ?, 2026, ?, 'DEPARTMENT', ?, ?, '问题', '依据', '方案', '必要', '可行', true, false, true, false, false, '{}', 'INCLUDED', ?, 2, 1, ?, ?)`,
        [pid, `JC-2026-${String(i + 100).padStart(3, '0')}`, `建议${i}`, jjfz, drafter, itemId, now, now],
      );
      for (const n of [1, 2]) {
        await h.sql(
          `insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at) values (?, 'PROPOSAL', ?, ?, ?, '改动', ?, ?, ?)`,
          [randomUUID(), pid, n, `第${n}稿全文`, drafter, `${n}`.repeat(64), now],
        );
      }
    }
    for (const n of [1, 2]) {
      await h.sql(
        `insert into material (id, owner_type, owner_id, kind, title, file_name, mime_type, size_bytes, content_hash, storage, bytes, uploaded_by_id, created_at)
         values (?, 'PROPOSAL', ?, 'OTHER', ?, ?, 'application/pdf', 4, ?, 'db', decode('25504446', 'hex'), ?, ?)`,
        [randomUUID(), firstProposal, `材料${n}`, `m${n}.pdf`, `${n}`.repeat(64), drafter, now],
      );
    }
    // a review in the queue, its package with an uploaded file
    const drafterToken = await h.login('drafter');
    const contractId = expectOk(
      await h.gql(CreateContractDocument, { input: { title: '场馆租赁合同', counterparty: '广州某文体公司', amount: '1000.00', text: '合同正文', ...CONTRACT_FACTS } }, { token: drafterToken }),
    ).createContract.contract.id;
    await addContractPackage(h, drafterToken, contractId);
    expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId } }, { token: drafterToken }));
  });
  afterAll(() => h.close());

  async function run(query: string, variables: Record<string, unknown> = {}) {
    h.statements.reset();
    const data = expectOk(await h.gql(doc(query), variables, { token: admin }));
    // the first statement authenticates the caller
    return { data, sql: h.statements.list.slice(1) };
  }

  it('reads every field of a current version (short long-text columns such as the change note included)', async () => {
    const { data } = await run(`query { proposals(first: 3) { nodes { code currentDraft { number changeNote contentHash text author { username } } } } }`);
    for (const p of data.proposals.nodes) {
      expect(p.currentDraft).toEqual({ number: 2, changeNote: '改动', contentHash: '2'.repeat(64), text: '第2稿全文', author: { username: 'drafter' } });
    }
  });

  const NESTED = (draftFields: string, proposalFields = '') => `query($first: Int!) { proposals(first: $first) { nodes { id code title state ${proposalFields}
      directoryItem { seq title directory { year title } }
      drafts(first: 5) { nodes { number changeNote contentHash ${draftFields} } } } } }`;

  it('reads no long text column the selection does not name, one statement per level, no count', async () => {
    const { data, sql } = await run(NESTED(''), { first: 20 });
    expect(data.proposals.nodes).toHaveLength(20);
    expect(data.proposals.nodes[0].drafts.nodes.map((d: { number: number }) => d.number)).toEqual([1, 2]);
    // proposals, directory items, directories, drafts
    expect(sql).toHaveLength(4);
    expect(sql.some((s) => /count\(/i.test(s))).toBe(false);
    const page = sql.find((s) => /from "decision_proposal"/.test(s))!;
    for (const col of ['problem', 'legal_basis', 'preliminary_plan', 'necessity', 'feasibility']) expect(page).not.toContain(`"${col}"`);
    expect(page).toContain('"code"');
    const items = sql.find((s) => /from "directory_item"/.test(s))!;
    expect(items).not.toContain('"legal_basis"');
    expect(items).not.toContain('"reason"');
    const drafts = sql.find((s) => /from "text_version"/.test(s))!;
    expect(drafts).not.toMatch(/"text"/);
    expect(drafts).not.toContain('t.*');
  });

  it('reads a long column when its field is selected, still one statement per level', async () => {
    const { data, sql } = await run(NESTED('text', 'problem legalBasis'), { first: 5 });
    expect(data.proposals.nodes[0].problem).toBe('问题');
    expect(data.proposals.nodes[0].drafts.nodes[1].text).toBe('第2稿全文');
    expect(sql).toHaveLength(4);
    const page = sql.find((s) => /from "decision_proposal"/.test(s))!;
    expect(page).toContain('"problem"');
    expect(page).toContain('"legal_basis"');
    expect(page).not.toContain('"necessity"');
  });

  it('reads the same number of statements for 5 and for 30 proposals', async () => {
    const five = (await run(NESTED(''), { first: 5 })).sql.length;
    const thirty = (await run(NESTED(''), { first: 30 })).sql.length;
    expect(thirty).toBe(five);
  });

  it('counts only when totalCount is selected, at the root and in nested pages', async () => {
    const without = await run(`{ proposals(first: 5) { nodes { id drafts(first: 1) { nodes { number } } } } }`);
    expect(without.sql.filter((s) => /count\(/i.test(s))).toHaveLength(0);
    const withCounts = await run(`{ proposals(first: 5) { totalCount nodes { id drafts(first: 1) { totalCount nodes { number } } } } }`);
    expect(withCounts.data.proposals.totalCount).toBe(30);
    expect(withCounts.data.proposals.nodes[0].drafts.totalCount).toBe(2);
    // the root count and one grouped count for every proposal's drafts
    expect(withCounts.sql.filter((s) => /count\(/i.test(s))).toHaveLength(2);
  });

  it('reads the columns of fragments and edges too', async () => {
    const { data, sql } = await run(`query { proposals(first: 3) { edges { node { ...P } } } } fragment P on DecisionProposal { id ... on DecisionProposal { feasibility } }`);
    expect(data.proposals.edges[0].node.feasibility).toBe('可行');
    expect(sql.find((s) => /from "decision_proposal"/.test(s))).toContain('"feasibility"');
  });

  it('reads an item and its directory in one statement each, whatever the fields that need them', async () => {
    const { data, sql } = await run(`query($year: Int!) { directoryByYear(year: $year) { items(first: 30) { nodes { seq reason availableActions { action } directory { title } sponsorDepartment { name } } } } }`, {
      year: 2026,
    });
    expect(data.directoryByYear.items.nodes).toHaveLength(30);
    expect(data.directoryByYear.items.nodes[0].reason).toBe('理由');
    // directory, items, the items' directory (for the actions and the field at once), departments
    expect(sql).toHaveLength(4);
    const items = sql.find((s) => /from "directory_item"/.test(s))!;
    expect(items).toContain('"reason"');
    expect(items).not.toContain('"legal_basis"');
  });

  describe('a lazy column (file bytes, password hash, full version text) only when the selection names it', () => {
    const TYPICAL: [string, string, Record<string, unknown>?][] = [
      ['me', `{ me { id username displayName roles department { name } } }`],
      ['the users list', `{ users(first: 50) { nodes { id username displayName roles active lastLoginAt department { name } } } }`],
      [
        'the materials of a proposal',
        `query($id: ID!) { proposal(id: $id) { materials(first: 10) { nodes { id title fileName mimeType sizeBytes contentHash downloadUrl uploadedBy { username displayName } } } } }`,
      ],
      [
        'the reviews queue',
        `{ reviews(first: 20) { nodes { id code status subjectTitle dueOn requestedBy { username displayName department { name } } assignedTo { username } pinnedVersion { number contentHash author { username } } } } }`,
      ],
    ];

    it.each(TYPICAL)('%s reads neither file bytes nor password hashes', async (_name, query) => {
      h.statements.reset();
      const data = expectOk(await h.gql(doc(query), { id: firstProposal }, { token: admin }));
      expect(data).toBeTruthy();
      const all = h.statements.list;
      expect(all.length).toBeGreaterThan(1);
      for (const s of all) {
        expect(s).not.toContain('"bytes"');
        expect(s).not.toContain('"password_hash"');
      }
    });

    it('the queue reads the pinned version without its full text, and the text when asked', async () => {
      const queue = (fields: string) => `{ reviews(first: 20) { nodes { id pinnedVersion { ${fields} } } } }`;
      const short = await run(queue('number contentHash'));
      expect(short.data.reviews.nodes.length).toBeGreaterThan(0);
      const versions = short.sql.filter((s) => /from "text_version"/.test(s));
      expect(versions.length).toBeGreaterThan(0);
      for (const s of versions) expect(s).not.toMatch(/\."text"/);
      const long = await run(queue('number text'));
      expect(long.data.reviews.nodes.every((r: { pinnedVersion: { text: string } }) => r.pinnedVersion.text.length > 0)).toBe(true);
      // the text with the version, in the same one statement
      const withText = long.sql.filter((s) => /from "text_version"/.test(s));
      expect(withText).toHaveLength(1);
      expect(withText[0]).toMatch(/\."text"/);
    });

    it('the page of materials reads no file bytes; a text selected comes with the page', async () => {
      const { data, sql } = await run(`query($id: ID!) { proposal(id: $id) { materials(first: 10) { nodes { id title text } } } }`, { id: firstProposal });
      expect(data.proposal.materials.nodes.map((m: { title: string }) => m.title).sort()).toEqual(['材料1', '材料2']);
      const pages = sql.filter((s) => /from "material"/.test(s));
      expect(pages).toHaveLength(1);
      expect(pages[0]).not.toContain('"bytes"');
      expect(pages[0]).toMatch(/\."text"/);
    });
  });
});
