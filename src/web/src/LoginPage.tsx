import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useSession } from './session';
import { homePath } from './areas';
import { ApiErrorAlert } from './shared';

/** Sign in. The server answers with an httpOnly session cookie; the page never holds the token. */
export function LoginPage() {
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (session.user) return <Navigate to={homePath(session.user.roles)} replace />;
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          云湖合法性审查
        </Typography.Title>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={async (v: { username: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              await session.login(v.username, v.password);
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error !== null && (
            <div style={{ marginBottom: 16 }}>
              <ApiErrorAlert error={error} title="登录未成功" />
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
