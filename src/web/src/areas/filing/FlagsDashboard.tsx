import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Row as GridRow, Select, Space, Statistic, Tag } from 'antd';
import InputNumber from 'antd/es/input-number';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { FilingFlagKind, FilingFlagsBoardQuery } from '../../gql/graphql';
import { ApiErrorAlert, RuleLink, formatDate, useCursorPages } from '../../shared';
import { RegisterLinks } from '../../shared/RegisterLinks';
import { percent } from './labels';

/**
 * The filing officer's dashboard of live filing problems (未报、漏报、迟报 …): the counts per kind,
 * the overdue total, and every flag most urgent first, straight from the database (filingFlags).
 * A kind's card filters the list to that kind.
 */
const FilingFlagsBoardDoc = graphql(`
  query FilingFlagsBoard($first: Int!, $after: String, $kinds: [FilingFlagKind!]) {
    filingFlags(first: $first, after: $after, kinds: $kinds) {
      totalCount
      overdueCount
      countsByKind {
        kind
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        documentId
        kind
        title
        registrationNumber
        dueOn
        rule
        message
      }
    }
  }
`);

const FilingRatesDoc = graphql(`
  query FilingRates($from: LocalDate!, $to: LocalDate!) {
    filingStatistics(from: $from, to: $to) {
      from
      to
      requiredIds
      filedIds
      onTimeIds
      reviewedIds
      conformIds
      filingRate
      onTimeRate
      conformityRate
    }
  }
`);

/**
 * The filing rates of the documents published in a year (R-ND-8, targets 100%): filed / required,
 * filed on time / filed, reviewed without issue / reviewed — with the counts behind each.
 */
function FilingRates() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error } = useQuery(FilingRatesDoc, {
    variables: { from: `${year}-01-01`, to: `${year}-12-31` },
  });
  const s = data?.filingStatistics;
  return (
    <Card
      title="报备率（目标 100%）"
      extra={
        <Space>
          <span>统计年度</span>
          <InputNumber aria-label="统计年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      <ApiErrorAlert error={error} title="无法加载报备率" />
      <GridRow gutter={[16, 16]} data-testid="filing-rates">
        <Col xs={12} xl={6}>
          <Statistic title="应报备" value={s ? s.requiredIds.length : '—'} suffix="件" />
        </Col>
        <Col xs={12} xl={6}>
          <Statistic title="报备率" value={s ? percent(s.filingRate) : '—'} />
          <div>{s ? `已报备 ${s.filedIds.length} 件` : null}</div>
        </Col>
        <Col xs={12} xl={6}>
          <Statistic title="及时率" value={s ? percent(s.onTimeRate) : '—'} />
          <div>{s ? `按期报备 ${s.onTimeIds.length} 件` : null}</div>
        </Col>
        <Col xs={12} xl={6}>
          <Statistic title="规范率" value={s ? percent(s.conformityRate) : '—'} />
          <div>{s ? `已审查 ${s.reviewedIds.length} 件，无问题 ${s.conformIds.length} 件` : null}</div>
        </Col>
      </GridRow>
    </Card>
  );
}

type Flag = FilingFlagsBoardQuery['filingFlags']['nodes'][number];

/** Chinese names of the flag kinds, and which ones mean a deadline already missed. */
export const FLAG_KIND: Record<FilingFlagKind, { label: string; color: string; overdue: boolean }> = {
  FILING_OVERDUE: { label: '逾期未报备', color: 'error', overdue: true },
  DEFERRAL_OVERDUE: {
    label: '暂缓登记后逾期未补正',
    color: 'error',
    overdue: true,
  },
  FILED_LATE: { label: '逾期报备', color: 'volcano', overdue: true },
  CORRECTED_LATE: { label: '逾期补正', color: 'volcano', overdue: true },
  CORRECTION_OPEN: { label: '纠正尚未完毕', color: 'orange', overdue: false },
  POSSIBLE_MISSED_FILING: {
    label: '可能漏报',
    color: 'orange',
    overdue: false,
  },
  RELEASED_UNCONFIRMED: {
    label: '已公布但判定未确认',
    color: 'orange',
    overdue: false,
  },
  MATERIALS_MISSING: { label: '备案材料不全', color: 'gold', overdue: false },
  FILING_DUE_SOON: { label: '报备期限临近', color: 'gold', overdue: false },
  EVALUATION_DUE: {
    label: '有效期届满前应评估',
    color: 'blue',
    overdue: false,
  },
};

export function FlagsDashboard() {
  const pages = useCursorPages(20);
  const [kinds, setKinds] = useState<FilingFlagKind[]>([]);
  const { data, loading, error } = useQuery(FilingFlagsBoardDoc, {
    variables: {
      ...pages.variables,
      first: pages.pageSize,
      kinds: kinds.length ? kinds : null,
    },
  });
  const counts = new Map((data?.filingFlags.countsByKind ?? []).map((c) => [c.kind, c.count]));
  const choose = (next: FilingFlagKind[]) => {
    pages.reset();
    setKinds(next);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="备案风险提示">
        <ApiErrorAlert error={error} title="无法加载备案风险提示" />
        <GridRow gutter={[16, 16]}>
          <Col span={6}>
            <Statistic title="全部提示" value={data?.filingFlags.totalCount ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title="已逾期" value={data?.filingFlags.overdueCount ?? '—'} valueStyle={{ color: '#cf1322' }} />
          </Col>
        </GridRow>
        <GridRow gutter={[12, 12]} style={{ marginTop: 16 }} aria-label="各类提示数量">
          {(Object.keys(FLAG_KIND) as FilingFlagKind[]).map((kind) => (
            <Col key={kind} xs={12} md={8} xl={6} xxl={4}>
              <Card
                size="small"
                hoverable
                role="button"
                tabIndex={0}
                aria-pressed={kinds.length === 1 && kinds[0] === kind}
                aria-label={`${FLAG_KIND[kind].label}：${counts.get(kind) ?? 0} 件，点击只看此类`}
                onClick={() => choose([kind])}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && choose([kind])}
                data-testid={`flag-count-${kind}`}
              >
                <Statistic title={FLAG_KIND[kind].label} value={counts.get(kind) ?? 0} />
              </Card>
            </Col>
          ))}
        </GridRow>
      </Card>
      <FilingRates />
      <Card title="提示明细（最紧迫的在前）" extra={<RegisterLinks kinds={['FILING_FLAGS']} />}>
        <Select<FilingFlagKind[]>
          mode="multiple"
          aria-label="按提示类别筛选"
          placeholder="全部类别"
          allowClear
          style={{ minWidth: 320, marginBottom: 16 }}
          value={kinds}
          onChange={choose}
          options={(Object.keys(FLAG_KIND) as FilingFlagKind[]).map((k) => ({
            value: k,
            label: FLAG_KIND[k].label,
          }))}
        />
        <ConnectionTable<Flag>
          pages={pages}
          connection={data?.filingFlags}
          error={null}
          errorTitle="无法加载备案风险提示"
          empty="没有需要处理的备案问题"
          rowKey={(f) => `${f.kind}:${f.documentId}`}
          loading={loading && !data}
          columns={[
            {
              title: '类别',
              dataIndex: 'kind',
              width: 190,
              render: (k: FilingFlagKind) => (
                <Tag color={FLAG_KIND[k].color} data-kind={k}>
                  {FLAG_KIND[k].overdue ? '【逾期】' : ''}
                  {FLAG_KIND[k].label}
                </Tag>
              ),
            },
            {
              title: '文件',
              dataIndex: 'title',
              render: (_: unknown, f: Flag) => <Link to={`/filing/documents/${f.documentId}`}>{f.title}</Link>,
            },
            {
              title: '登记号',
              dataIndex: 'registrationNumber',
              width: 150,
              render: (v: string | null) => v ?? '未登记',
            },
            {
              title: '期限',
              dataIndex: 'dueOn',
              width: 110,
              render: (v: string | null) => formatDate(v),
            },
            {
              title: '依据',
              dataIndex: 'rule',
              width: 110,
              render: (v: string) => <RuleLink id={v} />,
            },
            { title: '说明', dataIndex: 'message' },
          ]}
        />
      </Card>
    </Space>
  );
}
