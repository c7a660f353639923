import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row as GridRow, Select, Space, Statistic, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import type { AnnualFigureKey, AnnualStatisticsQuery } from '../../gql/graphql';
import { ApiErrorAlert, RuleLink, formatDate } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { useSession } from '../../session';
import { HorizontalBars, MonthlyColumns, type Bar } from './charts';

/**
 * The statistics of a rule-of-law year (年度法治统计): every figure of annualReport(year) as a card,
 * the chosen figure's monthly trend and departments as SVG charts, the filing and on-time rates,
 * the problems found, and the records behind any figure, month or department (the drill-down).
 */
const AnnualStatisticsDoc = graphql(`
  query AnnualStatistics($year: Int!) {
    annualReport(year: $year) {
      year
      asOf
      documents {
        kind
        format
        title
        url
      }
      figures {
        key
        label
        counts
        section
        value
        byMonth {
          month
          value
          ids
        }
        byDepartment {
          value
          ids
          department {
            id
            name
          }
        }
        records {
          id
          label
          on
          amount
          department {
            name
          }
        }
      }
      rates {
        key
        label
        rate
        byMonth {
          month
          rate
        }
        byDepartment {
          rate
          department {
            id
            name
          }
        }
      }
      caseOutcomes {
        kind
        outcome
        count
      }
    }
  }
`);

type Figure = AnnualStatisticsQuery['annualReport']['figures'][number];
type Drill = { key: AnnualFigureKey; ids: string[] | null; what: string };

const CROSS_DEPARTMENT = ['ADMIN', 'DECISION_MAKER', 'LEGAL_ADVISOR', 'FILING_OFFICER'];
const percent = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);
const CASE_KIND: Record<string, string> = { LITIGATION: '行政诉讼', RECONSIDERATION: '行政复议' };
const CASE_OUTCOME: Record<string, string> = { UPHELD: '维持', CORRECTED: '变更或确认违法', REVOKED: '撤销', WITHDRAWN: '撤诉或撤回', SETTLED: '调解或和解' };

export function StatisticsPage() {
  const { user } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const allowed = user?.roles.some((r) => CROSS_DEPARTMENT.includes(r)) ?? false;
  const { data, loading, error } = useQuery(AnnualStatisticsDoc, { variables: { year }, skip: !allowed });
  const [chosen, setChosen] = useState<AnnualFigureKey>('LEGAL_OPINIONS');
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = data?.annualReport;
  const figure = report?.figures.find((f) => f.key === chosen);
  const drilled = useMemo(() => {
    if (!drill || !report) return null;
    const f = report.figures.find((x) => x.key === drill.key)!;
    const ids = drill.ids ? new Set(drill.ids) : null;
    return { figure: f, what: drill.what, records: f.records.filter((r) => !ids || ids.has(r.id)) };
  }, [drill, report]);

  if (!allowed) return <Alert type="info" showIcon title="年度法治统计向法律顾问、备案员、决策者和系统管理员开放；本部门的台账请从左侧菜单进入。" />;

  const pick = (f: Figure) => {
    setChosen(f.key);
    setDrill({ key: f.key, ids: null, what: `${f.label}（全年）` });
  };
  const cards = (section: string) =>
    report?.figures
      .filter((f) => f.section === section)
      .map((f) => (
        <Col key={f.key} xs={12} md={8} xl={6} xxl={4}>
          <Card
            size="small"
            hoverable
            role="button"
            tabIndex={0}
            aria-pressed={chosen === f.key}
            aria-label={`${f.label}：${f.value}，点击查看明细`}
            data-testid={`figure-${f.key}`}
            style={chosen === f.key ? { borderColor: '#1677ff' } : undefined}
            onClick={() => pick(f)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && pick(f)}
          >
            <Statistic title={f.label} value={f.value} />
          </Card>
        </Col>
      ));
  const monthBars = (f: Figure): Bar[] => f.byMonth.map((m) => ({ key: String(m.month), label: `${m.month}月`, value: m.value }));
  const deptBars = (f: Figure): Bar[] => f.byDepartment.map((d) => ({ key: d.department.id, label: d.department.name, value: d.value }));
  const rate = (key: string) => report?.rates.find((r) => r.key === key);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="年度法治统计"
        extra={
          <Space wrap>
            <DocumentLinks links={report?.documents} size="middle" testId="annual-report-documents" />
            <Select
              aria-label="统计年度"
              value={year}
              onChange={(y) => {
                setYear(y);
                setDrill(null);
              }}
              options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Space>
        }
      >
        <ApiErrorAlert error={error} title="无法加载年度统计" />
        <Typography.Paragraph type="secondary">
          每项数据均可点击查看其所依据的记录；统计口径见 <RuleLink id="R-AR-1" />、<RuleLink id="R-AR-2" />。
          {report && ` 未结事项（逾期未报备、逾期未审结）按 ${formatDate(report.asOf)} 计算。`}
        </Typography.Paragraph>
        <GridRow gutter={[12, 12]} aria-label="主要举措和成效">
          {cards('MAIN_WORK')}
        </GridRow>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          存在的问题
        </Typography.Title>
        <GridRow gutter={[12, 12]} aria-label="存在的问题">
          {cards('PROBLEMS')}
        </GridRow>
        {loading && !report && <Typography.Text>正在计算……</Typography.Text>}
      </Card>
      {figure && (
        <GridRow gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={`${figure.label}：月度趋势`} size="small">
              <Typography.Paragraph type="secondary">{figure.counts}</Typography.Paragraph>
              <MonthlyColumns
                title={`${figure.label}月度趋势`}
                bars={monthBars(figure)}
                onPick={(b) => setDrill({ key: figure.key, ids: figure.byMonth[Number(b.key) - 1]!.ids, what: `${figure.label}（${b.label}）` })}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={`${figure.label}：按部门`} size="small">
              <HorizontalBars
                title={`${figure.label}按部门`}
                bars={deptBars(figure)}
                onPick={(b) => setDrill({ key: figure.key, ids: figure.byDepartment.find((d) => d.department.id === b.key)!.ids, what: `${figure.label}（${b.label}）` })}
              />
            </Card>
          </Col>
        </GridRow>
      )}
      {report && (
        <GridRow gutter={[16, 16]}>
          {['FILING_RATE', 'ON_TIME_RATE'].map((key) => {
            const r = rate(key)!;
            return (
              <Col key={key} xs={24} xl={12}>
                <Card size="small" title={<>{r.label}（目标 100%）</>} data-testid={`rate-${key}`}>
                  <Statistic value={percent(r.rate)} />
                  <MonthlyColumns title={`${r.label}月度`} max={1} bars={r.byMonth.map((m) => ({ key: String(m.month), label: `${m.month}月`, value: m.rate ?? 0, text: m.rate === null ? '' : percent(m.rate) }))} />
                  <HorizontalBars title={`${r.label}按部门`} max={1} bars={r.byDepartment.map((d) => ({ key: d.department.id, label: d.department.name, value: d.rate ?? 0, text: percent(d.rate) }))} />
                </Card>
              </Col>
            );
          })}
        </GridRow>
      )}
      {report && report.caseOutcomes.length > 0 && (
        <Card size="small" title="行政诉讼、复议结案结果">
          <Space wrap>
            {report.caseOutcomes.map((c) => (
              <Tag key={`${c.kind}${c.outcome}`}>
                {CASE_KIND[c.kind]} · {CASE_OUTCOME[c.outcome]}：{c.count}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      {drilled && (
        <Card title={`明细：${drilled.what}`} size="small" data-testid="drill-down">
          <Table
            rowKey="id"
            size="small"
            dataSource={drilled.records}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '日期', dataIndex: 'on', width: 120, render: (v: string) => formatDate(v) },
              { title: '记录', dataIndex: 'label' },
              { title: '部门', dataIndex: ['department', 'name'], width: 180 },
              ...(drilled.figure.key === 'PUBLICITY_AUDIENCE' ? [{ title: '受众人数', dataIndex: 'amount', width: 100 }] : []),
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
