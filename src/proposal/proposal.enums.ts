import { registerEnumType } from 'type-graphql';

export enum ProposalSource {
  LEADERSHIP = 'LEADERSHIP',
  DEPARTMENT = 'DEPARTMENT',
  DEPUTIES_CPPCC = 'DEPUTIES_CPPCC',
  PUBLIC_SUGGESTION = 'PUBLIC_SUGGESTION',
}
registerEnumType(ProposalSource, {
  name: 'ProposalSource',
  description: 'Where the proposal came from (决策动议来源), R-DEC-1',
  valuesConfig: {
    LEADERSHIP: { description: '领导交办' },
    DEPARTMENT: { description: '部门提出' },
    DEPUTIES_CPPCC: { description: '人大代表、政协委员建议提案' },
    PUBLIC_SUGGESTION: { description: '公众建议' },
  },
});

/** States of a decision proposal; transitions live in proposal.state-machine.ts. */
export enum ProposalState {
  AWAITING_INCLUSION = 'AWAITING_INCLUSION',
  DECLINED = 'DECLINED',
  INCLUDED = 'INCLUDED',
  LEGALITY_REVIEW_REQUESTED = 'LEGALITY_REVIEW_REQUESTED',
  LEGALITY_REVIEWED = 'LEGALITY_REVIEWED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalState, {
  name: 'ProposalState',
  description: 'Proposal state (决策建议状态)',
  valuesConfig: {
    AWAITING_INCLUSION: { description: '待纳入目录 (R-DIR-4)' },
    DECLINED: { description: '未予纳入' },
    INCLUDED: { description: '已纳入目录，起草中' },
    LEGALITY_REVIEW_REQUESTED: { description: '已提请合法性审查' },
    LEGALITY_REVIEWED: { description: '已出具法律意见（非不合法），待集体讨论' },
    APPROVED: { description: '集体讨论通过（签发、公布、执行见 decision）' },
    REJECTED: { description: '集体讨论不同意，已终结' },
    WITHDRAWN: { description: '已撤回' },
  },
});

export enum ProcedureKind {
  PUBLIC_CONSULTATION = 'PUBLIC_CONSULTATION',
  HEARING = 'HEARING',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  FAIR_COMPETITION_REVIEW = 'FAIR_COMPETITION_REVIEW',
}
export const PROCEDURE_LABELS: Record<ProcedureKind, string> = {
  PUBLIC_CONSULTATION: '公开征求意见',
  HEARING: '听证',
  EXPERT_REVIEW: '专家论证',
  RISK_ASSESSMENT: '风险评估',
  FAIR_COMPETITION_REVIEW: '公平竞争审查',
};
registerEnumType(ProcedureKind, {
  name: 'ProcedureKind',
  description: 'Statutory procedure (法定程序), R-DEC-3',
  valuesConfig: Object.fromEntries(Object.entries(PROCEDURE_LABELS).map(([k, v]) => [k, { description: v }])),
});

export enum OpinionResponse {
  ADOPTED = 'ADOPTED',
  PARTIALLY_ADOPTED = 'PARTIALLY_ADOPTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}
registerEnumType(OpinionResponse, {
  name: 'OpinionResponse',
  description: 'How an opinion was answered (采纳情况)',
  valuesConfig: { ADOPTED: { description: '采纳' }, PARTIALLY_ADOPTED: { description: '部分采纳' }, NOT_ADOPTED: { description: '不采纳' } },
});

export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Risk level (风险等级), R-DEC-7',
  valuesConfig: { LOW: { description: '低' }, MEDIUM: { description: '中' }, HIGH: { description: '高' } },
});

export enum FairCompetitionConclusion {
  COMPLIANT = 'COMPLIANT',
  COMPLIANT_AFTER_CHANGES = 'COMPLIANT_AFTER_CHANGES',
  NON_COMPLIANT = 'NON_COMPLIANT',
}
registerEnumType(FairCompetitionConclusion, {
  name: 'FairCompetitionConclusion',
  description: 'Fair-competition review conclusion (公平竞争审查结论)',
  valuesConfig: {
    COMPLIANT: { description: '符合公平竞争审查标准' },
    COMPLIANT_AFTER_CHANGES: { description: '经调整后符合' },
    NON_COMPLIANT: { description: '不符合，不得出台' },
  },
});

/** The next step a proposal can be checked for (`blockers(step)`). */
export enum ProposalStep {
  INCLUDE = 'INCLUDE',
  REQUEST_LEGALITY_REVIEW = 'REQUEST_LEGALITY_REVIEW',
  DELIBERATION = 'DELIBERATION',
}
registerEnumType(ProposalStep, {
  name: 'ProposalStep',
  valuesConfig: {
    INCLUDE: { description: '纳入目录' },
    REQUEST_LEGALITY_REVIEW: { description: '提请合法性审查' },
    DELIBERATION: { description: '提交集体讨论 (R-DEC-8, R-DEC-9)' },
  },
});
