import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Card, Form, Input, Select, Typography } from 'antd';
import Radio from 'antd/es/radio';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionCategory, DecisionInclusionQueueQuery } from '../../gql/graphql';
import { ApiErrorAlert, AvailableActions, formatDateTime, useCursorPages } from '../../shared';
import { DECISION_CATEGORY, optionsOf } from './labels';
import { ModalForm, QUARTER_OPTIONS, quarterLabel } from './forms';

const DecisionInclusionQueueDoc = graphql(`
  query DecisionInclusionQueue($first: Int, $after: String) {
    proposals(first: $first, after: $after, filter: { state: AWAITING_INCLUSION }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        year
        version
        createdAt
        sponsorDepartment {
          id
          name
        }
        availableActions {
          action
          label
          rule
          ruleTitle
        }
      }
    }
  }
`);

const DecisionInclusionItemsDoc = graphql(`
  query DecisionInclusionItems($year: Int!) {
    directoryByYear(year: $year) {
      id
      title
      status
      items(first: 100) {
        nodes {
          id
          seq
          title
          status
          currentQuarter
          sponsorDepartment {
            id
          }
        }
      }
    }
  }
`);

const IncludeProposalDoc = graphql(`
  mutation DecisionIncludeProposal($input: IncludeProposalInput!) {
    includeProposal(input: $input) {
      proposal {
        id
        state
        version
      }
    }
  }
`);

const DeclineProposalDoc = graphql(`
  mutation DecisionDeclineProposal($input: DeclineProposalInput!) {
    declineProposal(input: $input) {
      proposal {
        id
        state
        version
      }
    }
  }
`);

type Row = DecisionInclusionQueueQuery['proposals']['nodes'][number];

interface IncludeValues {
  mode: 'item' | 'adjust';
  directoryItemId?: string;
  category?: DecisionCategory;
  plannedQuarter?: number;
  reason?: string;
}

/** Link to an item of the proposal's year's published directory, or add one by an adjustment with a reason (R-DIR-4, R-DIR-3). */
function IncludeForm({ p, onClose, onDone }: { p: Row; onClose: () => void; onDone: () => unknown }) {
  const items = useQuery(DecisionInclusionItemsDoc, { variables: { year: p.year } });
  const [include] = useMutation(IncludeProposalDoc);
  const [mode, setMode] = useState<'item' | 'adjust'>('item');
  const dir = items.data?.directoryByYear;
  const free = (dir?.items.nodes ?? []).filter((i) => i.status === 'ACTIVE' && i.sponsorDepartment.id === p.sponsorDepartment.id);
  return (
    <ModalForm<IncludeValues>
      title={`纳入目录：${p.title}`}
      open
      width={640}
      onClose={onClose}
      versioned
      onReload={onDone}
      initialValues={{ mode: 'item' }}
      onSubmit={async (v) => {
        if (!dir) throw new Error(`${p.year} 年度尚无决策事项目录，请先编制并公布目录`);
        const input =
          v.mode === 'item'
            ? { proposalId: p.id, version: p.version, directoryItemId: v.directoryItemId }
            : {
                proposalId: p.id,
                version: p.version,
                viaAdjustment: { directoryId: dir.id, category: v.category!, plannedQuarter: v.plannedQuarter!, reason: v.reason!.trim() },
              };
        await include({ variables: { input } });
        await onDone();
      }}
    >
      {items.loading && !items.data && <Typography.Text type="secondary">正在加载 {p.year} 年度目录…</Typography.Text>}
      <ApiErrorAlert error={items.error} title={`无法加载 ${p.year} 年度目录`} />
      {dir && (
        <>
          <Typography.Paragraph>
            {dir.title}（{dir.status === 'PUBLISHED' ? '已公布' : '编制中：只能纳入已公布目录中的事项 (R-DIR-4)'}）
          </Typography.Paragraph>
          <Form.Item name="mode" label="纳入方式">
            <Radio.Group
              onChange={(e) => setMode(e.target.value as 'item' | 'adjust')}
              options={[
                { value: 'item', label: '关联目录中已有事项' },
                { value: 'adjust', label: '通过目录调整增加事项' },
              ]}
            />
          </Form.Item>
          {mode === 'item' ? (
            <Form.Item
              name="directoryItemId"
              label="目录事项"
              rules={[{ required: true, message: '请选择目录事项' }]}
              extra="仅列出同一承办部门的有效事项；一个事项只关联一项决策建议 (R-DIR-4)"
            >
              <Select
                placeholder={free.length ? '选择事项' : '没有可关联的事项'}
                options={free.map((i) => ({ value: i.id, label: `${i.seq}. ${i.title}（${quarterLabel(i.currentQuarter)}）` }))}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="category" label="决策事项类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select options={optionsOf(DECISION_CATEGORY)} placeholder="选择类别" />
              </Form.Item>
              <Form.Item name="plannedQuarter" label="计划完成季度" rules={[{ required: true, message: '请选择计划季度' }]}>
                <Select options={QUARTER_OPTIONS} placeholder="选择季度" />
              </Form.Item>
              <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明调整理由（至少 2 个字）' }]}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </>
          )}
        </>
      )}
    </ModalForm>
  );
}

/**
 * Proposals waiting to be included in the directory (R-DIR-4): a manager links each to an item of
 * its year's published directory — or adds an item by an adjustment — or declines it with a reason.
 */
export function InclusionList() {
  const pages = useCursorPages(20);
  const { data, loading, error, refetch } = useQuery(DecisionInclusionQueueDoc, { variables: pages.variables });
  const [decline] = useMutation(DeclineProposalDoc);
  const [modal, setModal] = useState<{ kind: 'include' | 'decline'; p: Row } | null>(null);
  const done = () => refetch();
  return (
    <Card title="待纳入目录的决策建议">
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        title="决策建议须纳入已公布的年度目录（同一年度、同一承办部门的有效事项）后方可起草 (R-DIR-4)；不予纳入须说明理由。"
      />
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.proposals}
        error={error}
        errorTitle="无法加载待纳入的决策建议"
        empty="没有待纳入目录的决策建议"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '编号', dataIndex: 'code', width: 150 },
          { title: '标题', dataIndex: 'title' },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '承办部门', key: 'sponsor', width: 160, render: (_: unknown, p: Row) => p.sponsorDepartment.name },
          { title: '提出时间', dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_: unknown, p: Row) => (
              <AvailableActions
                actions={p.availableActions}
                handlers={{ INCLUDE: () => setModal({ kind: 'include', p }), DECLINE: () => setModal({ kind: 'decline', p }) }}
              />
            ),
          },
        ]}
      />
      {modal?.kind === 'include' && <IncludeForm p={modal.p} onClose={() => setModal(null)} onDone={done} />}
      {modal?.kind === 'decline' && (
        <ModalForm<{ reason: string }>
          title={`不予纳入：${modal.p.title}`}
          okText="确认不予纳入"
          open
          onClose={() => setModal(null)}
          versioned
          onReload={done}
          onSubmit={async (v) => {
            await decline({ variables: { input: { proposalId: modal.p.id, version: modal.p.version, reason: v.reason.trim() } } });
            await done();
          }}
        >
          <Form.Item name="reason" label="不予纳入的理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明理由（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </ModalForm>
      )}
    </Card>
  );
}
