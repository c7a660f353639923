import { loadDemoSamples } from '../../src/cli/samples';
import { DirectoryByYearDocument, NormativeDocumentsDocument, ProposalsDocument, VerifyAuditChainDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe('demo samples (seed)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('loads this year’s directory, a proposal in drafting and a document awaiting confirmation, once', async () => {
    expect(await loadDemoSamples(h.orm, h.deps)).toBe(true);
    expect(await loadDemoSamples(h.orm, h.deps)).toBe(false);
    const drafter = await h.login('drafter');
    const d = expectOk(await h.gql(DirectoryByYearDocument, { year: 2026 }, { token: drafter })).directoryByYear;
    expect(d).toMatchObject({ status: 'PUBLISHED', partyApprovedAt: '2026-01-08' });
    expect(d.items.nodes).toHaveLength(3);
    expect(d.items.totalCount).toBe(3);
    const p = expectOk(await h.gql(ProposalsDocument, {}, { token: drafter })).proposals.edges.map((e) => e.node);
    expect(p).toEqual([expect.objectContaining({ code: 'JC-2026-001', state: 'INCLUDED', currentDraftNumber: 1 })]);
    const docs = expectOk(await h.gql(NormativeDocumentsDocument, {}, { token: drafter })).normativeDocuments;
    expect(docs.edges.map((e) => e.node.title)).toEqual(['白云湖街出租屋消防安全管理办法']);
    const admin = await h.login('admin');
    expect(expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain.ok).toBe(true);
  });
});
