import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import { ApiErrorAlert, EmptyState, formatDateTime, MutationError, Pager, type CursorPages } from '../../shared';
import { CharDiff } from './CharDiff';
import { attempt, Section } from './common';

/** One row of a text's version history (proposal drafts, contract texts: both `TextVersion`). */
export interface VersionRow {
  id: string;
  number: number;
  changeNote: string;
  contentHash: string;
  createdAt: string;
  author: { displayName: string };
}

export interface CurrentVersion extends VersionRow {
  text: string;
}

interface VersionsConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: VersionRow[];
}

const TextVersionPairDoc = graphql(`
  query DrafterTextVersionPair($from: ID!, $to: ID!) {
    from: node(id: $from) {
      __typename
      id
      ... on TextVersion {
        number
        text
      }
    }
    to: node(id: $to) {
      __typename
      id
      ... on TextVersion {
        number
        text
      }
    }
  }
`);

/**
 * The text's workspace: the editor (a new version is never an overwrite: each save is a new,
 * immutable version with its change note), the version history, and a character-level comparison
 * of any two versions.
 */
export function DraftPanel({
  what,
  current,
  history,
  pages,
  historyLoading,
  historyError,
  index,
  canEdit,
  readOnlyReason,
  onSave,
  saving,
  saveError,
  onReload,
}: {
  /** 草案 / 合同文本 */
  what: string;
  current: CurrentVersion | null | undefined;
  history: VersionsConnection | undefined;
  pages: CursorPages;
  historyLoading: boolean;
  historyError: unknown;
  /** Every version's id and number, for the comparison's choices. */
  index: { id: string; number: number }[];
  canEdit: boolean;
  readOnlyReason?: string;
  onSave: (text: string, changeNote: string) => Promise<unknown>;
  saving: boolean;
  saveError: unknown;
  onReload: () => unknown;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; changeNote: string }>();
  const [preview, setPreview] = useState<string | null>(null);
  const sorted = [...index].sort((a, b) => a.number - b.number);
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  // Default comparison: the version before the current one against the current one.
  const lastId = sorted[sorted.length - 1]?.id;
  const prevId = sorted[sorted.length - 2]?.id;
  useEffect(() => {
    if (lastId && prevId) setPair({ from: prevId, to: lastId });
  }, [lastId, prevId]);
  useEffect(() => {
    if (canEdit) form.setFieldsValue({ text: current?.text ?? '', changeNote: '' });
    setPreview(null);
  }, [current?.id, current?.text, form, canEdit]);
  const nextNumber = (current?.number ?? 0) + 1;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Section id="draft" title={current ? `${what}编辑（当前第 ${current.number} 稿）` : `${what}编辑`}>
        {current && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            当前第 {current.number} 稿：{current.changeNote}，{current.author.displayName} 于 {formatDateTime(current.createdAt)} 保存；内容哈希{' '}
            <Typography.Text code copyable={{ text: current.contentHash }} title={current.contentHash}>
              {current.contentHash.slice(0, 12)}…
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {!canEdit && <Alert type="info" showIcon title={readOnlyReason ?? `当前状态下不能修改${what}`} style={{ marginBottom: 12 }} />}
        {canEdit ? (
          <Form name="draft-form"
            form={form}
            layout="vertical"
              initialValues={{ text: current?.text ?? '', changeNote: '' }}
            onFinish={async (v) => {
              const ok = await attempt(() => onSave(v.text, v.changeNote));
              if (ok !== undefined) message.success(`已保存为第 ${nextNumber} 稿`);
            }}
          >
            <Form.Item name="text" label={`${what}正文`} rules={[{ required: true, whitespace: true, message: `请填写${what}正文` }]}>
              <Input.TextArea autoSize={{ minRows: 10, maxRows: 28 }} style={{ fontSize: 15, lineHeight: 1.8 }} />
            </Form.Item>
            <Form.Item name="changeNote" label="修改说明" rules={[{ required: true, whitespace: true, message: '请说明本稿改了什么、为什么改' }]}>
              <Input maxLength={500} placeholder="例如：根据专家意见修改第三条" />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存为第 {nextNumber} 稿
              </Button>
              {current && (
                <Button onClick={() => setPreview(form.getFieldValue('text') ?? '')}>
                  预览与当前稿的差异
                </Button>
              )}
            </Space>
          </Form>
        ) : current ? (
          <div aria-label={`${what}正文（只读）`} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, fontSize: 15, border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
            {current.text}
          </div>
        ) : (
          <EmptyState description={`尚无${what}`} />
        )}
        <div style={{ marginTop: 12 }}>
          <MutationError error={saveError} onReload={onReload} />
        </div>
        {preview !== null && current && (
          <div style={{ marginTop: 12 }}>
            <Typography.Title level={5}>未保存的修改（与第 {current.number} 稿相比）</Typography.Title>
            <CharDiff from={current.text} to={preview} label="未保存修改的逐字比对" />
          </div>
        )}
      </Section>

      <Section id="versions" title="版本记录">
        <ApiErrorAlert error={historyError} title="无法加载版本记录" />
        <Table<VersionRow>
          rowKey="id"
          size="small"
          loading={historyLoading && !history}
          dataSource={history?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={`尚无${what}`} /> }}
          footer={() => <Pager pages={pages} connection={history} />}
          columns={[
            { title: '稿次', dataIndex: 'number', width: 80, render: (n: number) => `第 ${n} 稿` },
            { title: '修改说明', dataIndex: 'changeNote' },
            { title: '保存人', key: 'author', width: 120, render: (_: unknown, v: VersionRow) => v.author.displayName },
            { title: '保存时间', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
            {
              title: '内容哈希（SHA-256）',
              dataIndex: 'contentHash',
              width: 200,
              render: (h: string) => (
                <Typography.Text code copyable={{ text: h }} title={h}>
                  {h.slice(0, 12)}…
                </Typography.Text>
              ),
            },
            {
              title: '比对',
              key: 'compare',
              width: 120,
              render: (_: unknown, v: VersionRow) => {
                const prev = sorted.find((s) => s.number === v.number - 1);
                return prev ? (
                  <Button
                    size="small"
                    onClick={() => {
                      setPair({ from: prev.id, to: v.id });
                      document.getElementById('diff')?.scrollIntoView({ block: 'start' });
                    }}
                  >
                    与第 {prev.number} 稿比对
                  </Button>
                ) : (
                  '—'
                );
              },
            },
          ]}
        />
      </Section>

      <Section id="diff" title="版本比对（逐字）">
        {sorted.length < 2 ? (
          <EmptyState description={`保存第二稿后即可比对两稿的逐字差异`} />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                aria-label="比对的旧版本"
                style={{ width: 140 }}
                value={pair.from}
                onChange={(from) => setPair((p) => ({ ...p, from }))}
                options={sorted.map((v) => ({ value: v.id, label: `第 ${v.number} 稿` }))}
              />
              <span aria-hidden>→</span>
              <Select
                aria-label="比对的新版本"
                style={{ width: 140 }}
                value={pair.to}
                onChange={(to) => setPair((p) => ({ ...p, to }))}
                options={sorted.map((v) => ({ value: v.id, label: `第 ${v.number} 稿` }))}
              />
            </Space>
            {pair.from && pair.to && <VersionDiff from={pair.from} to={pair.to} />}
          </>
        )}
      </Section>
    </Space>
  );
}

function VersionDiff({ from, to }: { from: string; to: string }) {
  const { data, loading, error } = useQuery(TextVersionPairDoc, { variables: { from, to }, fetchPolicy: 'cache-first' });
  if (error) return <ApiErrorAlert error={error} title="无法加载比对的版本" />;
  if (loading || !data) return <Typography.Text type="secondary">正在加载两个版本…</Typography.Text>;
  const a = data.from.__typename === 'TextVersion' ? data.from : null;
  const b = data.to.__typename === 'TextVersion' ? data.to : null;
  if (!a || !b) return null;
  return <CharDiff from={a.text} to={b.text} label={`第 ${a.number} 稿与第 ${b.number} 稿的逐字比对`} />;
}
