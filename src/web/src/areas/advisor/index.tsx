import { Navigate, Route, Routes } from 'react-router-dom';
import { Card } from 'antd';
import { EmptyState, NotFound } from '../../shared';

/** The LEGAL_ADVISOR area (one lazily loaded chunk). Its screens come next; the work list is its first route. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="queue" replace />} />
      <Route
        path="queue"
        element={
          <Card title="审查队列">
            <EmptyState description="该页面正在建设中" />
          </Card>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
