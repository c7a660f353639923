import { DecisionStatus, HeadDecision, MeetingStatus, MemberPositionKind as P } from '../../src/deliberation/deliberation.enums';
import { Role } from '../../src/core/roles';
import {
  alreadyOnAgendaViolations,
  headDecisionViolations,
  majorityOf,
  positionViolations,
  postEvaluationViolations,
  proposalEventOf,
  publicationOverdue,
  publicationViolations,
  quorumViolations,
  signOffViolations,
} from '../../src/deliberation/deliberation.rules';
import { TimelineEntryKind, timelineEntryKind } from '../../src/deliberation/deliberation.types';
import { DECISION_WORKFLOW, MEETING_WORKFLOW, type MeetingEvent } from '../../src/deliberation/deliberation.workflow';

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

  it('freezes finalised minutes; corrections are appended only afterwards', () => {
    const recording: MeetingEvent[] = ['ADD_AGENDA_ITEM', 'RECORD_POSITION', 'RECORD_HEAD_DECISION', 'FINALISE_MINUTES'];
    for (const e of recording) {
      expect(MEETING_WORKFLOW.violations(MeetingStatus.OPEN, e)).toEqual([]);
      expect(codes(MEETING_WORKFLOW.violations(MeetingStatus.FINALISED, e))).toEqual(['R-DEC-11:INVALID_STATE']);
    }
    expect(MEETING_WORKFLOW.next(MeetingStatus.OPEN, 'FINALISE_MINUTES')).toBe(MeetingStatus.FINALISED);
    expect(MEETING_WORKFLOW.violations(MeetingStatus.FINALISED, 'APPEND_CORRECTION')).toEqual([]);
    expect(codes(MEETING_WORKFLOW.violations(MeetingStatus.OPEN, 'APPEND_CORRECTION'))).toEqual(['R-DEC-11:INVALID_STATE']);
    expect(MEETING_WORKFLOW.violations(MeetingStatus.FINALISED, 'RECORD_POSITION')[0]!.message).toContain('追加更正');
  });

  it('puts a proposal on one undecided agenda at a time, and freezes positions once the head has decided', () => {
    expect(alreadyOnAgendaViolations(0)).toEqual([]);
    expect(codes(alreadyOnAgendaViolations(1))).toEqual(['R-DEC-11:ALREADY_ON_AGENDA']);
    expect(positionViolations({ headDecided: false })).toEqual([]);
    expect(codes(positionViolations({ headDecided: true }))).toEqual(['R-DEC-11:HEAD_ALREADY_DECIDED']);
  });

  it('moves the proposal by the head’s decision; a deferred one stays eligible', () => {
    expect(proposalEventOf(HeadDecision.APPROVE)).toBe('HEAD_APPROVE');
    expect(proposalEventOf(HeadDecision.APPROVE_WITH_CHANGES)).toBe('HEAD_APPROVE');
    expect(proposalEventOf(HeadDecision.REJECT)).toBe('HEAD_REJECT');
    expect(proposalEventOf(HeadDecision.RETURN_FOR_REVISION)).toBe('HEAD_RETURN');
    expect(proposalEventOf(HeadDecision.DEFER)).toBeNull();
  });

  it('offers the meeting’s actions by role: the head decides, managers record', () => {
    const events = (roles: Role[]) => MEETING_WORKFLOW.available(MeetingStatus.OPEN, { roles }).map((t) => t.event);
    expect(events([Role.ADMIN])).toEqual(['ADD_AGENDA_ITEM', 'RECORD_POSITION', 'FINALISE_MINUTES']);
    expect(events([Role.DECISION_MAKER])).toEqual(['ADD_AGENDA_ITEM', 'RECORD_POSITION', 'RECORD_HEAD_DECISION', 'FINALISE_MINUTES']);
    expect(events([Role.DRAFTER])).toEqual([]);
  });
});

describe('R-DEC-12…16 after approval', () => {
  it('signs only an approved decision, exactly the approved version', () => {
    expect([...DECISION_WORKFLOW.violations(DecisionStatus.APPROVED, 'SIGN'), ...signOffViolations({ approvedDraftHash: 'a', signedDraftHash: 'a' })]).toEqual([]);
    expect(codes([...DECISION_WORKFLOW.violations(DecisionStatus.SIGNED, 'SIGN'), ...signOffViolations({ approvedDraftHash: 'a', signedDraftHash: 'b' })])).toEqual([
      'R-DEC-12:INVALID_STATE',
      'R-DEC-12:VERSION_MISMATCH',
    ]);
    expect(DECISION_WORKFLOW.next(DecisionStatus.APPROVED, 'SIGN')).toBe(DecisionStatus.SIGNED);
  });

  it('takes the Party report while signed, before publication (R-DEC-13)', () => {
    expect(DECISION_WORKFLOW.violations(DecisionStatus.SIGNED, 'REPORT_TO_PARTY')).toEqual([]);
    for (const s of [DecisionStatus.APPROVED, DecisionStatus.PUBLISHED, DecisionStatus.SUSPENDED]) {
      expect(codes(DECISION_WORKFLOW.violations(s, 'REPORT_TO_PARTY'))).toEqual(['R-DEC-13:INVALID_STATE']);
    }
  });

  it('publishes after the Party report, explaining the use of opinions when of broad concern', () => {
    const publish = (status: DecisionStatus, f: Parameters<typeof publicationViolations>[0]) => [...DECISION_WORKFLOW.violations(status, 'PUBLISH'), ...publicationViolations(f)];
    expect(codes(publish(DecisionStatus.SIGNED, { partyReportedOn: null, broadConcern: true, explanation: null }))).toEqual([
      'R-DEC-13:PARTY_REPORT_MISSING',
      'R-DEC-14:OPINION_USE_MISSING',
    ]);
    expect(publish(DecisionStatus.SIGNED, { partyReportedOn: '2026-03-10', broadConcern: true, explanation: '采纳了公众意见 3 条' })).toEqual([]);
    expect(codes(publish(DecisionStatus.APPROVED, { partyReportedOn: '2026-03-10', broadConcern: false, explanation: null }))).toEqual(['R-DEC-14:INVALID_STATE']);
    expect(DECISION_WORKFLOW.next(DecisionStatus.SIGNED, 'PUBLISH')).toBe(DecisionStatus.PUBLISHED);
  });

  it('flags a signed decision unpublished past its due date (R-DEC-14)', () => {
    expect(publicationOverdue({ status: DecisionStatus.SIGNED, publicationDueOn: '2026-04-02' }, '2026-04-03')).toBe(true);
    expect(publicationOverdue({ status: DecisionStatus.SIGNED, publicationDueOn: '2026-04-02' }, '2026-04-02')).toBe(false);
    expect(publicationOverdue({ status: DecisionStatus.PUBLISHED, publicationDueOn: '2026-04-02' }, '2026-04-03')).toBe(false);
    expect(publicationOverdue({ status: DecisionStatus.APPROVED, publicationDueOn: null }, '2026-04-03')).toBe(false);
  });

  it('takes execution reports and suspends only while in execution (R-DEC-16)', () => {
    expect(DECISION_WORKFLOW.violations(DecisionStatus.PUBLISHED, 'REPORT_EXECUTION')).toEqual([]);
    expect(codes(DECISION_WORKFLOW.violations(DecisionStatus.SUSPENDED, 'REPORT_EXECUTION'))).toEqual(['R-DEC-16:INVALID_STATE']);
    expect(codes(DECISION_WORKFLOW.violations(DecisionStatus.SIGNED, 'REPORT_EXECUTION'))).toEqual(['R-DEC-16:INVALID_STATE']);
    expect(DECISION_WORKFLOW.next(DecisionStatus.PUBLISHED, 'SUSPEND')).toBe(DecisionStatus.SUSPENDED);
    expect(codes(DECISION_WORKFLOW.violations(DecisionStatus.SUSPENDED, 'SUSPEND'))).toEqual(['R-DEC-16:INVALID_STATE']);
    expect(codes(DECISION_WORKFLOW.violations(DecisionStatus.SIGNED, 'SUSPEND'))).toEqual(['R-DEC-16:INVALID_STATE']);
    // only a decision maker suspends or signs
    expect(DECISION_WORKFLOW.available(DecisionStatus.PUBLISHED, { roles: [Role.ADMIN] }).map((t) => t.event)).not.toContain('SUSPEND');
    expect(DECISION_WORKFLOW.available(DecisionStatus.PUBLISHED, { roles: [Role.DECISION_MAKER] }).map((t) => t.event)).toContain('SUSPEND');
    expect(DECISION_WORKFLOW.available(DecisionStatus.APPROVED, { roles: [Role.ADMIN] }).map((t) => t.event)).not.toContain('SIGN');
  });

  it('keeps the pre-decision risk assessor out of the post-evaluation', () => {
    expect(codes(postEvaluationViolations('综治信访 维稳中心', ['综治信访维稳中心']))).toEqual(['R-DEC-16:ASSESSOR_CONFLICT']);
    expect(postEvaluationViolations('第三方评估机构', ['综治信访维稳中心'])).toEqual([]);
  });
});

describe('timeline entries', () => {
  it('name the part of the decision record each event belongs to', () => {
    expect(timelineEntryKind('proposal.create')).toBe(TimelineEntryKind.PROPOSAL);
    expect(timelineEntryKind('proposal.draft.add')).toBe(TimelineEntryKind.PROPOSAL);
    expect(timelineEntryKind('review.opinion.issue')).toBe(TimelineEntryKind.LEGALITY_REVIEW);
    expect(timelineEntryKind('meeting.head_decision')).toBe(TimelineEntryKind.DELIBERATION);
    expect(timelineEntryKind('proposal.deliberated')).toBe(TimelineEntryKind.DELIBERATION);
    expect(timelineEntryKind('decision.sign')).toBe(TimelineEntryKind.DECISION);
    expect(timelineEntryKind('identity.user.create')).toBeNull();
  });
});
