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
