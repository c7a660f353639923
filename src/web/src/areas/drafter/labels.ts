import type {
  FairCompetitionConclusion,
  FindingAspect,
  FindingResponse,
  MaterialKind,
  OpinionConclusion,
  OpinionResponse,
  ProcedureKind,
  ProposalSource,
  ReviewStatus,
  RiskLevel,
} from '../../gql/graphql';

/**
 * Chinese labels of the enums the drafter's screens show, typed against the generated enums: a
 * value added to the schema breaks the type-check until it has its label here.
 */
export const PROPOSAL_SOURCE: Record<ProposalSource, string> = {
  DEPARTMENT: '部门提出',
  LEADERSHIP: '领导交办',
  DEPUTIES_CPPCC: '人大代表、政协委员建议提案',
  PUBLIC_SUGGESTION: '公众建议',
};

export const PROCEDURE_KIND: Record<ProcedureKind, string> = {
  PUBLIC_CONSULTATION: '公开征求意见',
  HEARING: '听证',
  EXPERT_REVIEW: '专家论证',
  RISK_ASSESSMENT: '风险评估',
  FAIR_COMPETITION_REVIEW: '公平竞争审查',
};

export const MATERIAL_KIND: Record<MaterialKind, string> = {
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

/** The material kinds a proposal's package uses, and a contract's. */
export const PROPOSAL_MATERIAL_KINDS: MaterialKind[] = [
  'DRAFT_EXPLANATION',
  'LEGAL_BASIS_LIST',
  'PROCEDURE_EXPLANATION',
  'CONSULTATION_REPORT',
  'EXPERT_OPINIONS',
  'RISK_REPORT',
  'FAIR_COMPETITION_REVIEW',
  'OTHER',
];
export const CONTRACT_MATERIAL_KINDS: MaterialKind[] = ['COUNTERPARTY_QUALIFICATION', 'NEGOTIATION_RECORD', 'LEGAL_BASIS_LIST', 'OTHER'];

export const OPINION_RESPONSE: Record<OpinionResponse, string> = {
  ADOPTED: '采纳',
  PARTIALLY_ADOPTED: '部分采纳',
  NOT_ADOPTED: '不采纳',
};

export const FINDING_RESPONSE: Record<FindingResponse, string> = {
  ADOPTED: '采纳',
  NOT_ADOPTED: '不采纳（须说明理由）',
};

export const RISK_LEVEL: Record<RiskLevel, { label: string; color: string }> = {
  LOW: { label: '低', color: 'success' },
  MEDIUM: { label: '中', color: 'warning' },
  HIGH: { label: '高', color: 'error' },
};

export const FAIR_COMPETITION_CONCLUSION: Record<FairCompetitionConclusion, string> = {
  COMPLIANT: '符合公平竞争审查标准',
  COMPLIANT_AFTER_CHANGES: '经调整后符合',
  NON_COMPLIANT: '不符合，不得出台',
};

export const REVIEW_STATUS: Record<ReviewStatus, { label: string; color: string }> = {
  SUBMITTED: { label: '已提交，待接收', color: 'blue' },
  FIRST_REVIEW: { label: '待本部门法制人员初审', color: 'blue' },
  ACCEPTED: { label: '已接收，审查中', color: 'processing' },
  RETURNED: { label: '已退回补充材料', color: 'warning' },
  OPINION_ISSUED: { label: '已出具法律意见', color: 'success' },
};

export const FINDING_ASPECT: Record<FindingAspect, string> = {
  AUTHORITY: '法定权限',
  PROCEDURE: '法定程序',
  CONTENT: '内容合法性',
  FACTS_AND_EVIDENCE: '事实与证据',
  LEGAL_BASIS: '适用法律',
  DISCRETION: '裁量',
  DOCUMENTS: '执法文书',
};

export const OPINION_CONCLUSION: Record<OpinionConclusion, { label: string; color: string }> = {
  LAWFUL: { label: '合法', color: 'success' },
  LAWFUL_WITH_AMENDMENTS: { label: '修改后合法', color: 'warning' },
  UNLAWFUL: { label: '不合法', color: 'error' },
  EXPLORATORY_RISK_DISCLOSED: { label: '探索性改革，法律风险已提示', color: 'purple' },
  AGREED: { label: '同意', color: 'success' },
  AGREED_WITH_AMENDMENTS: { label: '修改后同意', color: 'warning' },
  NOT_AGREED: { label: '不同意', color: 'error' },
  RETURNED_FOR_FURTHER_INVESTIGATION: { label: '退回补充调查', color: 'default' },
};

/** Options of a Select from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>, only?: readonly K[]): { value: K; label: string }[] {
  return (only ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
}

/** A byte count as people read it: 1.2 MB, 35 KB, 812 字节. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
