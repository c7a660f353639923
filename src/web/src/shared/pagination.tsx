import { useCallback, useState } from 'react';
import { Button, Space, Typography } from 'antd';

/**
 * Forward cursor pagination over a GraphQL connection (first/after, totalCount) for an antd Table:
 * the cursor of every page visited is kept, so "上一页" goes back without a second protocol.
 *
 *   const pages = useCursorPages(20);
 *   const { data } = useQuery(Doc, { variables: { ...pages.variables, filter } });
 *   <Table pagination={false} dataSource={data?.things.nodes} footer={() => <Pager pages={pages} connection={data?.things} />} />
 *
 * Call `pages.reset()` when the filter changes.
 */
export function useCursorPages(pageSize = 20) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length;
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((c) => [...c, endCursor]);
  }, []);
  const prev = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { page, pageSize, variables: { first: pageSize, after: cursors[cursors.length - 1] ?? null }, next, prev, reset };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

interface ConnectionLike {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The table footer: the total, the page, and previous/next buttons (keyboard-usable). */
export function Pager({ pages, connection }: { pages: CursorPages; connection: ConnectionLike | undefined }) {
  if (!connection) return null;
  const pageCount = Math.max(1, Math.ceil(connection.totalCount / pages.pageSize));
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }} aria-label="分页">
      <Typography.Text data-testid="total-count">
        共 {connection.totalCount} 条，第 {pages.page} / {pageCount} 页
      </Typography.Text>
      <Space>
        <Button onClick={pages.prev} disabled={pages.page <= 1}>
          上一页
        </Button>
        <Button onClick={() => pages.next(connection.pageInfo.endCursor)} disabled={!connection.pageInfo.hasNextPage}>
          下一页
        </Button>
      </Space>
    </Space>
  );
}
