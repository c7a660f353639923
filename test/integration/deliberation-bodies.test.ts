import {
  AddAgendaItemDocument,
  AddBodyMemberDocument,
  AuditSubjectType,
  AuditTrailDocument,
  CreateMeetingDocument,
  CreateStandingBodyDocument,
  DelegateMeetingChairDocument,
  DeliberatingBody,
  EndBodyMembershipDocument,
  HeadDecision,
  MeetingDocument,
  MemberPositionKind,
  RecordHeadDecisionDocument,
  RecordPositionDocument,
  SetBodyHeadDocument,
  StandingBodiesDocument,
  StandingBodyDocument,
  UpdateStandingBodyDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { convene, publishedDirectory, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * Standing deliberating bodies (R-DEC-11): the roll of a meeting is its body's members on the
 * meeting date; only a present chair (the head, or a deputy by recorded delegation) decides; any
 * departure from the majority needs a reason; a conditional support states its condition; a member
 * is named by one id kind; an approval with changes states them. Administrators keep the bodies,
 * with their history. Each of these was a partial rule that the main branch accepted (see the
 * report of issue #11).
 */
describe('standing deliberating bodies (R-DEC-11)', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  let items: string[];
  let next = 0;

  async function reviewed(): Promise<string> {
    const i = next++;
    const id = await readyProposal(h, t.drafter!, t.director!, items[i]!, `机构事项${i}`);
    await reviewProposal(h, t.drafter!, t.advisor!, id);
    return id;
  }

  const codesOf = (res: GqlResponse<unknown>) => ((expectError(res, 'RULE_VIOLATION').extensions!.violations ?? []) as { code: string }[]).map((v) => v.code);

  const position = (agendaItemId: string, member: string, position: MemberPositionKind, extra: { remarks?: string; condition?: string } = {}) =>
    h.gql(RecordPositionDocument, { input: { agendaItemId, memberUserId: uid[member]!, position, remarks: extra.remarks ?? '', condition: extra.condition } }, { token: t.admin! });

  /** A meeting with one reviewed proposal on its agenda. */
  async function meetingWithItem(opts: Parameters<typeof convene>[3] = {}) {
    const m = await convene(h, t.admin!, uid, opts);
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: m.id, proposalId: await reviewed() } }, { token: t.admin! })).addAgendaItem.agendaItem;
    return { m, item };
  }

  const bodyOf = async (kind: DeliberatingBody) => expectOk(await h.gql(StandingBodiesDocument, { first: 10 }, { token: t.drafter! })).standingBodies.nodes.find((b) => b.kind === kind)!;

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'advisor', 'director', 'deputy', 'admin']));
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    ({ items } = await publishedDirectory(h, t.director!, dept.JJFZ!, Array.from({ length: 12 }, (_, i) => `机构事项${i}`)));
  });
  afterAll(() => h.close());

  it('keeps both demo bodies with their members and heads, read by everyone', async () => {
    const bodies = expectOk(await h.gql(StandingBodiesDocument, { first: 10 }, { token: t.drafter! })).standingBodies;
    expect(bodies.nodes.map((b) => [b.kind, b.name, b.head?.username, b.members.map((m) => [m.user.username, m.deputy])])).toEqual([
      [
        'DIRECTORS_OFFICE',
        '白云湖街主任办公会议',
        'director',
        [
          ['director', false],
          ['deputy', true],
          ['deputy2', true],
          ['member', false],
        ],
      ],
      [
        'PARTY_WORKING_COMMITTEE',
        '白云湖街党工委会议',
        'secretary',
        [
          ['secretary', false],
          ['director', true],
          ['deputy', false],
          ['member', false],
        ],
      ],
    ]);
    // keeping them is the administrators' work
    expect(bodies.nodes[0]!.availableActions).toEqual([]);
  });

  it('takes the roll from the body: a caller cannot send a member list of its own', async () => {
    const before = await h.snapshot();
    const res = await h.post({
      query: `mutation { createMeeting(input: { title: "两人会议", body: DIRECTORS_OFFICE, heldOn: "2026-03-05", chairId: "${uid.director}",
                 members: [{ userId: "${uid.director}", present: true }, { userId: "${uid.admin}", present: true }] }) { meeting { id } } }`,
    }, { authorization: `Bearer ${t.admin}` });
    expect(JSON.stringify(res.json)).toMatch(/chairId|members/);
    expect((res.json as { data?: unknown }).data ?? null).toBeNull();
    // absences name members of the body on the day, each with a reason
    const absences = [
      { userId: uid.admin!, reason: '出差' },
      { userId: uid.member!, reason: ' ' },
    ];
    expect(codesOf(await h.gql(CreateMeetingDocument, { input: { title: '缺席名单', body: DeliberatingBody.DirectorsOffice, heldOn: '2026-03-05', absences } }, { token: t.admin! }))).toEqual([
      'NOT_ON_ROLL',
      'ABSENCE_REASON_REQUIRED',
    ]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('lets only a present chair decide: the head, or a present deputy by recorded delegation', async () => {
    const { m, item } = await meetingWithItem({ absent: { director: '赴区里开会' } });
    expect(m.chair.username).toBe('director');
    for (const u of ['deputy', 'deputy2', 'member']) expectOk(await position(item.id, u, MemberPositionKind.Support));
    const decide = (token: string) => h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token });
    expect(codesOf(await decide(t.director!))).toEqual(['CHAIR_ABSENT']);
    // the head delegates: only to a present deputy, in writing
    const delegate = async (deputy: string, note: string) => {
      const { version } = expectOk(await h.gql(MeetingDocument, { id: m.id }, { token: t.admin! })).meeting;
      return h.gql(DelegateMeetingChairDocument, { input: { meetingId: m.id, version, deputyUserId: uid[deputy]!, note } }, { token: t.admin! });
    };
    expect(codesOf(await delegate('member', '委托'))).toEqual(['DELEGATE_NOT_DEPUTY']);
    const delegated = expectOk(await delegate('deputy', '刘主任赴区开会，电话委托并补签书面委托，由王副主任主持')).delegateMeetingChair.meeting;
    expect(delegated).toMatchObject({ chair: { username: 'deputy' }, chairDelegation: '刘主任赴区开会，电话委托并补签书面委托，由王副主任主持' });
    // the deputy chairs now: the head may not decide, and the deputy's own position is the decision
    expectError(await decide(t.director!), 'FORBIDDEN');
    const ok = expectOk(
      await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token: t.deputy! }),
    ).recordHeadDecision;
    expect(ok.agendaItem.headDecision).toBe('APPROVE');
    // once something is decided the chair stays
    expect(codesOf(await delegate('deputy2', '改由孙副主任主持'))).toEqual(expect.arrayContaining(['ALREADY_DECIDING']));
  });

  it('takes a delegation when convening, to a present deputy only', async () => {
    const m = await convene(h, t.admin!, uid, { absent: { director: '出差' }, delegateTo: 'deputy2' });
    expect(m).toMatchObject({ chair: { username: 'deputy2' }, head: { username: 'director' }, chairDelegation: '主任出差，书面委托主持会议' });
    const refused = await h.gql(
      CreateMeetingDocument,
      {
        input: {
          title: '委托缺席者',
          body: DeliberatingBody.DirectorsOffice,
          heldOn: '2026-03-05',
          absences: [{ userId: uid.deputy2!, reason: '病假' }],
          delegation: { deputyUserId: uid.deputy2!, note: '委托' },
        },
      },
      { token: t.admin! },
    );
    expect(codesOf(refused)).toEqual(['DELEGATE_ABSENT']);
  });

  it.each([HeadDecision.Defer, HeadDecision.ReturnForRevision])('asks a reason for %s against a supporting majority', async (decision) => {
    const { item } = await meetingWithItem();
    for (const u of ['deputy', 'deputy2', 'member']) expectOk(await position(item.id, u, MemberPositionKind.Support, { remarks: '同意' }));
    const decide = (reason?: string) => h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision, reason } }, { token: t.director! });
    expect(codesOf(await decide())).toEqual(['DEPARTURE_REASON_REQUIRED']);
    expect(expectOk(await decide('待补充调研后再议')).recordHeadDecision.agendaItem).toMatchObject({ headDecision: decision, decisionReason: '待补充调研后再议' });
  });

  it('records the condition of a conditional support, and only of one', async () => {
    const { m, item } = await meetingWithItem();
    expect(codesOf(await position(item.id, 'deputy', MemberPositionKind.Conditional))).toEqual(['CONDITION_REQUIRED']);
    expect(codesOf(await position(item.id, 'deputy', MemberPositionKind.Support, { condition: '资金到位' }))).toEqual(['CONDITION_WITHOUT_CONDITIONAL']);
    const p = expectOk(await position(item.id, 'deputy', MemberPositionKind.Conditional, { condition: '扶持资金列入年度预算后实施', remarks: '原则同意' })).recordPosition;
    expect(p.position).toMatchObject({ position: 'CONDITIONAL', condition: '扶持资金列入年度预算后实施', remarks: '原则同意' });
    const read = expectOk(await h.gql(MeetingDocument, { id: m.id }, { token: t.drafter! })).meeting.agenda.nodes[0]!.positions;
    expect(read).toEqual([{ position: 'CONDITIONAL', condition: '扶持资金列入年度预算后实施', remarks: '原则同意', member: { username: 'deputy' } }]);
  });

  it('identifies the member by one id kind, the user id, and says which when given another', async () => {
    const { m, item } = await meetingWithItem();
    const rollEntry = m.members.find((x) => x.user.username === 'deputy')!;
    const err = expectError(
      await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: rollEntry.id, position: MemberPositionKind.Support, remarks: '' } }, { token: t.admin! }),
      'BAD_USER_INPUT',
    );
    expect(err.message).toMatch(/用户 id/);
    expect(expectOk(await h.gql(MeetingDocument, { id: m.id }, { token: t.admin! })).meeting.agenda.nodes[0]!.positions).toEqual([]);
    expect(codesOf(await position(item.id, 'advisor', MemberPositionKind.Support))).toEqual(['NOT_ON_ROLL']);
    expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: rollEntry.user.id, position: MemberPositionKind.Support } }, { token: t.admin! }));
  });

  it('requires the stated changes of an approval with changes, and refuses them with any other decision', async () => {
    const { item } = await meetingWithItem();
    for (const u of ['deputy', 'deputy2', 'member']) expectOk(await position(item.id, u, MemberPositionKind.Support, { remarks: '同意' }));
    const decide = (decision: HeadDecision, requiredChanges?: string) =>
      h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision, requiredChanges } }, { token: t.director! });
    expect(codesOf(await decide(HeadDecision.ApproveWithChanges))).toEqual(['CHANGES_REQUIRED']);
    expect(codesOf(await decide(HeadDecision.Approve, '第三条删去'))).toEqual(['CHANGES_WITHOUT_APPROVAL_WITH_CHANGES']);
    expect(expectOk(await decide(HeadDecision.ApproveWithChanges, '第三条扶持标准降至 50 万元')).recordHeadDecision.agendaItem).toMatchObject({
      headDecision: 'APPROVE_WITH_CHANGES',
      requiredChanges: '第三条扶持标准降至 50 万元',
    });
  });

  it('lets administrators keep the bodies, with history: who was a member and the head, from when to when', async () => {
    const office = await bodyOf(DeliberatingBody.DirectorsOffice);
    const admin = { token: t.admin! };
    expect(office.availableActions).toEqual([]); // read as a drafter
    expectError(await h.gql(AddBodyMemberDocument, { input: { bodyId: office.id, userId: uid.filing!, startedOn: '2026-04-01', title: '成员' } }, { token: t.director! }), 'FORBIDDEN');
    expectError(await h.gql(CreateStandingBodyDocument, { input: { kind: DeliberatingBody.DirectorsOffice, name: '第二个主任办公会议' } }, admin), 'BAD_USER_INPUT');
    const renamed = expectOk(await h.gql(UpdateStandingBodyDocument, { input: { bodyId: office.id, version: office.version, name: '白云湖街道办事处主任办公会议' } }, admin))
      .updateStandingBody.body;
    expect(renamed.name).toBe('白云湖街道办事处主任办公会议');
    expect(renamed.availableActions.map((a) => a.action)).toEqual(['UPDATE_BODY', 'ADD_BODY_MEMBER', 'SET_BODY_HEAD']);

    // a change takes effect after the latest meeting (2026-03-05): the rolls already taken stand
    const add = (startedOn: string) => h.gql(AddBodyMemberDocument, { input: { bodyId: office.id, userId: uid.filing!, startedOn, title: '依法治街办主任' } }, admin);
    expect(codesOf(await add('2026-03-05'))).toEqual(['ROLL_ALREADY_TAKEN']);
    const joined = expectOk(await add('2026-04-01')).addBodyMember;
    expect(joined.membership).toMatchObject({ user: { username: 'filing' }, startedOn: '2026-04-01', endedOn: null, availableActions: [{ action: 'END_BODY_MEMBERSHIP' }] });
    expect(codesOf(await add('2026-04-02'))).toEqual(['ALREADY_MEMBER']);

    const rollOf = async (heldOn: string) => (await convene(h, t.admin!, uid, { heldOn, title: `${heldOn} 主任办公会议` })).members.map((x) => `${x.user.username}:${x.role}`);
    expect(await rollOf('2026-03-20')).toEqual(['director:HEAD', 'deputy:DEPUTY', 'deputy2:DEPUTY', 'member:MEMBER']);
    expect(await rollOf('2026-04-02')).toEqual(['director:HEAD', 'deputy:DEPUTY', 'deputy2:DEPUTY', 'member:MEMBER', 'filing:MEMBER']);

    const end = (endedOn: string) => h.gql(EndBodyMembershipDocument, { input: { membershipId: joined.membership.id, endedOn, reason: '工作调动' } }, admin);
    expect(codesOf(await end('2026-04-01'))).toEqual(['ROLL_ALREADY_TAKEN']);
    const ended = expectOk(await end('2026-04-10')).endBodyMembership.membership;
    expect(ended).toMatchObject({ endedOn: '2026-04-10', endReason: '工作调动', availableActions: [] });
    expect(codesOf(await end('2026-04-20'))).toEqual(['ALREADY_ENDED']);
    expect(await rollOf('2026-04-15')).toEqual(['director:HEAD', 'deputy:DEPUTY', 'deputy2:DEPUTY', 'member:MEMBER']);

    // a new head from 1 May: the director's period ends the day before; the head stays a member while heading
    const setHead = (user: string, startedOn: string) => h.gql(SetBodyHeadDocument, { input: { bodyId: office.id, userId: uid[user]!, startedOn } }, admin);
    expect(codesOf(await setHead('filing', '2026-05-01'))).toEqual(['HEAD_NOT_MEMBER']);
    const headed = expectOk(await setHead('deputy', '2026-05-01')).setBodyHead;
    expect(headed.headship).toMatchObject({ user: { username: 'deputy' }, startedOn: '2026-05-01', endedOn: null });
    const deputyPeriod = headed.body.memberships.nodes.find((x) => x.user.username === 'deputy' && !x.endedOn)!;
    expect(codesOf(await h.gql(EndBodyMembershipDocument, { input: { membershipId: deputyPeriod.id, endedOn: '2026-06-30', reason: '调任' } }, admin))).toEqual([
      'HEAD_REMAINS_MEMBER',
    ]);
    const may = await convene(h, t.admin!, uid, { heldOn: '2026-05-06', title: '5月主任办公会议' });
    expect(may).toMatchObject({ head: { username: 'deputy' }, chair: { username: 'deputy' } });
    expect(may.members.map((x) => `${x.user.username}:${x.role}`)).toEqual(['deputy:HEAD', 'deputy2:DEPUTY', 'director:MEMBER', 'member:MEMBER']);

    // the body on any day, and its whole history
    const onDay = expectOk(await h.gql(StandingBodyDocument, { id: office.id, on: '2026-04-05' }, { token: t.drafter! })).standingBody;
    expect(onDay.headOn?.username).toBe('director');
    expect(onDay.membersOn.map((x) => x.user.username)).toEqual(['director', 'deputy', 'deputy2', 'member', 'filing']);
    expect(onDay.headships.nodes.map((x) => [x.user.username, x.startedOn, x.endedOn])).toEqual([
      ['director', '2021-09-28', '2026-04-30'],
      ['deputy', '2026-05-01', null],
    ]);
    expect(onDay.memberships.nodes.find((x) => x.user.username === 'filing')).toMatchObject({ startedOn: '2026-04-01', endedOn: '2026-04-10', endReason: '工作调动' });

    // every change is audited
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.StandingBody, subjectId: office.id, first: 100 }, admin)).auditTrail;
    expect(trail.edges.map((e) => e.node.action)).toEqual(
      expect.arrayContaining(['body.create', 'body.update', 'body.member.add', 'body.member.end', 'body.head.set']),
    );
    // the history cannot be rewritten underneath, whoever connects
    await expect(h.superSql(`update body_membership set started_on = '2020-01-01' where id = $1`, [joined.membership.id])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`delete from body_headship where body_id = $1`, [office.id])).rejects.toThrow(/immutable/);
  });
});
