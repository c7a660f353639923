import { AspectConclusion } from '../../src/review/review.enums';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { DEFAULT_RULES, mergeRules } from '../../src/core/config';
import { ContractReviewAdapter } from '../../src/contract/contract-review.adapter';
import { EnforcementReviewAdapter } from '../../src/enforcement/enforcement-review.adapter';
import {
  ENFORCEMENT_MEASURE_KINDS,
  MAJOR_CIRCUMSTANCES,
} from '../../src/core/config';
import {
  decisionViolations,
  enforcementDeadlinePolicy,
  majorAssessment,
  measureViolations,
  packageBlockers,
  type DecisionFacts,
  type MajorFacts,
  type PackageSnapshot,
} from '../../src/enforcement/enforcement.rules';
import { EnforcementCaseState, EnforcementMeasureKind, EnforcementProcedureKind, MajorCircumstance, PartyKind } from '../../src/enforcement/enforcement.enums';
import { ENFORCEMENT_WORKFLOW } from '../../src/enforcement/enforcement.workflow';
import { NormativeReviewAdapter } from '../../src/normative/normative-review.adapter';
import { ProposalReviewAdapter } from '../../src/proposal/proposal-review.adapter';
import type { ReviewSubjectAdapter } from '../../src/review/review-subject.port';
import { FindingAspect, OpinionConclusion, ReviewStatus } from '../../src/review/review.enums';
import { deadline, dueDate, extensionViolations, opinionIssueViolations, reviewDeadlinePolicy, type DeadlineFacts } from '../../src/review/review.rules';

const cal = loadWorkingCalendar(null);
const E = DEFAULT_RULES.enforcement;
const codes = (v: { rule: string; code: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

const facts = (over: Partial<MajorFacts> = {}): MajorFacts => ({
  partyKind: PartyKind.ORGANISATION,
  measureKinds: [EnforcementMeasureKind.FINE],
  fineAmount: '5000.00',
  confiscationValue: null,
  majorPublicInterest: false,
  socialRisk: false,
  complexCase: false,
  hearingRequired: false,
  ...over,
});

describe('R-EN-1 which enforcement decisions are major (configurable list, with reasons)', () => {
  it('is not major below every threshold and without any circumstance', () => {
    expect(majorAssessment(facts(), E)).toEqual({ major: false, reasons: [] });
  });

  it('takes the fine thresholds for individuals and for organisations, at or above', () => {
    expect(majorAssessment(facts({ partyKind: PartyKind.INDIVIDUAL, fineAmount: '9999.99' }), E).major).toBe(false);
    const individual = majorAssessment(facts({ partyKind: PartyKind.INDIVIDUAL, fineAmount: '10000.00' }), E);
    expect(individual.major).toBe(true);
    expect(individual.reasons.map((r) => r.criterion)).toEqual(['FINE_THRESHOLD']);
    expect(individual.reasons[0]!.message).toContain('10000');
    // the same amount on an organisation is below its threshold
    expect(majorAssessment(facts({ fineAmount: '10000.00' }), E).major).toBe(false);
    expect(majorAssessment(facts({ fineAmount: '99999.99' }), E).major).toBe(false);
    expect(majorAssessment(facts({ fineAmount: '100000' }), E).reasons.map((r) => r.criterion)).toEqual(['FINE_THRESHOLD']);
  });

  it('counts the listed measures, a confiscation of large value and the listed circumstances, each as a reason', () => {
    const a = majorAssessment(
      facts({
        measureKinds: [EnforcementMeasureKind.FINE, EnforcementMeasureKind.SUSPENSION_OF_PRODUCTION_OR_BUSINESS, EnforcementMeasureKind.CONFISCATION],
        fineAmount: '200000.00',
        confiscationValue: '150000.00',
        majorPublicInterest: true,
        socialRisk: true,
        complexCase: true,
        hearingRequired: true,
      }),
      E,
    );
    expect(a.major).toBe(true);
    expect(a.reasons.map((r) => r.criterion)).toEqual([
      'FINE_THRESHOLD',
      'MEASURE_KIND',
      'CONFISCATION_THRESHOLD',
      'MAJOR_PUBLIC_INTEREST',
      'SOCIAL_RISK',
      'HEARING_REQUIRED',
      'COMPLEX_CASE',
    ]);
    for (const r of a.reasons) expect(r.message).toMatch(/\(R-EN-1\)$/);
    expect(majorAssessment(facts({ measureKinds: [EnforcementMeasureKind.LICENCE_REVOCATION], fineAmount: null }), E).major).toBe(true);
    expect(majorAssessment(facts({ measureKinds: [EnforcementMeasureKind.CONFISCATION], fineAmount: null, confiscationValue: '99999.99' }), E).major).toBe(false);
  });

  it('follows the configuration: thresholds, measures and circumstances', () => {
    const problems: string[] = [];
    const rules = mergeRules(
      DEFAULT_RULES,
      { enforcement: { majorFineOrganisationYuan: 50000, majorMeasures: ['LICENCE_REVOCATION'], majorCircumstances: ['SOCIAL_RISK'] } },
      problems,
    ).enforcement;
    expect(problems).toEqual([]);
    expect(majorAssessment(facts({ fineAmount: '50000.00' }), rules).major).toBe(true);
    expect(majorAssessment(facts({ measureKinds: [EnforcementMeasureKind.SUSPENSION_OF_PRODUCTION_OR_BUSINESS], fineAmount: null }), rules).major).toBe(false);
    expect(majorAssessment(facts({ hearingRequired: true, complexCase: true }), rules).major).toBe(false);
    expect(majorAssessment(facts({ socialRisk: true }), rules).major).toBe(true);
  });

  it('refuses unknown measures and circumstances in the configuration, and keeps the lists in step with the enums', () => {
    const problems: string[] = [];
    mergeRules(DEFAULT_RULES, { enforcement: { majorMeasures: ['BANISHMENT'], majorCircumstances: ['FULL_MOON'], reviewDueWorkingDays: 0 } }, problems);
    expect(problems).toEqual([
      'rules.enforcement.majorMeasures: BANISHMENT is not a measure kind',
      'rules.enforcement.majorCircumstances: FULL_MOON is not a circumstance',
      'rules.enforcement.reviewDueWorkingDays must be at least 1',
    ]);
    expect([...ENFORCEMENT_MEASURE_KINDS].sort()).toEqual(Object.values(EnforcementMeasureKind).sort());
    expect([...MAJOR_CIRCUMSTANCES].sort()).toEqual(Object.values(MajorCircumstance).sort());
  });
});

describe('R-EN-2 the proposed measure and the package', () => {
  it('needs a measure, a fine amount with a fine and a value with a confiscation', () => {
    expect(measureViolations({ kinds: [EnforcementMeasureKind.WARNING], fineAmount: null, confiscationValue: null })).toEqual([]);
    expect(codes(measureViolations({ kinds: [], fineAmount: null, confiscationValue: null }))).toEqual(['R-EN-2:MEASURE_MISSING']);
    expect(codes(measureViolations({ kinds: [EnforcementMeasureKind.FINE, EnforcementMeasureKind.CONFISCATION], fineAmount: null, confiscationValue: null }))).toEqual([
      'R-EN-2:FINE_AMOUNT_MISSING',
      'R-EN-2:CONFISCATION_VALUE_MISSING',
    ]);
    expect(codes(measureViolations({ kinds: [EnforcementMeasureKind.WARNING], fineAmount: '100.00', confiscationValue: '5.00' }))).toEqual([
      'R-EN-2:FINE_AMOUNT_WITHOUT_FINE',
      'R-EN-2:CONFISCATION_VALUE_WITHOUT_CONFISCATION',
    ]);
  });

  const complete: PackageSnapshot = {
    currentDecisionNumber: 1,
    factsFound: '2026年2月，当事人在经营场所排放油烟超标。',
    legalBasisLaw: '《中华人民共和国大气污染防治法》',
    legalBasisArticle: '第一百一十八条第一款',
    discretionStandard: '《广州市城市管理综合执法行政处罚自由裁量权基准》第3档',
    hearingRequired: true,
    evidenceCount: 2,
    officers: [
      { name: '张执法', certificateNumber: '44010012345', certificateValidUntil: '2027-12-31' },
      { name: '王执法', certificateNumber: '44010012346', certificateValidUntil: null },
    ],
    procedure: [
      { kind: EnforcementProcedureKind.INVESTIGATION, occurredOn: '2026-02-10' },
      { kind: EnforcementProcedureKind.RIGHTS_NOTIFICATION, occurredOn: '2026-02-20' },
      { kind: EnforcementProcedureKind.STATEMENT_AND_DEFENCE, occurredOn: '2026-02-24' },
      { kind: EnforcementProcedureKind.HEARING, occurredOn: '2026-03-02' },
    ],
  };

  it('accepts a complete package', () => {
    expect(packageBlockers(complete, '2026-03-05', E)).toEqual([]);
  });

  it('lists every missing part at once', () => {
    const empty: PackageSnapshot = {
      currentDecisionNumber: 0,
      factsFound: null,
      legalBasisLaw: ' ',
      legalBasisArticle: null,
      discretionStandard: null,
      hearingRequired: true,
      evidenceCount: 0,
      officers: [],
      procedure: [],
    };
    expect(codes(packageBlockers(empty, '2026-03-05', E))).toEqual([
      'R-EN-2:PROPOSED_DECISION_MISSING',
      'R-EN-2:FACTS_MISSING',
      'R-EN-2:EVIDENCE_MISSING',
      'R-EN-2:LEGAL_BASIS_MISSING',
      'R-EN-2:DISCRETION_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:PROCEDURE_MISSING',
      'R-EN-2:OFFICERS_TOO_FEW',
    ]);
    // no hearing is needed when none was required
    expect(codes(packageBlockers({ ...complete, hearingRequired: false, procedure: complete.procedure.slice(0, 3) }, '2026-03-05', E))).toEqual([]);
  });

  it('needs the configured number of officers, each with a certificate in force', () => {
    expect(codes(packageBlockers({ ...complete, officers: complete.officers.slice(0, 1) }, '2026-03-05', E))).toEqual(['R-EN-2:OFFICERS_TOO_FEW']);
    const expired = { ...complete, officers: [complete.officers[0]!, { ...complete.officers[1]!, certificateValidUntil: '2026-03-04' }] };
    const v = packageBlockers(expired, '2026-03-05', E);
    expect(codes(v)).toEqual(['R-EN-2:CERTIFICATE_EXPIRED']);
    expect(v[0]!.message).toContain('王执法');
  });

  it('keeps the procedure in its order: notice after investigation, statements and hearing after notice', () => {
    const late = {
      ...complete,
      procedure: [
        { kind: EnforcementProcedureKind.INVESTIGATION, occurredOn: '2026-02-21' },
        { kind: EnforcementProcedureKind.RIGHTS_NOTIFICATION, occurredOn: '2026-02-20' },
        { kind: EnforcementProcedureKind.STATEMENT_AND_DEFENCE, occurredOn: '2026-02-19' },
        { kind: EnforcementProcedureKind.HEARING, occurredOn: '2026-03-02' },
      ],
    };
    expect(codes(packageBlockers(late, '2026-03-05', E))).toEqual(['R-EN-2:PROCEDURE_OUT_OF_ORDER', 'R-EN-2:PROCEDURE_OUT_OF_ORDER']);
  });
});

describe('R-EN-3 / R-EN-4 the review of an enforcement decision', () => {
  const adapter = new EnforcementReviewAdapter({ config: { rules: DEFAULT_RULES } as never, clock: { now: () => new Date() }, audit: {} as never });
  const finding = { aspect: FindingAspect.DISCRETION, mustFix: true, text: '罚款数额超出裁量基准第3档上限', lawName: '《中华人民共和国行政处罚法》', article: '第三十四条' };
  const aspectsOf = adapter.aspects.map((a) => a.aspect);
  /** One conclusion on each aspect of R-EN-3, every one compliant. */
  const compliant = aspectsOf.map((aspect) => ({ aspect, conclusion: AspectConclusion.COMPLIANT, checklist: [] }));
  const withDiscretion = (conclusion: AspectConclusion) => compliant.map((a) => (a.aspect === FindingAspect.DISCRETION ? { ...a, conclusion } : a));
  const opinion = (over: Partial<Parameters<typeof opinionIssueViolations>[0]>) =>
    opinionIssueViolations({
      conclusion: OpinionConclusion.AGREED,
      text: '法制审核意见书',
      findings: [],
      aspects: compliant,
      allowedConclusions: adapter.conclusions,
      requiredAspects: adapter.aspects,
      noun: adapter.noun,
      rules: adapter.opinionRules,
      ...over,
    });

  it('declares its own conclusions and aspects, and leaves the other subjects as they were', () => {
    expect(adapter.conclusions).toEqual(['AGREED', 'AGREED_WITH_AMENDMENTS', 'RETURNED_FOR_FURTHER_INVESTIGATION', 'NOT_AGREED']);
    expect(aspectsOf).toEqual(['AUTHORITY', 'FACTS_AND_EVIDENCE', 'LEGAL_BASIS', 'PROCEDURE', 'DISCRETION', 'DOCUMENTS']);
    const proposal = new ProposalReviewAdapter({} as never);
    expect(proposal.conclusions).toEqual(['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED']);
    for (const other of [new ContractReviewAdapter({} as never), new NormativeReviewAdapter({} as never)]) {
      expect(other.conclusions).toEqual(['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL']);
    }
    for (const other of [proposal, new ContractReviewAdapter({} as never), new NormativeReviewAdapter({} as never)] as ReviewSubjectAdapter[]) {
      expect(other.aspects.map((a) => a.aspect)).toEqual(['AUTHORITY', 'PROCEDURE', 'CONTENT']);
      expect(other.deadlinePolicy).toBeUndefined();
    }
  });

  it('refuses the conclusions and aspects of other subjects, citing its own rules', () => {
    expect(opinion({})).toEqual([]);
    expect(codes(opinion({ conclusion: OpinionConclusion.LAWFUL }))).toContain('R-EN-4:CONCLUSION_NOT_ALLOWED');
    expect(opinion({ conclusion: OpinionConclusion.LAWFUL })[0]!.message).toContain('同意、修改后同意、退回补充调查、不同意');
    expect(codes(opinion({ findings: [{ ...finding, aspect: FindingAspect.CONTENT }] }))).toContain('R-EN-3:ASPECT_NOT_ALLOWED');
    // and a decision's opinion cannot reach an enforcement conclusion
    expect(
      codes(
        opinionIssueViolations({
          conclusion: OpinionConclusion.AGREED,
          text: '意见',
          findings: [],
          aspects: [],
          allowedConclusions: new ProposalReviewAdapter({} as never).conclusions,
          requiredAspects: [],
          noun: '决策草案',
        }),
      ),
    ).toEqual(['R-LR-5:CONCLUSION_NOT_ALLOWED']);
  });

  it('needs must-fix findings for amendments, and a must-fix finding or a reasoned refusal or return', () => {
    expect(codes(opinion({ conclusion: OpinionConclusion.AGREED_WITH_AMENDMENTS }))).toEqual(['R-EN-4:AMENDMENTS_MISSING']);
    const amend = { conclusion: OpinionConclusion.AGREED_WITH_AMENDMENTS, findings: [finding], aspects: withDiscretion(AspectConclusion.NEEDS_AMENDMENT) };
    expect(opinion(amend)).toEqual([]);
    expect(opinion({ conclusion: OpinionConclusion.NOT_AGREED, findings: [finding], aspects: withDiscretion(AspectConclusion.NON_COMPLIANT) })).toEqual([]);
    // a refusal must find some aspect non-compliant (R-EN-4 for the conclusion)
    expect(codes(opinion({ conclusion: OpinionConclusion.NOT_AGREED, findings: [finding], aspects: withDiscretion(AspectConclusion.NEEDS_AMENDMENT) }))).toEqual([
      'R-EN-4:CONCLUSION_CONTRADICTS_ASPECT',
    ]);
  });

  it('concludes on every aspect of R-EN-3: authority, facts and evidence, legal basis, procedure, discretion and documents', () => {
    // an opinion without aspect conclusions concludes on nothing: each aspect is missing, a refusal also lacks its reasons
    expect(codes(opinion({ aspects: [] }))).toEqual(aspectsOf.map(() => 'R-EN-3:ASPECT_CONCLUSION_MISSING'));
    expect(codes(opinion({ conclusion: OpinionConclusion.NOT_AGREED, aspects: [] }))).toEqual([
      ...aspectsOf.map(() => 'R-EN-3:ASPECT_CONCLUSION_MISSING'),
      'R-EN-3:FINDINGS_MISSING',
    ]);
    // a conclusion on the discretion alone leaves the five other aspects without one, each named
    const partial = opinion({
      conclusion: OpinionConclusion.RETURNED_FOR_FURTHER_INVESTIGATION,
      findings: [finding],
      aspects: [{ aspect: FindingAspect.DISCRETION, conclusion: AspectConclusion.NON_COMPLIANT, checklist: [] }],
    });
    expect(codes(partial)).toEqual(Array(5).fill('R-EN-3:ASPECT_CONCLUSION_MISSING'));
    expect(partial.map((v) => v.message.match(/「(.+?)」/)![1])).toEqual(['执法主体与执法人员资格', '事实与证据', '法律适用', '执法程序', '执法文书']);
    expect(partial[0]!.message).toMatch(/\(R-EN-3\)$/);
    // an aspect found wanting names its findings
    expect(codes(opinion({ conclusion: OpinionConclusion.AGREED_WITH_AMENDMENTS, findings: [], aspects: withDiscretion(AspectConclusion.NEEDS_AMENDMENT) }))).toEqual([
      'R-EN-3:ASPECT_FINDINGS_MISSING',
      'R-EN-4:AMENDMENTS_MISSING',
    ]);
  });

  const dfacts = (over: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
    acceptedOn: '2026-03-06',
    requestedCompletionOn: null,
    pausedWorkingDays: 0,
    extensionWorkingDays: 0,
    returnedOn: null,
    status: ReviewStatus.ACCEPTED,
    opinionIssuedOn: null,
    ...over,
  });

  it('is due 5 working days after acceptance, extendable once by at most 5, from its own configuration', () => {
    const policy = enforcementDeadlinePolicy(E);
    expect(policy).toEqual({ dueWorkingDays: 5, minWorkingDays: 5, extensionWorkingDays: 5, rule: 'R-EN-4' });
    expect(adapter.deadlinePolicy).toEqual(policy);
    expect(dueDate(dfacts(), policy, cal)).toBe('2026-03-13');
    // before the Qingming holiday (4–6 April 2026): accepted Thu 2 April, due Fri 10 April
    expect(dueDate(dfacts({ acceptedOn: '2026-04-02' }), policy, cal)).toBe('2026-04-10');
    expect(deadline(dfacts(), '2026-03-09', policy, cal)).toEqual({ dueOn: '2026-03-13', workingDaysLeft: 4, overdue: false, paused: false, provisional: false, uncoveredYears: [] });
    expect(codes(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 0 }, 6, policy))).toEqual(['R-EN-4:EXTENSION_TOO_LONG']);
    expect(codes(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 5 }, 1, policy))).toEqual(['R-EN-4:ALREADY_EXTENDED']);
    expect(dueDate(dfacts({ extensionWorkingDays: 5 }), policy, cal)).toBe('2026-03-20');
    const longer = enforcementDeadlinePolicy({ ...E, reviewDueWorkingDays: 7, extensionWorkingDays: 3 });
    expect(dueDate(dfacts(), longer, cal)).toBe('2026-03-17');
    expect(codes(extensionViolations({ status: ReviewStatus.ACCEPTED, extensionWorkingDays: 0 }, 4, longer))).toEqual(['R-EN-4:EXTENSION_TOO_LONG']);
    // the other subjects keep the global numbers
    expect(dueDate(dfacts(), reviewDeadlinePolicy(DEFAULT_RULES), cal)).toBe('2026-03-20');
  });
});

describe('R-EN-1 / R-EN-4 recording the decision', () => {
  const reviewed = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
    state: EnforcementCaseState.REVIEWED,
    major: true,
    pendingReview: false,
    opinion: { conclusion: OpinionConclusion.AGREED, issuedOn: '2026-03-10', coveredHashes: ['h1'] },
    decidedHash: 'h1',
    decidedOn: '2026-03-11',
    today: '2026-03-12',
    caseCode: 'ZF-2026-007',
    discussion: null,
    ...over,
  });
  const meeting = { title: '2026年第5次主任办公会议', finalised: true, heldOn: '2026-03-11', record: '会议纪要：二、研究ZF-2026-007号案件，维持原拟处罚决定。' };

  it('records a decision the review agreed to, on the reviewed text', () => {
    expect(decisionViolations(reviewed())).toEqual([]);
    expect(decisionViolations(reviewed({ opinion: { conclusion: OpinionConclusion.AGREED_WITH_AMENDMENTS, issuedOn: '2026-03-10', coveredHashes: ['h1', 'h2'] }, decidedHash: 'h2' }))).toEqual([]);
  });

  it('refuses a text the advisor has not seen, a date before the opinion and a date in the future', () => {
    expect(codes(decisionViolations(reviewed({ decidedHash: 'h9' })))).toEqual(['R-EN-4:DECISION_TEXT_NOT_REVIEWED']);
    expect(codes(decisionViolations(reviewed({ decidedOn: '2026-03-09' })))).toEqual(['R-EN-4:DECIDED_BEFORE_REVIEW_CONCLUDED']);
    expect(codes(decisionViolations(reviewed({ decidedOn: '2026-03-13' })))).toEqual(['R-EN-4:DATE_IN_FUTURE']);
  });

  it('refuses a major decision without a concluded review, and any decision while a review is pending', () => {
    const investigating = reviewed({ state: EnforcementCaseState.INVESTIGATING, opinion: null });
    expect(codes(decisionViolations(investigating))).toEqual(['R-EN-1:MAJOR_DECISION_NOT_REVIEWED']);
    expect(decisionViolations({ ...investigating, major: false })).toEqual([]);
    expect(codes(decisionViolations({ ...investigating, major: false, pendingReview: true }))).toEqual(['R-EN-4:REVIEW_NOT_CONCLUDED']);
  });

  it('refuses to depart from NOT_AGREED or RETURNED without a collective discussion held on or after the opinion', () => {
    for (const conclusion of [OpinionConclusion.NOT_AGREED, OpinionConclusion.RETURNED_FOR_FURTHER_INVESTIGATION]) {
      const departing = reviewed({ opinion: { conclusion, issuedOn: '2026-03-10', coveredHashes: ['h1'] } });
      expect(codes(decisionViolations(departing))).toEqual(['R-EN-4:COLLECTIVE_DISCUSSION_MISSING']);
      expect(decisionViolations({ ...departing, discussion: { meeting, conclusion: '维持拟作出的处罚决定', reason: '当事人违法情节严重' } })).toEqual([]);
      expect(
        codes(decisionViolations({ ...departing, discussion: { meeting: { ...meeting, finalised: false, heldOn: '2026-03-09' }, conclusion: ' ', reason: '' } })),
      ).toEqual(['R-EN-4:DISCUSSION_NOT_FINALISED', 'R-EN-4:DISCUSSION_BEFORE_OPINION', 'R-EN-4:DISCUSSION_CONCLUSION_MISSING', 'R-EN-4:DISCUSSION_REASON_MISSING']);
      expect(codes(decisionViolations({ ...departing, discussion: { meeting: null, conclusion: '维持', reason: '理由' } }))).toEqual(['R-EN-4:COLLECTIVE_DISCUSSION_MISSING']);
      // a meeting whose minutes never name the case did not discuss it
      const unrelated = decisionViolations({ ...departing, discussion: { meeting: { ...meeting, record: '会议纪要：研究其他事项。' }, conclusion: '维持', reason: '理由' } });
      expect(codes(unrelated)).toEqual(['R-EN-4:DISCUSSION_CASE_NOT_RECORDED']);
      expect(unrelated[0]!.message).toContain('ZF-2026-007');
      // the decision follows the discussion
      expect(codes(decisionViolations({ ...departing, decidedOn: '2026-03-10', discussion: { meeting, conclusion: '维持', reason: '理由' } }))).toEqual([
        'R-EN-4:DECIDED_BEFORE_DISCUSSION',
      ]);
    }
  });

  it('moves only from investigation (without review) or from a concluded review', () => {
    expect(ENFORCEMENT_WORKFLOW.violations(EnforcementCaseState.REVIEWED, 'DECIDE')).toEqual([]);
    expect(codes(ENFORCEMENT_WORKFLOW.violations(EnforcementCaseState.UNDER_REVIEW, 'DECIDE'))).toEqual(['R-EN-4:INVALID_STATE']);
    expect(codes(ENFORCEMENT_WORKFLOW.violations(EnforcementCaseState.DECIDED, 'DECIDE'))).toEqual(['R-EN-4:INVALID_STATE']);
    expect(codes(ENFORCEMENT_WORKFLOW.violations(EnforcementCaseState.UNDER_REVIEW, 'SUBMIT'))).toEqual(['R-EN-2:INVALID_STATE']);
  });
});
