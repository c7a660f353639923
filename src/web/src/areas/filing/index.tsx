import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { DocumentCreate } from './DocumentCreate';
import { DocumentDetail } from './DocumentDetail';
import { DocumentList } from './DocumentList';
import { FlagsDashboard } from './FlagsDashboard';
import { ValidityCleanup } from './ValidityCleanup';

/**
 * The FILING_OFFICER area (one lazily loaded chunk): the flags dashboard is its work list; the
 * register with each document's assessment, release gate, number, release and filing; validity and
 * clean-up.
 */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="flags" replace />} />
      <Route path="flags" element={<FlagsDashboard />} />
      <Route path="documents" element={<DocumentList />} />
      <Route path="documents/new" element={<DocumentCreate />} />
      <Route path="documents/:id" element={<DocumentDetail />} />
      <Route path="cleanup" element={<ValidityCleanup />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
