import type { Violation } from '../core/errors';
import { CATEGORY_LABELS, DecisionCategory, DirectoryStatus, EXCLUDED_CATEGORIES } from './directory.enums';

/**
 * Pure rules of the decision directory (R-DIR-1…4). Which state allows what is the workflow table's
 * (directory.workflow.ts); these are the guards that need data.
 */

export function categoryViolations(category: DecisionCategory): Violation[] {
  if (!EXCLUDED_CATEGORIES.has(category)) return [];
  return [
    {
      rule: 'R-DIR-2',
      code: 'EXCLUDED_CATEGORY',
      message: `「${CATEGORY_LABELS[category]}」不属于重大行政决策程序的适用范围，不能纳入目录 (R-DIR-2)`,
    },
  ];
}

/** R-DIR-3, R-DIR-1: besides being a draft, a directory is published after the Party agreed, with items. */
export function publicationViolations(d: { partyApprovedAt: string | null; activeItems: number }): Violation[] {
  const v: Violation[] = [];
  if (!d.partyApprovedAt) {
    v.push({ rule: 'R-DIR-3', code: 'PARTY_APPROVAL_MISSING', message: '目录公布前须经同级党委同意，请先登记党委同意日期 (R-DIR-3)' });
  }
  if (d.activeItems === 0) v.push({ rule: 'R-DIR-1', code: 'DIRECTORY_EMPTY', message: '目录中没有事项，不能公布 (R-DIR-1)' });
  return v;
}

/** R-DIR-1: one directory a year. */
export function yearViolations(year: number, existing: number): Violation[] {
  if (existing === 0) return [];
  return [{ rule: 'R-DIR-1', code: 'DIRECTORY_EXISTS', message: `${year} 年度目录已存在，每年只编制一个目录 (R-DIR-1)` }];
}

/**
 * R-DIR-4: only an active item of a published directory admits a proposal — of the item's year and
 * sponsor, and one proposal per item.
 */
export function inclusionViolations(
  item: { directoryStatus: DirectoryStatus; itemActive: boolean; directoryYear: number; sponsorDepartmentId: string; takenByAnother: boolean },
  proposal: { year: number; sponsorDepartmentId: string },
): Violation[] {
  const proposalYear = proposal.year;
  const v: Violation[] = [];
  if (item.sponsorDepartmentId !== proposal.sponsorDepartmentId) {
    v.push({ rule: 'R-DIR-4', code: 'SPONSOR_MISMATCH', message: '目录事项的承办部门与决策建议的承办部门不一致 (R-DIR-4)' });
  }
  if (item.takenByAnother) v.push({ rule: 'R-DIR-4', code: 'ITEM_TAKEN', message: '该目录事项已关联其他决策建议 (R-DIR-4)' });
  if (item.directoryStatus !== DirectoryStatus.PUBLISHED) {
    v.push({ rule: 'R-DIR-4', code: 'DIRECTORY_NOT_PUBLISHED', message: '只能纳入已公布目录中的事项 (R-DIR-4)' });
  }
  if (!item.itemActive) v.push({ rule: 'R-DIR-4', code: 'ITEM_WITHDRAWN', message: '该目录事项已被调出目录 (R-DIR-4)' });
  if (item.directoryYear !== proposalYear) {
    v.push({ rule: 'R-DIR-4', code: 'YEAR_MISMATCH', message: `决策建议属于 ${proposalYear} 年，不能纳入 ${item.directoryYear} 年目录 (R-DIR-4)` });
  }
  return v;
}
