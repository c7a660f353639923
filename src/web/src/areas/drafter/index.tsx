import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { ProposalList } from './ProposalList';
import { ProposalCreate } from './ProposalCreate';
import { ProposalDetail } from './ProposalDetail';
import { ContractList } from './ContractList';
import { ContractDetail } from './ContractDetail';

/** The drafting department's area (one lazily loaded chunk): its routes, relative to /drafter. */
export default function DrafterArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="proposals" replace />} />
      <Route path="proposals" element={<ProposalList />} />
      <Route path="proposals/new" element={<ProposalCreate />} />
      <Route path="proposals/:id" element={<ProposalDetail />} />
      <Route path="contracts" element={<ContractList />} />
      <Route path="contracts/:id" element={<ContractDetail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
