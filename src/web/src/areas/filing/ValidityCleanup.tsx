import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Space, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { FilingCampaignEntriesQuery, FilingCampaignsQuery, FilingEndedQuery, FilingEvaluationDueQuery } from '../../gql/graphql';
import { RuleLink, StateTag, formatDate, useCursorPages } from '../../shared';
import { LocalDateInput, ModalForm, useModals } from './forms';
import { CLEANUP_OUTCOME, DOCUMENT_STATE, ENDING } from './labels';

const FilingCampaignsDoc = graphql(`
  query FilingCampaigns($first: Int, $after: String) {
    cleanupCampaigns(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        startedOn
        entries(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const FilingCampaignEntriesDoc = graphql(`
  query FilingCampaignEntries($id: ID!, $first: Int, $after: String) {
    cleanupCampaign(id: $id) {
      id
      title
      entries(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          outcome
          reason
          document {
            id
            title
            registrationNumber
            state
          }
        }
      }
    }
  }
`);

const FilingCreateCampaignDoc = graphql(`
  mutation FilingCreateCampaign($input: CleanupCampaignInput!) {
    createCleanupCampaign(input: $input) {
      campaign {
        id
        title
        startedOn
      }
    }
  }
`);

const FilingEvaluationDueDoc = graphql(`
  query FilingEvaluationDue($first: Int!, $after: String) {
    filingFlags(first: $first, after: $after, kinds: [EVALUATION_DUE]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        documentId
        title
        registrationNumber
        dueOn
        message
      }
    }
  }
`);

const FilingEndedDoc = graphql(`
  query FilingEnded($from: LocalDate!, $to: LocalDate!, $first: Int, $after: String) {
    endedNormativeDocuments(from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        change
        on
        document {
          id
          title
          registrationNumber
        }
      }
    }
  }
`);

type Campaign = FilingCampaignsQuery['cleanupCampaigns']['nodes'][number];
type Entry = NonNullable<FilingCampaignEntriesQuery['cleanupCampaign']>['entries']['nodes'][number];
type DueFlag = FilingEvaluationDueQuery['filingFlags']['nodes'][number];
type Ended = FilingEndedQuery['endedNormativeDocuments']['nodes'][number];

function CampaignEntries({ id, title }: { id: string; title: string }) {
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(FilingCampaignEntriesDoc, {
    variables: { id, ...pages.variables },
  });
  return (
    <Card size="small" title={`「${title}」的清理结果`}>
      <ConnectionTable<Entry>
        pages={pages}
        connection={data?.cleanupCampaign?.entries}
        error={error}
        errorTitle="无法加载清理结果"
        empty="尚未登记清理结果：在文件的「有效期与清理」页登记"
        rowKey="id"
        loading={loading && !data}
        size="small"
        columns={[
          {
            title: '文件',
            key: 'doc',
            render: (_: unknown, e: Entry) => (e.document ? <Link to={`/filing/documents/${e.document.id}`}>{e.document.registrationNumber ?? e.document.title}</Link> : '—'),
          },
          {
            title: '名称',
            key: 'title',
            render: (_: unknown, e: Entry) => e.document?.title ?? '—',
          },
          {
            title: '结论',
            dataIndex: 'outcome',
            width: 110,
            render: (o: Entry['outcome']) => <StateTag state={o} labels={CLEANUP_OUTCOME} />,
          },
          { title: '理由', dataIndex: 'reason' },
          {
            title: '文件状态',
            key: 'state',
            width: 170,
            render: (_: unknown, e: Entry) => (e.document ? <StateTag state={e.document.state} labels={DOCUMENT_STATE} /> : '—'),
          },
        ]}
      />
    </Card>
  );
}

/**
 * Validity, expiry and clean-up (R-ND-9, R-ND-10): the clean-up campaigns with each document's
 * outcome, the documents whose evaluation before expiry is due, and the list of expired, repealed and
 * amended documents of a period for publication.
 */
export function ValidityCleanup() {
  const campaignPages = useCursorPages(10);
  const campaigns = useQuery(FilingCampaignsDoc, {
    variables: campaignPages.variables,
  });
  const [chosen, setChosen] = useState<Campaign | null>(null);
  const [create] = useMutation(FilingCreateCampaignDoc);
  const modals = useModals<'create'>();
  const duePages = useCursorPages(10);
  const due = useQuery(FilingEvaluationDueDoc, {
    variables: { ...duePages.variables, first: duePages.pageSize },
  });
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const endedPages = useCursorPages(10);
  const ended = useQuery(FilingEndedDoc, {
    variables: { ...period, ...endedPages.variables },
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <span>
            清理工作 <RuleLink id="R-ND-10" />
          </span>
        }
        extra={
          <Button type="primary" onClick={modals.show('create')}>
            发起清理工作
          </Button>
        }
      >
        <ConnectionTable<Campaign>
          pages={campaignPages}
          connection={campaigns.data?.cleanupCampaigns}
          error={campaigns.error}
          errorTitle="无法加载清理工作"
          empty="还没有清理工作"
          rowKey="id"
          loading={campaigns.loading && !campaigns.data}
          columns={[
            {
              title: '清理工作',
              dataIndex: 'title',
              render: (_: unknown, c: Campaign) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setChosen(c)} aria-pressed={chosen?.id === c.id}>
                  {c.title}
                </Button>
              ),
            },
            {
              title: '开始日期',
              dataIndex: 'startedOn',
              width: 120,
              render: (v: string) => formatDate(v),
            },
            {
              title: '已登记结果',
              key: 'count',
              width: 120,
              render: (_: unknown, c: Campaign) => `${c.entries.totalCount} 件`,
            },
          ]}
        />
      </Card>
      {chosen ? <CampaignEntries key={chosen.id} id={chosen.id} title={chosen.title} /> : null}

      <Card
        title={
          <span>
            有效期届满前应评估的文件 <RuleLink id="R-ND-9" />
          </span>
        }
      >
        <ConnectionTable<DueFlag>
          pages={duePages}
          connection={due.data?.filingFlags}
          error={due.error}
          errorTitle="无法加载应评估的文件"
          empty="没有进入评估期的文件"
          rowKey="documentId"
          loading={due.loading && !due.data}
          columns={[
            {
              title: '登记号',
              dataIndex: 'registrationNumber',
              width: 170,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '文件',
              dataIndex: 'title',
              render: (_: unknown, f: DueFlag) => <Link to={`/filing/documents/${f.documentId}`}>{f.title}</Link>,
            },
            {
              title: '有效期至',
              dataIndex: 'dueOn',
              width: 120,
              render: (v: string | null) => formatDate(v),
            },
            { title: '说明', dataIndex: 'message' },
          ]}
        />
      </Card>

      <Card
        title={
          <span>
            失效、废止和修改的文件目录 <RuleLink id="R-ND-10" />
          </span>
        }
      >
        <Form
          name="endedPeriod"
          layout="inline"
          initialValues={period}
          onFinish={(v: { from?: string; to?: string }) => {
            if (!v.from || !v.to) return;
            endedPages.reset();
            setPeriod({ from: v.from, to: v.to });
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="from" label="起始日期">
            <LocalDateInput />
          </Form.Item>
          <Form.Item name="to" label="截止日期">
            <LocalDateInput />
          </Form.Item>
          <Button htmlType="submit">查询</Button>
        </Form>
        <ConnectionTable<Ended>
          pages={endedPages}
          connection={ended.data?.endedNormativeDocuments}
          error={ended.error}
          errorTitle="无法加载失效、废止和修改的文件"
          empty="该期间没有失效、废止或修改的文件"
          rowKey={(e) => `${e.change}:${e.document.id}`}
          loading={ended.loading && !ended.data}
          columns={[
            {
              title: '日期',
              dataIndex: 'on',
              width: 120,
              render: (v: string) => formatDate(v),
            },
            {
              title: '情形',
              dataIndex: 'change',
              width: 180,
              render: (c: Ended['change']) => <Tag>{ENDING[c]}</Tag>,
            },
            {
              title: '登记号',
              key: 'number',
              width: 170,
              render: (_: unknown, e: Ended) => e.document.registrationNumber ?? '—',
            },
            {
              title: '文件',
              key: 'doc',
              render: (_: unknown, e: Ended) => <Link to={`/filing/documents/${e.document.id}`}>{e.document.title}</Link>,
            },
          ]}
        />
      </Card>

      <ModalForm<{ title: string; startedOn: string }>
        title="发起清理工作"
        open={modals.isOpen('create')}
        onClose={modals.close}
        onSubmit={async (v) => {
          await create({
            variables: {
              input: { title: v.title.trim(), startedOn: v.startedOn },
            },
          });
          campaignPages.reset();
          await campaigns.refetch();
        }}
      >
        <Form.Item name="title" label="清理工作名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <LocalDateInput />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
