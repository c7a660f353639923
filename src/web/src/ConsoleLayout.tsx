import { Suspense, lazy } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { AREAS, areasFor, homePath } from './areas';
import { useSession } from './session';
import { Loading, NotFound } from './shared';
import { RulePage } from './RulePage';

/** "Change my password", for every signed-in user: its own small chunk, reached from the user menu. */
const ChangePassword = lazy(() => import('./account/ChangePassword'));
// Every user's own settings (notification channels): a chunk of its own.
const Settings = lazy(() => import('./areas/settings'));
// The header's bell (its Badge and query) loads just after the first page, keeping that page small.
const NotificationBell = lazy(() => import('./NotificationBell'));

/** The signed-in shell: the menu of the user's areas, the header with who they are, and the area routes. */
export function ConsoleLayout() {
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const areas = areasFor(user.roles);
  const selected = areas.flatMap((a) => a.menu.map((m) => `/${a.path}/${m.path}`)).filter((k) => location.pathname.startsWith(k));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: 16, fontWeight: 600 }}>
          <Link to={homePath(user.roles)}>云湖合法性审查</Link>
        </div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={selected}
            defaultOpenKeys={areas.map((a) => a.path)}
            items={areas.map((a) => ({
              key: a.path,
              icon: a.icon,
              label: a.label,
              children: a.menu.map((m) => ({ key: `/${a.path}/${m.path}`, label: <Link to={`/${a.path}/${m.path}`}>{m.label}</Link> })),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', paddingInline: 24 }}>
          <Space size="large">
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            {/* The user menu: the sider's Menu component (already on the first page) as one click-opened submenu. */}
            <nav aria-label="用户菜单">
              <Menu
                mode="horizontal"
                triggerSubMenuAction="click"
                selectable={false}
                style={{ borderBottom: 'none', minWidth: 260, justifyContent: 'flex-end' }}
                items={[
                  {
                    key: 'user',
                    label: (
                      <Space data-testid="current-user">
                        <UserOutlined aria-hidden />
                        <Typography.Text strong>{user.displayName}</Typography.Text>
                        <Typography.Text type="secondary">{user.department.name}</Typography.Text>
                        <DownOutlined aria-hidden style={{ fontSize: 10 }} />
                      </Space>
                    ),
                    children: [
                      { key: 'password', icon: <KeyOutlined />, label: <Link to="/account/password">修改密码</Link> },
                      { key: 'notifications', icon: <BellOutlined />, label: <Link to="/settings/notifications">通知设置</Link> },
                    ],
                  },
                ]}
              />
            </nav>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route index element={<Navigate to={homePath(user.roles)} replace />} />
                {areas.map((a) => (
                  <Route key={a.path} path={`${a.path}/*`} element={<a.Component />} />
                ))}
                <Route path="rules/:id" element={<RulePage />} />
                <Route path="account/password" element={<ChangePassword />} />
                <Route path="settings/*" element={<Settings />} />
                {AREAS.filter((a) => !areas.includes(a)).map((a) => (
                  <Route key={a.path} path={`${a.path}/*`} element={<NotFound status="403" title="无权访问此页面：您的角色不包括该功能" />} />
                ))}
                <Route path="no-role" element={<NotFound title="您的账号尚未分配角色，请联系系统管理员" />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
