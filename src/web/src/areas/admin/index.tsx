import { Navigate, Route, Routes } from 'react-router-dom';
import { Card } from 'antd';
import { EmptyState, NotFound } from '../../shared';

/** The ADMIN area (one lazily loaded chunk). Its screens come next; the work list is its first route. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route
        path="users"
        element={
          <Card title="用户与角色">
            <EmptyState description="该页面正在建设中" />
          </Card>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
