import type {
  CleanupOutcome,
  DocumentEnding,
  DocumentState,
  ExcludedDocumentType,
  FilingMaterialKind,
  FilingOutcomeKind,
  FilingStatus,
  FilingVerdict,
  Issuer,
  ReleaseGateStatus,
} from '../../gql/graphql';

/** Chinese labels of the register's enums, typed against the schema: a new value breaks the type-check until it has its label. */

export const DOCUMENT_STATE: Record<DocumentState, { label: string; color: string }> = {
  DRAFTING: { label: '起草中', color: 'processing' },
  RELEASED: { label: '已公布施行', color: 'success' },
  AMENDED: { label: '已被修改（新文件替代）', color: 'default' },
  REPEALED: { label: '已废止', color: 'default' },
};

export const FILING_STATUS: Record<FilingStatus, { label: string; color: string }> = {
  FILED: { label: '已报送', color: 'processing' },
  DEFERRED: { label: '暂缓登记，待补正', color: 'warning' },
  REGISTERED: { label: '已登记', color: 'blue' },
  REVIEWED_NO_ISSUE: { label: '审查无问题', color: 'success' },
  CORRECTION_REQUIRED: { label: '审查要求纠正', color: 'error' },
  CORRECTION_CLOSED: { label: '纠正完毕', color: 'success' },
};

export const VERDICT: Record<FilingVerdict, { label: string; color: string }> = {
  FILING_REQUIRED: { label: '属于规范性文件，应当报备', color: 'volcano' },
  NOT_REQUIRED: { label: '不属于规范性文件，无需报备', color: 'default' },
  NEEDS_CONFIRMATION: { label: '需人工确认', color: 'warning' },
};

export const ISSUER: Record<Issuer, string> = {
  STREET_OFFICE: '街道办事处',
  PARTY_WORKING_COMMITTEE: '街党工委',
};

export const MATERIAL_KIND: Record<FilingMaterialKind, string> = {
  FILING_REPORT: '备案报告',
  OFFICIAL_TEXT: '正式文本',
  DRAFTING_EXPLANATION: '起草说明（附合法性审核意见）',
  LEGAL_BASIS_STATEMENT: '制定依据',
  OTHER: '其他材料',
};

export const EXCLUDED_TYPE: Record<ExcludedDocumentType, string> = {
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

export const OUTCOME_KIND: Record<FilingOutcomeKind, string> = {
  REGISTER: '予以登记',
  DEFER: '暂缓登记，要求补正材料',
  CORRECT: '已补正材料',
  REVIEW_NO_ISSUE: '审查无问题',
  REQUIRE_CORRECTION: '审查要求纠正',
  CLOSE_CORRECTION: '纠正完毕',
};

export const CLEANUP_OUTCOME: Record<CleanupOutcome, { label: string; color: string }> = {
  KEEP: { label: '继续有效', color: 'success' },
  AMEND: { label: '修改', color: 'warning' },
  REPEAL: { label: '废止', color: 'error' },
};

export const ENDING: Record<DocumentEnding, string> = {
  EXPIRED: '有效期届满失效',
  REPEALED: '废止',
  AMENDED: '由新文件替代（修改）',
};

export const GATE_STATUS: Record<ReleaseGateStatus, { label: string; color: string }> = {
  MET: { label: '已满足', color: 'success' },
  NOT_MET: { label: '未满足', color: 'error' },
  NOT_APPLICABLE: { label: '不适用', color: 'default' },
  AFTER_ASSESSMENT: { label: '判定确认后检查', color: 'default' },
};

/** The checklist questions of R-ND-1 (the assessment's answers), in the rule book's order. */
export const ELEMENTS = [
  { key: 'issuedWithinAuthority', label: '由行政机关（或党组织）在职权范围内制定' },
  { key: 'affectsRights', label: '涉及公民、法人和其他组织的权利义务' },
  { key: 'generallyBinding', label: '对不特定对象具有普遍约束力' },
  { key: 'appliedRepeatedly', label: '在一定期限内反复适用' },
] as const;

export type ElementKey = (typeof ELEMENTS)[number]['key'];

/** A rate (0…1) as a percentage; no documents: —. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
