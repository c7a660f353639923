import { dateViolations, defineDateTable, type DateFacts } from '../core/date-constraints';
import type { Violation } from '../core/errors';

/**
 * The dates of a meeting's record and of a decision after it (R-DEC-11…16), for the one date
 * mechanism (src/core/date-constraints.ts). What the package of a proposal must precede (the
 * meeting) is the proposal area's table (proposal-dates.rules.ts).
 */

/** A meeting: positions, the head's decisions and the minutes are taken on or after the meeting day. */
export type MeetingDate = 'heldOn' | 'recordedOn';

export const MEETING_DATES = defineDateTable<MeetingDate>({
  labels: {
    heldOn: '会议日期',
    recordedOn: '记录日期',
  },
  constraints: [
    {
      field: 'recordedOn',
      onOrAfter: 'heldOn',
      rule: 'R-DEC-11',
      code: 'MEETING_NOT_HELD',
      because: '会议召开之后才能记录成员表态、行政首长的决定和会议纪要',
    },
  ],
});

/** What is recorded today of a meeting held on `heldOn`. */
export function meetingDateViolations(heldOn: string, today: string): Violation[] {
  return dateViolations(MEETING_DATES, { heldOn, recordedOn: today }, { today });
}

/** A decision from the meeting that made it to its evaluation. */
export type DecisionDate = 'deliberatedOn' | 'signedOn' | 'partyReportedOn' | 'publishedOn' | 'executionReportsOn' | 'postEvaluationsOn';

const PAST = '已经发生的事实不能登记将来的日期';

export const DECISION_DATES = defineDateTable<DecisionDate>({
  labels: {
    deliberatedOn: '集体讨论决定日期',
    signedOn: '签发日期',
    partyReportedOn: '向党委报告日期',
    publishedOn: '公布日期',
    executionReportsOn: '执行情况报告日期',
    postEvaluationsOn: '决策后评估日期',
  },
  constraints: [
    { field: 'signedOn', onOrAfter: 'deliberatedOn', rule: 'R-DEC-12', because: '签发的是集体讨论通过的决定' },
    { field: 'partyReportedOn', notAfterToday: true, rule: 'R-DEC-13', because: PAST },
    { field: 'publishedOn', notAfterToday: true, rule: 'R-DEC-14', because: PAST },
    { field: 'publishedOn', onOrAfter: 'partyReportedOn', rule: 'R-DEC-13', because: '决策出台前须向同级党委报告' },
    { field: 'publishedOn', onOrAfter: 'signedOn', rule: 'R-DEC-14', because: '决定经签发后方可公布' },
    { field: 'executionReportsOn', notAfterToday: true, rule: 'R-DEC-16', because: PAST },
    { field: 'executionReportsOn', onOrAfter: 'publishedOn', requiresOther: true, rule: 'R-DEC-16', because: '决定公布后方开始执行' },
    { field: 'postEvaluationsOn', notAfterToday: true, rule: 'R-DEC-16', because: PAST },
    { field: 'postEvaluationsOn', onOrAfter: 'publishedOn', requiresOther: true, rule: 'R-DEC-16', because: '决策后评估在决定公布施行之后进行' },
  ],
});

export function decisionDateViolations(dates: DateFacts<DecisionDate>, today: string): Violation[] {
  return dateViolations(DECISION_DATES, dates, { today });
}
