import { registerEnumType } from 'type-graphql';

/** Where an enforcement case stands (执法案件状态); moves in enforcement.workflow.ts. */
export enum EnforcementCaseState {
  INVESTIGATING = 'INVESTIGATING',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REVIEWED = 'REVIEWED',
  DECIDED = 'DECIDED',
}
registerEnumType(EnforcementCaseState, {
  name: 'EnforcementCaseState',
  description: 'State of an enforcement case (执法案件状态)',
  valuesConfig: {
    INVESTIGATING: { description: '调查取证、拟定决定（送审材料可修改）' },
    UNDER_REVIEW: { description: '法制审核中' },
    REVIEWED: { description: '已出具法制审核意见' },
    DECIDED: { description: '已作出执法决定（不可修改）' },
  },
});

export enum PartyKind {
  INDIVIDUAL = 'INDIVIDUAL',
  ORGANISATION = 'ORGANISATION',
}
export const PARTY_LABELS: Record<PartyKind, string> = { INDIVIDUAL: '公民', ORGANISATION: '法人或其他组织' };
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'The party of an enforcement case (当事人类型)',
  valuesConfig: { INDIVIDUAL: { description: PARTY_LABELS.INDIVIDUAL }, ORGANISATION: { description: PARTY_LABELS.ORGANISATION } },
});

/** What the decision orders; the rules configuration names the same values (ENFORCEMENT_MEASURE_KINDS, R-EN-1). */
export enum EnforcementMeasureKind {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  SUSPENSION_OF_PRODUCTION_OR_BUSINESS = 'SUSPENSION_OF_PRODUCTION_OR_BUSINESS',
  LICENCE_SUSPENSION = 'LICENCE_SUSPENSION',
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  ORDER_TO_CLOSE = 'ORDER_TO_CLOSE',
  FORCED_DEMOLITION = 'FORCED_DEMOLITION',
  OTHER = 'OTHER',
}
export const MEASURE_LABELS: Record<EnforcementMeasureKind, string> = {
  WARNING: '警告、通报批评',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、没收非法财物',
  SUSPENSION_OF_PRODUCTION_OR_BUSINESS: '责令停产停业',
  LICENCE_SUSPENSION: '暂扣许可证件、降低资质等级',
  LICENCE_REVOCATION: '吊销许可证件',
  ORDER_TO_CLOSE: '责令关闭、限制从业',
  FORCED_DEMOLITION: '强制拆除',
  OTHER: '其他',
};
registerEnumType(EnforcementMeasureKind, {
  name: 'EnforcementMeasureKind',
  description: 'Measure of a proposed enforcement decision (处理措施), R-EN-1',
  valuesConfig: Object.fromEntries(Object.entries(MEASURE_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Circumstances that make a decision major when configured (R-EN-1); the configuration names the same values (MAJOR_CIRCUMSTANCES). */
export enum MajorCircumstance {
  MAJOR_PUBLIC_INTEREST = 'MAJOR_PUBLIC_INTEREST',
  SOCIAL_RISK = 'SOCIAL_RISK',
  HEARING_REQUIRED = 'HEARING_REQUIRED',
  COMPLEX_CASE = 'COMPLEX_CASE',
}
export const CIRCUMSTANCE_LABELS: Record<MajorCircumstance, string> = {
  MAJOR_PUBLIC_INTEREST: '涉及重大公共利益',
  SOCIAL_RISK: '可能造成重大社会影响或引发社会风险',
  HEARING_REQUIRED: '经过听证程序',
  COMPLEX_CASE: '案件情况疑难复杂、涉及多个法律关系',
};
registerEnumType(MajorCircumstance, {
  name: 'MajorCircumstance',
  description: 'A circumstance that makes an enforcement decision major when configured (重大情形), R-EN-1',
  valuesConfig: Object.fromEntries(Object.entries(CIRCUMSTANCE_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Why a decision is major (R-EN-1): a threshold reached, a listed measure, or a listed circumstance. */
export enum MajorCriterion {
  FINE_THRESHOLD = 'FINE_THRESHOLD',
  MEASURE_KIND = 'MEASURE_KIND',
  CONFISCATION_THRESHOLD = 'CONFISCATION_THRESHOLD',
  MAJOR_PUBLIC_INTEREST = 'MAJOR_PUBLIC_INTEREST',
  SOCIAL_RISK = 'SOCIAL_RISK',
  HEARING_REQUIRED = 'HEARING_REQUIRED',
  COMPLEX_CASE = 'COMPLEX_CASE',
}
registerEnumType(MajorCriterion, {
  name: 'MajorCriterion',
  description: 'Why an enforcement decision is major (重大执法决定的认定理由), R-EN-1',
  valuesConfig: {
    FINE_THRESHOLD: { description: '罚款数额达到标准（公民、单位分别设定）' },
    MEASURE_KIND: { description: '所列处理措施（责令停产停业、吊销许可证件等）' },
    CONFISCATION_THRESHOLD: { description: '没收财物价值达到标准' },
    MAJOR_PUBLIC_INTEREST: { description: CIRCUMSTANCE_LABELS.MAJOR_PUBLIC_INTEREST },
    SOCIAL_RISK: { description: CIRCUMSTANCE_LABELS.SOCIAL_RISK },
    HEARING_REQUIRED: { description: CIRCUMSTANCE_LABELS.HEARING_REQUIRED },
    COMPLEX_CASE: { description: CIRCUMSTANCE_LABELS.COMPLEX_CASE },
  },
});

/** The kinds of evidence of 《行政处罚法》第四十六条. */
export enum EvidenceKind {
  DOCUMENTARY = 'DOCUMENTARY',
  PHYSICAL = 'PHYSICAL',
  AUDIO_VISUAL = 'AUDIO_VISUAL',
  ELECTRONIC_DATA = 'ELECTRONIC_DATA',
  WITNESS_TESTIMONY = 'WITNESS_TESTIMONY',
  PARTY_STATEMENT = 'PARTY_STATEMENT',
  EXPERT_OPINION = 'EXPERT_OPINION',
  INSPECTION_RECORD = 'INSPECTION_RECORD',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'Kind of evidence (证据种类), 《行政处罚法》第四十六条',
  valuesConfig: {
    DOCUMENTARY: { description: '书证' },
    PHYSICAL: { description: '物证' },
    AUDIO_VISUAL: { description: '视听资料' },
    ELECTRONIC_DATA: { description: '电子数据' },
    WITNESS_TESTIMONY: { description: '证人证言' },
    PARTY_STATEMENT: { description: '当事人的陈述' },
    EXPERT_OPINION: { description: '鉴定意见' },
    INSPECTION_RECORD: { description: '勘验笔录、现场笔录' },
  },
});

/** Steps of the procedure record (程序记录), R-EN-2. */
export enum EnforcementProcedureKind {
  INVESTIGATION = 'INVESTIGATION',
  RIGHTS_NOTIFICATION = 'RIGHTS_NOTIFICATION',
  STATEMENT_AND_DEFENCE = 'STATEMENT_AND_DEFENCE',
  HEARING = 'HEARING',
}
export const PROCEDURE_STEP_LABELS: Record<EnforcementProcedureKind, string> = {
  INVESTIGATION: '调查取证',
  RIGHTS_NOTIFICATION: '告知当事人拟作出决定及其权利',
  STATEMENT_AND_DEFENCE: '当事人陈述、申辩',
  HEARING: '听证',
};
registerEnumType(EnforcementProcedureKind, {
  name: 'EnforcementProcedureKind',
  description: 'A step of the enforcement procedure (执法程序环节), R-EN-2',
  valuesConfig: Object.fromEntries(Object.entries(PROCEDURE_STEP_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** The next steps whose blockers a client may ask for. */
export enum EnforcementStep {
  REQUEST_REVIEW = 'REQUEST_REVIEW',
  DECIDE = 'DECIDE',
}
registerEnumType(EnforcementStep, {
  name: 'EnforcementStep',
  description: 'A step of an enforcement case whose blockers can be listed (办理环节)',
  valuesConfig: { REQUEST_REVIEW: { description: '提请法制审核 (R-EN-2)' }, DECIDE: { description: '作出执法决定 (R-EN-1, R-EN-4)' } },
});
