import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

/** A link as the API lists it (`documents` on a record, `registers` at the root). */
export interface DocumentLinkInfo {
  kind: string;
  format: string;
  title: string;
  url: string;
}

/**
 * One button per document the API lists for the record: a plain link with `download`, so one click
 * saves the file with the session cookie (same origin) and the server's Chinese file name. Only the
 * links the API returns are shown: a record's document appears when it is available to the user.
 */
export function DocumentLinks({ links, kinds, size = 'small', testId = 'document-links' }: { links: readonly DocumentLinkInfo[] | null | undefined; kinds?: readonly string[]; size?: 'small' | 'middle'; testId?: string }) {
  const shown = (links ?? []).filter((l) => !kinds || kinds.includes(l.kind));
  if (shown.length === 0) return null;
  return (
    <Space wrap size="small" data-testid={testId}>
      {shown.map((l) => (
        <Button key={l.url} size={size} icon={<DownloadOutlined />} href={l.url} download data-testid={`download-${l.kind.toLowerCase().replace(/_/g, '-')}-${l.format.toLowerCase()}`}>
          {l.title}（{l.format.toUpperCase()}）
        </Button>
      ))}
    </Space>
  );
}
