import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Input, Select, Space, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminUsersQuery, Role } from '../../gql/graphql';
import { ROLE_LABEL, formatDateTime, useCursorPages } from '../../shared';

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

type Row = AdminUsersQuery['users']['nodes'][number];

export function UserList() {
  const pages = useCursorPages(20);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const { data, loading, error } = useQuery(AdminUsersDoc, {
    variables: { ...pages.variables, filter: { search: search || null, role: role ?? null, active: active ?? null } },
  });

  return (
    <Card title="用户与角色">
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
          options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
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
          { title: '登录名', dataIndex: 'username', width: 140 },
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
    </Card>
  );
}
