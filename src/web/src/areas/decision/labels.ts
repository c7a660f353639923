import type {
  AdjustmentKind,
  AmendmentStatus,
  BodyRole,
  DecisionCategory,
  DecisionStatus,
  DeliberatingBody,
  DirectoryItemStatus,
  DirectoryStatus,
  HeadDecision,
  Issuer,
  MeetingStatus,
  MemberPositionKind,
} from '../../gql/graphql';

/**
 * Chinese labels of the decision area's enums, typed against the generated schema types: a value
 * added to the schema breaks the type-check until it has its label here.
 */
type Labelled = { label: string; color: string };

export const MEETING_STATUS: Record<MeetingStatus, Labelled> = {
  OPEN: { label: '记录中', color: 'processing' },
  FINALISED: { label: '纪要已定稿', color: 'success' },
};

export const DIRECTORY_STATUS: Record<DirectoryStatus, Labelled> = {
  DRAFT: { label: '编制中', color: 'processing' },
  PUBLISHED: { label: '已公布', color: 'success' },
};

export const DIRECTORY_ITEM_STATUS: Record<DirectoryItemStatus, Labelled> = {
  ACTIVE: { label: '有效', color: 'success' },
  WITHDRAWN: { label: '已调出目录', color: 'default' },
};

export const ADJUSTMENT_KIND: Record<AdjustmentKind, Labelled> = {
  ADD: { label: '增加事项', color: 'blue' },
  WITHDRAW: { label: '调出事项', color: 'volcano' },
  RESCHEDULE: { label: '调整计划时间', color: 'gold' },
};

/** Decree 713 Art 3 (R-DIR-2); the last three are outside the procedure and refused by the API. */
export const DECISION_CATEGORY: Record<DecisionCategory, string> = {
  PUBLIC_POLICY: '重大公共政策和措施',
  IMPORTANT_PLAN: '经济和社会发展等方面的重要规划',
  RESOURCE_POLICY: '开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  PUBLIC_CONSTRUCTION: '重大公共建设项目',
  OTHER_PUBLIC_INTEREST: '涉及重大公共利益或者社会公众切身利益的其他重大事项',
  FISCAL_MONETARY: '财政政策、货币政策等宏观调控决策（不适用本程序）',
  LAW_MAKING: '政府立法决策（不适用本程序）',
  EMERGENCY_RESPONSE: '突发事件应急处置决策（不适用本程序）',
};

export const DECISION_STATUS: Record<DecisionStatus, Labelled> = {
  AMENDMENT_REQUIRED: { label: '原则通过，待提交修改稿', color: 'warning' },
  AMENDMENT_SUBMITTED: { label: '修改稿待确认', color: 'purple' },
  APPROVED: { label: '已通过，待签发', color: 'blue' },
  SIGNED: { label: '已签发，待公布', color: 'cyan' },
  PUBLISHED: { label: '已公布，执行中', color: 'success' },
  SUSPENDED: { label: '已暂停执行', color: 'error' },
};

export const HEAD_DECISION: Record<HeadDecision, Labelled> = {
  APPROVE: { label: '同意', color: 'success' },
  APPROVE_WITH_CHANGES: { label: '原则同意，按意见修改', color: 'cyan' },
  REJECT: { label: '不同意', color: 'error' },
  DEFER: { label: '暂缓', color: 'default' },
  RETURN_FOR_REVISION: { label: '退回修改', color: 'warning' },
};

export const POSITION_KIND: Record<MemberPositionKind, Labelled> = {
  SUPPORT: { label: '同意', color: 'success' },
  OPPOSE: { label: '反对', color: 'error' },
  ABSTAIN: { label: '弃权', color: 'default' },
  CONDITIONAL: { label: '附条件同意', color: 'gold' },
};

export const BODY_ROLE: Record<BodyRole, string> = {
  HEAD: '主要负责人（行政首长）',
  DEPUTY: '副职',
  MEMBER: '成员',
};

export const DELIBERATING_BODY: Record<DeliberatingBody, string> = {
  PARTY_WORKING_COMMITTEE: '党工委会议',
  DIRECTORS_OFFICE: '主任办公会议',
};

export const AMENDMENT_STATUS: Record<AmendmentStatus, Labelled> = {
  SUBMITTED: { label: '已提交，待确认', color: 'processing' },
  RETURNED: { label: '已退回重改', color: 'default' },
  CONFIRMED: { label: '已确认', color: 'success' },
};

export const ISSUER: Record<Issuer, string> = {
  STREET_OFFICE: '街道办事处',
  PARTY_WORKING_COMMITTEE: '街道党工委',
};

/** Options for an antd Select from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string | Labelled>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string | Labelled][]).map(([value, l]) => ({ value, label: typeof l === 'string' ? l : l.label }));
}
