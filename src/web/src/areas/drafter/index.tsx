import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { ProposalList } from './ProposalList';
import { ProposalDetail } from './ProposalDetail';

/** The drafting department's area (one lazily loaded chunk): its routes, relative to /drafter. */
export default function DrafterArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="proposals" replace />} />
      <Route path="proposals" element={<ProposalList />} />
      <Route path="proposals/:id" element={<ProposalDetail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
