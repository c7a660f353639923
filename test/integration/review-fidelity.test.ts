import {
  AcceptReviewDocument,
  CreateContractDocument,
  CreateNormativeDocumentDocument,
  IssueOpinionDocument,
  Issuer,
  OpinionConclusion,
  ProposalDocument,
  ProposalStep,
  RequestContractReviewDocument,
  RequestLegalityReviewDocument,
  RequestNormativeReviewDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { addNormativePackage } from '../support/packages';

type V = { rule: string; code: string; message: string };

/**
 * Issue #11 items 4 and 5: a review subject is submitted only with its package (R-LR-2), and an
 * opinion is issued only when it concludes on every aspect its subject type requires (R-LR-4),
 * walking the R-ND-11 checklist for normative documents.
 */
describe('complete packages and opinions covering every aspect', () => {
  let h: Harness;
  let t: Record<string, string>;
  let proposalId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t } = await signIn(h, ['drafter', 'advisor', 'director']));
    const { dept } = await signIn(h, ['admin']);
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['白云湖街社区微改造实施办法']);
    proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '白云湖街社区微改造实施办法');
  });
  afterAll(() => h.close());

  it('refuses a contract without its package, one R-LR-2 violation per missing item named in Chinese', async () => {
    const c = expectOk(
      await h.gql(CreateContractDocument, { input: { title: '社区活动场地租赁合同', counterparty: '广州某物业管理有限公司', amount: '36000.00', text: '租赁合同 第一版' } }, { token: t.drafter! }),
    ).createContract.contract;
    const before = await h.snapshot();
    const err = expectError(await h.gql(RequestContractReviewDocument, { input: { contractId: c.id } }, { token: t.drafter! }), 'RULE_VIOLATION');
    const v = err.extensions!.violations as V[];
    expect(v.every((x) => x.rule === 'R-LR-2')).toBe(true);
    expect(v.map((x) => x.message.match(/「(.+?)」/)?.[1])).toEqual(['相对方资质', '法律依据', '磋商记录', '合同期限']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a normative document without its package (R-LR-2)', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街促进夜间经济发展的若干措施', issuer: Issuer.StreetOffice, text: '第一条 ……', affectsBusinessesOrPublic: true, touchesMarketEntities: true, touchesMarketEntitiesReason: '措施面向辖区夜间经营的市场主体' } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    const before = await h.snapshot();
    const err = expectError(await h.gql(RequestNormativeReviewDocument, { input: { documentId: d.id } }, { token: t.drafter! }), 'RULE_VIOLATION');
    const v = err.extensions!.violations as V[];
    expect(v.every((x) => x.rule === 'R-LR-2')).toBe(true);
    expect(v.map((x) => x.message.match(/「(.+?)」/)?.[1])).toEqual(['起草说明', '制定依据', '征求意见情况', '公平竞争审查']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses an opinion that states no conclusion on authority, procedure and content (R-LR-4)', async () => {
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal;
    const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: p.version } }, { token: t.drafter! })).requestLegalityReview.review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: t.advisor! }));
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审查，合法。', findings: [] } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    const before = await h.snapshot();
    const err = expectError(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    const v = err.extensions!.violations as V[];
    expect(v.filter((x) => x.rule === 'R-LR-4').map((x) => x.message.match(/「(.+?)」/)?.[1])).toEqual(['主体与权限', '程序', '内容']);
    expect(await h.snapshot()).toEqual(before);
  });
  it('refuses an opinion on a normative document that does not walk the R-ND-11 checklist', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街沿街商铺管理规定', issuer: Issuer.StreetOffice, text: '第一条 ……', affectsBusinessesOrPublic: true, touchesMarketEntities: false } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    await addNormativePackage(h, t.drafter!, d.id);
    const r = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: d.id } }, { token: t.drafter! })).requestNormativeReview.review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! }));
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审核，合法。', findings: [] } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    const err = expectError(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    const v = err.extensions!.violations as V[];
    expect(v.filter((x) => x.rule === 'R-ND-11')).toHaveLength(6);
  });
});
