import {
  AcceptReviewDocument,
  AddContractMaterialDocument,
  AddDraftVersionDocument,
  AddMaterialDocument,
  AuditSubjectType,
  AuditTrailDocument,
  ConfirmAmendedDraftDocument,
  CreateContractDocument,
  ExtendReviewDocument,
  FindingAspect,
  FindingResponse,
  IssueOpinionDocument,
  MaterialKind,
  OpinionConclusion,
  ProposalDocument,
  ProposalStep,
  RequestContractReviewDocument,
  RequestLegalityReviewDocument,
  RespondToFindingDocument,
  ResubmitReviewDocument,
  ReturnReviewDocument,
  ReviewCountsDocument,
  ReviewDocument,
  ReviewsDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';
import { addContractPackage, aspectsFor, CONTRACT_FACTS } from '../support/packages';

const FINDINGS = [
  {
    aspect: FindingAspect.Content,
    mustFix: true,
    text: '第二条设定的企业资格条件缺乏上位法依据，应删除或改为鼓励性条款',
    lawName: '《优化营商环境条例》',
    article: '第六十四条',
  },
  {
    aspect: FindingAspect.Procedure,
    mustFix: true,
    text: '涉及市场主体经济活动，出台前应进行公平竞争审查',
    lawName: '《公平竞争审查条例》',
    article: '第十八条',
  },
  { aspect: FindingAspect.Authority, mustFix: false, text: '建议以街道办事处名义印发', lawName: '《地方各级人民代表大会和地方各级人民政府组织法》', article: '第八十六条' },
];

describe('legality review journey', () => {
  let h: Harness;
  let t: Record<string, string>;
  let proposalId: string;
  let reviewId: string;
  let opinionId: string;

  const review = async () => expectOk(await h.gql(ReviewDocument, { id: reviewId }, { token: t.advisor! })).review;
  const proposal = async (step: ProposalStep = ProposalStep.Deliberation) => expectOk(await h.gql(ProposalDocument, { id: proposalId, step }, { token: t.drafter! })).proposal;

  async function refusedUnchanged<R>(call: () => Promise<GqlResponse<R>>, code: string, rule?: string) {
    const before = await h.snapshot();
    const err = expectError(await call(), code);
    if (rule) expect((err.extensions!.violations as { rule: string }[]).map((v) => v.rule)).toContain(rule);
    expect(await h.snapshot()).toEqual(before);
    return err;
  }

  beforeAll(async () => {
    // The clock travels for weeks: tokens must outlive it.
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director', 'admin']));
    const { dept } = await signIn(h, ['admin']);
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['白云湖街促进电子竞技产业发展扶持办法']);
    proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '白云湖街促进电子竞技产业发展扶持办法');
  });
  afterAll(() => h.close());

  it('refuses a requested completion date that leaves the advisor fewer than 7 working days (R-LR-3)', async () => {
    const p = await proposal(ProposalStep.RequestLegalityReview);
    // today is Thu 5 March 2026: 6 working days to Fri 13 March
    const err = await refusedUnchanged(
      () => h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: p.version, requestedCompletionOn: '2026-03-13' } }, { token: t.drafter! }),
      'RULE_VIOLATION',
      'R-LR-3',
    );
    expect(err.message).toContain('不得少于 7 个工作日');
  });

  it('pins the draft and the materials; the advisor returns it for supplement and the clock does not start', async () => {
    const p = await proposal(ProposalStep.RequestLegalityReview);
    const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: p.version } }, { token: t.drafter! })).requestLegalityReview.review;
    reviewId = r.id;
    const full = await review();
    expect(full).toMatchObject({ code: 'SC-2026-001', status: 'SUBMITTED', subjectType: 'DECISION', pinnedVersion: { number: 1 }, pinnedHash: p.currentDraft!.contentHash });
    expect((full.pinnedMaterials as unknown[]).length).toBe(3);
    expect(full.deadline).toEqual({ dueOn: null, workingDaysLeft: null, overdue: false, paused: false });

    // a drafter cannot do the advisor's work
    await refusedUnchanged(() => h.gql(AcceptReviewDocument, { input: { reviewId, version: full.version } }, { token: t.drafter! }), 'FORBIDDEN');

    const returned = expectOk(
      await h.gql(ReturnReviewDocument, { input: { reviewId, version: full.version, missing: '缺少征求相关企业意见的情况说明' } }, { token: t.advisor! }),
    ).returnReview.review;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '缺少征求相关企业意见的情况说明', acceptedOn: null });
    expect((await proposal()).state).toBe('INCLUDED');
  });

  it('takes the supplement and the resubmission, re-pinning the materials', async () => {
    expectOk(await h.gql(AddMaterialDocument, { input: { proposalId, kind: MaterialKind.Other, title: '企业意见征求情况说明', text: '已征求12家企业意见' } }, { token: t.drafter! }));
    const r = await review();
    await refusedUnchanged(() => h.gql(ResubmitReviewDocument, { input: { reviewId, version: r.version } }, { token: t.drafter2! }), 'FORBIDDEN');
    const again = expectOk(await h.gql(ResubmitReviewDocument, { input: { reviewId, version: r.version } }, { token: t.drafter! })).resubmitReview.review;
    expect(again.status).toBe('SUBMITTED');
    expect((again.pinnedMaterials as unknown[]).length).toBe(4);
    expect((await proposal()).state).toBe('LEGALITY_REVIEW_REQUESTED');
  });

  it('starts the clock on acceptance: due in 10 working days', async () => {
    h.clock.set(new Date('2026-03-06T01:00:00Z')); // Fri 6 March
    const r = await review();
    const accepted = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId, version: r.version } }, { token: t.advisor! })).acceptReview.review;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2026-03-06', dueOn: '2026-03-20', assignedTo: { username: 'advisor' } });
    expect(accepted.deadline).toEqual({ dueOn: '2026-03-20', workingDaysLeft: 10, overdue: false, paused: false });
    const queue = expectOk(await h.gql(ReviewsDocument, { filter: { assignedToMe: true } }, { token: t.advisor! })).reviews;
    expect(queue.edges.map((e) => e.node.proposal?.code)).toEqual(['JC-2026-001']);
  });

  it('refuses an opinion from a drafter', async () => {
    await refusedUnchanged(
      () => h.gql(SaveOpinionDraftDocument, { input: { reviewId, conclusion: OpinionConclusion.Lawful, text: '合法', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.drafter! }),
      'FORBIDDEN',
    );
  });

  it('issues a signed opinion with two must-fix findings citing the law (LAWFUL_WITH_AMENDMENTS)', async () => {
    h.clock.set(new Date('2026-03-12T02:00:00Z'));
    let o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId, conclusion: OpinionConclusion.LawfulWithAmendments, text: '法律意见书（草稿）', findings: FINDINGS.slice(0, 1), aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, FINDINGS.slice(0, 1)) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    expect(o.status).toBe('DRAFT');
    o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId, opinionId: o.id, opinionVersion: o.version, conclusion: OpinionConclusion.LawfulWithAmendments, text: '法律意见书：经审查，该办法修改后合法。', findings: FINDINGS, aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, FINDINGS) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    expect(o.findings).toHaveLength(3);
    // drafters do not see drafts
    expect(expectOk(await h.gql(ReviewDocument, { id: reviewId }, { token: t.drafter! })).review.opinions).toEqual([]);
    await refusedUnchanged(() => h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.drafter! }), 'FORBIDDEN');
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })).issueOpinion.opinion;
    opinionId = issued.id;
    expect(issued).toMatchObject({ status: 'ISSUED', conclusion: 'LAWFUL_WITH_AMENDMENTS', signedBy: { username: 'advisor' } });
    expect(issued.findings.map((f) => `${f.aspect}:${f.mustFix}:${f.lawName}${f.article}`)).toEqual([
      'CONTENT:true:《优化营商环境条例》第六十四条',
      'PROCEDURE:true:《公平竞争审查条例》第十八条',
      'AUTHORITY:false:《地方各级人民代表大会和地方各级人民政府组织法》第八十六条',
    ]);
    const p = await proposal();
    expect(p.state).toBe('LEGALITY_REVIEWED');
    expect(issued.reviewedDraftHash).toBe(p.currentDraft!.contentHash);
    expect((await review()).status).toBe('OPINION_ISSUED');
  });

  it('never changes an issued opinion: the service refuses (R-LR-5) and so does the database', async () => {
    const o = (await review()).opinions[0]!;
    await refusedUnchanged(
      () =>
        h.gql(
          SaveOpinionDraftDocument,
          { input: { reviewId, opinionId: o.id, opinionVersion: o.version, conclusion: OpinionConclusion.Lawful, text: '改为合法', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } },
          { token: t.advisor! },
        ),
      'RULE_VIOLATION',
      'R-LR-5',
    );
    await refusedUnchanged(() => h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }), 'RULE_VIOLATION', 'R-LR-5');
    await expect(h.sql(`update legal_opinion set conclusion = 'LAWFUL' where id = ?`, [o.id])).rejects.toThrow(/immutable/);
    await expect(h.sql(`update opinion_finding set text = 'x' where opinion_id = ?`, [o.id])).rejects.toThrow(/immutable/);
    await expect(h.sql(`delete from opinion_finding where opinion_id = ?`, [o.id])).rejects.toThrow(/immutable/);
  });

  it('blocks deliberation until every must-fix finding is answered (R-DEC-9), database unchanged', async () => {
    const before = await h.snapshot();
    const blockers = (await proposal()).blockers;
    expect(blockers.map((b) => `${b.rule}:${b.code}`)).toEqual(['R-DEC-9:FINDING_UNANSWERED', 'R-DEC-9:FINDING_UNANSWERED']);
    expect(await h.snapshot()).toEqual(before);
    const [f1, f2] = (await review()).opinions[0]!.findings;
    expectOk(await h.gql(RespondToFindingDocument, { input: { findingId: f1!.id, response: FindingResponse.Adopted } }, { token: t.drafter! }));
    await refusedUnchanged(
      () => h.gql(RespondToFindingDocument, { input: { findingId: f2!.id, response: FindingResponse.NotAdopted } }, { token: t.drafter! }),
      'RULE_VIOLATION',
      'R-DEC-9',
    );
    await refusedUnchanged(() => h.gql(RespondToFindingDocument, { input: { findingId: f2!.id, response: FindingResponse.Adopted } }, { token: t.advisor! }), 'FORBIDDEN');
    expectOk(await h.gql(RespondToFindingDocument, { input: { findingId: f2!.id, response: FindingResponse.Adopted } }, { token: t.drafter! }));
    expect((await proposal()).blockers).toEqual([]);
  });

  it('requires the advisor to confirm a draft revised after the opinion (R-DEC-9)', async () => {
    expectOk(
      await h.gql(
        AddDraftVersionDocument,
        { input: { proposalId, text: '白云湖街促进电子竞技产业发展扶持办法\n第一条 ……\n第二条 鼓励电竞企业在辖区发展', changeNote: '按法律意见删除资格条件' } },
        { token: t.drafter! },
      ),
    );
    const before = await h.snapshot();
    expect((await proposal()).blockers.map((b) => `${b.rule}:${b.code}`)).toEqual(['R-DEC-9:DRAFT_CHANGED_UNCONFIRMED']);
    expect(await h.snapshot()).toEqual(before);
    await refusedUnchanged(() => h.gql(ConfirmAmendedDraftDocument, { input: { opinionId, note: '同意' } }, { token: t.drafter! }), 'FORBIDDEN');
    const c = expectOk(await h.gql(ConfirmAmendedDraftDocument, { input: { opinionId, note: '修改稿已落实审查意见' } }, { token: t.advisor! })).confirmAmendedDraft.confirmation;
    const p = await proposal();
    expect(c.draftHash).toBe(p.currentDraft!.contentHash);
    expect(p.blockers).toEqual([]);
  });

  it('keeps the whole review in the audit trail', async () => {
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.ReviewRequest, subjectId: reviewId, first: 100 }, { token: t.admin! })).auditTrail;
    expect(trail.edges.map((e) => e.node.action)).toEqual([
      'review.request',
      'review.return',
      'review.resubmit',
      'review.accept',
      'review.opinion.save_draft',
      'review.opinion.save_draft',
      'review.opinion.issue',
      'review.finding.respond',
      'review.finding.respond',
      'review.opinion.confirm_amended_draft',
    ]);
  });

  it('reviews a contract with the same engine; the clock pauses while returned, extends once, and flags overdue', async () => {
    h.clock.set(new Date('2026-03-05T02:00:00Z'));
    const c = expectOk(
      await h.gql(
        CreateContractDocument,
        { input: { title: '餐饮油烟净化设施采购合同', counterparty: '广州某环保科技有限公司', amount: '125000.00', text: '甲方：白云湖街道办事处\n乙方：……', ...CONTRACT_FACTS } },
        { token: t.drafter2! },
      ),
    ).createContract.contract;
    expect(c).toMatchObject({ code: 'HT-2026-001', amount: '125000.00', currentDraftNumber: 1 });
    expectOk(await h.gql(AddContractMaterialDocument, { input: { contractId: c.id, kind: MaterialKind.Other, title: '采购需求', text: '采购油烟净化设施 30 套' } }, { token: t.drafter2! }));
    await addContractPackage(h, t.drafter2!, c.id);
    expectError(await h.gql(RequestContractReviewDocument, { input: { contractId: c.id } }, { token: t.drafter! }), 'FORBIDDEN');
    let r = expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId: c.id } }, { token: t.drafter2! })).requestContractReview.review;
    expect(r).toMatchObject({ subjectType: 'CONTRACT', status: 'SUBMITTED', pinnedVersion: { number: 1 } });
    const id = r.id;

    h.clock.set(new Date('2026-03-06T01:00:00Z'));
    r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: id, version: r.version } }, { token: t.advisor! })).acceptReview.review;
    expect(r.dueOn).toBe('2026-03-20');
    h.clock.set(new Date('2026-03-10T01:00:00Z')); // Tue
    r = expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: id, version: r.version, missing: '缺少供应商资质证明' } }, { token: t.advisor! })).returnReview.review;
    h.clock.set(new Date('2026-03-12T01:00:00Z')); // Thu: two working days returned
    r = expectOk(await h.gql(ReviewDocument, { id }, { token: t.advisor! })).review;
    expect(r.deadline).toMatchObject({ dueOn: '2026-03-24', paused: true, overdue: false });
    r = expectOk(await h.gql(ResubmitReviewDocument, { input: { reviewId: id, version: r.version } }, { token: t.drafter2! })).resubmitReview.review;
    expect(r).toMatchObject({ status: 'ACCEPTED', pausedWorkingDays: 2, dueOn: '2026-03-24' });

    r = expectOk(await h.gql(ExtendReviewDocument, { input: { reviewId: id, version: r.version, workingDays: 3, reason: '需向区司法局请示' } }, { token: t.advisor! })).extendReview.review;
    expect(r.dueOn).toBe('2026-03-27');
    await refusedUnchanged(
      () => h.gql(ExtendReviewDocument, { input: { reviewId: id, version: r.version, workingDays: 2, reason: '再次延期' } }, { token: t.advisor! }),
      'RULE_VIOLATION',
      'R-LR-3',
    );

    h.clock.set(new Date('2026-03-30T01:00:00Z')); // Mon after the due Friday
    r = expectOk(await h.gql(ReviewDocument, { id }, { token: t.advisor! })).review;
    expect(r.deadline).toEqual({ dueOn: '2026-03-27', workingDaysLeft: -1, overdue: true, paused: false });
    const overdue = expectOk(await h.gql(ReviewsDocument, { filter: { overdue: true } }, { token: t.advisor! })).reviews;
    expect(overdue.edges.map((e) => e.node.contract?.code)).toEqual(['HT-2026-001']);
    const dueSoon = expectOk(await h.gql(ReviewsDocument, { filter: { dueWithinWorkingDays: 3 } }, { token: t.advisor! })).reviews;
    expect(dueSoon.totalCount).toBe(1);


    // the exploratory conclusion is for decisions only (R-LR-5)
    const draft = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: id, conclusion: OpinionConclusion.ExploratoryRiskDisclosed, text: '探索', findings: [FINDINGS[0]!], aspects: aspectsFor(OpinionConclusion.ExploratoryRiskDisclosed, [FINDINGS[0]!]) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    await refusedUnchanged(() => h.gql(IssueOpinionDocument, { input: { opinionId: draft.id, version: draft.version } }, { token: t.advisor! }), 'RULE_VIOLATION', 'R-LR-5');
    const lawful = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId: id, opinionId: draft.id, opinionVersion: draft.version, conclusion: OpinionConclusion.Lawful, text: '经审查，合同主体适格、内容合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: lawful.id, version: lawful.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expect(issued).toMatchObject({ status: 'ISSUED', conclusion: 'LAWFUL' });
    r = expectOk(await h.gql(ReviewDocument, { id }, { token: t.drafter2! })).review;
    expect(r.status).toBe('OPINION_ISSUED');
    expect(r.deadline).toMatchObject({ overdue: true });
    const counts = expectOk(await h.gql(ReviewCountsDocument, {}, { token: t.advisor! })).reviewCounts;
    expect(counts.find((c) => c.status === 'OPINION_ISSUED')!.count).toBe(2);
  });
});
