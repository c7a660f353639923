import { DirectoriesWithItemsDocument, MeetingsWithAgendaDocument, NormativeDocumentsWithFilingDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

/** Every list with its nested fields: the same number of statements for 5 and for 50 rows. */
describe('list statement counts', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    // These lists ask for 50 rows with every nested list, to show the statement count does not grow;
    // a budget over the default cost limit (which limits.test.ts covers) lets them through.
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '1000000' } });
    token = await h.login('admin');
    const q = (sql: string) => h.sql(sql);
    // 60 published directories with two items and one adjustment each
    await q(`insert into decision_directory (id, year, title, status, party_approved_at, published_at, version, created_at, updated_at)
             select gen_random_uuid(), 2030 + g, '目录' || g, 'PUBLISHED', '2026-01-08', now(), 1, now(), now() from generate_series(1, 60) g`);
    await q(`insert into directory_item (id, directory_id, seq, title, category, sponsor_department_id, legal_basis, planned_quarter, reason, status, current_quarter, added_by_adjustment, version, created_at)
             select gen_random_uuid(), d.id, s, '事项' || s, 'PUBLIC_POLICY', (select id from department where code = 'JJFZ'), 'x', 2, 'x', 'ACTIVE', 2, false, 1, now()
               from decision_directory d cross join generate_series(1, 2) s`);
    await q(`insert into directory_adjustment (id, directory_id, item_id, kind, reason, from_quarter, to_quarter, recorded_by, recorded_at)
             select gen_random_uuid(), i.directory_id, i.id, 'RESCHEDULE', '调整', 2, 3, 'director', now() from directory_item i where i.seq = 1`);
    // 60 meetings, each with three members, one agenda item and two positions
    await q(`insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
               affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, current_draft_number, version, created_at, updated_at)
             select gen_random_uuid(), 'JC-2026-' || (600 + g), 2026, '议题' || g, 'DEPARTMENT', (select id from department where code = 'JJFZ'),
                    (select id from app_user where username = 'drafter'), 'p', 'l', 'pl', 'n', 'f', false, false, false, false, false, '{}', 'LEGALITY_REVIEWED', 1, 1, now(), now()
               from generate_series(1, 60) g`);
    await q(`insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at)
             select gen_random_uuid(), 'PROPOSAL', p.id, 1, 't', 'n', p.created_by_id, md5(p.id::text) || md5(p.code), now() from decision_proposal p`);
    await q(`insert into meeting (id, title, body, standing_body_id, held_on, head_id, chair_id, status, version, created_at)
             select gen_random_uuid(), '会议' || g, 'DIRECTORS_OFFICE', (select id from standing_body where kind = 'DIRECTORS_OFFICE'), date '2026-01-01' + g,
                    (select id from app_user where username = 'director'), (select id from app_user where username = 'director'), 'OPEN', 1, now()
               from generate_series(1, 60) g`);
    await q(`insert into meeting_member (id, meeting_id, user_id, seq, role, title, present)
             select gen_random_uuid(), m.id, u.id, row_number() over (partition by m.id order by u.username), case u.username when 'director' then 'HEAD' else 'MEMBER' end, '委员', true
               from meeting m cross join app_user u where u.username in ('director', 'admin', 'filing')`);
    await q(`insert into agenda_item (id, meeting_id, proposal_id, seq, draft_version_id, draft_hash, version)
             select gen_random_uuid(), m.id, p.id, 1, d.id, d.content_hash, 1
               from (select id, row_number() over (order by title) n from meeting) m
               join (select id, row_number() over (order by code) n from decision_proposal) p on p.n = m.n
               join text_version d on d.owner_id = p.id`);
    await q(`insert into member_position (id, agenda_item_id, member_id, position, remarks)
             select gen_random_uuid(), a.id, u.id, 'SUPPORT', '' from agenda_item a cross join app_user u where u.username in ('admin', 'filing')`);
    // 60 released normative documents with a version, a filing and two prepared materials
    await q(`insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
               touches_market_entities, confirmed_verdict, red_flag_count, published_on, valid_until, version, created_at)
             select gen_random_uuid(), '文件' || g, 'STREET_OFFICE', (select id from department where code = 'JJFZ'), (select id from app_user where username = 'drafter'),
                    'RELEASED', 1, true, false, 'FILING_REQUIRED', 1, date '2026-01-01' + g, date '2030-01-01', 1, now() - (g || ' minutes')::interval
               from generate_series(1, 60) g`);
    await q(`insert into text_version (id, owner_type, owner_id, number, text, content_hash, change_note, author_id, created_at)
             select gen_random_uuid(), 'NORMATIVE_DOCUMENT', d.id, 1, 't', md5(d.id::text) || md5(d.title), 'n', d.created_by_id, now() from normative_document d`);
    await q(`insert into filing (id, document_id, authority, filed_on, materials, status, version)
             select gen_random_uuid(), d.id, '区人民政府（经区司法局）', d.published_on + 10, '["FILING_REPORT"]', 'FILED', 1 from normative_document d`);
    await q(`insert into filing_material (id, document_id, kind, text, content_hash)
             select gen_random_uuid(), d.id, k, 'x', md5(d.id::text || k) || md5(k) from normative_document d cross join unnest(array['FILING_REPORT', 'OFFICIAL_TEXT']) k`);
  });
  afterAll(() => h.close());

  async function statements(run: () => Promise<number>): Promise<number> {
    h.deps.aggregates.clear(); // each run counts its totals (reusing them is tested in register-count.test.ts)
    h.statements.reset();
    const rows = await run();
    expect(rows).toBeGreaterThan(0);
    return h.statements.count;
  }

  it('directories with items, departments and adjustments', async () => {
    const run = (first: number) => async () => {
      const edges = expectOk(await h.gql(DirectoriesWithItemsDocument, { first }, { token })).directories.edges;
      expect(edges).toHaveLength(first);
      expect(
        edges.every((e) => e.node.items.nodes.length === 2 && e.node.items.nodes[0]!.sponsorDepartment.code === 'JJFZ' && e.node.adjustments.nodes[0]!.item.title === '事项1'),
      ).toBe(true);
      return edges.length;
    };
    const five = await statements(run(5));
    expect(await statements(run(50))).toBe(five);
  });

  it('meetings with chair, members, agenda, proposals, positions and corrections', async () => {
    const run = (first: number) => async () => {
      const edges = expectOk(await h.gql(MeetingsWithAgendaDocument, { first }, { token })).meetings.edges;
      expect(edges).toHaveLength(first);
      expect(
        edges.every(
          (e) =>
            e.node.members.length === 3 &&
            e.node.agenda.totalCount === 1 &&
            e.node.agenda.nodes[0]!.positions.length === 2 &&
            e.node.agenda.nodes[0]!.proposal!.code.startsWith('JC-') &&
            e.node.corrections.totalCount === 0 &&
            e.node.availableActions.length > 0,
        ),
      ).toBe(true);
      return edges.length;
    };
    const five = await statements(run(5));
    expect(await statements(run(50))).toBe(five);
  });

  it('normative documents with versions, filing, materials and actions', async () => {
    const run = (first: number) => async () => {
      const edges = expectOk(await h.gql(NormativeDocumentsWithFilingDocument, { first }, { token })).normativeDocuments.edges;
      expect(edges).toHaveLength(first);
      expect(edges.every((e) => e.node.currentVersion?.number === 1 && e.node.filing?.status === 'FILED' && e.node.filingMaterials.length === 2)).toBe(true);
      expect(edges.every((e) => e.node.versions.totalCount === 1 && e.node.versions.nodes.map((v) => v.number).join() === '1')).toBe(true);
      // an admin may amend a released document, and record nothing of its filing
      expect(edges.every((e) => e.node.availableActions.map((a) => a.action).join() === 'PREPARE_FILING_MATERIAL,AMEND')).toBe(true);
      expect(edges.every((e) => e.node.filing?.availableActions.length === 0)).toBe(true);
      return edges.length;
    };
    const five = await statements(run(5));
    expect(await statements(run(50))).toBe(five);
  });
});
