import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Breadcrumb, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionDetailQuery, Issuer } from '../../gql/graphql';
import { ApiErrorAlert, AvailableActions, EmptyState, Loading, PROPOSAL_STATE, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { AMENDMENT_STATUS, DECISION_STATUS, ISSUER, optionsOf } from './labels';
import { DepartmentSelect, LocalDateInput, ModalForm, businessToday } from './forms';

const DecisionDetailDoc = graphql(`
  query DecisionDetail(
    $id: ID!
    $amendmentsFirst: Int
    $amendmentsAfter: String
    $reportsFirst: Int
    $reportsAfter: String
    $evaluationsFirst: Int
    $evaluationsAfter: String
  ) {
    proposal(id: $id) {
      id
      code
      title
      state
      sponsorDepartment {
        id
        name
      }
      decision {
        id
        status
        version
        documents {
          kind
          format
          title
          url
        }
        approvedDraftNumber
        approvedDraftHash
        requiredChanges
        amendedDraftNumber
        signedDraftNumber
        signedDraftHash
        documentNumber
        signedOn
        signedBy {
          id
          displayName
        }
        partyReportedOn
        publicationDue {
          dueOn
          provisional
        }
        publicationOverdue
        publishedOn
        publicationChannel
        opinionsUseExplanation
        suspendedReason
        executingDepartment {
          id
          name
        }
        normativeDocument {
          id
          title
        }
        availableActions {
          action
          label
          rule
          ruleTitle
        }
        amendments(first: $amendmentsFirst, after: $amendmentsAfter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            seq
            status
            draftNumber
            explanation
            legalConfirmationRequired
            legalConfirmationBasis
            submittedAt
            submittedBy {
              id
              displayName
            }
            advisorConfirmedBy {
              id
              displayName
            }
            chairConfirmedBy {
              id
              displayName
            }
            returnReason
          }
        }
        executionReports(first: $reportsFirst, after: $reportsAfter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            reportedOn
            content
            reportedBy
          }
        }
        postEvaluations(first: $evaluationsFirst, after: $evaluationsAfter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            assessor
            conclusion
            evaluatedOn
          }
        }
      }
    }
  }
`);

const SignDoc = graphql(`
  mutation DecisionSign($input: SignInput!) {
    signDecision(input: $input) {
      decision {
        id
        version
        status
        documentNumber
      }
    }
  }
`);
const PartyReportDoc = graphql(`
  mutation DecisionPartyReport($input: PartyReportInput!) {
    recordPartyReport(input: $input) {
      decision {
        id
        version
        partyReportedOn
      }
    }
  }
`);
const PublishDoc = graphql(`
  mutation DecisionPublish($input: PublishInput!) {
    publishDecision(input: $input) {
      decision {
        id
        version
        status
        publishedOn
      }
    }
  }
`);
const ExecutingUnitDoc = graphql(`
  mutation DecisionExecutingUnit($input: ExecutingUnitInput!) {
    setExecutingUnit(input: $input) {
      decision {
        id
        version
      }
    }
  }
`);
const ExecutionReportDoc = graphql(`
  mutation DecisionExecutionReport($input: ExecutionReportInput!) {
    addExecutionReport(input: $input) {
      report {
        id
      }
    }
  }
`);
const PostEvaluationDoc = graphql(`
  mutation DecisionPostEvaluation($input: PostEvaluationInput!) {
    recordPostEvaluation(input: $input) {
      postEvaluation {
        id
      }
    }
  }
`);
const SuspendDoc = graphql(`
  mutation DecisionSuspend($input: SuspendInput!) {
    suspendDecision(input: $input) {
      decision {
        id
        version
        status
      }
    }
  }
`);
const ConfirmAmendedDoc = graphql(`
  mutation DecisionConfirmAmendedText($input: ConfirmAmendedTextInput!) {
    confirmAmendedText(input: $input) {
      amendment {
        id
        status
      }
    }
  }
`);
const ReturnAmendedDoc = graphql(`
  mutation DecisionReturnAmendedText($input: ReturnAmendedTextInput!) {
    returnAmendedText(input: $input) {
      amendment {
        id
        status
      }
    }
  }
`);

type Decision = NonNullable<DecisionDetailQuery['proposal']['decision']>;
type Amendment = Decision['amendments']['nodes'][number];
type Report = Decision['executionReports']['nodes'][number];
type Evaluation = Decision['postEvaluations']['nodes'][number];

type ModalKind = 'sign' | 'party' | 'publish' | 'unit' | 'report' | 'evaluation' | 'suspend' | 'confirm' | 'return' | null;

const REFETCH = ['DecisionDetail', 'DecisionDecisions'];

interface PublishValues {
  channel: string;
  publishedOn: string;
  opinionsUseExplanation?: string;
  producesDocument: boolean;
  issuer?: Issuer;
  affectsBusinessesOrPublic?: boolean;
  touchesMarketEntities?: boolean;
}

function PublishFields() {
  const form = Form.useFormInstance();
  const produces = Form.useWatch('producesDocument', form) as boolean | undefined;
  return (
    <>
      <Form.Item name="channel" label="公布渠道" rules={[{ required: true, whitespace: true, message: '请填写公布渠道' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="publishedOn" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
        <LocalDateInput />
      </Form.Item>
      <Form.Item name="opinionsUseExplanation" label="公众意见、专家意见采纳情况说明" extra="社会广泛关注的决策（征求过公众意见或专家论证的）须说明 (R-DEC-14)">
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Form.Item name="producesDocument" valuePropName="checked">
        <Checkbox>本决定制发规范性文件（进入规范性文件登记，经备案审查和发布把关）</Checkbox>
      </Form.Item>
      {produces && (
        <>
          <Form.Item name="issuer" label="制定机关" rules={[{ required: true, message: '请选择制定机关' }]}>
            <Select options={optionsOf(ISSUER)} placeholder="选择制定机关" />
          </Form.Item>
          <Form.Item name="affectsBusinessesOrPublic" valuePropName="checked">
            <Checkbox>涉及公民、法人和其他组织权利义务</Checkbox>
          </Form.Item>
          <Form.Item name="touchesMarketEntities" valuePropName="checked">
            <Checkbox>涉及市场主体经济活动</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}

/**
 * One decision after the meeting (R-DEC-12…16), addressed by its proposal: the amended text
 * confirmed when the meeting approved with changes, sign-off (the document number), the report to
 * the Party committee, publication, the executing unit and its reports, post-evaluations and
 * suspension — each offered only when the API lists it — and the way to the archive.
 */
export function DecisionDetail() {
  const { proposalId = '' } = useParams();
  const amendmentPages = useCursorPages(10);
  const reportPages = useCursorPages(10);
  const evaluationPages = useCursorPages(10);
  const { data, loading, error, refetch } = useQuery(DecisionDetailDoc, {
    variables: {
      id: proposalId,
      amendmentsFirst: amendmentPages.variables.first,
      amendmentsAfter: amendmentPages.variables.after,
      reportsFirst: reportPages.variables.first,
      reportsAfter: reportPages.variables.after,
      evaluationsFirst: evaluationPages.variables.first,
      evaluationsAfter: evaluationPages.variables.after,
    },
  });
  const [modal, setModal] = useState<ModalKind>(null);
  const opts = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [sign] = useMutation(SignDoc, opts);
  const [partyReport] = useMutation(PartyReportDoc, opts);
  const [publish] = useMutation(PublishDoc, opts);
  const [setUnit] = useMutation(ExecutingUnitDoc, opts);
  const [report] = useMutation(ExecutionReportDoc, opts);
  const [evaluate] = useMutation(PostEvaluationDoc, opts);
  const [suspend] = useMutation(SuspendDoc, opts);
  const [confirmAmended] = useMutation(ConfirmAmendedDoc, opts);
  const [returnAmended] = useMutation(ReturnAmendedDoc, opts);

  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载决定" />;
  const p = data.proposal;
  const d = p.decision;
  const crumbs = <Breadcrumb items={[{ title: <Link to="/decision/decisions">决定签发与执行</Link> }, { title: p.code }]} />;
  if (!d) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {crumbs}
        <Card title={p.title}>
          <EmptyState description="该决策建议尚未经集体讨论通过，没有决定">
            <StateTag state={p.state} labels={PROPOSAL_STATE} />
          </EmptyState>
        </Card>
      </Space>
    );
  }
  const close = () => setModal(null);
  const ref = { proposalId: p.id, version: d.version };
  const toSign = d.amendedDraftNumber ?? d.approvedDraftNumber;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {crumbs}
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{p.title}</Typography.Title>}
        extra={
          <Space>
            <StateTag state={d.status} labels={DECISION_STATUS} />
            <Link to={`/decision/decisions/${p.id}/archive`}>决策档案与审计记录</Link>
          </Space>
        }
      >
        <div style={{ marginBottom: 12 }}>
          <DocumentLinks links={d.documents} testId="decision-documents" />
        </div>
        {d.documentNumber && (
          <Typography.Title level={5} data-testid="document-number">
            文号：{d.documentNumber}
          </Typography.Title>
        )}
        {d.publicationOverdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已超过公布期限（${formatDate(d.publicationDue?.dueOn)}）(R-DEC-14)`} />}
        <Descriptions column={{ xs: 1, xl: 3 }} bordered size="small">
          <Descriptions.Item label="编号">{p.code}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{p.sponsorDepartment.name}</Descriptions.Item>
          <Descriptions.Item label="会议通过稿">第 {d.approvedDraftNumber} 稿</Descriptions.Item>
          {d.requiredChanges && (
            <Descriptions.Item label="会议修改要求" span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{d.requiredChanges}</span>
            </Descriptions.Item>
          )}
          {d.amendedDraftNumber && <Descriptions.Item label="确认的修改稿">第 {d.amendedDraftNumber} 稿</Descriptions.Item>}
          <Descriptions.Item label="签发">
            {d.signedOn ? `${formatDate(d.signedOn)} · ${d.signedBy?.displayName ?? ''} · 第 ${d.signedDraftNumber} 稿` : '未签发'}
          </Descriptions.Item>
          <Descriptions.Item label="向党委报告">{formatDate(d.partyReportedOn)}</Descriptions.Item>
          <Descriptions.Item label="公布期限">
            {d.publicationDue ? (
              <>
                {formatDate(d.publicationDue.dueOn)}
                {d.publicationDue.provisional && <Tag style={{ marginLeft: 8 }}>暂定</Tag>}
              </>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="公布">{d.publishedOn ? `${formatDate(d.publishedOn)} · ${d.publicationChannel ?? ''}` : '未公布'}</Descriptions.Item>
          <Descriptions.Item label="执行单位">{d.executingDepartment?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="制发的规范性文件">{d.normativeDocument?.title ?? '—'}</Descriptions.Item>
          {d.opinionsUseExplanation && (
            <Descriptions.Item label="意见采纳情况" span={3}>
              {d.opinionsUseExplanation}
            </Descriptions.Item>
          )}
          {d.suspendedReason && (
            <Descriptions.Item label="暂停执行理由" span={3}>
              {d.suspendedReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <AvailableActions
            actions={d.availableActions}
            handlers={{
              CONFIRM_AMENDED_TEXT: () => setModal('confirm'),
              RETURN_AMENDED_TEXT: () => setModal('return'),
              SIGN: () => setModal('sign'),
              REPORT_TO_PARTY: () => setModal('party'),
              PUBLISH: () => setModal('publish'),
              SET_EXECUTING_UNIT: () => setModal('unit'),
              REPORT_EXECUTION: () => setModal('report'),
              RECORD_POST_EVALUATION: () => setModal('evaluation'),
              SUSPEND: () => setModal('suspend'),
            }}
          />
        </div>
      </Card>

      {(d.requiredChanges || d.amendments.totalCount > 0) && (
        <Card title="修改稿">
          <ConnectionTable<Amendment>
            pages={amendmentPages}
            connection={d.amendments}
            error={undefined}
            errorTitle="无法加载修改稿"
            empty="承办部门尚未提交修改稿"
            rowKey="id"
            size="small"
            columns={[
              { title: '次序', dataIndex: 'seq', width: 70 },
              { title: '草案', dataIndex: 'draftNumber', width: 90, render: (n: number) => `第 ${n} 稿` },
              { title: '状态', key: 'status', width: 130, render: (_: unknown, a: Amendment) => <StateTag state={a.status} labels={AMENDMENT_STATUS} /> },
              { title: '修改说明', dataIndex: 'explanation' },
              {
                title: '法律顾问确认',
                key: 'legal',
                width: 200,
                render: (_: unknown, a: Amendment) =>
                  a.legalConfirmationRequired ? (a.advisorConfirmedBy ? `已确认（${a.advisorConfirmedBy.displayName}）` : `须确认：${a.legalConfirmationBasis ?? ''}`) : '不需要',
              },
              {
                title: '提交 / 处理',
                key: 'who',
                width: 220,
                render: (_: unknown, a: Amendment) => (
                  <>
                    <div>
                      {a.submittedBy.displayName} {formatDateTime(a.submittedAt)}
                    </div>
                    {a.chairConfirmedBy && <div>主持人确认：{a.chairConfirmedBy.displayName}</div>}
                    {a.returnReason && <div>退回理由：{a.returnReason}</div>}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Card title="执行情况报告">
        <ConnectionTable<Report>
          pages={reportPages}
          connection={d.executionReports}
          error={undefined}
          errorTitle="无法加载执行情况报告"
          empty="尚无执行情况报告"
          rowKey="id"
          size="small"
          columns={[
            { title: '报告日期', dataIndex: 'reportedOn', width: 120, render: (v: string) => formatDate(v) },
            { title: '内容', dataIndex: 'content', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
            { title: '报告人', dataIndex: 'reportedBy', width: 120 },
          ]}
        />
      </Card>

      <Card title="决策后评估">
        <ConnectionTable<Evaluation>
          pages={evaluationPages}
          connection={d.postEvaluations}
          error={undefined}
          errorTitle="无法加载决策后评估"
          empty="尚无决策后评估"
          rowKey="id"
          size="small"
          columns={[
            { title: '评估日期', dataIndex: 'evaluatedOn', width: 120, render: (v: string) => formatDate(v) },
            { title: '评估单位', dataIndex: 'assessor', width: 200 },
            { title: '评估结论', dataIndex: 'conclusion', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          ]}
        />
      </Card>

      <ModalForm<object>
        title="签发决定"
        okText="确认签发"
        open={modal === 'sign'}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={() => sign({ variables: { input: { ...ref, draftNumber: toSign } } })}
      >
        <Typography.Paragraph>
          签发的版本：第 {toSign} 稿（{d.amendedDraftNumber ? '会议主持人确认的修改稿' : '集体讨论通过的版本'}），签发后生成文号 (R-DEC-12)。
        </Typography.Paragraph>
      </ModalForm>

      <ModalForm<{ reportedOn: string }>
        title="登记向党委报告"
        open={modal === 'party'}
        onClose={close}
        versioned
        onReload={refetch}
        initialValues={{ reportedOn: businessToday() }}
        onSubmit={(v) => partyReport({ variables: { input: { ...ref, reportedOn: v.reportedOn } } })}
      >
        <Typography.Paragraph type="secondary">决定出台前应向同级党委报告 (R-DEC-13)。</Typography.Paragraph>
        <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
          <LocalDateInput />
        </Form.Item>
      </ModalForm>

      <ModalForm<PublishValues>
        title="公布决定"
        okText="确认公布"
        open={modal === 'publish'}
        width={640}
        onClose={close}
        versioned
        onReload={refetch}
        initialValues={{ channel: '白云湖街政务网站', publishedOn: businessToday(), producesDocument: false, affectsBusinessesOrPublic: false, touchesMarketEntities: false }}
        onSubmit={(v) =>
          publish({
            variables: {
              input: {
                ...ref,
                channel: v.channel.trim(),
                publishedOn: v.publishedOn,
                opinionsUseExplanation: v.opinionsUseExplanation?.trim() || null,
                normativeDocument: v.producesDocument
                  ? { issuer: v.issuer!, affectsBusinessesOrPublic: !!v.affectsBusinessesOrPublic, touchesMarketEntities: !!v.touchesMarketEntities }
                  : null,
              },
            },
          })
        }
      >
        <PublishFields />
      </ModalForm>

      <ModalForm<{ departmentId: string }>
        title="确定执行单位"
        open={modal === 'unit'}
        onClose={close}
        versioned
        onReload={refetch}
        initialValues={{ departmentId: d.executingDepartment?.id }}
        onSubmit={(v) => setUnit({ variables: { input: { ...ref, departmentId: v.departmentId } } })}
      >
        <Form.Item name="departmentId" label="执行单位" rules={[{ required: true, message: '请选择执行单位' }]}>
          <DepartmentSelect />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ reportedOn: string; content: string }>
        title="报告执行情况"
        open={modal === 'report'}
        onClose={close}
        initialValues={{ reportedOn: businessToday() }}
        onSubmit={(v) => report({ variables: { input: { proposalId: p.id, reportedOn: v.reportedOn, content: v.content } } })}
      >
        <Typography.Paragraph type="secondary">由执行单位报告 (R-DEC-16)。</Typography.Paragraph>
        <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="content" label="执行情况" rules={[{ required: true, whitespace: true, message: '请填写执行情况' }]}>
          <Input.TextArea rows={5} maxLength={50000} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ assessor: string; conclusion: string; evaluatedOn: string }>
        title="登记决策后评估"
        open={modal === 'evaluation'}
        onClose={close}
        initialValues={{ evaluatedOn: businessToday() }}
        onSubmit={(v) => evaluate({ variables: { input: { proposalId: p.id, assessor: v.assessor.trim(), conclusion: v.conclusion, evaluatedOn: v.evaluatedOn } } })}
      >
        <Typography.Paragraph type="secondary">承担决策前风险评估的单位不得承担决策后评估 (R-DEC-16)。</Typography.Paragraph>
        <Form.Item name="assessor" label="评估单位" rules={[{ required: true, whitespace: true, message: '请填写评估单位' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="evaluatedOn" label="评估日期" rules={[{ required: true, message: '请选择评估日期' }]}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="conclusion" label="评估结论" rules={[{ required: true, whitespace: true, message: '请填写评估结论' }]}>
          <Input.TextArea rows={5} maxLength={50000} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ reason: string }>
        title="暂停执行"
        okText="确认暂停"
        open={modal === 'suspend'}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={(v) => suspend({ variables: { input: { ...ref, reason: v.reason.trim() } } })}
      >
        <Typography.Paragraph type="secondary">暂停执行须说明理由；需要变更决定的，应另行提出修改该决定的决策建议 (R-DEC-16)。</Typography.Paragraph>
        <Form.Item name="reason" label="暂停理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明暂停执行的理由' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ note?: string }>
        title="确认修改稿与会议决定一致"
        okText="确认修改稿"
        open={modal === 'confirm'}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={(v) => confirmAmended({ variables: { input: { ...ref, note: v.note?.trim() || null } } })}
      >
        <Typography.Paragraph type="secondary">确认后该修改稿即为签发的版本 (R-DEC-12)；须法律顾问确认的，应在其确认之后 (R-DEC-9)。</Typography.Paragraph>
        <Form.Item name="note" label="确认意见">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ reason: string }>
        title="退回修改稿"
        okText="确认退回"
        open={modal === 'return'}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={(v) => returnAmended({ variables: { input: { ...ref, reason: v.reason.trim() } } })}
      >
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明退回理由' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
