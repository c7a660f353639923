import {
  AddAgendaItemDocument,
  AddDraftVersionDocument,
  AddMaterialDocument,
  CreateUserDocument,
  FinaliseMeetingDocument,
  HeadDecision,
  MaterialKind,
  MemberPositionKind,
  ProposalDocument,
  ProposalStep,
  RecordHeadDecisionDocument,
  RecordPositionDocument,
  RecordRiskAssessmentDocument,
  RiskLevel,
  Role,
  UpdateProposalDocument,
  UsersDocument,
  WithdrawProposalDocument,
} from '../__generated__/graphql';
import { majorityOf } from '../../src/deliberation/deliberation.rules';
import type { MemberPositionKind as PositionKind } from '../../src/deliberation/deliberation.enums';
import { transactionStats } from '../../src/db/transaction';
import { createServices } from '../../src/services';
import { convene, DIRECTORS_OFFICE_OTHERS, joinBody, publishedDirectory, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { DEMO_PASSWORD, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';
import { expectClean, report } from '../support/race';

/** A small seeded generator (mulberry32): the same storm on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Many different requests at once on a few proposals and one meeting — positions, the head's
 * decisions, agenda additions, withdrawals, finalising, edits, drafts, materials, risk rounds —
 * in a fixed pseudo-random mix. Nobody gets a 500 (a deadlock victim is retried by the server),
 * and every invariant of deliberation and drafting holds at the end.
 */
describe('a storm of mixed concurrent requests', () => {
  const REQUESTS = 400;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  const added = ['admin', 'advisor', 'filing', 'drafter', 'drafter2', 'member1', 'member2'];
  // every member of the director's office meeting but its head: the seeded ones and those added here
  const others = [...DIRECTORS_OFFICE_OTHERS, ...added];

  beforeAll(async () => {
    // the storm is about invariants, not load shedding: its requests may queue for a connection as long as they need
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600), DB_ACQUIRE_TIMEOUT_MS: '60000' } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'advisor', 'director', 'admin']));
    for (const name of ['member1', 'member2']) {
      expectOk(
        await h.gql(
          CreateUserDocument,
          { input: { username: name, displayName: name, departmentId: dept.DZB!, roles: [Role.Drafter], password: DEMO_PASSWORD } },
          { token: t.admin! },
        ),
      );
    }
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    await joinBody(h, t.admin!, uid, added);
  });
  afterAll(() => h.close());

  it(`answers ${REQUESTS} mixed concurrent requests without a 500 and keeps every invariant`, async () => {
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, Array.from({ length: 8 }, (_, i) => `风暴事项${i}`));
    const meetings: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) {
      meetings.push(await convene(h, t.admin!, uid, { title: `风暴会议${i}` }));
    }
    // four proposals on the first meeting's agenda, everyone's position recorded; four in drafting
    const onAgenda: string[] = [];
    const agendaItems: { id: string; version: number }[] = [];
    const prepared = await Promise.all(
      items.map(async (item, i) => {
        const p = await readyProposal(h, t.drafter!, t.director!, item, `风暴事项${i}`);
        if (i < 4) await reviewProposal(h, t.drafter!, t.advisor!, p);
        return p;
      }),
    );
    onAgenda.push(...prepared.slice(0, 4));
    const drafting = prepared.slice(4);
    for (const p of onAgenda) {
      const it = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: meetings[0]!.id, proposalId: p } }, { token: t.admin! })).addAgendaItem.agendaItem;
      agendaItems.push(it);
      const recorded = await Promise.all(
        others.map((u) => h.gql(RecordPositionDocument, { input: { agendaItemId: it.id, memberUserId: uid[u]!, position: MemberPositionKind.Support } }, { token: t.admin! })),
      );
      for (const r of recorded) expectOk(r);
    }
    const version = async (id: string) => expectOk(await h.gql(ProposalDocument, { id, step: ProposalStep.Deliberation }, { token: t.drafter! })).proposal.version;
    const versions = new Map<string, number>();
    for (const p of [...onAgenda, ...drafting]) versions.set(p, await version(p));

    const random = prng(20261128);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const positions = [MemberPositionKind.Support, MemberPositionKind.Oppose, MemberPositionKind.Abstain, MemberPositionKind.Conditional];
    const kinds: ((i: number) => Promise<GqlResponse<unknown>>)[] = [
      () => {
        const position = pick(positions);
        const condition = position === MemberPositionKind.Conditional ? '资金落实后实施' : undefined;
        return h.gql(RecordPositionDocument, { input: { agendaItemId: pick(agendaItems).id, memberUserId: uid[pick(others)]!, position, condition } }, { token: t.admin! });
      },
      () => {
        const it = pick(agendaItems);
        return h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: it.id, version: it.version, decision: pick([HeadDecision.Approve, HeadDecision.Reject]) } }, { token: t.director! });
      },
      () => h.gql(AddAgendaItemDocument, { input: { meetingId: pick(meetings.slice(1)).id, proposalId: pick(onAgenda) } }, { token: t.admin! }),
      () => {
        const p = pick(onAgenda);
        return h.gql(WithdrawProposalDocument, { input: { proposalId: p, version: versions.get(p)! } }, { token: t.drafter! });
      },
      () => {
        const p = pick([...onAgenda, ...drafting]);
        return h.gql(UpdateProposalDocument, { input: { proposalId: p, version: versions.get(p)!, title: `风暴修改${Math.floor(random() * 1000)}` } }, { token: t.drafter! });
      },
      (i) => h.gql(AddDraftVersionDocument, { input: { proposalId: pick(drafting), text: `风暴稿${i}`, changeNote: `修改${i}` } }, { token: t.drafter! }),
      (i) => h.gql(AddMaterialDocument, { input: { proposalId: pick(drafting), kind: MaterialKind.Other, title: `补充${i}`, text: `补充材料${i}` } }, { token: t.drafter! }),
      () =>
        h.gql(
          RecordRiskAssessmentDocument,
          { input: { proposalId: pick(drafting), riskPoints: '风险点', measures: '措施', contingencyPlan: '预案', level: RiskLevel.Low, assessor: '评估机构', assessedOn: '2026-02-20' } },
          { token: t.drafter! },
        ),
    ];
    const finaliseAt = new Set([Math.floor(REQUESTS * 0.7), Math.floor(REQUESTS * 0.9)]);
    const calls = Array.from({ length: REQUESTS }, (_, i) =>
      finaliseAt.has(i)
        ? () => h.gql(FinaliseMeetingDocument, { input: { meetingId: meetings[0]!.id, version: meetings[0]!.version, minutes: '纪要' } }, { token: t.director! })
        : (() => {
            const kind = pick(kinds);
            return () => kind(i);
          })(),
    );
    const retriesBefore = transactionStats.retries;
    const results = await Promise.all(calls.map((call) => call()));
    const tl = expectClean(results);
    report('storm of mixed requests', tl, { retries: transactionStats.retries - retriesBefore, exhausted: transactionStats.exhausted });
    expect(tl.statuses.filter((s) => s >= 500)).toEqual([]);

    // deliberation: one undecided agenda per proposal, none withdrawn while on an open agenda,
    // no finalised minutes with an undecided item, no silent departure from the final majority
    for (const p of onAgenda) {
      const open = await h.sql(`select a.id from agenda_item a join meeting m on m.id = a.meeting_id where a.proposal_id = ? and a.head_decision is null`, [p]);
      expect(open.length).toBeLessThanOrEqual(1);
      const state = (await h.sql<{ state: string }>(`select state from decision_proposal where id = ?`, [p]))[0]!.state;
      const onOpen = await h.sql(`select a.id from agenda_item a join meeting m on m.id = a.meeting_id where a.proposal_id = ? and m.status = 'OPEN'`, [p]);
      if (state === 'WITHDRAWN') expect(onOpen).toEqual([]);
    }
    for (const m of meetings) {
      const status = (await h.sql<{ status: string }>(`select status from meeting where id = ?`, [m.id]))[0]!.status;
      const undecided = await h.sql(`select id from agenda_item where meeting_id = ? and head_decision is null`, [m.id]);
      if (status === 'FINALISED') expect(undecided).toEqual([]);
    }
    for (const it of agendaItems) {
      const row = (await h.sql<{ head_decision: string | null; decision_reason: string | null }>(`select head_decision, decision_reason from agenda_item where id = ?`, [it.id]))[0]!;
      if (!row.head_decision || row.decision_reason) continue;
      const ps = (await h.sql<{ position: string }>(`select position from member_position where agenda_item_id = ?`, [it.id])).map((r) => r.position as PositionKind);
      const majority = majorityOf(ps);
      if (row.head_decision === 'APPROVE') expect(majority).not.toBe('OPPOSE');
      if (row.head_decision === 'REJECT') expect(majority).not.toBe('SUPPORT');
    }
    // drafting: gap-free drafts and risk rounds, the current draft is the last one
    for (const p of drafting) {
      const drafts = (await h.sql<{ n: number }>(`select number as n from text_version where owner_type = 'PROPOSAL' and owner_id = ? order by number`, [p])).map((r) => Number(r.n));
      expect(drafts).toEqual(drafts.map((_, i) => i + 1));
      const current = (await h.sql<{ n: number }>(`select current_draft_number as n from decision_proposal where id = ?`, [p]))[0]!.n;
      expect(Number(current)).toBe(drafts.length);
      const rounds = (await h.sql<{ n: number }>(`select round as n from risk_assessment where proposal_id = ? order by round`, [p])).map((r) => Number(r.n));
      expect(rounds).toEqual(rounds.map((_, i) => i + 1));
    }
    // the audit chain still verifies
    expect((await createServices(h.orm.em.fork(), h.deps).audit.verifyChain(h.orm.em.fork())).ok).toBe(true);
  });
});
