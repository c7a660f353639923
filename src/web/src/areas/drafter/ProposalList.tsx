import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, Space, Tag, Tooltip, Typography } from 'antd';
import Select from 'antd/es/select';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DrafterProposalsQuery, ProposalState } from '../../gql/graphql';
import { PROPOSAL_STATE, PROPOSAL_STEP, StateTag, formatDateTime, useCursorPages } from '../../shared';

/**
 * The drafter's work list: the department's proposals (the API shows a drafter only their own
 * department's), with state, the directory item, the next step and what still blocks it — the
 * legality review's blockers while drafting, the deliberation's once the opinion is out — each
 * blocker with its rule.
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
        directoryItem {
          id
          seq
          title
        }
        blockers(step: REQUEST_LEGALITY_REVIEW) {
          rule
          title
          message
        }
        deliberationBlockers: blockers(step: DELIBERATION) {
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
  const navigate = useNavigate();
  const pages = useCursorPages(10);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<ProposalState | undefined>();
  const { data, loading, error } = useQuery(DrafterProposalsDoc, {
    variables: { ...pages.variables, filter: { search: search || null, state: state ?? null } },
  });

  return (
    <Card
      title="本部门决策建议"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/drafter/proposals/new')}>
          依据目录事项新建
        </Button>
      }
    >
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
          { title: '编号', dataIndex: 'code', width: 130 },
          {
            title: '标题',
            dataIndex: 'title',
            render: (_: unknown, p: Row) => (
              <Space direction="vertical" size={0}>
                <Link to={`/drafter/proposals/${p.id}`}>{p.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.directoryItem ? `目录第 ${p.directoryItem.seq} 项：${p.directoryItem.title}` : '尚未纳入目录'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'state', width: 150, render: (_: unknown, p: Row) => <StateTag state={p.state} labels={PROPOSAL_STATE} /> },
          { title: '下一步', dataIndex: 'nextStep', width: 120, render: (_: unknown, p: Row) => (p.nextStep ? PROPOSAL_STEP[p.nextStep] : '—') },
          {
            title: '尚待满足',
            key: 'blockers',
            width: 170,
            render: (_: unknown, p: Row) => {
              const blockers = p.nextStep === 'REQUEST_LEGALITY_REVIEW' ? p.blockers : p.nextStep === 'DELIBERATION' ? p.deliberationBlockers : null;
              if (!blockers) return '—';
              if (blockers.length === 0) return <Tag color="success">{p.nextStep === 'DELIBERATION' ? '可提交讨论' : '可提请审查'}</Tag>;
              return (
                <Tooltip title={blockers.map((b) => `${b.rule} ${b.title}：${b.message}`).join('\n')}>
                  <Link to={`/drafter/proposals/${p.id}`} aria-label={`${p.title}：${blockers.length} 项未满足，${blockers.map((b) => b.rule).join('、')}`}>
                    <Tag color="warning">{blockers.length} 项未满足</Tag>
                  </Link>
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
