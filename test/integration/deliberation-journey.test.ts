import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AcceptReviewDocument,
  AddAgendaItemDocument,
  AddDraftVersionDocument,
  AddExecutionReportDocument,
  AppendMeetingCorrectionDocument,
  DecisionArchiveDocument,
  FinaliseMeetingDocument,
  HeadDecision,
  IssueOpinionDocument,
  Issuer,
  MeetingDocument,
  MemberPositionKind,
  OpinionConclusion,
  ProposalDecisionDocument,
  ProposalDocument,
  ProposalStep,
  PublishDecisionDocument,
  RecordHeadDecisionDocument,
  RecordPartyReportDocument,
  RecordPositionDocument,
  RecordPostEvaluationDocument,
  RequestLegalityReviewDocument,
  SaveOpinionDraftDocument,
  SetExecutingUnitDocument,
  SignDecisionDocument,
  SuspendDecisionDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { runCli } from '../support/cli';
import { convene, publishedDirectory, readyProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';
import { aspectsFor } from '../support/packages';

describe('deliberation, sign-off, publication and execution', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  let items: string[];
  let proposalId: string;
  let meetingId: string;
  let itemId: string;

  async function refused<R>(call: () => Promise<GqlResponse<R>>, code: string, rules: string[] = []) {
    const before = await h.snapshot();
    const err = expectError(await call(), code);
    const violations = (err.extensions?.violations ?? []) as { rule: string; code: string }[];
    for (const r of rules) expect(violations.map((v) => v.rule)).toContain(r);
    expect(await h.snapshot()).toEqual(before);
    return violations;
  }

  /** Moves the clock and signs everyone in again (tokens expire as time passes). */
  async function travel(date: string) {
    h.clock.set(new Date(`${date}T02:00:00Z`));
    ({ tokens: t } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director', 'admin', 'filing']));
  }

  /** Review a ready proposal to a LAWFUL opinion. */
  async function reviewed(id: string) {
    const p = expectOk(await h.gql(ProposalDocument, { id, step: ProposalStep.RequestLegalityReview }, { token: t.drafter! })).proposal;
    let r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId: id, version: p.version } }, { token: t.drafter! })).requestLegalityReview.review;
    r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: t.advisor! })).acceptReview.review as never;
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审查，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }));
  }


  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director', 'admin', 'filing']));
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    ({ items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['电竞产业扶持办法', '未审查事项']));
    proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '电竞产业扶持办法');
    // a second version before the review: the deliberated and approved one
    expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId, text: '电竞产业扶持办法（第二稿）', changeNote: '第二稿' } }, { token: t.drafter! }));
    await reviewed(proposalId);
  });
  afterAll(() => h.close());

  it('refuses an agenda without quorum of the body’s members (R-DEC-11), database unchanged', async () => {
    const m = await convene(h, t.admin!, uid, { absent: { deputy2: '外出学习', member: '病假' } });
    expect(m.status).toBe('OPEN');
    // the roll is the body's four members on the day, with attendance and reasons
    expect(m.members.map((x) => [x.user.username, x.role, x.present, x.absenceReason])).toEqual([
      ['director', 'HEAD', true, null],
      ['deputy', 'DEPUTY', true, null],
      ['deputy2', 'DEPUTY', false, '外出学习'],
      ['member', 'MEMBER', false, '病假'],
    ]);
    expect(m.head.username).toBe('director');
    expect(m.chair.username).toBe('director');
    expect(m.standingBody).toEqual({ kind: 'DIRECTORS_OFFICE', name: '白云湖街主任办公会议' });
    expect(m.availableActions.map((a) => a.action)).toEqual(['ADD_AGENDA_ITEM', 'DELEGATE_CHAIR', 'RECORD_POSITION', 'FINALISE_MINUTES']);
    const v = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: m.id, proposalId } }, { token: t.admin! }), 'RULE_VIOLATION', ['R-DEC-11']);
    expect(v.map((x) => x.code)).toEqual(['NO_QUORUM']);
  });

  it('refuses an agenda item with blockers, all named at once (R-DEC-8, R-DEC-10)', async () => {
    const unreviewed = await readyProposal(h, t.drafter!, t.director!, items[1]!, '未审查事项');
    const m = await convene(h, t.admin!, uid);
    meetingId = m.id;
    // corrections are appended only to finalised minutes
    await refused(() => h.gql(AppendMeetingCorrectionDocument, { input: { meetingId, text: '尚未定稿' } }, { token: t.admin! }), 'RULE_VIOLATION', ['R-DEC-11']);
    const v = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId, proposalId: unreviewed } }, { token: t.admin! }), 'RULE_VIOLATION', ['R-DEC-8']);
    expect(v.map((x) => x.code)).toEqual(['NOT_REVIEWED']);
    expectError(await h.gql(AddAgendaItemDocument, { input: { meetingId, proposalId } }, { token: t.drafter! }), 'FORBIDDEN');
  });

  it('records dissent truthfully and requires a reason when the head departs from the majority', async () => {
    const added = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId, proposalId } }, { token: t.admin! })).addAgendaItem;
    const item = added.agendaItem;
    itemId = item.id;
    expect(item).toMatchObject({ seq: 1, headDecision: null });
    expect(added.meeting).toMatchObject({ id: meetingId, agenda: { totalCount: 1 } });
    // a proposal is on one undecided agenda at a time
    const v0 = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId, proposalId } }, { token: t.admin! }), 'RULE_VIOLATION', ['R-DEC-11']);
    expect(v0.map((x) => x.code)).toEqual(['ALREADY_ON_AGENDA']);
    const pos = (member: string, position: MemberPositionKind, remarks: string, condition?: string) =>
      h.gql(RecordPositionDocument, { input: { agendaItemId: itemId, memberUserId: uid[member]!, position, remarks, condition } }, { token: t.admin! });
    const first = expectOk(await pos('deputy', MemberPositionKind.Support, '同意')).recordPosition;
    expect(first.position).toMatchObject({ position: 'SUPPORT', condition: null, remarks: '同意' });
    expect(first.agendaItem).toEqual({ id: itemId, positions: [{ position: 'SUPPORT' }] });
    // the head may not speak before everyone else
    await refused(() => h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: itemId, version: item.version, decision: HeadDecision.Approve, reason: '同意' } }, { token: t.director! }), 'RULE_VIOLATION', ['R-DEC-11']);
    expectOk(await pos('deputy2', MemberPositionKind.Oppose, '扶持资金来源不明确，反对'));
    expectOk(await pos('member', MemberPositionKind.Oppose, '建议先做试点'));
    // someone not on the roll, and the chair, who speaks by deciding
    const notOnRoll = await refused(() => pos('drafter2', MemberPositionKind.Support, '不是成员'), 'RULE_VIOLATION', ['R-DEC-11']);
    expect(notOnRoll.map((x) => x.code)).toEqual(['NOT_ON_ROLL']);
    const chair = await refused(() => pos('director', MemberPositionKind.Support, '主持人'), 'RULE_VIOLATION', ['R-DEC-11']);
    expect(chair.map((x) => x.code)).toEqual(['CHAIR_DECIDES']);
    // majority opposes: approving needs a reason
    const v = await refused(
      () => h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: itemId, version: item.version, decision: HeadDecision.Approve } }, { token: t.director! }),
      'RULE_VIOLATION',
      ['R-DEC-11'],
    );
    expect(v.map((x) => x.code)).toEqual(['DEPARTURE_REASON_REQUIRED']);
    expectError(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: itemId, version: item.version, decision: HeadDecision.Approve, reason: 'x' } }, { token: t.admin! }), 'FORBIDDEN');
    const decided = expectOk(
      await h.gql(
        RecordHeadDecisionDocument,
        { input: { agendaItemId: itemId, version: item.version, decision: HeadDecision.Approve, reason: '资金已列入年度预算，试点与全面实施同步推进' } },
        { token: t.director! },
      ),
    ).recordHeadDecision;
    expect(decided.agendaItem.headDecision).toBe('APPROVE');
    expect(decided.meeting.id).toBe(meetingId);
    // the head has decided: the positions stand as recorded
    const v2 = await refused(
      () => h.gql(RecordPositionDocument, { input: { agendaItemId: itemId, memberUserId: uid.deputy2!, position: MemberPositionKind.Support, remarks: '改为同意' } }, { token: t.admin! }),
      'RULE_VIOLATION',
      ['R-DEC-11'],
    );
    expect(v2.map((x) => x.code)).toEqual(['HEAD_ALREADY_DECIDED']);
  });

  it('finalises the minutes, which are immutable afterwards; corrections are appended', async () => {
    const m = expectOk(await h.gql(MeetingDocument, { id: meetingId }, { token: t.drafter! })).meeting;
    const done = expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId, version: m.version, minutes: '会议讨论了《电竞产业扶持办法》……' } }, { token: t.director! }))
      .finaliseMeeting.meeting;
    expect(done.status).toBe('FINALISED');
    // only appending corrections is left
    expect(done.availableActions).toEqual([{ action: 'APPEND_CORRECTION', mutation: 'appendMeetingCorrection', rule: 'R-DEC-11', actor: null }]);
    const p = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal;
    expect(p.state).toBe('APPROVED');
    expect(p.decision).toMatchObject({ status: 'APPROVED', approvedDraftNumber: 2 });
    // a drafter may see the decision but do nothing with it yet
    expect(p.decision!.availableActions).toEqual([]);

    await refused(
      () => h.gql(RecordPositionDocument, { input: { agendaItemId: itemId, memberUserId: uid.deputy2!, position: MemberPositionKind.Support, remarks: '改为同意' } }, { token: t.admin! }),
      'RULE_VIOLATION',
      ['R-DEC-11'],
    );
    await refused(() => h.gql(FinaliseMeetingDocument, { input: { meetingId, version: done.version, minutes: '改写' } }, { token: t.director! }), 'RULE_VIOLATION', [
      'R-DEC-11',
    ]);
    await expect(h.sql(`update member_position set position = 'SUPPORT' where agenda_item_id = ?`, [itemId])).rejects.toThrow(/finalised and immutable/);
    await expect(h.sql(`update meeting set minutes = 'x' where id = ?`, [meetingId])).rejects.toThrow(/finalised and immutable/);
    const corrected = expectOk(await h.gql(AppendMeetingCorrectionDocument, { input: { meetingId, text: '更正：第二段“试点”应为“先行试点”' } }, { token: t.admin! }))
      .appendMeetingCorrection;
    expect(corrected.correction.text).toBe('更正：第二段“试点”应为“先行试点”');
    expect(corrected.meeting).toEqual({ id: meetingId, corrections: { totalCount: 1 } });
    const after = expectOk(await h.gql(MeetingDocument, { id: meetingId }, { token: t.drafter! })).meeting;
    expect(after.agenda.totalCount).toBe(1);
    expect(after.agenda.pageInfo.hasNextPage).toBe(false);
    expect(after.agenda.nodes[0]!.positions.map((x) => [x.member.username, x.position])).toEqual(
      expect.arrayContaining([
        ['deputy2', 'OPPOSE'],
        ['member', 'OPPOSE'],
        ['deputy', 'SUPPORT'],
      ]),
    );
    expect(after.corrections.nodes).toHaveLength(1);
    expect(after.corrections.totalCount).toBe(1);
    // a drafter reads the record, and may do nothing with the meeting
    expect(after.availableActions).toEqual([]);
  });

  it('signs only the approved version, only by a decision maker (R-DEC-12)', async () => {
    const d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.decision!;
    await refused(() => h.gql(SignDecisionDocument, { input: { proposalId, version: d.version, draftNumber: 2 } }, { token: t.admin! }), 'FORBIDDEN');
    await refused(() => h.gql(SignDecisionDocument, { input: { proposalId, version: d.version, draftNumber: 1 } }, { token: t.director! }), 'RULE_VIOLATION', ['R-DEC-12']);
    const forDirector = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.director! })).proposal.decision!;
    expect(forDirector.availableActions.map((a) => a.action)).toEqual(['SIGN', 'SET_EXECUTING_UNIT', 'RECORD_POST_EVALUATION']);
    const signedPayload = expectOk(await h.gql(SignDecisionDocument, { input: { proposalId, version: d.version, draftNumber: 2 } }, { token: t.director! })).signDecision;
    expect(signedPayload.proposal).toEqual({ id: proposalId, state: 'APPROVED' });
    const signed = signedPayload.decision;
    expect(signed.availableActions.map((a) => a.action)).toEqual(['REPORT_TO_PARTY', 'PUBLISH', 'SET_EXECUTING_UNIT', 'RECORD_POST_EVALUATION']);
    expect(signed).toMatchObject({ status: 'SIGNED', documentNumber: '云湖街决〔2026〕1号', signedOn: '2026-03-05', signedBy: { username: 'director' } });
    // 20 working days from Thu 5 March 2026 (R-DEC-14)
    expect(signed.publicationDueOn).toBe('2026-04-02');
  });

  it('publishes only after the Party report (R-DEC-13), flagging an overdue publication', async () => {
    let d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.decision!;
    await refused(
      () => h.gql(PublishDecisionDocument, { input: { proposalId, version: d.version, channel: '白云湖街政务网站', publishedOn: '2026-03-20' } }, { token: t.director! }),
      'RULE_VIOLATION',
      ['R-DEC-13'],
    );
    h.clock.set(new Date('2026-04-03T02:00:00Z'));
    d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.decision!;
    expect(d.publicationOverdue).toBe(true);
    d = expectOk(await h.gql(RecordPartyReportDocument, { input: { proposalId, version: d.version, reportedOn: '2026-03-10' } }, { token: t.director! })).recordPartyReport
      .decision;
    expect(d.partyReportedOn).toBe('2026-03-10');
    d = expectOk(
      await h.gql(
        PublishDecisionDocument,
        {
          input: {
            proposalId,
            version: d.version,
            channel: '白云湖街政务网站',
            publishedOn: '2026-04-03',
            normativeDocument: { issuer: Issuer.StreetOffice, affectsBusinessesOrPublic: true, touchesMarketEntities: true },
          },
        },
        { token: t.director! },
      ),
    ).publishDecision.decision;
    expect(d).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-04-03', publicationOverdue: false });
    // the Party report belongs before publication (R-DEC-13)
    await refused(() => h.gql(RecordPartyReportDocument, { input: { proposalId, version: d.version, reportedOn: '2026-04-05' } }, { token: t.director! }), 'RULE_VIOLATION', [
      'R-DEC-13',
    ]);
    // the normative document it produces enters the register, with its own gate still ahead
    expect(d.normativeDocument).toMatchObject({ title: '电竞产业扶持办法', state: 'DRAFTING', confirmedVerdict: null });
    expect(d.normativeDocument!.currentVersion!.contentHash).toBe(d.approvedDraftHash);
  });

  it('takes execution reports from the executing unit only, and suspends with a reason (R-DEC-16)', async () => {
    let d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.decision!;
    d = expectOk(await h.gql(SetExecutingUnitDocument, { input: { proposalId, version: d.version, departmentId: dept.JJFZ! } }, { token: t.admin! })).setExecutingUnit.decision;
    expect(d.executingDepartment).toEqual({ code: 'JJFZ' });
    // reports and evaluations record what happened: the clock moves to their day first
    await travel('2026-06-30');
    await refused(() => h.gql(AddExecutionReportDocument, { input: { proposalId, reportedOn: '2026-06-30', content: 'x' } }, { token: t.advisor! }), 'FORBIDDEN');
    const reported = expectOk(
      await h.gql(AddExecutionReportDocument, { input: { proposalId, reportedOn: '2026-06-30', content: '上半年已扶持电竞企业 5 家，发放资金 120 万元' } }, { token: t.drafter! }),
    ).addExecutionReport;
    expect(reported.report).toMatchObject({ reportedOn: '2026-06-30', reportedBy: 'drafter' });
    expect(reported.decision.executionReports.totalCount).toBe(1);
    d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.decision!;
    expect(d.executionReports.nodes).toEqual([expect.objectContaining({ reportedOn: '2026-06-30', reportedBy: 'drafter' })]);
    expect(d.availableActions.map((a) => a.action)).toEqual(['REPORT_EXECUTION']);
    expect(d.availableActions[0]!.actor).toBe('执行单位');
    await travel('2026-07-15');
    const evaluated = expectOk(
      await h.gql(RecordPostEvaluationDocument, { input: { proposalId, assessor: '第三方评估机构', conclusion: '效果良好', evaluatedOn: '2026-07-15' } }, { token: t.director! }),
    ).recordPostEvaluation;
    expect(evaluated.postEvaluation.assessor).toBe('第三方评估机构');
    expect(evaluated.decision.postEvaluations).toEqual({ totalCount: 1, nodes: [{ assessor: '第三方评估机构' }] });
    d = evaluated.decision;
    expectError(await h.gql(SuspendDecisionDocument, { input: { proposalId, version: d.version, reason: '上级政策调整' } }, { token: t.admin! }), 'FORBIDDEN');
    const suspended = expectOk(await h.gql(SuspendDecisionDocument, { input: { proposalId, version: d.version, reason: '上级政策调整' } }, { token: t.director! })).suspendDecision;
    expect(suspended.decision).toMatchObject({ status: 'SUSPENDED', suspendedReason: '上级政策调整' });
    // suspended: no execution reports, no second suspension (R-DEC-16)
    await refused(() => h.gql(AddExecutionReportDocument, { input: { proposalId, reportedOn: '2026-08-31', content: '暂停期间' } }, { token: t.drafter! }), 'RULE_VIOLATION', [
      'R-DEC-16',
    ]);
    await refused(
      () => h.gql(SuspendDecisionDocument, { input: { proposalId, version: suspended.decision.version, reason: '再次暂停' } }, { token: t.director! }),
      'RULE_VIOLATION',
      ['R-DEC-16'],
    );
  });

  it('exports the complete archive, which verifies its own audit chain', async () => {
    const archive = expectOk(await h.gql(DecisionArchiveDocument, { proposalId }, { token: t.advisor! })).decisionArchive as Record<string, any>;
    expect(archive.format).toBe('yunhu-review/decision-archive@1');
    expect(archive.auditChain).toMatchObject({ ok: true, firstBrokenEventId: null });
    expect(archive.drafts.map((d: { number: number }) => d.number)).toEqual([1, 2]);
    expect(archive.legalityReviews[0].opinions[0].conclusion).toBe('LAWFUL');
    expect(archive.deliberation[0].agenda[0].positions).toHaveLength(3);
    expect(archive.deliberation[0].corrections).toHaveLength(1);
    expect(archive.decision.documentNumber).toBe('云湖街决〔2026〕1号');
    expect(archive.decision.executionReports).toHaveLength(1);
    expect(archive.directoryItem.title).toBe('电竞产业扶持办法');
    const actions: string[] = archive.auditTrail.map((e: { action: string }) => e.action);
    for (const a of [
      'proposal.create',
      'proposal.include',
      'proposal.draft.add',
      'review.request',
      'review.opinion.issue',
      'meeting.agenda.add',
      'meeting.position',
      'meeting.head_decision',
      'proposal.deliberated',
      'decision.sign',
      'decision.party_report',
      'decision.publish',
      'decision.execution_report',
    ]) {
      expect(actions).toContain(a);
    }
    expect(archive.auditTrail.every((e: { hashValid: boolean }) => e.hashValid)).toBe(true);
    expect(JSON.stringify(archive)).not.toMatch(/passwordHash|argon2/);
    const timeline = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.drafter! })).proposal.timeline;
    expect(timeline.length).toBe(archive.auditTrail.length);
    // every timeline entry belongs to one part of the record
    expect(timeline.every((e) => e.kind !== null)).toBe(true);
    expect(new Set(timeline.map((e) => e.kind))).toEqual(new Set(['PROPOSAL', 'LEGALITY_REVIEW', 'DELIBERATION', 'DECISION']));
    expect(timeline.find((e) => e.action === 'decision.sign')!.kind).toBe('DECISION');
    expect(timeline.find((e) => e.action === 'meeting.head_decision')!.kind).toBe('DELIBERATION');
  });

  it('writes the same archive to a file from the command line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-'));
    const out = path.join(dir, 'JC-2026-001.json');
    const res = await runCli(['archive', 'JC-2026-001', '--out', out], h.dbUrl, h.cliEnv);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('审计链校验：完整');
    const archive = JSON.parse(readFileSync(out, 'utf8'));
    expect(archive.proposal.code).toBe('JC-2026-001');
    expect(archive.decision.documentNumber).toBe('云湖街决〔2026〕1号');
  });

  it('lets one of two concurrent sign-offs win; 20 concurrent sign-offs of different decisions get unique numbers', async () => {
    // 21 approved decisions, prepared directly in the database
    const jjfz = dept.JJFZ!;
    const now = new Date().toISOString();
    const meeting = randomUUID();
    await h.sql(
      `insert into meeting (id, title, body, standing_body_id, held_on, head_id, chair_id, status, version, created_at)
       values (?, '批量', 'DIRECTORS_OFFICE', (select id from standing_body where kind = 'DIRECTORS_OFFICE'), '2026-03-05', ?, ?, 'OPEN', 1, ?)`,
      [meeting, uid.director!, uid.director!, now],
    );
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const pid = randomUUID();
      const draft = randomUUID();
      const item = randomUUID();
      const hash = `${i}`.padStart(64, 'a');
      await h.sql(
        `insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
           affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, current_draft_number, version, created_at, updated_at)
         values (?, ?, 2026, ?, 'DEPARTMENT', ?, ?, 'p', 'l', 'pl', 'n', 'f', false, false, false, false, false, '{}', 'APPROVED', 1, 1, ?, ?)`,
        [pid, `JC-2026-${500 + i}`, `批量决定${i}`, jjfz, uid.drafter!, now, now],
      );
      await h.sql(`insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at) values (?, 'PROPOSAL', ?, 1, 't', 'n', ?, ?, ?)`, [
        draft,
        pid,
        uid.drafter!,
        hash,
        now,
      ]);
      await h.sql(`insert into agenda_item (id, meeting_id, proposal_id, seq, draft_version_id, draft_hash, head_decision, version) values (?, ?, ?, ?, ?, ?, 'APPROVE', 1)`, [
        item,
        meeting,
        pid,
        i + 1,
        draft,
        hash,
      ]);
      await h.sql(`insert into decision (id, proposal_id, agenda_item_id, approved_draft_number, approved_draft_hash, status, version) values (?, ?, ?, 1, ?, 'APPROVED', 1)`, [
        randomUUID(),
        pid,
        item,
        hash,
      ]);
      ids.push(pid);
    }
    const [first, ...rest] = ids;
    const race = await Promise.all([
      h.gql(SignDecisionDocument, { input: { proposalId: first!, version: 1, draftNumber: 1 } }, { token: t.director! }),
      h.gql(SignDecisionDocument, { input: { proposalId: first!, version: 1, draftNumber: 1 } }, { token: t.director! }),
    ]);
    expect(race.filter((r) => !r.errors)).toHaveLength(1);
    expect(race.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);

    const results = await Promise.all(rest.map((pid) => h.gql(SignDecisionDocument, { input: { proposalId: pid, version: 1, draftNumber: 1 } }, { token: t.director! })));
    const numbers = results.map((r) => expectOk(r).signDecision.decision.documentNumber!);
    expect(new Set(numbers).size).toBe(20);
    const all = (await h.sql<{ document_number: string }>(`select document_number from decision where document_number is not null`)).map((r) => r.document_number);
    expect(new Set(all).size).toBe(all.length);
    const seqs = all.map((n) => Number(/〕(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)); // no gaps
  });
});
