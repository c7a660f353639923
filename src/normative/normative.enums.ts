import { registerEnumType } from 'type-graphql';

/** Issuer channel (制定机关): decides the filing authority and the number sequence (R-ND-3, R-ND-5). */
export enum Issuer {
  STREET_OFFICE = 'STREET_OFFICE',
  PARTY_WORKING_COMMITTEE = 'PARTY_WORKING_COMMITTEE',
}
registerEnumType(Issuer, {
  name: 'Issuer',
  description: 'Issuer in whose name the document is issued (发文机关), R-ND-3',
  valuesConfig: {
    STREET_OFFICE: { description: '街道办事处：向区人民政府（区司法局）备案' },
    PARTY_WORKING_COMMITTEE: { description: '街党工委：向区委备案审查机构备案' },
  },
});

/** The issuer's name in messages. */
export const ISSUER_LABELS: Record<Issuer, string> = {
  STREET_OFFICE: '街道办事处',
  PARTY_WORKING_COMMITTEE: '街党工委',
};

/**
 * The issuer's own deliberating body (集体审议), R-ND-4: the street office's documents are decided by
 * the director's office meeting, the Party working committee's by its own meeting.
 */
export const OWN_BODY_LABELS: Record<Issuer, string> = {
  STREET_OFFICE: '主任办公会议',
  PARTY_WORKING_COMMITTEE: '党工委会议',
};

export const FILING_AUTHORITY: Record<Issuer, string> = {
  STREET_OFFICE: '区人民政府（经区司法局）',
  PARTY_WORKING_COMMITTEE: '区委办公室（党内法规备案审查机构）',
};

/** R-ND-1 exclusion list: documents of these kinds are not normative (substance beats the title). */
export enum ExcludedDocumentType {
  INTERNAL_RULES = 'INTERNAL_RULES',
  STAFFING = 'STAFFING',
  MEETING_MINUTES = 'MEETING_MINUTES',
  WORK_PLAN = 'WORK_PLAN',
  REQUEST_OR_REPORT = 'REQUEST_OR_REPORT',
  COMMENDATION_SANCTION_APPOINTMENT = 'COMMENDATION_SANCTION_APPOINTMENT',
  UNIT_INTERNAL_AFFAIRS = 'UNIT_INTERNAL_AFFAIRS',
  TECHNICAL_PROCEDURE = 'TECHNICAL_PROCEDURE',
  SPECIFIC_MATTER_DECISION = 'SPECIFIC_MATTER_DECISION',
  BUDGET_FUNDS_PROJECT = 'BUDGET_FUNDS_PROJECT',
  EMERGENCY_PLAN = 'EMERGENCY_PLAN',
  DEVELOPMENT_PLAN = 'DEVELOPMENT_PLAN',
}
export const EXCLUDED_TYPE_LABELS: Record<ExcludedDocumentType, string> = {
  INTERNAL_RULES: '内部管理制度、工作制度',
  STAFFING: '机构编制文件',
  MEETING_MINUTES: '会议纪要',
  WORK_PLAN: '工作方案、工作计划',
  REQUEST_OR_REPORT: '请示、报告',
  COMMENDATION_SANCTION_APPOINTMENT: '表彰奖惩、人事任免',
  UNIT_INTERNAL_AFFAIRS: '直属单位人事、财务、外事文件',
  TECHNICAL_PROCEDURE: '技术操作规程',
  SPECIFIC_MATTER_DECISION: '对具体事项作出的决定',
  BUDGET_FUNDS_PROJECT: '预算安排、资金拨付、项目审批',
  EMERGENCY_PLAN: '应急预案',
  DEVELOPMENT_PLAN: '发展规划',
};
registerEnumType(ExcludedDocumentType, {
  name: 'ExcludedDocumentType',
  description: 'Kinds that are not normative documents (不属于规范性文件的类型), R-ND-1',
  valuesConfig: Object.fromEntries(Object.entries(EXCLUDED_TYPE_LABELS).map(([k, v]) => [k, { description: v }])),
});

export enum FilingVerdict {
  FILING_REQUIRED = 'FILING_REQUIRED',
  NOT_REQUIRED = 'NOT_REQUIRED',
  NEEDS_CONFIRMATION = 'NEEDS_CONFIRMATION',
}
registerEnumType(FilingVerdict, {
  name: 'FilingVerdict',
  description: 'Filing-obligation verdict (报备判定), R-ND-2',
  valuesConfig: {
    FILING_REQUIRED: { description: '属于规范性文件，应当报备' },
    NOT_REQUIRED: { description: '不属于规范性文件，无需报备' },
    NEEDS_CONFIRMATION: { description: '需人工确认' },
  },
});

export enum DocumentState {
  DRAFTING = 'DRAFTING',
  RELEASED = 'RELEASED',
  REPEALED = 'REPEALED',
  AMENDED = 'AMENDED',
}
registerEnumType(DocumentState, {
  name: 'DocumentState',
  description: 'Lifecycle (文件状态); expiry is computed from the validity period',
  valuesConfig: {
    DRAFTING: { description: '起草中' },
    RELEASED: { description: '已公布施行' },
    REPEALED: { description: '已废止' },
    AMENDED: { description: '已被修改（由新文件替代）' },
  },
});

export enum FilingStatus {
  FILED = 'FILED',
  REGISTERED = 'REGISTERED',
  DEFERRED = 'DEFERRED',
  REVIEWED_NO_ISSUE = 'REVIEWED_NO_ISSUE',
  CORRECTION_REQUIRED = 'CORRECTION_REQUIRED',
  CORRECTION_CLOSED = 'CORRECTION_CLOSED',
}
registerEnumType(FilingStatus, {
  name: 'FilingStatus',
  description: 'Filing status (备案状态), R-ND-7',
  valuesConfig: {
    FILED: { description: '已报送' },
    REGISTERED: { description: '已登记' },
    DEFERRED: { description: '暂缓登记，待补正' },
    REVIEWED_NO_ISSUE: { description: '审查无问题' },
    CORRECTION_REQUIRED: { description: '审查要求纠正' },
    CORRECTION_CLOSED: { description: '纠正完毕' },
  },
});

export enum FilingMaterialKind {
  FILING_REPORT = 'FILING_REPORT',
  OFFICIAL_TEXT = 'OFFICIAL_TEXT',
  DRAFTING_EXPLANATION = 'DRAFTING_EXPLANATION',
  LEGAL_BASIS_STATEMENT = 'LEGAL_BASIS_STATEMENT',
  OTHER = 'OTHER',
}
export const FILING_MATERIAL_LABELS: Record<string, string> = {
  FILING_REPORT: '备案报告',
  OFFICIAL_TEXT: '正式文本',
  DRAFTING_EXPLANATION: '起草说明（附合法性审核意见）',
  LEGAL_BASIS_STATEMENT: '制定依据',
  OTHER: '其他材料',
};
registerEnumType(FilingMaterialKind, {
  name: 'FilingMaterialKind',
  description: 'Filing material (报备材料), R-ND-6',
  valuesConfig: Object.fromEntries(Object.entries(FILING_MATERIAL_LABELS).map(([k, v]) => [k, { description: v }])),
});

export enum CleanupOutcome {
  KEEP = 'KEEP',
  AMEND = 'AMEND',
  REPEAL = 'REPEAL',
}
registerEnumType(CleanupOutcome, {
  name: 'CleanupOutcome',
  description: 'Clean-up outcome (清理结果), R-ND-10',
  valuesConfig: { KEEP: { description: '继续有效' }, AMEND: { description: '修改' }, REPEAL: { description: '废止' } },
});

/** The supervising body's answers to a filing (R-ND-7). */
export enum FilingOutcomeKind {
  REGISTER = 'REGISTER',
  DEFER = 'DEFER',
  CORRECT = 'CORRECT',
  REVIEW_NO_ISSUE = 'REVIEW_NO_ISSUE',
  REQUIRE_CORRECTION = 'REQUIRE_CORRECTION',
  CLOSE_CORRECTION = 'CLOSE_CORRECTION',
}
registerEnumType(FilingOutcomeKind, {
  name: 'FilingOutcomeKind',
  description: 'Answer of the supervising body (备案机关处理结果), R-ND-7',
  valuesConfig: {
    REGISTER: { description: '予以登记' },
    DEFER: { description: '暂缓登记，要求补正材料' },
    CORRECT: { description: '已补正材料' },
    REVIEW_NO_ISSUE: { description: '审查无问题' },
    REQUIRE_CORRECTION: { description: '审查要求纠正' },
    CLOSE_CORRECTION: { description: '纠正完毕' },
  },
});

/** A live filing problem (备案预警), R-ND-8; listed most urgent first. */
export enum FilingFlagKind {
  FILING_OVERDUE = 'FILING_OVERDUE',
  DEFERRAL_OVERDUE = 'DEFERRAL_OVERDUE',
  POSSIBLE_MISSED_FILING = 'POSSIBLE_MISSED_FILING',
  RELEASED_UNCONFIRMED = 'RELEASED_UNCONFIRMED',
  FILING_DUE_SOON = 'FILING_DUE_SOON',
  MATERIALS_MISSING = 'MATERIALS_MISSING',
  CORRECTION_OPEN = 'CORRECTION_OPEN',
  EVALUATION_DUE = 'EVALUATION_DUE',
  FILED_LATE = 'FILED_LATE',
  CORRECTED_LATE = 'CORRECTED_LATE',
}
registerEnumType(FilingFlagKind, {
  name: 'FilingFlagKind',
  description: 'Kind of a filing problem (备案预警类型), R-ND-6…9',
  valuesConfig: {
    FILING_OVERDUE: { description: '逾期未报备' },
    DEFERRAL_OVERDUE: { description: '暂缓登记后逾期未补正' },
    POSSIBLE_MISSED_FILING: { description: '判定无需报备但有提示性特征，可能漏报' },
    RELEASED_UNCONFIRMED: { description: '已公布但报备判定未经确认' },
    FILING_DUE_SOON: { description: '报备期限临近' },
    MATERIALS_MISSING: { description: '备案材料不全' },
    CORRECTION_OPEN: { description: '审查要求纠正，尚未纠正完毕' },
    EVALUATION_DUE: { description: '有效期届满前应开展评估' },
    FILED_LATE: { description: '逾期报备' },
    CORRECTED_LATE: { description: '逾期补正' },
  },
});

/** How a document left force in a period (失效、废止、修改), R-ND-10. */
export enum DocumentEnding {
  EXPIRED = 'EXPIRED',
  REPEALED = 'REPEALED',
  AMENDED = 'AMENDED',
}
registerEnumType(DocumentEnding, {
  name: 'DocumentEnding',
  description: 'How a document ended (失效、废止或修改), R-ND-10',
  valuesConfig: {
    EXPIRED: { description: '有效期届满失效' },
    REPEALED: { description: '废止' },
    AMENDED: { description: '由新文件替代（修改）' },
  },
});

/** Conclusion of a normative document's fair-competition review (公平竞争审查结论), R-ND-4. */
export enum FairCompetitionResult {
  COMPLIANT = 'COMPLIANT',
  NEEDS_CHANGE = 'NEEDS_CHANGE',
  NON_COMPLIANT = 'NON_COMPLIANT',
}
export const FAIR_COMPETITION_RESULT_LABELS: Record<FairCompetitionResult, string> = {
  COMPLIANT: '符合公平竞争审查标准',
  NEEDS_CHANGE: '需调整（调整后重新审查）',
  NON_COMPLIANT: '不符合，不得出台',
};
registerEnumType(FairCompetitionResult, {
  name: 'FairCompetitionResult',
  description: 'Conclusion of a normative document’s fair-competition review (公平竞争审查结论), R-ND-4: only COMPLIANT clears the release',
  valuesConfig: Object.fromEntries(Object.entries(FAIR_COMPETITION_RESULT_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** One condition of the release gate (发布前检查), R-ND-4: release-gate.rules.ts says which blockers belong to it. */
export enum ReleaseGateCondition {
  ASSESSMENT_CONFIRMED = 'ASSESSMENT_CONFIRMED',
  LEGALITY_REVIEW = 'LEGALITY_REVIEW',
  DELIBERATION = 'DELIBERATION',
  REGISTRATION_NUMBER = 'REGISTRATION_NUMBER',
  VALIDITY = 'VALIDITY',
  PUBLIC_COMMENT = 'PUBLIC_COMMENT',
  MARKET_ENTITIES_FLAG = 'MARKET_ENTITIES_FLAG',
  FAIR_COMPETITION = 'FAIR_COMPETITION',
  EFFECTIVE_DELAY = 'EFFECTIVE_DELAY',
  PUBLIC_RELEASE = 'PUBLIC_RELEASE',
  FILING_MATERIALS = 'FILING_MATERIALS',
  DATE_ORDER = 'DATE_ORDER',
}
registerEnumType(ReleaseGateCondition, {
  name: 'ReleaseGateCondition',
  description: 'A condition of the release gate (发布前检查条件), R-ND-4',
  valuesConfig: {
    ASSESSMENT_CONFIRMED: { description: '报备判定经备案员确认' },
    LEGALITY_REVIEW: { description: '合法性审核' },
    DELIBERATION: { description: '集体审议' },
    REGISTRATION_NUMBER: { description: '统一登记编号' },
    VALIDITY: { description: '施行日期与有效期' },
    PUBLIC_COMMENT: { description: '征求意见' },
    MARKET_ENTITIES_FLAG: { description: '涉及市场主体的标记' },
    FAIR_COMPETITION: { description: '公平竞争审查' },
    EFFECTIVE_DELAY: { description: '公布与施行的间隔' },
    PUBLIC_RELEASE: { description: '向社会公开发布' },
    FILING_MATERIALS: { description: '报备材料' },
    DATE_ORDER: { description: '日期先后' },
  },
});

/** Where a condition of the release gate stands (检查结果). */
export enum ReleaseGateStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  AFTER_ASSESSMENT = 'AFTER_ASSESSMENT',
}
registerEnumType(ReleaseGateStatus, {
  name: 'ReleaseGateStatus',
  description: 'Where a condition of the release gate stands (检查结果)',
  valuesConfig: {
    MET: { description: '已满足' },
    NOT_MET: { description: '未满足' },
    NOT_APPLICABLE: { description: '不适用' },
    AFTER_ASSESSMENT: { description: '报备判定确认后检查' },
  },
});
