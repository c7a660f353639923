import { MANAGERS } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { DirectoryItemStatus, DirectoryStatus } from './directory.enums';

export type DirectoryEvent = 'ADD_DIRECTORY_ITEM' | 'UPDATE_DIRECTORY_ITEM' | 'RECORD_PARTY_APPROVAL' | 'PUBLISH_DIRECTORY' | 'ADJUST_DIRECTORY';

/**
 * The yearly directory in one table (R-DIR-1…3): it is drawn up (items added and edited, the Party
 * committee's agreement recorded) while DRAFT, published once, and from then on changes only by
 * recorded adjustments. That the agreement was recorded and the directory is not empty are data
 * guards of PUBLISH_DIRECTORY, in directory.rules.ts (`publicationViolations`).
 */
export const DIRECTORY_WORKFLOW = defineWorkflow<DirectoryStatus, DirectoryEvent>({
  name: 'directory',
  subject: '决策事项目录',
  states: {
    DRAFT: '编制中',
    PUBLISHED: '已公布',
  },
  transitions: [
    { event: 'ADD_DIRECTORY_ITEM', from: [DirectoryStatus.DRAFT], rule: 'R-DIR-3', label: '增加事项', roles: MANAGERS, mutation: 'addDirectoryItem' },
    { event: 'UPDATE_DIRECTORY_ITEM', from: [DirectoryStatus.DRAFT], rule: 'R-DIR-3', label: '修改事项', roles: MANAGERS, mutation: 'updateDirectoryItem' },
    { event: 'RECORD_PARTY_APPROVAL', from: [DirectoryStatus.DRAFT], rule: 'R-DIR-3', label: '登记党委同意', roles: MANAGERS, mutation: 'recordPartyApproval' },
    { event: 'PUBLISH_DIRECTORY', from: [DirectoryStatus.DRAFT], to: DirectoryStatus.PUBLISHED, rule: 'R-DIR-3', label: '公布目录', roles: MANAGERS, mutation: 'publishDirectory' },
    // Adding an item, withdrawing one or moving its quarter, with a reason: the item's own moves are below.
    { event: 'ADJUST_DIRECTORY', from: [DirectoryStatus.PUBLISHED], rule: 'R-DIR-3', label: '调整目录', roles: MANAGERS, mutation: 'adjustDirectory' },
  ],
});

export type DirectoryItemEvent = 'WITHDRAW_DIRECTORY_ITEM' | 'RESCHEDULE_DIRECTORY_ITEM';

/**
 * An item of a published directory (R-DIR-3): an adjustment withdraws it or moves its quarter; a
 * withdrawn item stays in the directory, visibly, and moves no more. Both are fired by
 * `adjustDirectory`, which also checks ADJUST_DIRECTORY on the directory.
 */
export const DIRECTORY_ITEM_WORKFLOW = defineWorkflow<DirectoryItemStatus, DirectoryItemEvent>({
  name: 'directoryItem',
  subject: '目录事项',
  states: {
    ACTIVE: '有效',
    WITHDRAWN: '已调出目录',
  },
  transitions: [
    { event: 'WITHDRAW_DIRECTORY_ITEM', from: [DirectoryItemStatus.ACTIVE], to: DirectoryItemStatus.WITHDRAWN, rule: 'R-DIR-3', label: '调出目录', roles: MANAGERS, mutation: 'adjustDirectory' },
    { event: 'RESCHEDULE_DIRECTORY_ITEM', from: [DirectoryItemStatus.ACTIVE], rule: 'R-DIR-3', label: '调整计划时间', roles: MANAGERS, mutation: 'adjustDirectory' },
  ],
});
