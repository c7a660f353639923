import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { MeetingList } from './MeetingList';
import { MeetingNew } from './MeetingNew';
import { MeetingDetail } from './MeetingDetail';
import { DirectoryList } from './DirectoryList';
import { DirectoryDetail } from './DirectoryDetail';
import { InclusionList } from './InclusionList';
import { DecisionList } from './DecisionList';
import { DecisionDetail } from './DecisionDetail';
import { DecisionArchive } from './DecisionArchive';

/**
 * The decision makers' area (one lazily loaded chunk), open to administrators too where the API lets
 * them act (src/areas.tsx): meetings are its work list; then decisions after the meeting, the
 * year's directory and the proposals waiting to be included in it.
 */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="meetings" replace />} />
      <Route path="meetings" element={<MeetingList />} />
      <Route path="meetings/new" element={<MeetingNew />} />
      <Route path="meetings/:id" element={<MeetingDetail />} />
      <Route path="decisions" element={<DecisionList />} />
      <Route path="decisions/:proposalId" element={<DecisionDetail />} />
      <Route path="decisions/:proposalId/archive" element={<DecisionArchive />} />
      <Route path="directory" element={<DirectoryList />} />
      <Route path="directory/:year" element={<DirectoryDetail />} />
      <Route path="inclusion" element={<InclusionList />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
