import { registerEnumType } from 'type-graphql';

/** Kind of a dispute brought to mediation (纠纷类型), R-AR-2. */
export enum DisputeType {
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
  FAMILY = 'FAMILY',
  LABOUR = 'LABOUR',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
  LAND_AND_HOUSING = 'LAND_AND_HOUSING',
  CONTRACT = 'CONTRACT',
  OTHER = 'OTHER',
}
export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  NEIGHBOURHOOD: '邻里纠纷',
  FAMILY: '婚姻家庭纠纷',
  LABOUR: '劳动争议',
  PROPERTY_MANAGEMENT: '物业纠纷',
  LAND_AND_HOUSING: '土地房屋纠纷',
  CONTRACT: '合同纠纷',
  OTHER: '其他纠纷',
};
registerEnumType(DisputeType, {
  name: 'DisputeType',
  description: 'Kind of dispute (纠纷类型)',
  valuesConfig: Object.fromEntries(Object.entries(DISPUTE_TYPE_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Where a mediation stands (调解结果); a closed mediation has its closing date. */
export enum MediationOutcome {
  IN_PROGRESS = 'IN_PROGRESS',
  SETTLED = 'SETTLED',
  PARTLY_SETTLED = 'PARTLY_SETTLED',
  NOT_SETTLED = 'NOT_SETTLED',
}
export const MEDIATION_OUTCOME_LABELS: Record<MediationOutcome, string> = {
  IN_PROGRESS: '调解中',
  SETTLED: '调解成功',
  PARTLY_SETTLED: '部分达成协议',
  NOT_SETTLED: '调解不成',
};
registerEnumType(MediationOutcome, {
  name: 'MediationOutcome',
  description: 'Outcome of a mediation (调解结果)',
  valuesConfig: Object.fromEntries(Object.entries(MEDIATION_OUTCOME_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Administrative litigation or reconsideration (案件类型). */
export enum AdministrativeCaseKind {
  LITIGATION = 'LITIGATION',
  RECONSIDERATION = 'RECONSIDERATION',
}
export const CASE_KIND_LABELS: Record<AdministrativeCaseKind, string> = { LITIGATION: '行政诉讼', RECONSIDERATION: '行政复议' };
registerEnumType(AdministrativeCaseKind, {
  name: 'AdministrativeCaseKind',
  description: 'Administrative litigation or reconsideration (案件类型)',
  valuesConfig: { LITIGATION: { description: CASE_KIND_LABELS.LITIGATION }, RECONSIDERATION: { description: CASE_KIND_LABELS.RECONSIDERATION } },
});

/** Stage of a case (案件阶段): court instances apply to litigation only. */
export enum AdministrativeCaseStage {
  ACCEPTED = 'ACCEPTED',
  FIRST_INSTANCE = 'FIRST_INSTANCE',
  SECOND_INSTANCE = 'SECOND_INSTANCE',
  RETRIAL = 'RETRIAL',
  CLOSED = 'CLOSED',
}
export const CASE_STAGE_LABELS: Record<AdministrativeCaseStage, string> = {
  ACCEPTED: '已受理（立案）',
  FIRST_INSTANCE: '一审',
  SECOND_INSTANCE: '二审',
  RETRIAL: '再审',
  CLOSED: '已结案',
};
/** The stages a reconsideration case may be in (no court instance). */
export const RECONSIDERATION_STAGES: readonly AdministrativeCaseStage[] = [AdministrativeCaseStage.ACCEPTED, AdministrativeCaseStage.CLOSED];
registerEnumType(AdministrativeCaseStage, {
  name: 'AdministrativeCaseStage',
  description: 'Stage of an administrative case (案件阶段)',
  valuesConfig: Object.fromEntries(Object.entries(CASE_STAGE_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** How a closed case ended for the street's act (结案结果), R-AR-2: upheld, corrected or revoked, or ended otherwise. */
export enum AdministrativeCaseOutcome {
  UPHELD = 'UPHELD',
  CORRECTED = 'CORRECTED',
  REVOKED = 'REVOKED',
  WITHDRAWN = 'WITHDRAWN',
  SETTLED = 'SETTLED',
}
export const CASE_OUTCOME_LABELS: Record<AdministrativeCaseOutcome, string> = {
  UPHELD: '维持（胜诉、驳回）',
  CORRECTED: '变更或确认违法',
  REVOKED: '撤销（败诉）',
  WITHDRAWN: '撤诉或撤回申请',
  SETTLED: '调解或和解结案',
};
registerEnumType(AdministrativeCaseOutcome, {
  name: 'AdministrativeCaseOutcome',
  description: 'Outcome of a closed administrative case (结案结果)',
  valuesConfig: Object.fromEntries(Object.entries(CASE_OUTCOME_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Form of a rule-of-law publicity event (普法形式). */
export enum PublicityForm {
  LECTURE = 'LECTURE',
  TRAINING = 'TRAINING',
  CAMPAIGN = 'CAMPAIGN',
  ONLINE = 'ONLINE',
  OTHER = 'OTHER',
}
export const PUBLICITY_FORM_LABELS: Record<PublicityForm, string> = {
  LECTURE: '法律讲座',
  TRAINING: '法治培训',
  CAMPAIGN: '宣传活动（送法进社区等）',
  ONLINE: '线上宣传',
  OTHER: '其他形式',
};
registerEnumType(PublicityForm, {
  name: 'PublicityForm',
  description: 'Form of a publicity event (普法形式)',
  valuesConfig: Object.fromEntries(Object.entries(PUBLICITY_FORM_LABELS).map(([k, v]) => [k, { description: v }])),
});
