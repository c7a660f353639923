import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { ApiErrorAlert, Loading, ROLE_LABEL, formatDateTime } from '../../shared';
import { AuditTrail } from './AuditTrail';
import { DepartmentSelect, ModalForm, PASSWORD_RULES, ROLE_OPTIONS, useModals } from './forms';

const AdminUserDoc = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      id
      username
      displayName
      roles
      active
      version
      createdAt
      updatedAt
      lastLoginAt
      department {
        id
        code
        name
        active
      }
    }
  }
`);

const AdminUpdateUserDoc = graphql(`
  mutation AdminUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        displayName
        version
        department {
          id
          name
        }
      }
    }
  }
`);

const AdminSetUserRolesDoc = graphql(`
  mutation AdminSetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      user {
        id
        roles
        version
      }
    }
  }
`);

const AdminSetUserActiveDoc = graphql(`
  mutation AdminSetUserActive($input: SetActiveInput!) {
    setUserActive(input: $input) {
      user {
        id
        active
        version
      }
    }
  }
`);

const AdminResetPasswordDoc = graphql(`
  mutation AdminResetPassword($input: ResetPasswordInput!) {
    resetUserPassword(input: $input) {
      user {
        id
        version
      }
    }
  }
`);

type ModalName = 'edit' | 'roles' | 'active' | 'password';

/** One account: its data, department and roles, each change by its own form, and its audit trail. */
export function UserDetail() {
  const { id } = useParams<{ id: string }>();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(AdminUserDoc, { variables: { id: id! } });
  const modals = useModals<ModalName>();
  const [update] = useMutation(AdminUpdateUserDoc);
  const [setRoles] = useMutation(AdminSetUserRolesDoc);
  const [setActive] = useMutation(AdminSetUserActiveDoc);
  const [resetPassword] = useMutation(AdminResetPasswordDoc);

  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载该用户" />;
  const u = data.user;
  const reload = () => refetch();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{u.displayName}</span>
            <Typography.Text type="secondary">{u.username}</Typography.Text>
            {u.active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={modals.show('edit')}>修改资料</Button>
            <Button onClick={modals.show('roles')}>设置角色</Button>
            <Button onClick={modals.show('password')}>重置密码</Button>
            <Button danger={u.active} onClick={modals.show('active')}>
              {u.active ? '停用账号' : '启用账号'}
            </Button>
          </Space>
        }
      >
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="登录名">{u.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{u.displayName}</Descriptions.Item>
          <Descriptions.Item label="所属部门">
            {u.department.name}（{u.department.code}）{!u.department.active && <Tag style={{ marginLeft: 8 }}>部门已停用</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="角色">
            <Space size={[4, 4]} wrap data-testid="user-roles">
              {u.roles.length === 0 ? <Typography.Text type="secondary">未分配角色</Typography.Text> : u.roles.map((r) => <Tag key={r}>{ROLE_LABEL[r]}</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="创建时间">{formatDateTime(u.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="最近登录">{formatDateTime(u.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <AuditTrail subjectType="USER" subjectId={u.id} />

      <ModalForm<{ displayName: string; departmentId: string }>
        title="修改资料"
        open={modals.isOpen('edit')}
        onClose={modals.close}
        versioned
        onReload={reload}
        initialValues={{ displayName: u.displayName, departmentId: u.department.id }}
        onSubmit={async (v) => {
          await update({ variables: { input: { id: u.id, version: u.version, displayName: v.displayName.trim(), departmentId: v.departmentId } }, refetchQueries: ['AdminAuditTrail'] });
          message.success('已保存');
        }}
      >
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="departmentId" label="所属部门" extra="调整部门后，该账号的登录会话全部失效，须重新登录" rules={[{ required: true, message: '请选择部门' }]}>
          <DepartmentSelect />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ roles: Role[] }>
        title="设置角色"
        open={modals.isOpen('roles')}
        onClose={modals.close}
        versioned
        onReload={reload}
        initialValues={{ roles: u.roles }}
        onSubmit={async (v) => {
          await setRoles({ variables: { input: { id: u.id, version: u.version, roles: v.roles } }, refetchQueries: ['AdminAuditTrail'] });
          message.success('角色已更新');
        }}
      >
        <Form.Item name="roles" label="角色" extra="角色变化后，该账号的登录会话全部失效，须重新登录">
          <Select<Role[]> mode="multiple" options={ROLE_OPTIONS} placeholder="选择角色" />
        </Form.Item>
      </ModalForm>

      <ModalForm<object>
        title={u.active ? '停用账号' : '启用账号'}
        okText={u.active ? '确认停用' : '确认启用'}
        open={modals.isOpen('active')}
        onClose={modals.close}
        versioned
        onReload={reload}
        onSubmit={async () => {
          await setActive({ variables: { input: { id: u.id, version: u.version, active: !u.active } }, refetchQueries: ['AdminAuditTrail'] });
          message.success(u.active ? '账号已停用' : '账号已启用');
        }}
      >
        <Typography.Paragraph>
          {u.active
            ? `停用后 ${u.displayName}（${u.username}）不能再登录，已有的登录会话立即失效；记录保留，可随时重新启用。`
            : `启用后 ${u.displayName}（${u.username}）可以用原密码登录。`}
        </Typography.Paragraph>
      </ModalForm>

      <ModalForm<{ newPassword: string; confirm: string }>
        title="重置密码"
        okText="重置"
        open={modals.isOpen('password')}
        onClose={modals.close}
        onSubmit={async (v) => {
          await resetPassword({ variables: { input: { id: u.id, newPassword: v.newPassword } }, refetchQueries: ['AdminAuditTrail'] });
          message.success('密码已重置，请线下告知本人');
        }}
      >
        <Typography.Paragraph type="secondary">重置后该账号的登录会话全部失效，登录失败次数清零。</Typography.Paragraph>
        <Form.Item name="newPassword" label="新密码" rules={PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
