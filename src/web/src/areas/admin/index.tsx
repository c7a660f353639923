import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { UserList } from './UserList';
import { UserDetail } from './UserDetail';
import { DepartmentList } from './DepartmentList';
import { BodyList } from './BodyList';
import { BodyDetail } from './BodyDetail';
import { CalendarYears } from './CalendarYears';
import { CalendarYearDetail } from './CalendarYearDetail';
import { AuditVerify } from './AuditVerify';
import { JobsAndDeliveries } from './JobsAndDeliveries';

/** The ADMIN area (one lazily loaded chunk): users and roles is its work list. */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UserList />} />
      <Route path="users/:id" element={<UserDetail />} />
      <Route path="departments" element={<DepartmentList />} />
      <Route path="bodies" element={<BodyList />} />
      <Route path="bodies/:id" element={<BodyDetail />} />
      <Route path="calendar" element={<CalendarYears />} />
      <Route path="calendar/:year" element={<CalendarYearDetail />} />
      <Route path="audit" element={<AuditVerify />} />
      <Route path="jobs" element={<JobsAndDeliveries />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
