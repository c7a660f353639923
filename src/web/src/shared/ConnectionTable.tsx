import Table, { type TableProps } from 'antd/es/table';
import { ApiErrorAlert } from './ApiErrorAlert';
import { Pager, type CursorPages } from './pagination';
import { EmptyState } from './states';

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

/**
 * A list screen's table over a GraphQL connection: the API's error, a loading state on the first
 * load, the empty state, and the cursor pager in the footer. Import it from this file, not from
 * `shared/index.ts`: Table stays out of the first page's chunk (docs/console.md, bundle).
 *
 *   <ConnectionTable pages={pages} connection={data?.things} loading={loading && !data} error={error}
 *     errorTitle="无法加载…" empty="暂无…" rowKey="id" columns={[…]} />
 */
export function ConnectionTable<T extends object>({
  pages,
  connection,
  error,
  errorTitle,
  empty,
  ...table
}: { pages: CursorPages; connection: Connection<T> | undefined; error: unknown; errorTitle: string; empty: string } & Omit<
  TableProps<T>,
  'dataSource' | 'pagination' | 'footer'
>) {
  return (
    <>
      <ApiErrorAlert error={error} title={errorTitle} />
      <Table<T>
        {...table}
        dataSource={connection?.nodes ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={empty} /> }}
        footer={() => <Pager pages={pages} connection={connection} />}
      />
    </>
  );
}
