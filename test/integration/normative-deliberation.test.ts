import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  AcceptReviewDocument,
  AddAgendaItemDocument,
  AddNormativeVersionDocument,
  AuditSubjectType,
  AuditTrailDocument,
  CorrectNormativeFactsDocument,
  CreateMeetingDocument,
  CreateNormativeDocumentDocument,
  DeliberatingBody,
  FairCompetitionResult,
  FilingMaterialKind,
  FinaliseMeetingDocument,
  HeadDecision,
  IssueOpinionDocument,
  Issuer,
  MeetingDocument,
  MemberPositionKind,
  NormativeGateDocument,
  OpinionConclusion,
  PrepareFilingMaterialDocument,
  RecordHeadDecisionDocument,
  RecordNormativeFairCompetitionReviewDocument,
  RecordPositionDocument,
  RegisterNormativeDocumentDocument,
  ReleaseCheckDocument,
  ReleaseNormativeDocumentDocument,
  RequestNormativeReviewDocument,
  SaveOpinionDraftDocument,
  SetReleaseFactsDocument,
  UsersDocument,
  AssessFilingObligationDocument,
  ConfirmFilingAssessmentDocument,
  FilingVerdict,
} from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';
import { addNormativePackage, aspectsFor } from '../support/packages';

/**
 * Issue #11 items 6 and 7: a normative document is decided by its issuer's own meeting (agenda item,
 * head decision, finalised minutes) and the release gate (R-ND-4) links that decision; the
 * fair-competition review records its conclusion; the market-entities flag is suggested from the
 * text; title and flags are corrected with a reason; a document released without a stated period
 * gets the maximum (R-ND-9), unless the locality refuses it.
 */

const TEXT = [
  '第一条 为促进本街道电子竞技产业发展，制定本办法。',
  '第二条 在本街道注册的电竞企业，符合下列条件的，可以申请补贴。',
  '第三条 申请人应当如实提交材料，不得重复申报。',
].join('\n');

describe('normative documents decided by the street’s own meetings (R-ND-4)', () => {
  let h: Harness;
  let t: Record<string, string>;
  const uid: Record<string, string> = {};
  let docId: string;

  async function refused<R>(call: () => Promise<GqlResponse<R>>, code: string) {
    const before = await h.snapshot();
    const err = expectError(await call(), code);
    expect(await h.snapshot()).toEqual(before);
    return ((err.extensions?.violations ?? []) as { rule: string; code: string; message: string }[]).map((v) => ({ rule: v.rule, code: v.code, message: v.message }));
  }
  const gate = async (id = docId) => expectOk(await h.gql(NormativeGateDocument, { id }, { token: t.filing! })).normativeDocument;
  const check = async (publishOn: string, id = docId) =>
    expectOk(await h.gql(ReleaseCheckDocument, { documentId: id, publishOn }, { token: t.drafter! })).releaseCheck.map((b) => b.code);

  async function meeting(body: DeliberatingBody, title: string, heldOn: string) {
    return expectOk(
      await h.gql(
        CreateMeetingDocument,
        {
          input: {
            title,
            body,
            heldOn,
          },
        },
        { token: t.admin! },
      ),
    ).createMeeting.meeting;
  }

  async function decide(itemId: string, version: number, decision: HeadDecision) {
    for (const member of ['deputy', 'deputy2', 'member']) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: itemId, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    return expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: itemId, version, decision } }, { token: t.director! })).recordHeadDecision;
  }

  async function finalise(meetingId: string) {
    const m = expectOk(await h.gql(MeetingDocument, { id: meetingId }, { token: t.director! })).meeting;
    return expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId, version: m.version, minutes: '会议纪要：审议了规范性文件。' } }, { token: t.director! }))
      .finaliseMeeting.meeting;
  }

  /** R-ND-2: the filing officer confirms it is a normative document, so the whole release gate applies. */
  async function assess(documentId: string) {
    const d = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId, answers: { issuedWithinAuthority: true, affectsRights: true, generallyBinding: true, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    expectOk(await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId, version: d.version, verdict: FilingVerdict.FilingRequired } }, { token: t.filing! }));
  }

  async function lawful(documentId: string) {
    await addNormativePackage(h, t.drafter!, documentId);
    const r = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId } }, { token: t.drafter! })).requestNormativeReview.review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! }));
    const o = expectOk(await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审核，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, [], { normative: true }) } }, { token: t.advisor! }))
      .saveOpinionDraft.opinion;
    expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }));
  }

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) }, now: new Date('2026-03-20T02:00:00Z') });
    ({ tokens: t } = await signIn(h, ['drafter', 'drafter2', 'filing', 'advisor', 'admin', 'director']));
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
  });
  afterAll(() => h.close());

  it('suggests “touches market entities” from the text; departing from the suggestion needs a reason', async () => {
    const input = { title: '白云湖街促进电子竞技产业发展扶持办法', issuer: Issuer.StreetOffice, text: TEXT, affectsBusinessesOrPublic: true };
    const v = await refused(() => h.gql(CreateNormativeDocumentDocument, { input: { ...input, touchesMarketEntities: false } }, { token: t.drafter! }), 'RULE_VIOLATION');
    expect(v).toEqual([expect.objectContaining({ rule: 'R-ND-4', code: 'MARKET_ENTITIES_REASON_REQUIRED', message: expect.stringContaining('补贴') })]);
    const d = expectOk(await h.gql(CreateNormativeDocumentDocument, { input }, { token: t.drafter! })).createNormativeDocument.document;
    docId = d.id;
    const g = await gate();
    expect(g).toMatchObject({ touchesMarketEntities: true, touchesMarketEntitiesReason: null, marketEntitiesSuggestion: { suggested: true } });
    expect(g.marketEntitiesSuggestion.terms.map((x) => x.term)).toEqual(expect.arrayContaining(['补贴', '企业']));
    // an override with a reason is kept with the document
    const other = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { ...input, title: '白云湖街困难群众临时补贴发放办法', touchesMarketEntities: false, touchesMarketEntitiesReason: '补贴仅发放给困难群众个人，不涉及经营者' } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    expect(await gate(other.id)).toMatchObject({ touchesMarketEntities: false, touchesMarketEntitiesReason: '补贴仅发放给困难群众个人，不涉及经营者' });
  });

  it('corrects the title and the flags before release with a reason, audited before and after', async () => {
    let g = await gate();
    await refused(() => h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: g.version, reason: '更正', title: g.title } }, { token: t.drafter! }), 'BAD_USER_INPUT');
    await refused(() => h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: g.version, reason: ' ', title: '白云湖街电竞产业扶持办法' } }, { token: t.drafter! }), 'BAD_USER_INPUT');
    const v = await refused(
      () => h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: g.version, reason: '不涉及', touchesMarketEntities: false } }, { token: t.drafter! }),
      'RULE_VIOLATION',
    );
    expect(v.map((x) => x.code)).toEqual(['MARKET_ENTITIES_REASON_REQUIRED']);
    expectError(await h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: g.version, reason: '标题有误', title: '白云湖街电竞产业扶持办法' } }, { token: t.drafter2! }), 'FORBIDDEN');
    g = expectOk(
      await h.gql(
        CorrectNormativeFactsDocument,
        { input: { documentId: docId, version: g.version, reason: '标题与发文稿不一致', title: '白云湖街电竞产业扶持办法', affectsBusinessesOrPublic: true } },
        { token: t.drafter! },
      ),
    ).correctNormativeFacts.document;
    expect(g.title).toBe('白云湖街电竞产业扶持办法');
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.NormativeDocument, subjectId: docId, first: 50 }, { token: t.admin! })).auditTrail.edges;
    const corrected = trail.map((e) => e.node).find((e) => e.action === 'normative.correct_facts')!;
    expect(corrected.before).toEqual({ title: '白云湖街促进电子竞技产业发展扶持办法' });
    expect(corrected.after).toMatchObject({ title: '白云湖街电竞产业扶持办法', reason: '标题与发文稿不一致' });
    await assess(docId);
  });

  it('records the fair-competition conclusion: “needs change” is unresolved and blocks, “compliant” clears (R-ND-4)', async () => {
    expect(await check('2026-03-20')).toContain('FAIR_COMPETITION_MISSING');
    let r = expectOk(
      await h.gql(
        RecordNormativeFairCompetitionReviewDocument,
        { input: { documentId: docId, conclusion: FairCompetitionResult.NeedsChange, reviewer: '经济发展办（公平竞争审查）', reviewedOn: '2026-02-20', notes: '补贴条件限定本地注册企业，须调整' } },
        { token: t.drafter! },
      ),
    ).recordNormativeFairCompetitionReview;
    expect(r.review).toMatchObject({ conclusion: 'NEEDS_CHANGE', reviewer: '经济发展办（公平竞争审查）', reviewedOn: '2026-02-20', versionNumber: 1 });
    expect(await check('2026-03-20')).toContain('FAIR_COMPETITION_UNRESOLVED');
    expectError(
      await h.gql(
        RecordNormativeFairCompetitionReviewDocument,
        { input: { documentId: docId, conclusion: FairCompetitionResult.Compliant, reviewer: '经济发展办', reviewedOn: '2026-02-21', notes: '已调整' } },
        { token: t.drafter2! },
      ),
      'FORBIDDEN',
    );
    r = expectOk(
      await h.gql(
        RecordNormativeFairCompetitionReviewDocument,
        { input: { documentId: docId, conclusion: FairCompetitionResult.Compliant, reviewer: '经济发展办（公平竞争审查）', reviewedOn: '2026-02-22', notes: '已删除本地注册限制' } },
        { token: t.drafter! },
      ),
    ).recordNormativeFairCompetitionReview;
    expect(r.document.fairCompetitionReview).toMatchObject({ conclusion: 'COMPLIANT', reviewedOn: '2026-02-22' });
    expect(r.document.fairCompetitionReviews).toMatchObject({ totalCount: 2, nodes: [{ conclusion: 'NEEDS_CHANGE' }, { conclusion: 'COMPLIANT' }] });
    const codes = await check('2026-03-20');
    expect(codes.filter((c) => c.startsWith('FAIR_COMPETITION'))).toEqual([]);
  });

  it('puts the document on the agenda of the director’s office meeting only once its review is lawful', async () => {
    expect(await check('2026-03-20')).toContain('DELIBERATION_MISSING');
    const pwc = await meeting(DeliberatingBody.PartyWorkingCommittee, '2026年第2次党工委会议', '2026-03-03');
    const office = await meeting(DeliberatingBody.DirectorsOffice, '2026年第3次主任办公会议', '2026-03-05');
    const unreviewed = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: docId } }, { token: t.admin! }), 'RULE_VIOLATION');
    expect(unreviewed.map((x) => `${x.rule}:${x.code}`)).toEqual(['R-ND-4:LEGALITY_REVIEW_MISSING']);
    await lawful(docId);
    const wrongBody = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: pwc.id, normativeDocumentId: docId } }, { token: t.admin! }), 'RULE_VIOLATION');
    expect(wrongBody).toEqual([expect.objectContaining({ rule: 'R-ND-4', code: 'WRONG_BODY', message: expect.stringContaining('主任办公会议') })]);
    // exactly one subject
    await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: office.id } }, { token: t.admin! }), 'BAD_USER_INPUT');
    await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: docId, proposalId: randomUUID() } }, { token: t.admin! }), 'BAD_USER_INPUT');
    expectError(await h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: docId } }, { token: t.drafter! }), 'FORBIDDEN');

    const added = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: docId } }, { token: t.admin! })).addAgendaItem;
    expect(added.agendaItem).toMatchObject({ seq: 1, subjectType: 'NORMATIVE_DOCUMENT', proposal: null, normativeDocument: { id: docId }, headDecision: null });
    // on one undecided agenda at a time
    const office2 = await meeting(DeliberatingBody.DirectorsOffice, '2026年第4次主任办公会议', '2026-03-06');
    const twice = await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: office2.id, normativeDocumentId: docId } }, { token: t.admin! }), 'RULE_VIOLATION');
    expect(twice.map((x) => x.code)).toEqual(['ALREADY_ON_AGENDA']);

    const decided = await decide(added.agendaItem.id, added.agendaItem.version, HeadDecision.Approve);
    expect(decided.agendaItem.headDecision).toBe('APPROVE');
    // the minutes are not final yet: no deliberation for the gate
    const pending = expectOk(await h.gql(ReleaseCheckDocument, { documentId: docId, publishOn: '2026-03-20' }, { token: t.drafter! })).releaseCheck;
    expect(pending.find((b) => b.code === 'DELIBERATION_MISSING')?.message).toContain('纪要尚未定稿');

    const m = await finalise(office.id);
    expect(m.status).toBe('FINALISED');
    const g = await gate();
    expect(g.agendaItems).toMatchObject({ totalCount: 1, nodes: [{ headDecision: 'APPROVE', meeting: { id: office.id, status: 'FINALISED', heldOn: '2026-03-05', body: 'DIRECTORS_OFFICE' } }] });
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.NormativeDocument, subjectId: docId, first: 50 }, { token: t.admin! })).auditTrail.edges;
    expect(trail.map((e) => e.node).find((e) => e.action === 'normative.deliberated')?.after).toMatchObject({ meetingId: office.id, decision: 'APPROVE' });

    // held before the release: a release dated before the meeting does not count it
    expect(await check('2026-03-04')).toContain('DELIBERATION_AFTER_RELEASE');
    expect(await check('2026-03-20')).not.toContain('DELIBERATION_MISSING');
  });

  it('releases without a stated validity period: the maximum applies (R-ND-9), recorded as defaulted', async () => {
    let g = await gate();
    g = expectOk(
      await h.gql(
        SetReleaseFactsDocument,
        { input: { documentId: docId, version: g.version, publicCommentStartsOn: '2026-01-20', publicCommentEndsOn: '2026-02-18', effectiveOn: '2026-04-20' } },
        { token: t.drafter! },
      ),
    ).setReleaseFacts.document as never;
    g = await gate();
    expect(g).toMatchObject({ validUntil: null, validityDefaulted: false, defaultValidUntil: '2031-04-19' });
    expectOk(await h.gql(RegisterNormativeDocumentDocument, { input: { documentId: docId, version: g.version } }, { token: t.filing! }));
    for (const kind of [FilingMaterialKind.FilingReport, FilingMaterialKind.OfficialText, FilingMaterialKind.DraftingExplanation, FilingMaterialKind.LegalBasisStatement]) {
      expectOk(await h.gql(PrepareFilingMaterialDocument, { input: { documentId: docId, kind, text: `${kind}` } }, { token: t.drafter! }));
    }
    expect(await check('2026-03-20')).toEqual([]);
    // the issuer goes with its number (R-ND-5)
    g = await gate();
    const v = await refused(
      () => h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: g.version, reason: '改由党工委发文', issuer: Issuer.PartyWorkingCommittee } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
    expect(v.map((x) => `${x.rule}:${x.code}`)).toEqual(['R-ND-5:ISSUER_FIXED_BY_NUMBER']);

    const released = expectOk(
      await h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: docId, version: g.version, publishedOn: '2026-03-20', channel: '白云湖街政务网站' } }, { token: t.filing! }),
    ).releaseNormativeDocument.document;
    expect(released).toMatchObject({ state: 'RELEASED', validUntil: '2031-04-19' });
    expect(await gate()).toMatchObject({ validityDefaulted: true, validUntil: '2031-04-19' });
    // facts are corrected before release only
    await refused(
      () => h.gql(CorrectNormativeFactsDocument, { input: { documentId: docId, version: released.version, reason: '标题', title: '白云湖街电竞产业扶持办法（修订）' } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
  });

  it('asks for a new deliberation when the approved text changes (R-ND-4)', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街犬只文明饲养规定', issuer: Issuer.StreetOffice, text: '第一条 饲养犬只应当办理登记。', affectsBusinessesOrPublic: true } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    await assess(d.id);
    await lawful(d.id);
    const office = await meeting(DeliberatingBody.DirectorsOffice, '2026年第5次主任办公会议', '2026-03-10');
    const added = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: d.id } }, { token: t.admin! })).addAgendaItem;
    await decide(added.agendaItem.id, added.agendaItem.version, HeadDecision.Approve);
    await finalise(office.id);
    expect(await check('2026-03-20', d.id)).not.toContain('DELIBERATED_TEXT_CHANGED');
    expectOk(await h.gql(AddNormativeVersionDocument, { input: { documentId: d.id, text: '第一条 饲养犬只应当办理登记并接种疫苗。', changeNote: '会后修改' } }, { token: t.drafter! }));
    expect(await check('2026-03-20', d.id)).toEqual(expect.arrayContaining(['DELIBERATED_TEXT_CHANGED', 'LEGALITY_NOT_ON_FINAL_TEXT']));
  });

  it('keeps a typed deliberation of a document released before meetings were linked, as history', async () => {
    const users = await h.sql<{ id: string; department_id: string }>(`select id, department_id from app_user where username = 'drafter'`);
    const id = randomUUID();
    await h.sql(
      `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
         touches_market_entities, confirmed_verdict, red_flag_count, published_on, deliberated_on, deliberation_reference, version, created_at)
       values (?, '白云湖街门前三包管理规定', 'STREET_OFFICE', ?, ?, 'RELEASED', 1, true, false, 'FILING_REQUIRED', 1, '2025-06-01', '2025-05-20', '2025年第9次主任办公会议', 1, now())`,
      [id, users[0]!.department_id, users[0]!.id],
    );
    expect(await gate(id)).toMatchObject({ deliberatedOn: '2025-05-20', deliberationReference: '2025年第9次主任办公会议', agendaItems: { totalCount: 0 } });
  });
});

describe('R-ND-9 where the locality refuses a release without a stated period', () => {
  let h: Harness;
  let t: Record<string, string>;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    const file = path.join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ normative: { validityWithoutPeriod: 'REFUSE' } }));
    h = await startHarness({ env: { RULES_FILE: file } });
    ({ tokens: t } = await signIn(h, ['drafter', 'filing']));
  });
  afterAll(() => h.close());

  it('lists VALIDITY_MISSING as a blocker and offers no default', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街出租屋消防安全管理办法', issuer: Issuer.StreetOffice, text: '第一条 出租人应当配置灭火器材。', affectsBusinessesOrPublic: true } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    const a = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId: d.id, answers: { issuedWithinAuthority: true, affectsRights: true, generallyBinding: true, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    const c = expectOk(await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId: d.id, version: a.version, verdict: FilingVerdict.FilingRequired } }, { token: t.filing! }))
      .confirmFilingAssessment.document;
    const g = expectOk(await h.gql(SetReleaseFactsDocument, { input: { documentId: d.id, version: c.version, effectiveOn: '2026-06-01' } }, { token: t.drafter! })).setReleaseFacts
      .document;
    expect(g.validUntil).toBeNull();
    const blockers = expectOk(await h.gql(ReleaseCheckDocument, { documentId: d.id, publishOn: '2026-04-20' }, { token: t.drafter! })).releaseCheck;
    expect(blockers).toContainEqual(expect.objectContaining({ rule: 'R-ND-9', code: 'VALIDITY_MISSING' }));
    expect(expectOk(await h.gql(NormativeGateDocument, { id: d.id }, { token: t.drafter! })).normativeDocument.defaultValidUntil).toBeNull();
  });
});
