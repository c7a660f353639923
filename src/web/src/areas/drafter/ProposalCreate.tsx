import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Form, Space, Tag, Typography } from 'antd';
import Breadcrumb from 'antd/es/breadcrumb';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import type { DrafterDirectoryItemsQuery, ProposalSource } from '../../gql/graphql';
import { useSession } from '../../session';
import { ApiErrorAlert, businessYear, EmptyState, Loading, MutationError, Pager, PROPOSAL_STATE, StateTag, useCursorPages } from '../../shared';
import { attempt, useWorkspaceMutation } from './common';
import { optionsOf, PROPOSAL_SOURCE } from './labels';
import { ProposalFields } from './ProposalDescription';

const DirectoriesDoc = graphql(`
  query DrafterDirectories {
    directories(first: 10) {
      nodes {
        id
        year
        title
        status
      }
    }
  }
`);

const DirectoryItemsDoc = graphql(`
  query DrafterDirectoryItems($id: ID!, $year: Int!, $first: Int, $after: String) {
    directory(id: $id) {
      id
      year
      title
      status
      items(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          seq
          title
          legalBasis
          reason
          currentQuarter
          status
          sponsorDepartment {
            id
            name
          }
        }
      }
    }
    proposals(first: 100, filter: { year: $year }) {
      nodes {
        id
        code
        title
        state
        directoryItem {
          id
        }
      }
    }
  }
`);

const DirectoryItemDoc = graphql(`
  query DrafterDirectoryItem($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DirectoryItem {
        seq
        title
        legalBasis
        reason
        status
        currentQuarter
        sponsorDepartment {
          id
          name
        }
        directory {
          id
          year
          title
          status
        }
      }
    }
  }
`);

const CreateProposalDoc = graphql(`
  mutation DrafterCreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      proposal {
        id
        code
        title
        state
      }
    }
  }
`);

type Item = DrafterDirectoryItemsQuery['directory']['items']['nodes'][number];
type MyProposal = DrafterDirectoryItemsQuery['proposals']['nodes'][number];

/**
 * A new proposal starts from an item of a published directory (R-DIR-4): the drafter picks one of
 * the department's items, the form starts from its title and legal basis, and the proposal is
 * submitted (createProposal). The decision maker then includes it under the item.
 */
export function ProposalCreate() {
  const [params] = useSearchParams();
  const itemId = params.get('item');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/drafter/proposals">本部门决策建议</Link> }, { title: '依据目录事项新建' }]} />
      {itemId ? <CreateForm itemId={itemId} /> : <ChooseItem />}
    </Space>
  );
}

function ChooseItem() {
  const { user } = useSession();
  const myDept = user?.department.id;
  const directories = useQuery(DirectoriesDoc);
  const published = (directories.data?.directories.nodes ?? []).filter((d) => d.status === 'PUBLISHED');
  const [directoryId, setDirectoryId] = useState<string | undefined>();
  useEffect(() => {
    // This year's directory when it is published (next year's may already be), else the latest one.
    const current = published.find((d) => d.year === businessYear()) ?? published[0];
    if (!directoryId && current) setDirectoryId(current.id);
  }, [directoryId, published]);
  const year = published.find((d) => d.id === directoryId)?.year;
  const pages = useCursorPages(20);
  const items = useQuery(DirectoryItemsDoc, { variables: { id: directoryId ?? '', year: year ?? 0, ...pages.variables }, skip: !directoryId || !year });
  const mine = items.data?.proposals.nodes ?? [];
  const takenBy = (item: Item): MyProposal | undefined =>
    mine.find((p) => p.directoryItem?.id === item.id && p.state !== 'WITHDRAWN' && p.state !== 'DECLINED') ??
    mine.find((p) => !p.directoryItem && p.state === 'AWAITING_INCLUSION' && p.title === item.title);

  if (directories.loading && !directories.data) return <Loading />;
  return (
    <Card title="依据已公布的目录事项新建决策建议">
      <ApiErrorAlert error={directories.error ?? items.error} title="无法加载决策事项目录" />
      {published.length === 0 ? (
        <EmptyState description="尚无已公布的决策事项目录：决策建议须依据已公布目录的事项提出（R-DIR-4）" />
      ) : (
        <>
          <Space style={{ marginBottom: 16 }}>
            <Select
              aria-label="决策事项目录"
              style={{ width: 420 }}
              value={directoryId}
              onChange={(v) => {
                pages.reset();
                setDirectoryId(v);
              }}
              options={published.map((d) => ({ value: d.id, label: d.title }))}
            />
          </Space>
          <Table<Item>
            rowKey="id"
            size="small"
            loading={items.loading && !items.data}
            dataSource={items.data?.directory.items.nodes ?? []}
            pagination={false}
            locale={{ emptyText: <EmptyState description="该目录没有事项" /> }}
            footer={() => <Pager pages={pages} connection={items.data?.directory.items} />}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '决策事项', dataIndex: 'title' },
              { title: '承办单位', key: 'dept', width: 140, render: (_: unknown, i: Item) => i.sponsorDepartment.name },
              { title: '计划季度', dataIndex: 'currentQuarter', width: 90, render: (q: number) => `第 ${q} 季度` },
              {
                title: '状态',
                key: 'status',
                width: 200,
                render: (_: unknown, i: Item) => {
                  if (i.status === 'WITHDRAWN') return <Tag>已调出目录</Tag>;
                  // another department's proposals are not ours to see
                  if (i.sponsorDepartment.id !== myDept) return '—';
                  const taken = takenBy(i);
                  if (taken)
                    return (
                      <Space size={4}>
                        <Link to={`/drafter/proposals/${taken.id}`}>{taken.code}</Link>
                        <StateTag state={taken.state} labels={PROPOSAL_STATE} />
                      </Space>
                    );
                  return <Tag color="blue">尚无决策建议</Tag>;
                },
              },
              {
                title: '操作',
                key: 'act',
                width: 130,
                render: (_: unknown, i: Item) =>
                  i.sponsorDepartment.id === myDept && i.status === 'ACTIVE' && !takenBy(i) ? (
                    <Link to={`/drafter/proposals/new?item=${i.id}`} aria-label={`据此起草：${i.title}`}>
                      据此起草
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{i.sponsorDepartment.id === myDept ? '—' : '非本部门事项'}</Typography.Text>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function CreateForm({ itemId }: { itemId: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(DirectoryItemDoc, { variables: { id: itemId } });
  const [create, createState] = useWorkspaceMutation(CreateProposalDoc);
  if (loading && !data) return <Loading />;
  const item = data?.node.__typename === 'DirectoryItem' ? data.node : null;
  if (!item) return <ApiErrorAlert error={error ?? new Error('目录事项不存在')} title="无法加载目录事项" />;
  return (
    <Card title={`新建决策建议：${item.title}`}>
      <Descriptions size="small" bordered column={{ xs: 1, xl: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="目录">{item.directory.title}</Descriptions.Item>
        <Descriptions.Item label="事项">
          第 {item.seq} 项：{item.title}
        </Descriptions.Item>
        <Descriptions.Item label="承办单位">{item.sponsorDepartment.name}</Descriptions.Item>
        <Descriptions.Item label="计划季度">第 {item.currentQuarter} 季度</Descriptions.Item>
        <Descriptions.Item label="纳入理由" span={2}>
          {item.reason}
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="提交后，决策建议处于「待纳入目录」状态；决策机关将其纳入本目录事项后，即可起草草案、履行法定程序（R-DIR-4）。"
      />
      <Form name="proposal-create-form"
        layout="vertical"
        initialValues={{ title: item.title, legalBasis: item.legalBasis, source: 'DEPARTMENT', flags: [] }}
        onFinish={async (v: { title: string; source: ProposalSource; problem: string; legalBasis: string; preliminaryPlan: string; necessity: string; feasibility: string; flags: string[] }) => {
          const r = await attempt(() =>
            create({
              variables: {
                input: {
                  title: v.title,
                  source: v.source,
                  problem: v.problem,
                  legalBasis: v.legalBasis,
                  preliminaryPlan: v.preliminaryPlan,
                  necessity: v.necessity,
                  feasibility: v.feasibility,
                  year: item.directory.year,
                  flags: {
                    affectsPublicInterest: v.flags.includes('affectsPublicInterest'),
                    specialised: v.flags.includes('specialised'),
                    stabilityRisk: v.flags.includes('stabilityRisk'),
                    touchesMarketEntities: v.flags.includes('touchesMarketEntities'),
                    viewsDifferWidely: v.flags.includes('viewsDifferWidely'),
                  },
                },
              },
            }),
          );
          const p = r?.data?.createProposal.proposal;
          if (p) {
            message.success(`已提交决策建议 ${p.code}，待纳入目录`);
            navigate(`/drafter/proposals/${p.id}`);
          }
        }}
      >
        <Form.Item name="source" label="建议来源" rules={[{ required: true, message: '请选择建议来源' }]}>
          <Select options={optionsOf(PROPOSAL_SOURCE)} style={{ maxWidth: 360 }} />
        </Form.Item>
        <ProposalFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={createState.loading}>
            提交决策建议
          </Button>
          <Link to="/drafter/proposals/new">重新选择目录事项</Link>
        </Space>
        <div style={{ marginTop: 12 }}>
          <MutationError error={createState.error} onReload={() => undefined} />
        </div>
      </Form>
    </Card>
  );
}
