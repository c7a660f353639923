import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Input, Select, Space, Tag, Tooltip } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DrafterProposalsQuery, ProposalState } from '../../gql/graphql';
import { PROPOSAL_STATE, PROPOSAL_STEP, StateTag, formatDateTime, useCursorPages } from '../../shared';

/**
 * The drafter's work list: the department's proposals (the API shows a drafter only their own
 * department's), with state, next step and — for proposals whose next step is the legality review —
 * what still blocks it, each blocker with its rule.
 */
const DrafterProposalsDoc = graphql(`
  query DrafterProposals($first: Int, $after: String, $filter: ProposalFilter) {
    proposals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        state
        nextStep
        updatedAt
        sponsorDepartment {
          id
          name
        }
        blockers(step: REQUEST_LEGALITY_REVIEW) {
          rule
          title
          message
        }
      }
    }
  }
`);

type Row = DrafterProposalsQuery['proposals']['nodes'][number];

export function ProposalList() {
  const pages = useCursorPages(10);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<ProposalState | undefined>();
  const { data, loading, error } = useQuery(DrafterProposalsDoc, {
    variables: { ...pages.variables, filter: { search: search || null, state: state ?? null } },
  });

  return (
    <Card title="本部门决策建议">
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="按标题或编号查找"
          placeholder="标题或编号"
          allowClear
          onSearch={(v) => {
            pages.reset();
            setSearch(v.trim());
          }}
          style={{ width: 260 }}
        />
        <Select<ProposalState>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 200 }}
          value={state}
          onChange={(v) => {
            pages.reset();
            setState(v);
          }}
          options={Object.entries(PROPOSAL_STATE).map(([value, { label }]) => ({ value: value as ProposalState, label }))}
        />
      </Space>
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.proposals}
        error={error}
        errorTitle="无法加载决策建议"
        empty="本部门暂无决策建议"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '编号', dataIndex: 'code', width: 150 },
          {
            title: '标题',
            dataIndex: 'title',
            render: (_: unknown, p: Row) => <Link to={`/drafter/proposals/${p.id}`}>{p.title}</Link>,
          },
          { title: '状态', dataIndex: 'state', width: 160, render: (_: unknown, p: Row) => <StateTag state={p.state} labels={PROPOSAL_STATE} /> },
          { title: '下一步', dataIndex: 'nextStep', width: 140, render: (_: unknown, p: Row) => (p.nextStep ? PROPOSAL_STEP[p.nextStep] : '—') },
          {
            title: '尚待满足',
            key: 'blockers',
            width: 200,
            render: (_: unknown, p: Row) => {
              if (p.nextStep !== 'REQUEST_LEGALITY_REVIEW') return '—';
              if (p.blockers.length === 0) return <Tag color="success">可提请审查</Tag>;
              return (
                <Tooltip title={p.blockers.map((b) => `${b.rule} ${b.title}：${b.message}`).join('\n')}>
                  <Tag color="warning" tabIndex={0}>
                    {p.blockers.length} 项未满足
                  </Tag>
                </Tooltip>
              );
            },
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
