import { registerEnumType } from 'type-graphql';

export enum ReviewSubjectType {
  DECISION = 'DECISION',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
  CONTRACT = 'CONTRACT',
  ENFORCEMENT_DECISION = 'ENFORCEMENT_DECISION',
}
registerEnumType(ReviewSubjectType, {
  name: 'ReviewSubjectType',
  description: 'What is reviewed (审查对象), R-LR-1',
  valuesConfig: {
    DECISION: { description: '重大行政决策' },
    NORMATIVE_DOCUMENT: { description: '规范性文件' },
    CONTRACT: { description: '合同' },
    ENFORCEMENT_DECISION: { description: '重大执法决定（法制审核），R-EN-1' },
  },
});

/** Review workflow; transitions in review.rules.ts (REVIEW_TRANSITIONS). */
export enum ReviewStatus {
  FIRST_REVIEW = 'FIRST_REVIEW',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
  OPINION_ISSUED = 'OPINION_ISSUED',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'Legality-review status (审查状态)',
  valuesConfig: {
    FIRST_REVIEW: { description: '待起草部门法制人员初审 (R-LR-6)' },
    SUBMITTED: { description: '已提交，待接收' },
    RETURNED: { description: '已退回补充材料，计时暂停' },
    ACCEPTED: { description: '已接收，审查中' },
    OPINION_ISSUED: { description: '已出具法律意见' },
  },
});

export enum OpinionConclusion {
  LAWFUL = 'LAWFUL',
  LAWFUL_WITH_AMENDMENTS = 'LAWFUL_WITH_AMENDMENTS',
  UNLAWFUL = 'UNLAWFUL',
  EXPLORATORY_RISK_DISCLOSED = 'EXPLORATORY_RISK_DISCLOSED',
  AGREED = 'AGREED',
  AGREED_WITH_AMENDMENTS = 'AGREED_WITH_AMENDMENTS',
  RETURNED_FOR_FURTHER_INVESTIGATION = 'RETURNED_FOR_FURTHER_INVESTIGATION',
  NOT_AGREED = 'NOT_AGREED',
}
registerEnumType(OpinionConclusion, {
  name: 'OpinionConclusion',
  description: 'Conclusion of a legal opinion (审查结论), R-LR-5',
  valuesConfig: {
    LAWFUL: { description: '合法' },
    LAWFUL_WITH_AMENDMENTS: { description: '修改后合法' },
    UNLAWFUL: { description: '不合法' },
    EXPLORATORY_RISK_DISCLOSED: { description: '探索性改革，法律风险已提示（仅限决策）' },
    AGREED: { description: '同意（仅限重大执法决定，R-EN-4）' },
    AGREED_WITH_AMENDMENTS: { description: '修改后同意（仅限重大执法决定，R-EN-4）' },
    RETURNED_FOR_FURTHER_INVESTIGATION: { description: '退回补充调查（仅限重大执法决定，R-EN-4）' },
    NOT_AGREED: { description: '不同意（仅限重大执法决定，R-EN-4）' },
  },
});

export enum FindingAspect {
  AUTHORITY = 'AUTHORITY',
  PROCEDURE = 'PROCEDURE',
  CONTENT = 'CONTENT',
  FACTS_AND_EVIDENCE = 'FACTS_AND_EVIDENCE',
  LEGAL_BASIS = 'LEGAL_BASIS',
  DISCRETION = 'DISCRETION',
  DOCUMENTS = 'DOCUMENTS',
}
/** Default Chinese names of the aspects; a subject's adapter may name its aspects more precisely. */
export const FINDING_ASPECT_LABELS: Record<FindingAspect, string> = {
  AUTHORITY: '主体与权限',
  PROCEDURE: '程序',
  CONTENT: '内容',
  FACTS_AND_EVIDENCE: '事实与证据',
  LEGAL_BASIS: '法律依据',
  DISCRETION: '裁量基准适用',
  DOCUMENTS: '执法文书',
};
registerEnumType(FindingAspect, {
  name: 'FindingAspect',
  description: 'Aspect of a finding (审查方面), R-LR-4; each subject type declares the aspects it is reviewed on (enforcement decisions: R-EN-3)',
  valuesConfig: {
    AUTHORITY: { description: '法定权限（执法决定：执法主体资格与执法人员资格）' },
    PROCEDURE: { description: '法定程序' },
    CONTENT: { description: '内容合法性' },
    FACTS_AND_EVIDENCE: { description: '事实是否清楚、证据是否确凿充分（仅限重大执法决定）' },
    LEGAL_BASIS: { description: '适用法律是否准确（仅限重大执法决定）' },
    DISCRETION: { description: '裁量是否适当（仅限重大执法决定）' },
    DOCUMENTS: { description: '执法文书是否规范齐备（仅限重大执法决定）' },
  },
});

/** The conclusion an opinion states on one aspect (R-LR-4). */
export enum AspectConclusion {
  COMPLIANT = 'COMPLIANT',
  NEEDS_AMENDMENT = 'NEEDS_AMENDMENT',
  NON_COMPLIANT = 'NON_COMPLIANT',
}
export const ASPECT_CONCLUSION_LABELS: Record<AspectConclusion, string> = {
  COMPLIANT: '符合',
  NEEDS_AMENDMENT: '需修改',
  NON_COMPLIANT: '不符合',
};
registerEnumType(AspectConclusion, {
  name: 'AspectConclusion',
  description: 'Conclusion on one aspect of the review (分项审查结论), R-LR-4',
  valuesConfig: Object.fromEntries(Object.entries(ASPECT_CONCLUSION_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Questions an aspect's conclusion must answer, e.g. the content prohibitions of R-ND-11. */
export enum ChecklistItem {
  CREATES_LICENCE = 'CREATES_LICENCE',
  CREATES_PENALTY = 'CREATES_PENALTY',
  CREATES_COERCIVE_MEASURE = 'CREATES_COERCIVE_MEASURE',
  REDUCES_RIGHTS_OR_ADDS_OBLIGATIONS = 'REDUCES_RIGHTS_OR_ADDS_OBLIGATIONS',
  SETS_MARKET_ENTRY_EXIT = 'SETS_MARKET_ENTRY_EXIT',
  INTERFERES_IN_BUSINESS = 'INTERFERES_IN_BUSINESS',
}
export const CHECKLIST_ITEM_LABELS: Record<ChecklistItem, string> = {
  CREATES_LICENCE: '设定行政许可',
  CREATES_PENALTY: '设定行政处罚',
  CREATES_COERCIVE_MEASURE: '设定行政强制措施',
  REDUCES_RIGHTS_OR_ADDS_OBLIGATIONS: '减损权利或者增加义务',
  SETS_MARKET_ENTRY_EXIT: '设置市场准入和退出条件',
  INTERFERES_IN_BUSINESS: '干预市场主体正常生产经营活动',
};
registerEnumType(ChecklistItem, {
  name: 'ChecklistItem',
  description: 'A question of a review checklist (审查清单事项), e.g. the content prohibitions of R-ND-11',
  valuesConfig: Object.fromEntries(Object.entries(CHECKLIST_ITEM_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** The answer to a checklist question. */
export enum ChecklistAnswer {
  NOT_INVOLVED = 'NOT_INVOLVED',
  INVOLVED_WITH_BASIS = 'INVOLVED_WITH_BASIS',
  INVOLVED_WITHOUT_BASIS = 'INVOLVED_WITHOUT_BASIS',
}
export const CHECKLIST_ANSWER_LABELS: Record<ChecklistAnswer, string> = {
  NOT_INVOLVED: '不涉及',
  INVOLVED_WITH_BASIS: '涉及，有法律、法规依据（须写明）',
  INVOLVED_WITHOUT_BASIS: '涉及，无法律、法规依据',
};
registerEnumType(ChecklistAnswer, {
  name: 'ChecklistAnswer',
  description: 'Answer to a checklist question (审查清单答复)',
  valuesConfig: Object.fromEntries(Object.entries(CHECKLIST_ANSWER_LABELS).map(([k, v]) => [k, { description: v }])),
});

export enum OpinionStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
}
registerEnumType(OpinionStatus, {
  name: 'OpinionStatus',
  valuesConfig: { DRAFT: { description: '草稿' }, ISSUED: { description: '已签发（不可修改）' } },
});

export enum FindingResponse {
  ADOPTED = 'ADOPTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}
registerEnumType(FindingResponse, {
  name: 'FindingResponse',
  description: 'The drafter’s answer to a finding (采纳情况), R-DEC-9',
  valuesConfig: { ADOPTED: { description: '采纳' }, NOT_ADOPTED: { description: '不采纳（须说明理由）' } },
});
