import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import type { DrafterReviewFieldsFragment, DrafterReviewOpinionsQuery, FindingResponse } from '../../gql/graphql';
import { ApiErrorAlert, AvailableActions, EmptyState, formatDate, formatDateTime, MutationError, StateTag } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { attempt, Section, useWorkspaceMutation } from './common';
import { FINDING_ASPECT, FINDING_RESPONSE, OPINION_CONCLUSION, optionsOf, REVIEW_STATUS } from './labels';

/** What the drafter's screens read of a review request (proposal.reviewRequests, contract.reviewRequests). */
export const DrafterReviewFields = graphql(`
  fragment DrafterReviewFields on ReviewRequest {
    id
    code
    status
    version
    requestedAt
    requestedCompletionOn
    acceptedOn
    returnReason
    returnedOn
    extensionWorkingDays
    extensionReason
    pinnedHash
    pinnedVersion {
      id
      number
    }
    assignedTo {
      id
      displayName
    }
    deadline {
      dueOn
      workingDaysLeft
      overdue
      paused
    }
    availableActions {
      action
      label
      rule
      ruleTitle
    }
  }
`);

/** A review's opinions with their findings: one review at a time (long texts, nested lists). */
const ReviewOpinionsDoc = graphql(`
  query DrafterReviewOpinions($id: ID!) {
    review(id: $id) {
      id
      opinions {
        id
        number
        status
        documents {
          kind
          format
          title
          url
        }
        conclusion
        text
        issuedAt
        superseded
        signedBy {
          id
          displayName
        }
        findings {
          id
          seq
          aspect
          mustFix
          text
          lawName
          article
          response
          responseReason
          respondedAt
        }
      }
    }
  }
`);

const RespondToFindingDoc = graphql(`
  mutation DrafterRespondToFinding($input: RespondFindingInput!) {
    respondToFinding(input: $input) {
      finding {
        id
        response
        responseReason
        respondedAt
      }
    }
  }
`);

const ResubmitReviewDoc = graphql(`
  mutation DrafterResubmitReview($input: ReviewTransitionInput!) {
    resubmitReview(input: $input) {
      review {
        id
        status
        version
      }
    }
  }
`);

type Review = DrafterReviewFieldsFragment;
type Opinion = DrafterReviewOpinionsQuery['review']['opinions'][number];
type Finding = Opinion['findings'][number];

/**
 * The legality reviews of a subject as its drafter follows them: status and deadline, what a return
 * asked for (and resubmission once supplemented), the issued opinions with their findings, and the
 * drafter's answer to each finding (adopted, or not adopted with a reason).
 */
export function ReviewsPanel({ reviews, onReload }: { reviews: Review[]; onReload: () => unknown }) {
  return (
    <Section id="review" title="合法性审查">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {reviews.length === 0 ? (
          <EmptyState description="尚未提请合法性审查" />
        ) : (
          [...reviews].reverse().map((r) => <ReviewCard key={r.id} review={r} onReload={onReload} />)
        )}
      </Space>
    </Section>
  );
}

function ReviewCard({ review: r, onReload }: { review: Review; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [resubmit, resubmitState] = useWorkspaceMutation(ResubmitReviewDoc);
  const opinions = useQuery(ReviewOpinionsDoc, { variables: { id: r.id } });
  const issued = (opinions.data?.review.opinions ?? []).filter((o) => o.status === 'ISSUED');
  return (
    <Card
      size="small"
      data-testid={`review-${r.code}`}
      title={
        <Space>
          <span>审查 {r.code}</span>
          <StateTag state={r.status} labels={REVIEW_STATUS} />
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, lg: 2, xxl: 3 }} bordered>
        <Descriptions.Item label="提请时间">{formatDateTime(r.requestedAt)}</Descriptions.Item>
        <Descriptions.Item label="送审文本">
          第 {r.pinnedVersion.number} 稿（<span title={r.pinnedHash}>{r.pinnedHash.slice(0, 12)}…</span>）
        </Descriptions.Item>
        <Descriptions.Item label="期望完成日期">{formatDate(r.requestedCompletionOn)}</Descriptions.Item>
        <Descriptions.Item label="接收日期">{formatDate(r.acceptedOn)}</Descriptions.Item>
        <Descriptions.Item label="审查期限">
          {r.deadline.dueOn ? (
            <Space>
              {formatDate(r.deadline.dueOn)}
              {r.deadline.paused ? (
                <Tag>计时暂停</Tag>
              ) : r.deadline.overdue ? (
                <Tag color="error">已超期</Tag>
              ) : r.deadline.workingDaysLeft !== null && r.deadline.workingDaysLeft !== undefined ? (
                <Tag>剩余 {r.deadline.workingDaysLeft} 个工作日</Tag>
              ) : null}
            </Space>
          ) : (
            '接收后起算'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="承办法律顾问">{r.assignedTo?.displayName ?? '—'}</Descriptions.Item>
        {r.extensionWorkingDays > 0 && (
          <Descriptions.Item label="延期">
            {r.extensionWorkingDays} 个工作日：{r.extensionReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {r.status === 'RETURNED' && (
        <Card size="small" type="inner" title={`退回补充（${formatDate(r.returnedOn)}）`} style={{ marginTop: 12, borderColor: '#faad14' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="return-reason">
            {r.returnReason}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">补充材料、修改草案后重新提交；重新提交时送审文本和材料重新固定，审查计时恢复。</Typography.Paragraph>
        </Card>
      )}
      <div style={{ marginTop: 12 }}>
        <AvailableActions
          actions={r.availableActions}
          busy={resubmitState.loading}
          handlers={{
            RESUBMIT: () =>
              void attempt(async () => {
                await resubmit({ variables: { input: { reviewId: r.id, version: r.version } } });
                message.success('已重新提交审查');
              }),
          }}
        />
        <MutationError error={resubmitState.error} onReload={onReload} />
      </div>
      <ApiErrorAlert error={opinions.error} title="无法加载法律意见" />
      {issued.map((o) => (
        <OpinionView key={o.id} opinion={o} onReload={onReload} />
      ))}
    </Card>
  );
}

function OpinionView({ opinion: o, onReload }: { opinion: Opinion; onReload: () => unknown }) {
  const [answering, setAnswering] = useState<Finding | null>(null);
  const conclusion = OPINION_CONCLUSION[o.conclusion];
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginTop: 12 }}
      title={
        <Space wrap>
          <span>法律意见 第 {o.number} 份</span>
          <Tag color={conclusion.color}>{conclusion.label}</Tag>
          {o.superseded && <Tag>已被更正</Tag>}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {o.signedBy?.displayName ?? ''} {formatDateTime(o.issuedAt)} 签发
        </Typography.Text>
      }
    >
      <DocumentLinks links={o.documents} testId={`opinion-${o.number}-documents`} />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} ellipsis={{ rows: 6, expandable: true, symbol: '展开全文' }}>
        {o.text}
      </Typography.Paragraph>
      <Table<Finding>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.findings}
        aria-label="审查意见条目"
        locale={{ emptyText: <EmptyState description="本意见没有具体条目" /> }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '方面', dataIndex: 'aspect', width: 110, render: (a: Finding['aspect']) => FINDING_ASPECT[a] },
          { title: '必须修改', dataIndex: 'mustFix', width: 90, render: (m: boolean) => (m ? <Tag color="error">必须修改</Tag> : <Tag>建议</Tag>) },
          { title: '意见', dataIndex: 'text' },
          { title: '依据', key: 'law', width: 200, render: (_: unknown, f: Finding) => `${f.lawName} ${f.article}` },
          {
            title: '答复',
            key: 'response',
            width: 220,
            render: (_: unknown, f: Finding) =>
              f.response ? (
                <Space direction="vertical" size={0}>
                  <Tag color={f.response === 'ADOPTED' ? 'success' : 'warning'}>{f.response === 'ADOPTED' ? '采纳' : '不采纳'}</Tag>
                  {f.responseReason && <Typography.Text type="secondary">{f.responseReason}</Typography.Text>}
                </Space>
              ) : (
                <Tag color={f.mustFix ? 'error' : 'default'}>尚未答复</Tag>
              ),
          },
          {
            title: '操作',
            key: 'act',
            width: 100,
            render: (_: unknown, f: Finding) =>
              o.superseded ? null : (
                <Button size="small" onClick={() => setAnswering(f)} aria-label={`答复第 ${f.seq} 条意见`}>
                  {f.response ? '修改答复' : '答复'}
                </Button>
              ),
          },
        ]}
      />
      {answering && <AnswerFindingModal finding={answering} onClose={() => setAnswering(null)} onReload={onReload} />}
    </Card>
  );
}

function AnswerFindingModal({ finding, onClose, onReload }: { finding: Finding; onClose: () => void; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: FindingResponse; reason?: string }>();
  const [respond, { loading, error }] = useWorkspaceMutation(RespondToFindingDoc);
  const response = Form.useWatch('response', form);
  return (
    <Modal
      open
      title={`答复第 ${finding.seq} 条审查意见`}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={loading}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{finding.text}</Typography.Paragraph>
      <Form name="finding-answer-form"
        form={form}
        layout="vertical"
        initialValues={{ response: finding.response ?? undefined, reason: finding.responseReason ?? '' }}
        onFinish={async (v) => {
          const ok = await attempt(() => respond({ variables: { input: { findingId: finding.id, response: v.response, reason: v.reason?.trim() || null } } }));
          if (ok) {
            message.success('已答复');
            onClose();
          }
        }}
      >
        <Form.Item name="response" label="是否采纳" rules={[{ required: true, message: '请选择是否采纳' }]}>
          <Select options={optionsOf(FINDING_RESPONSE)} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由或修改情况"
          rules={[{ required: response === 'NOT_ADOPTED', whitespace: true, message: '不采纳须说明理由' }]}
          extra={response === 'ADOPTED' ? '可说明已在第几稿中如何修改' : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={onReload} />
    </Modal>
  );
}
