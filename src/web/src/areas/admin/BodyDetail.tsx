import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Table from 'antd/es/table';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { AdminBodyHeadshipsQuery, AdminBodyMembershipsQuery, AdminStandingBodyQuery, BodyRole } from '../../gql/graphql';
import { ApiErrorAlert, AvailableActions, EmptyState, Loading, StateTag, formatDate, useCursorPages } from '../../shared';
import { AuditTrail } from './AuditTrail';
import { BODY_KIND, BODY_ROLE } from './labels';
import { LocalDateInput, ModalForm, UserSelect, businessToday, useModals } from './forms';


const AdminStandingBodyDoc = graphql(`
  query AdminStandingBody($id: ID!, $on: LocalDate) {
    standingBody(id: $id) {
      id
      kind
      name
      version
      availableActions {
        action
        label
        rule
        ruleTitle
      }
      head(on: $on) {
        id
      }
      members(on: $on) {
        id
        title
        deputy
        startedOn
        endedOn
        user {
          id
          username
          displayName
          active
        }
        availableActions {
          action
          label
          rule
          ruleTitle
        }
      }
    }
  }
`);

const AdminBodyMembershipsDoc = graphql(`
  query AdminBodyMemberships($id: ID!, $first: Int, $after: String) {
    standingBody(id: $id) {
      id
      memberships(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          deputy
          startedOn
          endedOn
          endReason
          user {
            id
            username
            displayName
          }
        }
      }
    }
  }
`);

const AdminBodyHeadshipsDoc = graphql(`
  query AdminBodyHeadships($id: ID!, $first: Int, $after: String) {
    standingBody(id: $id) {
      id
      headships(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          startedOn
          endedOn
          user {
            id
            username
            displayName
          }
        }
      }
    }
  }
`);

const AdminUpdateStandingBodyDoc = graphql(`
  mutation AdminUpdateStandingBody($input: UpdateStandingBodyInput!) {
    updateStandingBody(input: $input) {
      body {
        id
        name
        version
      }
    }
  }
`);

const AdminAddBodyMemberDoc = graphql(`
  mutation AdminAddBodyMember($input: AddBodyMemberInput!) {
    addBodyMember(input: $input) {
      membership {
        id
      }
      body {
        id
        version
      }
    }
  }
`);

const AdminEndBodyMembershipDoc = graphql(`
  mutation AdminEndBodyMembership($input: EndBodyMembershipInput!) {
    endBodyMembership(input: $input) {
      membership {
        id
        endedOn
        endReason
      }
      body {
        id
        version
      }
    }
  }
`);

const AdminSetBodyHeadDoc = graphql(`
  mutation AdminSetBodyHead($input: SetBodyHeadInput!) {
    setBodyHead(input: $input) {
      headship {
        id
      }
      body {
        id
        version
      }
    }
  }
`);

type Member = AdminStandingBodyQuery['standingBody']['members'][number];
type Period = AdminBodyMembershipsQuery['standingBody']['memberships']['nodes'][number];
type Headship = AdminBodyHeadshipsQuery['standingBody']['headships']['nodes'][number];

/** Every query of this screen, refetched after a change (the roll, both histories, the audit trail). */
const BODY_QUERIES = ['AdminStandingBody', 'AdminBodyMemberships', 'AdminBodyHeadships', 'AdminAuditTrail', 'AdminStandingBodies'];

/**
 * One standing body (R-DEC-11): its roll on a chosen day (today by default) — the head, the deputies,
 * the members — the changes the API allows (rename, add a member, set the head, end a membership),
 * every period of membership and headship, and the audit trail.
 */
export function BodyDetail() {
  const { id } = useParams<{ id: string }>();
  const today = businessToday();
  const [on, setOn] = useState<string>(today);
  const { data, loading, error, refetch } = useQuery(AdminStandingBodyDoc, { variables: { id: id!, on } });
  const modals = useModals<'rename' | 'add' | 'head'>();
  const [ending, setEnding] = useState<Member | null>(null);
  const [rename] = useMutation(AdminUpdateStandingBodyDoc);
  const [addMember] = useMutation(AdminAddBodyMemberDoc);
  const [endMembership] = useMutation(AdminEndBodyMembershipDoc);
  const [setHead] = useMutation(AdminSetBodyHeadDoc);

  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载该议事机构" />;
  const b = data.standingBody;
  const roleOf = (m: Member): BodyRole => (b.head?.id === m.user.id ? 'HEAD' : m.deputy ? 'DEPUTY' : 'MEMBER');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{b.name}</span>
            <Tag>{BODY_KIND[b.kind]}</Tag>
          </Space>
        }
        extra={
          <AvailableActions
            actions={b.availableActions}
            handlers={{ UPDATE_BODY: modals.show('rename'), ADD_BODY_MEMBER: modals.show('add'), SET_BODY_HEAD: modals.show('head') }}
          />
        }
      >
        <Space style={{ marginBottom: 16 }} align="center" wrap>
          <label htmlFor="roll-on">查看某日的组成人员</label>
          <div style={{ width: 180 }}>
            <LocalDateInput id="roll-on" value={on} onChange={(v) => setOn(v ?? today)} />
          </div>
          {on !== today && <Button onClick={() => setOn(today)}>回到今日</Button>}
        </Space>
        <ApiErrorAlert error={error} title="无法加载组成人员" />
        <Table<Member>
          rowKey="id"
          size="small"
          pagination={false}
          aria-label="组成人员"
          dataSource={b.members}
          locale={{ emptyText: <EmptyState description={`${on} 没有在任成员`} /> }}
          columns={[
            { title: '姓名', key: 'name', render: (_: unknown, m: Member) => `${m.user.displayName}（${m.user.username}）` },
            { title: '职务', dataIndex: 'title' },
            { title: '身份', key: 'role', width: 120, render: (_: unknown, m: Member) => <StateTag state={roleOf(m)} labels={BODY_ROLE} /> },
            { title: '任期开始', dataIndex: 'startedOn', width: 110 },
            { title: '任期结束', dataIndex: 'endedOn', width: 110, render: (v: string | null) => v ?? '在任' },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              render: (_: unknown, m: Member) =>
                m.availableActions.some((a) => a.action === 'END_BODY_MEMBERSHIP') && !m.endedOn ? (
                  <Button size="small" onClick={() => setEnding(m)} aria-label={`结束${m.user.displayName}的任期`}>
                    结束任期
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      <MembershipHistory bodyId={b.id} />
      <HeadshipHistory bodyId={b.id} />
      <AuditTrail subjectType="STANDING_BODY" subjectId={b.id} />

      <ModalForm<{ name: string }>
        title="修改机构名称"
        open={modals.isOpen('rename')}
        onClose={modals.close}
        versioned
        onReload={() => refetch()}
        initialValues={{ name: b.name }}
        onSubmit={(v) => rename({ variables: { input: { bodyId: b.id, version: b.version, name: v.name.trim() } }, refetchQueries: BODY_QUERIES })}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ userId: string; title: string; deputy: boolean; startedOn: string }>
        title="增补成员"
        open={modals.isOpen('add')}
        onClose={modals.close}
        initialValues={{ deputy: false, startedOn: today }}
        onSubmit={(v) =>
          addMember({
            variables: { input: { bodyId: b.id, userId: v.userId, title: v.title.trim(), deputy: !!v.deputy, startedOn: v.startedOn } },
            refetchQueries: BODY_QUERIES,
          })
        }
      >
        <Form.Item name="userId" label="成员账号" rules={[{ required: true, message: '请选择成员账号' }]}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
          <Input maxLength={100} placeholder="如：街道办事处副主任" />
        </Form.Item>
        <Form.Item name="deputy" valuePropName="checked">
          <Checkbox>副职（可经书面委托主持会议）</Checkbox>
        </Form.Item>
        <Form.Item name="startedOn" label="任期开始日" extra="须晚于本机构最近一次会议的日期" rules={[{ required: true, message: '请选择任期开始日' }]}>
          <LocalDateInput />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ userId: string; startedOn: string }>
        title="设定主要负责人"
        open={modals.isOpen('head')}
        onClose={modals.close}
        initialValues={{ startedOn: today }}
        onSubmit={(v) => setHead({ variables: { input: { bodyId: b.id, userId: v.userId, startedOn: v.startedOn } }, refetchQueries: BODY_QUERIES })}
      >
        <Typography.Paragraph type="secondary">新负责人须是当日在任的成员；前任的任期在前一日结束。</Typography.Paragraph>
        <Form.Item name="userId" label="负责人" rules={[{ required: true, message: '请选择负责人' }]}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="startedOn" label="任职日期" extra="须晚于本机构最近一次会议的日期" rules={[{ required: true, message: '请选择任职日期' }]}>
          <LocalDateInput />
        </Form.Item>
      </ModalForm>

      {ending && (
        <ModalForm<{ endedOn: string; reason: string }>
          title={`结束 ${ending.user.displayName} 的任期`}
          open
          onClose={() => setEnding(null)}
          initialValues={{ endedOn: on }}
          onSubmit={(v) =>
            endMembership({ variables: { input: { membershipId: ending.id, endedOn: v.endedOn, reason: v.reason.trim() } }, refetchQueries: BODY_QUERIES })
          }
        >
          <Form.Item name="endedOn" label="任期最后一日" extra="不得早于本机构最近一次会议的日期" rules={[{ required: true, message: '请选择任期最后一日' }]}>
            <LocalDateInput />
          </Form.Item>
          <Form.Item name="reason" label="离任原因" rules={[{ required: true, whitespace: true, message: '请填写离任原因' }]}>
            <Input maxLength={200} placeholder="如：工作调动" />
          </Form.Item>
        </ModalForm>
      )}
    </Space>
  );
}

function MembershipHistory({ bodyId }: { bodyId: string }) {
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(AdminBodyMembershipsDoc, { variables: { id: bodyId, ...pages.variables } });
  return (
    <Card title="成员任职记录" size="small">
      <ConnectionTable<Period>
        pages={pages}
        connection={data?.standingBody.memberships}
        error={error}
        errorTitle="无法加载成员任职记录"
        aria-label="成员任职记录"
        empty="暂无成员"
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={[
          { title: '姓名', key: 'name', render: (_: unknown, p: Period) => `${p.user.displayName}（${p.user.username}）` },
          { title: '职务', dataIndex: 'title' },
          { title: '副职', dataIndex: 'deputy', width: 70, render: (v: boolean) => (v ? '是' : '否') },
          { title: '开始', dataIndex: 'startedOn', width: 110, render: (v: string) => formatDate(v) },
          { title: '结束', dataIndex: 'endedOn', width: 110, render: (v: string | null) => v ?? '在任' },
          { title: '离任原因', dataIndex: 'endReason', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

function HeadshipHistory({ bodyId }: { bodyId: string }) {
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(AdminBodyHeadshipsDoc, { variables: { id: bodyId, ...pages.variables } });
  return (
    <Card title="主要负责人任职记录" size="small">
      <ConnectionTable<Headship>
        pages={pages}
        connection={data?.standingBody.headships}
        error={error}
        errorTitle="无法加载主要负责人任职记录"
        aria-label="主要负责人任职记录"
        empty="尚未设定主要负责人"
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={[
          { title: '姓名', key: 'name', render: (_: unknown, h: Headship) => `${h.user.displayName}（${h.user.username}）` },
          { title: '开始', dataIndex: 'startedOn', width: 120 },
          { title: '结束', dataIndex: 'endedOn', width: 120, render: (v: string | null) => v ?? '现任' },
        ]}
      />
    </Card>
  );
}
