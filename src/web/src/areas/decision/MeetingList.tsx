import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionMeetingsQuery } from '../../gql/graphql';
import { StateTag, formatDate, useCursorPages } from '../../shared';
import { MEETING_STATUS } from './labels';

/**
 * The decision makers' meetings, newest first: the body that met, who chaired, attendance against
 * the roll, the number of agenda items, and whether the minutes are final. A meeting is convened
 * from here (召开会议) and recorded on its own page.
 */
const DecisionMeetingsDoc = graphql(`
  query DecisionMeetings($first: Int, $after: String) {
    meetings(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        heldOn
        status
        chairDelegation
        chair {
          id
          displayName
        }
        members {
          id
          present
        }
        agenda(first: 1) {
          totalCount
        }
      }
    }
  }
`);

type Row = DecisionMeetingsQuery['meetings']['nodes'][number];

export function MeetingList() {
  const pages = useCursorPages(20);
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(DecisionMeetingsDoc, { variables: pages.variables });
  return (
    <Card
      title="集体讨论会议"
      extra={
        <Button type="primary" onClick={() => navigate('/decision/meetings/new')}>
          召开会议
        </Button>
      }
    >
      <ConnectionTable<Row>
        pages={pages}
        connection={data?.meetings}
        error={error}
        errorTitle="无法加载会议"
        empty="暂无会议"
        rowKey="id"
        loading={loading && !data}
        columns={[
          { title: '会议', dataIndex: 'title', render: (_: unknown, m: Row) => <Link to={`/decision/meetings/${m.id}`}>{m.title}</Link> },
          { title: '日期', dataIndex: 'heldOn', width: 120, render: (v: string) => formatDate(v) },
          {
            title: '主持人',
            key: 'chair',
            width: 180,
            render: (_: unknown, m: Row) => (
              <>
                {m.chair.displayName}
                {m.chairDelegation ? <Tag style={{ marginLeft: 8 }}>受委托主持</Tag> : null}
              </>
            ),
          },
          {
            title: '出席 / 应到',
            key: 'attendance',
            width: 120,
            render: (_: unknown, m: Row) => `${m.members.filter((x) => x.present).length} / ${m.members.length}`,
          },
          { title: '议题数', key: 'agenda', width: 90, render: (_: unknown, m: Row) => m.agenda.totalCount },
          { title: '状态', dataIndex: 'status', width: 130, render: (_: unknown, m: Row) => <StateTag state={m.status} labels={MEETING_STATUS} /> },
        ]}
      />
    </Card>
  );
}
