import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminUsersQuery, Role } from '../../gql/graphql';
import { ROLE_LABEL, formatDateTime, useCursorPages } from '../../shared';
import { DepartmentSelect, ModalForm, PASSWORD_RULES, ROLE_OPTIONS } from './forms';

/** The administrator's users: every account with its department, roles, state and last sign-in. */
const AdminUsersDoc = graphql(`
  query AdminUsers($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        username
        displayName
        roles
        active
        lastLoginAt
        department {
          id
          name
        }
      }
    }
  }
`);

const AdminCreateUserDoc = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        username
      }
    }
  }
`);

type Row = AdminUsersQuery['users']['nodes'][number];

interface NewUser {
  username: string;
  displayName: string;
  departmentId: string;
  roles: Role[];
  password: string;
}

export function UserList() {
  const pages = useCursorPages(20);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get('department') ?? undefined;
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const [creating, setCreating] = useState(false);
  const [create] = useMutation(AdminCreateUserDoc);
  const { data, loading, error } = useQuery(AdminUsersDoc, {
    variables: { ...pages.variables, filter: { search: search || null, role: role ?? null, active: active ?? null, departmentId: departmentId ?? null } },
  });

  return (
    <Card
      title="用户与角色"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="按登录名或姓名查找"
          placeholder="登录名或姓名"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => {
            pages.reset();
            setSearch(v.trim());
          }}
        />
        <DepartmentSelect
          value={departmentId}
          onChange={(v) => {
            pages.reset();
            setParams(v ? { department: v } : {});
          }}
          allowClear
          ariaLabel="按部门筛选"
          placeholder="全部部门"
          style={{ width: 240 }}
        />
        <Select<Role>
          aria-label="按角色筛选"
          placeholder="全部角色"
          allowClear
          style={{ width: 200 }}
          value={role}
          onChange={(v) => {
            pages.reset();
            setRole(v);
          }}
          options={ROLE_OPTIONS}
        />
        <Select<'true' | 'false'>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={active === undefined ? undefined : active ? 'true' : 'false'}
          onChange={(v) => {
            pages.reset();
            setActive(v === undefined ? undefined : v === 'true');
          }}
          options={[
            { value: 'true', label: '启用' },
            { value: 'false', label: '停用' },
          ]}
        />
      </Space>
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.users}
        error={error}
        errorTitle="无法加载用户"
        empty="没有符合条件的用户"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '登录名', dataIndex: 'username', width: 140, render: (v: string, u: Row) => <Link to={`/admin/users/${u.id}`}>{v}</Link> },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '部门', key: 'department', render: (_: unknown, u: Row) => u.department.name },
          {
            title: '角色',
            key: 'roles',
            render: (_: unknown, u: Row) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => (
                  <Tag key={r}>{ROLE_LABEL[r]}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => formatDateTime(v) },
        ]}
      />
      <ModalForm<NewUser>
        title="新建用户"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ departmentId, roles: [] }}
        onSubmit={async (v) => {
          const r = await create({
            variables: { input: { username: v.username.trim(), displayName: v.displayName.trim(), departmentId: v.departmentId, roles: v.roles, password: v.password } },
            refetchQueries: ['AdminUsers'],
          });
          navigate(`/admin/users/${r.data!.createUser.user.id}`);
        }}
      >
        <Form.Item
          name="username"
          label="登录名"
          extra="3–64 个字符：小写字母、数字、. _ -"
          rules={[
            { required: true, whitespace: true, message: '请填写登录名' },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/, message: '登录名应为 3–64 位小写字母、数字或 . _ -，且以字母或数字开头' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="departmentId" label="所属部门" rules={[{ required: true, message: '请选择部门' }]}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="roles" label="角色" extra="可以多选；未分配角色的账号登录后不能办理任何事项">
          <Select<Role[]> mode="multiple" options={ROLE_OPTIONS} placeholder="选择角色" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra="至少 10 个字符，须含字母和数字；请线下告知本人并提醒其登录后修改" rules={PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}
