import { CreateProposalDocument, ProposalDocument, ProposalSource, ProposalStep, RuleDocument, RulesDocument } from '../__generated__/graphql';
import { RULES } from '../../src/core/rules/registry';
import { publishedDirectory, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

describe('the rules registry through the API', () => {
  let h: Harness;
  let t: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t } = await signIn(h, ['drafter', 'director', 'admin']));
  });
  afterAll(() => h.close());

  it('lists every registered rule with its source and configured values', async () => {
    const rules = expectOk(await h.gql(RulesDocument, {}, { token: t.drafter! })).rules;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const consultation = rules.find((r) => r.id === 'R-DEC-4')!;
    expect(consultation).toMatchObject({ title: '公开征求意见', area: 'DECISION', configKeys: ['decision.consultationMinDays'] });
    expect(consultation.source).toContain('重大行政决策程序暂行条例');
    expect(consultation.settings).toEqual([{ key: 'decision.consultationMinDays', value: '30' }]);
  });

  it('answers one rule by id, and NOT_FOUND for an unknown id', async () => {
    expect(expectOk(await h.gql(RuleDocument, { id: 'R-LR-3' }, { token: t.drafter! })).rule).toEqual({ id: 'R-LR-3', title: '审查期限' });
    expectError(await h.gql(RuleDocument, { id: 'R-XX-99' }, { token: t.drafter! }), 'NOT_FOUND');
    expectError(await h.gql(RulesDocument, {}, { token: null }), 'UNAUTHENTICATED');
  });

  it('resolves every blocker and every violation in an error to its registry entry', async () => {
    const { dept } = await signIn(h, ['admin']);
    await publishedDirectory(h, t.director!, dept.JJFZ!, ['规则测试事项']);
    const p = expectOk(
      await h.gql(
        CreateProposalDocument,
        {
          input: {
            title: '规则测试事项',
            source: ProposalSource.Department,
            problem: '问题',
            legalBasis: '依据',
            preliminaryPlan: '方案',
            necessity: '必要',
            feasibility: '可行',
            flags: { affectsPublicInterest: true, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false },
          },
        },
        { token: t.drafter! },
      ),
    ).createProposal.proposal;
    const blockers = expectOk(await h.gql(ProposalDocument, { id: p.id, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal.blockers;
    expect(blockers.length).toBeGreaterThan(0);
    for (const b of blockers) expect(b.title).toBe(RULES.find((r) => r.id === b.rule)!.title);
  });
});
