import { AmendmentStatus, BodyRole, DecisionStatus, HeadDecision, MeetingStatus, MemberPositionKind as P } from '../../src/deliberation/deliberation.enums';
import { Role } from '../../src/core/roles';
import {
  advisorConfirmationViolations,
  amendedTextViolations,
  amendmentStatusOf,
  chairConfirmationViolations,
  delegationViolations,
  headChangeViolations,
  legalConfirmationNeed,
  membershipEndViolations,
  membershipStartViolations,
  rollViolations,
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
/** A present chair, no stated changes. */
const head = { chairPresent: true, requiredChanges: null };
const member = { name: '王副主任', present: true, isChair: false };

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
    expect(codes(headDecisionViolations({ ...head, presentOthers: 3, positions: [P.SUPPORT], decision: HeadDecision.APPROVE, reason: null }))).toEqual([
      'R-DEC-11:HEAD_NOT_LAST',
    ]);
    const opposed = [P.OPPOSE, P.OPPOSE, P.SUPPORT];
    expect(codes(headDecisionViolations({ ...head, presentOthers: 3, positions: opposed, decision: HeadDecision.APPROVE_WITH_CHANGES, reason: ' ', requiredChanges: '第三条修改' }))).toEqual([
      'R-DEC-11:DEPARTURE_REASON_REQUIRED',
    ]);
    expect(headDecisionViolations({ ...head, presentOthers: 3, positions: opposed, decision: HeadDecision.APPROVE, reason: '理由' })).toEqual([]);
    expect(headDecisionViolations({ ...head, presentOthers: 3, positions: opposed, decision: HeadDecision.REJECT, reason: null })).toEqual([]);
    expect(codes(headDecisionViolations({ ...head, presentOthers: 2, positions: [P.SUPPORT, P.SUPPORT], decision: HeadDecision.REJECT, reason: null }))).toEqual([
      'R-DEC-11:DEPARTURE_REASON_REQUIRED',
    ]);
  });

  it('asks a reason for deferring or returning a proposal the majority supports', () => {
    for (const decision of [HeadDecision.DEFER, HeadDecision.RETURN_FOR_REVISION]) {
      expect(codes(headDecisionViolations({ ...head, presentOthers: 2, positions: [P.SUPPORT, P.SUPPORT], decision, reason: null }))).toEqual([
        'R-DEC-11:DEPARTURE_REASON_REQUIRED',
      ]);
      expect(headDecisionViolations({ ...head, presentOthers: 2, positions: [P.SUPPORT, P.SUPPORT], decision, reason: '待补充调研' })).toEqual([]);
      expect(headDecisionViolations({ ...head, presentOthers: 2, positions: [P.OPPOSE, P.OPPOSE], decision, reason: null })).toEqual([]);
    }
  });

  it('freezes finalised minutes; corrections are appended only afterwards', () => {
    const recording: MeetingEvent[] = ['ADD_AGENDA_ITEM', 'DELEGATE_CHAIR', 'RECORD_POSITION', 'RECORD_HEAD_DECISION', 'FINALISE_MINUTES'];
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
    expect(positionViolations({ headDecided: false, member, position: P.SUPPORT, condition: null })).toEqual([]);
    expect(codes(positionViolations({ headDecided: true, member, position: P.SUPPORT, condition: null }))).toEqual(['R-DEC-11:HEAD_ALREADY_DECIDED']);
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
    expect(events([Role.ADMIN])).toEqual(['ADD_AGENDA_ITEM', 'DELEGATE_CHAIR', 'RECORD_POSITION', 'FINALISE_MINUTES']);
    expect(events([Role.DECISION_MAKER])).toEqual(['ADD_AGENDA_ITEM', 'DELEGATE_CHAIR', 'RECORD_POSITION', 'RECORD_HEAD_DECISION', 'FINALISE_MINUTES']);
    expect(events([Role.DRAFTER])).toEqual([]);
  });
});

describe('R-DEC-12…16 after approval', () => {
  it('signs only an approved decision, exactly the approved version', () => {
    const approved = { approvedDraftNumber: 2, approvedDraftHash: 'a', amendedDraftNumber: null, amendedDraftHash: null };
    expect([...DECISION_WORKFLOW.violations(DecisionStatus.APPROVED, 'SIGN'), ...signOffViolations({ ...approved, signedDraftHash: 'a' })]).toEqual([]);
    expect(codes([...DECISION_WORKFLOW.violations(DecisionStatus.SIGNED, 'SIGN'), ...signOffViolations({ ...approved, signedDraftHash: 'b' })])).toEqual([
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

describe('R-DEC-11 standing bodies, the roll, the chair and the positions', () => {
  const roll = [
    { userId: 'h', name: '刘主任', role: BodyRole.HEAD },
    { userId: 'd', name: '王副主任', role: BodyRole.DEPUTY },
    { userId: 'm', name: '吴委员', role: BodyRole.MEMBER },
  ];
  const base = { bodyName: '主任办公会议', heldOn: '2026-03-05', roll, absences: [], delegation: null };

  it('takes the roll from the body on the date: members and a head needed, absences named with reasons', () => {
    expect(rollViolations(base)).toEqual([]);
    expect(codes(rollViolations({ ...base, roll: [] }))).toEqual(['R-DEC-11:NO_MEMBERS']);
    expect(codes(rollViolations({ ...base, roll: roll.slice(1) }))).toEqual(['R-DEC-11:NO_HEAD']);
    expect(codes(rollViolations({ ...base, absences: [{ userId: 'x', reason: '出差' }] }))).toEqual(['R-DEC-11:NOT_ON_ROLL']);
    expect(codes(rollViolations({ ...base, absences: [{ userId: 'm', reason: ' ' }] }))).toEqual(['R-DEC-11:ABSENCE_REASON_REQUIRED']);
    expect(rollViolations({ ...base, absences: [{ userId: 'h', reason: '出差' }], delegation: { deputyId: 'd', note: '书面委托' } })).toEqual([]);
  });

  it('lets only a present deputy chair by a recorded delegation, before anything is decided', () => {
    expect(codes(rollViolations({ ...base, delegation: { deputyId: 'm', note: '委托' } }))).toEqual(['R-DEC-11:DELEGATE_NOT_DEPUTY']);
    expect(codes(rollViolations({ ...base, absences: [{ userId: 'd', reason: '病假' }], delegation: { deputyId: 'd', note: '委托' } }))).toEqual([
      'R-DEC-11:DELEGATE_ABSENT',
    ]);
    expect(codes(delegationViolations({ deputy: roll[1]!, deputyPresent: true, note: '', anyDecided: true }))).toEqual([
      'R-DEC-11:ALREADY_DECIDING',
      'R-DEC-11:DELEGATION_NOTE_REQUIRED',
    ]);
  });

  it('lets only a present chair decide', () => {
    expect(codes(headDecisionViolations({ ...head, chairPresent: false, presentOthers: 1, positions: [P.SUPPORT], decision: HeadDecision.APPROVE, reason: null }))).toEqual([
      'R-DEC-11:CHAIR_ABSENT',
    ]);
  });

  it('makes an approval with changes state them, and only it', () => {
    const f = { ...head, presentOthers: 1, positions: [P.SUPPORT], reason: null };
    expect(codes(headDecisionViolations({ ...f, decision: HeadDecision.APPROVE_WITH_CHANGES, requiredChanges: ' ' }))).toEqual(['R-DEC-11:CHANGES_REQUIRED']);
    expect(headDecisionViolations({ ...f, decision: HeadDecision.APPROVE_WITH_CHANGES, requiredChanges: '第三条删去' })).toEqual([]);
    const v = headDecisionViolations({ ...f, decision: HeadDecision.APPROVE, requiredChanges: '第三条删去' });
    expect(codes(v)).toEqual(['R-DEC-11:CHANGES_WITHOUT_APPROVAL_WITH_CHANGES']);
    expect(v[0]!.message).toContain('原则同意，按意见修改');
  });

  it('records positions of present members on the roll only, the chair speaking by deciding; a conditional support states its condition', () => {
    const ok = { headDecided: false, member, position: P.SUPPORT, condition: null };
    expect(codes(positionViolations({ ...ok, member: null }))).toEqual(['R-DEC-11:NOT_ON_ROLL']);
    expect(codes(positionViolations({ ...ok, member: { ...member, present: false } }))).toEqual(['R-DEC-11:MEMBER_ABSENT']);
    expect(codes(positionViolations({ ...ok, member: { ...member, isChair: true } }))).toEqual(['R-DEC-11:CHAIR_DECIDES']);
    expect(codes(positionViolations({ ...ok, position: P.CONDITIONAL }))).toEqual(['R-DEC-11:CONDITION_REQUIRED']);
    expect(positionViolations({ ...ok, position: P.CONDITIONAL, condition: '资金来源落实后实施' })).toEqual([]);
    expect(codes(positionViolations({ ...ok, condition: '资金来源落实后实施' }))).toEqual(['R-DEC-11:CONDITION_WITHOUT_CONDITIONAL']);
  });

  it('keeps membership periods apart and never rewrites the roll of a meeting held', () => {
    const start = { name: '王副主任', startedOn: '2026-04-01', openSince: null, lastEndedOn: null, lastMeetingOn: '2026-03-05' };
    expect(membershipStartViolations(start)).toEqual([]);
    expect(codes(membershipStartViolations({ ...start, openSince: '2021-09-28' }))).toEqual(['R-DEC-11:ALREADY_MEMBER']);
    expect(codes(membershipStartViolations({ ...start, lastEndedOn: '2026-04-01' }))).toEqual(['R-DEC-11:PERIODS_OVERLAP']);
    expect(codes(membershipStartViolations({ ...start, startedOn: '2026-03-05' }))).toEqual(['R-DEC-11:ROLL_ALREADY_TAKEN']);
    const end = { name: '王副主任', startedOn: '2021-09-28', endedOn: '2026-03-05', alreadyEndedOn: null, headAfterEnd: false, lastMeetingOn: '2026-03-05' };
    expect(membershipEndViolations(end)).toEqual([]);
    expect(codes(membershipEndViolations({ ...end, endedOn: '2026-03-04' }))).toEqual(['R-DEC-11:ROLL_ALREADY_TAKEN']);
    expect(codes(membershipEndViolations({ ...end, endedOn: '2021-01-01', lastMeetingOn: null }))).toEqual(['R-DEC-11:END_BEFORE_START']);
    expect(codes(membershipEndViolations({ ...end, headAfterEnd: true }))).toEqual(['R-DEC-11:HEAD_REMAINS_MEMBER']);
    expect(codes(membershipEndViolations({ ...end, alreadyEndedOn: '2025-12-31' }))).toEqual(['R-DEC-11:ALREADY_ENDED']);
  });

  it('makes the head a current member who follows the previous head', () => {
    const f = { name: '王副主任', startedOn: '2026-04-01', memberOnStart: true, current: { sameUser: false, startedOn: '2021-09-28' }, lastMeetingOn: '2026-03-05' };
    expect(headChangeViolations(f)).toEqual([]);
    expect(codes(headChangeViolations({ ...f, memberOnStart: false }))).toEqual(['R-DEC-11:HEAD_NOT_MEMBER']);
    expect(codes(headChangeViolations({ ...f, current: { sameUser: true, startedOn: '2021-09-28' } }))).toEqual(['R-DEC-11:ALREADY_HEAD']);
    expect(codes(headChangeViolations({ ...f, startedOn: '2021-09-28', lastMeetingOn: null }))).toEqual(['R-DEC-11:HEAD_ORDER']);
    expect(codes(headChangeViolations({ ...f, startedOn: '2026-03-01' }))).toEqual(['R-DEC-11:ROLL_ALREADY_TAKEN']);
  });
});

describe('R-DEC-12 / R-DEC-9 approve with changes, to sign-off', () => {
  const findings = [
    { id: 'f1', seq: 1, mustFix: false },
    { id: 'f2', seq: 2, mustFix: false },
  ];

  it('asks the legal advisor when the sponsor names findings, or whenever the opinion has must-fix findings', () => {
    expect(legalConfirmationNeed(null, [])).toEqual({ required: false, basis: null });
    expect(legalConfirmationNeed(findings, [])).toEqual({ required: false, basis: null });
    expect(legalConfirmationNeed(findings, ['f2'])).toEqual({ required: true, basis: '承办部门说明修改涉及法律意见第 2 条' });
    const mustFix = [{ id: 'f1', seq: 1, mustFix: true }, findings[1]!];
    expect(legalConfirmationNeed(mustFix, [])).toEqual({ required: true, basis: '现行法律意见有必须修改的意见（第 1 条）' });
  });

  it('takes an amended text that differs from the deliberated one, naming only the opinion’s findings', () => {
    expect(amendedTextViolations({ deliberatedHash: 'a', amendedHash: 'b', findings, declaredIds: ['f1'] })).toEqual([]);
    expect(codes(amendedTextViolations({ deliberatedHash: 'a', amendedHash: 'a', findings, declaredIds: ['zz'] }))).toEqual([
      'R-DEC-12:AMENDMENT_UNCHANGED',
      'R-DEC-9:UNKNOWN_FINDING',
    ]);
  });

  it('has the chair confirm after the legal advisor when the advisor is asked', () => {
    expect(chairConfirmationViolations({ legalRequired: false, legalBasis: null, advisorConfirmed: false })).toEqual([]);
    expect(codes(chairConfirmationViolations({ legalRequired: true, legalBasis: 'x', advisorConfirmed: false }))).toEqual(['R-DEC-9:LEGAL_CONFIRMATION_PENDING']);
    expect(chairConfirmationViolations({ legalRequired: true, legalBasis: 'x', advisorConfirmed: true })).toEqual([]);
    expect(codes(advisorConfirmationViolations({ advisorConfirmed: true }))).toEqual(['R-DEC-9:ALREADY_CONFIRMED']);
  });

  it('signs exactly the confirmed amended text, never the deliberated one', () => {
    const amended = { approvedDraftNumber: 2, approvedDraftHash: 'a', amendedDraftNumber: 3, amendedDraftHash: 'c' };
    expect(signOffViolations({ ...amended, signedDraftHash: 'c' })).toEqual([]);
    const v = signOffViolations({ ...amended, signedDraftHash: 'a' });
    expect(codes(v)).toEqual(['R-DEC-12:VERSION_MISMATCH']);
    expect(v[0]!.message).toContain('第 3 稿');
  });

  it('waits for the amended text and its confirmation before sign-off', () => {
    expect(DECISION_WORKFLOW.next(DecisionStatus.AMENDMENT_REQUIRED, 'RECORD_AMENDED_TEXT')).toBe(DecisionStatus.AMENDMENT_SUBMITTED);
    expect(DECISION_WORKFLOW.next(DecisionStatus.AMENDMENT_SUBMITTED, 'CONFIRM_AMENDED_TEXT_LEGALLY')).toBe(DecisionStatus.AMENDMENT_SUBMITTED);
    expect(DECISION_WORKFLOW.next(DecisionStatus.AMENDMENT_SUBMITTED, 'CONFIRM_AMENDED_TEXT')).toBe(DecisionStatus.APPROVED);
    expect(DECISION_WORKFLOW.next(DecisionStatus.AMENDMENT_SUBMITTED, 'RETURN_AMENDED_TEXT')).toBe(DecisionStatus.AMENDMENT_REQUIRED);
    for (const s of [DecisionStatus.AMENDMENT_REQUIRED, DecisionStatus.AMENDMENT_SUBMITTED]) {
      expect(codes(DECISION_WORKFLOW.violations(s, 'SIGN'))).toEqual(['R-DEC-12:INVALID_STATE']);
    }
    expect(amendmentStatusOf({})).toBe(AmendmentStatus.SUBMITTED);
    expect(amendmentStatusOf({ chairConfirmedAt: new Date() })).toBe(AmendmentStatus.CONFIRMED);
    expect(amendmentStatusOf({ returnedAt: new Date() })).toBe(AmendmentStatus.RETURNED);
  });
});
