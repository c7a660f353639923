import { Navigate, Route, Routes } from 'react-router-dom';
import { Card } from 'antd';
import { EmptyState, NotFound } from '../../shared';

/** The FILING_OFFICER area (one lazily loaded chunk). Its screens come next; the work list is its first route. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="documents" replace />} />
      <Route
        path="documents"
        element={
          <Card title="规范性文件登记">
            <EmptyState description="该页面正在建设中" />
          </Card>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
