import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Space, Tag, Typography } from 'antd';
import Drawer from 'antd/es/drawer';
import List from 'antd/es/list';
import Switch from 'antd/es/switch';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { graphql } from '../../gql-shell';
import { ApiErrorAlert, formatDateTime, RuleLink } from '../../shared';

const InboxDoc = graphql(`
  query ConsoleInbox($first: Int, $after: String, $filter: NotificationFilterInput) {
    notifications(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
      }
      nodes {
        id
        kind
        message
        rule
        link
        read
        createdAt
        subjectLabel
      }
    }
    unreadNotificationCount
  }
`);

const MarkReadDoc = graphql(`
  mutation ConsoleMarkRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      notifications {
        id
        read
      }
      unreadCount
    }
  }
`);

const MarkAllReadDoc = graphql(`
  mutation ConsoleMarkAllRead {
    markAllNotificationsRead {
      markedCount
      unreadCount
    }
  }
`);

/** The inbox: newest notices first, each with its rule and a link to its page; mark read one by one or all. */
export default function NotificationDrawer({ open, onClose, onChanged }: { open: boolean; onClose: () => void; onChanged: () => void }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [first, setFirst] = useState(20);
  const { data, error, loading, refetch } = useQuery(InboxDoc, {
    variables: { first, filter: { unreadOnly } },
    skip: !open,
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkReadDoc);
  const [markAll, { loading: marking }] = useMutation(MarkAllReadDoc);
  const navigate = useNavigate();
  const page = data?.notifications;
  return (
    <Drawer
      title="通知"
      open={open}
      onClose={onClose}
      size="large"
      extra={
        <Space>
          <Switch checkedChildren="仅未读" unCheckedChildren="全部" checked={unreadOnly} onChange={setUnreadOnly} />
          <Button
            loading={marking}
            disabled={!data?.unreadNotificationCount}
            onClick={async () => {
              await markAll();
              await refetch();
              onChanged();
            }}
          >
            全部标为已读
          </Button>
        </Space>
      }
      footer={
        <Link to="/settings/notifications" onClick={onClose}>
          通知方式设置（电子邮件、Webhook、每日汇总）
        </Link>
      }
    >
      {error && <ApiErrorAlert error={error} />}
      <List
        loading={loading && !data}
        locale={{ emptyText: unreadOnly ? '没有未读通知' : '暂无通知' }}
        dataSource={page?.nodes ?? []}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            actions={[
              n.read ? (
                <Typography.Text key="read" type="secondary">
                  已读
                </Typography.Text>
              ) : (
                <Button
                  key="mark"
                  type="link"
                  onClick={async () => {
                    await markRead({ variables: { input: { ids: [n.id] } } });
                    onChanged();
                  }}
                >
                  标为已读
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {!n.read && <Tag color="red">未读</Tag>}
                  <a
                    href={n.link}
                    onClick={async (e) => {
                      e.preventDefault();
                      if (!n.read) await markRead({ variables: { input: { ids: [n.id] } } });
                      onChanged();
                      onClose();
                      navigate(n.link);
                    }}
                  >
                    {n.subjectLabel}
                  </a>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <Typography.Text>{n.message}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(n.createdAt)} · <RuleLink id={n.rule} />
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {page?.pageInfo.hasNextPage && first < 100 && (
        <Button block onClick={() => setFirst(first + 20)}>
          更早的通知
        </Button>
      )}
    </Drawer>
  );
}
