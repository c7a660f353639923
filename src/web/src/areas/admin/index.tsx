import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { UserList } from './UserList';

/** The ADMIN area (one lazily loaded chunk): users and roles is its work list. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UserList />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
