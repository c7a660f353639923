import type {
  AspectConclusion,
  ChecklistAnswer,
  FindingAspect,
  FindingResponse,
  OpinionConclusion,
  OpinionStatus,
  ReviewStatus,
  ReviewSubjectType,
} from '../../gql/graphql';

/**
 * Chinese labels of the review's enums, typed against the generated ones: a value added to the
 * schema breaks the type-check until it has its label here.
 */
export const REVIEW_STATUS: Record<ReviewStatus, { label: string; color: string }> = {
  FIRST_REVIEW: { label: '待初审', color: 'default' },
  SUBMITTED: { label: '待接收', color: 'blue' },
  RETURNED: { label: '已退回补充', color: 'default' },
  ACCEPTED: { label: '审查中', color: 'processing' },
  OPINION_ISSUED: { label: '已出具意见', color: 'success' },
};

export const SUBJECT_TYPE: Record<ReviewSubjectType, { label: string; color: string }> = {
  DECISION: { label: '重大行政决策', color: 'geekblue' },
  CONTRACT: { label: '合同', color: 'purple' },
  NORMATIVE_DOCUMENT: { label: '规范性文件', color: 'cyan' },
  ENFORCEMENT_DECISION: { label: '重大执法决定', color: 'magenta' },
};

export const CONCLUSION: Record<OpinionConclusion, string> = {
  LAWFUL: '合法',
  LAWFUL_WITH_AMENDMENTS: '修改后合法',
  UNLAWFUL: '不合法',
  EXPLORATORY_RISK_DISCLOSED: '探索性改革、法律风险已提示',
  AGREED: '同意',
  AGREED_WITH_AMENDMENTS: '修改后同意',
  RETURNED_FOR_FURTHER_INVESTIGATION: '退回补充调查',
  NOT_AGREED: '不同意',
};

/**
 * The conclusions each subject type may reach (R-LR-5; enforcement decisions R-EN-4), in the order
 * offered. The API refuses any other with its rule; this only spares the advisor a choice that fails.
 */
export const CONCLUSIONS_OF: Record<ReviewSubjectType, OpinionConclusion[]> = {
  DECISION: ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL', 'EXPLORATORY_RISK_DISCLOSED'],
  CONTRACT: ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL'],
  NORMATIVE_DOCUMENT: ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL'],
  ENFORCEMENT_DECISION: ['AGREED', 'AGREED_WITH_AMENDMENTS', 'RETURNED_FOR_FURTHER_INVESTIGATION', 'NOT_AGREED'],
};

export const ASPECT: Record<FindingAspect, string> = {
  AUTHORITY: '主体与权限',
  PROCEDURE: '程序',
  CONTENT: '内容',
  FACTS_AND_EVIDENCE: '事实与证据',
  LEGAL_BASIS: '法律依据',
  DISCRETION: '裁量基准适用',
  DOCUMENTS: '执法文书',
};

export const ASPECT_CONCLUSION: Record<AspectConclusion, string> = {
  COMPLIANT: '符合',
  NEEDS_AMENDMENT: '需修改',
  NON_COMPLIANT: '不符合',
};

export const CHECKLIST_ANSWER: Record<ChecklistAnswer, string> = {
  NOT_INVOLVED: '不涉及',
  INVOLVED_WITH_BASIS: '涉及，有法律、法规依据',
  INVOLVED_WITHOUT_BASIS: '涉及，无法律、法规依据',
};

export const FINDING_RESPONSE: Record<FindingResponse, { label: string; color: string }> = {
  ADOPTED: { label: '采纳', color: 'success' },
  NOT_ADOPTED: { label: '不采纳', color: 'warning' },
};

export const OPINION_STATUS: Record<OpinionStatus, { label: string; color: string }> = {
  DRAFT: { label: '草稿', color: 'default' },
  ISSUED: { label: '已签发', color: 'success' },
};

/** `[{value, label}]` for a Select over a label map. */
export function optionsOf<K extends string>(labels: Record<K, string | { label: string }>, keys?: readonly K[]): { value: K; label: string }[] {
  return (keys ?? (Object.keys(labels) as K[])).map((value) => {
    const l = labels[value];
    return { value, label: typeof l === 'string' ? l : l.label };
  });
}
