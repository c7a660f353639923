import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { ReviewQueue } from './ReviewQueue';
import { ReviewWorkspace } from './ReviewWorkspace';

/** The legal advisor's area (one lazily loaded chunk): its routes, relative to /advisor. */
export default function AdvisorArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<ReviewQueue />} />
      <Route path="reviews/:id" element={<ReviewWorkspace />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
