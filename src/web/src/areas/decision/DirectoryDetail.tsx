import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Breadcrumb, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { graphql } from '../../gql';
import type { DecisionCategory, DecisionDirectoryAdjustmentsQuery, DecisionDirectoryItemsQuery } from '../../gql/graphql';
import { ApiErrorAlert, AvailableActions, Loading, StateTag, formatDate, formatDateTime, useCursorPages } from '../../shared';
import { DocumentLinks } from '../../shared/DocumentLinks';
import { ADJUSTMENT_KIND, DECISION_CATEGORY, DIRECTORY_ITEM_STATUS, DIRECTORY_STATUS, optionsOf } from './labels';
import { DepartmentSelect, LocalDateInput, ModalForm, QUARTER_OPTIONS, businessToday, quarterLabel } from './forms';

const DecisionDirectoryDoc = graphql(`
  query DecisionDirectory($year: Int!) {
    directoryByYear(year: $year) {
      id
      year
      title
      status
      version
      partyApprovedAt
      partyApprovalReference
      publishedAt
      createdAt
      updatedAt
      documents {
        kind
        format
        title
        url
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

const DecisionDirectoryItemsDoc = graphql(`
  query DecisionDirectoryItems($id: ID!, $first: Int, $after: String) {
    directory(id: $id) {
      id
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
          category
          legalBasis
          reason
          plannedQuarter
          currentQuarter
          status
          addedByAdjustment
          version
          sponsorDepartment {
            id
            name
          }
          availableActions {
            action
            label
            rule
            ruleTitle
          }
        }
      }
    }
  }
`);

const DecisionDirectoryAdjustmentsDoc = graphql(`
  query DecisionDirectoryAdjustments($id: ID!, $first: Int, $after: String) {
    directory(id: $id) {
      id
      adjustments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          reason
          fromQuarter
          toQuarter
          recordedBy
          recordedAt
          item {
            id
            seq
            title
          }
        }
      }
    }
  }
`);

const AddItemDoc = graphql(`
  mutation DecisionAddDirectoryItem($input: AddDirectoryItemInput!) {
    addDirectoryItem(input: $input) {
      item {
        id
      }
      directory {
        id
        version
      }
    }
  }
`);

const UpdateItemDoc = graphql(`
  mutation DecisionUpdateDirectoryItem($input: UpdateDirectoryItemInput!) {
    updateDirectoryItem(input: $input) {
      item {
        id
        version
      }
      directory {
        id
        version
      }
    }
  }
`);

const PartyApprovalDoc = graphql(`
  mutation DecisionRecordPartyApproval($input: RecordPartyApprovalInput!) {
    recordPartyApproval(input: $input) {
      directory {
        id
        version
        partyApprovedAt
        partyApprovalReference
      }
    }
  }
`);

const PublishDirectoryDoc = graphql(`
  mutation DecisionPublishDirectory($input: PublishDirectoryInput!) {
    publishDirectory(input: $input) {
      directory {
        id
        version
        status
        publishedAt
      }
    }
  }
`);

const AdjustDirectoryDoc = graphql(`
  mutation DecisionAdjustDirectory($input: AdjustDirectoryInput!) {
    adjustDirectory(input: $input) {
      adjustment {
        id
      }
      item {
        id
        status
        currentQuarter
      }
      directory {
        id
        version
      }
    }
  }
`);

type Item = DecisionDirectoryItemsQuery['directory']['items']['nodes'][number];
type Adjustment = DecisionDirectoryAdjustmentsQuery['directory']['adjustments']['nodes'][number];

interface ItemValues {
  title: string;
  category: DecisionCategory;
  sponsorDepartmentId: string;
  legalBasis: string;
  plannedQuarter: number;
  reason: string;
}

const REFETCH = ['DecisionDirectory', 'DecisionDirectoryItems', 'DecisionDirectoryAdjustments'];

/** The fields of a directory item (增加 / 修改事项; a new item by adjustment). */
function ItemFields({ reasonLabel = '纳入理由' }: { reasonLabel?: string }) {
  return (
    <>
      <Form.Item name="title" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label="决策事项类别" rules={[{ required: true, message: '请选择类别' }]} extra="财政货币、政府立法、突发事件应急处置决策不适用本程序 (R-DIR-2)">
        <Select options={optionsOf(DECISION_CATEGORY)} placeholder="选择类别" />
      </Form.Item>
      <Form.Item name="sponsorDepartmentId" label="承办部门" rules={[{ required: true, message: '请选择承办部门' }]}>
        <DepartmentSelect />
      </Form.Item>
      <Form.Item name="legalBasis" label="决策依据" rules={[{ required: true, whitespace: true, message: '请填写决策依据' }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="plannedQuarter" label="计划完成季度" rules={[{ required: true, message: '请选择计划季度' }]}>
        <Select options={QUARTER_OPTIONS} placeholder="选择季度" />
      </Form.Item>
      <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, whitespace: true, message: `请填写${reasonLabel}` }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </>
  );
}

type ModalState =
  | { kind: 'add' }
  | { kind: 'party' }
  | { kind: 'publish' }
  | { kind: 'adjustAdd' }
  | { kind: 'edit'; item: Item }
  | { kind: 'withdraw'; item: Item }
  | { kind: 'reschedule'; item: Item }
  | null;

/**
 * One year's directory (R-DIR-1…3): drawn up while 编制中 (items added and edited, the Party
 * committee's agreement recorded), published once, and from then on changed only by adjustments
 * with a reason — each kept in the history below. Only the actions the API offers are shown.
 */
export function DirectoryDetail() {
  const year = Number(useParams().year);
  const dir = useQuery(DecisionDirectoryDoc, { variables: { year }, skip: !Number.isInteger(year) });
  const d = dir.data?.directoryByYear;
  const itemPages = useCursorPages(20);
  const adjPages = useCursorPages(10);
  const items = useQuery(DecisionDirectoryItemsDoc, { variables: { id: d?.id ?? '', ...itemPages.variables }, skip: !d });
  const adjustments = useQuery(DecisionDirectoryAdjustmentsDoc, { variables: { id: d?.id ?? '', ...adjPages.variables }, skip: !d });
  const [modal, setModal] = useState<ModalState>(null);
  const [addItem] = useMutation(AddItemDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [updateItem] = useMutation(UpdateItemDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [recordParty] = useMutation(PartyApprovalDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [publish] = useMutation(PublishDirectoryDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [adjust] = useMutation(AdjustDirectoryDoc, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const reload = () => Promise.all([dir.refetch(), items.refetch(), adjustments.refetch()]);
  const close = () => setModal(null);

  if (dir.loading && !dir.data) return <Loading />;
  if (!d) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Breadcrumb items={[{ title: <Link to="/decision/directory">年度决策事项目录</Link> }, { title: `${year} 年度` }]} />
        <ApiErrorAlert error={dir.error} title={`无法加载 ${year} 年度目录`} />
      </Space>
    );
  }
  const published = d.status === 'PUBLISHED';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/decision/directory">年度决策事项目录</Link> }, { title: `${d.year} 年度` }]} />
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{d.title}</Typography.Title>} extra={<DocumentLinks links={d.documents} testId="directory-documents" />}>
        <Descriptions column={{ xs: 1, xl: 3 }} bordered size="small">
          <Descriptions.Item label="年度">{d.year}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StateTag state={d.status} labels={DIRECTORY_STATUS} />
          </Descriptions.Item>
          <Descriptions.Item label="公布时间">{formatDateTime(d.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label="党委同意日期">{formatDate(d.partyApprovedAt)}</Descriptions.Item>
          <Descriptions.Item label="党委同意依据">{d.partyApprovalReference ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="更新时间">{formatDateTime(d.updatedAt)}</Descriptions.Item>
        </Descriptions>
        {!published && !d.partyApprovedAt && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title="目录公布前须经同级党委同意 (R-DIR-3)：请在党委会议后登记同意日期和依据。" />
        )}
        <div style={{ marginTop: 16 }}>
          <AvailableActions
            actions={d.availableActions}
            handlers={{
              ADD_DIRECTORY_ITEM: () => setModal({ kind: 'add' }),
              RECORD_PARTY_APPROVAL: () => setModal({ kind: 'party' }),
              PUBLISH_DIRECTORY: () => setModal({ kind: 'publish' }),
              ADJUST_DIRECTORY: () => setModal({ kind: 'adjustAdd' }),
            }}
          />
        </div>
      </Card>

      <Card title="目录事项" data-testid="directory-items">
        <ConnectionTable<Item>
          pages={itemPages}
          connection={items.data?.directory.items}
          error={items.error}
          errorTitle="无法加载目录事项"
          empty="目录中还没有事项"
          rowKey="id"
          loading={items.loading && !items.data}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 64 },
            {
              title: '事项名称',
              dataIndex: 'title',
              render: (_: unknown, i: Item) => (
                <>
                  {i.title}
                  {i.addedByAdjustment && <Tag style={{ marginLeft: 8 }}>调整增加</Tag>}
                </>
              ),
            },
            { title: '类别', dataIndex: 'category', width: 180, render: (_: unknown, i: Item) => DECISION_CATEGORY[i.category] },
            { title: '承办部门', key: 'sponsor', width: 140, render: (_: unknown, i: Item) => i.sponsorDepartment.name },
            {
              title: '计划季度',
              key: 'quarter',
              width: 150,
              render: (_: unknown, i: Item) =>
                i.currentQuarter === i.plannedQuarter ? quarterLabel(i.currentQuarter) : `${quarterLabel(i.currentQuarter)}（原${quarterLabel(i.plannedQuarter)}）`,
            },
            { title: '状态', key: 'status', width: 110, render: (_: unknown, i: Item) => <StateTag state={i.status} labels={DIRECTORY_ITEM_STATUS} /> },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_: unknown, i: Item) => (
                <AvailableActions
                  actions={i.availableActions}
                  handlers={{
                    UPDATE_DIRECTORY_ITEM: () => setModal({ kind: 'edit', item: i }),
                    WITHDRAW_DIRECTORY_ITEM: () => setModal({ kind: 'withdraw', item: i }),
                    RESCHEDULE_DIRECTORY_ITEM: () => setModal({ kind: 'reschedule', item: i }),
                  }}
                />
              ),
            },
          ]}
        />
      </Card>

      <Card title="调整记录" data-testid="directory-adjustments">
        <ConnectionTable<Adjustment>
          pages={adjPages}
          connection={adjustments.data?.directory.adjustments}
          error={adjustments.error}
          errorTitle="无法加载调整记录"
          empty={published ? '目录公布后尚未调整' : '目录公布后的调整记录将显示在这里'}
          rowKey="id"
          loading={adjustments.loading && !adjustments.data}
          columns={[
            { title: '调整时间', dataIndex: 'recordedAt', width: 160, render: (v: string) => formatDateTime(v) },
            { title: '调整类型', key: 'kind', width: 130, render: (_: unknown, a: Adjustment) => <StateTag state={a.kind} labels={ADJUSTMENT_KIND} /> },
            { title: '事项', key: 'item', render: (_: unknown, a: Adjustment) => `${a.item.seq}. ${a.item.title}` },
            {
              title: '计划季度',
              key: 'quarters',
              width: 200,
              render: (_: unknown, a: Adjustment) => (a.fromQuarter ? `${quarterLabel(a.fromQuarter)} → ${quarterLabel(a.toQuarter)}` : a.toQuarter ? quarterLabel(a.toQuarter) : '—'),
            },
            { title: '调整理由', dataIndex: 'reason' },
            { title: '登记人', dataIndex: 'recordedBy', width: 110 },
          ]}
        />
      </Card>

      <ModalForm<ItemValues>
        title="增加目录事项"
        open={modal?.kind === 'add'}
        onClose={close}
        onSubmit={(v) => addItem({ variables: { input: { directoryId: d.id, ...v } } })}
      >
        <ItemFields />
      </ModalForm>

      {modal?.kind === 'edit' && (
        <ModalForm<ItemValues>
          title={`修改目录事项（第 ${modal.item.seq} 项）`}
          open
          onClose={close}
          versioned
          onReload={reload}
          initialValues={{
            title: modal.item.title,
            category: modal.item.category,
            sponsorDepartmentId: modal.item.sponsorDepartment.id,
            legalBasis: modal.item.legalBasis,
            plannedQuarter: modal.item.plannedQuarter,
            reason: modal.item.reason,
          }}
          onSubmit={(v) => updateItem({ variables: { input: { itemId: modal.item.id, version: modal.item.version, ...v } } })}
        >
          <ItemFields />
        </ModalForm>
      )}

      <ModalForm<{ approvedOn: string; reference: string }>
        title="登记党委同意"
        open={modal?.kind === 'party'}
        onClose={close}
        versioned
        onReload={reload}
        initialValues={{ approvedOn: d.partyApprovedAt ?? businessToday(), reference: d.partyApprovalReference ?? '' }}
        onSubmit={(v) => recordParty({ variables: { input: { directoryId: d.id, version: d.version, approvedOn: v.approvedOn, reference: v.reference.trim() } } })}
      >
        <Form.Item name="approvedOn" label="党委同意日期" rules={[{ required: true, message: '请选择日期' }]}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="reference" label="同意依据" rules={[{ required: true, whitespace: true, message: '请填写依据（如会议纪要编号）' }]}>
          <Input maxLength={200} placeholder="如：街党工委会议纪要〔2026〕3号" />
        </Form.Item>
      </ModalForm>

      <ModalForm<object>
        title="公布目录"
        okText="确认公布"
        open={modal?.kind === 'publish'}
        onClose={close}
        versioned
        onReload={reload}
        onSubmit={() => publish({ variables: { input: { directoryId: d.id, version: d.version } } })}
      >
        <Typography.Paragraph>
          公布后目录只能通过调整（增加、调出事项或调整计划时间，并说明理由）变更 (R-DIR-3)。确认公布《{d.title}》？
        </Typography.Paragraph>
      </ModalForm>

      <ModalForm<ItemValues & { adjustReason: string }>
        title="调整目录：增加事项"
        open={modal?.kind === 'adjustAdd'}
        onClose={close}
        width={640}
        onSubmit={(v) => {
          const { adjustReason, ...newItem } = v;
          return adjust({ variables: { input: { directoryId: d.id, kind: 'ADD', reason: adjustReason.trim(), newItem } } });
        }}
      >
        <ItemFields />
        <Form.Item name="adjustReason" label="调整理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明调整理由（至少 2 个字）' }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </ModalForm>

      {modal?.kind === 'withdraw' && (
        <ModalForm<{ reason: string }>
          title={`调出目录：${modal.item.title}`}
          okText="确认调出"
          open
          onClose={close}
          onSubmit={(v) => adjust({ variables: { input: { directoryId: d.id, kind: 'WITHDRAW', itemId: modal.item.id, reason: v.reason.trim() } } })}
        >
          <Typography.Paragraph type="secondary">调出的事项仍留在目录中（标为已调出），不能再纳入决策建议。</Typography.Paragraph>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明调整理由（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </ModalForm>
      )}

      {modal?.kind === 'reschedule' && (
        <ModalForm<{ toQuarter: number; reason: string }>
          title={`调整计划时间：${modal.item.title}`}
          open
          onClose={close}
          onSubmit={(v) =>
            adjust({ variables: { input: { directoryId: d.id, kind: 'RESCHEDULE', itemId: modal.item.id, toQuarter: v.toQuarter, reason: v.reason.trim() } } })
          }
        >
          <Typography.Paragraph>当前计划：{quarterLabel(modal.item.currentQuarter)}</Typography.Paragraph>
          <Form.Item name="toQuarter" label="新的计划季度" rules={[{ required: true, message: '请选择新的计划季度' }]}>
            <Select options={QUARTER_OPTIONS.filter((q) => q.value !== modal.item.currentQuarter)} placeholder="选择季度" />
          </Form.Item>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, min: 2, message: '请说明调整理由（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </ModalForm>
      )}
    </Space>
  );
}
