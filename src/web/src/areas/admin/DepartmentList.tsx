import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import Switch from 'antd/es/switch';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminDepartmentsQuery, DepartmentKind } from '../../gql/graphql';
import { formatDateTime, useCursorPages } from '../../shared';
import { DEPARTMENT_KIND } from './labels';
import { ModalForm } from './forms';

const AdminDepartmentsDoc = graphql(`
  query AdminDepartments($first: Int, $after: String, $includeInactive: Boolean!) {
    departments(first: $first, after: $after, includeInactive: $includeInactive) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        kind
        active
        version
        updatedAt
      }
    }
  }
`);

const AdminCreateDepartmentDoc = graphql(`
  mutation AdminCreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      department {
        id
        code
      }
    }
  }
`);

const AdminUpdateDepartmentDoc = graphql(`
  mutation AdminUpdateDepartment($input: UpdateDepartmentInput!) {
    updateDepartment(input: $input) {
      department {
        id
        name
        kind
        version
        updatedAt
      }
    }
  }
`);

const AdminSetDepartmentActiveDoc = graphql(`
  mutation AdminSetDepartmentActive($input: SetActiveInput!) {
    setDepartmentActive(input: $input) {
      department {
        id
        active
        version
        updatedAt
      }
    }
  }
`);

type Row = AdminDepartmentsQuery['departments']['nodes'][number];

const KIND_OPTIONS = (Object.keys(DEPARTMENT_KIND) as DepartmentKind[]).map((k) => ({ value: k, label: DEPARTMENT_KIND[k] }));

/** The street office's departments by code: created, renamed, re-classified, deactivated (each audited by the API). */
export function DepartmentList() {
  const pages = useCursorPages(20);
  const [includeInactive, setIncludeInactive] = useState(true);
  const { data, loading, error, refetch } = useQuery(AdminDepartmentsDoc, { variables: { ...pages.variables, includeInactive } });
  const [create] = useMutation(AdminCreateDepartmentDoc);
  const [update] = useMutation(AdminUpdateDepartmentDoc);
  const [setActive] = useMutation(AdminSetDepartmentActiveDoc);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const [toggling, setToggling] = useState<Row | null>(null);

  return (
    <Card
      title="部门管理"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建部门
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Switch
          id="include-inactive"
          checked={includeInactive}
          onChange={(v) => {
            pages.reset();
            setIncludeInactive(v);
          }}
        />
        <label htmlFor="include-inactive">显示已停用的部门</label>
      </Space>
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.departments}
        error={error}
        errorTitle="无法加载部门"
        empty="暂无部门"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '部门代码', dataIndex: 'code', width: 130 },
          { title: '部门名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', width: 170, render: (k: DepartmentKind) => DEPARTMENT_KIND[k] },
          { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
          { title: '最近修改', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 230,
            render: (_: unknown, d: Row) => (
              <Space size="small">
                <Link to={`/admin/users?department=${d.id}`} aria-label={`${d.name}的用户`}>
                  用户
                </Link>
                <Button size="small" onClick={() => setEditing(d)} aria-label={`修改${d.name}`}>
                  修改
                </Button>
                <Button size="small" danger={d.active} onClick={() => setToggling(d)} aria-label={`${d.active ? '停用' : '启用'}${d.name}`}>
                  {d.active ? '停用' : '启用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ModalForm<{ code: string; name: string; kind: DepartmentKind }>
        title="新建部门"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ kind: 'GOVERNMENT_OFFICE' }}
        onSubmit={async (v) => {
          await create({ variables: { input: { code: v.code.trim(), name: v.name.trim(), kind: v.kind } }, refetchQueries: ['AdminDepartments', 'AdminDepartmentOptions'] });
        }}
      >
        <Form.Item
          name="code"
          label="部门代码"
          extra="2–32 位大写字母、数字、- 或 _，创建后不可更改"
          normalize={(v: string | undefined) => v?.toUpperCase()}
          rules={[
            { required: true, whitespace: true, message: '请填写部门代码' },
            { pattern: /^[A-Z0-9][A-Z0-9_-]{1,31}$/, message: '部门代码应为 2–32 位大写字母、数字、- 或 _，以字母或数字开头' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="部门类别" rules={[{ required: true, message: '请选择部门类别' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
      </ModalForm>
      {editing && (
        <ModalForm<{ name: string; kind: DepartmentKind }>
          title={`修改部门 ${editing.code}`}
          open
          onClose={() => setEditing(null)}
          versioned
          onReload={() => refetch()}
          initialValues={{ name: editing.name, kind: editing.kind }}
          onSubmit={async (v) => {
            await update({ variables: { input: { id: editing.id, version: editing.version, name: v.name.trim(), kind: v.kind } }, refetchQueries: ['AdminDepartmentOptions'] });
          }}
        >
          <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label="部门类别" rules={[{ required: true, message: '请选择部门类别' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </ModalForm>
      )}
      {toggling && (
        <ModalForm<object>
          title={`${toggling.active ? '停用' : '启用'}部门 ${toggling.name}`}
          okText={toggling.active ? '确认停用' : '确认启用'}
          open
          onClose={() => setToggling(null)}
          versioned
          onReload={() => refetch()}
          onSubmit={async () => {
            await setActive({
              variables: { input: { id: toggling.id, version: toggling.version, active: !toggling.active } },
              refetchQueries: ['AdminDepartments', 'AdminDepartmentOptions'],
            });
          }}
        >
          <Typography.Paragraph>
            {toggling.active
              ? '停用后不能在该部门下新建账号或调入账号；部门仍有在用账号时不能停用，请先调整或停用这些账号。历史记录全部保留。'
              : '启用后可以在该部门下新建账号。'}
          </Typography.Paragraph>
        </ModalForm>
      )}
    </Card>
  );
}
