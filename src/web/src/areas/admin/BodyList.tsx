import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Select } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminStandingBodiesQuery, DeliberatingBody } from '../../gql/graphql';
import { formatDateTime, useCursorPages } from '../../shared';
import { BODY_KIND } from './labels';
import { ModalForm } from './forms';

const AdminStandingBodiesDoc = graphql(`
  query AdminStandingBodies($first: Int, $after: String) {
    standingBodies(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        updatedAt
        head {
          id
          displayName
        }
        members {
          id
        }
      }
    }
  }
`);

const AdminCreateStandingBodyDoc = graphql(`
  mutation AdminCreateStandingBody($input: CreateStandingBodyInput!) {
    createStandingBody(input: $input) {
      body {
        id
      }
    }
  }
`);

type Row = AdminStandingBodiesQuery['standingBodies']['nodes'][number];

/** The standing deliberating bodies (R-DEC-11), one per kind, with today's head and number of members. */
export function BodyList() {
  const pages = useCursorPages(20);
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(AdminStandingBodiesDoc, { variables: pages.variables });
  const [create] = useMutation(AdminCreateStandingBodyDoc);
  const [creating, setCreating] = useState(false);
  const existing = new Set((data?.standingBodies.nodes ?? []).map((b) => b.kind));
  const missing = (Object.keys(BODY_KIND) as DeliberatingBody[]).filter((k) => !existing.has(k));
  return (
    <Card
      title="议事机构"
      extra={
        missing.length > 0 && (
          <Button type="primary" onClick={() => setCreating(true)}>
            设立议事机构
          </Button>
        )
      }
    >
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.standingBodies}
        error={error}
        errorTitle="无法加载议事机构"
        empty="尚未设立议事机构"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v: string, b: Row) => <Link to={`/admin/bodies/${b.id}`}>{v}</Link> },
          { title: '类别', dataIndex: 'kind', width: 140, render: (k: DeliberatingBody) => BODY_KIND[k] },
          { title: '主要负责人（今日）', key: 'head', width: 170, render: (_: unknown, b: Row) => b.head?.displayName ?? '未设定' },
          { title: '现任成员', key: 'members', width: 100, render: (_: unknown, b: Row) => `${b.members.length} 人` },
          { title: '最近修改', dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <ModalForm<{ kind: DeliberatingBody; name: string }>
        title="设立议事机构"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ kind: missing[0] }}
        onSubmit={async (v) => {
          const r = await create({ variables: { input: { kind: v.kind, name: v.name.trim() } }, refetchQueries: ['AdminStandingBodies'] });
          navigate(`/admin/bodies/${r.data!.createStandingBody.body.id}`);
        }}
      >
        <Form.Item name="kind" label="类别" extra="每类只设一个" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={missing.map((k) => ({ value: k, label: BODY_KIND[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="如：白云湖街主任办公会议" />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}
