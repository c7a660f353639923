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
  STANDING_BODY = 'StandingBody',
  NORMATIVE_DOCUMENT = 'NormativeDocument',
  CLEANUP_CAMPAIGN = 'CleanupCampaign',
  ENFORCEMENT_CASE = 'EnforcementCase',
  LEGAL_CONSULTATION = 'LegalConsultation',
  DISPUTE_MEDIATION = 'DisputeMediation',
  ADMINISTRATIVE_CASE = 'AdministrativeCase',
  PUBLICITY_EVENT = 'PublicityEvent',
  /** A year of holiday data; its subject id is the year (e.g. "2027"). */
  CALENDAR_YEAR = 'CalendarYear',
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
    STANDING_BODY: { description: '议事机构（党工委会议、主任办公会议）及其成员' },
    NORMATIVE_DOCUMENT: { description: '规范性文件' },
    CLEANUP_CAMPAIGN: { description: '文件清理' },
    ENFORCEMENT_CASE: { description: '执法案件（重大执法决定法制审核）' },
    LEGAL_CONSULTATION: { description: '法律咨询台账' },
    DISPUTE_MEDIATION: { description: '矛盾纠纷调解台账' },
    ADMINISTRATIVE_CASE: { description: '行政诉讼、行政复议案件台账' },
    PUBLICITY_EVENT: { description: '普法活动台账' },
    CALENDAR_YEAR: { description: '节假日安排（对象 id 为年份）' },
  },
});

/** Why the audit chain does not verify (审计链校验问题). */
export enum AuditChainBreakReason {
  PREV_HASH_MISMATCH = 'PREV_HASH_MISMATCH',
  HASH_MISMATCH = 'HASH_MISMATCH',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  UNSIGNED_AFTER_SIGNED = 'UNSIGNED_AFTER_SIGNED',
  CHECKPOINT_INVALID = 'CHECKPOINT_INVALID',
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  CHECKPOINT_HEAD_MISSING = 'CHECKPOINT_HEAD_MISSING',
}

/** Chinese explanations, for the report and the CLI. */
export const CHAIN_BREAK_MESSAGES: Record<AuditChainBreakReason, string> = {
  PREV_HASH_MISMATCH: '事件未链接到前一事件：其前有事件被删除或插入，或前一事件的哈希被改写',
  HASH_MISMATCH: '事件内容与其签名不符：内容被改动',
  UNKNOWN_KEY: '事件所用的审计密钥不在密钥环中：请把轮换前的旧密钥加入 AUDIT_KEYRING_FILE',
  UNSIGNED_AFTER_SIGNED: '带密钥签名的事件之后出现未签名事件：有人在没有密钥的情况下重算了审计链',
  CHECKPOINT_INVALID: '检查点文件签名无效：文件被改动或伪造',
  CHECKPOINT_MISMATCH: '审计链与检查点不符：检查点之前的历史被改写（整链重算）',
  CHECKPOINT_HEAD_MISSING: '检查点记录的最新事件已不存在：末尾事件被删除',
};

registerEnumType(AuditChainBreakReason, {
  name: 'AuditChainBreakReason',
  description: 'Why the audit chain does not verify (审计链校验问题)',
  valuesConfig: {
    PREV_HASH_MISMATCH: { description: '前后事件未链接: An event does not link to the one before it (an event removed or inserted, or a hash rewritten)' },
    HASH_MISMATCH: { description: '内容与签名不符: An event’s content does not match its seal (content altered)' },
    UNKNOWN_KEY: { description: '密钥不在密钥环中: An event is sealed with a key id missing from the keyring' },
    UNSIGNED_AFTER_SIGNED: { description: '签名事件后出现未签名事件: A plain SHA-256 event after keyed ones: re-chained without the key' },
    CHECKPOINT_INVALID: { description: '检查点签名无效: A checkpoint file whose seal does not verify (altered or forged)' },
    CHECKPOINT_MISMATCH: { description: '与检查点不符: The chain disagrees with a checkpoint: history before it was rewritten' },
    CHECKPOINT_HEAD_MISSING: { description: '检查点的最新事件已不存在: A checkpoint’s newest event is gone: events at the end were deleted' },
  },
});
