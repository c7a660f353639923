import {
  AddNormativeVersionDocument,
  CleanupOutcome,
  CreateCleanupCampaignDocument,
  CreateNormativeDocumentDocument,
  FilingMaterialKind,
  Issuer,
  PrepareFilingMaterialDocument,
  RecordCleanupOutcomeDocument,
  RecordFilingDocument,
} from '../__generated__/graphql';
import { insertReleasedDocuments } from '../support/bulk';
import { signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { expectAllWin, expectClean, expectOneWinner, report, tally, together } from '../support/race';

/**
 * The normative register under concurrency (R-ND-4…10): one filing per document, one clean-up
 * result per campaign, no result recorded for a document another campaign has just repealed,
 * versions numbered one after another and one filing material of each kind.
 */
describe('normative register races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  const doc = async (title: string) => (await h.sql<{ id: string }>(`select id from normative_document where title = ?`, [title]))[0]!.id;
  const campaign = async (title: string) =>
    expectOk(await h.gql(CreateCleanupCampaignDocument, { input: { title, startedOn: '2026-03-01' } }, { token: t.filing! })).createCleanupCampaign.campaign.id;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t } = await signIn(h, ['drafter', 'filing']));
    // 文件1, 文件2, 文件4, 文件5: released, filing required, not filed yet
    await insertReleasedDocuments(h.sql, 1, 6);
  });
  afterAll(() => h.close());

  it('records one filing when eight filings of one document arrive together (R-ND-6)', async () => {
    const documentId = await doc('文件1');
    const results = await together(N, () => h.gql(RecordFilingDocument, { input: { documentId, filedOn: '2026-03-05' } }, { token: t.filing! }));
    expectOneWinner('second filing', results);
    expect(await h.sql(`select id from filing where document_id = ?`, [documentId])).toHaveLength(1);
  });

  it('records one result per campaign when eight arrive together (R-ND-10)', async () => {
    const documentId = await doc('文件2');
    const campaignId = await campaign('同一清理');
    const results = await together(N, (i) =>
      h.gql(RecordCleanupOutcomeDocument, { input: { campaignId, documentId, outcome: CleanupOutcome.Keep, reason: `继续有效${i}`, on: '2026-03-05' } }, { token: t.filing! }),
    );
    expectOneWinner('duplicate clean-up entries', results);
    expect(await h.sql(`select id from cleanup_entry where campaign_id = ? and document_id = ?`, [campaignId, documentId])).toHaveLength(1);
  });

  it('records nothing for a document after another campaign repealed it (R-ND-10)', async () => {
    for (let round = 0; round < 2; round++) {
      const documentId = await doc(round === 0 ? '文件4' : '文件5');
      const campaigns: string[] = [];
      for (let i = 0; i < N; i++) campaigns.push(await campaign(`清理${round}-${i}`));
      const results = await together(N, (i) =>
        h.gql(
          RecordCleanupOutcomeDocument,
          { input: { campaignId: campaigns[i]!, documentId, outcome: i === 0 ? CleanupOutcome.Repeal : CleanupOutcome.Keep, reason: '清理结论', on: '2026-03-05' } },
          { token: t.filing! },
        ),
      );
      expectClean(results);
      report('repeal vs seven keeps in other campaigns', tally(results), { round, repealed: !results[0]!.errors });
      // in commit order (the audit chain's order), no result follows the repeal
      const actions = (await h.sql<{ action: string }>(`select action from audit_event where subject_id = ? and action like 'normative.cleanup.%' order by id`, [documentId])).map(
        (r) => r.action,
      );
      const repeal = actions.indexOf('normative.cleanup.repeal');
      if (repeal >= 0) expect(actions.slice(repeal + 1)).toEqual([]);
    }
  });

  it('numbers eight versions added at once one after another, and keeps one filing material of a kind (R-ND-4, R-ND-6)', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '关于并发修改的通知', issuer: Issuer.StreetOffice, text: '第一稿', affectsBusinessesOrPublic: true, touchesMarketEntities: false } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    const versions = await together(N, (i) => h.gql(AddNormativeVersionDocument, { input: { documentId: d.id, text: `第${i + 2}稿`, changeNote: `修改${i}` } }, { token: t.drafter! }));
    expectAllWin('eight normative versions', versions);
    const numbers = (await h.sql<{ n: number }>(`select number as n from text_version where owner_id = ? order by number`, [d.id])).map((r) => Number(r.n));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const materials = await together(N, (i) =>
      h.gql(PrepareFilingMaterialDocument, { input: { documentId: d.id, kind: FilingMaterialKind.FilingReport, text: `报备报告${i}` } }, { token: t.drafter! }),
    );
    expectAllWin('one filing material, eight writes', materials);
    expect(await h.sql(`select id from filing_material where document_id = ?`, [d.id])).toHaveLength(1);
  });
});
