import { randomUUID } from 'node:crypto';
import {
  AcceptReviewDocument,
  AddNormativeVersionDocument,
  CreateCleanupCampaignDocument,
  CreateNormativeDocumentDocument,
  EndedNormativeDocumentsDocument,
  FilingFlagsDocument,
  FilingMaterialKind,
  FilingOutcomeKind,
  FilingStatisticsDocument,
  FilingVerdict,
  IssueOpinionDocument,
  Issuer,
  AssessFilingObligationDocument,
  ConfirmFilingAssessmentDocument,
  CleanupOutcome,
  NormativeDocumentDocument,
  OpinionConclusion,
  PrepareFilingMaterialDocument,
  RecordCleanupOutcomeDocument,
  RecordFilingDocument,
  RecordFilingOutcomeDocument,
  RegisterNormativeDocumentDocument,
  ReleaseCheckDocument,
  ReleaseGateDocument,
  ReleaseGateCondition,
  ReleaseGateStatus,
  CleanupCampaignsDocument,
  ReleaseNormativeDocumentDocument,
  RequestNormativeReviewDocument,
  SaveOpinionDraftDocument,
  SetReleaseFactsDocument,
  AddAgendaItemDocument,
  CreateMeetingDocument,
  DeliberatingBody,
  FairCompetitionResult,
  FinaliseMeetingDocument,
  HeadDecision,
  MeetingDocument,
  MemberPositionKind,
  RecordHeadDecisionDocument,
  RecordNormativeFairCompetitionReviewDocument,
  RecordPositionDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { runCli } from '../support/cli';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { addNormativePackage, aspectsFor } from '../support/packages';

const TEXT = [
  '第一条 为促进本街道电子竞技产业发展，制定本办法。',
  '第二条 在本街道注册的电竞企业，符合下列条件的，可以申请补贴。',
  '第三条 申请人应当如实提交材料，不得重复申报。',
].join('\n');

const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('normative document: assessment, release gate, numbering, filing and flags', () => {
  let h: Harness;
  let t: Record<string, string>;
  let docId: string;

  /** Moves the clock and signs everyone in again (tokens expire as time passes). */
  async function travel(date: string) {
    h.clock.set(at(date));
    ({ tokens: t } = await signIn(h, ['drafter', 'filing', 'advisor']));
  }

  const doc = async () => expectOk(await h.gql(NormativeDocumentDocument, { id: docId }, { token: t.filing! })).normativeDocument;
  const flagsOf = async (id: string) => expectOk(await h.gql(FilingFlagsDocument, { first: 100, documentId: id }, { token: t.filing! })).filingFlags.nodes;

  /** A released document needing filing, put straight into the database (for the clock tests). */
  async function releasedDoc(title: string, publishedOn: string, filing?: { filedOn: string; deferredOn?: string; correctedOn?: string; status: string }) {
    const id = randomUUID();
    const users = await h.sql<{ id: string; department_id: string }>(`select id, department_id from app_user where username = 'drafter'`);
    await h.sql(
      `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
         touches_market_entities, confirmed_verdict, red_flag_count, published_on, version, created_at)
       values (?, ?, 'STREET_OFFICE', ?, ?, 'RELEASED', 1, true, false, 'FILING_REQUIRED', 2, ?, 1, now())`,
      [id, title, users[0]!.department_id, users[0]!.id, publishedOn],
    );
    if (filing) {
      await h.sql(
        `insert into filing (id, document_id, authority, filed_on, materials, status, deferred_on, corrected_on, version)
         values (?, ?, '区人民政府（经区司法局）', ?, '["FILING_REPORT","OFFICIAL_TEXT","DRAFTING_EXPLANATION","LEGAL_BASIS_STATEMENT"]', ?, ?, ?, 1)`,
        [randomUUID(), id, filing.filedOn, filing.status, filing.deferredOn ?? null, filing.correctedOn ?? null],
      );
    }
    return id;
  }

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t } = await signIn(h, ['drafter', 'drafter2', 'filing', 'advisor', 'admin', 'director']));
  });
  afterAll(() => h.close());

  it('assesses the draft: red flags found, confirmed FILING_REQUIRED with a reason (R-ND-2)', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街促进电子竞技产业发展扶持办法', issuer: Issuer.StreetOffice, text: TEXT, affectsBusinessesOrPublic: true, touchesMarketEntities: true } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    docId = d.id;
    expect(d.filingAuthority).toBe('区人民政府（经区司法局）');
    expect(d.versions.totalCount).toBe(1);
    expect(d.versions.nodes.map((v) => v.number)).toEqual([1]);
    // what a drafter may do with a document in drafting, and what the filing officer may
    expect(d.availableActions.map((a) => a.action)).toEqual(['ADD_VERSION', 'SET_RELEASE_FACTS', 'CORRECT_FACTS', 'RECORD_FAIR_COMPETITION', 'REQUEST_NORMATIVE_REVIEW', 'ADD_MATERIAL', 'PREPARE_FILING_MATERIAL']);
    expect((await doc()).availableActions.map((a) => [a.action, a.mutation])).toEqual([
      ['ADD_VERSION', 'addNormativeVersion'],
      ['ASSESS', 'assessFilingObligation'],
      ['CONFIRM_ASSESSMENT', 'confirmFilingAssessment'],
      ['SET_RELEASE_FACTS', 'setReleaseFacts'],
      ['CORRECT_FACTS', 'correctNormativeFacts'],
      ['RECORD_FAIR_COMPETITION', 'recordNormativeFairCompetitionReview'],
      ['REQUEST_NORMATIVE_REVIEW', 'requestNormativeReview'],
      ['ADD_MATERIAL', 'addNormativeMaterial'],
      ['REGISTER_NUMBER', 'registerNormativeDocument'],
      ['PREPARE_FILING_MATERIAL', 'prepareFilingMaterial'],
      ['RELEASE', 'releaseNormativeDocument'],
    ]);
    expectError(await h.gql(AssessFilingObligationDocument, { input: { documentId: docId, answers: {} } }, { token: t.drafter! }), 'FORBIDDEN');

    const assessed = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId: docId, answers: { issuedWithinAuthority: true, affectsRights: true, generallyBinding: null, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    expect(assessed.assessedVerdict).toBe('NEEDS_CONFIRMATION');
    expect((assessed.redFlags as { term: string }[]).map((f) => f.term)).toEqual(['办法', '条件', '补贴', '应当', '不得']);
    // the gate as a checklist stops at the unconfirmed assessment: the rest is checked once it is confirmed
    const gate = expectOk(await h.gql(ReleaseGateDocument, { documentId: docId }, { token: t.filing! })).releaseGate;
    expect(gate.clear).toBe(false);
    expect(gate.items[0]).toMatchObject({ condition: ReleaseGateCondition.AssessmentConfirmed, rule: 'R-ND-2', status: ReleaseGateStatus.NotMet });
    expect(gate.items[0]!.violations.map((v) => v.code)).toEqual(['ASSESSMENT_UNCONFIRMED']);
    expect(new Set(gate.items.slice(1, -1).map((i) => i.status))).toEqual(new Set([ReleaseGateStatus.AfterAssessment]));
    expectError(await h.gql(ReleaseGateDocument, { documentId: docId }, { token: t.drafter! }), 'FORBIDDEN');

    const before = await h.snapshot();
    const err = expectError(
      await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId: docId, version: assessed.version, verdict: FilingVerdict.FilingRequired } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
    expect((err.extensions!.violations as { rule: string }[])[0]!.rule).toBe('R-ND-2');
    expect(await h.snapshot()).toEqual(before);
    const confirmed = expectOk(
      await h.gql(
        ConfirmFilingAssessmentDocument,
        { input: { documentId: docId, version: assessed.version, verdict: FilingVerdict.FilingRequired, reason: '对辖区企业普遍适用，设定申请条件，属于规范性文件' } },
        { token: t.filing! },
      ),
    ).confirmFilingAssessment.document;
    expect(confirmed.confirmedVerdict).toBe('FILING_REQUIRED');
  });

  it('refuses the release listing every blocker at once (R-ND-4), database unchanged', async () => {
    const blockers = expectOk(await h.gql(ReleaseCheckDocument, { documentId: docId, publishOn: '2026-03-10' }, { token: t.drafter! })).releaseCheck;
    expect(blockers.map((b) => b.code)).toEqual([
      'LEGALITY_REVIEW_MISSING',
      'DELIBERATION_MISSING',
      'REGISTRATION_MISSING',
      'EFFECTIVE_DATE_MISSING',
      'PUBLIC_COMMENT_MISSING',
      'FAIR_COMPETITION_MISSING',
      'FILING_MATERIAL_MISSING',
      'FILING_MATERIAL_MISSING',
      'FILING_MATERIAL_MISSING',
      'FILING_MATERIAL_MISSING',
    ]);
    const d = await doc();
    const before = await h.snapshot();
    const err = expectError(
      await h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: docId, version: d.version, publishedOn: '2026-03-10', channel: '白云湖街政务网站' } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
    // the ten blockers above, and a publication date still in the future (today is 5 March)
    const violations = err.extensions!.violations as { rule: string; code: string; message: string }[];
    expect(violations.length).toBe(11);
    expect(violations).toContainEqual(expect.objectContaining({ rule: 'R-ND-4', code: 'DATE_IN_FUTURE', message: expect.stringContaining('2026-03-10') }));
    expect(await h.snapshot()).toEqual(before);

    // the same blockers as a checklist: each condition with its rule, met or not; every blocker in exactly one condition
    const gate = expectOk(await h.gql(ReleaseGateDocument, { documentId: docId, publishOn: '2026-03-10', channel: '白云湖街政务网站' }, { token: t.filing! })).releaseGate;
    expect(gate.publishOn).toBe('2026-03-10');
    expect(gate.items.map((i) => [i.condition, i.rule, i.status])).toEqual([
      ['ASSESSMENT_CONFIRMED', 'R-ND-2', 'MET'],
      ['LEGALITY_REVIEW', 'R-ND-4', 'NOT_MET'],
      ['DELIBERATION', 'R-ND-4', 'NOT_MET'],
      ['REGISTRATION_NUMBER', 'R-ND-5', 'NOT_MET'],
      ['VALIDITY', 'R-ND-9', 'NOT_MET'],
      ['PUBLIC_COMMENT', 'R-ND-4', 'NOT_MET'],
      ['MARKET_ENTITIES_FLAG', 'R-ND-4', 'MET'],
      ['FAIR_COMPETITION', 'R-ND-4', 'NOT_MET'],
      ['EFFECTIVE_DELAY', 'R-ND-4', 'MET'],
      ['PUBLIC_RELEASE', 'R-ND-4', 'MET'],
      ['FILING_MATERIALS', 'R-ND-6', 'NOT_MET'],
      ['DATE_ORDER', 'R-ND-4', 'MET'], // a planned release is judged as on its own day (releaseCheck)
    ]);
    expect(gate.items.find((i) => i.condition === 'PUBLIC_COMMENT')!.label).toContain('不少于 30 日');
    expect(gate.items.flatMap((i) => i.violations)).toEqual(expect.arrayContaining(blockers));
    expect(gate.items.flatMap((i) => i.violations).length).toBe(blockers.length);
    expect(gate.items.find((i) => i.condition === 'PUBLIC_RELEASE')!.status).toBe('MET');
    const unpublished = expectOk(await h.gql(ReleaseGateDocument, { documentId: docId, publishOn: '2026-03-05' }, { token: t.filing! })).releaseGate;
    expect(unpublished.items.find((i) => i.condition === 'PUBLIC_RELEASE')).toMatchObject({ status: 'NOT_MET', violations: [{ code: 'NOT_PUBLISHED' }] });
  });

  it('clears the blockers: legality review through the engine, facts, registration number, filing package', async () => {
    await addNormativePackage(h, t.drafter!, docId);
    const requested = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: docId } }, { token: t.drafter! })).requestNormativeReview.review;
    expect(requested.subjectType).toBe('NORMATIVE_DOCUMENT');
    const r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: requested.id, version: requested.version } }, { token: t.advisor! })).acceptReview.review;
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审核，该办法合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, [], { normative: true }) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }));

    // the fair-competition review with its conclusion (R-ND-4)
    expectOk(
      await h.gql(
        RecordNormativeFairCompetitionReviewDocument,
        { input: { documentId: docId, conclusion: FairCompetitionResult.Compliant, reviewer: '经济发展办（公平竞争审查）', reviewedOn: '2026-02-20', notes: '未发现排除、限制竞争的内容' } },
        { token: t.drafter! },
      ),
    );
    // the director's office meeting deliberates it: agenda item, positions, head decision, finalised minutes (R-ND-4)
    const uid: Record<string, string> = {};
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    const office = expectOk(
      await h.gql(
        CreateMeetingDocument,
        {
          input: {
            title: '2026年第3次主任办公会议',
            body: DeliberatingBody.DirectorsOffice,
            heldOn: '2026-03-02',
          },
        },
        { token: t.admin! },
      ),
    ).createMeeting.meeting;
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: docId } }, { token: t.admin! })).addAgendaItem.agendaItem;
    for (const member of ['deputy', 'deputy2', 'member']) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token: t.director! }));
    const m = expectOk(await h.gql(MeetingDocument, { id: office.id }, { token: t.director! })).meeting;
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: office.id, version: m.version, minutes: '会议纪要：审议通过扶持办法。' } }, { token: t.director! }));

    let d = await doc();
    d = expectOk(
      await h.gql(
        SetReleaseFactsDocument,
        {
          input: {
            documentId: docId,
            version: d.version,
            publicCommentStartsOn: '2026-01-20',
            publicCommentEndsOn: '2026-02-18',
            effectiveOn: '2026-04-10',
            validUntil: '2031-04-10',
          },
        },
        { token: t.drafter! },
      ),
    ).setReleaseFacts.document;
    const tooLong = expectOk(await h.gql(ReleaseCheckDocument, { documentId: docId, publishOn: '2026-03-10' }, { token: t.drafter! })).releaseCheck;
    expect(tooLong.find((b) => b.code === 'VALIDITY_TOO_LONG')?.message).toContain('最迟至 2031-04-09');
    d = expectOk(await h.gql(SetReleaseFactsDocument, { input: { documentId: docId, version: d.version, validUntil: '2031-04-09' } }, { token: t.drafter! })).setReleaseFacts.document;

    expectError(await h.gql(RegisterNormativeDocumentDocument, { input: { documentId: docId, version: d.version } }, { token: t.drafter! }), 'FORBIDDEN');
    d = expectOk(await h.gql(RegisterNormativeDocumentDocument, { input: { documentId: docId, version: d.version } }, { token: t.filing! })).registerNormativeDocument.document;
    expect(d.registrationNumber).toBe('云湖街规〔2026〕1号');

    for (const kind of [FilingMaterialKind.FilingReport, FilingMaterialKind.OfficialText, FilingMaterialKind.DraftingExplanation, FilingMaterialKind.LegalBasisStatement]) {
      expectOk(await h.gql(PrepareFilingMaterialDocument, { input: { documentId: docId, kind, text: `${kind}（附合法性审核意见）` } }, { token: t.drafter! }));
    }
    // effective date 29 days after publication without an urgent reason
    const early = expectOk(await h.gql(ReleaseCheckDocument, { documentId: docId, publishOn: '2026-03-12' }, { token: t.drafter! })).releaseCheck;
    expect(early.map((b) => b.code)).toEqual(['EFFECTIVE_TOO_SOON']);
    expect(expectOk(await h.gql(ReleaseCheckDocument, { documentId: docId, publishOn: '2026-03-10' }, { token: t.drafter! })).releaseCheck).toEqual([]);
    const clear = expectOk(await h.gql(ReleaseGateDocument, { documentId: docId, publishOn: '2026-03-10', channel: '白云湖街政务网站' }, { token: t.filing! })).releaseGate;
    expect(clear.clear).toBe(true);
    expect(clear.items.every((i) => i.status === 'MET' && i.violations.length === 0)).toBe(true);
  });

  it('releases it, and warns as the filing deadline nears', async () => {
    await travel('2026-03-10');
    const d = await doc();
    const released = expectOk(
      await h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: docId, version: d.version, publishedOn: '2026-03-10', channel: '白云湖街政务网站' } }, { token: t.filing! }),
    ).releaseNormativeDocument.document;
    expect(released).toMatchObject({ state: 'RELEASED', filingDueOn: '2026-04-09', registrationNumber: '云湖街规〔2026〕1号' });
    expect(released.availableActions.map((a) => a.action)).toEqual(['PREPARE_FILING_MATERIAL', 'RECORD_FILING', 'AMEND', 'CLEANUP', 'REPEAL']);
    // a released document is never changed (R-ND-4): neither its text nor its release facts
    const before = await h.snapshot();
    const text = expectError(await h.gql(AddNormativeVersionDocument, { input: { documentId: docId, text: '第一条 改', changeNote: '改' } }, { token: t.drafter! }), 'RULE_VIOLATION');
    expect(text.extensions!.violations).toEqual([expect.objectContaining({ rule: 'R-ND-4', code: 'INVALID_STATE' })]);
    expectError(await h.gql(SetReleaseFactsDocument, { input: { documentId: docId, version: released.version, validUntil: '2030-01-01' } }, { token: t.drafter! }), 'RULE_VIOLATION');
    expect(await h.snapshot()).toEqual(before);
    expect(await flagsOf(docId)).toEqual([]);
    await travel('2026-04-03');
    expect(await flagsOf(docId)).toEqual([expect.objectContaining({ kind: 'FILING_DUE_SOON', rule: 'R-ND-6', dueOn: '2026-04-09', message: expect.stringContaining('还剩 6 日') })]);
  });

  it('records the filing; registration is deferred for a missing item, then corrected and registered (R-ND-7)', async () => {
    let f = expectOk(
      await h.gql(
        RecordFilingDocument,
        { input: { documentId: docId, filedOn: '2026-04-03', materials: [FilingMaterialKind.FilingReport, FilingMaterialKind.OfficialText, FilingMaterialKind.DraftingExplanation] } },
        { token: t.filing! },
      ),
    ).recordFiling.filing;
    expect(f).toMatchObject({ status: 'FILED', authority: '区人民政府（经区司法局）' });
    expect(f.availableActions.map((a) => a.action)).toEqual(['REGISTER', 'DEFER']);
    expect((await doc()).filing?.status).toBe('FILED');
    expect((await flagsOf(docId)).map((x) => x.kind)).toEqual(['MATERIALS_MISSING']);
    await travel('2026-04-08'); // answers are recorded once they came
    f = expectOk(
      await h.gql(RecordFilingOutcomeDocument, { input: { documentId: docId, version: f.version, outcome: FilingOutcomeKind.Defer, on: '2026-04-08', note: '缺少制定依据' } }, { token: t.filing! }),
    ).recordFilingOutcome.filing;
    expect(f).toMatchObject({ status: 'DEFERRED', deferredOn: '2026-04-08' });
    expect(f.availableActions.map((a) => [a.action, a.mutation])).toEqual([['CORRECT', 'recordFilingOutcome']]);
    await travel('2026-04-24'); // the correction was due on 23 April
    expect((await flagsOf(docId)).map((x) => x.kind)).toEqual(['DEFERRAL_OVERDUE', 'MATERIALS_MISSING']);
    await travel('2026-04-15');
    f = expectOk(
      await h.gql(
        RecordFilingOutcomeDocument,
        { input: { documentId: docId, version: f.version, outcome: FilingOutcomeKind.Correct, on: '2026-04-15', materials: [FilingMaterialKind.LegalBasisStatement] } },
        { token: t.filing! },
      ),
    ).recordFilingOutcome.filing;
    expect(f.status).toBe('FILED');
    expectError(
      await h.gql(RecordFilingOutcomeDocument, { input: { documentId: docId, version: f.version, outcome: FilingOutcomeKind.CloseCorrection, on: '2026-04-16' } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
    await travel('2026-04-20');
    f = expectOk(await h.gql(RecordFilingOutcomeDocument, { input: { documentId: docId, version: f.version, outcome: FilingOutcomeKind.Register, on: '2026-04-20' } }, { token: t.filing! }))
      .recordFilingOutcome.filing;
    await travel('2026-05-20');
    f = expectOk(await h.gql(RecordFilingOutcomeDocument, { input: { documentId: docId, version: f.version, outcome: FilingOutcomeKind.ReviewNoIssue, on: '2026-05-20' } }, { token: t.filing! }))
      .recordFilingOutcome.filing;
    expect(f.status).toBe('REVIEWED_NO_ISSUE');
    expect(await flagsOf(docId)).toEqual([]);
  });

  it('on a fixed clock: day 30 is on time, day 31 overdue; a deferral corrected on day 16 is flagged (R-ND-6, R-ND-7)', async () => {
    const late = await releasedDoc('关于规范夜间施工噪音管理的通告', '2026-03-10');
    await travel('2026-04-09'); // day 30
    expect((await flagsOf(late)).map((f) => f.kind)).toEqual(['FILING_DUE_SOON']);
    await travel('2026-04-10'); // day 31
    expect(await flagsOf(late)).toEqual([expect.objectContaining({ kind: 'FILING_OVERDUE', message: expect.stringContaining('已逾期 1 日') })]);
    const corrected = await releasedDoc('白云湖街出租屋消防安全管理办法', '2026-03-01', { filedOn: '2026-03-20', deferredOn: '2026-03-25', correctedOn: '2026-04-10', status: 'FILED' });
    expect((await flagsOf(corrected)).map((f) => f.kind)).toEqual(['CORRECTED_LATE']);
    const onDay15 = await releasedDoc('白云湖街出租屋电子门禁管理规定', '2026-03-01', { filedOn: '2026-03-20', deferredOn: '2026-03-25', correctedOn: '2026-04-09', status: 'FILED' });
    expect(await flagsOf(onDay15)).toEqual([]);

    // the daily report exits non-zero while anything is overdue
    const res = await runCli(['filing-flags'], h.dbUrl, h.cliEnv);
    expect(res.status).toBe(3);
    expect(res.stdout).toContain('[逾期未报备]'); // enum values in messages appear as their Chinese labels (#11)
    expect(res.stdout).toContain('关于规范夜间施工噪音管理的通告');
  });

  it('computes filing, on-time and conformity rates with the documents behind them', async () => {
    const s = expectOk(await h.gql(FilingStatisticsDocument, { from: '2026-03-01', to: '2026-03-31' }, { token: t.filing! })).filingStatistics;
    expect(s.requiredIds).toHaveLength(4);
    expect(s.filedIds).toHaveLength(3);
    expect(s.filingRate).toBeCloseTo(3 / 4);
    expect(s.onTimeRate).toBe(1);
    expect(s.conformIds).toEqual([docId]);
    expect(s.conformityRate).toBe(1);
  });

  it('expires automatically at the end of the period, and lists repealed and expired documents (R-ND-9, R-ND-10)', async () => {
    await travel('2031-04-10');
    expect((await doc()).expired).toBe(true);
    await travel('2030-11-01');
    expect(await doc()).toMatchObject({ expired: false, evaluationDue: true });
    await travel('2026-06-01');
    const c = expectOk(await h.gql(CreateCleanupCampaignDocument, { input: { title: '2026年规范性文件清理', startedOn: '2026-06-01' } }, { token: t.filing! })).createCleanupCampaign.campaign;
    const noise = (await h.sql<{ id: string }>(`select id from normative_document where title = '关于规范夜间施工噪音管理的通告'`))[0]!.id;
    await travel('2026-06-15');
    const repealed = expectOk(
      await h.gql(RecordCleanupOutcomeDocument, { input: { campaignId: c.id, documentId: noise, outcome: CleanupOutcome.Repeal, reason: '上位法已作规定', on: '2026-06-15' } }, { token: t.filing! }),
    ).recordCleanupOutcome;
    expect(repealed).toMatchObject({ entry: { outcome: 'REPEAL' }, document: { id: noise, state: 'REPEALED', endedOn: '2026-06-15' } });
    const kept = expectOk(
      await h.gql(RecordCleanupOutcomeDocument, { input: { campaignId: c.id, documentId: docId, outcome: CleanupOutcome.Keep, reason: '仍需执行', on: '2026-06-15' } }, { token: t.filing! }),
    ).recordCleanupOutcome;
    expect(kept).toMatchObject({ entry: { outcome: 'KEEP' }, document: { id: docId, state: 'RELEASED', endedOn: null } });
    // the campaigns, latest first, each with its outcomes (R-ND-10)
    await h.gql(CreateCleanupCampaignDocument, { input: { title: '2026年专项清理', startedOn: '2026-06-10' } }, { token: t.filing! });
    const campaigns = expectOk(await h.gql(CleanupCampaignsDocument, { first: 1, entries: 10 }, { token: t.filing! })).cleanupCampaigns;
    expect(campaigns.totalCount).toBe(2);
    expect(campaigns.nodes.map((x) => [x.title, x.entries.totalCount])).toEqual([['2026年专项清理', 0]]);
    const next = expectOk(await h.gql(CleanupCampaignsDocument, { first: 1, after: campaigns.pageInfo.endCursor, entries: 10 }, { token: t.filing! })).cleanupCampaigns;
    expect(next.nodes[0]!.id).toBe(c.id);
    expect(next.nodes[0]!.entries.nodes.map((e) => [e.outcome, e.document?.title]).sort()).toEqual([
      ['KEEP', '白云湖街促进电子竞技产业发展扶持办法'],
      ['REPEAL', '关于规范夜间施工噪音管理的通告'],
    ]);
    expectError(await h.gql(CleanupCampaignsDocument, { first: 1 }, { token: t.drafter! }), 'FORBIDDEN');
    // a repealed document is out of the clean-up
    expectError(
      await h.gql(RecordCleanupOutcomeDocument, { input: { campaignId: c.id, documentId: noise, outcome: CleanupOutcome.Keep, reason: '再次清理', on: '2026-06-15' } }, { token: t.filing! }),
      'RULE_VIOLATION',
    );
    const list = expectOk(await h.gql(EndedNormativeDocumentsDocument, { from: '2026-06-01', to: '2026-06-30' }, { token: t.drafter! })).endedNormativeDocuments.nodes;
    expect(list.map((x) => [x.change, x.on, x.document.title])).toEqual([['REPEALED', '2026-06-15', '关于规范夜间施工噪音管理的通告']]);
  });

  it('amends a released document by releasing its replacement; an ended document cannot be replaced (R-ND-4)', async () => {
    const old = await releasedDoc('白云湖街犬只管理规定', '2026-05-04');
    const noise = (await h.sql<{ id: string }>(`select id from normative_document where title = '关于规范夜间施工噪音管理的通告'`))[0]!.id;
    const refused = expectError(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '关于规范夜间施工噪音管理的通告（修订）', issuer: Issuer.StreetOffice, text: '第一条', affectsBusinessesOrPublic: false, touchesMarketEntities: false, replacesId: noise } },
        { token: t.drafter! },
      ),
      'RULE_VIOLATION',
    );
    expect(refused.extensions!.violations).toEqual([expect.objectContaining({ rule: 'R-ND-4', code: 'INVALID_STATE' })]);

    let d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街犬只管理规定', issuer: Issuer.StreetOffice, text: '第一条 第一稿', affectsBusinessesOrPublic: false, touchesMarketEntities: false, replacesId: old } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    const added = expectOk(await h.gql(AddNormativeVersionDocument, { input: { documentId: d.id, text: '第一条 第二稿', changeNote: '修改' } }, { token: t.drafter! })).addNormativeVersion;
    expect(added.version.number).toBe(2);
    expect(added.document).toMatchObject({ id: d.id, currentVersion: { number: 2 } });
    const versions = expectOk(await h.gql(NormativeDocumentDocument, { id: d.id }, { token: t.drafter! })).normativeDocument.versions;
    expect(versions).toMatchObject({ totalCount: 2, nodes: [{ number: 1 }, { number: 2 }] });

    d = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId: d.id, answers: { issuedWithinAuthority: true, affectsRights: false, generallyBinding: false, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    expect(d.assessedVerdict).toBe('NEEDS_CONFIRMATION'); // 规定 in the title
    d = expectOk(
      await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId: d.id, version: d.version, verdict: FilingVerdict.NotRequired, reason: '仅规范内部工作流程' } }, { token: t.filing! }),
    ).confirmFilingAssessment.document;
    const released = expectOk(
      await h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: d.id, version: d.version, publishedOn: '2026-06-10', channel: '白云湖街政务网站' } }, { token: t.filing! }),
    ).releaseNormativeDocument;
    expect(released.document.state).toBe('RELEASED');
    expect(released.replaced).toEqual({ id: old, state: 'AMENDED', endedOn: '2026-06-10' });
    const list = expectOk(await h.gql(EndedNormativeDocumentsDocument, { from: '2026-06-01', to: '2026-06-30' }, { token: t.drafter! })).endedNormativeDocuments.nodes;
    expect(list.map((x) => [x.change, x.on, x.document.title])).toEqual([
      ['AMENDED', '2026-06-10', '白云湖街犬只管理规定'],
      ['REPEALED', '2026-06-15', '关于规范夜间施工噪音管理的通告'],
    ]);
  });
});

describe('registration numbers under concurrency (R-ND-5)', () => {
  let h: Harness;
  let filing: string;
  beforeAll(async () => {
    h = await startHarness();
    filing = await h.login('filing');
  });
  afterAll(() => h.close());

  it('gives 20 concurrent registrations 20 distinct consecutive numbers', async () => {
    const users = await h.sql<{ id: string; department_id: string }>(`select id, department_id from app_user where username = 'drafter'`);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      await h.sql(
        `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
           touches_market_entities, confirmed_verdict, red_flag_count, version, created_at)
         values (?, ?, 'PARTY_WORKING_COMMITTEE', ?, ?, 'DRAFTING', 1, false, false, 'FILING_REQUIRED', 0, 1, now())`,
        [id, `党内规范性文件${i}`, users[0]!.department_id, users[0]!.id],
      );
      ids.push(id);
    }
    const results = await Promise.all(ids.map((documentId) => h.gql(RegisterNormativeDocumentDocument, { input: { documentId, version: 1 } }, { token: filing })));
    const numbers = results.map((r) => expectOk(r).registerNormativeDocument.document.registrationNumber!);
    const seqs = numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers.every((n) => n.startsWith('云湖街党规〔'))).toBe(true);
    // a registered number is never reassigned
    expectError(await h.gql(RegisterNormativeDocumentDocument, { input: { documentId: ids[0]!, version: 2 } }, { token: filing }), 'BAD_USER_INPUT');
  });
});
