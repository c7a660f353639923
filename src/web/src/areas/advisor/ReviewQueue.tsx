import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Select, Space, Switch, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdvisorQueueQuery, ReviewStatus, ReviewSubjectType } from '../../gql/graphql';
import { REVIEW_STATUS, REVIEW_SUBJECT, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';

/**
 * The legal advisor's queue: every review request of every subject type (decisions, contracts,
 * normative documents, enforcement decisions) in the API's order — by due date — with the working
 * days left. Overdue is red, due within the warning horizon amber, a paused clock grey; each also
 * says so in words, so colour is never the only cue.
 */
const AdvisorQueueDoc = graphql(`
  query AdvisorQueue($first: Int, $after: String, $filter: ReviewQueueFilter) {
    reviews(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        subjectType
        subjectTitle
        status
        requestedAt
        assignedTo {
          id
          displayName
        }
        deadline {
          dueOn
          workingDaysLeft
          overdue
          paused
          provisional
        }
      }
    }
  }
`);

type Row = AdvisorQueueQuery['reviews']['nodes'][number];

/** Due within this many working days shows amber. */
const DUE_SOON_WORKING_DAYS = 3;

export function DeadlineTag({ deadline }: { deadline: Row['deadline'] }) {
  if (deadline.paused) return <Tag color="default">计时暂停</Tag>;
  if (deadline.workingDaysLeft == null) return <span>—</span>;
  const provisional = deadline.provisional ? '（暂定）' : '';
  if (deadline.overdue) return <Tag color="error">已逾期 {Math.abs(deadline.workingDaysLeft)} 个工作日{provisional}</Tag>;
  if (deadline.workingDaysLeft <= DUE_SOON_WORKING_DAYS)
    return <Tag color="warning">即将到期：剩 {deadline.workingDaysLeft} 个工作日{provisional}</Tag>;
  return <Tag color="processing">剩 {deadline.workingDaysLeft} 个工作日{provisional}</Tag>;
}

export function ReviewQueue() {
  const pages = useCursorPages(20);
  const [subjectType, setSubjectType] = useState<ReviewSubjectType | undefined>();
  const [status, setStatus] = useState<ReviewStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const { data, loading, error } = useQuery(AdvisorQueueDoc, {
    variables: {
      ...pages.variables,
      filter: { subjectType: subjectType ?? null, status: status ?? null, overdue: overdue ? true : null },
    },
  });

  return (
    <Card title="审查队列（按到期日）">
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<ReviewSubjectType>
          aria-label="按审查对象筛选"
          placeholder="全部审查对象"
          allowClear
          style={{ width: 200 }}
          value={subjectType}
          onChange={(v) => {
            pages.reset();
            setSubjectType(v);
          }}
          options={Object.entries(REVIEW_SUBJECT).map(([value, label]) => ({ value: value as ReviewSubjectType, label }))}
        />
        <Select<ReviewStatus>
          aria-label="按审查状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 200 }}
          value={status}
          onChange={(v) => {
            pages.reset();
            setStatus(v);
          }}
          options={Object.entries(REVIEW_STATUS).map(([value, { label }]) => ({ value: value as ReviewStatus, label }))}
        />
        <Space>
          <Switch
            aria-label="只看已逾期"
            checked={overdue}
            onChange={(v) => {
              pages.reset();
              setOverdue(v);
            }}
          />
          <span>只看已逾期</span>
        </Space>
      </Space>
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.reviews}
        error={error}
        errorTitle="无法加载审查队列"
        empty="队列中暂无审查事项"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '编号', dataIndex: 'code', width: 130 },
          { title: '审查对象', dataIndex: 'subjectType', width: 110, render: (v: ReviewSubjectType) => REVIEW_SUBJECT[v] },
          {
            title: '标题',
            dataIndex: 'subjectTitle',
            render: (_: unknown, r: Row) => (
              <span>
                {r.subjectTitle}
                <br />
                <small style={{ color: '#888' }}>提请于 {formatDateTime(r.requestedAt)}</small>
              </span>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 150, render: (_: unknown, r: Row) => <StateTag state={r.status} labels={REVIEW_STATUS} /> },
          { title: '到期日', key: 'dueOn', width: 110, render: (_: unknown, r: Row) => (r.deadline.dueOn ? formatDate(r.deadline.dueOn) : '—') },
          {
            title: '剩余工作日',
            key: 'left',
            width: 190,
            render: (_: unknown, r: Row) =>
              r.status === 'OPINION_ISSUED' ? (
                <Tag color="success">已办结</Tag>
              ) : r.status === 'SUBMITTED' ? (
                <Tag color="default">待接收，尚未起算</Tag>
              ) : (
                <DeadlineTag deadline={r.deadline} />
              ),
          },
          { title: '承办人', key: 'assignedTo', width: 120, render: (_: unknown, r: Row) => r.assignedTo?.displayName ?? '未分派' },
        ]}
      />
    </Card>
  );
}
