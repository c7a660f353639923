import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Card, Descriptions, Form, Space, Tag, Typography } from 'antd';
import Breadcrumb from 'antd/es/breadcrumb';
import Modal from 'antd/es/modal';
import Tabs from 'antd/es/tabs';
import DatePicker from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../gql';
import type { DrafterProposalQuery, ProposalState, ProposalStep } from '../../gql/graphql';
import { AvailableActions, formatDateTime, Loading, MutationError, PROPOSAL_STATE, PROPOSAL_STEP, StateTag, useCursorPages } from '../../shared';
import { AlternativesPanel } from './AlternativesPanel';
import { BlockerList } from './BlockerList';
import { attempt, LoadFailure, localDate, useWorkspaceMutation } from './common';
import { DraftPanel } from './DraftPanel';
import { PROPOSAL_MATERIAL_KINDS, PROPOSAL_SOURCE } from './labels';
import { MaterialsPanel } from './MaterialsPanel';
import { ProceduresPanel } from './ProceduresPanel';
import { ProposalDescription } from './ProposalDescription';
import { ReviewsPanel } from './ReviewsPanel';
import { SECTION_TAB, type WorkspaceTab } from './sections';

const DrafterProposalDoc = graphql(`
  query DrafterProposal($id: ID!) {
    proposal(id: $id) {
      id
      code
      year
      title
      state
      nextStep
      version
      source
      problem
      legalBasis
      preliminaryPlan
      necessity
      feasibility
      affectsPublicInterest
      specialised
      stabilityRisk
      touchesMarketEntities
      viewsDifferWidely
      declineReason
      createdAt
      updatedAt
      currentDraftNumber
      createdBy {
        id
        displayName
      }
      sponsorDepartment {
        id
        name
      }
      directoryItem {
        id
        seq
        title
        directory {
          id
          year
          title
        }
      }
      currentDraft {
        id
        number
        text
        changeNote
        contentHash
        createdAt
        author {
          id
          displayName
        }
      }
      availableActions {
        action
        label
        rule
        ruleTitle
      }
      procedures {
        kind
        required
        derived
        added
        recorded
      }
      alternatives {
        id
        title
        description
        createdAt
      }
      disagreements {
        id
        departments
        description
        unresolved
        createdAt
      }
      reviewRequests {
        ...DrafterReviewFields
      }
    }
  }
`);

const DrafterProposalBlockersDoc = graphql(`
  query DrafterProposalBlockers($id: ID!, $step: ProposalStep!) {
    proposal(id: $id) {
      id
      blockers(step: $step) {
        rule
        code
        title
        message
      }
    }
  }
`);

const DrafterProposalDraftsDoc = graphql(`
  query DrafterProposalDrafts($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id
      drafts(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          number
          changeNote
          contentHash
          createdAt
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

const DrafterProposalDraftIndexDoc = graphql(`
  query DrafterProposalDraftIndex($id: ID!) {
    proposal(id: $id) {
      id
      draftIndex: drafts(first: 100) {
        nodes {
          id
          number
        }
      }
    }
  }
`);

const AddDraftVersionDoc = graphql(`
  mutation DrafterAddDraftVersion($input: AddDraftInput!) {
    addDraftVersion(input: $input) {
      draft {
        id
        number
      }
      proposal {
        id
        currentDraftNumber
        version
      }
    }
  }
`);

const RequestReviewDoc = graphql(`
  mutation DrafterRequestLegalityReview($input: RequestLegalityReviewInput!) {
    requestLegalityReview(input: $input) {
      review {
        id
        code
        status
      }
    }
  }
`);

const WithdrawDoc = graphql(`
  mutation DrafterWithdrawProposal($input: ProposalTransitionInput!) {
    withdrawProposal(input: $input) {
      proposal {
        id
        state
        version
      }
    }
  }
`);

const RequestInclusionDoc = graphql(`
  mutation DrafterRequestInclusion($input: ProposalTransitionInput!) {
    requestInclusion(input: $input) {
      proposal {
        id
        state
        version
      }
    }
  }
`);

export type WorkspaceProposal = DrafterProposalQuery['proposal'];

/** States in which the sponsor drafts: versions, procedures, materials (the API's DRAFTING_STATES; it refuses anything else). */
const DRAFTING: ProposalState[] = ['INCLUDED', 'LEGALITY_REVIEWED'];
/** States in which the proposal's own description may still change (the API's EDITABLE_STATES). */
const EDITABLE: ProposalState[] = ['AWAITING_INCLUSION', 'DECLINED', 'INCLUDED', 'LEGALITY_REVIEWED'];

const STEP_DONE: Record<ProposalStep, string> = {
  INCLUDE: '等待决策机关纳入目录',
  REQUEST_LEGALITY_REVIEW: '已满足全部条件，可以提请合法性审查',
  DELIBERATION: '已满足全部条件，可以提交集体讨论',
};

/**
 * The drafter's workspace for one proposal: state, next step and every blocker of it (each linked
 * to the form that fixes it), the actions the API allows, and tabs for the description, the draft
 * (editor, versions, character diff), alternatives and disagreements, the statutory procedures,
 * materials, and the legality reviews with their findings.
 */
export function ProposalDetail() {
  const { id = '' } = useParams();
  const { hash, pathname } = useLocation();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(DrafterProposalDoc, { variables: { id } });
  const p = data?.proposal;
  const drafting = !!p && DRAFTING.includes(p.state);
  const readOnly = p ? `决策建议处于「${PROPOSAL_STATE[p.state].label}」状态，不能修改（只有已纳入目录、尚未提请审查或已出具法律意见的建议可以起草和补充）` : '';

  const draftPages = useCursorPages(10);
  const drafts = useQuery(DrafterProposalDraftsDoc, { variables: { id, ...draftPages.variables }, skip: !p });
  const draftIndex = useQuery(DrafterProposalDraftIndexDoc, { variables: { id }, skip: !p });
  const [addDraft, addDraftState] = useWorkspaceMutation(AddDraftVersionDoc);

  if (loading && !data) return <Loading />;
  if (!p) return <LoadFailure error={error} what="决策建议" />;

  const section = hash.replace(/^#/, '');
  const tab: WorkspaceTab = SECTION_TAB[section] ?? 'overview';
  const required = new Set(p.procedures.filter((x) => x.required).map((x) => x.kind));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/drafter/proposals">本部门决策建议</Link> }, { title: p.code }]} />
      <ProposalHeader p={p} onReload={refetch} onReviewRequested={() => navigate(`${pathname}#review`)} />
      {p.nextStep && <BlockersCard id={p.id} step={p.nextStep} />}
      {p.state === 'LEGALITY_REVIEW_REQUESTED' && (
        <Alert
          type="info"
          showIcon
          title="合法性审查进行中"
          description="送审的草案和材料已经固定；审查期间不能修改。法律顾问退回补充的，按退回意见补充后重新提交；出具法律意见后，逐条答复审查意见。"
          action={<Link to={`${pathname}#review`}>查看审查</Link>}
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`${pathname}#${key}`, { replace: true })}
          items={[
            { key: 'overview', label: '概况', children: <ProposalDescription p={p} editable={EDITABLE.includes(p.state)} onReload={refetch} /> },
            {
              key: 'draft',
              label: `草案（${p.currentDraftNumber} 稿）`,
              children: (
                <DraftPanel
                  what="草案"
                  current={p.currentDraft}
                  history={drafts.data?.proposal.drafts}
                  pages={draftPages}
                  historyLoading={drafts.loading}
                  historyError={drafts.error}
                  index={draftIndex.data?.proposal.draftIndex.nodes ?? []}
                  canEdit={drafting}
                  readOnlyReason={readOnly}
                  onSave={(text, changeNote) => addDraft({ variables: { input: { proposalId: p.id, text, changeNote } } })}
                  saving={addDraftState.loading}
                  saveError={addDraftState.error}
                  onReload={refetch}
                />
              ),
            },
            {
              key: 'alternatives',
              label: '备选方案与分歧',
              children: (
                <AlternativesPanel
                  proposalId={p.id}
                  viewsDifferWidely={p.viewsDifferWidely}
                  alternatives={p.alternatives}
                  disagreements={p.disagreements}
                  canEdit={drafting}
                  onReload={refetch}
                />
              ),
            },
            { key: 'procedures', label: '法定程序', children: <ProceduresPanel proposalId={p.id} procedures={p.procedures} required={required} canEdit={drafting} readOnlyReason={readOnly} /> },
            { key: 'materials', label: '材料', children: <MaterialsPanel owner={{ proposalId: p.id }} kinds={PROPOSAL_MATERIAL_KINDS} canAdd={drafting} readOnlyReason={readOnly} /> },
            { key: 'review', label: `合法性审查（${p.reviewRequests.length}）`, children: <ReviewsPanel reviews={p.reviewRequests} onReload={refetch} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function ProposalHeader({ p, onReload, onReviewRequested }: { p: WorkspaceProposal; onReload: () => unknown; onReviewRequested: () => void }) {
  const { message, modal } = App.useApp();
  const [requestOpen, setRequestOpen] = useState(false);
  const [withdraw, withdrawState] = useWorkspaceMutation(WithdrawDoc);
  const [requestInclusion, inclusionState] = useWorkspaceMutation(RequestInclusionDoc);
  const input = { proposalId: p.id, version: p.version };
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{p.title}</Typography.Title>} extra={<StateTag state={p.state} labels={PROPOSAL_STATE} />}>
      <Descriptions column={{ xs: 1, lg: 2, xxl: 3 }} bordered size="small">
        <Descriptions.Item label="编号">{p.code}</Descriptions.Item>
        <Descriptions.Item label="当前草案">
          {p.currentDraft ? `第 ${p.currentDraft.number} 稿（${formatDateTime(p.currentDraft.createdAt)}）` : '尚无草案'}
        </Descriptions.Item>
        <Descriptions.Item label="下一步">{p.nextStep ? PROPOSAL_STEP[p.nextStep] : '—'}</Descriptions.Item>
        <Descriptions.Item label="承办部门">{p.sponsorDepartment.name}</Descriptions.Item>
        <Descriptions.Item label="来源">{PROPOSAL_SOURCE[p.source]}</Descriptions.Item>
        <Descriptions.Item label="目录事项">
          {p.directoryItem ? `${p.directoryItem.directory.year} 年目录第 ${p.directoryItem.seq} 项：${p.directoryItem.title}` : <Tag>尚未纳入目录</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="提出人">{p.createdBy.displayName}</Descriptions.Item>
        <Descriptions.Item label="提出时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{formatDateTime(p.updatedAt)}</Descriptions.Item>
        {p.declineReason && (
          <Descriptions.Item label="未予纳入理由" span={3}>
            {p.declineReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div style={{ marginTop: 16 }}>
        <AvailableActions
          actions={p.availableActions}
          busy={withdrawState.loading || inclusionState.loading}
          handlers={{
            REQUEST_LEGALITY_REVIEW: () => setRequestOpen(true),
            REQUEST_INCLUSION: () =>
              void attempt(async () => {
                await requestInclusion({ variables: { input } });
                message.success('已重新申请纳入目录');
              }),
            WITHDRAW: () =>
              void modal.confirm({
                title: `撤回决策建议「${p.title}」？`,
                content: '撤回后不能再继续办理。',
                okText: '撤回',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: () =>
                  attempt(async () => {
                    await withdraw({ variables: { input } });
                    message.success('已撤回');
                  }),
              }),
          }}
        />
        <div style={{ marginTop: 8 }}>
          <MutationError error={withdrawState.error ?? inclusionState.error} onReload={onReload} />
        </div>
      </div>
      {requestOpen && (
        <RequestReviewModal
          p={p}
          onClose={() => setRequestOpen(false)}
          onDone={() => {
            setRequestOpen(false);
            onReviewRequested();
          }}
          onReload={onReload}
        />
      )}
    </Card>
  );
}

function RequestReviewModal({ p, onClose, onDone, onReload }: { p: WorkspaceProposal; onClose: () => void; onDone: () => void; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestedCompletionOn?: Dayjs }>();
  const [request, { loading, error }] = useWorkspaceMutation(RequestReviewDoc);
  return (
    <Modal
      open
      title="提请合法性审查"
      okText="提请审查"
      cancelText="取消"
      confirmLoading={loading}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph>
        提请后，当前草案（第 {p.currentDraftNumber} 稿）和全部材料将被固定为送审版本；材料不全的，系统会逐项列出未满足的规则。
      </Typography.Paragraph>
      <Form name="request-review-form"
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await attempt(() => request({ variables: { input: { proposalId: p.id, version: p.version, requestedCompletionOn: localDate(v.requestedCompletionOn) } } }));
          const review = r?.data?.requestLegalityReview.review;
          if (review) {
            message.success(`已提请合法性审查（${review.code}）`);
            onDone();
          }
        }}
      >
        <Form.Item name="requestedCompletionOn" label="期望完成日期" extra="可不填；填写的须至少在 7 个工作日之后（R-LR-3）">
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={onReload} />
    </Modal>
  );
}

function BlockersCard({ id, step }: { id: string; step: ProposalStep }) {
  const { data, error } = useQuery(DrafterProposalBlockersDoc, { variables: { id, step } });
  const blockers = data?.proposal.blockers;
  return (
    <Card
      size="small"
      data-testid="blockers-card"
      title={
        <Space>
          <span>{PROPOSAL_STEP[step]}尚待满足</span>
          {blockers && (blockers.length ? <Tag color="warning" data-testid="blocker-count">{blockers.length} 项</Tag> : <Tag color="success" data-testid="blocker-count">0 项</Tag>)}
        </Space>
      }
    >
      {error ? <LoadFailure error={error} what="办理条件" /> : blockers ? <BlockerList blockers={blockers} done={STEP_DONE[step]} /> : <Loading tip="正在检查办理条件…" />}
    </Card>
  );
}
