import {
  AddAgendaItemDocument,
  AddDraftVersionDocument,
  ConfirmAmendedTextDocument,
  ConfirmAmendedTextLegallyDocument,
  DecisionAmendmentsDocument,
  DecisionArchiveDocument,
  FinaliseMeetingDocument,
  HeadDecision,
  Issuer,
  MemberPositionKind,
  ProposalDecisionDocument,
  PublishDecisionDocument,
  RecordAmendedTextDocument,
  RecordHeadDecisionDocument,
  RecordPartyReportDocument,
  RecordPositionDocument,
  ReturnAmendedTextDocument,
  SignDecisionDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { convene, DIRECTORS_OFFICE_OTHERS, publishedDirectory, readyProposal, reviewProposal, reviewWithFindings, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * 原则通过/修改后通过 all the way to sign-off (R-DEC-11, R-DEC-12, R-DEC-9): the head states the
 * required changes; the sponsor records the amended text against them; the legal advisor confirms
 * it when it touches the opinion in force; the meeting's chair confirms it matches the decision;
 * sign-off is of exactly that version. On the main branch the amended text could not be recorded at
 * all (the refusal cited R-DIR-4) and the deliberated version was signed instead.
 */
describe('approve with changes, to sign-off', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  /** Without findings; with an advisory finding; with a must-fix finding (answered). */
  let plain: string;
  let advised: string;
  let mustFix: string;
  let advisedFinding: string;

  const codesOf = (res: GqlResponse<unknown>) => ((expectError(res, 'RULE_VIOLATION').extensions!.violations ?? []) as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`);
  const decisionOf = async (id: string, token = t.director!) => expectOk(await h.gql(DecisionAmendmentsDocument, { id }, { token })).proposal;
  const record = (proposalId: string, version: number, text: string, concernedFindingIds?: string[], token = t.drafter!) =>
    h.gql(RecordAmendedTextDocument, { input: { proposalId, version, text, explanation: '按会议意见修改第三条', concernedFindingIds } }, { token });

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director', 'deputy', 'admin']));
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['夜间经济扶持办法', '菜市场升级改造补助办法', '小微企业租金补贴办法']);
    plain = await readyProposal(h, t.drafter!, t.director!, items[0]!, '夜间经济扶持办法');
    await reviewProposal(h, t.drafter!, t.advisor!, plain);
    advised = await readyProposal(h, t.drafter!, t.director!, items[1]!, '菜市场升级改造补助办法');
    advisedFinding = (await reviewWithFindings(h, t.drafter!, t.advisor!, advised, [{ mustFix: false, text: '第五条补助对象的表述不够明确，建议细化' }]))[0]!.id;
    mustFix = await readyProposal(h, t.drafter!, t.director!, items[2]!, '小微企业租金补贴办法');
    await reviewWithFindings(h, t.drafter!, t.advisor!, mustFix, [{ mustFix: true, text: '第四条增设的资格条件缺乏法律依据，应当删除' }]);

    const m = await convene(h, t.admin!, uid, { title: '2026年第6次主任办公会议' });
    for (const proposalId of [plain, advised, mustFix]) {
      const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: m.id, proposalId } }, { token: t.admin! })).addAgendaItem.agendaItem;
      for (const u of DIRECTORS_OFFICE_OTHERS) {
        expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[u]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
      }
      expectOk(
        await h.gql(
          RecordHeadDecisionDocument,
          { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.ApproveWithChanges, requiredChanges: '第三条扶持标准按会议意见下调，其余原则同意' } },
          { token: t.director! },
        ),
      );
    }
    const version = (await h.sql<{ version: number }>(`select version from meeting where id = ?`, [m.id]))[0]!.version;
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: m.id, version: Number(version), minutes: '原则通过，第三条按会议意见修改。' } }, { token: t.director! }));
  });
  afterAll(() => h.close());

  it('lets the sponsor record the amended text, and refuses the old path citing the rule that governs it (R-DEC-12)', async () => {
    const err = expectError(
      await h.gql(AddDraftVersionDocument, { input: { proposalId: plain, text: '夜间经济扶持办法（修改稿）', changeNote: '按会议意见修改' } }, { token: t.drafter! }),
      'RULE_VIOLATION',
    );
    const rules = (err.extensions!.violations as { rule: string }[]).map((v) => v.rule);
    expect(rules).not.toContain('R-DIR-4');
    expect(rules).toContain('R-DEC-12');
    expect(err.message + JSON.stringify(err.extensions)).toContain('recordAmendedText');
    const p = await decisionOf(plain, t.drafter!);
    expect(p.decision).toMatchObject({ status: 'AMENDMENT_REQUIRED', requiredChanges: '第三条扶持标准按会议意见下调，其余原则同意', amendedDraftNumber: null });
    expect(p.decision!.availableActions.map((a) => [a.action, a.actor])).toEqual([['RECORD_AMENDED_TEXT', '承办部门']]);
  });

  it('never signs the deliberated version when the meeting required changes (R-DEC-12)', async () => {
    const d = (await decisionOf(plain)).decision!;
    const err = expectError(await h.gql(SignDecisionDocument, { input: { proposalId: plain, version: d.version, draftNumber: 1 } }, { token: t.director! }), 'RULE_VIOLATION');
    expect((err.extensions!.violations as { rule: string }[]).map((v) => v.rule)).toContain('R-DEC-12');
  });

  it('takes the amended text from the sponsor only, and only when it differs; the chair confirms it or returns it; sign-off is of exactly the confirmed version', async () => {
    let d: { version: number } = (await decisionOf(plain)).decision!;
    expectError(await record(plain, d.version, '修改稿', undefined, t.drafter2!), 'FORBIDDEN');
    expect(codesOf(await record(plain, d.version, '夜间经济扶持办法\n第一条 ……\n第二条 ……'))).toEqual(['R-DEC-12:AMENDMENT_UNCHANGED']);
    const first = expectOk(await record(plain, d.version, '夜间经济扶持办法（修改稿一）')).recordAmendedText;
    expect(first.amendment).toMatchObject({ seq: 1, status: 'SUBMITTED', draftNumber: 2, legalConfirmationRequired: false, submittedBy: { username: 'drafter' } });
    expect(first.proposal).toMatchObject({ state: 'APPROVED', currentDraftNumber: 2 });
    expect(first.decision.status).toBe('AMENDMENT_SUBMITTED');
    d = first.decision;
    // only the meeting's chair confirms or returns it
    expectError(await h.gql(ConfirmAmendedTextDocument, { input: { proposalId: plain, version: d.version } }, { token: t.deputy! }), 'FORBIDDEN');
    const returned = expectOk(await h.gql(ReturnAmendedTextDocument, { input: { proposalId: plain, version: d.version, reason: '扶持标准仍未下调' } }, { token: t.director! }))
      .returnAmendedText;
    expect(returned.amendment).toMatchObject({ status: 'RETURNED', returnReason: '扶持标准仍未下调', returnedBy: { username: 'director' } });
    expect(returned.decision.status).toBe('AMENDMENT_REQUIRED');
    const second = expectOk(await record(plain, returned.decision.version, '夜间经济扶持办法（修改稿二：扶持标准下调）')).recordAmendedText;
    expect(second.amendment).toMatchObject({ seq: 2, draftNumber: 3 });
    const confirmed = expectOk(await h.gql(ConfirmAmendedTextDocument, { input: { proposalId: plain, version: second.decision.version, note: '与会议决定一致' } }, { token: t.director! }))
      .confirmAmendedText;
    expect(confirmed.amendment).toMatchObject({ status: 'CONFIRMED', chairConfirmedBy: { username: 'director' } });
    expect(confirmed.decision).toMatchObject({ status: 'APPROVED', approvedDraftNumber: 1, amendedDraftNumber: 3, amendedDraftHash: second.amendment.draftHash });
    d = confirmed.decision;
    // neither the deliberated version nor the returned one is signed: exactly the confirmed one
    for (const draftNumber of [1, 2]) {
      const v = expectError(await h.gql(SignDecisionDocument, { input: { proposalId: plain, version: d.version, draftNumber } }, { token: t.director! }), 'RULE_VIOLATION');
      expect(v.extensions!.violations).toEqual([expect.objectContaining({ rule: 'R-DEC-12', code: 'VERSION_MISMATCH', message: expect.stringContaining('第 3 稿') })]);
    }
    const signed = expectOk(await h.gql(SignDecisionDocument, { input: { proposalId: plain, version: d.version, draftNumber: 3 } }, { token: t.director! })).signDecision.decision;
    expect(signed).toMatchObject({ status: 'SIGNED', signedDraftNumber: 3, signedDraftHash: second.amendment.draftHash });
    // what is published and handed to the normative register is the signed text
    d = expectOk(await h.gql(RecordPartyReportDocument, { input: { proposalId: plain, version: signed.version, reportedOn: '2026-03-05' } }, { token: t.director! })).recordPartyReport
      .decision;
    const published = expectOk(
      await h.gql(
        PublishDecisionDocument,
        {
          input: {
            proposalId: plain,
            version: d.version,
            channel: '白云湖街政务网站',
            publishedOn: '2026-03-05',
            normativeDocument: { issuer: Issuer.StreetOffice, affectsBusinessesOrPublic: true, touchesMarketEntities: false },
          },
        },
        { token: t.director! },
      ),
    ).publishDecision.decision;
    expect(published.normativeDocument!.currentVersion!.contentHash).toBe(second.amendment.draftHash);
    const all = (await decisionOf(plain)).decision!.amendments;
    expect(all.nodes.map((a) => [a.seq, a.status])).toEqual([
      [1, 'RETURNED'],
      [2, 'CONFIRMED'],
    ]);
    const archive = expectOk(await h.gql(DecisionArchiveDocument, { proposalId: plain }, { token: t.director! })).decisionArchive as Record<string, any>;
    expect(archive.decision.amendments.map((a: { seq: number }) => a.seq)).toEqual([1, 2]);
  });

  it('asks the legal advisor first when the sponsor says the change concerns a finding (R-DEC-9)', async () => {
    let d: { version: number } = (await decisionOf(advised)).decision!;
    expect(codesOf(await record(advised, d.version, '菜市场升级改造补助办法（修改稿）', ['00000000-0000-4000-8000-000000000000']))).toEqual(['R-DEC-9:UNKNOWN_FINDING']);
    const rec = expectOk(await record(advised, d.version, '菜市场升级改造补助办法（修改稿）', [advisedFinding])).recordAmendedText;
    expect(rec.amendment).toMatchObject({ legalConfirmationRequired: true, legalConfirmationBasis: '承办部门说明修改涉及法律意见第 1 条', concernedFindings: [{ id: advisedFinding, seq: 1 }] });
    d = rec.decision;
    expect(codesOf(await h.gql(ConfirmAmendedTextDocument, { input: { proposalId: advised, version: d.version } }, { token: t.director! }))).toEqual([
      'R-DEC-9:LEGAL_CONFIRMATION_PENDING',
    ]);
    const legal = expectOk(await h.gql(ConfirmAmendedTextLegallyDocument, { input: { proposalId: advised, version: d.version, note: '修改后的第五条合法' } }, { token: t.advisor! }))
      .confirmAmendedTextLegally;
    expect(legal.amendment).toMatchObject({ status: 'SUBMITTED', advisorConfirmedBy: { username: 'advisor' } });
    expect(codesOf(await h.gql(ConfirmAmendedTextLegallyDocument, { input: { proposalId: advised, version: legal.decision.version } }, { token: t.advisor! }))).toEqual([
      'R-DEC-9:ALREADY_CONFIRMED',
    ]);
    const done = expectOk(await h.gql(ConfirmAmendedTextDocument, { input: { proposalId: advised, version: legal.decision.version } }, { token: t.director! })).confirmAmendedText;
    expect(done.decision).toMatchObject({ status: 'APPROVED', amendedDraftNumber: 2 });
  });

  it('asks the legal advisor whenever the opinion in force has must-fix findings, declared or not; the advisor may return it', async () => {
    const d = (await decisionOf(mustFix)).decision!;
    const rec = expectOk(await record(mustFix, d.version, '小微企业租金补贴办法（修改稿）')).recordAmendedText;
    expect(rec.amendment).toMatchObject({ legalConfirmationRequired: true, legalConfirmationBasis: '现行法律意见有必须修改的意见（第 1 条）', concernedFindings: [] });
    const forAdvisor = (await decisionOf(mustFix, t.advisor!)).decision!;
    expect(forAdvisor.availableActions.map((a) => a.action)).toEqual(['CONFIRM_AMENDED_TEXT_LEGALLY', 'RETURN_AMENDED_TEXT']);
    const back = expectOk(await h.gql(ReturnAmendedTextDocument, { input: { proposalId: mustFix, version: rec.decision.version, reason: '修改稿恢复了已删除的资格条件' } }, { token: t.advisor! }))
      .returnAmendedText;
    expect(back.amendment).toMatchObject({ status: 'RETURNED', returnedBy: { username: 'advisor' } });
    expect(back.decision.status).toBe('AMENDMENT_REQUIRED');
  });

  it('keeps an amended text and the confirmed version as recorded, whoever connects', async () => {
    const amendment = (await h.sql<{ id: string }>(`select a.id from decision_amendment a join decision d on d.id = a.decision_id where d.proposal_id = ? and a.seq = 2`, [plain]))[0]!.id;
    await expect(h.superSql(`update decision_amendment set draft_hash = $2 where id = $1`, [amendment, 'f'.repeat(64)])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`update decision_amendment set chair_note = 'x' where id = $1`, [amendment])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`delete from decision_amendment where id = $1`, [amendment])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`update decision set amended_draft_number = 2 where proposal_id = $1`, [plain])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`update decision set signed_draft_number = 1 where proposal_id = $1`, [plain])).rejects.toThrow(/immutable/);
    await expect(h.superSql(`update decision set required_changes = null where proposal_id = $1`, [advised])).rejects.toThrow(/immutable/);
    const p = expectOk(await h.gql(ProposalDecisionDocument, { id: plain }, { token: t.drafter! })).proposal;
    expect(p.decision).toMatchObject({ signedDraftNumber: 3, amendedDraftNumber: 3, approvedDraftNumber: 1 });
  });
});
