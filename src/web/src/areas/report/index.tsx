import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared';
import { StatisticsPage } from './StatisticsPage';
import { CasesScreen, ConsultationsScreen, MediationsScreen, PublicityScreen } from './registers';

/**
 * The rule-of-law statistics area (one lazily loaded chunk): the year's figures with charts and
 * drill-down (cross-department roles), and the four registers behind them (R-AR-2), which each
 * department keeps for itself and the legal advisor and administrators for every department.
 */
export default function Area() {
  return (
    <Routes>
      <Route index element={<Navigate to="statistics" replace />} />
      <Route path="statistics" element={<StatisticsPage />} />
      <Route path="consultations" element={<ConsultationsScreen />} />
      <Route path="mediations" element={<MediationsScreen />} />
      <Route path="cases" element={<CasesScreen />} />
      <Route path="publicity" element={<PublicityScreen />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
