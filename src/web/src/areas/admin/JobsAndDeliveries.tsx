import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { NetworkStatus } from '@apollo/client';
import { Alert, Button, Card, Select, Space, Tag, Tooltip, Typography } from 'antd';
import Table from 'antd/es/table';
import Popconfirm from 'antd/es/popconfirm';
import dayjs from 'dayjs';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminDeliveriesQuery, AdminJobsQuery, DeliveryStatus, NotificationChannel } from '../../gql/graphql';
import { ApiErrorAlert, BUSINESS_TIME_ZONE, Loading, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { DELIVERY_STATUS, NOTIFICATION_CHANNEL, jobLabel, jobSchedule } from './labels';

const AdminJobsDoc = graphql(`
  query AdminJobs {
    jobs {
      name
      description
      cron
      timeZone
      lastRunAt
      lastSucceededAt
      lastFailedAt
      lastError
      nextRunAt
      failures
      queued
    }
  }
`);

const AdminDeliveriesDoc = graphql(`
  query AdminDeliveries($first: Int, $after: String, $filter: DeliveryFilterInput) {
    notificationDeliveries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminDeliveryRow
        recipient {
          id
          username
          displayName
        }
        channel
        target
        digestDay
        noticeCount
        notification {
          id
          subjectLabel
          message
        }
        createdAt
      }
    }
  }
`);

/** What a retry changes: the row is updated in place through the cache (same id). */
graphql(`
  fragment AdminDeliveryRow on NotificationDelivery {
    id
    status
    attempts
    lastError
    nextAttemptAt
    sentAt
    availableActions {
      action
      label
      rule
      ruleTitle
    }
  }
`);

const AdminRetryDeliveryDoc = graphql(`
  mutation AdminRetryDelivery($id: ID!) {
    retryNotificationDelivery(id: $id) {
      delivery {
        ...AdminDeliveryRow
      }
    }
  }
`);

type Job = AdminJobsQuery['jobs'][number];
type Delivery = AdminDeliveriesQuery['notificationDeliveries']['nodes'][number];

/** Both lists refresh themselves this often, but not while the tab is hidden. */
const REFRESH_MS = 30_000;
const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

const STATUS_OPTIONS = [
  { value: 'ALL', label: '全部状态' },
  ...(Object.keys(DELIVERY_STATUS) as DeliveryStatus[]).map((s) => ({ value: s, label: DELIVERY_STATUS[s].label })),
];

/**
 * The administrator's view of the background jobs (schedule, last run and its outcome, next run,
 * failures with the error) and of the e-mail and webhook deliveries (filter by status; a failed one
 * is delivered again after a confirmation). Refreshed every 30 s while the page is visible.
 */
export function JobsAndDeliveries() {
  const jobs = useQuery(AdminJobsDoc, { pollInterval: REFRESH_MS, skipPollAttempt: hidden, notifyOnNetworkStatusChange: true });
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<DeliveryStatus | 'ALL'>('ALL');
  const deliveries = useQuery(AdminDeliveriesDoc, {
    variables: { ...pages.variables, filter: status === 'ALL' ? {} : { status } },
    pollInterval: REFRESH_MS,
    skipPollAttempt: hidden,
    notifyOnNetworkStatusChange: true,
  });
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const ready = jobs.networkStatus === NetworkStatus.ready && deliveries.networkStatus === NetworkStatus.ready;
  useEffect(() => {
    if (ready) setRefreshedAt(new Date());
  }, [ready, jobs.data, deliveries.data]);
  const refresh = () => {
    void jobs.refetch().catch(() => undefined);
    void deliveries.refetch().catch(() => undefined);
  };
  // Back on a hidden tab: catch up at once instead of waiting for the next tick.
  useEffect(() => {
    const onVisible = () => {
      if (!hidden()) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [retry, retryState] = useMutation(AdminRetryDeliveryDoc);
  const [retried, setRetried] = useState<{ target: string; status: DeliveryStatus } | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="后台任务"
        extra={
          <Space>
            <Typography.Text type="secondary" data-testid="refreshed-at">
              每 30 秒自动刷新（页面隐藏时暂停）{refreshedAt ? `，上次刷新 ${dayjs(refreshedAt).tz(BUSINESS_TIME_ZONE).format('HH:mm:ss')}` : ''}
            </Typography.Text>
            <Button onClick={refresh} loading={!ready}>
              立即刷新
            </Button>
          </Space>
        }
      >
        <ApiErrorAlert error={jobs.error} title="无法加载后台任务" />
        {!jobs.data && jobs.loading ? (
          <Loading />
        ) : (
          <Table<Job>
            aria-label="后台任务"
            rowKey="name"
            dataSource={jobs.data?.jobs ?? []}
            pagination={false}
            onRow={(j) => ({ 'data-job': j.name }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: '任务',
                key: 'name',
                render: (_: unknown, j) => (
                  <>
                    <Typography.Text strong>{jobLabel(j.name)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{j.description}</Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: '执行计划', key: 'schedule', width: 190, render: (_: unknown, j) => jobSchedule(j.cron, j.timeZone) },
              { title: '上次运行', key: 'last', width: 150, render: (_: unknown, j) => <LastRun job={j} /> },
              { title: '下次运行', dataIndex: 'nextRunAt', width: 150, render: (v: string | null) => formatDateTime(v) },
              { title: '等待运行', dataIndex: 'queued', width: 80, render: (n: number) => `${n} 次` },
              { title: '近一周失败', key: 'failures', width: 180, render: (_: unknown, j) => <Failures job={j} /> },
            ]}
          />
        )}
      </Card>

      <Card
        title="通知投递（电子邮件、Webhook）"
        extra={
          <Select
            aria-label="按状态筛选"
            style={{ width: 160 }}
            value={status}
            options={STATUS_OPTIONS}
            onChange={(v) => {
              pages.reset();
              setRetried(null);
              setStatus(v);
            }}
          />
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ApiErrorAlert error={retryState.error} title="重新投递未成功" />
          {retried && (
            <Alert
              type="success"
              showIcon
              role="status"
              data-testid="retried"
              title={`已重新投递：${retried.target}，当前状态：${DELIVERY_STATUS[retried.status].label}`}
              description="发送任务会在一分钟内取出并发送；本页自动刷新后显示结果。"
              closable={{ onClose: () => setRetried(null) }}
            />
          )}
          <ConnectionTable<Delivery>
            pages={pages}
            connection={deliveries.data?.notificationDeliveries}
            error={deliveries.error}
            errorTitle="无法加载通知投递"
            empty={status === 'ALL' ? '暂无投递记录' : `没有${DELIVERY_STATUS[status].label}的投递`}
            rowKey="id"
            loading={deliveries.loading && !deliveries.data}
            onRow={(d) => ({ 'data-delivery': d.id, 'data-status': d.status }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '通道', dataIndex: 'channel', width: 90, render: (c: NotificationChannel) => NOTIFICATION_CHANNEL[c] },
              {
                title: '接收人',
                key: 'recipient',
                width: 170,
                render: (_: unknown, d) => (
                  <>
                    {d.recipient.displayName}（{d.recipient.username}）
                    <div>
                      <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                        {d.target}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: '通知', key: 'notice', render: (_: unknown, d) => <NoticeTitle delivery={d} /> },
              {
                title: '状态与尝试',
                key: 'status',
                width: 180,
                render: (_: unknown, d) => (
                  <>
                    <StateTag state={d.status} labels={DELIVERY_STATUS} />
                    <div>已尝试 {d.attempts} 次</div>
                    <Typography.Text type="secondary">{nextAttempt(d)}</Typography.Text>
                  </>
                ),
              },
              {
                title: '最后错误',
                dataIndex: 'lastError',
                width: 160,
                render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—'),
              },
              {
                title: '操作',
                key: 'actions',
                width: 110,
                render: (_: unknown, d) => {
                  const action = d.availableActions.find((a) => a.action === 'RETRY_DELIVERY');
                  if (!action) return null;
                  return (
                    <Popconfirm
                      title="重新投递这条通知？"
                      description={`尝试次数清零，立即再次发送到 ${d.target}`}
                      okText="重新投递"
                      cancelText="取消"
                      onConfirm={async () => {
                        setRetried(null);
                        const r = await retry({ variables: { id: d.id } }).catch(() => null);
                        const after = r?.data?.retryNotificationDelivery.delivery;
                        if (after) setRetried({ target: d.target, status: after.status });
                      }}
                    >
                      <Tooltip title={`${action.rule} ${action.ruleTitle}`}>
                        <Button danger loading={retryState.loading} data-action="RETRY_DELIVERY">
                          重新投递
                        </Button>
                      </Tooltip>
                    </Popconfirm>
                  );
                },
              },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}

/** The last run and how it ended: a failure after the last success shows as failed. */
function LastRun({ job }: { job: Job }) {
  if (!job.lastRunAt && !job.lastFailedAt && !job.lastSucceededAt) return <Typography.Text type="secondary">尚未运行</Typography.Text>;
  const failedLast = job.lastFailedAt != null && (job.lastSucceededAt == null || job.lastFailedAt > job.lastSucceededAt);
  const finished = failedLast ? job.lastFailedAt : job.lastSucceededAt;
  const running = job.lastRunAt != null && (finished == null || job.lastRunAt > finished);
  return (
    <Space size={4} wrap>
      {formatDateTime(job.lastRunAt ?? finished)}
      {running ? <Tag color="processing">运行中</Tag> : failedLast ? <Tag color="error">失败</Tag> : <Tag color="success">成功</Tag>}
    </Space>
  );
}

function Failures({ job }: { job: Job }) {
  if (job.failures === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <>
      <Typography.Text type="danger">
        {job.failures} 次{job.lastFailedAt ? `，最近 ${formatDateTime(job.lastFailedAt)}` : ''}
      </Typography.Text>
      {job.lastError && (
        <div>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {job.lastError}
          </Typography.Text>
        </div>
      )}
    </>
  );
}

/** The notice a delivery carries, or the day and size of a digest. */
function NoticeTitle({ delivery: d }: { delivery: Delivery }) {
  if (d.notification)
    return (
      <>
        <Typography.Text strong>{d.notification.subjectLabel}</Typography.Text>
        <div>
          <Typography.Text type="secondary">{d.notification.message}</Typography.Text>
        </div>
      </>
    );
  return `${formatDate(d.digestDay)} 每日汇总（${d.noticeCount} 条通知）`;
}

function nextAttempt(d: Delivery): string {
  if (d.status === 'PENDING') return `下次尝试 ${formatDateTime(d.nextAttemptAt)}`;
  if (d.status === 'SENT') return d.sentAt ? `已于 ${formatDateTime(d.sentAt)} 发送` : '已发送';
  return '不再自动重试';
}
