import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import Popconfirm from 'antd/es/popconfirm';
import Tabs from 'antd/es/tabs';
import type { AdvisorReviewQuery, AdvisorTextFragment } from '../../gql/graphql';
import { ApiErrorAlert, Loading, MutationError, StateTag, formatDate, formatDateTime } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import type { ActionInfo } from '../../shared/AvailableActions';
import { DeadlineTag } from './Deadline';
import { AdvisorConfirmTextLegallyDoc, AdvisorReviewDoc } from './documents';
import { IntakeActions } from './IntakeActions';
import { OpinionEditor } from './OpinionEditor';
import { OpinionView } from './OpinionView';
import { TextDiff } from './TextDiff';
import { REVIEW_STATUS, SUBJECT_TYPE } from './labels';

type Review = AdvisorReviewQuery['review'];

/** The subject's text as it is now, whatever the subject type. */
function currentText(r: Review): AdvisorTextFragment | null {
  return r.proposal?.currentDraft ?? r.contract?.currentDraft ?? r.normativeDocument?.currentVersion ?? r.enforcementCase?.proposedDecision ?? null;
}

interface PinnedMaterial {
  id: string;
  kind: string;
  title: string;
  contentHash: string;
}

/**
 * One review, where the advisor works it: intake (accept, return with missing items, assign,
 * extend), the pinned text and its character diff to the text now, the opinion editor, the issued
 * opinions with the drafter's answers, and the confirmations of amended texts (R-LR-2…5, R-DEC-9).
 */
export function ReviewWorkspace() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdvisorReviewDoc, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [correcting, setCorrecting] = useState(false);
  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载审查" />;
  const r = data.review;
  const reload = () => refetch();
  const current = currentText(r);
  const moved = current !== null && current.contentHash !== r.pinnedHash;
  const draft = r.opinions.find((o) => o.status === 'DRAFT');
  const issued = r.opinions.filter((o) => o.status === 'ISSUED').reverse();
  const canWrite = r.availableActions.some((a) => a.action === 'ISSUE_OPINION');
  const showEditor = canWrite && (r.status === 'ACCEPTED' || !!draft || correcting);
  const materials = Array.isArray(r.pinnedMaterials) ? (r.pinnedMaterials as PinnedMaterial[]) : [];
  const subjectCode = r.proposal?.code ?? r.contract?.code ?? r.enforcementCase?.code ?? null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/advisor/queue">审查队列</Link> }, { title: r.code }]} />
      <Card
        title={
          <Space wrap>
            <Tag color={SUBJECT_TYPE[r.subjectType].color}>{SUBJECT_TYPE[r.subjectType].label}</Tag>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.subjectTitle}
            </Typography.Title>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, lg: 2, xl: 3 }} bordered size="small">
          <Descriptions.Item label="审查编号">{r.code}</Descriptions.Item>
          <Descriptions.Item label="审查状态">
            <StateTag state={r.status} labels={REVIEW_STATUS} />
          </Descriptions.Item>
          <Descriptions.Item label="审查期限">
            <Space wrap>
              <DeadlineTag deadline={r.deadline} status={r.status} />
              <span>{r.deadline.dueOn ? formatDate(r.deadline.dueOn) : '接收后起算'}</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="审查对象编号">{subjectCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="提请部门">{r.requestedBy.department.name}</Descriptions.Item>
          <Descriptions.Item label="提请人">
            {r.requestedBy.displayName}（{formatDateTime(r.requestedAt)}）
          </Descriptions.Item>
          <Descriptions.Item label="承办法律顾问">{r.assignedTo?.displayName ?? '未分派'}</Descriptions.Item>
          <Descriptions.Item label="接收日期">{formatDate(r.acceptedOn)}</Descriptions.Item>
          <Descriptions.Item label="要求完成日期">{formatDate(r.requestedCompletionOn)}</Descriptions.Item>
          {r.contract && (
            <Descriptions.Item label="合同相对方">
              {r.contract.counterparty}（金额 {r.contract.amount} 元）
            </Descriptions.Item>
          )}
          {r.extensionWorkingDays > 0 && (
            <Descriptions.Item label="延期">
              {r.extensionWorkingDays} 个工作日：{r.extensionReason}
            </Descriptions.Item>
          )}
          {r.pausedWorkingDays > 0 && <Descriptions.Item label="暂停计时">{r.pausedWorkingDays} 个工作日</Descriptions.Item>}
          {r.firstReviewNote && <Descriptions.Item label="初审意见">{r.firstReviewNote}</Descriptions.Item>}
        </Descriptions>
        {r.returnReason && (
          <Alert
            style={{ marginTop: 12 }}
            type={r.status === 'RETURNED' ? 'warning' : 'info'}
            showIcon
            title={r.status === 'RETURNED' ? `已退回补充（${formatDate(r.returnedOn)}），计时暂停` : '上次退回补充的内容'}
            description={
              <Space direction="vertical" style={{ width: '100%' }}>
                <div data-testid="return-reason" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.returnReason}
                </div>
                <DocumentLinks links={r.documents} kinds={['RETURN_NOTICE']} testId="return-notice-documents" />
              </Space>
            }
          />
        )}
        <div style={{ marginTop: 16 }}>
          <IntakeActions review={r} actions={r.availableActions} onDone={reload} />
        </div>
      </Card>

      <Card title="送审文本与材料">
        <Tabs
          // a text that moved (or was confirmed) opens on what matters now
          key={moved ? 'moved' : 'same'}
          items={[
            {
              key: 'pinned',
              label: `送审文本（第 ${r.pinnedVersion.number} 版）`,
              children: (
                <div data-testid="pinned-text">
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">
                      固定于 {formatDateTime(r.pinnedVersion.createdAt)} · 哈希 <Typography.Text code>{r.pinnedHash.slice(0, 16)}…</Typography.Text>
                    </Typography.Text>
                    {moved ? <Tag color="warning">当前文本已改为第 {current!.number} 版</Tag> : <Tag color="success">与当前文本一致</Tag>}
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', padding: 12, background: '#fafafa', borderRadius: 6 }}>{r.pinnedVersion.text}</Typography.Paragraph>
                </div>
              ),
            },
            {
              key: 'diff',
              label: moved ? `与当前文本比对（有变动）` : '与当前文本比对',
              children: current ? (
                moved ? (
                  <TextDiff from={r.pinnedVersion.text} to={current.text} fromLabel={`送审文本第 ${r.pinnedVersion.number} 版`} toLabel={`当前文本第 ${current.number} 版`} />
                ) : (
                  <Typography.Text>当前文本与送审文本一致（第 {r.pinnedVersion.number} 版），无变动。</Typography.Text>
                )
              ) : (
                <Typography.Text type="secondary">无法读取当前文本。</Typography.Text>
              ),
            },
            {
              key: 'materials',
              label: `送审材料（${materials.length}）`,
              children: (
                <List
                  size="small"
                  dataSource={materials}
                  locale={{ emptyText: '无送审材料' }}
                  renderItem={(m) => (
                    <List.Item>
                      <Space wrap>
                        <span>{m.title}</span>
                        <Typography.Text type="secondary" code>
                          {m.contentHash?.slice(0, 12)}…
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
          defaultActiveKey={moved ? 'diff' : 'pinned'}
        />
        {moved && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title="审查对象的文本在送审后有变动"
            description="法律意见只能覆盖送审时固定的文本：请退回由提请部门重新提交，或（意见签发后）确认修改稿。"
          />
        )}
      </Card>

      {r.proposal?.decision && <LegalAmendmentConfirmation proposalId={r.proposal.id} decision={r.proposal.decision} onDone={reload} />}

      {showEditor && <OpinionEditor review={r} draft={draft} onDone={reload} correction={r.status === 'OPINION_ISSUED'} />}
      {canWrite && r.status === 'OPINION_ISSUED' && !draft && !correcting && (
        <Card size="small">
          <Space>
            <span>已签发的法律意见不可修改；如需更正，出具新的意见取代它。</span>
            <Button onClick={() => setCorrecting(true)}>起草更正意见</Button>
          </Space>
        </Card>
      )}

      {issued.map((o) => (
        <OpinionView key={o.id} review={r} opinion={o} currentHash={current?.contentHash ?? null} actions={r.availableActions} onDone={reload} />
      ))}
    </Space>
  );
}

type Decision = NonNullable<NonNullable<Review['proposal']>['decision']>;

/**
 * After the meeting approved with changes, an amended text may need the legal advisor's confirmation
 * too (R-DEC-9): shown when the decision's availableActions offers it and an amendment awaits it.
 */
function LegalAmendmentConfirmation({ proposalId, decision, onDone }: { proposalId: string; decision: Decision; onDone: () => unknown }) {
  const action: ActionInfo | undefined = decision.availableActions.find((a) => a.action === 'CONFIRM_AMENDED_TEXT_LEGALLY');
  const pending = decision.amendments.nodes.find((a) => a.status === 'SUBMITTED' && a.legalConfirmationRequired && !a.advisorConfirmedAt);
  const [note, setNote] = useState('');
  const [confirm, state] = useMutation(AdvisorConfirmTextLegallyDoc);
  if (!action || !pending) return null;
  return (
    <Card title={`${action.label}（${action.rule}）`} data-testid="legal-amendment">
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="会议要求的修改">{decision.requiredChanges ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="修改稿">
          第 {pending.draftNumber} 稿（第 {pending.seq} 次提交，{formatDateTime(pending.submittedAt)}）
        </Descriptions.Item>
        <Descriptions.Item label="修改说明">{pending.explanation}</Descriptions.Item>
        <Descriptions.Item label="需法律顾问确认的理由">{pending.legalConfirmationBasis ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Form layout="vertical">
        <Form.Item label="确认说明" htmlFor="legal-amendment-note">
          <Input.TextArea id="legal-amendment-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <MutationError error={state.error} onReload={onDone} />
      <Popconfirm
        title="确认该修改稿？"
        okText="确认"
        cancelText="取消"
        onConfirm={async () => {
          await confirm({ variables: { input: { proposalId, version: decision.version, note: note.trim() || null } } })
            .then(onDone)
            .catch(() => undefined);
        }}
      >
        <Button type="primary" loading={state.loading} data-action="CONFIRM_AMENDED_TEXT_LEGALLY">
          {action.label}
        </Button>
      </Popconfirm>
    </Card>
  );
}
