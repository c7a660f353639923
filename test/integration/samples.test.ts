import { loadDemoSamples } from '../../src/cli/samples';
import {
  DirectoryByYearDocument,
  EnforcementCaseDocument,
  EnforcementCasesDocument,
  EnforcementReviewsDocument,
  NormativeDocumentsDocument,
  ProposalsDocument,
  ReviewSubjectType,
  VerifyAuditChainDocument,
} from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe('demo samples (seed)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('loads this year’s directory, a proposal in drafting, a document awaiting confirmation and an enforcement case under review, once', async () => {
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
    const advisor = await h.login('advisor');
    const queue = expectOk(await h.gql(EnforcementReviewsDocument, { filter: { subjectType: ReviewSubjectType.EnforcementDecision } }, { token: advisor })).reviews;
    expect(queue.nodes.map((r) => [r.code, r.status, r.enforcementCase?.code])).toEqual([['SC-2026-001', 'SUBMITTED', 'ZF-2026-001']]);
    const cases = expectOk(await h.gql(EnforcementCasesDocument, {}, { token: advisor })).enforcementCases.nodes;
    expect(cases.map((x) => x.code)).toEqual(['ZF-2026-001']);
    const c = expectOk(await h.gql(EnforcementCaseDocument, { id: cases[0]!.id }, { token: advisor })).enforcementCase;
    expect(c).toMatchObject({ state: 'UNDER_REVIEW', department: { code: 'CGZF' }, submittedVoluntarily: false, majorAssessment: { major: true } });
    // major because it orders a suspension of business; the fine (50,000 yuan) stays below the organisations' threshold
    expect(c.majorAssessment.reasons.map((r) => r.criterion)).toEqual(['MEASURE_KIND']);
    expect(c.evidence.totalCount).toBe(3);
    const admin = await h.login('admin');
    expect(expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain.ok).toBe(true);
  });
});
