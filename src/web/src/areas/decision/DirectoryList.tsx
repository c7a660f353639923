import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input } from 'antd';
import InputNumber from 'antd/es/input-number';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionDirectoriesQuery } from '../../gql/graphql';
import { StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { DIRECTORY_STATUS } from './labels';
import { ModalForm, businessToday } from './forms';

const DecisionDirectoriesDoc = graphql(`
  query DecisionDirectories($first: Int, $after: String) {
    directories(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        year
        title
        status
        partyApprovedAt
        publishedAt
        items(first: 1) {
          totalCount
        }
        adjustments(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const CreateDirectoryDoc = graphql(`
  mutation DecisionCreateDirectory($input: CreateDirectoryInput!) {
    createDirectory(input: $input) {
      directory {
        id
        year
      }
    }
  }
`);

type Row = DecisionDirectoriesQuery['directories']['nodes'][number];

/** The yearly decision directories (R-DIR-1: one a year), newest year first; a new year's directory is drawn up here. */
export function DirectoryList() {
  const pages = useCursorPages(20);
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(DecisionDirectoriesDoc, { variables: pages.variables });
  const [create] = useMutation(CreateDirectoryDoc);
  const [creating, setCreating] = useState(false);
  const nextYear = Number(businessToday().slice(0, 4)) + 1;
  return (
    <Card
      title="年度决策事项目录"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          编制年度目录
        </Button>
      }
    >
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.directories}
        error={error}
        errorTitle="无法加载决策事项目录"
        empty="尚未编制任何年度目录"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '年度', dataIndex: 'year', width: 90 },
          { title: '目录', dataIndex: 'title', render: (_: unknown, d: Row) => <Link to={`/decision/directory/${d.year}`}>{d.title}</Link> },
          { title: '状态', key: 'status', width: 110, render: (_: unknown, d: Row) => <StateTag state={d.status} labels={DIRECTORY_STATUS} /> },
          { title: '事项数', key: 'items', width: 90, render: (_: unknown, d: Row) => d.items.totalCount },
          { title: '党委同意', dataIndex: 'partyApprovedAt', width: 120, render: (v: string | null) => formatDate(v) },
          { title: '公布时间', dataIndex: 'publishedAt', width: 160, render: (v: string | null) => formatDateTime(v) },
          { title: '调整次数', key: 'adjustments', width: 100, render: (_: unknown, d: Row) => d.adjustments.totalCount },
        ]}
      />
      <ModalForm<{ year: number; title: string }>
        title="编制年度决策事项目录"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ year: nextYear, title: `白云湖街${nextYear}年度重大行政决策事项目录` }}
        onSubmit={async (v) => {
          const r = await create({ variables: { input: { year: v.year, title: v.title.trim() } }, refetchQueries: ['DecisionDirectories'] });
          navigate(`/decision/directory/${r.data!.createDirectory.directory.year}`);
        }}
      >
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]} extra="每年只编制一个目录 (R-DIR-1)">
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="目录名称" rules={[{ required: true, whitespace: true, message: '请填写目录名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}
