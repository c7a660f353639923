import { NodeDocument, ProposalDocument, ProposalStep } from '../__generated__/graphql';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

describe('node(id): any object refetched by id, with the visibility of its own query', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  let proposalId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'director', 'advisor']));
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['节点测试事项']);
    proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '节点测试事项');
  });
  afterAll(() => h.close());

  it('refetches a proposal, its draft and a material, typed', async () => {
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.Deliberation }, { token: t.drafter! })).proposal;
    expect(expectOk(await h.gql(NodeDocument, { id: proposalId }, { token: t.drafter! })).node).toEqual({ __typename: 'DecisionProposal', id: proposalId, code: p.code });
    expect(expectOk(await h.gql(NodeDocument, { id: p.currentDraft!.id }, { token: t.advisor! })).node).toMatchObject({ __typename: 'TextVersion', number: 1 });
    expect(expectOk(await h.gql(NodeDocument, { id: dept.JJFZ! }, { token: t.drafter2! })).node).toMatchObject({ __typename: 'Department', code: 'JJFZ' });
  });

  it('refuses what the caller may not see through its own query, and answers NOT_FOUND for an unknown id', async () => {
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.Deliberation }, { token: t.drafter! })).proposal;
    expectError(await h.gql(NodeDocument, { id: proposalId }, { token: t.drafter2! }), 'FORBIDDEN');
    expectError(await h.gql(NodeDocument, { id: p.currentDraft!.id }, { token: t.drafter2! }), 'FORBIDDEN');
    expectError(await h.gql(NodeDocument, { id: '00000000-0000-4000-8000-000000000000' }, { token: t.drafter! }), 'NOT_FOUND');
    expectError(await h.gql(NodeDocument, { id: 'not-a-uuid' }, { token: t.drafter! }), 'BAD_USER_INPUT');
  });
});
