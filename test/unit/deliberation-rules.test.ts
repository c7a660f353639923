import { DecisionStatus, HeadDecision, MeetingStatus, MemberPositionKind as P } from '../../src/deliberation/deliberation.enums';
import {
  finalisedViolations,
  headDecisionViolations,
  majorityOf,
  postEvaluationViolations,
  publicationViolations,
  quorumViolations,
  signOffViolations,
} from '../../src/deliberation/deliberation.rules';

const codes = (v: { rule: string; code: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

describe('R-DEC-11 deliberation', () => {
  it('needs more than half of the members present (config share)', () => {
    expect(codes(quorumViolations(3, 6, 0.5))).toEqual(['R-DEC-11:NO_QUORUM']);
    expect(quorumViolations(4, 6, 0.5)).toEqual([]);
    expect(quorumViolations(4, 7, 0.5)).toEqual([]);
    expect(codes(quorumViolations(4, 6, 2 / 3))).toEqual(['R-DEC-11:NO_QUORUM']);
    expect(codes(quorumViolations(0, 0, 0.5))).toEqual(['R-DEC-11:NO_QUORUM']);
  });

  it('counts conditional support as support and abstentions for neither side', () => {
    expect(majorityOf([P.SUPPORT, P.CONDITIONAL, P.OPPOSE])).toBe('SUPPORT');
    expect(majorityOf([P.OPPOSE, P.ABSTAIN, P.ABSTAIN, P.SUPPORT, P.OPPOSE])).toBe('OPPOSE');
    expect(majorityOf([P.ABSTAIN, P.SUPPORT, P.OPPOSE])).toBe('NONE');
  });

  it('makes the head speak last and explain a departure from the majority', () => {
    expect(codes(headDecisionViolations({ presentOthers: 3, positions: [P.SUPPORT], decision: HeadDecision.APPROVE, reason: null }))).toEqual([
      'R-DEC-11:HEAD_NOT_LAST',
    ]);
    const opposed = [P.OPPOSE, P.OPPOSE, P.SUPPORT];
    expect(codes(headDecisionViolations({ presentOthers: 3, positions: opposed, decision: HeadDecision.APPROVE_WITH_CHANGES, reason: ' ' }))).toEqual([
      'R-DEC-11:DEPARTURE_REASON_REQUIRED',
    ]);
    expect(headDecisionViolations({ presentOthers: 3, positions: opposed, decision: HeadDecision.APPROVE, reason: '理由' })).toEqual([]);
    expect(headDecisionViolations({ presentOthers: 3, positions: opposed, decision: HeadDecision.REJECT, reason: null })).toEqual([]);
    expect(codes(headDecisionViolations({ presentOthers: 2, positions: [P.SUPPORT, P.SUPPORT], decision: HeadDecision.REJECT, reason: null }))).toEqual([
      'R-DEC-11:DEPARTURE_REASON_REQUIRED',
    ]);
    expect(headDecisionViolations({ presentOthers: 2, positions: [P.SUPPORT, P.SUPPORT], decision: HeadDecision.DEFER, reason: null })).toEqual([]);
  });

  it('freezes finalised minutes', () => {
    expect(finalisedViolations(MeetingStatus.OPEN)).toEqual([]);
    expect(codes(finalisedViolations(MeetingStatus.FINALISED))).toEqual(['R-DEC-11:MINUTES_FINALISED']);
  });
});

describe('R-DEC-12…16 after approval', () => {
  it('signs only an approved decision, exactly the approved version', () => {
    expect(signOffViolations({ status: DecisionStatus.APPROVED, approvedDraftHash: 'a', signedDraftHash: 'a' })).toEqual([]);
    expect(codes(signOffViolations({ status: DecisionStatus.SIGNED, approvedDraftHash: 'a', signedDraftHash: 'b' }))).toEqual([
      'R-DEC-12:NOT_APPROVED',
      'R-DEC-12:VERSION_MISMATCH',
    ]);
  });

  it('publishes after the Party report, explaining the use of opinions when of broad concern', () => {
    expect(codes(publicationViolations({ status: DecisionStatus.SIGNED, partyReportedOn: null, broadConcern: true, explanation: null }))).toEqual([
      'R-DEC-13:PARTY_REPORT_MISSING',
      'R-DEC-14:OPINION_USE_MISSING',
    ]);
    expect(publicationViolations({ status: DecisionStatus.SIGNED, partyReportedOn: '2026-03-10', broadConcern: true, explanation: '采纳了公众意见 3 条' })).toEqual([]);
    expect(codes(publicationViolations({ status: DecisionStatus.APPROVED, partyReportedOn: '2026-03-10', broadConcern: false, explanation: null }))).toEqual([
      'R-DEC-14:NOT_SIGNED',
    ]);
  });

  it('keeps the pre-decision risk assessor out of the post-evaluation', () => {
    expect(codes(postEvaluationViolations('综治信访 维稳中心', ['综治信访维稳中心']))).toEqual(['R-DEC-16:ASSESSOR_CONFLICT']);
    expect(postEvaluationViolations('第三方评估机构', ['综治信访维稳中心'])).toEqual([]);
  });
});
