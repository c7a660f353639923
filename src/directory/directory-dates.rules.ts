import { dateViolations, defineDateTable, type DateFacts } from '../core/date-constraints';
import type { Violation } from '../core/errors';

/** The dates of a decision directory and how they relate (R-DIR-3), for the one date mechanism (src/core/date-constraints.ts). */
export type DirectoryDate = 'partyApprovedOn' | 'publishedOn';

export const DIRECTORY_DATES = defineDateTable<DirectoryDate>({
  labels: {
    partyApprovedOn: '党委同意日期',
    publishedOn: '目录公布日期',
  },
  constraints: [
    { field: 'partyApprovedOn', notAfterToday: true, rule: 'R-DIR-3', because: '党委同意是已经发生的事实，不能登记将来的日期' },
    { field: 'publishedOn', notAfterToday: true, rule: 'R-DIR-3', because: '目录公布是已经发生的事实，不能登记将来的日期' },
    { field: 'publishedOn', onOrAfter: 'partyApprovedOn', rule: 'R-DIR-3', because: '目录经同级党委同意后方可公布' },
  ],
});

/** Every broken date constraint of a directory, its dates as they will be after the change. */
export function directoryDateViolations(dates: DateFacts<DirectoryDate>, today: string): Violation[] {
  return dateViolations(DIRECTORY_DATES, dates, { today });
}
