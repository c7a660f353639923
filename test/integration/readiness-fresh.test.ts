import { AddDraftVersionDocument, CreateProposalDocument, IncludeProposalDocument, ProposalSource } from '../__generated__/graphql';
import { publishedDirectory, signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Blockers read within one request are never stale: a mutation that completes the package, then a
 * second one (or the same proposal's blockers asked again after it), sees what the first changed.
 */
describe('readiness within one request', () => {
  let h: Harness;
  let t: Record<string, string>;
  let proposalId: string;

  beforeAll(async () => {
    h = await startHarness();
    const s = await signIn(h, ['drafter', 'director']);
    t = s.tokens;
    const { items } = await publishedDirectory(h, t.director!, s.dept.JJFZ!, ['事项']);
    const flags = { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false };
    const p = expectOk(
      await h.gql(
        CreateProposalDocument,
        { input: { title: '建议', source: ProposalSource.Department, problem: '问题', legalBasis: '依据', preliminaryPlan: '方案', necessity: '必要', feasibility: '可行', flags } },
        { token: t.drafter },
      ),
    ).createProposal.proposal;
    expectOk(await h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: items[0]! } }, { token: t.director }));
    expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId: p.id, text: '第一条 ……', changeNote: '初稿' } }, { token: t.drafter }));
    proposalId = p.id;
  });
  afterAll(() => h.close());

  it('shows each of several mutations in one operation the blockers as they are after it', async () => {
    const add = (alias: string, kind: string) =>
      `${alias}: addMaterial(input: { proposalId: $id, kind: ${kind}, title: "${kind}", text: "内容" }) { proposal { blockers(step: REQUEST_LEGALITY_REVIEW) { code message } } }`;
    const res = await h.post(
      {
        query: `mutation M($id: ID!) { ${add('a', 'DRAFT_EXPLANATION')} ${add('b', 'LEGAL_BASIS_LIST')} ${add('c', 'PROCEDURE_EXPLANATION')} }`,
        variables: { id: proposalId },
      },
      { authorization: `Bearer ${t.drafter}` },
    );
    const data = (res.json as { data: Record<string, { proposal: { blockers: { code: string; message: string }[] } }> }).data;
    const missing = (alias: string) => data[alias]!.proposal.blockers.filter((b) => b.code === 'PACKAGE_ITEM_MISSING' || /缺少/.test(b.message)).length;
    expect(missing('a')).toBe(2);
    expect(missing('b')).toBe(1);
    expect(missing('c')).toBe(0);
    expect(data.c!.proposal.blockers).toEqual([]);
  });
});
