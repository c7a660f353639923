import { useParams, Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import Tabs from 'antd/es/tabs';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { FilingDocumentQuery, FilingVersionsQuery } from '../../gql/graphql';
import { ApiErrorAlert, Loading, NotFound, RuleLink, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { AssessmentPanel } from './AssessmentPanel';
import { FilingPanel } from './FilingPanel';
import { ReleasePanel } from './ReleasePanel';
import { ValidityPanel } from './ValidityPanel';
import { DOCUMENT_STATE, ISSUER, VERDICT } from './labels';

const FilingDocumentDoc = graphql(`
  query FilingDocument($id: ID!) {
    normativeDocument(id: $id) {
      id
      version
      documents {
        kind
        format
        title
        url
      }
      title
      issuer
      jointIssuers
      state
      registrationNumber
      registeredOn
      affectsBusinessesOrPublic
      touchesMarketEntities
      touchesMarketEntitiesReason
      assessedVerdict
      confirmedVerdict
      assessmentAnswers
      assessmentReasons
      redFlags
      overrideReason
      publishedOn
      publicationChannel
      publicCommentStartsOn
      publicCommentEndsOn
      effectiveOn
      urgentReason
      validUntil
      validityDefaulted
      defaultValidUntil
      maxValidityYears
      expired
      evaluationDue
      endedOn
      filingAuthority
      filingDueOn
      createdAt
      currentVersion {
        id
        number
        text
        changeNote
        createdAt
      }
      filingMaterials {
        id
        kind
        contentHash
      }
      filing {
        id
        version
        status
        authority
        filedOn
        materials
        deferredOn
        deferralReason
        correctedOn
        registeredOn
        reviewedOn
        correctionRequest
        correctionClosedOn
        availableActions {
          action
          label
          rule
          ruleTitle
        }
      }
      replaces {
        id
        title
        registrationNumber
      }
      replacedBy {
        id
        title
        registrationNumber
      }
      availableActions {
        action
        label
        rule
        ruleTitle
      }
    }
  }
`);

const FilingVersionsDoc = graphql(`
  query FilingVersions($id: ID!, $first: Int, $after: String) {
    normativeDocument(id: $id) {
      id
      versions(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          number
          changeNote
          contentHash
          createdAt
        }
      }
    }
  }
`);

export type FilingDoc = NonNullable<FilingDocumentQuery['normativeDocument']>;
type Version = NonNullable<FilingVersionsQuery['normativeDocument']>['versions']['nodes'][number];

function Versions({ id }: { id: string }) {
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(FilingVersionsDoc, {
    variables: { id, ...pages.variables },
  });
  return (
    <ConnectionTable<Version>
      pages={pages}
      connection={data?.normativeDocument?.versions}
      error={error}
      errorTitle="无法加载文本版本"
      empty="没有文本版本"
      rowKey="id"
      loading={loading && !data}
      size="small"
      columns={[
        {
          title: '版本',
          dataIndex: 'number',
          width: 80,
          render: (n: number) => `第 ${n} 版`,
        },
        { title: '修改说明', dataIndex: 'changeNote' },
        {
          title: '内容摘要值',
          dataIndex: 'contentHash',
          width: 180,
          render: (h: string) => <Typography.Text code>{h.slice(0, 12)}</Typography.Text>,
        },
        {
          title: '时间',
          dataIndex: 'createdAt',
          width: 160,
          render: (v: string) => formatDateTime(v),
        },
      ]}
    />
  );
}

/**
 * A document of the register (规范性文件): its facts, state and what the filing officer may do now,
 * in tabs for the work in order — the text and its versions, the assessment, the release gate with
 * the registration number and the release, the filing with the supervising body's answers, and the
 * validity with the clean-up.
 */
export function DocumentDetail() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(FilingDocumentDoc, {
    variables: { id },
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ApiErrorAlert error={error} title="无法加载规范性文件" />;
  const d = data?.normativeDocument;
  if (!d) return <NotFound title="没有这份规范性文件" />;
  const reload = () => refetch();

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{d.title}</span>
            <StateTag state={d.state} labels={DOCUMENT_STATE} />
            {d.expired ? <Tag>已失效</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            <DocumentLinks links={d.documents} testId="filing-report-documents" />
            <Link to="/filing/documents">返回登记簿</Link>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="统一登记编号">
            <span data-testid="registration-number">{d.registrationNumber ?? '未编号'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="发文机关">
            {ISSUER[d.issuer]}
            {d.jointIssuers ? `（联合：${d.jointIssuers}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="备案机关">{d.filingAuthority}</Descriptions.Item>
          <Descriptions.Item label="报备判定">
            {d.confirmedVerdict ? <StateTag state={d.confirmedVerdict} labels={VERDICT} /> : d.assessedVerdict ? '待确认' : '未判定'}
          </Descriptions.Item>
          <Descriptions.Item label="公布日期">{formatDate(d.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="报备期限">{formatDate(d.filingDueOn)}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(d.createdAt)}</Descriptions.Item>
          {d.replaces ? (
            <Descriptions.Item label="修改的文件">
              <Link to={`/filing/documents/${d.replaces.id}`}>{d.replaces.registrationNumber ?? d.replaces.title}</Link>
            </Descriptions.Item>
          ) : null}
          {d.replacedBy ? (
            <Descriptions.Item label="被以下文件替代">
              <Link to={`/filing/documents/${d.replacedBy.id}`}>{d.replacedBy.registrationNumber ?? d.replacedBy.title}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <div aria-label="当前可办理的操作" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">当前可办理：</Typography.Text>
          {d.availableActions.length === 0
            ? '无'
            : d.availableActions.map((a) => (
                <Tag key={a.action} title={`${a.rule} ${a.ruleTitle}`}>
                  {a.label}
                </Tag>
              ))}
        </div>
      </Card>
      <Tabs
        defaultActiveKey="assessment"
        items={[
          {
            key: 'text',
            label: '文本与版本',
            children: (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <Card size="small" title={d.currentVersion ? `现行文本（第 ${d.currentVersion.number} 版）` : '现行文本'}>
                  <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{d.currentVersion?.text ?? '—'}</div>
                </Card>
                <Card size="small" title="文本版本">
                  <Versions id={d.id} />
                </Card>
              </Space>
            ),
          },
          {
            key: 'assessment',
            label: '报备判定',
            children: <AssessmentPanel d={d} onReload={reload} />,
          },
          {
            key: 'release',
            label: '发布前检查与公布',
            children: <ReleasePanel d={d} onReload={reload} />,
          },
          {
            key: 'filing',
            label: '报备与审查',
            children: <FilingPanel d={d} onReload={reload} />,
          },
          {
            key: 'validity',
            label: '有效期与清理',
            children: <ValidityPanel d={d} onReload={reload} />,
          },
        ]}
      />
      <Typography.Text type="secondary">
        规则：
        <RuleLink id="R-ND-2" /> 报备判定；
        <RuleLink id="R-ND-4" /> 发布前检查；
        <RuleLink id="R-ND-6" /> 报备期限
      </Typography.Text>
    </Space>
  );
}
