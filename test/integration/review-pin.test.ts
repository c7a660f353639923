import {
  AcceptReviewDocument,
  AddContractDraftDocument,
  AddDraftVersionDocument,
  AddNormativeVersionDocument,
  ConfirmAmendedDraftDocument,
  CreateContractDocument,
  CreateNormativeDocumentDocument,
  FindingAspect,
  FindingResponse,
  IssueOpinionDocument,
  Issuer,
  OpinionConclusion,
  ProposalDocument,
  ProposalStep,
  RequestContractReviewDocument,
  RequestLegalityReviewDocument,
  RequestNormativeReviewDocument,
  RespondToFindingDocument,
  ResubmitReviewDocument,
  ReturnReviewDocument,
  ReviewDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { addContractPackage, addNormativePackage, aspectsFor, CONTRACT_FACTS } from '../support/packages';

/**
 * An opinion covers exactly the text that was reviewed (R-LR-5, R-DEC-9): the text pinned when the
 * review was requested (or re-pinned by a resubmission or a confirmed amendment), never the
 * subject's text as it happens to be when the advisor signs.
 */
describe('an opinion covers the pinned text, for every subject type', () => {
  let h: Harness;
  let t: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t } = await signIn(h, ['drafter', 'advisor', 'director', 'admin', 'filing']));
  });
  afterAll(() => h.close());

  const review = async (id: string) => expectOk(await h.gql(ReviewDocument, { id }, { token: t.advisor! })).review;

  async function issueRefused(reviewId: string, rule: string, fromNumber: number, toNumber: number, normative = false) {
    const r = await review(reviewId);
    const draft = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: '经审查，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, [], { normative }) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    // the draft opinion is tied to the pinned text, not to whatever the text is now
    expect(draft.reviewedDraftHash).toBe(r.pinnedHash);
    const before = await h.snapshot();
    const err = expectError(await h.gql(IssueOpinionDocument, { input: { opinionId: draft.id, version: draft.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    const violations = err.extensions!.violations as { rule: string; code: string; message: string }[];
    expect(violations.map((v) => v.rule)).toContain(rule);
    const v = violations.find((x) => x.code === 'TEXT_CHANGED_SINCE_PINNED')!;
    expect(v.message).toContain(`第 ${fromNumber} 版`);
    expect(v.message).toContain(`第 ${toNumber} 版`);
    expect(await h.snapshot()).toEqual(before);
    return draft;
  }

  it('contract: a new draft after acceptance blocks issuing until the review is returned and resubmitted', async () => {
    const c = expectOk(
      await h.gql(CreateContractDocument, { input: { title: '社区活动场地租赁合同', counterparty: '广州某物业管理有限公司', amount: '36000.00', text: '租赁合同 第一版', ...CONTRACT_FACTS } }, { token: t.drafter! }),
    ).createContract.contract;
    await addContractPackage(h, t.drafter!, c.id);
    let r = expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId: c.id } }, { token: t.drafter! })).requestContractReview.review;
    r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! })).acceptReview.review;
    expectOk(await h.gql(AddContractDraftDocument, { input: { contractId: c.id, text: '租赁合同 第二版：租金上调', changeNote: '调整租金' } }, { token: t.drafter! }));

    const draft = await issueRefused(r.id, 'R-LR-5', 1, 2);

    // the way forward: return, resubmit (re-pins version 2), then issue
    r = await review(r.id);
    r = expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: r.id, version: r.version, missing: '请确认以第二版文本送审' } }, { token: t.advisor! })).returnReview.review;
    r = expectOk(await h.gql(ResubmitReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.drafter! })).resubmitReview.review;
    expect(r.pinnedVersion.number).toBe(2);
    const saved = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId: r.id, opinionId: draft.id, opinionVersion: draft.version, conclusion: OpinionConclusion.Lawful, text: '经审查第二版，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: saved.id, version: saved.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expect(issued.reviewedDraftHash).toBe(r.pinnedHash);
  });

  it('normative document: a new version after acceptance blocks issuing until resubmitted', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街出租屋消防安全管理办法', issuer: Issuer.StreetOffice, text: '第一条 第一版', affectsBusinessesOrPublic: true, touchesMarketEntities: false } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    await addNormativePackage(h, t.drafter!, d.id);
    const requested = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: d.id } }, { token: t.drafter! })).requestNormativeReview.review;
    let r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: requested.id, version: requested.version } }, { token: t.advisor! })).acceptReview.review;
    expectOk(await h.gql(AddNormativeVersionDocument, { input: { documentId: d.id, text: '第一条 第二版：增加罚款', changeNote: '修改' } }, { token: t.drafter! }));

    await issueRefused(r.id, 'R-LR-5', 1, 2, true);

    r = await review(r.id);
    r = expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: r.id, version: r.version, missing: '文本已修改，请重新提交' } }, { token: t.advisor! })).returnReview.review;
    r = expectOk(await h.gql(ResubmitReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.drafter! })).resubmitReview.review;
    expect(r.pinnedVersion.number).toBe(2);
    const o = (await review(r.id)).opinions.find((x) => x.status === 'DRAFT')!;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expect(issued.reviewedDraftHash).toBe(r.pinnedHash);
  });

  it('proposal: a superseding opinion cannot cover an unconfirmed revision; confirming the amended draft re-pins it', async () => {
    const { dept } = await signIn(h, ['admin']);
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['白云湖街老旧小区加装电梯补贴办法']);
    const proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '白云湖街老旧小区加装电梯补贴办法');
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal;
    const requested = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: p.version } }, { token: t.drafter! })).requestLegalityReview.review;
    let r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: requested.id, version: (await review(requested.id)).version } }, { token: t.advisor! })).acceptReview.review;
    const first = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        {
          input: {
            reviewId: r.id,
            conclusion: OpinionConclusion.LawfulWithAmendments,
            text: '修改后合法。',
            findings: [{ aspect: FindingAspect.Content, mustFix: true, text: '补贴条件应明确', lawName: '《广东省行政规范性文件管理规定》', article: '第十条' }],
            aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, [{ aspect: FindingAspect.Content, mustFix: true }]),
          },
        },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: first.id, version: first.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expectOk(await h.gql(RespondToFindingDocument, { input: { findingId: issued.findings[0]!.id, response: FindingResponse.Adopted } }, { token: t.drafter! }));
    // the drafter revises after the opinion
    expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId, text: '白云湖街老旧小区加装电梯补贴办法\n第一条 补贴条件：……', changeNote: '落实意见' } }, { token: t.drafter! }));

    // a corrective opinion written now would silently cover draft 2, which the advisor never reviewed
    const correction = await issueRefused(r.id, 'R-DEC-9', 1, 2);

    // confirming the amended draft re-pins the review to draft 2; the correction may then be issued
    expectOk(await h.gql(ConfirmAmendedDraftDocument, { input: { opinionId: issued.id, note: '修改稿已落实审查意见' } }, { token: t.advisor! }));
    const repinned = await review(r.id);
    expect(repinned.pinnedVersion.number).toBe(2);
    const saved = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId: r.id, opinionId: correction.id, opinionVersion: correction.version, conclusion: OpinionConclusion.Lawful, text: '经审查修改稿，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const corrected = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: saved.id, version: saved.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expect(corrected.reviewedDraftHash).toBe(repinned.pinnedHash);
    expect(corrected.supersedesId).toBe(issued.id);
  });
});
