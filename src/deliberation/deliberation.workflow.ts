import { ALL_ROLES, MANAGERS, Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { DecisionStatus, MeetingStatus } from './deliberation.enums';

export type MeetingEvent = 'ADD_AGENDA_ITEM' | 'DELEGATE_CHAIR' | 'RECORD_POSITION' | 'RECORD_HEAD_DECISION' | 'FINALISE_MINUTES' | 'APPEND_CORRECTION';

/**
 * The record of a meeting (R-DEC-11): agenda, positions and the head's decisions are recorded while
 * it is OPEN; finalising the minutes freezes it (the database refuses changes too) and corrections
 * are appended afterwards, never overwriting. Guards that need data (quorum, blockers, the head
 * speaking last) are pure functions in deliberation.rules.ts.
 */
export const MEETING_WORKFLOW = defineWorkflow<MeetingStatus, MeetingEvent>({
  name: 'meeting',
  subject: '会议',
  states: {
    OPEN: '记录中',
    FINALISED: '纪要已定稿（不可修改，更正请追加更正记录）',
  },
  transitions: [
    { event: 'ADD_AGENDA_ITEM', from: [MeetingStatus.OPEN], rule: 'R-DEC-11', label: '列入议题', roles: MANAGERS, mutation: 'addAgendaItem' },
    { event: 'DELEGATE_CHAIR', from: [MeetingStatus.OPEN], rule: 'R-DEC-11', label: '登记委托副职主持', roles: MANAGERS, mutation: 'delegateMeetingChair' },
    { event: 'RECORD_POSITION', from: [MeetingStatus.OPEN], rule: 'R-DEC-11', label: '记录成员表态', roles: MANAGERS, mutation: 'recordPosition' },
    {
      event: 'RECORD_HEAD_DECISION',
      from: [MeetingStatus.OPEN],
      rule: 'R-DEC-11',
      label: '作出决定',
      roles: [Role.DECISION_MAKER],
      actor: '主持会议的行政首长（或受委托的副职）',
      mutation: 'recordHeadDecision',
    },
    {
      event: 'FINALISE_MINUTES',
      from: [MeetingStatus.OPEN],
      to: MeetingStatus.FINALISED,
      rule: 'R-DEC-11',
      label: '定稿纪要',
      roles: MANAGERS,
      actor: '会议主持人（或管理员）',
      mutation: 'finaliseMeeting',
    },
    { event: 'APPEND_CORRECTION', from: [MeetingStatus.FINALISED], rule: 'R-DEC-11', label: '追加纪要更正', roles: MANAGERS, mutation: 'appendMeetingCorrection' },
  ],
});

export type DecisionEvent =
  | 'RECORD_AMENDED_TEXT'
  | 'CONFIRM_AMENDED_TEXT_LEGALLY'
  | 'CONFIRM_AMENDED_TEXT'
  | 'RETURN_AMENDED_TEXT'
  | 'SIGN'
  | 'REPORT_TO_PARTY'
  | 'PUBLISH'
  | 'SET_EXECUTING_UNIT'
  | 'REPORT_EXECUTION'
  | 'RECORD_POST_EVALUATION'
  | 'SUSPEND';

const ANY_DECISION_STATE: readonly DecisionStatus[] = Object.values(DecisionStatus);

/**
 * A decision from approval to execution (R-DEC-12…16): created APPROVED by the finalised minutes —
 * or, after an approval with changes, AMENDMENT_REQUIRED: the sponsor submits the amended text, the
 * legal advisor confirms it when it touches the opinion (R-DEC-9), and the meeting's chair confirms
 * it matches the decision (or either returns it), which makes it the version to sign. Then signed
 * (document number), reported to the Party committee while signed, published, executed and possibly
 * suspended. Naming the executing unit and recording a post-evaluation were never tied to a state
 * and are allowed in every one.
 */
export const DECISION_WORKFLOW = defineWorkflow<DecisionStatus, DecisionEvent>({
  name: 'decision',
  subject: '决定',
  states: {
    AMENDMENT_REQUIRED: '原则通过，待提交修改稿',
    AMENDMENT_SUBMITTED: '修改稿待确认',
    APPROVED: '已通过，待签发',
    SIGNED: '已签发，待公布',
    PUBLISHED: '已公布，执行中',
    SUSPENDED: '已暂停执行',
  },
  transitions: [
    {
      event: 'RECORD_AMENDED_TEXT',
      from: [DecisionStatus.AMENDMENT_REQUIRED],
      to: DecisionStatus.AMENDMENT_SUBMITTED,
      rule: 'R-DEC-12',
      label: '提交修改稿',
      roles: [Role.DRAFTER],
      actor: '承办部门',
      mutation: 'recordAmendedText',
    },
    {
      event: 'CONFIRM_AMENDED_TEXT_LEGALLY',
      from: [DecisionStatus.AMENDMENT_SUBMITTED],
      rule: 'R-DEC-9',
      label: '法律顾问确认修改稿',
      roles: [Role.LEGAL_ADVISOR],
      actor: '承办法律顾问',
      mutation: 'confirmAmendedTextLegally',
    },
    {
      event: 'CONFIRM_AMENDED_TEXT',
      from: [DecisionStatus.AMENDMENT_SUBMITTED],
      to: DecisionStatus.APPROVED,
      rule: 'R-DEC-12',
      label: '确认修改稿与会议决定一致',
      roles: [Role.DECISION_MAKER],
      actor: '会议主持人',
      mutation: 'confirmAmendedText',
    },
    {
      event: 'RETURN_AMENDED_TEXT',
      from: [DecisionStatus.AMENDMENT_SUBMITTED],
      to: DecisionStatus.AMENDMENT_REQUIRED,
      rule: 'R-DEC-12',
      label: '退回修改稿',
      roles: [Role.DECISION_MAKER, Role.LEGAL_ADVISOR],
      actor: '会议主持人或承办法律顾问',
      mutation: 'returnAmendedText',
    },
    { event: 'SIGN', from: [DecisionStatus.APPROVED], to: DecisionStatus.SIGNED, rule: 'R-DEC-12', label: '签发', roles: [Role.DECISION_MAKER], mutation: 'signDecision' },
    { event: 'REPORT_TO_PARTY', from: [DecisionStatus.SIGNED], rule: 'R-DEC-13', label: '登记向党委报告', roles: MANAGERS, mutation: 'recordPartyReport' },
    { event: 'PUBLISH', from: [DecisionStatus.SIGNED], to: DecisionStatus.PUBLISHED, rule: 'R-DEC-14', label: '公布', roles: MANAGERS, mutation: 'publishDecision' },
    { event: 'SET_EXECUTING_UNIT', from: ANY_DECISION_STATE, rule: 'R-DEC-16', label: '确定执行单位', roles: MANAGERS, mutation: 'setExecutingUnit' },
    { event: 'REPORT_EXECUTION', from: [DecisionStatus.PUBLISHED], rule: 'R-DEC-16', label: '报告执行情况', roles: ALL_ROLES, actor: '执行单位', mutation: 'addExecutionReport' },
    { event: 'RECORD_POST_EVALUATION', from: ANY_DECISION_STATE, rule: 'R-DEC-16', label: '登记决策后评估', roles: MANAGERS, mutation: 'recordPostEvaluation' },
    { event: 'SUSPEND', from: [DecisionStatus.PUBLISHED], to: DecisionStatus.SUSPENDED, rule: 'R-DEC-16', label: '暂停执行', roles: [Role.DECISION_MAKER], mutation: 'suspendDecision' },
  ],
});

// ------------------------------------------------------------------ standing bodies (R-DEC-11)

export type BodyState = 'STANDING';
export type BodyEvent = 'UPDATE_BODY' | 'ADD_BODY_MEMBER' | 'SET_BODY_HEAD';

/**
 * A standing deliberating body is kept by administrators: renamed, members added, the head set. It
 * has one state; its members' periods have their own table below.
 */
export const BODY_WORKFLOW = defineWorkflow<BodyState, BodyEvent>({
  name: 'standing-body',
  subject: '议事机构',
  states: { STANDING: '常设' },
  transitions: [
    { event: 'UPDATE_BODY', from: ['STANDING'], rule: 'R-DEC-11', label: '修改机构名称', roles: [Role.ADMIN], mutation: 'updateStandingBody' },
    { event: 'ADD_BODY_MEMBER', from: ['STANDING'], rule: 'R-DEC-11', label: '增补成员', roles: [Role.ADMIN], mutation: 'addBodyMember' },
    { event: 'SET_BODY_HEAD', from: ['STANDING'], rule: 'R-DEC-11', label: '设定主要负责人', roles: [Role.ADMIN], mutation: 'setBodyHead' },
  ],
});

export type MembershipState = 'CURRENT' | 'ENDED';
export type MembershipEvent = 'END_BODY_MEMBERSHIP';

/** A period of membership: current until its end is recorded, then kept as history. */
export const MEMBERSHIP_WORKFLOW = defineWorkflow<MembershipState, MembershipEvent>({
  name: 'body-membership',
  subject: '成员任期',
  states: { CURRENT: '在任（未登记结束）', ENDED: '已结束' },
  transitions: [
    { event: 'END_BODY_MEMBERSHIP', from: ['CURRENT'], to: 'ENDED', rule: 'R-DEC-11', label: '结束任期', roles: [Role.ADMIN], mutation: 'endBodyMembership' },
  ],
});

/** The state of a membership period: its end recorded or not. */
export const membershipState = (m: { endedOn?: string | null }): MembershipState => (m.endedOn ? 'ENDED' : 'CURRENT');
