import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Form, Space, Tag, Typography } from 'antd';
import Breadcrumb from 'antd/es/breadcrumb';
import Modal from 'antd/es/modal';
import Tabs from 'antd/es/tabs';
import DatePicker from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../gql';
import type { DrafterContractQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, Loading, MutationError, useCursorPages } from '../../shared';
import { BlockerList } from './BlockerList';
import { attempt, dayOf, LoadFailure, localDate, Section, useWorkspaceMutation } from './common';
import { ContractFactFields, formatAmount } from './ContractList';
import { DraftPanel } from './DraftPanel';
import { CONTRACT_MATERIAL_KINDS } from './labels';
import { MaterialsPanel } from './MaterialsPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { contractFix } from './sections';

const DrafterContractDoc = graphql(`
  query DrafterContract($id: ID!) {
    contract(id: $id) {
      id
      code
      title
      counterparty
      counterpartyQualification
      amount
      legalBasis
      termStartsOn
      termEndsOn
      version
      createdAt
      currentDraftNumber
      department {
        id
        name
      }
      currentDraft {
        id
        number
        text
        changeNote
        contentHash
        createdAt
        author {
          id
          displayName
        }
      }
      reviewBlockers {
        rule
        code
        title
        message
      }
      reviewRequests {
        ...DrafterReviewFields
      }
    }
  }
`);

const ContractDraftsDoc = graphql(`
  query DrafterContractDrafts($id: ID!, $first: Int, $after: String) {
    contract(id: $id) {
      id
      drafts(first: $first, after: $after) {
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
          author {
            id
            displayName
          }
        }
      }
      draftIndex: drafts(first: 100) {
        nodes {
          id
          number
        }
      }
    }
  }
`);

const AddContractDraftDoc = graphql(`
  mutation DrafterAddContractDraft($input: ContractDraftInput!) {
    addContractDraft(input: $input) {
      draft {
        id
        number
      }
    }
  }
`);

const UpdateContractDoc = graphql(`
  mutation DrafterUpdateContract($input: UpdateContractInput!) {
    updateContract(input: $input) {
      contract {
        id
        version
      }
    }
  }
`);

const RequestContractReviewDoc = graphql(`
  mutation DrafterRequestContractReview($input: RequestContractReviewInput!) {
    requestContractReview(input: $input) {
      review {
        id
        code
        status
      }
    }
  }
`);

type C = DrafterContractQuery['contract'];

const OPEN = ['SUBMITTED', 'FIRST_REVIEW', 'ACCEPTED', 'RETURNED'];
const TAB_OF: Record<string, string> = { facts: 'facts', draft: 'draft', versions: 'draft', diff: 'draft', materials: 'materials', 'material-upload': 'materials', review: 'review' };

/**
 * One contract as its department's drafter works on it: the facts of the review package, what the
 * package still lacks (each item with its rule and a link to where it is fixed), the text and its
 * versions with a character diff, the materials, the review request and the answers to findings.
 */
export function ContractDetail() {
  const { id = '' } = useParams();
  const { hash, pathname } = useLocation();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(DrafterContractDoc, { variables: { id } });
  const pages = useCursorPages(10);
  const drafts = useQuery(ContractDraftsDoc, { variables: { id, ...pages.variables }, skip: !data });
  const [addDraft, addDraftState] = useWorkspaceMutation(AddContractDraftDoc);
  if (loading && !data) return <Loading />;
  const c = data?.contract;
  if (!c) return <LoadFailure error={error} what="合同" />;
  const tab = TAB_OF[hash.replace(/^#/, '')] ?? 'facts';
  const open = c.reviewRequests.find((r) => OPEN.includes(r.status));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/drafter/contracts">本部门合同</Link> }, { title: c.code }]} />
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{c.title}</Typography.Title>} extra={<Tag>{c.code}</Tag>}>
        <Descriptions size="small" bordered column={{ xs: 1, lg: 2, xxl: 3 }}>
          <Descriptions.Item label="承办部门">{c.department.name}</Descriptions.Item>
          <Descriptions.Item label="相对方">{c.counterparty}</Descriptions.Item>
          <Descriptions.Item label="金额">{formatAmount(c.amount)}</Descriptions.Item>
          <Descriptions.Item label="当前文本">第 {c.currentDraftNumber} 稿</Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="审查">{open ? `${open.code} 办理中` : c.reviewRequests.length ? '已出具法律意见' : '尚未提请'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ReviewRequestCard c={c} open={!!open} onRequested={() => navigate(`${pathname}#review`)} onReload={refetch} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`${pathname}#${key}`, { replace: true })}
          items={[
            { key: 'facts', label: '合同要素', children: <ContractFacts c={c} onReload={refetch} /> },
            {
              key: 'draft',
              label: `合同文本（${c.currentDraftNumber} 稿）`,
              children: (
                <DraftPanel
                  what="合同文本"
                  current={c.currentDraft}
                  history={drafts.data?.contract.drafts}
                  pages={pages}
                  historyLoading={drafts.loading}
                  historyError={drafts.error}
                  index={drafts.data?.contract.draftIndex.nodes ?? []}
                  canEdit
                  onSave={(text, changeNote) => addDraft({ variables: { input: { contractId: c.id, text, changeNote } } })}
                  saving={addDraftState.loading}
                  saveError={addDraftState.error}
                  onReload={refetch}
                />
              ),
            },
            { key: 'materials', label: '材料', children: <MaterialsPanel owner={{ contractId: c.id }} kinds={CONTRACT_MATERIAL_KINDS} canAdd /> },
            { key: 'review', label: `合法性审查（${c.reviewRequests.length}）`, children: <ReviewsPanel reviews={c.reviewRequests} onReload={refetch} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function ReviewRequestCard({ c, open, onRequested, onReload }: { c: C; open: boolean; onRequested: () => void; onReload: () => unknown }) {
  const [requesting, setRequesting] = useState(false);
  return (
    <Card
      size="small"
      data-testid="blockers-card"
      title={
        <Space>
          <span>提请合同审查尚待满足</span>
          <Tag color={c.reviewBlockers.length ? 'warning' : 'success'} data-testid="blocker-count">
            {c.reviewBlockers.length} 项
          </Tag>
        </Space>
      }
      extra={
        !open && (
          <Button type="primary" onClick={() => setRequesting(true)}>
            提请合同审查
          </Button>
        )
      }
    >
      <BlockerList blockers={c.reviewBlockers} done={open ? '审查办理中' : '送审材料齐全，可以提请合同审查'} locate={contractFix} />
      {requesting && (
        <RequestContractReviewModal
          c={c}
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            onRequested();
          }}
          onReload={onReload}
        />
      )}
    </Card>
  );
}

function RequestContractReviewModal({ c, onClose, onDone, onReload }: { c: C; onClose: () => void; onDone: () => void; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestedCompletionOn?: Dayjs }>();
  const [request, { loading, error }] = useWorkspaceMutation(RequestContractReviewDoc);
  return (
    <Modal open title="提请合同合法性审查" okText="提请审查" cancelText="取消" width={720} confirmLoading={loading} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph>提请后，当前合同文本（第 {c.currentDraftNumber} 稿）、合同要素和全部材料将被固定为送审版本。</Typography.Paragraph>
      <Form name="contract-review-form"
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await attempt(() => request({ variables: { input: { contractId: c.id, requestedCompletionOn: localDate(v.requestedCompletionOn) } } }));
          const review = r?.data?.requestContractReview.review;
          if (review) {
            message.success(`已提请合同审查（${review.code}）`);
            onDone();
          }
        }}
      >
        <Form.Item name="requestedCompletionOn" label="期望完成日期" extra="可不填；填写的须至少在 7 个工作日之后（R-LR-3）">
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={onReload} />
    </Modal>
  );
}

interface FactsForm {
  counterparty: string;
  amount: string;
  counterpartyQualification?: string;
  legalBasis?: string;
  termStartsOn?: Dayjs;
  termEndsOn?: Dayjs;
}

function ContractFacts({ c, onReload }: { c: C; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [update, { loading, error }] = useWorkspaceMutation(UpdateContractDoc);
  return (
    <Section
      id="facts"
      title="合同要素"
      extra={
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            修改合同要素
          </Button>
        )
      }
    >
      {!editing ? (
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="合同相对方">{c.counterparty}</Descriptions.Item>
          <Descriptions.Item label="相对方资质情况">{c.counterpartyQualification ?? <Tag color="warning">未登记</Tag>}</Descriptions.Item>
          <Descriptions.Item label="订立依据">{c.legalBasis ?? <Tag color="warning">未登记</Tag>}</Descriptions.Item>
          <Descriptions.Item label="合同金额">{formatAmount(c.amount)}</Descriptions.Item>
          <Descriptions.Item label="合同期限">
            {c.termStartsOn || c.termEndsOn ? `${formatDate(c.termStartsOn)} 至 ${formatDate(c.termEndsOn)}` : <Tag color="warning">未登记</Tag>}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form<FactsForm> name="contract-facts-form"
          layout="vertical"
          initialValues={{
            counterparty: c.counterparty,
            amount: c.amount,
            counterpartyQualification: c.counterpartyQualification ?? '',
            legalBasis: c.legalBasis ?? '',
            termStartsOn: dayOf(c.termStartsOn),
            termEndsOn: dayOf(c.termEndsOn),
          }}
          onFinish={async (v) => {
            const ok = await attempt(() =>
              update({
                variables: {
                  input: {
                    contractId: c.id,
                    version: c.version,
                    counterparty: v.counterparty,
                    amount: v.amount.trim(),
                    counterpartyQualification: v.counterpartyQualification?.trim() || null,
                    legalBasis: v.legalBasis?.trim() || null,
                    termStartsOn: localDate(v.termStartsOn),
                    termEndsOn: localDate(v.termEndsOn),
                  },
                },
              }),
            );
            if (ok) {
              message.success('已保存合同要素');
              setEditing(false);
            }
          }}
        >
          <ContractFactFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={loading}>
              保存
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
          <div style={{ marginTop: 12 }}>
            <MutationError error={error} onReload={onReload} />
          </div>
        </Form>
      )}
    </Section>
  );
}
