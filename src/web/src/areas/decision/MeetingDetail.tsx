import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionAgendaCandidatesQuery, DecisionMeetingQuery, HeadDecision, MemberPositionKind } from '../../gql/graphql';
import {
  ApiErrorAlert,
  AvailableActions,
  EmptyState,
  Loading,
  PROPOSAL_STATE,
  Pager,
  RuleLink,
  StateTag,
  formatDate,
  formatDateTime,
  useCursorPages,
} from '../../shared';
import { BODY_ROLE, DECISION_STATUS, DELIBERATING_BODY, HEAD_DECISION, MEETING_STATUS, POSITION_KIND, optionsOf } from './labels';
import { ModalForm } from './forms';

const DecisionMeetingDoc = graphql(`
  query DecisionMeeting($id: ID!, $first: Int, $after: String, $correctionsFirst: Int, $correctionsAfter: String) {
    meeting(id: $id) {
      id
      title
      body
      heldOn
      status
      version
      minutes
      chairDelegation
      finalisedAt
      standingBody {
        id
        name
      }
      head {
        id
        displayName
      }
      chair {
        id
        displayName
      }
      members {
        id
        seq
        role
        title
        present
        absenceReason
        user {
          id
          displayName
        }
      }
      availableActions {
        action
        label
        rule
        ruleTitle
      }
      agenda(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          seq
          version
          subjectType
          draftHash
          headDecision
          decisionReason
          requiredChanges
          proposal {
            id
            code
            title
            state
            currentDraftNumber
            sponsorDepartment {
              id
              name
            }
            decision {
              id
              status
            }
          }
          normativeDocument {
            id
            title
          }
          positions {
            id
            position
            condition
            remarks
            member {
              id
              displayName
            }
          }
        }
      }
      corrections(first: $correctionsFirst, after: $correctionsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          text
          recordedBy
          recordedAt
        }
      }
    }
  }
`);

const DecisionAgendaCandidatesDoc = graphql(`
  query DecisionAgendaCandidates($first: Int, $after: String) {
    proposals(first: $first, after: $after, filter: { state: LEGALITY_REVIEWED }) {
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
        currentDraftNumber
        sponsorDepartment {
          id
          name
        }
      }
    }
  }
`);

const DecisionDeliberationBlockersDoc = graphql(`
  query DecisionDeliberationBlockers($id: ID!) {
    proposal(id: $id) {
      id
      blockers(step: DELIBERATION) {
        rule
        title
        message
      }
    }
  }
`);

const AddAgendaItemDoc = graphql(`
  mutation DecisionAddAgendaItem($input: AgendaInput!) {
    addAgendaItem(input: $input) {
      agendaItem {
        id
        seq
      }
      meeting {
        id
        version
      }
    }
  }
`);

const RecordPositionDoc = graphql(`
  mutation DecisionRecordPosition($input: PositionInput!) {
    recordPosition(input: $input) {
      position {
        id
        position
        condition
        remarks
      }
      agendaItem {
        id
        version
      }
    }
  }
`);

const RecordHeadDecisionDoc = graphql(`
  mutation DecisionRecordHeadDecision($input: HeadDecisionInput!) {
    recordHeadDecision(input: $input) {
      agendaItem {
        id
        version
        headDecision
        decisionReason
        requiredChanges
      }
      meeting {
        id
        version
      }
    }
  }
`);

const DelegateChairDoc = graphql(`
  mutation DecisionDelegateChair($input: DelegateChairInput!) {
    delegateMeetingChair(input: $input) {
      meeting {
        id
        version
        chairDelegation
        chair {
          id
          displayName
        }
      }
    }
  }
`);

const FinaliseMeetingDoc = graphql(`
  mutation DecisionFinaliseMeeting($input: FinaliseInput!) {
    finaliseMeeting(input: $input) {
      meeting {
        id
        version
        status
        minutes
        finalisedAt
      }
    }
  }
`);

const AppendCorrectionDoc = graphql(`
  mutation DecisionAppendCorrection($input: CorrectionInput!) {
    appendMeetingCorrection(input: $input) {
      correction {
        id
      }
      meeting {
        id
      }
    }
  }
`);

type Meeting = DecisionMeetingQuery['meeting'];
type Member = Meeting['members'][number];
type AgendaItem = Meeting['agenda']['nodes'][number];
type Candidate = DecisionAgendaCandidatesQuery['proposals']['nodes'][number];

const REFETCH = ['DecisionMeeting', 'DecisionMeetings'];

/** What still blocks a proposal's deliberation (R-DEC-8…10), asked for one proposal at a time. */
function DeliberationBlockers({ proposalId, compact }: { proposalId: string; compact?: boolean }) {
  const { data, loading, error } = useQuery(DecisionDeliberationBlockersDoc, { variables: { id: proposalId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <Typography.Text type="secondary">正在检查提交集体讨论的条件…</Typography.Text>;
  if (!data) return <ApiErrorAlert error={error} title="无法检查提交集体讨论的条件" />;
  const blockers = data.proposal.blockers;
  if (blockers.length === 0) return <Tag color="success">已满足提交集体讨论的条件</Tag>;
  return (
    <div data-testid="deliberation-blockers">
      {!compact && <Typography.Text type="warning">提交集体讨论尚待满足：</Typography.Text>}
      <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="提交集体讨论尚待满足">
        {blockers.map((b, i) => (
          <li key={i} data-rule={b.rule}>
            <RuleLink id={b.rule} title={b.title} />：{b.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Pick a reviewed proposal, see what blocks its deliberation, put it on the agenda (quorum and blockers are the API's). */
function AddAgendaModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(DecisionAgendaCandidatesDoc, { variables: pages.variables, fetchPolicy: 'network-only' });
  const [selected, setSelected] = useState<Candidate | null>(null);
  const [add] = useMutation(AddAgendaItemDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  return (
    <ModalForm<object>
      title="列入议题"
      okText="列入本次会议议题"
      open
      width={900}
      onClose={onClose}
      onSubmit={async () => {
        if (!selected) throw new Error('请先选择一项决策建议');
        await add({ variables: { input: { meetingId, proposalId: selected.id } } });
      }}
    >
      <Typography.Paragraph type="secondary">
        已出具法律意见的决策建议。列入议题须达到法定人数，且没有尚待满足的条件 (R-DEC-8…11)。
      </Typography.Paragraph>
      <ConnectionTable<Candidate>
        pages={pages}
        connection={data?.proposals}
        error={error}
        errorTitle="无法加载待讨论的决策建议"
        empty="没有已出具法律意见、待集体讨论的决策建议"
        rowKey="id"
        size="small"
        loading={loading && !data}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected.id] : [],
          onChange: (_keys, rows) => setSelected(rows[0] ?? null),
          getCheckboxProps: (p) => ({ 'aria-label': `选择 ${p.title}` }) as never,
        }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 150 },
          { title: '标题', dataIndex: 'title' },
          { title: '承办部门', key: 'sponsor', width: 150, render: (_: unknown, p: Candidate) => p.sponsorDepartment.name },
          { title: '当前稿', dataIndex: 'currentDraftNumber', width: 80, render: (n: number) => `第 ${n} 稿` },
        ]}
      />
      {selected && (
        <Card size="small" title={`「${selected.title}」提交集体讨论的条件`} style={{ marginTop: 12 }}>
          <DeliberationBlockers proposalId={selected.id} />
        </Card>
      )}
    </ModalForm>
  );
}

/** One agenda item: the subject, the members' positions (dissent as said), and the head's decision, made last. */
function AgendaItemCard({ m, item, reload }: { m: Meeting; item: AgendaItem; reload: () => unknown }) {
  const can = (a: string) => m.availableActions.some((x) => x.action === a);
  const [positionFor, setPositionFor] = useState<Member | null>(null);
  const [deciding, setDeciding] = useState(false);
  const [recordPosition] = useMutation(RecordPositionDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [decide] = useMutation(RecordHeadDecisionDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const speakers = m.members.filter((x) => x.present && x.user.id !== m.chair.id);
  const positionOf = (userId: string) => item.positions.find((p) => p.member.id === userId);
  const decided = !!item.headDecision;
  const support = item.positions.filter((p) => p.position === 'SUPPORT' || p.position === 'CONDITIONAL').length;
  const oppose = item.positions.filter((p) => p.position === 'OPPOSE').length;
  const p = item.proposal;

  return (
    <Card
      data-testid={`agenda-item-${item.seq}`}
      title={
        <Space wrap>
          <span>议题 {item.seq}</span>
          {p ? (
            <span>
              {p.code} {p.title}
            </span>
          ) : item.normativeDocument ? (
            <span>规范性文件：{item.normativeDocument.title}</span>
          ) : (
            <Typography.Text type="secondary">（无权查看该议题的事项）</Typography.Text>
          )}
        </Space>
      }
      extra={item.headDecision ? <StateTag state={item.headDecision} labels={HEAD_DECISION} /> : <Tag>待决定</Tag>}
    >
      <Descriptions column={{ xs: 1, xl: 3 }} size="small">
        {p && <Descriptions.Item label="承办部门">{p.sponsorDepartment.name}</Descriptions.Item>}
        {p && (
          <Descriptions.Item label="建议状态">
            <StateTag state={p.state} labels={PROPOSAL_STATE} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="讨论稿哈希">
          <Typography.Text code title={item.draftHash}>
            {item.draftHash.slice(0, 12)}…
          </Typography.Text>
        </Descriptions.Item>
        {p?.decision && (
          <Descriptions.Item label="决定">
            <Link to={`/decision/decisions/${p.id}`}>
              <StateTag state={p.decision.status} labels={DECISION_STATUS} /> 办理签发与执行
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {p && !decided && m.status === 'OPEN' && (
        <div style={{ margin: '8px 0' }}>
          <DeliberationBlockers proposalId={p.id} compact />
        </div>
      )}

      <Typography.Title level={5} style={{ marginTop: 12 }}>
        出席成员表态
      </Typography.Title>
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={speakers}
        locale={{ emptyText: <EmptyState description="除主持人外没有出席成员" /> }}
        columns={[
          { title: '成员', key: 'name', width: 160, render: (_: unknown, x: Member) => x.user.displayName },
          { title: '身份', key: 'role', width: 120, render: (_: unknown, x: Member) => BODY_ROLE[x.role] },
          {
            title: '表态',
            key: 'position',
            width: 130,
            render: (_: unknown, x: Member) => {
              const pos = positionOf(x.user.id);
              return pos ? <StateTag state={pos.position} labels={POSITION_KIND} /> : <Typography.Text type="secondary">未表态</Typography.Text>;
            },
          },
          {
            title: '意见',
            key: 'remarks',
            render: (_: unknown, x: Member) => {
              const pos = positionOf(x.user.id);
              if (!pos) return '—';
              return (
                <>
                  {pos.condition && <div>所附条件：{pos.condition}</div>}
                  {pos.remarks || (pos.condition ? null : '—')}
                </>
              );
            },
          },
          ...(can('RECORD_POSITION') && !decided
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, x: Member) => (
                    <Button size="small" onClick={() => setPositionFor(x)} aria-label={`记录${x.user.displayName}的表态`}>
                      {positionOf(x.user.id) ? '修改表态' : '记录表态'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        已表态 {item.positions.length} / {speakers.length} 人：同意（含附条件）{support} 人，反对 {oppose} 人。主持人 {m.chair.displayName} 在其他出席成员表态后最后作出决定。
      </Typography.Paragraph>

      {decided ? (
        <Alert
          type={item.headDecision === 'REJECT' ? 'error' : 'success'}
          showIcon
          title={`${m.chair.displayName}的决定：${HEAD_DECISION[item.headDecision!].label}`}
          description={
            <>
              {item.decisionReason && <div>理由：{item.decisionReason}</div>}
              {item.requiredChanges && <div>修改要求：{item.requiredChanges}</div>}
            </>
          }
        />
      ) : (
        can('RECORD_HEAD_DECISION') && (
          <Button type="primary" onClick={() => setDeciding(true)}>
            主持人作出决定
          </Button>
        )
      )}

      {positionFor && (
        <ModalForm<{ position: MemberPositionKind; condition?: string; remarks?: string }>
          title={`记录表态：${positionFor.user.displayName}`}
          open
          onClose={() => setPositionFor(null)}
          initialValues={{
            position: positionOf(positionFor.user.id)?.position,
            condition: positionOf(positionFor.user.id)?.condition ?? undefined,
            remarks: positionOf(positionFor.user.id)?.remarks ?? undefined,
          }}
          onSubmit={(v) =>
            recordPosition({
              variables: {
                input: {
                  agendaItemId: item.id,
                  memberUserId: positionFor.user.id,
                  position: v.position,
                  condition: v.position === 'CONDITIONAL' ? v.condition?.trim() : null,
                  remarks: v.remarks?.trim() ?? '',
                },
              },
            })
          }
        >
          <PositionFields />
        </ModalForm>
      )}

      {deciding && (
        <ModalForm<{ decision: HeadDecision; reason?: string; requiredChanges?: string }>
          title={`主持人作出决定：议题 ${item.seq}`}
          okText="记录决定"
          open
          versioned
          onReload={reload}
          onClose={() => setDeciding(false)}
          onSubmit={(v) =>
            decide({
              variables: {
                input: {
                  agendaItemId: item.id,
                  version: item.version,
                  decision: v.decision,
                  reason: v.reason?.trim() || null,
                  requiredChanges: v.decision === 'APPROVE_WITH_CHANGES' ? v.requiredChanges?.trim() : null,
                },
              },
            })
          }
        >
          <Typography.Paragraph type="secondary">
            出席成员表态：同意（含附条件）{support} 人，反对 {oppose} 人。决定与多数意见不一致的，须说明理由 (R-DEC-11)。
          </Typography.Paragraph>
          <HeadDecisionFields />
        </ModalForm>
      )}
    </Card>
  );
}

function PositionFields() {
  const form = Form.useFormInstance();
  const position = Form.useWatch('position', form) as MemberPositionKind | undefined;
  return (
    <>
      <Form.Item name="position" label="表态" rules={[{ required: true, message: '请选择表态' }]}>
        <Select options={optionsOf(POSITION_KIND)} placeholder="选择表态" />
      </Form.Item>
      {position === 'CONDITIONAL' && (
        <Form.Item name="condition" label="所附条件" rules={[{ required: true, whitespace: true, message: '附条件同意须写明所附条件' }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      )}
      <Form.Item name="remarks" label="发表意见" extra="如实记录，包括不同意见">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </>
  );
}

function HeadDecisionFields() {
  const form = Form.useFormInstance();
  const decision = Form.useWatch('decision', form) as HeadDecision | undefined;
  return (
    <>
      <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择决定' }]}>
        <Select options={optionsOf(HEAD_DECISION)} placeholder="选择决定" />
      </Form.Item>
      <Form.Item name="reason" label="决定理由" extra="决定与多数成员意见不一致时必填 (R-DEC-11)">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {decision === 'APPROVE_WITH_CHANGES' && (
        <Form.Item name="requiredChanges" label="修改要求" rules={[{ required: true, whitespace: true, message: '请写明修改要求' }]} extra="修改稿经主持人确认后签发 (R-DEC-12)">
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      )}
    </>
  );
}

type ModalKind = 'agenda' | 'delegate' | 'finalise' | 'correction' | null;

/**
 * One meeting's record (R-DEC-11): the roll with attendance, the agenda with each proposal's
 * deliberation blockers, the members' positions (dissent recorded as said), the chair's decision
 * made last, the minutes finalised (immutable afterwards) and corrections appended.
 */
export function MeetingDetail() {
  const { id = '' } = useParams();
  const pages = useCursorPages(10);
  const correctionPages = useCursorPages(10);
  const { data, loading, error, refetch } = useQuery(DecisionMeetingDoc, {
    variables: { id, ...pages.variables, correctionsFirst: correctionPages.variables.first, correctionsAfter: correctionPages.variables.after },
  });
  const [modal, setModal] = useState<ModalKind>(null);
  const [delegate] = useMutation(DelegateChairDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [finalise] = useMutation(FinaliseMeetingDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [correct] = useMutation(AppendCorrectionDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载会议" />;
  const m = data.meeting;
  const present = m.members.filter((x) => x.present).length;
  const close = () => setModal(null);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/decision/meetings">集体讨论会议</Link> }, { title: m.title }]} />
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{m.title}</Typography.Title>} extra={<StateTag state={m.status} labels={MEETING_STATUS} />}>
        <Descriptions column={{ xs: 1, xl: 3 }} bordered size="small">
          <Descriptions.Item label="议事机构">
            {m.standingBody.name}（{DELIBERATING_BODY[m.body]}）
          </Descriptions.Item>
          <Descriptions.Item label="会议日期">{formatDate(m.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="出席 / 应到">
            <span data-testid="meeting-attendance">
              {present} / {m.members.length}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="行政首长">{m.head.displayName}</Descriptions.Item>
          <Descriptions.Item label="主持人">
            {m.chair.displayName}
            {m.chairDelegation && <Tag style={{ marginLeft: 8 }}>受委托主持</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="纪要定稿">{formatDateTime(m.finalisedAt)}</Descriptions.Item>
          {m.chairDelegation && (
            <Descriptions.Item label="委托情况" span={3}>
              {m.chairDelegation}
            </Descriptions.Item>
          )}
        </Descriptions>
        {m.status === 'FINALISED' && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title="纪要已定稿，记录不可修改；如需更正，请追加更正记录 (R-DEC-11)。" />
        )}
        <div style={{ marginTop: 16 }}>
          <AvailableActions
            actions={m.availableActions}
            handlers={{
              ADD_AGENDA_ITEM: () => setModal('agenda'),
              DELEGATE_CHAIR: () => setModal('delegate'),
              FINALISE_MINUTES: () => setModal('finalise'),
              APPEND_CORRECTION: () => setModal('correction'),
            }}
          />
        </div>
      </Card>

      <Card title="应到成员与出席情况">
        <Table<Member>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.members}
          columns={[
            { title: '序', dataIndex: 'seq', width: 60 },
            {
              title: '成员',
              key: 'name',
              render: (_: unknown, x: Member) => (
                <>
                  {x.user.displayName}
                  {x.user.id === m.chair.id && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      主持人
                    </Tag>
                  )}
                </>
              ),
            },
            { title: '身份', key: 'role', width: 180, render: (_: unknown, x: Member) => BODY_ROLE[x.role] },
            { title: '职务', dataIndex: 'title', width: 180 },
            {
              title: '出席',
              key: 'present',
              width: 100,
              render: (_: unknown, x: Member) => (x.present ? <Tag color="success">出席</Tag> : <Tag color="default">缺席</Tag>),
            },
            { title: '缺席原因', dataIndex: 'absenceReason', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>

      <Card title={`议题（${m.agenda.totalCount}）`}>
        {m.agenda.nodes.length === 0 ? (
          <EmptyState description="尚未列入议题" />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {m.agenda.nodes.map((item) => (
              <AgendaItemCard key={item.id} m={m} item={item} reload={refetch} />
            ))}
          </Space>
        )}
        <div style={{ marginTop: 12 }}>
          <Pager pages={pages} connection={m.agenda} />
        </div>
      </Card>

      <Card title="会议纪要">
        {m.minutes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Typography.Paragraph> : <EmptyState description="纪要尚未定稿" />}
        {m.corrections.totalCount > 0 && (
          <>
            <Typography.Title level={5}>纪要更正</Typography.Title>
            <List
              dataSource={m.corrections.nodes}
              renderItem={(c) => (
                <List.Item>
                  <List.Item.Meta title={`${formatDateTime(c.recordedAt)} · ${c.recordedBy}`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.text}</span>} />
                </List.Item>
              )}
            />
            <Pager pages={correctionPages} connection={m.corrections} />
          </>
        )}
      </Card>

      {modal === 'agenda' && <AddAgendaModal meetingId={m.id} onClose={close} />}

      <ModalForm<{ deputyUserId: string; note: string }>
        title="登记委托副职主持"
        open={modal === 'delegate'}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={(v) => delegate({ variables: { input: { meetingId: m.id, version: m.version, deputyUserId: v.deputyUserId, note: v.note.trim() } } })}
      >
        <Typography.Paragraph type="secondary">行政首长书面委托出席的副职主持会议，须在任何议题作出决定之前登记 (R-DEC-11)。</Typography.Paragraph>
        <Form.Item name="deputyUserId" label="受委托主持的副职" rules={[{ required: true, message: '请选择副职' }]}>
          <Select
            placeholder="选择出席的副职"
            options={m.members.filter((x) => x.role === 'DEPUTY' && x.present).map((x) => ({ value: x.user.id, label: x.user.displayName }))}
          />
        </Form.Item>
        <Form.Item name="note" label="委托情况" rules={[{ required: true, whitespace: true, min: 2, message: '请记录委托人、方式和事由' }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：主任出差，书面委托王副主任主持" />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ minutes: string }>
        title="定稿会议纪要"
        okText="确认定稿"
        open={modal === 'finalise'}
        width={720}
        onClose={close}
        versioned
        onReload={refetch}
        onSubmit={(v) => finalise({ variables: { input: { meetingId: m.id, version: m.version, minutes: v.minutes } } })}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="定稿后会议记录不可修改，只能追加更正；各议题的决定随即生效（通过的决策建议生成待签发的决定）。"
        />
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }]}>
          <Input.TextArea rows={8} maxLength={200000} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ text: string }>
        title="追加纪要更正"
        open={modal === 'correction'}
        onClose={close}
        onSubmit={(v) => correct({ variables: { input: { meetingId: m.id, text: v.text } } })}
      >
        <Form.Item name="text" label="更正内容" rules={[{ required: true, whitespace: true, message: '请填写更正内容' }]}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
