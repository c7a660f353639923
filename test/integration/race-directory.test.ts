import {
  AddDirectoryItemDocument,
  AdjustDirectoryDocument,
  AdjustmentKind,
  CreateDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  IncludeProposalDocument,
  ProposalSource,
  PublishDirectoryDocument,
  RecordPartyApprovalDocument,
  UpdateProposalDocument,
} from '../__generated__/graphql';
import { publishedDirectory, signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { expectAllWin, expectClean, expectDatabaseRefuses, expectOneWinner, report, tally, together } from '../support/race';

const FLAGS = { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false };

/**
 * The decision directory and inclusion under concurrency (R-DIR-1…4): N requests start together;
 * whoever wins, the directory stays one per year, its items numbered without gaps, and an item
 * carries one live proposal.
 */
describe('directory and inclusion races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  let directoryId: string;
  let items: string[];

  const item = (directoryId: string, title: string) => ({
    directoryId,
    title,
    category: DecisionCategory.PublicPolicy,
    sponsorDepartmentId: dept.JJFZ!,
    legalBasis: '依据',
    plannedQuarter: 2,
    reason: '理由',
  });

  async function proposal(title: string) {
    return expectOk(
      await h.gql(
        CreateProposalDocument,
        { input: { title, source: ProposalSource.Department, problem: '问题', legalBasis: '依据', preliminaryPlan: '方案', necessity: '必要', feasibility: '可行', flags: FLAGS } },
        { token: t.drafter! },
      ),
    ).createProposal.proposal;
  }

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'director', 'admin']));
    ({ directoryId, items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['事项一', '事项二']));
  });
  afterAll(() => h.close());

  it('keeps one directory per year when eight are created at once (R-DIR-1)', async () => {
    const results = await together(N, (i) => h.gql(CreateDirectoryDocument, { input: { year: 2031, title: `2031年度目录${i}` } }, { token: i % 2 ? t.admin! : t.director! }));
    expectOneWinner('second directory for a year', results);
    expect(await h.sql(`select id from decision_directory where year = 2031`)).toHaveLength(1);
  });

  it('numbers eight items added at once 1…8', async () => {
    const d = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2032, title: '2032年度目录' } }, { token: t.director! })).createDirectory.directory;
    const results = await together(N, (i) => h.gql(AddDirectoryItemDocument, { input: item(d.id, `事项${i}`) }, { token: t.director! }));
    expectAllWin('eight items, one directory', results);
    const seqs = (await h.sql<{ seq: number }>(`select seq from directory_item where directory_id = ? order by seq`, [d.id])).map((r) => Number(r.seq));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('publishes exactly the items it counted: no item slips in while the directory is being published (R-DIR-3)', async () => {
    let d: { id: string; version: number } = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2033, title: '2033年度目录' } }, { token: t.director! }))
      .createDirectory.directory;
    d = expectOk(await h.gql(AddDirectoryItemDocument, { input: item(d.id, '首个事项') }, { token: t.director! })).addDirectoryItem.directory;
    d = expectOk(await h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn: '2026-01-08', reference: '纪要' } }, { token: t.director! }))
      .recordPartyApproval.directory;
    const results = await together<unknown>(N, (i) =>
      i === 0
        ? h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: t.director! })
        : h.gql(AddDirectoryItemDocument, { input: item(d.id, `发布时新增${i}`) }, { token: t.admin! }),
    );
    expectClean(results);
    report('publish vs seven item additions', tally(results), { published: !results[0]!.errors });
    // items added before publication are the published ones; none after
    const published = (await h.sql<{ after: { items: number } }>(`select after from audit_event where subject_id = ? and action = 'directory.publish'`, [d.id]))[0];
    const plain = Number((await h.sql<{ n: string }>(`select count(*) as n from directory_item where directory_id = ? and not added_by_adjustment`, [d.id]))[0]!.n);
    if (published) expect(published.after.items).toBe(plain);
  });

  it('withdraws an item once when eight adjustments ask at once (R-DIR-3)', async () => {
    const { directoryId: dId, items: its } = { directoryId, items };
    const results = await together(N, () =>
      h.gql(AdjustDirectoryDocument, { input: { directoryId: dId, kind: AdjustmentKind.Withdraw, itemId: its[1]!, reason: '不再实施' } }, { token: t.director! }),
    );
    expectOneWinner('withdraw one item eight times', results);
    expect(await h.sql(`select id from directory_adjustment where item_id = ?`, [its[1]!])).toHaveLength(1);
  });

  it('includes one proposal per directory item when eight proposals ask for it at once (R-DIR-4)', async () => {
    const ps: { id: string; version: number }[] = [];
    for (let i = 0; i < N; i++) ps.push(await proposal(`争抢事项的建议${i}`));
    const results = await together(N, (i) =>
      h.gql(IncludeProposalDocument, { input: { proposalId: ps[i]!.id, version: ps[i]!.version, directoryItemId: items[0]! } }, { token: t.director! }),
    );
    expectOneWinner('two proposals included on one directory item', results);
    const live = await h.sql<{ id: string }>(`select id from decision_proposal where directory_item_id = ? and state not in ('WITHDRAWN', 'DECLINED')`, [items[0]!]);
    expect(live).toHaveLength(1);
    await expectDatabaseRefuses(h.sql, 'decision_proposal', live[0]!.id, { code: 'JC-2026-999' }, 'decision_proposal_one_live_per_directory_item');
  });

  it('never deadlocks an inclusion by adjustment against edits of the same proposal', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await proposal(`调整纳入${round}`);
      const results = await together<unknown>(N, (i) =>
        i % 2 === 0
          ? h.gql(
              IncludeProposalDocument,
              { input: { proposalId: p.id, version: p.version, viaAdjustment: { directoryId, category: DecisionCategory.ImportantPlan, plannedQuarter: 4, reason: `新增${round}-${i}` } } },
              { token: t.director! },
            )
          : h.gql(UpdateProposalDocument, { input: { proposalId: p.id, version: p.version, title: `调整纳入${round}（改${i}）` } }, { token: t.drafter! }),
      );
      expectOneWinner('inclusion by adjustment vs edits', results);
    }
  });
});
