import {
  AuditTrailDocument,
  ContractsDocument,
  DepartmentsDocument,
  DirectoriesWithItemsDocument,
  MeetingsWithAgendaDocument,
  NormativeDocumentsWithFilingDocument,
  ProposalsDocument,
  ReviewsDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Every list order has an index that yields it (issue #12): each ordered, limited statement the
 * lists send is explained with sequential scans and sorts priced out of reach; a plan that still
 * sorts means no index gives the order, and the list would sort the whole table on every page.
 */
describe('every list order has its index', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '1000000' } });
    admin = await h.login('admin');
    // a directory with items and an adjustment: the nested pages run only under parents
    await h.sql(`insert into decision_directory (id, year, title, status, party_approved_at, published_at, version, created_at, updated_at)
                 values (gen_random_uuid(), 2031, '目录', 'PUBLISHED', '2026-01-08', now(), 1, now(), now())`);
    await h.sql(`insert into directory_item (id, directory_id, seq, title, category, sponsor_department_id, legal_basis, planned_quarter, reason, status, current_quarter, added_by_adjustment, version, created_at)
                 select gen_random_uuid(), d.id, s, '事项' || s, 'PUBLIC_POLICY', (select id from department where code = 'JJFZ'), 'x', 2, 'x', 'ACTIVE', 2, false, 1, now()
                   from decision_directory d cross join generate_series(1, 2) s where d.year = 2031`);
    await h.sql(`insert into directory_adjustment (id, directory_id, item_id, kind, reason, from_quarter, to_quarter, recorded_by, recorded_at)
                 select gen_random_uuid(), i.directory_id, i.id, 'RESCHEDULE', '调整', 2, 3, 'director', now() from directory_item i where i.seq = 1`);
  });
  afterAll(() => h.close());

  /** The SQL of a logged statement (MikroORM logs `[query] <sql> [took … ms …]`, parameters inlined). */
  function sqlOf(logged: string): string {
    return logged
      .replace(/^\[query\]\s*/, '')
      .replace(/\s*\[took [^\]]*\]\s*$/, '')
      .trim();
  }

  it('root lists and nested pages read in index order, never sort', async () => {
    h.statements.reset();
    const proposal = (await h.sql<{ id: string }>(`select id from decision_proposal limit 1`))[0]?.id;
    expectOk(await h.gql(DepartmentsDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(UsersDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(ProposalsDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(ReviewsDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(ContractsDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(DirectoriesWithItemsDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(MeetingsWithAgendaDocument, { first: 5 }, { token: admin }));
    expectOk(await h.gql(NormativeDocumentsWithFilingDocument, { first: 5 }, { token: admin }));
    if (proposal) expectOk(await h.gql(AuditTrailDocument, { subjectType: 'PROPOSAL' as never, subjectId: proposal, first: 5 }, { token: admin }));
    const ordered = h.statements.list.map(sqlOf).filter((s) => /^select\b/i.test(s) && /\border by\b/i.test(s) && /\blimit\b|__rn/i.test(s));
    expect(ordered.length).toBeGreaterThanOrEqual(10);
    const sorting: string[] = [];
    for (const sql of ordered) {
      // the statements carry $n parameters: a prepared statement explained as its generic plan
      const params = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      await h.superSql('begin');
      await h.superSql('set local enable_seqscan = off; set local enable_sort = off; set local enable_incremental_sort = off; set local plan_cache_mode = force_generic_plan');
      await h.superSql(`prepare list_order as ${sql}`);
      const plan = await h.superSql<{ 'QUERY PLAN': string }>(`explain execute list_order(${Array(params).fill('null').join(', ')})`);
      await h.superSql('deallocate list_order');
      await h.superSql('rollback');
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      // a nested page's final order by (parent, row number) sorts only the rows it keeps: every other sort is a missing index
      const keys = [...text.matchAll(/Sort Key: (.*)/g)].map((m) => m[1]!).filter((k) => !/row_number/.test(k));
      if (keys.length) sorting.push(`${sql}\n${text}`);
    }
    expect(sorting).toEqual([]);
  });
});
