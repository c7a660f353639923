import { Route, Routes } from 'react-router-dom';
import { LoginPage } from './LoginPage';
import { ConsoleLayout } from './ConsoleLayout';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/*" element={<ConsoleLayout />} />
    </Routes>
  );
}
