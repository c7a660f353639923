import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { graphql } from '../gql-shell';
import { ApiErrorAlert } from '../shared';

const ConsoleChangePasswordDoc = graphql(`
  mutation ConsoleChangePassword($input: ChangePasswordInput!) {
    changeMyPassword(input: $input) {
      expiresAt
      user {
        id
        version
      }
    }
  }
`);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * "Change my password" for every signed-in user (a lazily loaded page of the shell). The server
 * answers with a fresh session cookie: every other session of the user ends, this one goes on.
 */
export default function ChangePassword() {
  const [form] = Form.useForm<Values>();
  const [change, { loading, error, reset }] = useMutation(ConsoleChangePasswordDoc);
  const [done, setDone] = useState(false);
  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title="密码已修改"
          description="本次登录继续有效；您在其他浏览器或设备上的登录已全部退出，需用新密码重新登录。"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setDone(false);
          try {
            await change({ variables: { input: { currentPassword: v.currentPassword, newPassword: v.newPassword } } });
          } catch {
            return; // shown below as the API gave it
          }
          form.resetFields();
          setDone(true);
        }}
        onValuesChange={() => error && reset()}
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少 10 个字符，须同时包含字母和数字"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '密码至少 10 个字符' },
            { max: 128, message: '密码不能超过 128 个字符' },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
          ]}
        >
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
        <ApiErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={loading} style={{ marginTop: 16 }}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
