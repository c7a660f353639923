import { print } from 'graphql';
import { createApp, type App } from '../../src/app';
import { OPERATIONS } from '../../bench/operations';
import { EnforcementCaseDocument, EnforcementNodeDocument, MeetingDocument, ProposalDocument, ProposalStep, UpdateProposalDocument } from '../__generated__/graphql';
import { startHarness, type Harness } from '../support/harness';
import { buildWorld, type World } from '../support/world';

/**
 * The server runs operations compiled (graphql-jit, src/graphql/executor.ts) unless told otherwise;
 * a second server on the same database with GRAPHQL_EXECUTOR=graphql-js gives the same answers —
 * data, errors, HTTP status — to the console's screens, the benchmark's operations, refusals and
 * bad input.
 */
describe('GRAPHQL_EXECUTOR: compiled and graphql-js give the same answers', () => {
  let h: Harness;
  let w: World;
  let interpreted: App;
  let interpretedUrl: string;

  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '10000000' } });
    w = await buildWorld(h);
    interpreted = await createApp(h.orm, { ...h.deps, config: { ...h.config, graphql: { ...h.config.graphql, executor: 'graphql-js' } } });
    interpretedUrl = `http://127.0.0.1:${await interpreted.listen(0, '127.0.0.1')}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await interpreted?.close();
    await h?.close();
  });

  async function post(url: string, body: unknown, token?: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    // answers of many shapes, compared whole
    return { status: res.status, body: (await res.json()) as any };
  }

  async function same(body: { query: string; variables?: Record<string, unknown>; operationName?: string }, token?: string) {
    const a = await post(h.url, body, token);
    const b = await post(interpretedUrl, body, token);
    expect(a).toEqual(b);
    return a;
  }

  it('the default is the compiled executor', () => {
    expect(h.config.graphql.executor).toBe('compiled');
  });

  it('the benchmark’s operations, as each role', async () => {
    for (const op of OPERATIONS) {
      for (const as of ['admin', 'drafter', 'drafter2', 'advisor', 'filing']) {
        const r = await same({ query: op.query, variables: { year: 2026, ...op.variables } }, w.tokens[as]);
        if (as === 'admin') expect(r.body.errors).toBeUndefined();
      }
    }
  });

  it('detail screens with fragments, interfaces and variables left to their defaults', async () => {
    const r = await same({ query: print(ProposalDocument), variables: { id: w.jjfz.proposalId, step: ProposalStep.RequestLegalityReview } }, w.tokens.drafter);
    expect(r.body.data.proposal.id).toBe(w.jjfz.proposalId);
    // another department's drafter: refused, with the same error and path
    const refused = await same({ query: print(ProposalDocument), variables: { id: w.jjfz.proposalId, step: ProposalStep.RequestLegalityReview } }, w.tokens.drafter2);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // `$step: EnforcementStep! = REQUEST_REVIEW` left out
    const c = await same({ query: print(EnforcementCaseDocument), variables: { id: w.cgzf.enforcementCaseId } }, w.tokens.drafter2);
    expect(c.body.data.enforcementCase.id).toBe(w.cgzf.enforcementCaseId);
    await same({ query: print(EnforcementNodeDocument), variables: { id: w.cgzf.enforcementReviewId } }, w.tokens.advisor);
    await same({ query: print(EnforcementNodeDocument), variables: { id: w.cgzf.enforcementReviewId } }, w.tokens.drafter);
    const m = await same({ query: print(MeetingDocument), variables: { id: w.meetingId } }, w.tokens.director);
    expect(m.body.errors).toBeUndefined();
  });

  it('bad input and refusals: same code, message and status, nothing changed', async () => {
    const before = await h.snapshot();
    const stale = { input: { proposalId: w.jjfz.proposalId, version: 1, title: '改名' } };
    const r = await same({ query: print(UpdateProposalDocument), variables: stale }, w.tokens.drafter);
    expect(r.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['CONFLICT']);
    await same({ query: '{ proposals(first: "x") { nodes { id } } }' }, w.tokens.admin);
    await same({ query: 'query P($n: Int!) { proposals(first: $n) { nodes { id } } }', variables: { n: 'x' } }, w.tokens.admin);
    await same({ query: 'query P($n: Int!) { proposals(first: $n) { nodes { id } } }' }, w.tokens.admin);
    await same({ query: 'query A { me { id } } query B { me { username } }', operationName: 'C' }, w.tokens.admin);
    await same({ query: 'query A { me { id } } query B { me { username } }' }, w.tokens.admin);
    await same({ query: '{ proposals(first: 2, after: "%%%") { nodes { id } } }' }, w.tokens.admin);
    await same({ query: '{ me { id } }' });
    expect(await h.snapshot()).toBe(before);
  });
});
