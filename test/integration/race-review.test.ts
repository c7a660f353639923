import {
  AcceptReviewDocument,
  AddContractDraftDocument,
  AddDraftVersionDocument,
  ConfirmAmendedDraftDocument,
  CreateContractDocument,
  FindingResponse,
  FindingAspect,
  IssueOpinionDocument,
  OpinionConclusion,
  ProposalDocument,
  ProposalStep,
  RequestLegalityReviewDocument,
  RespondToFindingDocument,
  ResubmitReviewDocument,
  ReturnReviewDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { publishedDirectory, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { expectAllWin, expectClean, expectDatabaseRefuses, expectOneWinner, report, tally, together } from '../support/race';
import { aspectsFor } from '../support/packages';

const MUST_FIX = { aspect: FindingAspect.Content, mustFix: true, text: '第三条须修改', lawName: '《中华人民共和国行政许可法》', article: '第十五条' };
const ADVICE = { aspect: FindingAspect.Procedure, mustFix: false, text: '建议补充说明', lawName: '《重大行政决策程序暂行条例》', article: '第二十五条' };

/**
 * The legality review under concurrency (R-LR-2…5): one open review per subject, one opinion draft
 * per review, one opinion in force, each step taken once, and an issued opinion carries the
 * findings that were checked when it was signed.
 */
describe('review races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  let items: string[];
  let next = 0;

  const ready = () => readyProposal(h, t.drafter!, t.director!, items[next]!, `审查竞争${next++}`);
  const version = async (id: string) => expectOk(await h.gql(ProposalDocument, { id, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal.version;

  async function accepted(): Promise<string> {
    const p = await ready();
    const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId: p, version: await version(p) } }, { token: t.drafter! })).requestLegalityReview.review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: t.advisor! }));
    return r.id;
  }

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'advisor', 'director']));
    ({ items } = await publishedDirectory(
      h,
      t.director!,
      dept.JJFZ!,
      Array.from({ length: 12 }, (_, i) => `审查竞争${i}`),
    ));
  });
  afterAll(() => h.close());

  it('opens one review when eight requests for one proposal arrive together (R-LR-2)', async () => {
    const p = await ready();
    const v = await version(p);
    const results = await together(N, () => h.gql(RequestLegalityReviewDocument, { input: { proposalId: p, version: v } }, { token: t.drafter! }));
    expectOneWinner('eight review requests for one proposal', results);
    expect(await h.sql(`select id from review_request where subject_id = ?`, [p])).toHaveLength(1);
  });

  it('accepts once and resubmits once when eight ask together (R-LR-2, R-LR-3)', async () => {
    const p = await ready();
    const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId: p, version: await version(p) } }, { token: t.drafter! })).requestLegalityReview.review;
    expectOneWinner('eight acceptances', await together(N, () => h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: t.advisor! })));
    const returned = expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: r.id, version: 2, missing: '补充风险说明' } }, { token: t.advisor! })).returnReview.review;
    const results = await together(N, () => h.gql(ResubmitReviewDocument, { input: { reviewId: r.id, version: returned.version } }, { token: t.drafter! }));
    expectOneWinner('eight resubmissions', results);
    const trail = await h.sql(`select id from audit_event where subject_id = ? and action = 'review.resubmit'`, [r.id]);
    expect(trail).toHaveLength(1);
  });

  it('keeps one opinion draft per review when eight drafts are started together (R-LR-5)', async () => {
    const reviewId = await accepted();
    const results = await together(N, (i) =>
      h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: `草稿${i}`, findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
    );
    expectOneWinner('eight opinion drafts for one review', results);
    const drafts = await h.sql<{ id: string }>(`select id from legal_opinion where review_id = ? and status = 'DRAFT'`, [reviewId]);
    expect(drafts).toHaveLength(1);
    await expectDatabaseRefuses(h.sql, 'legal_opinion', drafts[0]!.id, { number: 99 }, 'legal_opinion_one_draft_per_review');
  });

  it('issues an opinion with the findings it checked: edits of the draft racing the signature never slip in (R-LR-4, R-LR-5)', async () => {
    for (let round = 0; round < 2; round++) {
      const reviewId = await accepted();
      const o = expectOk(
        await h.gql(
          SaveOpinionDraftDocument,
          { input: { reviewId, conclusion: OpinionConclusion.LawfulWithAmendments, text: '修改后合法', findings: [MUST_FIX], aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, [MUST_FIX]) } },
          { token: t.advisor! },
        ),
      ).saveOpinionDraft.opinion;
      // the signature races seven edits that would drop the one must-fix finding
      const results = await together<unknown>(N, (i) =>
        i === 0
          ? h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })
          : h.gql(
              SaveOpinionDraftDocument,
              { input: { reviewId, opinionId: o.id, conclusion: OpinionConclusion.LawfulWithAmendments, text: '修改后合法', findings: [ADVICE], aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, [ADVICE]) } },
              { token: t.advisor! },
            ),
      );
      expectClean(results);
      report('issue vs seven draft edits', tally(results), { round, issued: !results[0]!.errors });
      const issued = await h.sql<{ must_fix: boolean }>(
        `select f.must_fix from legal_opinion o join opinion_finding f on f.opinion_id = o.id where o.id = ? and o.status = 'ISSUED'`,
        [o.id],
      );
      if (!results[0]!.errors) expect(issued.some((f) => f.must_fix)).toBe(true);
    }
  });

  it('issues once and keeps one opinion in force when eight signatures arrive together (R-LR-5)', async () => {
    const reviewId = await accepted();
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: '合法', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    expectOneWinner('eight signatures of one opinion', await together(N, () => h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })));
    // a correcting opinion: the review is open again for it, and signing it eight times supersedes the first once
    const c = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: '更正后合法', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    expectOneWinner('eight signatures of a correction', await together(N, () => h.gql(IssueOpinionDocument, { input: { opinionId: c.id, version: c.version } }, { token: t.advisor! })));
    const inForce = await h.sql<{ id: string }>(`select id from legal_opinion where review_id = ? and status = 'ISSUED' and not superseded`, [reviewId]);
    expect(inForce).toHaveLength(1);
    await expectDatabaseRefuses(h.sql, 'legal_opinion', inForce[0]!.id, { number: 99 }, 'legal_opinion_one_in_force_per_review');
  });

  it('confirms an amended draft once when eight confirmations arrive together (R-DEC-9)', async () => {
    const p = await ready();
    const reviewId = await reviewProposal(h, t.drafter!, t.advisor!, p);
    expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId: p, text: '修改稿', changeNote: '按意见修改' } }, { token: t.drafter! }));
    const opinionId = (await h.sql<{ id: string }>(`select id from legal_opinion where review_id = ? and status = 'ISSUED'`, [reviewId]))[0]!.id;
    const results = await together(N, (i) => h.gql(ConfirmAmendedDraftDocument, { input: { opinionId, note: `已核对${i}` } }, { token: t.advisor! }));
    expectOneWinner('eight confirmations of one amended draft', results);
    const confirmations = await h.sql<{ id: string }>(`select id from opinion_confirmation where opinion_id = ?`, [opinionId]);
    expect(confirmations).toHaveLength(1);
    await expectDatabaseRefuses(h.sql, 'opinion_confirmation', confirmations[0]!.id, {}, 'opinion_confirmation_opinion_id_draft_hash_unique');
  });

  it('numbers eight contract drafts added at once one after another (R-LR-1)', async () => {
    const c = expectOk(
      await h.gql(CreateContractDocument, { input: { title: '物业服务合同', counterparty: '云湖物业公司', amount: '125000.00', text: '第一稿' } }, { token: t.drafter! }),
    ).createContract.contract;
    const results = await together(N, (i) => h.gql(AddContractDraftDocument, { input: { contractId: c.id, text: `第${i + 2}稿`, changeNote: `修改${i}` } }, { token: t.drafter! }));
    expectAllWin('eight contract drafts', results);
    const numbers = (await h.sql<{ n: number }>(`select number as n from text_version where owner_id = ? order by number`, [c.id])).map((r) => Number(r.n));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes no answer to a finding once a correcting opinion has replaced it (R-DEC-9)', async () => {
    for (let round = 0; round < 2; round++) {
      const reviewId = await accepted();
      const first = expectOk(
        await h.gql(
          SaveOpinionDraftDocument,
          { input: { reviewId, conclusion: OpinionConclusion.LawfulWithAmendments, text: '修改后合法', findings: [MUST_FIX, ADVICE], aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, [MUST_FIX, ADVICE]) } },
          { token: t.advisor! },
        ),
      ).saveOpinionDraft.opinion;
      const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: first.id, version: first.version } }, { token: t.advisor! })).issueOpinion.opinion;
      const correction = expectOk(
        await h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: '更正：合法', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
      ).saveOpinionDraft.opinion;
      const findings = issued.findings.map((f) => f.id);
      // the correction is signed while the drafter answers the findings of the first opinion
      const results = await together<unknown>(N, (i) =>
        i === 0
          ? h.gql(IssueOpinionDocument, { input: { opinionId: correction.id, version: correction.version } }, { token: t.advisor! })
          : h.gql(
              RespondToFindingDocument,
              { input: { findingId: findings[i % findings.length]!, response: FindingResponse.NotAdopted, reason: `理由${i}` } },
              { token: t.drafter! },
            ),
      );
      expectClean(results);
      report('correction vs seven answers to the replaced opinion', tally(results), { round, corrected: !results[0]!.errors });
      // in commit order (the audit chain), no answer to the first opinion follows the correction
      const trail = (await h.sql<{ action: string; after: { opinionId?: string } }>(`select action, after from audit_event where subject_id = ? order by id`, [reviewId])).filter(
        (e) => e.action === 'review.finding.respond' || (e.action === 'review.opinion.issue' && e.after.opinionId === correction.id),
      );
      const corrected = trail.findIndex((e) => e.action === 'review.opinion.issue');
      if (corrected >= 0) expect(trail.slice(corrected + 1).map((e) => e.action)).toEqual([]);
    }
  });
});
