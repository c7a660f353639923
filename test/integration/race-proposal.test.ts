import {
  AddDraftVersionDocument,
  AddMaterialDocument,
  CreateProposalDocument,
  FairCompetitionConclusion,
  MaterialKind,
  ProposalDocument,
  ProposalSource,
  ProposalStep,
  RecordFairCompetitionReviewDocument,
  RecordHearingDocument,
  RecordRiskAssessmentDocument,
  RegisterOpinionDocument,
  RequestLegalityReviewDocument,
  RiskLevel,
  SetConsultationDocument,
} from '../__generated__/graphql';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { expectAllWin, expectClean, expectDatabaseRefuses, report, tally, together } from '../support/race';

const FLAGS = { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false };

/**
 * A proposal's drafting under concurrency (R-DEC-1…7, R-LR-2): sequence numbers taken by counting
 * stay gap-free and unique, one-per-proposal records stay one, and the package a review pins is the
 * package there is.
 */
describe('proposal drafting races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  let items: string[];
  let next = 0;

  const ready = () => readyProposal(h, t.drafter!, t.director!, items[next]!, `起草竞争${next++}`);
  const numbers = async (sql: string, id: string) => (await h.sql<{ n: number }>(sql, [id])).map((r) => Number(r.n));

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'director']));
    ({ items } = await publishedDirectory(
      h,
      t.director!,
      dept.JJFZ!,
      Array.from({ length: 8 }, (_, i) => `起草竞争${i}`),
    ));
  });
  afterAll(() => h.close());

  it('gives eight proposals created at once distinct, gap-free codes (R-DEC-1)', async () => {
    const results = await together(N, (i) =>
      h.gql(
        CreateProposalDocument,
        { input: { title: `编号${i}`, source: ProposalSource.Department, problem: '问题', legalBasis: '依据', preliminaryPlan: '方案', necessity: '必要', feasibility: '可行', flags: FLAGS } },
        { token: t.drafter! },
      ),
    );
    expectAllWin('eight proposal codes', results);
    const codes = results.map((r) => Number(expectOk(r).createProposal.proposal.code.slice(-3))).sort((a, b) => a - b);
    expect(codes).toEqual(Array.from({ length: N }, (_, i) => codes[0]! + i));
  });

  it('numbers eight risk-assessment rounds recorded at once 1…8: the latest one is unambiguous (R-DEC-7)', async () => {
    const proposalId = await ready();
    const base = { proposalId, riskPoints: '风险点', measures: '措施', contingencyPlan: '预案', assessor: '评估机构', assessedOn: '2026-02-20' };
    const results = await together(N, (i) => h.gql(RecordRiskAssessmentDocument, { input: { ...base, level: i % 2 ? RiskLevel.Low : RiskLevel.Medium } }, { token: t.drafter! }));
    expectAllWin('eight risk-assessment rounds', results);
    expect(await numbers(`select round as n from risk_assessment where proposal_id = ? order by round`, proposalId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const first = (await h.sql<{ id: string }>(`select id from risk_assessment where proposal_id = ? and round = 1`, [proposalId]))[0]!.id;
    await expectDatabaseRefuses(h.sql, 'risk_assessment', first, {}, 'risk_assessment_proposal_id_round_unique');
  });

  it('numbers eight consultation opinions registered at once 1…8 (R-DEC-4)', async () => {
    const proposalId = await ready();
    expectOk(await h.gql(SetConsultationDocument, { input: { proposalId, startsOn: '2026-01-20', endsOn: '2026-02-20', channel: '政务网站' } }, { token: t.drafter! }));
    const results = await together(N, (i) =>
      h.gql(RegisterOpinionDocument, { input: { proposalId, submitter: `居民${i}`, content: `意见${i}`, receivedOn: '2026-01-25' } }, { token: t.drafter! }),
    );
    expectAllWin('eight consultation opinions', results);
    expect(
      await numbers(`select o.seq as n from consultation_opinion o join public_consultation c on c.id = o.consultation_id where c.proposal_id = ? order by o.seq`, proposalId),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const first = (await h.sql<{ id: string }>(`select o.id from consultation_opinion o join public_consultation c on c.id = o.consultation_id where c.proposal_id = ? and o.seq = 1`, [proposalId]))[0]!.id;
    await expectDatabaseRefuses(h.sql, 'consultation_opinion', first, {}, 'consultation_opinion_consultation_id_seq_unique');
  });

  it('keeps one consultation, one hearing and one fair-competition review per proposal when each is recorded eight times at once', async () => {
    const proposalId = await ready();
    const consultation = await together(N, (i) =>
      h.gql(SetConsultationDocument, { input: { proposalId, startsOn: '2026-01-20', endsOn: `2026-02-2${i}`, channel: '政务网站' } }, { token: t.drafter! }),
    );
    expectAllWin('one consultation, eight settings', consultation);
    const hearing = await together(N, (i) =>
      h.gql(
        RecordHearingDocument,
        { input: { proposalId, heldOn: '2026-02-25', participants: [`代表${i}`], participantsPublishedOn: '2026-02-10', materialsSentOn: '2026-02-18', record: '笔录', recordSigned: true } },
        { token: t.drafter! },
      ),
    );
    expectAllWin('one hearing, eight records', hearing);
    const fair = await together(N, (i) =>
      h.gql(
        RecordFairCompetitionReviewDocument,
        { input: { proposalId, conclusion: FairCompetitionConclusion.Compliant, reviewer: `审查人${i}`, reviewedOn: '2026-02-12', notes: '逐项审查' } },
        { token: t.drafter! },
      ),
    );
    expectAllWin('one fair-competition review, eight records', fair);
    for (const table of ['public_consultation', 'hearing', 'fair_competition_review']) {
      expect(await h.sql(`select id from ${table} where proposal_id = ?`, [proposalId])).toHaveLength(1);
    }
  });

  it('numbers eight drafts added at once one after another (R-DEC-2)', async () => {
    const proposalId = await ready();
    const results = await together(N, (i) => h.gql(AddDraftVersionDocument, { input: { proposalId, text: `第${i}稿`, changeNote: `修改${i}` } }, { token: t.drafter! }));
    expectAllWin('eight drafts', results);
    const drafts = await numbers(`select number as n from text_version where owner_type = 'PROPOSAL' and owner_id = ? order by number`, proposalId);
    expect(drafts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.Deliberation }, { token: t.drafter! })).proposal;
    expect(p.currentDraftNumber).toBe(9);
  });

  it('pins exactly the package there is: no material slips in while the review is requested (R-LR-2)', async () => {
    for (let round = 0; round < 2; round++) {
      const proposalId = await ready();
      const v = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal.version;
      const results = await together<unknown>(N, (i) =>
        i === 0
          ? h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: v } }, { token: t.drafter! })
          : h.gql(AddMaterialDocument, { input: { proposalId, kind: MaterialKind.Other, title: `补充${i}`, text: `补充材料${i}` } }, { token: t.drafter! }),
      );
      expectClean(results);
      report('review request vs seven material uploads', tally(results), { round, requested: !results[0]!.errors });
      const materials = (await h.sql<{ id: string }>(`select id from material where owner_type = 'PROPOSAL' and owner_id = ?`, [proposalId])).map((r) => r.id).sort();
      const review = (await h.sql<{ pinned_materials: { id: string }[] }>(`select pinned_materials from review_request where subject_id = ?`, [proposalId]))[0];
      if (review) expect(review.pinned_materials.map((m) => m.id).sort()).toEqual(materials);
    }
  });
});
