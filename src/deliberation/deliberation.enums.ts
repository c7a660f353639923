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
  AMENDMENT_REQUIRED = 'AMENDMENT_REQUIRED',
  AMENDMENT_SUBMITTED = 'AMENDMENT_SUBMITTED',
  APPROVED = 'APPROVED',
  SIGNED = 'SIGNED',
  PUBLISHED = 'PUBLISHED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'A decision after approval (决定状态)',
  valuesConfig: {
    AMENDMENT_REQUIRED: { description: '原则通过，待承办部门按会议要求提交修改稿 (R-DEC-12)' },
    AMENDMENT_SUBMITTED: { description: '修改稿待会议主持人确认（涉及法律意见的，另须法律顾问确认）(R-DEC-12, R-DEC-9)' },
    APPROVED: { description: '已通过，待签发' },
    SIGNED: { description: '已签发，待公布' },
    PUBLISHED: { description: '已公布，执行中' },
    SUSPENDED: { description: '已暂停执行' },
  },
});

/** A member's place on a standing body, and on a meeting's roll taken from it (R-DEC-11). */
export enum BodyRole {
  HEAD = 'HEAD',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
}
export const BODY_ROLE_LABELS: Record<BodyRole, string> = { HEAD: '主要负责人（行政首长）', DEPUTY: '副职', MEMBER: '成员' };
registerEnumType(BodyRole, {
  name: 'BodyRole',
  description: 'A member’s place on a deliberating body (成员身份), R-DEC-11',
  valuesConfig: Object.fromEntries(Object.entries(BODY_ROLE_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Where an amended text stands (修改稿状态), R-DEC-12. */
export enum AmendmentStatus {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(AmendmentStatus, {
  name: 'AmendmentStatus',
  description: 'Where an amended text stands (修改稿状态), R-DEC-12',
  valuesConfig: {
    SUBMITTED: { description: '已提交，待确认' },
    RETURNED: { description: '未获确认，已退回重改' },
    CONFIRMED: { description: '会议主持人已确认与会议决定一致（需要时法律顾问亦已确认）' },
  },
});
