import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import type { AdvisorReviewQueueQuery, ReviewQueueFilter, ReviewStatus, ReviewSubjectType } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState, Pager, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { RegisterLinks } from '../../shared/RegisterLinks';
import { DeadlineTag, DUE_SOON_WORKING_DAYS } from './Deadline';
import { REVIEW_STATUS, SUBJECT_TYPE, optionsOf } from './labels';

const AdvisorReviewQueueDoc = graphql(`
  query AdvisorReviewQueue($first: Int, $after: String, $filter: ReviewQueueFilter) {
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
        dueOn
        requestedAt
        requestedBy {
          id
          department {
            id
            name
          }
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
          provisional
        }
      }
    }
  }
`);

const AdvisorReviewCountsDoc = graphql(`
  query AdvisorReviewCounts {
    reviewCounts {
      status
      count
    }
  }
`);

type Row = AdvisorReviewQueueQuery['reviews']['nodes'][number];
type Urgency = 'overdue' | 'soon';

/**
 * The legal advisor's review queue (审查工作台): every subject type in one list, by due date, each
 * with its working days left; counts per status on top; filters by status, subject type, urgency and
 * assignment.
 */
export function ReviewQueue() {
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<ReviewStatus | undefined>();
  const [subjectType, setSubjectType] = useState<ReviewSubjectType | undefined>();
  const [urgency, setUrgency] = useState<Urgency | undefined>();
  const [mine, setMine] = useState(false);
  const [unassigned, setUnassigned] = useState(false);
  const filter: ReviewQueueFilter = {
    status: status ?? null,
    subjectType: subjectType ?? null,
    overdue: urgency === 'overdue' ? true : null,
    dueWithinWorkingDays: urgency === 'soon' ? DUE_SOON_WORKING_DAYS : null,
    assignedToMe: mine || null,
    unassigned: unassigned || null,
  };
  const { data, loading, error } = useQuery(AdvisorReviewQueueDoc, { variables: { ...pages.variables, filter }, fetchPolicy: 'cache-and-network' });
  const counts = useQuery(AdvisorReviewCountsDoc, { fetchPolicy: 'cache-and-network' });
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      pages.reset();
      set(v);
    };

  return (
    <Card title="审查队列" extra={<RegisterLinks kinds={['REVIEW_REGISTER']} />}>
      <Space wrap style={{ marginBottom: 16 }} aria-label="各状态数量" data-testid="review-counts">
        {(counts.data?.reviewCounts ?? []).map((c) => (
          <Button
            key={c.status}
            size="small"
            type={status === c.status ? 'primary' : 'default'}
            aria-pressed={status === c.status}
            onClick={() => change(setStatus)(status === c.status ? undefined : c.status)}
          >
            {REVIEW_STATUS[c.status].label}：{c.count}
          </Button>
        ))}
      </Space>
      <ApiErrorAlert error={counts.error} title="无法加载审查统计" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ReviewStatus>
          aria-label="按审查状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={change(setStatus)}
          options={optionsOf(REVIEW_STATUS)}
        />
        <Select<ReviewSubjectType>
          aria-label="按审查对象类型筛选"
          placeholder="全部审查对象"
          allowClear
          style={{ width: 180 }}
          value={subjectType}
          onChange={change(setSubjectType)}
          options={optionsOf(SUBJECT_TYPE)}
        />
        <Select<Urgency>
          aria-label="按期限筛选"
          placeholder="全部期限"
          allowClear
          style={{ width: 220 }}
          value={urgency}
          onChange={change(setUrgency)}
          options={[
            { value: 'overdue', label: '已逾期' },
            { value: 'soon', label: `${DUE_SOON_WORKING_DAYS} 个工作日内到期` },
          ]}
        />
        <Checkbox checked={mine} onChange={(e) => change(setMine)(e.target.checked)}>
          只看分派给我的
        </Checkbox>
        <Checkbox checked={unassigned} onChange={(e) => change(setUnassigned)(e.target.checked)}>
          只看未分派的
        </Checkbox>
      </Space>
      <ApiErrorAlert error={error} title="无法加载审查队列" />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={data?.reviews.nodes ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState description="没有符合条件的审查" /> }}
        footer={() => <Pager pages={pages} connection={data?.reviews} />}
        onRow={(r) => ({ 'data-review-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '审查编号', dataIndex: 'code', width: 120 },
          {
            title: '审查对象',
            key: 'subject',
            render: (_: unknown, r: Row) => (
              <Space direction="vertical" size={2}>
                <Tag color={SUBJECT_TYPE[r.subjectType].color} data-subject-type={r.subjectType}>
                  {SUBJECT_TYPE[r.subjectType].label}
                </Tag>
                <Link to={`/advisor/reviews/${r.id}`}>{r.subjectTitle}</Link>
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 110, render: (_: unknown, r: Row) => <StateTag state={r.status} labels={REVIEW_STATUS} /> },
          {
            title: '审查期限',
            key: 'deadline',
            width: 200,
            render: (_: unknown, r: Row) => (
              <Space direction="vertical" size={2}>
                <DeadlineTag deadline={r.deadline} status={r.status} />
                <Typography.Text type="secondary">{r.deadline.dueOn ? `期限 ${formatDate(r.deadline.dueOn)}` : '接收后起算'}</Typography.Text>
              </Space>
            ),
          },
          { title: '承办法律顾问', key: 'assignedTo', width: 140, render: (_: unknown, r: Row) => r.assignedTo?.displayName ?? <Typography.Text type="secondary">未分派</Typography.Text> },
          {
            title: '提请',
            key: 'requested',
            width: 150,
            render: (_: unknown, r: Row) => (
              <Space direction="vertical" size={2}>
                <span>{r.requestedBy.department.name}</span>
                <Typography.Text type="secondary">{formatDateTime(r.requestedAt)}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
