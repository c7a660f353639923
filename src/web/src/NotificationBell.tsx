import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import Badge from 'antd/es/badge';
import { BellOutlined } from '@ant-design/icons';
import { graphql } from './gql-shell';

const UnreadDoc = graphql(`
  query ConsoleUnreadCount {
    unreadNotificationCount
  }
`);

// The drawer, its list and its documents load only when the bell is first opened (not on the first page).
const NotificationDrawer = lazy(() => import('./areas/notifications/NotificationDrawer'));

/** The header's bell: my unread notices, refreshed every minute; opens the inbox drawer. */
export default function NotificationBell() {
  const { data, refetch } = useQuery(UnreadDoc, { pollInterval: 60_000, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          aria-label={count > 0 ? `通知（${count} 条未读）` : '通知'}
          data-testid="notification-bell"
          icon={<BellOutlined />}
          onClick={() => {
            setLoaded(true);
            setOpen(true);
          }}
        />
      </Badge>
      {loaded && (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} onClose={() => setOpen(false)} onChanged={() => void refetch()} />
        </Suspense>
      )}
    </>
  );
}
