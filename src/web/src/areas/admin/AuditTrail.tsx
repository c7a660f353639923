import { useQuery } from '@apollo/client/react';
import { Card, Typography } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminAuditTrailQuery, AuditSubjectType } from '../../gql/graphql';
import { formatDateTime, useCursorPages } from '../../shared';

const AdminAuditTrailDoc = graphql(`
  query AdminAuditTrail($subjectType: AuditSubjectType!, $subjectId: ID!, $first: Int, $after: String) {
    auditTrail(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        actorUsername
        occurredAt
        before
        after
      }
    }
  }
`);

type Row = AdminAuditTrailQuery['auditTrail']['nodes'][number];

/** What the administrator's records' audit actions mean (others are shown as recorded). */
const ACTION_LABEL: Record<string, string> = {
  'identity.user.create': '新建账号',
  'identity.user.bootstrap_admin': '创建首个管理员',
  'identity.user.update': '修改资料或部门',
  'identity.user.set_roles': '设置角色',
  'identity.user.activate': '启用账号',
  'identity.user.deactivate': '停用账号',
  'identity.user.reset_password': '管理员重置密码',
  'identity.user.change_password': '本人修改密码',
  'identity.user.logout': '退出登录',
  'identity.user.logout_everywhere': '退出全部登录',
  'identity.department.create': '新建部门',
  'identity.department.update': '修改部门',
  'identity.department.activate': '启用部门',
  'identity.department.deactivate': '停用部门',
  'body.create': '设立议事机构',
  'body.update': '修改机构名称',
  'body.member.add': '增补成员',
  'body.member.end': '结束任期',
  'body.head.set': '设定主要负责人',
};

function summary(value: unknown): string {
  if (value == null) return '—';
  return JSON.stringify(value);
}

/** The audit trail of one record, oldest first (paged): who changed what, with the values before and after. */
export function AuditTrail({ subjectType, subjectId, title = '变更记录（审计）' }: { subjectType: AuditSubjectType; subjectId: string; title?: string }) {
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(AdminAuditTrailDoc, { variables: { subjectType, subjectId, ...pages.variables } });
  return (
    <Card title={title} size="small">
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.auditTrail}
        error={error}
        errorTitle="无法加载变更记录"
        empty="暂无变更记录"
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => ACTION_LABEL[v] ?? v },
          { title: '操作人', dataIndex: 'actorUsername', width: 110 },
          {
            title: '变更内容',
            key: 'change',
            render: (_: unknown, e: Row) => (
              <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {e.before != null && <div>之前：{summary(e.before)}</div>}
                {e.after != null && <div>之后：{summary(e.after)}</div>}
                {e.before == null && e.after == null && '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
