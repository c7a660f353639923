import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { ReviewQueue } from './ReviewQueue';

/** The LEGAL_ADVISOR area (one lazily loaded chunk): the review queue is its work list. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<ReviewQueue />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
