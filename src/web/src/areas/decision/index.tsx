import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { MeetingList } from './MeetingList';

/** The DECISION_MAKER area (one lazily loaded chunk): the meetings are its work list. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="meetings" replace />} />
      <Route path="meetings" element={<MeetingList />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
