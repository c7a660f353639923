import { randomUUID } from 'node:crypto';
import { ProposalsDocument, UsersDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

/** Performance invariants as statement counts, never times (times live in the benchmark). */
describe('statement counts', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin');
    // 60 more users spread over every department, inserted directly: this is about reading.
    const depts = await h.sql<{ id: string }>('select id from department');
    const now = new Date().toISOString();
    // 60 proposals, each included under its own item of a published directory, with two drafts,
    // a consultation and a risk assessment: every nested field has something to load.
    const jjfz = (await h.sql<{ id: string }>(`select id from department where code = 'JJFZ'`))[0]!.id;
    const drafter = (await h.sql<{ id: string }>(`select id from app_user where username = 'drafter'`))[0]!.id;
    const dirId = randomUUID();
    await h.sql(
      `insert into decision_directory (id, year, title, status, party_approved_at, published_at, version, created_at, updated_at)
       values (?, 2026, '目录', 'PUBLISHED', '2026-01-08', ?, 1, ?, ?)`,
      [dirId, now, now, now],
    );
    for (let i = 0; i < 60; i++) {
      const itemId = randomUUID();
      const pid = randomUUID();
      await h.sql(
        `insert into directory_item (id, directory_id, seq, title, category, sponsor_department_id, legal_basis, planned_quarter, reason, status, current_quarter, added_by_adjustment, version, created_at)
         values (?, ?, ?, ?, 'PUBLIC_POLICY', ?, 'x', 2, 'x', 'ACTIVE', 2, false, 1, ?)`,
        [itemId, dirId, i + 1, `事项${i}`, jjfz, now],
      );
      await h.sql(
        `insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
           affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, directory_item_id, current_draft_number, version, created_at, updated_at)
         values (?, ?, 2026, ?, 'DEPARTMENT', ?, ?, 'p', 'l', 'pl', 'n', 'f', true, false, true, false, false, '{HEARING}', 'INCLUDED', ?, 2, 1, ?, ?)`,
        [pid, `JC-2026-${String(i + 100).padStart(3, '0')}`, `建议${i}`, jjfz, drafter, itemId, now, now],
      );
      for (const n of [1, 2]) {
        await h.sql(
          `insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at) values (?, 'PROPOSAL', ?, ?, ?, 'x', ?, ?, ?)`,
          [randomUUID(), pid, n, `第${n}稿`, drafter, `${n}`.repeat(64), now],
        );
      }
      await h.sql(
        `insert into public_consultation (id, proposal_id, starts_on, ends_on, channel, version) values (?, ?, '2026-01-01', '2026-02-01', '网站', 1)`,
        [randomUUID(), pid],
      );
      await h.sql(
        `insert into risk_assessment (id, proposal_id, round, risk_points, measures, contingency_plan, level, assessor, assessed_on)
         values (?, ?, 1, 'r', 'm', 'c', 'LOW', 'a', '2026-02-01')`,
        [randomUUID(), pid],
      );
    }
    for (let i = 0; i < 60; i++) {
      await h.sql(
        `insert into app_user (id, username, display_name, department_id, roles, active, password_hash, version, created_at, updated_at)
         values (?, ?, ?, ?, '{DRAFTER}', true, 'x', 1, ?, ?)`,
        [randomUUID(), `bulk${String(i).padStart(3, '0')}`, `批量${i}`, depts[i % depts.length]!.id, now, now],
      );
    }
  });
  afterAll(() => h.close());

  async function countFor(first: number): Promise<number> {
    h.statements.reset();
    const data = expectOk(await h.gql(UsersDocument, { first }, { token: admin }));
    expect(data.users.edges).toHaveLength(first);
    expect(data.users.edges.every((e) => e.node.department.name.length > 0)).toBe(true);
    return h.statements.count;
  }

  it('lists 5 and 50 users with their departments in the same number of statements', async () => {
    const five = await countFor(5);
    const fifty = await countFor(50);
    expect(fifty).toBe(five);
    // authenticate (1) + page (1) + count (1) + departments in one batch (1)
    expect(five).toBe(4);
  });

  async function proposalsCount(first: number): Promise<number> {
    h.statements.reset();
    const data = expectOk(await h.gql(ProposalsDocument, { first }, { token: admin }));
    const edges = data.proposals.edges;
    expect(edges).toHaveLength(first);
    for (const e of edges) {
      expect(e.node.sponsorDepartment.code).toBe('JJFZ');
      expect(e.node.directoryItem?.title).toMatch(/^事项/);
      expect(e.node.currentDraft?.number).toBe(2);
      expect(e.node.procedures.map((p) => [p.kind, p.recorded])).toEqual([
        ['PUBLIC_CONSULTATION', true],
        ['HEARING', false],
        ['RISK_ASSESSMENT', true],
      ]);
    }
    return h.statements.count;
  }

  it('lists 5 and 50 proposals with department, directory item, current draft and procedures in the same number of statements', async () => {
    const five = await proposalsCount(5);
    const fifty = await proposalsCount(50);
    expect(fifty).toBe(five);
    // authenticate, page, count, departments, items, drafts, 5 procedure tables
    expect(five).toBe(11);
  });
});
