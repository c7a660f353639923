import { registerEnumType } from 'type-graphql';

/**
 * What an audit event is about (审计对象类型): a closed set, one value per kind of record whose
 * changes are audited. The stored value is the record's type name; a new kind of record is added
 * here first (the compiler refuses any other `subjectType` in `AuditService.record`).
 */
export enum AuditSubjectType {
  DEPARTMENT = 'Department',
  USER = 'User',
  DECISION_DIRECTORY = 'DecisionDirectory',
  DECISION_PROPOSAL = 'DecisionProposal',
  REVIEW_REQUEST = 'ReviewRequest',
  CONTRACT = 'Contract',
  MEETING = 'Meeting',
  NORMATIVE_DOCUMENT = 'NormativeDocument',
  CLEANUP_CAMPAIGN = 'CleanupCampaign',
}

/** The stored names, as string literals (what `AuditService.record` takes). */
export type AuditSubject = `${AuditSubjectType}`;

registerEnumType(AuditSubjectType, {
  name: 'AuditSubjectType',
  description: 'Kind of audited record (审计对象类型)',
  valuesConfig: {
    DEPARTMENT: { description: '部门' },
    USER: { description: '用户' },
    DECISION_DIRECTORY: { description: '决策事项目录' },
    DECISION_PROPOSAL: { description: '决策建议' },
    REVIEW_REQUEST: { description: '合法性审查' },
    CONTRACT: { description: '合同' },
    MEETING: { description: '集体讨论会议' },
    NORMATIVE_DOCUMENT: { description: '规范性文件' },
    CLEANUP_CAMPAIGN: { description: '文件清理' },
  },
});
