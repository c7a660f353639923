import { registerEnumType } from 'type-graphql';

export enum DeliberatingBody {
  PARTY_WORKING_COMMITTEE = 'PARTY_WORKING_COMMITTEE',
  DIRECTORS_OFFICE = 'DIRECTORS_OFFICE',
}
registerEnumType(DeliberatingBody, {
  name: 'DeliberatingBody',
  description: 'Deliberating body (集体讨论会议), R-DEC-11',
  valuesConfig: { PARTY_WORKING_COMMITTEE: { description: '党工委会议' }, DIRECTORS_OFFICE: { description: '主任办公会议' } },
});

/** What an agenda item puts before the meeting (议题事项): each kind is one adapter of the agenda-subject port. */
export enum AgendaSubjectType {
  DECISION_PROPOSAL = 'DECISION_PROPOSAL',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
}
registerEnumType(AgendaSubjectType, {
  name: 'AgendaSubjectType',
  description: 'What an agenda item deliberates (议题事项)',
  valuesConfig: { DECISION_PROPOSAL: { description: '重大行政决策建议（R-DEC-11）' }, NORMATIVE_DOCUMENT: { description: '规范性文件（集体审议，R-ND-4）' } },
});

export enum MeetingStatus {
  OPEN = 'OPEN',
  FINALISED = 'FINALISED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  valuesConfig: { OPEN: { description: '记录中' }, FINALISED: { description: '纪要已定稿（不可修改）' } },
});

export enum MemberPositionKind {
  SUPPORT = 'SUPPORT',
  OPPOSE = 'OPPOSE',
  ABSTAIN = 'ABSTAIN',
  CONDITIONAL = 'CONDITIONAL',
}
registerEnumType(MemberPositionKind, {
  name: 'MemberPositionKind',
  description: 'A member’s position (表态)',
  valuesConfig: { SUPPORT: { description: '同意' }, OPPOSE: { description: '反对' }, ABSTAIN: { description: '弃权' }, CONDITIONAL: { description: '附条件同意' } },
});

export enum HeadDecision {
  APPROVE = 'APPROVE',
  APPROVE_WITH_CHANGES = 'APPROVE_WITH_CHANGES',
  REJECT = 'REJECT',
  DEFER = 'DEFER',
  RETURN_FOR_REVISION = 'RETURN_FOR_REVISION',
}
registerEnumType(HeadDecision, {
  name: 'HeadDecision',
  description: 'The head’s decision, made last (行政首长决定), R-DEC-11',
  valuesConfig: {
    APPROVE: { description: '同意' },
    APPROVE_WITH_CHANGES: { description: '原则同意，按意见修改' },
    REJECT: { description: '不同意' },
    DEFER: { description: '暂缓' },
    RETURN_FOR_REVISION: { description: '退回修改' },
  },
});

export enum DecisionStatus {
  APPROVED = 'APPROVED',
  SIGNED = 'SIGNED',
  PUBLISHED = 'PUBLISHED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'A decision after approval (决定状态)',
  valuesConfig: {
    APPROVED: { description: '已通过，待签发' },
    SIGNED: { description: '已签发，待公布' },
    PUBLISHED: { description: '已公布，执行中' },
    SUSPENDED: { description: '已暂停执行' },
  },
});
