import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { FlagsDashboard } from './FlagsDashboard';

/** The FILING_OFFICER area (one lazily loaded chunk): the flags dashboard is its work list. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="flags" replace />} />
      <Route path="flags" element={<FlagsDashboard />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
