import {
  AcceptReviewDocument,
  AspectConclusion,
  AddAgendaItemDocument,
  AddEnforcementEvidenceDocument,
  AppendMeetingCorrectionDocument,
  AddProposedEnforcementDecisionDocument,
  AuditSubjectType,
  AuditTrailDocument,
  ConfirmAmendedDraftDocument,
  CreateEnforcementCaseDocument,
  CreateMeetingDocument,
  DeliberatingBody,
  EnforcementCaseDocument,
  EnforcementCaseState,
  EnforcementCasesDocument,
  EnforcementMeasureKind,
  EnforcementNodeDocument,
  EnforcementReviewStatisticsDocument,
  EnforcementReviewsDocument,
  EnforcementStep,
  EvidenceKind,
  ExtendReviewDocument,
  FinaliseMeetingDocument,
  FindingAspect,
  HeadDecision,
  IssueOpinionDocument,
  MeetingDocument,
  MemberPositionKind,
  OpinionConclusion,
  PartyKind,
  RecordEnforcementDecisionDocument,
  RecordHeadDecisionDocument,
  RecordPositionDocument,
  ReopenEnforcementInvestigationDocument,
  RequestEnforcementReviewDocument,
  ResubmitReviewDocument,
  ReturnReviewDocument,
  ReviewDocument,
  ReviewSubjectType,
  SaveOpinionDraftDocument,
  UpdateEnforcementCaseDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { aspectsFor, ENFORCEMENT_ASPECTS } from '../support/packages';
import { completeEnforcementPackage, DIRECTORS_OFFICE_OTHERS, enforcementFindings, publishedDirectory, readyEnforcementCase, readyProposal, reviewProposal, signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * A major law-enforcement decision (重大执法决定法制审核, R-EN-1…4) through the one review engine: the
 * case of the street's 城管执法队, its package, the review with its own deadline, conclusions and
 * aspects, and the decision that may not precede the review nor depart from it without the
 * leadership's collective discussion. The clock is fixed: Thu 5 March 2026 onwards.
 */
describe('major enforcement decision journey', () => {
  let h: Harness;
  let t: Record<string, string>;
  let uid: Record<string, string>;
  let dept: Record<string, string>;
  let caseId: string;
  let reviewId: string;

  const at = (iso: string) => h.clock.set(new Date(iso));
  const enforcementCase = async (id = caseId, token = t.drafter2!, step: EnforcementStep = EnforcementStep.RequestReview) =>
    expectOk(await h.gql(EnforcementCaseDocument, { id, step }, { token })).enforcementCase;
  const review = async (id = reviewId) => expectOk(await h.gql(ReviewDocument, { id }, { token: t.advisor! })).review;
  const codes = (err: { extensions?: Record<string, unknown> }) => (err.extensions!.violations as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`);

  async function refusedUnchanged<R>(call: () => Promise<GqlResponse<R>>, code: string) {
    const before = await h.snapshot();
    const err = expectError(await call(), code);
    expect(await h.snapshot()).toEqual(before);
    return err;
  }

  /** A JJFZ proposal ready for deliberation: the agenda a finalised meeting needs (R-DEC-11). Deferred at every meeting, so it stays eligible. */
  let agendaProposal: string | null = null;
  async function proposalForAgenda() {
    if (!agendaProposal) {
      // reviewed on the journey's first day, before any of its meetings: a proposal goes on an agenda only after its opinion (R-DEC-8)
      const now = h.clock.now();
      h.clock.set(new Date('2026-03-05T02:00:00.000Z'));
      const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['白云湖街餐饮油烟专项整治方案']);
      agendaProposal = await readyProposal(h, t.drafter!, t.director!, items[0]!, '白云湖街餐饮油烟专项整治方案');
      await reviewProposal(h, t.drafter!, t.advisor!, agendaProposal);
      h.clock.set(now);
    }
    return agendaProposal;
  }

  /** A meeting of the street office's leadership; finalised when asked, with minutes that record the discussion of the case unless told otherwise. */
  async function meeting(title: string, heldOn: string, finalise: boolean, recordsCase = true) {
    const m = expectOk(
      await h.gql(
        CreateMeetingDocument,
        {
          input: {
            title,
            body: DeliberatingBody.DirectorsOffice,
            heldOn,
          },
        },
        { token: t.director! },
      ),
    ).createMeeting.meeting;
    if (!finalise) return m.id;
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: m.id, proposalId: await proposalForAgenda() } }, { token: t.admin! })).addAgendaItem.agendaItem;
    for (const member of DIRECTORS_OFFICE_OTHERS) {
      expectOk(await h.gql(RecordPositionDocument, { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: '同意' } }, { token: t.admin! }));
    }
    expectOk(
      await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision: HeadDecision.Defer, reason: '待补充材料后再议' } }, { token: t.director! }),
    );
    const read = expectOk(await h.gql(MeetingDocument, { id: m.id }, { token: t.director! })).meeting;
    const minutes = recordsCase ? `${title}纪要：一、决策议题暂缓；二、研究城管执法队ZF-2026-001号案件的法制审核意见。` : `${title}纪要：一、决策议题暂缓；二、研究辖区安全生产工作。`;
    expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: m.id, version: read.version, minutes } }, { token: t.director! }));
    return m.id;
  }

  async function acceptAndIssue(id: string, conclusion: OpinionConclusion, findings: { aspect: FindingAspect; mustFix: boolean; text: string; lawName: string; article: string }[]) {
    const r = await review(id);
    if (r.status === 'SUBMITTED') expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: id, version: r.version } }, { token: t.advisor! }));
    const o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId: id, conclusion, text: '法制审核意见书', findings, aspects: aspectsFor(conclusion, findings, { aspects: ENFORCEMENT_ASPECTS }) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    return expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })).issueOpinion.opinion;
  }

  beforeAll(async () => {
    h = await startHarness({ env: { JWT_TTL_SECONDS: String(30 * 24 * 3600), GRAPHQL_MAX_COST: '100000' } });
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director', 'admin']));
    uid = {};
    for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;
  });
  afterAll(() => h.close());

  it('lets only an enforcement team open a case, numbered from a gap-free sequence', async () => {
    const input = { title: '广州市某餐饮管理有限公司油烟超标排放案', party: { kind: PartyKind.Organisation, name: '广州市某餐饮管理有限公司', idNumber: '91440111MA59XXXX0X' } };
    await refusedUnchanged(() => h.gql(CreateEnforcementCaseDocument, { input }, { token: t.drafter! }), 'FORBIDDEN');
    await refusedUnchanged(() => h.gql(CreateEnforcementCaseDocument, { input }, { token: t.advisor! }), 'FORBIDDEN');
    const c = expectOk(await h.gql(CreateEnforcementCaseDocument, { input }, { token: t.drafter2! })).createEnforcementCase.enforcementCase;
    caseId = c.id;
    expect(c).toMatchObject({
      code: 'ZF-2026-001',
      state: 'INVESTIGATING',
      department: { code: 'CGZF' },
      partyKind: 'ORGANISATION',
      currentDecisionNumber: 0,
      proposedDecision: null,
      submittedVoluntarily: null,
      majorAssessment: { major: false, reasons: [] },
    });
  });

  it('lists every missing part of the package as blockers, and refuses the submission with all of them (R-EN-2)', async () => {
    const c = await enforcementCase();
    const expected = [
      'R-EN-2:PROPOSED_DECISION_MISSING',
      'R-EN-2:FACTS_MISSING',
      'R-EN-2:EVIDENCE_MISSING',
      'R-EN-2:LEGAL_BASIS_MISSING',
      'R-EN-2:DISCRETION_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:OFFICERS_TOO_FEW',
    ];
    expect(c.blockers.map((b) => `${b.rule}:${b.code}`)).toEqual(expected);
    expect(c.blockers.every((b) => b.message.endsWith('(R-EN-2)'))).toBe(true);
    const err = await refusedUnchanged(() => h.gql(RequestEnforcementReviewDocument, { input: { caseId, version: c.version } }, { token: t.drafter2! }), 'RULE_VIOLATION');
    expect(codes(err)).toEqual(expected);
  });

  it('refuses an inconsistent measure and evidence dated in the future', async () => {
    const err = await refusedUnchanged(
      () =>
        h.gql(
          AddProposedEnforcementDecisionDocument,
          { input: { caseId, text: '拟处罚', changeNote: '拟', measure: { kinds: [EnforcementMeasureKind.Fine, EnforcementMeasureKind.Confiscation] } } },
          { token: t.drafter2! },
        ),
      'RULE_VIOLATION',
    );
    expect(codes(err)).toEqual(['R-EN-2:FINE_AMOUNT_MISSING', 'R-EN-2:CONFISCATION_VALUE_MISSING']);
    const future = await refusedUnchanged(
      () => h.gql(AddEnforcementEvidenceDocument, { input: { caseId, kind: EvidenceKind.Documentary, title: '营业执照', description: '复印件', obtainedOn: '2026-03-06' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(future)).toEqual(['R-EN-2:DATE_IN_FUTURE']);
  });

  it('takes the complete package: major because of the fine on an organisation and the hearing (R-EN-1)', async () => {
    const c = await completeEnforcementPackage(h, t.drafter2!, caseId, { kinds: [EnforcementMeasureKind.Fine], fineAmount: '120000.00' });
    expect(c).toMatchObject({ measureKinds: ['FINE'], fineAmount: '120000.00', currentDecisionNumber: 1, hearingRequired: true });
    expect(c.evidence.totalCount).toBe(2);
    expect(c.officers.map((o) => o.certificateNumber)).toEqual(['44011100123', '44011100124']);
    expect(c.procedure.map((p) => p.kind)).toEqual(['INVESTIGATION', 'RIGHTS_NOTIFICATION', 'STATEMENT_AND_DEFENCE', 'HEARING']);
    expect(c.majorAssessment.major).toBe(true);
    expect(c.majorAssessment.reasons.map((r) => r.criterion)).toEqual(['FINE_THRESHOLD', 'HEARING_REQUIRED']);
    expect(c.majorAssessment.reasons[0]!.message).toContain('100000');
    expect((await enforcementCase()).blockers).toEqual([]);
    const cases = expectOk(await h.gql(EnforcementCasesDocument, { filter: { state: EnforcementCaseState.Investigating } }, { token: t.drafter2! })).enforcementCases;
    expect(cases.nodes.map((n) => n.code)).toEqual(['ZF-2026-001']);
  });

  it('submits: the review pins the proposed decision and the package, and the advisor finds it in the queue by subject type', async () => {
    const c = await enforcementCase();
    const r = expectOk(await h.gql(RequestEnforcementReviewDocument, { input: { caseId, version: c.version } }, { token: t.drafter2! })).requestEnforcementReview.review;
    reviewId = r.id;
    expect(r).toMatchObject({ code: 'SC-2026-001', status: 'SUBMITTED', subjectType: 'ENFORCEMENT_DECISION', pinnedVersion: { number: 1 } });
    const kinds = (r.pinnedMaterials as { kind: string; contentHash: string }[]).map((m) => m.kind);
    expect(kinds).toEqual(['FACTS', 'LEGAL_BASIS', 'MEASURE', 'EVIDENCE', 'EVIDENCE', 'OFFICER', 'OFFICER', 'PROCEDURE', 'PROCEDURE', 'PROCEDURE', 'PROCEDURE']);
    expect((r.pinnedMaterials as { contentHash: string }[]).every((m) => /^[0-9a-f]{64}$/.test(m.contentHash))).toBe(true);
    expect(await enforcementCase()).toMatchObject({ state: 'UNDER_REVIEW', submittedVoluntarily: false });

    const queue = expectOk(await h.gql(EnforcementReviewsDocument, { filter: { subjectType: ReviewSubjectType.EnforcementDecision } }, { token: t.advisor! })).reviews;
    expect(queue.nodes.map((n) => [n.code, n.subjectType, n.enforcementCase?.code, n.proposal])).toEqual([['SC-2026-001', 'ENFORCEMENT_DECISION', 'ZF-2026-001', null]]);
    expect(expectOk(await h.gql(EnforcementReviewsDocument, { filter: { subjectType: ReviewSubjectType.Contract } }, { token: t.advisor! })).reviews.totalCount).toBe(0);

    // the package is frozen while it is reviewed
    const frozen = await refusedUnchanged(
      () => h.gql(AddEnforcementEvidenceDocument, { input: { caseId, kind: EvidenceKind.Documentary, title: '营业执照', description: '复印件', obtainedOn: '2026-03-01' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(frozen)).toEqual(['R-EN-2:INVALID_STATE']);
  });

  it('keeps the case and its review within the enforcement team and the cross-department roles', async () => {
    await refusedUnchanged(() => h.gql(EnforcementCaseDocument, { id: caseId, step: EnforcementStep.RequestReview }, { token: t.drafter! }), 'FORBIDDEN');
    await refusedUnchanged(() => h.gql(EnforcementNodeDocument, { id: caseId }, { token: t.drafter! }), 'FORBIDDEN');
    await refusedUnchanged(() => h.gql(ReviewDocument, { id: reviewId }, { token: t.drafter! }), 'FORBIDDEN');
    expect(expectOk(await h.gql(EnforcementCasesDocument, {}, { token: t.drafter! })).enforcementCases.totalCount).toBe(0);
    expect(expectOk(await h.gql(EnforcementReviewsDocument, {}, { token: t.drafter! })).reviews.totalCount).toBe(0);
    for (const who of ['advisor', 'director', 'admin']) {
      expect(expectOk(await h.gql(EnforcementNodeDocument, { id: caseId }, { token: t[who]! })).node).toMatchObject({ __typename: 'EnforcementCase', code: 'ZF-2026-001' });
    }
    expect((await enforcementCase(caseId, t.advisor!)).code).toBe('ZF-2026-001');
  });

  it('refuses to record the decision while the review runs (R-EN-4)', async () => {
    const c = await enforcementCase();
    expect(c.availableActions.map((a) => a.action)).not.toContain('DECIDE');
    const err = await refusedUnchanged(
      () => h.gql(RecordEnforcementDecisionDocument, { input: { caseId, version: c.version, decidedOn: '2026-03-05' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(err)).toEqual(['R-EN-4:INVALID_STATE']);
  });

  it('is returned for supplement and resubmitted before the clock starts (R-EN-2)', async () => {
    const r = await review();
    expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId, version: r.version, missing: '缺少听证笔录' } }, { token: t.advisor! }));
    expect((await enforcementCase()).state).toBe('INVESTIGATING');
    expectOk(await h.gql(AddEnforcementEvidenceDocument, { input: { caseId, kind: EvidenceKind.Documentary, title: '听证笔录', description: '听证会记录（5页）', obtainedOn: '2026-03-02' } }, { token: t.drafter2! }));
    const again = expectOk(await h.gql(ResubmitReviewDocument, { input: { reviewId, version: (await review()).version } }, { token: t.drafter2! })).resubmitReview.review;
    expect(again).toMatchObject({ status: 'SUBMITTED', acceptedOn: null });
    expect((again.pinnedMaterials as { kind: string }[]).filter((m) => m.kind === 'EVIDENCE')).toHaveLength(3);
    expect((await enforcementCase()).state).toBe('UNDER_REVIEW');
  });

  it('starts the clock on acceptance: due in 5 working days, extendable once by at most 5 (R-EN-4)', async () => {
    at('2026-03-06T01:00:00Z'); // Fri 6 March
    const accepted = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId, version: (await review()).version } }, { token: t.advisor! })).acceptReview.review;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2026-03-06', dueOn: '2026-03-13' });
    expect(accepted.deadline).toEqual({ dueOn: '2026-03-13', workingDaysLeft: 5, overdue: false, paused: false });
    const tooLong = await refusedUnchanged(
      () => h.gql(ExtendReviewDocument, { input: { reviewId, version: accepted.version, workingDays: 6, reason: '案情复杂' } }, { token: t.advisor! }),
      'RULE_VIOLATION',
    );
    expect(codes(tooLong)).toEqual(['R-EN-4:EXTENSION_TOO_LONG']);
    const extended = expectOk(await h.gql(ExtendReviewDocument, { input: { reviewId, version: accepted.version, workingDays: 5, reason: '需核实听证笔录' } }, { token: t.advisor! }))
      .extendReview.review;
    expect(extended.dueOn).toBe('2026-03-20');
    const again = await refusedUnchanged(
      () => h.gql(ExtendReviewDocument, { input: { reviewId, version: extended.version, workingDays: 1, reason: '再次延期' } }, { token: t.advisor! }),
      'RULE_VIOLATION',
    );
    expect(codes(again)).toEqual(['R-EN-4:ALREADY_EXTENDED']);
  });

  it('issues an opinion only with the enforcement conclusions and aspects (R-EN-3, R-EN-4)', async () => {
    at('2026-03-10T02:00:00Z'); // Tue 10 March
    let o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        {
          input: {
            reviewId,
            conclusion: OpinionConclusion.Lawful,
            text: '法制审核意见书（草稿）',
            findings: [{ aspect: FindingAspect.Content, mustFix: false, text: '内容合法', lawName: '《中华人民共和国行政处罚法》', article: '第五十八条' }],
          },
        },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const err = await refusedUnchanged(() => h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    // a decision's conclusion and aspect, and no conclusion on any of the six aspects of R-EN-3
    expect(codes(err)).toEqual(['R-EN-4:CONCLUSION_NOT_ALLOWED', 'R-EN-3:ASPECT_NOT_ALLOWED', ...Array(6).fill('R-EN-3:ASPECT_CONCLUSION_MISSING')]);
    const findings = [
      { aspect: FindingAspect.Authority, mustFix: false, text: '执法主体适格，两名执法人员均持有有效执法证' },
      { aspect: FindingAspect.FactsAndEvidence, mustFix: false, text: '油烟超标事实清楚，监测数据与现场笔录相互印证' },
      { aspect: FindingAspect.LegalBasis, mustFix: false, text: '适用法律正确' },
      { aspect: FindingAspect.Procedure, mustFix: false, text: '已告知听证权利并依申请举行听证，程序合法' },
      { aspect: FindingAspect.Discretion, mustFix: true, text: '当事人首次违法且已整改，按第3档罚款12万元明显偏重，与同类案件不一致' },
      { aspect: FindingAspect.Documents, mustFix: false, text: '文书齐全' },
    ].map((f) => ({ ...f, lawName: '《中华人民共和国行政处罚法》', article: '第五条、第三十四条' }));
    // a refusal reasoned on the discretion alone concludes on nothing else: each missing aspect is named
    o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId, opinionId: o.id, opinionVersion: o.version, conclusion: OpinionConclusion.NotAgreed, text: '法制审核意见：不同意。', findings: [findings[4]!], aspects: [{ aspect: FindingAspect.Discretion, conclusion: AspectConclusion.NonCompliant }] } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const partial = await refusedUnchanged(() => h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    expect(codes(partial)).toEqual(Array(5).fill('R-EN-3:ASPECT_CONCLUSION_MISSING'));
    expect(partial.message).toContain('事实与证据');
    o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        { input: { reviewId, opinionId: o.id, opinionVersion: o.version, conclusion: OpinionConclusion.NotAgreed, text: '法制审核意见：不同意按拟定数额处罚。', findings, aspects: aspectsFor(OpinionConclusion.NotAgreed, findings, { aspects: ENFORCEMENT_ASPECTS }) } },
        { token: t.advisor! },
      ),
    ).saveOpinionDraft.opinion;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! })).issueOpinion.opinion;
    expect(issued).toMatchObject({ status: 'ISSUED', conclusion: 'NOT_AGREED' });
    expect(issued.findings.map((f) => f.aspect)).toEqual(['AUTHORITY', 'FACTS_AND_EVIDENCE', 'LEGAL_BASIS', 'PROCEDURE', 'DISCRETION', 'DOCUMENTS']);
    expect((await review()).status).toBe('OPINION_ISSUED');
    const c = await enforcementCase();
    expect(c.state).toBe('REVIEWED');
    expect(c.availableActions.map((a) => a.action).sort()).toEqual(['DECIDE', 'REOPEN_INVESTIGATION']);
  });

  it('refuses a decision departing from NOT_AGREED without a collective discussion held on or after the opinion (R-EN-4)', async () => {
    at('2026-03-12T02:00:00Z'); // Thu 12 March
    const c = await enforcementCase();
    const decide = (collectiveDiscussion?: { meetingId: string; conclusion: string; reason: string }) => () =>
      h.gql(RecordEnforcementDecisionDocument, { input: { caseId, version: c.version, decidedOn: '2026-03-12', collectiveDiscussion } }, { token: t.drafter2! });
    expect(codes(await refusedUnchanged(decide(), 'RULE_VIOLATION'))).toEqual(['R-EN-4:COLLECTIVE_DISCUSSION_MISSING']);
    expect((await enforcementCase(caseId, t.drafter2!, EnforcementStep.Decide)).blockers.map((b) => b.code)).toEqual(['COLLECTIVE_DISCUSSION_MISSING']);
    const open = await meeting('2026年第6次主任办公会议', '2026-03-11', false);
    expect(codes(await refusedUnchanged(decide({ meetingId: open, conclusion: '维持拟作出的处罚决定', reason: '违法情节严重' }), 'RULE_VIOLATION'))).toEqual([
      'R-EN-4:DISCUSSION_NOT_FINALISED',
    ]);
    const early = await meeting('2026年第5次主任办公会议', '2026-03-09', true);
    const before = await refusedUnchanged(decide({ meetingId: early, conclusion: '维持拟作出的处罚决定', reason: '违法情节严重' }), 'RULE_VIOLATION');
    expect(codes(before)).toEqual(['R-EN-4:DISCUSSION_BEFORE_OPINION']);
    expect(before.message).toContain('2026-03-10');
    // a meeting after the opinion whose minutes say nothing of this case is no discussion of it
    unrelated = await meeting('2026年第7次主任办公会议', '2026-03-11', true, false);
    const silent = await refusedUnchanged(decide({ meetingId: unrelated, conclusion: '维持拟作出的处罚决定', reason: '违法情节严重' }), 'RULE_VIOLATION');
    expect(codes(silent)).toEqual(['R-EN-4:DISCUSSION_CASE_NOT_RECORDED']);
    expect(silent.message).toContain('ZF-2026-001');
  });

  let unrelated: string;

  it('records the decision after the leadership’s collective discussion, departing from the opinion on the record', async () => {
    // the minutes omitted the discussion of the case: a correction appended to them records it
    expectOk(
      await h.gql(
        AppendMeetingCorrectionDocument,
        { input: { meetingId: unrelated, text: '补记：会议还研究了城管执法队ZF-2026-001号案件的法制审核意见，决定维持拟作出的处罚决定。' } },
        { token: t.director! },
      ),
    );
    const held = unrelated;
    const c = await enforcementCase();
    const decided = expectOk(
      await h.gql(
        RecordEnforcementDecisionDocument,
        {
          input: {
            caseId,
            version: c.version,
            decidedOn: '2026-03-12',
            collectiveDiscussion: { meetingId: held, conclusion: '维持拟作出的处罚决定', reason: '当事人拒不整改，油烟投诉持续，按第3档处罚' },
          },
        },
        { token: t.drafter2! },
      ),
    ).recordEnforcementDecision.enforcementCase;
    expect(decided).toMatchObject({
      state: 'DECIDED',
      decidedOn: '2026-03-12',
      decidedVersionNumber: 1,
      decidedHash: c.proposedDecision!.contentHash,
      departsFromOpinion: true,
      opinionConclusion: 'NOT_AGREED',
      decidedBy: { username: 'drafter2' },
      collectiveDiscussion: { conclusion: '维持拟作出的处罚决定', meeting: { id: held, heldOn: '2026-03-11' } },
      availableActions: [],
    });
    // the decision is a record: nobody changes it, not even past the services
    await expect(h.sql(`update enforcement_case set fine_amount = 1 where id = ?`, [caseId])).rejects.toThrow(/immutable/);
    await expect(h.sql(`delete from enforcement_evidence where case_id = ?`, [caseId])).rejects.toThrow(/immutable/);
  });

  it('counts the enforcement decision reviewed, and audits every step', async () => {
    const s = expectOk(await h.gql(EnforcementReviewStatisticsDocument, { from: '2026-03-01', to: '2026-03-31' }, { token: t.advisor! })).reviewStatistics;
    // the enforcement opinion, and the LAWFUL opinion on the proposal the meetings deferred
    expect(s).toMatchObject({ opinionsIssued: 2, enforcementDecisionsReviewed: 1, enforcementCaseIds: [caseId] });
    expect(s.byConclusion.filter((b) => b.count > 0).map((b) => `${b.conclusion}:${b.count}`)).toEqual(['LAWFUL:1', 'NOT_AGREED:1']);
    expect(s.rows.filter((r) => r.subjectType === 'ENFORCEMENT_DECISION')).toEqual([
      { code: 'SC-2026-001', subjectType: 'ENFORCEMENT_DECISION', conclusion: 'NOT_AGREED', workingDays: 2, onTime: true },
    ]);
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.EnforcementCase, subjectId: caseId, first: 100 }, { token: t.admin! })).auditTrail;
    expect(trail.edges.map((e) => e.node.action)).toEqual([
      'enforcement.create',
      'enforcement.update',
      'enforcement.evidence.add',
      'enforcement.evidence.add',
      'enforcement.officer.add',
      'enforcement.officer.add',
      'enforcement.procedure.record',
      'enforcement.procedure.record',
      'enforcement.procedure.record',
      'enforcement.procedure.record',
      'enforcement.proposed_decision.add',
      'enforcement.review_requested',
      'enforcement.review_returned',
      'enforcement.evidence.add',
      'enforcement.review_requested',
      'enforcement.opinion_issued',
      'enforcement.decide',
    ]);
  });

  it('decides a case off the list without review, but never a major one (R-EN-1)', async () => {
    const minor = expectOk(
      await h.gql(CreateEnforcementCaseDocument, { input: { title: '占道经营案', party: { kind: PartyKind.Individual, name: '陈某' } } }, { token: t.drafter2! }),
    ).createEnforcementCase.enforcementCase;
    let c = await completeEnforcementPackage(h, t.drafter2!, minor.id, { kinds: [EnforcementMeasureKind.Fine], fineAmount: '500.00' });
    c = expectOk(
      await h.gql(
        UpdateEnforcementCaseDocument,
        { input: { caseId: minor.id, version: c.version, circumstances: { majorPublicInterest: false, socialRisk: false, complexCase: false, hearingRequired: false } } },
        { token: t.drafter2! },
      ),
    ).updateEnforcementCase.enforcementCase;
    expect(c.majorAssessment).toEqual({ major: false, reasons: [] });
    const decided = expectOk(await h.gql(RecordEnforcementDecisionDocument, { input: { caseId: minor.id, version: c.version, decidedOn: '2026-03-12' } }, { token: t.drafter2! }))
      .recordEnforcementDecision.enforcementCase;
    expect(decided).toMatchObject({ state: 'DECIDED', departsFromOpinion: false, opinionConclusion: null, collectiveDiscussion: null });

    const major = await readyEnforcementCase(h, t.drafter2!, '擅自占用城市道路堆放物料案', '150000.00');
    const err = await refusedUnchanged(
      () => h.gql(RecordEnforcementDecisionDocument, { input: { caseId: major.id, version: major.version, decidedOn: '2026-03-12' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(err)).toEqual(['R-EN-1:MAJOR_DECISION_NOT_REVIEWED']);
  });

  it('returns a case for further investigation; a reopened major case needs a new review (R-EN-1, R-EN-4)', async () => {
    const c = await readyEnforcementCase(h, t.drafter2!, '违法建设案', '200000.00');
    const r = expectOk(await h.gql(RequestEnforcementReviewDocument, { input: { caseId: c.id, version: c.version } }, { token: t.drafter2! })).requestEnforcementReview.review;
    await acceptAndIssue(r.id, OpinionConclusion.ReturnedForFurtherInvestigation, enforcementFindings({ [FindingAspect.FactsAndEvidence]: { mustFix: true, text: '违法建设面积未经测绘确认' } }));
    const reviewed = await enforcementCase(c.id);
    expect(reviewed.state).toBe('REVIEWED');
    let read = expectOk(await h.gql(ReopenEnforcementInvestigationDocument, { input: { caseId: c.id, version: reviewed.version, reason: '委托测绘机构测量违法建设面积' } }, { token: t.drafter2! }))
      .reopenEnforcementInvestigation.enforcementCase;
    expect(read.state).toBe('INVESTIGATING');
    expectOk(await h.gql(AddEnforcementEvidenceDocument, { input: { caseId: c.id, kind: EvidenceKind.ExpertOpinion, title: '测绘报告', description: '违法建设面积 86.5 平方米', obtainedOn: '2026-03-12' } }, { token: t.drafter2! }));
    read = await enforcementCase(c.id);
    const err = await refusedUnchanged(
      () => h.gql(RecordEnforcementDecisionDocument, { input: { caseId: c.id, version: read.version, decidedOn: '2026-03-12' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(err)).toEqual(['R-EN-1:MAJOR_DECISION_NOT_REVIEWED']);
    const second = expectOk(await h.gql(RequestEnforcementReviewDocument, { input: { caseId: c.id, version: read.version } }, { token: t.drafter2! })).requestEnforcementReview.review;
    expect(second.id).not.toBe(r.id);
    expect((await enforcementCase(c.id)).reviews.map((x) => x.status)).toEqual(['OPINION_ISSUED', 'SUBMITTED']);
  });

  it('takes a voluntary submission, and decides an amended text only once the advisor confirmed it', async () => {
    const c = await readyEnforcementCase(h, t.drafter2!, '未按规定设置垃圾分类容器案', '5000.00');
    expect(c.majorAssessment.reasons.map((r) => r.criterion)).toEqual(['HEARING_REQUIRED']);
    // the hearing was required; make it a case off the list
    const off = expectOk(
      await h.gql(
        UpdateEnforcementCaseDocument,
        { input: { caseId: c.id, version: c.version, circumstances: { majorPublicInterest: false, socialRisk: false, complexCase: false, hearingRequired: false } } },
        { token: t.drafter2! },
      ),
    ).updateEnforcementCase.enforcementCase;
    expect(off.majorAssessment.major).toBe(false);
    const r = expectOk(await h.gql(RequestEnforcementReviewDocument, { input: { caseId: c.id, version: off.version } }, { token: t.drafter2! })).requestEnforcementReview.review;
    expect((await enforcementCase(c.id)).submittedVoluntarily).toBe(true);
    const o = await acceptAndIssue(r.id, OpinionConclusion.AgreedWithAmendments, enforcementFindings({ [FindingAspect.Discretion]: { mustFix: true, text: '罚款宜按第1档调整为2000元' } }));
    const amended = expectOk(
      await h.gql(
        AddProposedEnforcementDecisionDocument,
        { input: { caseId: c.id, text: '行政处罚决定书（拟，修改稿）\n处罚款2000元。', changeNote: '按审核意见调整罚款', measure: { kinds: [EnforcementMeasureKind.Fine], fineAmount: '2000.00' } } },
        { token: t.drafter2! },
      ),
    ).addProposedEnforcementDecision.enforcementCase;
    expect(amended).toMatchObject({ state: 'REVIEWED', currentDecisionNumber: 2, fineAmount: '2000.00' });
    const err = await refusedUnchanged(
      () => h.gql(RecordEnforcementDecisionDocument, { input: { caseId: c.id, version: amended.version, decidedOn: '2026-03-12' } }, { token: t.drafter2! }),
      'RULE_VIOLATION',
    );
    expect(codes(err)).toEqual(['R-EN-4:DECISION_TEXT_NOT_REVIEWED']);
    expectOk(await h.gql(ConfirmAmendedDraftDocument, { input: { opinionId: o.id, note: '已按意见调整罚款数额' } }, { token: t.advisor! }));
    const decided = expectOk(
      await h.gql(RecordEnforcementDecisionDocument, { input: { caseId: c.id, version: (await enforcementCase(c.id)).version, decidedOn: '2026-03-12' } }, { token: t.drafter2! }),
    ).recordEnforcementDecision.enforcementCase;
    expect(decided).toMatchObject({ state: 'DECIDED', decidedVersionNumber: 2, departsFromOpinion: false, opinionConclusion: 'AGREED_WITH_AMENDMENTS' });
  });
});
