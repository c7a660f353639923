import { ALL_ROLES, MANAGERS, Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { DecisionStatus, MeetingStatus } from './deliberation.enums';

export type MeetingEvent = 'ADD_AGENDA_ITEM' | 'RECORD_POSITION' | 'RECORD_HEAD_DECISION' | 'FINALISE_MINUTES' | 'APPEND_CORRECTION';

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
    { event: 'RECORD_POSITION', from: [MeetingStatus.OPEN], rule: 'R-DEC-11', label: '记录成员表态', roles: MANAGERS, mutation: 'recordPosition' },
    {
      event: 'RECORD_HEAD_DECISION',
      from: [MeetingStatus.OPEN],
      rule: 'R-DEC-11',
      label: '作出决定',
      roles: [Role.DECISION_MAKER],
      actor: '主持会议的行政首长',
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

export type DecisionEvent = 'SIGN' | 'REPORT_TO_PARTY' | 'PUBLISH' | 'SET_EXECUTING_UNIT' | 'REPORT_EXECUTION' | 'RECORD_POST_EVALUATION' | 'SUSPEND';

const ANY_DECISION_STATE: readonly DecisionStatus[] = Object.values(DecisionStatus);

/**
 * A decision from approval to execution (R-DEC-12…16): created APPROVED by the finalised minutes,
 * signed (document number), reported to the Party committee while signed, published, executed and
 * possibly suspended. Naming the executing unit and recording a post-evaluation were never tied to
 * a state and are allowed in every one.
 */
export const DECISION_WORKFLOW = defineWorkflow<DecisionStatus, DecisionEvent>({
  name: 'decision',
  subject: '决定',
  states: {
    APPROVED: '已通过，待签发',
    SIGNED: '已签发，待公布',
    PUBLISHED: '已公布，执行中',
    SUSPENDED: '已暂停执行',
  },
  transitions: [
    { event: 'SIGN', from: [DecisionStatus.APPROVED], to: DecisionStatus.SIGNED, rule: 'R-DEC-12', label: '签发', roles: [Role.DECISION_MAKER], mutation: 'signDecision' },
    { event: 'REPORT_TO_PARTY', from: [DecisionStatus.SIGNED], rule: 'R-DEC-13', label: '登记向党委报告', roles: MANAGERS, mutation: 'recordPartyReport' },
    { event: 'PUBLISH', from: [DecisionStatus.SIGNED], to: DecisionStatus.PUBLISHED, rule: 'R-DEC-14', label: '公布', roles: MANAGERS, mutation: 'publishDecision' },
    { event: 'SET_EXECUTING_UNIT', from: ANY_DECISION_STATE, rule: 'R-DEC-16', label: '确定执行单位', roles: MANAGERS, mutation: 'setExecutingUnit' },
    { event: 'REPORT_EXECUTION', from: [DecisionStatus.PUBLISHED], rule: 'R-DEC-16', label: '报告执行情况', roles: ALL_ROLES, actor: '执行单位', mutation: 'addExecutionReport' },
    { event: 'RECORD_POST_EVALUATION', from: ANY_DECISION_STATE, rule: 'R-DEC-16', label: '登记决策后评估', roles: MANAGERS, mutation: 'recordPostEvaluation' },
    { event: 'SUSPEND', from: [DecisionStatus.PUBLISHED], to: DecisionStatus.SUSPENDED, rule: 'R-DEC-16', label: '暂停执行', roles: [Role.DECISION_MAKER], mutation: 'suspendDecision' },
  ],
});
