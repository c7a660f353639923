import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionDecisionsQuery } from '../../gql/graphql';
import { StateTag, formatDate, useCursorPages } from '../../shared';
import { DECISION_STATUS } from './labels';

const DecisionDecisionsDoc = graphql(`
  query DecisionDecisions($first: Int, $after: String) {
    proposals(first: $first, after: $after, filter: { state: APPROVED }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        sponsorDepartment {
          id
          name
        }
        decision {
          id
          status
          documentNumber
          signedOn
          publishedOn
          publicationDueOn
          publicationOverdue
        }
      }
    }
  }
`);

type Row = DecisionDecisionsQuery['proposals']['nodes'][number];

/**
 * Decisions after the meeting (R-DEC-12…16): every approved proposal with where its decision stands —
 * to sign, to publish (and by when), in execution or suspended.
 */
export function DecisionList() {
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(DecisionDecisionsDoc, { variables: pages.variables });
  return (
    <Card title="决定签发与执行">
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.proposals}
        error={error}
        errorTitle="无法加载决定"
        empty="还没有经集体讨论通过的决定"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '编号', dataIndex: 'code', width: 150 },
          { title: '决策事项', dataIndex: 'title', render: (_: unknown, p: Row) => <Link to={`/decision/decisions/${p.id}`}>{p.title}</Link> },
          { title: '承办部门', key: 'sponsor', width: 150, render: (_: unknown, p: Row) => p.sponsorDepartment.name },
          {
            title: '状态',
            key: 'status',
            width: 190,
            render: (_: unknown, p: Row) => (p.decision ? <StateTag state={p.decision.status} labels={DECISION_STATUS} /> : '—'),
          },
          { title: '文号', key: 'number', width: 190, render: (_: unknown, p: Row) => p.decision?.documentNumber ?? '—' },
          { title: '签发日期', key: 'signed', width: 120, render: (_: unknown, p: Row) => formatDate(p.decision?.signedOn) },
          {
            title: '公布',
            key: 'published',
            width: 170,
            render: (_: unknown, p: Row) => {
              const d = p.decision;
              if (!d) return '—';
              if (d.publishedOn) return formatDate(d.publishedOn);
              if (!d.publicationDueOn) return '—';
              return <Tag color={d.publicationOverdue ? 'error' : 'warning'}>{`${d.publicationOverdue ? '已逾期' : '应于'} ${formatDate(d.publicationDueOn)}${d.publicationOverdue ? '' : ' 前公布'}`}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
