import { Empty, Result, Spin, Tag } from 'antd';
import type { ProposalState, ProposalStep, ReviewStatus, ReviewSubjectType, Role } from '../gql/graphql';

/**
 * Chinese labels of workflow states, typed against the generated enums: a state added to the schema
 * breaks the type-check until it has its label here. Add one map per stateful type.
 */
export const PROPOSAL_STATE: Record<ProposalState, { label: string; color: string }> = {
  AWAITING_INCLUSION: { label: '待纳入目录', color: 'default' },
  INCLUDED: { label: '起草中', color: 'processing' },
  LEGALITY_REVIEW_REQUESTED: { label: '已提请合法性审查', color: 'blue' },
  LEGALITY_REVIEWED: { label: '已出具法律意见', color: 'cyan' },
  APPROVED: { label: '集体讨论通过', color: 'success' },
  DECLINED: { label: '未予纳入', color: 'default' },
  REJECTED: { label: '集体讨论不同意', color: 'error' },
  WITHDRAWN: { label: '已撤回', color: 'default' },
};

export const PROPOSAL_STEP: Record<ProposalStep, string> = {
  INCLUDE: '纳入目录',
  REQUEST_LEGALITY_REVIEW: '提请合法性审查',
  DELIBERATION: '提交集体讨论',
};

export const REVIEW_STATUS: Record<ReviewStatus, { label: string; color: string }> = {
  SUBMITTED: { label: '已提请，待接收', color: 'blue' },
  FIRST_REVIEW: { label: '待法制人员初审', color: 'purple' },
  ACCEPTED: { label: '已接收，审查中', color: 'processing' },
  RETURNED: { label: '已退回补充材料', color: 'default' },
  OPINION_ISSUED: { label: '已出具法律意见', color: 'success' },
};

export const REVIEW_SUBJECT: Record<ReviewSubjectType, string> = {
  DECISION: '重大行政决策',
  CONTRACT: '合同',
  NORMATIVE_DOCUMENT: '规范性文件',
  ENFORCEMENT_DECISION: '重大执法决定',
};

export const ROLE_LABEL: Record<Role, string> = {
  DRAFTER: '起草部门经办人',
  LEGAL_ADVISOR: '法律顾问',
  FILING_OFFICER: '备案员',
  DECISION_MAKER: '决策者',
  ADMIN: '系统管理员',
};

/** A workflow state as a coloured tag: `<StateTag state={p.state} labels={PROPOSAL_STATE} />`. */
export function StateTag<S extends string>({ state, labels }: { state: S; labels: Record<S, { label: string; color: string }> }) {
  const l = labels[state];
  return (
    <Tag color={l?.color ?? 'default'} data-state={state}>
      {l?.label ?? state}
    </Tag>
  );
}

/** The loading state of a screen or a section. */
export function Loading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{tip}</div>
    </div>
  );
}

/** The empty state: say what is empty and, when useful, what to do. */
export function EmptyState({ description, children }: { description: string; children?: React.ReactNode }) {
  return (
    <Empty description={description} image={Empty.PRESENTED_IMAGE_SIMPLE}>
      {children}
    </Empty>
  );
}

/** A screen the user's roles do not allow, or an address that does not exist. */
export function NotFound({ title = '页面不存在', status = '404' }: { title?: string; status?: '403' | '404' }) {
  return <Result status={status} title={title} />;
}
