import { registerEnumType } from 'type-graphql';

/** Kinds of material, for every owner (proposal, contract and normative-document packages …). */
export enum MaterialKind {
  DRAFT_EXPLANATION = 'DRAFT_EXPLANATION',
  LEGAL_BASIS_LIST = 'LEGAL_BASIS_LIST',
  PROCEDURE_EXPLANATION = 'PROCEDURE_EXPLANATION',
  CONSULTATION_REPORT = 'CONSULTATION_REPORT',
  EXPERT_OPINIONS = 'EXPERT_OPINIONS',
  RISK_REPORT = 'RISK_REPORT',
  FAIR_COMPETITION_REVIEW = 'FAIR_COMPETITION_REVIEW',
  COUNTERPARTY_QUALIFICATION = 'COUNTERPARTY_QUALIFICATION',
  NEGOTIATION_RECORD = 'NEGOTIATION_RECORD',
  OTHER = 'OTHER',
}
export const MATERIAL_LABELS: Record<MaterialKind, string> = {
  DRAFT_EXPLANATION: '起草说明',
  LEGAL_BASIS_LIST: '制定依据清单',
  PROCEDURE_EXPLANATION: '履行法定程序情况说明',
  CONSULTATION_REPORT: '征求意见及采纳情况报告',
  EXPERT_OPINIONS: '专家论证意见',
  RISK_REPORT: '风险评估报告',
  FAIR_COMPETITION_REVIEW: '公平竞争审查意见',
  COUNTERPARTY_QUALIFICATION: '合同相对方资质证明',
  NEGOTIATION_RECORD: '合同磋商记录',
  OTHER: '其他材料',
};
registerEnumType(MaterialKind, {
  name: 'MaterialKind',
  description: 'Kind of material (材料类型)',
  valuesConfig: Object.fromEntries(Object.entries(MATERIAL_LABELS).map(([k, v]) => [k, { description: v }])),
});
