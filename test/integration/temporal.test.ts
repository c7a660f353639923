import { randomUUID } from 'node:crypto';
import {
  FairCompetitionResult,
  RecordNormativeFairCompetitionReviewDocument,
  AddAgendaItemDocument,
  AddDirectoryItemDocument,
  AddExecutionReportDocument,
  AddExpertOpinionDocument,
  AddNormativeVersionDocument,
  AcceptReviewDocument,
  AssessFilingObligationDocument,
  CleanupOutcome,
  ConfirmFilingAssessmentDocument,
  CreateCleanupCampaignDocument,
  CreateDirectoryDocument,
  CreateMeetingDocument,
  CreateNormativeDocumentDocument,
  DecisionCategory,
  DeliberatingBody,
  FairCompetitionConclusion,
  FilingMaterialKind,
  FilingOutcomeKind,
  FilingVerdict,
  FinaliseMeetingDocument,
  HeadDecision,
  IssueOpinionDocument,
  Issuer,
  MeetingDocument,
  MemberPositionKind,
  NormativeDocumentDocument,
  OpinionConclusion,
  PrepareFilingMaterialDocument,
  ProposalDecisionDocument,
  PublishDecisionDocument,
  PublishDirectoryDocument,
  RecordCleanupOutcomeDocument,
  RecordFairCompetitionReviewDocument,
  RecordFilingDocument,
  RecordFilingOutcomeDocument,
  RecordHeadDecisionDocument,
  RecordHearingDocument,
  RecordPartyApprovalDocument,
  RecordPartyReportDocument,
  RecordPositionDocument,
  RecordPostEvaluationDocument,
  RecordRiskAssessmentDocument,
  RegisterNormativeDocumentDocument,
  RegisterOpinionDocument,
  ReleaseCheckDocument,
  ReleaseNormativeDocumentDocument,
  RequestNormativeReviewDocument,
  RiskLevel,
  SaveOpinionDraftDocument,
  SetConsultationDocument,
  SetExecutingUnitDocument,
  SetReleaseFactsDocument,
  SignDecisionDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { convene, DIRECTORS_OFFICE_OTHERS, publishedDirectory, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { addNormativePackage, aspectsFor } from '../support/packages';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * Temporal invariants over HTTP (issue #11, item 1): every date a user enters is checked against
 * today (business time zone, injected clock) and against every date of the record it must follow or
 * precede. Each refusal is a RULE_VIOLATION naming both dates and the rule, and leaves the database
 * as it was.
 */

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in Shanghai

describe('temporal invariants over HTTP: each refusal names both dates and the rule, database unchanged', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const uid: Record<string, string> = {};
  let items: string[];

  async function travel(date: string) {
    h.clock.set(at(date));
    ({ tokens: t } = await signIn(h, ['drafter', 'director', 'admin', 'advisor', 'filing']));
  }

  /**
   * Expects RULE_VIOLATION citing `rule`, a violation of that rule whose message names every one of
   * `dates`, and no change in any table.
   */
  async function refused<R>(call: () => Promise<GqlResponse<R>>, rule: string, dates: string[], code?: string) {
    const before = await h.snapshot();
    const err = expectError(await call(), 'RULE_VIOLATION');
    const violations = err.extensions!.violations as { rule: string; code: string; message: string }[];
    const matching = violations.filter((v) => v.rule === rule && dates.every((d) => v.message.includes(d)) && (!code || v.code === code));
    if (matching.length === 0) throw new Error(`expected a ${rule} violation naming ${dates.join(', ')}${code ? ` (${code})` : ''}, got ${JSON.stringify(violations)}`);
    for (const v of matching) expect(v.message).toMatch(new RegExp(`\\(${rule}\\)$`));
    expect(await h.snapshot()).toEqual(before);
    return violations;
  }

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'director', 'admin', 'advisor', 'filing']));
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
    ({ items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['事项一', '事项二', '事项三', '事项四']));
  });
  afterAll(() => h.close());
  afterEach(async () => {
    if (h.clock.now().getTime() !== at('2026-03-05').getTime()) await travel('2026-03-05');
  });

  it('directory: the Party approval is no future date, and the directory is published on or after it (R-DIR-3)', async () => {
    let d: { id: string; version: number } = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2027, title: '2027年度目录' } }, { token: t.director! })).createDirectory
      .directory;
    d = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId: d.id, title: '事项', category: DecisionCategory.PublicPolicy, sponsorDepartmentId: dept.JJFZ!, legalBasis: '依据', plannedQuarter: 1, reason: '理由' } },
        { token: t.director! },
      ),
    ).addDirectoryItem.directory;
    const approve = (approvedOn: string) =>
      h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn, reference: '街党工委会议纪要' } }, { token: t.director! });
    await refused(() => approve('2026-03-06'), 'R-DIR-3', ['2026-03-06', '2026-03-05']);
    d = expectOk(await approve('2026-03-05')).recordPartyApproval.directory;
    await travel('2026-03-04'); // a clock behind the approval: publication would precede it
    await refused(() => h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: t.director! }), 'R-DIR-3', ['2026-03-04', '2026-03-05']);
  });

  it('proposal procedures: past facts are not in the future, opinions arrive within the window, a hearing’s materials precede it', async () => {
    const proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '事项一');
    const consult = (startsOn: string, endsOn: string) =>
      h.gql(SetConsultationDocument, { input: { proposalId, startsOn, endsOn, channel: '白云湖街政务网站' } }, { token: t.drafter! });
    await refused(() => consult('2026-03-06', '2026-04-10'), 'R-DEC-4', ['2026-03-06', '2026-03-05']);
    await refused(() => consult('2026-02-01', '2026-01-31'), 'R-DEC-4', ['2026-02-01', '2026-01-31']);
    expectOk(await consult('2026-01-20', '2026-02-20'));
    const opinion = (receivedOn: string) =>
      h.gql(RegisterOpinionDocument, { input: { proposalId, submitter: '居民', content: '意见', receivedOn } }, { token: t.drafter! });
    await refused(() => opinion('2026-01-19'), 'R-DEC-4', ['2026-01-19', '2026-01-20']);
    await refused(() => opinion('2026-03-06'), 'R-DEC-4', ['2026-03-06', '2026-03-05']);
    expectOk(await opinion('2026-01-25'));
    // the other side of the pair: the window cannot move past an opinion already received
    await refused(() => consult('2026-01-26', '2026-02-26'), 'R-DEC-4', ['2026-01-25', '2026-01-26']);

    const hearing = (heldOn: string, materialsSentOn: string, participantsPublishedOn = '2026-02-10') =>
      h.gql(
        RecordHearingDocument,
        { input: { proposalId, heldOn, participants: ['代表甲'], participantsPublishedOn, materialsSentOn, record: '笔录', recordSigned: true } },
        { token: t.drafter! },
      );
    await refused(() => hearing('2026-03-06', '2026-02-18'), 'R-DEC-5', ['2026-03-06', '2026-03-05']);
    await refused(() => hearing('2026-02-25', '2026-02-26'), 'R-DEC-5', ['2026-02-26', '2026-02-25']);
    await refused(() => hearing('2026-02-25', '2026-02-18', '2026-02-27'), 'R-DEC-5', ['2026-02-27', '2026-02-25']);
    expectOk(await hearing('2026-02-25', '2026-02-18'));

    const expert = (signedOn: string) =>
      h.gql(
        AddExpertOpinionDocument,
        { input: { proposalId, expertName: '孙教授', affiliation: '某大学', hasDirectInterest: false, conflictDeclaration: '无', opinion: '可行', signedOn } },
        { token: t.drafter! },
      );
    await refused(() => expert('2026-03-06'), 'R-DEC-6', ['2026-03-06', '2026-03-05']);

    const risk = (assessedOn: string) =>
      h.gql(
        RecordRiskAssessmentDocument,
        { input: { proposalId, riskPoints: '风险点', measures: '措施', contingencyPlan: '预案', level: RiskLevel.Low, assessor: '评估机构', assessedOn } },
        { token: t.drafter! },
      );
    await refused(() => risk('2026-03-06'), 'R-DEC-7', ['2026-03-06', '2026-03-05']);
    expectOk(await risk('2026-02-20'));
    await refused(() => risk('2026-02-19'), 'R-DEC-7', ['2026-02-19', '2026-02-20']);

    await refused(
      () =>
        h.gql(
          RecordFairCompetitionReviewDocument,
          { input: { proposalId, conclusion: FairCompetitionConclusion.Compliant, reviewer: '经济发展办', reviewedOn: '2026-03-06', notes: '逐项审查' } },
          { token: t.drafter! },
        ),
      'R-DEC-3',
      ['2026-03-06', '2026-03-05'],
    );
  });

  /** A proposal reviewed today (2026-03-05), approved at a meeting held today, its decision signed today. */
  async function approvedDecision(itemId: string, title: string) {
    const proposalId = await readyProposal(h, t.drafter!, t.director!, itemId, title);
    await reviewProposal(h, t.drafter!, t.advisor!, proposalId);
    const meeting = await meetingOn('2026-03-05');
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: meeting.id, proposalId } }, { token: t.admin! })).addAgendaItem.agendaItem;
    for (const member of ['deputy', 'deputy2', 'member']) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token: t.director! }));
    const m = expectOk(await h.gql(MeetingDocument, { id: meeting.id }, { token: t.director! })).meeting;
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: meeting.id, version: m.version, minutes: '纪要' } }, { token: t.director! }));
    const d = expectOk(await h.gql(ProposalDecisionDocument, { id: proposalId }, { token: t.director! })).proposal.decision!;
    const signed = expectOk(await h.gql(SignDecisionDocument, { input: { proposalId, version: d.version, draftNumber: 1 } }, { token: t.director! })).signDecision.decision;
    expect(signed.signedOn).toBe('2026-03-05');
    return { proposalId, decision: signed };
  }

  async function meetingOn(heldOn: string) {
    return expectOk(
      await h.gql(
        CreateMeetingDocument,
        {
          input: {
            title: `主任办公会议 ${heldOn}`,
            body: DeliberatingBody.DirectorsOffice,
            heldOn,
          },
        },
        { token: t.admin! },
      ),
    ).createMeeting.meeting;
  }

  it('meetings: deliberation follows the legality opinion and the package; the record is taken on or after the meeting day (R-DEC-8, R-DEC-10, R-DEC-11)', async () => {
    const proposalId = await readyProposal(h, t.drafter!, t.director!, items[1]!, '事项二');
    await reviewProposal(h, t.drafter!, t.advisor!, proposalId); // opinion issued 2026-03-05
    const before = await meetingOn('2026-03-04');
    await refused(() => h.gql(AddAgendaItemDocument, { input: { meetingId: before.id, proposalId } }, { token: t.admin! }), 'R-DEC-8', ['2026-03-04', '2026-03-05']);

    const future = await meetingOn('2026-03-10');
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: future.id, proposalId } }, { token: t.admin! })).addAgendaItem.agendaItem;
    await refused(
      () => h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid.deputy!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }),
      'R-DEC-11',
      ['2026-03-05', '2026-03-10'],
    );
    await refused(
      () => h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Defer } }, { token: t.director! }),
      'R-DEC-11',
      ['2026-03-05', '2026-03-10'],
    );
    // while it sits on the agenda, the package cannot gain a procedure dated after the meeting
    await travel('2026-03-12');
    await refused(
      () =>
        h.gql(
          AddExpertOpinionDocument,
          { input: { proposalId, expertName: '李教授', affiliation: '某大学', hasDirectInterest: false, conflictDeclaration: '无', opinion: '可行', signedOn: '2026-03-11' } },
          { token: t.drafter! },
        ),
      'R-DEC-10',
      ['2026-03-11', '2026-03-10'],
    );
    expectOk(
      await h.gql(
        AddExpertOpinionDocument,
        { input: { proposalId, expertName: '李教授', affiliation: '某大学', hasDirectInterest: false, conflictDeclaration: '无', opinion: '可行', signedOn: '2026-03-09' } },
        { token: t.drafter! },
      ),
    );
  });

  it('meetings: minutes are finalised on or after the meeting day (R-DEC-11)', async () => {
    const proposalId = await readyProposal(h, t.drafter!, t.director!, items[2]!, '事项三');
    await reviewProposal(h, t.drafter!, t.advisor!, proposalId);
    const meeting = await meetingOn('2026-03-05');
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: meeting.id, proposalId } }, { token: t.admin! })).addAgendaItem.agendaItem;
    for (const member of ['deputy', 'deputy2', 'member']) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Defer, reason: '待补充调研后再议' } }, { token: t.director! }));
    const m = expectOk(await h.gql(MeetingDocument, { id: meeting.id }, { token: t.director! })).meeting;
    await travel('2026-03-04');
    await refused(() => h.gql(FinaliseMeetingDocument, { input: { meetingId: meeting.id, version: m.version, minutes: '纪要' } }, { token: t.director! }), 'R-DEC-11', [
      '2026-03-04',
      '2026-03-05',
    ]);
  });

  it('decisions: the Party report precedes publication, publication follows sign-off, execution and evaluation follow publication (R-DEC-13, R-DEC-14, R-DEC-16)', async () => {
    const { proposalId, decision } = await approvedDecision(items[3]!, '事项四');
    let d = decision;
    const report = (reportedOn: string) => h.gql(RecordPartyReportDocument, { input: { proposalId, version: d.version, reportedOn } }, { token: t.director! });
    await refused(() => report('2026-03-06'), 'R-DEC-13', ['2026-03-06', '2026-03-05']);
    await refused(
      () => h.gql(RecordPostEvaluationDocument, { input: { proposalId, assessor: '第三方评估机构', conclusion: '良好', evaluatedOn: '2026-03-05' } }, { token: t.director! }),
      'R-DEC-16',
      ['2026-03-05'],
    );
    await travel('2026-03-20');
    d = expectOk(await report('2026-03-10')).recordPartyReport.decision;
    const publish = (publishedOn: string) =>
      h.gql(PublishDecisionDocument, { input: { proposalId, version: d.version, channel: '白云湖街政务网站', publishedOn } }, { token: t.director! });
    await refused(() => publish('2026-03-08'), 'R-DEC-13', ['2026-03-08', '2026-03-10']);
    await refused(() => publish('2026-03-04'), 'R-DEC-14', ['2026-03-04', '2026-03-05']);
    await refused(() => publish('2026-03-21'), 'R-DEC-14', ['2026-03-21', '2026-03-20']);
    d = expectOk(await publish('2026-03-12')).publishDecision.decision;

    d = expectOk(await h.gql(SetExecutingUnitDocument, { input: { proposalId, version: d.version, departmentId: dept.JJFZ! } }, { token: t.director! })).setExecutingUnit.decision;
    const execution = (reportedOn: string) => h.gql(AddExecutionReportDocument, { input: { proposalId, reportedOn, content: '执行情况' } }, { token: t.drafter! });
    await refused(() => execution('2026-03-11'), 'R-DEC-16', ['2026-03-11', '2026-03-12']);
    await refused(() => execution('2026-03-21'), 'R-DEC-16', ['2026-03-21', '2026-03-20']);
    expectOk(await execution('2026-03-15'));
    const evaluation = (evaluatedOn: string) =>
      h.gql(RecordPostEvaluationDocument, { input: { proposalId, assessor: '第三方评估机构', conclusion: '良好', evaluatedOn } }, { token: t.director! });
    await refused(() => evaluation('2026-03-11'), 'R-DEC-16', ['2026-03-11', '2026-03-12']);
    await refused(() => evaluation('2026-03-21'), 'R-DEC-16', ['2026-03-21', '2026-03-20']);
    expectOk(await evaluation('2026-03-18'));
  });

  /** A document confirmed as normative, reviewed (opinion issued today), registered today, with its filing package. */
  async function documentReadyForRelease(title: string) {
    let d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title, issuer: Issuer.StreetOffice, text: '第一条 为规范管理，制定本办法。', affectsBusinessesOrPublic: true, touchesMarketEntities: true, touchesMarketEntitiesReason: '办法规范辖区经营者的申报事项' } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    d = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId: d.id, answers: { issuedWithinAuthority: true, affectsRights: true, generallyBinding: true, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    d = expectOk(
      await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId: d.id, version: d.version, verdict: FilingVerdict.FilingRequired, reason: '普遍适用' } }, { token: t.filing! }),
    ).confirmFilingAssessment.document;
    await addNormativePackage(h, t.drafter!, d.id);
    const r = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: d.id } }, { token: t.drafter! })).requestNormativeReview.review;
    expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! }));
    const o = expectOk(
      await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, [], { normative: true }) } }, { token: t.advisor! }),
    ).saveOpinionDraft.opinion;
    expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }));
    d = expectOk(await h.gql(NormativeDocumentDocument, { id: d.id }, { token: t.filing! })).normativeDocument;
    d = expectOk(await h.gql(RegisterNormativeDocumentDocument, { input: { documentId: d.id, version: d.version } }, { token: t.filing! })).registerNormativeDocument.document;
    for (const kind of [FilingMaterialKind.FilingReport, FilingMaterialKind.OfficialText, FilingMaterialKind.DraftingExplanation, FilingMaterialKind.LegalBasisStatement]) {
      expectOk(await h.gql(PrepareFilingMaterialDocument, { input: { documentId: d.id, kind, text: kind } }, { token: t.drafter! }));
    }
    return d.id;
  }

  it('normative documents: release facts, release, filing, deferral, correction and review in order (R-ND-4…7, R-ND-9)', async () => {
    const id = await documentReadyForRelease('白云湖街电动自行车停放管理办法');
    const doc = async () => expectOk(await h.gql(NormativeDocumentDocument, { id }, { token: t.filing! })).normativeDocument;
    const facts = async (input: Record<string, string | null>) =>
      h.gql(SetReleaseFactsDocument, { input: { documentId: id, version: (await doc()).version, ...input } }, { token: t.drafter! });
    await refused(() => facts({ publicCommentStartsOn: '2026-03-06', publicCommentEndsOn: '2026-04-06' }), 'R-ND-4', ['2026-03-06', '2026-03-05']);
    await refused(() => facts({ publicCommentStartsOn: '2026-02-18', publicCommentEndsOn: '2026-01-20' }), 'R-ND-4', ['2026-02-18', '2026-01-20']);
    const fair = async (reviewedOn: string) =>
      h.gql(
        RecordNormativeFairCompetitionReviewDocument,
        { input: { documentId: id, conclusion: FairCompetitionResult.Compliant, reviewer: '依法治街办', reviewedOn, notes: '未发现排除、限制竞争的内容' } },
        { token: t.drafter! },
      );
    await refused(() => fair('2026-03-06'), 'R-ND-4', ['2026-03-06', '2026-03-05']);
    expectOk(await fair('2026-02-20'));
    // the street office's own director's office meeting approves it on 2 March (R-ND-4)
    const office = await convene(h, t.admin!, uid, { title: '2026年第2次主任办公会议', heldOn: '2026-03-02' });
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: office.id, normativeDocumentId: id } }, { token: t.admin! })).addAgendaItem.agendaItem;
    for (const member of DIRECTORS_OFFICE_OTHERS) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Approve } }, { token: t.director! }));
    const om = expectOk(await h.gql(MeetingDocument, { id: office.id }, { token: t.director! })).meeting;
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: office.id, version: om.version, minutes: '会议纪要：审议通过电动自行车停放管理办法。' } }, { token: t.director! }));
    await refused(() => facts({ effectiveOn: '2026-04-20', validUntil: '2026-04-19' }), 'R-ND-9', ['2026-04-19', '2026-04-20']);
    expectOk(
      await facts({
        publicCommentStartsOn: '2026-01-20',
        publicCommentEndsOn: '2026-02-18',
        effectiveOn: '2026-04-20',
        validUntil: '2031-04-19',
      }),
    );
    const release = async (publishedOn: string) =>
      h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: id, version: (await doc()).version, publishedOn, channel: '白云湖街政务网站' } }, { token: t.filing! });
    await refused(() => release('2026-03-06'), 'R-ND-4', ['2026-03-06', '2026-03-05']);
    const early = await refused(() => release('2026-03-01'), 'R-ND-4', ['2026-03-01', '2026-03-02']);
    expect(early.map((v) => v.rule)).toEqual(expect.arrayContaining(['R-ND-4', 'R-ND-5']));
    expect(early.find((v) => v.rule === 'R-ND-5')!.message).toContain('2026-03-05'); // registered today
    // the planning query applies the same table, with the planned day as "today"
    const planned = expectOk(await h.gql(ReleaseCheckDocument, { documentId: id, publishOn: '2026-03-30' }, { token: t.filing! })).releaseCheck;
    expect(planned.map((b) => b.code)).toEqual(['EFFECTIVE_TOO_SOON']);

    await travel('2026-03-20');
    expectOk(await facts({ effectiveOn: '2026-03-10', validUntil: '2026-03-11', urgentReason: '汛期前须施行' }));
    const ended = await refused(() => release('2026-03-12'), 'R-ND-4', ['2026-03-10', '2026-03-12'], 'EFFECTIVE_BEFORE_PUBLICATION');
    expect(ended.find((v) => v.code === 'VALIDITY_ENDED')).toMatchObject({ rule: 'R-ND-9', message: expect.stringContaining('2026-03-11') });
    expectOk(await facts({ effectiveOn: '2026-03-12', validUntil: '2031-03-11', urgentReason: '汛期前须施行' }));
    expectOk(await release('2026-03-12'));

    const file = (filedOn: string) => h.gql(RecordFilingDocument, { input: { documentId: id, filedOn } }, { token: t.filing! });
    await refused(() => file('2026-03-21'), 'R-ND-6', ['2026-03-21', '2026-03-20']);
    await refused(() => file('2026-03-11'), 'R-ND-6', ['2026-03-11', '2026-03-12']);
    expectOk(await file('2026-03-13'));
    const outcome = async (o: FilingOutcomeKind, on: string) =>
      h.gql(
        RecordFilingOutcomeDocument,
        { input: { documentId: id, version: (await doc()).filing!.version, outcome: o, on, note: '缺少制定依据', materials: [FilingMaterialKind.LegalBasisStatement] } },
        { token: t.filing! },
      );
    await refused(() => outcome(FilingOutcomeKind.Defer, '2026-03-12'), 'R-ND-7', ['2026-03-12', '2026-03-13']);
    await refused(() => outcome(FilingOutcomeKind.Defer, '2026-03-21'), 'R-ND-7', ['2026-03-21', '2026-03-20']);
    expectOk(await outcome(FilingOutcomeKind.Defer, '2026-03-14'));
    await refused(() => outcome(FilingOutcomeKind.Correct, '2026-03-13'), 'R-ND-7', ['2026-03-13', '2026-03-14']);
    expectOk(await outcome(FilingOutcomeKind.Correct, '2026-03-16'));
    await refused(() => outcome(FilingOutcomeKind.Register, '2026-03-15'), 'R-ND-7', ['2026-03-15', '2026-03-16']);
    expectOk(await outcome(FilingOutcomeKind.Register, '2026-03-17'));
    await refused(() => outcome(FilingOutcomeKind.RequireCorrection, '2026-03-16'), 'R-ND-7', ['2026-03-16', '2026-03-17']);
    expectOk(await outcome(FilingOutcomeKind.RequireCorrection, '2026-03-18'));
    await refused(() => outcome(FilingOutcomeKind.CloseCorrection, '2026-03-17'), 'R-ND-7', ['2026-03-17', '2026-03-18']);
    expectOk(await outcome(FilingOutcomeKind.CloseCorrection, '2026-03-19'));
  });

  it('normative documents: clean-up campaigns and outcomes, and a replacement released after the document it replaces (R-ND-10)', async () => {
    const users = await h.sql<{ id: string; department_id: string }>(`select id, department_id from app_user where username = 'drafter'`);
    const released = async (title: string, publishedOn: string) => {
      const id = randomUUID();
      await h.sql(
        `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
           touches_market_entities, confirmed_verdict, red_flag_count, published_on, version, created_at)
         values (?, ?, 'STREET_OFFICE', ?, ?, 'RELEASED', 1, true, false, 'FILING_REQUIRED', 0, ?, 1, now())`,
        [id, title, users[0]!.department_id, users[0]!.id, publishedOn],
      );
      return id;
    };
    const doc = await released('白云湖街门前三包管理办法', '2026-03-03');
    const campaign = (startedOn: string) => h.gql(CreateCleanupCampaignDocument, { input: { title: `清理 ${startedOn}`, startedOn } }, { token: t.filing! });
    await refused(() => campaign('2026-03-06'), 'R-ND-10', ['2026-03-06', '2026-03-05']);
    const early = expectOk(await campaign('2026-03-01')).createCleanupCampaign.campaign;
    const later = expectOk(await campaign('2026-03-04')).createCleanupCampaign.campaign;
    const outcome = (campaignId: string, outcome: CleanupOutcome, on: string) =>
      h.gql(RecordCleanupOutcomeDocument, { input: { campaignId, documentId: doc, outcome, reason: '清理结论', on } }, { token: t.filing! });
    await refused(() => outcome(early.id, CleanupOutcome.Repeal, '2026-03-02'), 'R-ND-10', ['2026-03-02', '2026-03-03']);
    await refused(() => outcome(later.id, CleanupOutcome.Keep, '2026-03-03'), 'R-ND-10', ['2026-03-03', '2026-03-04']);
    await refused(() => outcome(later.id, CleanupOutcome.Repeal, '2026-03-06'), 'R-ND-10', ['2026-03-06', '2026-03-05']);
    expectOk(await outcome(later.id, CleanupOutcome.Keep, '2026-03-05'));

    const old = await released('白云湖街犬只管理规定', '2026-03-04');
    let d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '白云湖街犬只管理规定', issuer: Issuer.StreetOffice, text: '第一条', affectsBusinessesOrPublic: false, touchesMarketEntities: false, replacesId: old } },
        { token: t.drafter! },
      ),
    ).createNormativeDocument.document;
    expectOk(await h.gql(AddNormativeVersionDocument, { input: { documentId: d.id, text: '第一条 修订', changeNote: '修订' } }, { token: t.drafter! }));
    d = expectOk(
      await h.gql(
        AssessFilingObligationDocument,
        { input: { documentId: d.id, answers: { issuedWithinAuthority: true, affectsRights: false, generallyBinding: false, appliedRepeatedly: true } } },
        { token: t.filing! },
      ),
    ).assessFilingObligation.document;
    d = expectOk(
      await h.gql(ConfirmFilingAssessmentDocument, { input: { documentId: d.id, version: d.version, verdict: FilingVerdict.NotRequired, reason: '内部规程' } }, { token: t.filing! }),
    ).confirmFilingAssessment.document;
    await refused(
      () => h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: d.id, version: d.version, publishedOn: '2026-03-03', channel: '政务网站' } }, { token: t.filing! }),
      'R-ND-10',
      ['2026-03-03', '2026-03-04'],
    );
    expectOk(await h.gql(ReleaseNormativeDocumentDocument, { input: { documentId: d.id, version: d.version, publishedOn: '2026-03-05', channel: '政务网站' } }, { token: t.filing! }));
  });
});
