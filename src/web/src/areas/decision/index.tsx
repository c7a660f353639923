import { Navigate, Route, Routes } from 'react-router-dom';
import { Card } from 'antd';
import { EmptyState, NotFound } from '../../shared';

/** The DECISION_MAKER area (one lazily loaded chunk). Its screens come next; the work list is its first route. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="meetings" replace />} />
      <Route
        path="meetings"
        element={
          <Card title="集体讨论会议">
            <EmptyState description="该页面正在建设中" />
          </Card>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
