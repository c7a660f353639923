import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import Popconfirm from 'antd/es/popconfirm';
import Table from 'antd/es/table';
import type { AdvisorOpinionFragment, AdvisorReviewQuery } from '../../gql/graphql';
import { MutationError, StateTag, formatDateTime } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import type { ActionInfo } from '../../shared/AvailableActions';
import { AdvisorConfirmDraftDoc } from './documents';
import { ASPECT, ASPECT_CONCLUSION, CONCLUSION, FINDING_RESPONSE, OPINION_STATUS } from './labels';

type Review = AdvisorReviewQuery['review'];
type Finding = AdvisorOpinionFragment['findings'][number];

/** The findings of an opinion with the drafting department's answer to each (R-DEC-9). */
export function FindingsTable({ opinion, aspectLabel }: { opinion: AdvisorOpinionFragment; aspectLabel: (a: Finding['aspect']) => string }) {
  return (
    <Table<Finding>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={opinion.findings}
      data-testid="findings"
      locale={{ emptyText: '无审查意见条目' }}
      onRow={(f) => ({ 'data-finding-seq': f.seq }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        { title: '审查方面', key: 'aspect', width: 110, render: (_: unknown, f: Finding) => aspectLabel(f.aspect) },
        {
          title: '性质',
          key: 'mustFix',
          width: 100,
          render: (_: unknown, f: Finding) => (f.mustFix ? <Tag color="error">必须修改</Tag> : <Tag>建议修改</Tag>),
        },
        { title: '意见', dataIndex: 'text' },
        { title: '法律依据', key: 'law', width: 240, render: (_: unknown, f: Finding) => `${f.lawName}${f.article}` },
        {
          title: '起草部门答复',
          key: 'response',
          width: 260,
          render: (_: unknown, f: Finding) =>
            f.response ? (
              <Space direction="vertical" size={2} data-testid="finding-response">
                <span>
                  <Tag color={FINDING_RESPONSE[f.response].color}>{FINDING_RESPONSE[f.response].label}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(f.respondedAt)}</Typography.Text>
                </span>
                {f.responseReason && <span>理由：{f.responseReason}</span>}
              </Space>
            ) : (
              <Typography.Text type="secondary">尚未答复</Typography.Text>
            ),
        },
      ]}
    />
  );
}

/** One opinion as issued (or superseded): conclusion, aspects, findings with answers, text, confirmations. */
export function OpinionView({ review, opinion, currentHash, actions, onDone }: { review: Review; opinion: AdvisorOpinionFragment; currentHash: string | null; actions: ActionInfo[]; onDone: () => unknown }) {
  const aspectLabel = (a: Finding['aspect']) => review.requiredAspects.find((r) => r.aspect === a)?.label ?? ASPECT[a];
  const inForce = opinion.status === 'ISSUED' && !opinion.superseded;
  const confirm = actions.find((a) => a.action === 'CONFIRM_AMENDMENT');
  // An amended text the opinion has not covered or confirmed yet (R-DEC-9).
  const unconfirmed =
    inForce && currentHash !== null && currentHash !== review.pinnedHash && !opinion.confirmations.some((c) => c.draftHash === currentHash) ? currentHash : null;
  return (
    <Card
      data-testid={`opinion-${opinion.number}`}
      extra={<DocumentLinks links={opinion.documents} testId={`opinion-${opinion.number}-documents`} />}
      title={
        <Space>
          <span>法律意见书（第 {opinion.number} 份）</span>
          <StateTag state={opinion.status} labels={OPINION_STATUS} />
          {inForce && <Tag color="blue">现行有效</Tag>}
          {opinion.superseded && <Tag>已被更正意见取代</Tag>}
          {opinion.supersedesId && <Tag color="purple">更正意见</Tag>}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, xl: 3 }} size="small" bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="审查结论">
          <Typography.Text strong data-testid="opinion-conclusion">
            {CONCLUSION[opinion.conclusion]}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="签发人">{opinion.signedBy?.displayName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="签发时间">{formatDateTime(opinion.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label="分项结论" span={3}>
          {opinion.aspects.length ? opinion.aspects.map((a) => `${aspectLabel(a.aspect)}：${ASPECT_CONCLUSION[a.conclusion]}${a.note ? `（${a.note}）` : ''}`).join('；') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="所审查文本哈希" span={3}>
          <Typography.Text code>{opinion.reviewedDraftHash.slice(0, 16)}…</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <FindingsTable opinion={opinion} aspectLabel={aspectLabel} />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} ellipsis={{ rows: 6, expandable: true }}>
        {opinion.text}
      </Typography.Paragraph>
      {opinion.confirmations.length > 0 && (
        <Descriptions title="修改稿确认" column={1} size="small" bordered>
          {opinion.confirmations.map((c) => (
            <Descriptions.Item key={c.id} label={formatDateTime(c.confirmedAt)}>
              {c.note}（文本哈希 {c.draftHash.slice(0, 12)}…）
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {confirm && unconfirmed && <ConfirmAmendedDraft opinion={opinion} action={confirm} onDone={onDone} />}
    </Card>
  );
}

/** The advisor confirms the amended text against the opinion in force; the review is re-pinned to it (R-DEC-9). */
function ConfirmAmendedDraft({ opinion, action, onDone }: { opinion: AdvisorOpinionFragment; action: ActionInfo; onDone: () => unknown }) {
  const [form] = Form.useForm<{ note: string }>();
  const [note, setNote] = useState('');
  const [confirm, state] = useMutation(AdvisorConfirmDraftDoc);
  return (
    <Card size="small" type="inner" title={`${action.label}（${action.rule}）`} style={{ marginTop: 12 }} data-testid="confirm-amendment">
      <p>起草部门在意见签发后修改了文本。核对上方的逐字比对后，确认修改稿已落实审查意见：确认后审查改为固定当前文本。</p>
      <Form form={form} layout="vertical" onValuesChange={(_, v) => setNote(v.note ?? '')}>
        <Form.Item name="note" label="确认说明" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <MutationError error={state.error} onReload={onDone} />
      <Popconfirm
        title="确认修改稿？"
        description="确认记录不可撤销，审查将固定当前文本。"
        okText="确认"
        cancelText="取消"
        disabled={!note.trim()}
        onConfirm={async () => {
          await confirm({ variables: { input: { opinionId: opinion.id, note: note.trim() } } })
            .then(async () => {
              form.resetFields();
              setNote('');
              await onDone();
            })
            .catch(() => undefined);
        }}
      >
        <Button type="primary" disabled={!note.trim()} loading={state.loading} data-action="CONFIRM_AMENDMENT">
          {action.label}
        </Button>
      </Popconfirm>
    </Card>
  );
}
