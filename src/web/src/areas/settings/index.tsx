import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { NotificationSettings } from './NotificationSettings';

/** Every signed-in user's own settings (one lazily loaded chunk). */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="notifications" replace />} />
      <Route path="notifications" element={<NotificationSettings />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
