import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import { ApiErrorAlert, EmptyState, Loading, formatDate, formatDateTime } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { HEAD_DECISION } from './labels';
import type { HeadDecision } from '../../gql/graphql';

const DecisionArchiveDoc = graphql(`
  query DecisionArchive($proposalId: ID!) {
    decisionArchive(proposalId: $proposalId)
    proposal(id: $proposalId) {
      id
      decision {
        id
        documents {
          kind
          format
          title
          url
        }
      }
    }
  }
`);

/** The parts of the archive document (R-DEC-15, `format: yunhu-review/decision-archive@1`) this screen reads. */
interface TrailEvent {
  id: string;
  occurredAt: string;
  actorUsername: string;
  action: string;
  subjectType: string;
  hash: string;
  prevHash: string;
  keyId?: string | null;
  hashValid: boolean;
}
interface Archive {
  format: string;
  generatedAt: string;
  proposal: { code: string; title: string; state: string; sponsorDepartment: { name: string } | null };
  directory: { year: number; title: string } | null;
  drafts: { number: number; contentHash: string; changeNote: string; createdAt: string }[];
  legalityReviews: { id: string; status: string; opinions: { number: number; conclusion: string; issuedAt?: string | null }[] }[];
  deliberation: {
    id: string;
    title: string;
    heldOn: string;
    agenda: { seq: number; headDecision: HeadDecision | null; decisionReason: string | null; positions: { position: string }[] }[];
  }[];
  decision: { status: string; documentNumber: string | null; signedOn: string | null; partyReportedOn: string | null; publishedOn: string | null } | null;
  auditTrail: TrailEvent[];
  auditChain: { ok: boolean; checkedCount: number; firstBrokenEventId: string | null; reason: string | null; checkpointsChecked: number };
}

/** What an audit event records, in words: the area's prefix and the step. */
const AREA_LABEL: Record<string, string> = { proposal: '决策建议', review: '合法性审查', meeting: '集体讨论', decision: '决定', directory: '目录' };
const STEP_LABEL: Record<string, string> = {
  create: '创建',
  include: '纳入目录',
  'draft.add': '新增草案',
  'material.add': '上传材料',
  request: '提请审查',
  request_legality_review: '提请合法性审查',
  opinion_issued: '收到法律意见',
  deliberated: '集体讨论决定生效',
  accept: '接收审查',
  'opinion.save_draft': '保存意见草稿',
  'opinion.issue': '出具法律意见',
  'agenda.add': '列入议题',
  position: '成员表态',
  head_decision: '主持人决定',
  delegate_chair: '委托主持',
  finalise: '纪要定稿',
  correction: '纪要更正',
  sign: '签发',
  party_report: '向党委报告',
  publish: '公布',
  executing_unit: '确定执行单位',
  execution_report: '执行情况报告',
  post_evaluation: '决策后评估',
  suspend: '暂停执行',
};
function actionLabel(action: string): string {
  const dot = action.indexOf('.');
  const area = action.slice(0, dot);
  const step = action.slice(dot + 1);
  const a = AREA_LABEL[area];
  const s = STEP_LABEL[step];
  return a && s ? `${a} · ${s}` : action;
}

/**
 * The archive of one decision (决策档案, R-DEC-15) as the API assembles it: the record from proposal to
 * execution, and the audit trail of the proposal, its reviews and its meetings, each event's seal
 * verified, with the whole chain checked against its checkpoints. The same document can be saved.
 */
export function DecisionArchive() {
  const { proposalId = '' } = useParams();
  const { data, loading, error } = useQuery(DecisionArchiveDoc, { variables: { proposalId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <Loading tip="正在生成决策档案并校验审计链…" />;
  if (!data) return <ApiErrorAlert error={error} title="无法生成决策档案" />;
  const a = data.decisionArchive as Archive;
  const broken = a.auditTrail.filter((e) => !e.hashValid).length;
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(a, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${a.proposal.code}-archive.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/decision/decisions">决定签发与执行</Link> },
          { title: <Link to={`/decision/decisions/${proposalId}`}>{a.proposal.code}</Link> },
          { title: '决策档案' },
        ]}
      />
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>决策档案：{a.proposal.title}</Typography.Title>}
        extra={
          <Space wrap>
            <DocumentLinks links={data?.proposal.decision?.documents} kinds={['DECISION_ARCHIVE']} size="middle" testId="archive-documents" />
            <Button onClick={download}>下载档案（JSON）</Button>
          </Space>
        }
      >
        <Alert
          data-testid="audit-verification"
          type={a.auditChain.ok && broken === 0 ? 'success' : 'error'}
          showIcon
          title={
            a.auditChain.ok && broken === 0
              ? `审计链校验通过：共校验 ${a.auditChain.checkedCount} 条审计事件，${
                  a.auditChain.checkpointsChecked > 0 ? `与 ${a.auditChain.checkpointsChecked} 个检查点一致` : '尚无可比对的检查点'
                }；本档案 ${a.auditTrail.length} 条记录的签名均有效`
              : `审计链校验未通过：${a.auditChain.reason ?? ''}${a.auditChain.firstBrokenEventId ? `（首个异常事件 ${a.auditChain.firstBrokenEventId}）` : ''}；本档案中 ${broken} 条记录签名无效`
          }
        />
        <Descriptions style={{ marginTop: 16 }} column={{ xs: 1, xl: 3 }} bordered size="small">
          <Descriptions.Item label="编号">{a.proposal.code}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{a.proposal.sponsorDepartment?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所属目录">{a.directory ? a.directory.title : '—'}</Descriptions.Item>
          <Descriptions.Item label="草案版本">{a.drafts.map((d) => `第 ${d.number} 稿`).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="合法性审查">
            {a.legalityReviews.flatMap((r) => r.opinions.map((o) => `第 ${o.number} 号意见（${formatDateTime(o.issuedAt)}）`)).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="文号">{a.decision?.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="签发日期">{formatDate(a.decision?.signedOn)}</Descriptions.Item>
          <Descriptions.Item label="向党委报告">{formatDate(a.decision?.partyReportedOn)}</Descriptions.Item>
          <Descriptions.Item label="公布日期">{formatDate(a.decision?.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="档案生成时间">{formatDateTime(a.generatedAt)}</Descriptions.Item>
          <Descriptions.Item label="档案格式">{a.format}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="集体讨论">
        {a.deliberation.length === 0 ? (
          <EmptyState description="没有会议记录" />
        ) : (
          a.deliberation.map((m) => (
            <div key={m.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {formatDate(m.heldOn)} {m.title}
              </Typography.Text>
              {m.agenda.map((i) => (
                <div key={i.seq}>
                  议题 {i.seq}：{i.headDecision ? HEAD_DECISION[i.headDecision].label : '未决定'}
                  {i.decisionReason ? `（理由：${i.decisionReason}）` : ''}；表态 {i.positions.length} 人，其中反对{' '}
                  {i.positions.filter((p) => p.position === 'OPPOSE').length} 人
                </div>
              ))}
            </div>
          ))
        )}
      </Card>

      <Card title={`审计记录（${a.auditTrail.length} 条）`}>
        <Table<TrailEvent>
          rowKey="id"
          size="small"
          dataSource={a.auditTrail}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '时间', dataIndex: 'occurredAt', width: 150, render: (v: string) => formatDateTime(v) },
            { title: '操作', dataIndex: 'action', render: (v: string) => <span title={v}>{actionLabel(v)}</span> },
            { title: '操作人', dataIndex: 'actorUsername', width: 110 },
            {
              title: '签名',
              dataIndex: 'hash',
              width: 150,
              render: (v: string, e: TrailEvent) => (
                <Typography.Text code title={`${v}${e.keyId ? `（密钥 ${e.keyId}）` : ''}`}>
                  {v.slice(0, 12)}…
                </Typography.Text>
              ),
            },
            {
              title: '校验',
              dataIndex: 'hashValid',
              width: 100,
              render: (ok: boolean) => (ok ? <Tag color="success">签名有效</Tag> : <Tag color="error">签名无效</Tag>),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
