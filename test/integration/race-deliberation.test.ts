import {
  AddAgendaItemDocument,
  AddExecutionReportDocument,
  CreateUserDocument,
  FinaliseMeetingDocument,
  HeadDecision,
  MemberPositionKind,
  ProposalDocument,
  ProposalDecisionDocument,
  ProposalStep,
  PublishDecisionDocument,
  RecordHeadDecisionDocument,
  RecordPartyReportDocument,
  RecordPositionDocument,
  Role,
  SetExecutingUnitDocument,
  SignDecisionDocument,
  SuspendDecisionDocument,
  UpdateProposalDocument,
  UsersDocument,
  WithdrawProposalDocument,
} from '../__generated__/graphql';
import { majorityOf } from '../../src/deliberation/deliberation.rules';
import type { MemberPositionKind as PositionKind } from '../../src/deliberation/deliberation.enums';
import { convene, DIRECTORS_OFFICE_OTHERS, joinBody, publishedDirectory, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { DEMO_PASSWORD, expectOk, startHarness, type Harness } from '../support/harness';
import { expectAllWin, expectClean, expectDatabaseRefuses, expectOneWinner, report, tally, together } from '../support/race';

/**
 * Deliberation under concurrency (R-DEC-11): N requests start together and race for one agenda,
 * one proposal or one agenda item; the invariants hold whoever wins, and nobody gets a 500.
 */
describe('deliberation races', () => {
  const N = 8;
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  let items: string[];
  let next = 0;
  const added = ['admin', 'advisor', 'filing', 'drafter', 'drafter2', 'member1', 'member2', 'member3'];
  // every member of the director's office meeting but its head: the seeded ones and those added here
  const others = [...DIRECTORS_OFFICE_OTHERS, ...added];

  /** A proposal reviewed to a LAWFUL opinion, on the next free directory item. */
  async function reviewed(): Promise<string> {
    const i = next++;
    const id = await readyProposal(h, t.drafter!, t.director!, items[i]!, `并发事项${i}`);
    await reviewProposal(h, t.drafter!, t.advisor!, id);
    return id;
  }

  /** `n` reviewed proposals, prepared side by side (they share nothing but the directory). */
  const reviewedMany = (n: number) => Promise.all(Array.from({ length: n }, () => reviewed()));
  /** Every other member supports the item (recorded side by side). */
  const allSupport = async (itemId: string) => {
    for (const r of await Promise.all(others.map((u) => position(itemId, u, MemberPositionKind.Support)))) expectOk(r);
  };

  async function meeting(title: string): Promise<{ id: string; version: number }> {
    return convene(h, t.admin!, uid, { title });
  }

  const add = (meetingId: string, proposalId: string) => h.gql(AddAgendaItemDocument, { input: { meetingId, proposalId } }, { token: t.admin! });
  const position = (agendaItemId: string, member: string, p: MemberPositionKind) =>
    h.gql(
      RecordPositionDocument,
      { input: { agendaItemId, memberUserId: uid[member]!, position: p, remarks: p, condition: p === MemberPositionKind.Conditional ? '资金落实后实施' : undefined } },
      { token: t.admin! },
    );

  const undecided = async (proposalId: string) =>
    Number((await h.sql<{ n: string }>(`select count(*) as n from agenda_item where proposal_id = ? and head_decision is null`, [proposalId]))[0]!.n);

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'advisor', 'director', 'admin']));
    for (const name of ['member1', 'member2', 'member3']) {
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
    ({ items } = await publishedDirectory(
      h,
      t.director!,
      dept.JJFZ!,
      Array.from({ length: 32 }, (_, i) => `并发事项${i}`),
    ));
  });
  afterAll(() => h.close());

  it('puts one proposal on one open agenda only, whichever of eight meetings asks first', async () => {
    const p = await reviewed();
    const meetings = await Promise.all(Array.from({ length: N }, (_, i) => meeting(`议程竞争${i}`)));
    const results = await together(N, (i) => add(meetings[i]!.id, p));
    expectOneWinner('one proposal, eight agendas', results);
    expect(await undecided(p)).toBe(1);
    const item = (await h.sql<{ id: string; meeting_id: string }>(`select id, meeting_id from agenda_item where proposal_id = ? and head_decision is null`, [p]))[0]!;
    const other = meetings.find((x) => x.id !== item.meeting_id)!;
    await expectDatabaseRefuses(h.sql, 'agenda_item', item.id, { meeting_id: other.id, seq: 99 }, 'agenda_item_one_undecided_per_proposal');
  });

  it('never leaves a withdrawn proposal on an agenda: a withdrawal races seven agenda additions', async () => {
    const p = await reviewed();
    const meetings = await Promise.all(Array.from({ length: N - 1 }, (_, i) => meeting(`撤回竞争${i}`)));
    const v = expectOk(await h.gql(ProposalDocument, { id: p, step: ProposalStep.Deliberation }, { token: t.drafter! })).proposal.version;
    const results = await together<unknown>(N, (i) =>
      i === 0 ? h.gql(WithdrawProposalDocument, { input: { proposalId: p, version: v } }, { token: t.drafter! }) : add(meetings[i - 1]!.id, p),
    );
    const winner = results.findIndex((r) => !r.errors);
    expectOneWinner('withdrawal vs seven agendas', results);
    const state = (await h.sql<{ state: string }>(`select state from decision_proposal where id = ?`, [p]))[0]!.state;
    const onAgenda = await undecided(p);
    if (winner === 0) {
      expect(state).toBe('WITHDRAWN');
      expect(onAgenda).toBe(0);
    } else {
      expect(state).toBe('LEGALITY_REVIEWED');
      expect(onAgenda).toBe(1);
      const refused = (results[0]!.errors?.[0]?.extensions?.violations ?? []) as { code: string }[];
      expect(refused.map((x) => x.code)).toEqual(['ON_OPEN_AGENDA']);
    }
  });

  it('numbers eight agenda items added to one meeting at once 1…8', async () => {
    const ps: string[] = [];
    ps.push(...(await reviewedMany(N)));
    const m = await meeting('序号竞争');
    const results = await together(N, (i) => add(m.id, ps[i]!));
    expectAllWin('eight items, one meeting', results);
    const seqs = (await h.sql<{ seq: number }>(`select seq from agenda_item where meeting_id = ? order by seq`, [m.id])).map((r) => Number(r.seq));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps positions and the head’s decision consistent: no position after the head spoke, no silent departure', async () => {
    const m = await meeting('表态竞争');
    const rounds = 3;
    const figures = { headWon: 0, positionsAfterHead: 0 };
    for (let round = 0; round < rounds; round++) {
      const item = expectOk(await add(m.id, await reviewed())).addAgendaItem.agendaItem;
      await allSupport(item.id);
      // the head approves without a reason while seven members turn against
      const results = await together<unknown>(N, (i) =>
        i === 0
          ? h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token: t.director! })
          : position(item.id, others[i - 1]!, MemberPositionKind.Oppose),
      );
      const tl = expectClean(results);
      report('head decision vs seven turning positions', tl, { round });
      const row = (await h.sql<{ head_decision: string | null; decision_reason: string | null }>(`select head_decision, decision_reason from agenda_item where id = ?`, [item.id]))[0]!;
      const positions = (await h.sql<{ position: string }>(`select position from member_position where agenda_item_id = ?`, [item.id])).map((r) => r.position as PositionKind);
      expect(positions).toHaveLength(others.length);
      if (row.head_decision) {
        figures.headWon += 1;
        // the majority the head spoke against without a reason is the final one
        expect(majorityOf(positions)).not.toBe('OPPOSE');
        // and every position accepted after the head spoke was refused
        figures.positionsAfterHead += results.slice(1).filter((r) => r.errors?.[0]?.extensions?.code === 'RULE_VIOLATION').length;
      } else {
        expect(results[0]!.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
      }
    }
    report('head decision rounds', tally([]), figures);
  });

  it('takes one member’s eight concurrent positions one after another: one row, the last one stands', async () => {
    const m = await meeting('同一成员');
    const item = expectOk(await add(m.id, await reviewed())).addAgendaItem.agendaItem;
    const kinds = [MemberPositionKind.Support, MemberPositionKind.Oppose, MemberPositionKind.Abstain, MemberPositionKind.Conditional];
    const results = await together(N, (i) => position(item.id, 'admin', kinds[i % kinds.length]!));
    expectAllWin('one member, eight positions', results);
    const rows = await h.sql(`select position from member_position where agenda_item_id = ? and member_id = ?`, [item.id, uid.admin!]);
    expect(rows).toHaveLength(1);
  });

  it('never finalises minutes with an undecided item: finalising races seven agenda additions', async () => {
    const m = await meeting('定稿竞争');
    const first = expectOk(await add(m.id, await reviewed())).addAgendaItem.agendaItem;
    await allSupport(first.id);
    expectOk(
      await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: first.id, version: first.version, decision: HeadDecision.Defer, reason: '待补充调研' } }, { token: t.director! }),
    );
    const ps: string[] = [];
    ps.push(...(await reviewedMany(N - 1)));
    const v = (await h.sql<{ version: number }>(`select version from meeting where id = ?`, [m.id]))[0]!.version;
    const results = await together<unknown>(N, (i) =>
      i === 0 ? h.gql(FinaliseMeetingDocument, { input: { meetingId: m.id, version: Number(v), minutes: '纪要' } }, { token: t.director! }) : add(m.id, ps[i - 1]!),
    );
    expectClean(results);
    report('finalise vs seven agenda additions', tally(results), { finalised: !results[0]!.errors });
    const status = (await h.sql<{ status: string }>(`select status from meeting where id = ?`, [m.id]))[0]!.status;
    const open = Number((await h.sql<{ n: string }>(`select count(*) as n from agenda_item where meeting_id = ? and head_decision is null`, [m.id]))[0]!.n);
    if (status === 'FINALISED') expect(open).toBe(0);
  });

  it('never deadlocks finalising minutes against edits of the proposals it moves', async () => {
    const m = await meeting('定稿与修改');
    const ps = await reviewedMany(N - 1);
    for (const p of ps) {
      const it = expectOk(await add(m.id, p)).addAgendaItem.agendaItem;
      await allSupport(it.id);
      expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: it.id, version: it.version, decision: HeadDecision.Approve } }, { token: t.director! }));
    }
    const versions = new Map((await h.sql<{ id: string; version: number }>(`select id, version from decision_proposal where id in (?)`, [ps])).map((r) => [r.id, Number(r.version)]));
    const v = Number((await h.sql<{ version: number }>(`select version from meeting where id = ?`, [m.id]))[0]!.version);
    // the edits arrive while the minutes are being finalised, a few milliseconds apart
    const results = await together<unknown>(N, async (i) => {
      if (i === 0) return h.gql(FinaliseMeetingDocument, { input: { meetingId: m.id, version: v, minutes: '纪要' } }, { token: t.director! });
      await new Promise((r) => setTimeout(r, 4 * i));
      const id = ps[N - 1 - i]!;
      return h.gql(UpdateProposalDocument, { input: { proposalId: id, version: versions.get(id)!, title: `定稿时修改${i}` } }, { token: t.drafter! });
    });
    expectClean(results);
    report('finalise vs seven edits of its proposals', tally(results), { finalised: !results[0]!.errors });
    const states = (await h.sql<{ state: string }>(`select state from decision_proposal where id in (?)`, [ps])).map((r) => r.state);
    const status = (await h.sql<{ status: string }>(`select status from meeting where id = ?`, [m.id]))[0]!.status;
    expect(states).toEqual(Array(N - 1).fill(status === 'FINALISED' ? 'APPROVED' : 'LEGALITY_REVIEWED'));
  });

  it('takes no execution report once the decision is suspended (R-DEC-16)', async () => {
    const m = await meeting('执行竞争');
    const p = await reviewed();
    const it = expectOk(await add(m.id, p)).addAgendaItem.agendaItem;
    await allSupport(it.id);
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: it.id, version: it.version, decision: HeadDecision.Approve } }, { token: t.director! }));
    const mv = Number((await h.sql<{ version: number }>(`select version from meeting where id = ?`, [m.id]))[0]!.version);
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: m.id, version: mv, minutes: '纪要' } }, { token: t.director! }));
    let d = expectOk(await h.gql(ProposalDecisionDocument, { id: p }, { token: t.director! })).proposal.decision!;
    const draftNumber = expectOk(await h.gql(ProposalDocument, { id: p, step: ProposalStep.Deliberation }, { token: t.director! })).proposal.currentDraftNumber;
    d = expectOk(await h.gql(SignDecisionDocument, { input: { proposalId: p, version: d.version, draftNumber } }, { token: t.director! })).signDecision.decision;
    d = expectOk(await h.gql(RecordPartyReportDocument, { input: { proposalId: p, version: d.version, reportedOn: '2026-03-05' } }, { token: t.director! })).recordPartyReport.decision;
    d = expectOk(await h.gql(PublishDecisionDocument, { input: { proposalId: p, version: d.version, channel: '政务网站', publishedOn: '2026-03-05' } }, { token: t.director! }))
      .publishDecision.decision;
    d = expectOk(await h.gql(SetExecutingUnitDocument, { input: { proposalId: p, version: d.version, departmentId: dept.JJFZ! } }, { token: t.admin! })).setExecutingUnit.decision;
    const results = await together<unknown>(N, (i) =>
      i === 0
        ? h.gql(SuspendDecisionDocument, { input: { proposalId: p, version: d.version, reason: '上级政策调整' } }, { token: t.director! })
        : h.gql(AddExecutionReportDocument, { input: { proposalId: p, reportedOn: '2026-03-05', content: `执行情况${i}` } }, { token: t.drafter! }),
    );
    expectClean(results);
    report('suspension vs seven execution reports', tally(results), { suspended: !results[0]!.errors });
    const trail = (await h.sql<{ action: string }>(`select action from audit_event where subject_id = ? and action in ('decision.suspend', 'decision.execution_report') order by id`, [p])).map(
      (r) => r.action,
    );
    const suspended = trail.indexOf('decision.suspend');
    if (suspended >= 0) expect(trail.slice(suspended + 1)).toEqual([]);
  });
});
