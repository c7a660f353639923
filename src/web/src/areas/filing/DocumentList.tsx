import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DocumentState, FilingRegisterQuery, Issuer } from '../../gql/graphql';
import { StateTag, formatDate, useCursorPages } from '../../shared';
import { RegisterLinks } from '../../shared/RegisterLinks';
import { DOCUMENT_STATE, FILING_STATUS, ISSUER, VERDICT } from './labels';

const FilingRegisterDoc = graphql(`
  query FilingRegister($first: Int, $after: String, $filter: NormativeFilter) {
    normativeDocuments(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        issuer
        state
        registrationNumber
        assessedVerdict
        confirmedVerdict
        publishedOn
        filingDueOn
        validUntil
        expired
        evaluationDue
        filing {
          id
          status
          filedOn
        }
      }
    }
  }
`);

type Doc = FilingRegisterQuery['normativeDocuments']['nodes'][number];

/** Where the document stands with its filing: filed (status), due by, or not to be filed. */
function FilingCell({ d }: { d: Doc }) {
  if (d.filing) return <StateTag state={d.filing.status} labels={FILING_STATUS} />;
  if (d.filingDueOn) return <Tag color="warning">{`应于 ${formatDate(d.filingDueOn)} 前报备`}</Tag>;
  if (d.confirmedVerdict === 'NOT_REQUIRED') return <span>无需报备</span>;
  return <span>—</span>;
}

/**
 * The normative-document register (规范性文件登记簿): every document the filing officer keeps, newest
 * first, with its number, state, assessment, filing and validity; filtered by state, issuer and a
 * search over title and number.
 */
export function DocumentList() {
  const navigate = useNavigate();
  const pages = useCursorPages(20);
  const [state, setState] = useState<DocumentState | undefined>();
  const [issuer, setIssuer] = useState<Issuer | undefined>();
  const [search, setSearch] = useState('');
  const filter = {
    state: state ?? null,
    issuer: issuer ?? null,
    search: search.trim() || null,
  };
  const { data, loading, error } = useQuery(FilingRegisterDoc, {
    variables: { ...pages.variables, filter },
  });
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      pages.reset();
      set(v);
    };

  return (
    <Card
      title="规范性文件登记簿"
      extra={
        <Space wrap>
          <RegisterLinks kinds={['NORMATIVE_REGISTER']} />
          <Button type="primary" onClick={() => navigate('/filing/documents/new')}>
            登记文件
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label="按标题或登记号搜索" placeholder="标题或登记号" allowClear style={{ width: 280 }} onSearch={change(setSearch)} />
        <Select<DocumentState>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 200 }}
          value={state}
          onChange={change(setState)}
          options={(Object.keys(DOCUMENT_STATE) as DocumentState[]).map((s) => ({ value: s, label: DOCUMENT_STATE[s].label }))}
        />
        <Select<Issuer>
          aria-label="按发文机关筛选"
          placeholder="全部发文机关"
          allowClear
          style={{ width: 180 }}
          value={issuer}
          onChange={change(setIssuer)}
          options={(Object.keys(ISSUER) as Issuer[]).map((s) => ({
            value: s,
            label: ISSUER[s],
          }))}
        />
      </Space>
      <ConnectionTable<Doc>
        pages={pages}
        connection={data?.normativeDocuments}
        error={error}
        errorTitle="无法加载规范性文件登记簿"
        empty="没有符合条件的规范性文件"
        rowKey="id"
        loading={loading && !data}
        columns={[
          {
            title: '登记号',
            dataIndex: 'registrationNumber',
            width: 170,
            render: (v: string | null) => v ?? '未编号',
          },
          {
            title: '文件名称',
            dataIndex: 'title',
            render: (_: unknown, d: Doc) => (
              <Space direction="vertical" size={0}>
                <Link to={`/filing/documents/${d.id}`}>{d.title}</Link>
                <span style={{ color: '#888' }}>{ISSUER[d.issuer]}</span>
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'state',
            width: 150,
            render: (s: DocumentState) => <StateTag state={s} labels={DOCUMENT_STATE} />,
          },
          {
            title: '报备判定',
            key: 'verdict',
            width: 200,
            render: (_: unknown, d: Doc) =>
              d.confirmedVerdict ? (
                <StateTag state={d.confirmedVerdict} labels={VERDICT} />
              ) : d.assessedVerdict ? (
                <span>
                  <StateTag state={d.assessedVerdict} labels={VERDICT} />
                  <div style={{ color: '#888' }}>待确认</div>
                </span>
              ) : (
                <span>未判定</span>
              ),
          },
          {
            title: '公布日期',
            dataIndex: 'publishedOn',
            width: 110,
            render: (v: string | null) => formatDate(v),
          },
          {
            title: '备案',
            key: 'filing',
            width: 190,
            render: (_: unknown, d: Doc) => <FilingCell d={d} />,
          },
          {
            title: '有效期至',
            key: 'validity',
            width: 150,
            render: (_: unknown, d: Doc) => (
              <span>
                {formatDate(d.validUntil)}
                {d.expired ? (
                  <Tag color="default" style={{ marginLeft: 4 }}>
                    已失效
                  </Tag>
                ) : null}
                {d.evaluationDue ? (
                  <Tag color="blue" style={{ marginLeft: 4 }}>
                    应评估
                  </Tag>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
