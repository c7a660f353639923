import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import InputNumber from 'antd/es/input-number';
import { graphql } from '../../gql';
import type { AdminCalendarYearsQuery, CalendarSource } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDateTime } from '../../shared';
import { CALENDAR_SOURCE } from './labels';
import { businessToday } from './forms';

export const AdminCalendarYearsDoc = graphql(`
  query AdminCalendarYears {
    calendarYears {
      year
      source
      shadows
      holidayCount
      makeUpWorkingDayCount
      version
      loadedAt
      loadedBy
      reason
    }
  }
`);

export type CalendarYearRow = AdminCalendarYearsQuery['calendarYears'][number];

export function SourceTag({ source }: { source: CalendarSource }) {
  return <Tag color={source === 'DATABASE' ? 'blue' : source === 'FILE' ? 'purple' : 'default'}>{CALENDAR_SOURCE[source]}</Tag>;
}

/**
 * The working-day calendar the deadlines count with: every year with holiday data, newest first,
 * where its data comes from (built in, the configuration file, or loaded by an administrator) and its
 * counts. Next year without data is called out: its deadlines are provisional until it is loaded.
 */
export function CalendarYears() {
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(AdminCalendarYearsDoc);
  const thisYear = Number(businessToday().slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear + 1);
  const years = [...(data?.calendarYears ?? [])].sort((a, b) => b.year - a.year);
  const nextMissing = data && !years.some((y) => y.year === thisYear + 1);
  return (
    <Card title="节假日与工作日历">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          审查、公开等期限按工作日计算。某年没有节假日数据时只按周末计算，跨入该年的期限标为“暂定”；国务院办公厅公布放假安排后请在此载入。
        </Typography.Paragraph>
        {nextMissing && (
          <Typography.Text type="warning" data-testid="next-year-missing">
            {thisYear + 1} 年尚无节假日数据。
          </Typography.Text>
        )}
        <Space wrap>
          <label htmlFor="calendar-year">年度</label>
          <InputNumber id="calendar-year" min={2000} max={2100} precision={0} value={year} onChange={(v) => setYear(v)} />
          <Button type="primary" disabled={!year} onClick={() => navigate(`/admin/calendar/${year}`)}>
            查看或载入
          </Button>
        </Space>
        <ApiErrorAlert error={error} title="无法加载节假日数据" />
        <Table<CalendarYearRow>
          rowKey="year"
          loading={loading && !data}
          dataSource={years}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: false, showTotal: (t) => `共 ${t} 个年度`, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description="没有任何年度的节假日数据" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => <Link to={`/admin/calendar/${y}`}>{y}</Link> },
            { title: '数据来源', dataIndex: 'source', width: 120, render: (s: CalendarSource) => <SourceTag source={s} /> },
            { title: '放假天数', dataIndex: 'holidayCount', width: 100 },
            { title: '调休上班', dataIndex: 'makeUpWorkingDayCount', width: 100 },
            { title: '版本', dataIndex: 'version', width: 70, render: (v: number | null) => v ?? '—' },
            { title: '载入人', dataIndex: 'loadedBy', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '载入时间', dataIndex: 'loadedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
            { title: '理由', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Space>
    </Card>
  );
}
