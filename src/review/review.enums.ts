import { registerEnumType } from 'type-graphql';

export enum ReviewSubjectType {
  DECISION = 'DECISION',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
  CONTRACT = 'CONTRACT',
}
registerEnumType(ReviewSubjectType, {
  name: 'ReviewSubjectType',
  description: 'What is reviewed (审查对象), R-LR-1',
  valuesConfig: { DECISION: { description: '重大行政决策' }, NORMATIVE_DOCUMENT: { description: '规范性文件' }, CONTRACT: { description: '合同' } },
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
}
registerEnumType(OpinionConclusion, {
  name: 'OpinionConclusion',
  description: 'Conclusion of a legal opinion (审查结论), R-LR-5',
  valuesConfig: {
    LAWFUL: { description: '合法' },
    LAWFUL_WITH_AMENDMENTS: { description: '修改后合法' },
    UNLAWFUL: { description: '不合法' },
    EXPLORATORY_RISK_DISCLOSED: { description: '探索性改革，法律风险已提示（仅限决策）' },
  },
});

export enum FindingAspect {
  AUTHORITY = 'AUTHORITY',
  PROCEDURE = 'PROCEDURE',
  CONTENT = 'CONTENT',
}
registerEnumType(FindingAspect, {
  name: 'FindingAspect',
  description: 'Aspect of a finding (审查方面), R-LR-4',
  valuesConfig: { AUTHORITY: { description: '法定权限' }, PROCEDURE: { description: '法定程序' }, CONTENT: { description: '内容合法性' } },
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
