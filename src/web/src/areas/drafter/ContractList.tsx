import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import Col from 'antd/es/col';
import Modal from 'antd/es/modal';
import Row from 'antd/es/row';
import DatePicker from 'antd/es/date-picker';
import Table from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../gql';
import type { DrafterContractsQuery } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDateTime, MutationError, Pager, StateTag, useCursorPages } from '../../shared';
import { RegisterLinks } from '../../shared/RegisterLinks';
import { attempt, localDate, useWorkspaceMutation } from './common';
import { REVIEW_STATUS } from './labels';

const DrafterContractsDoc = graphql(`
  query DrafterContracts($first: Int, $after: String, $filter: ContractFilter) {
    contracts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        counterparty
        amount
        currentDraftNumber
        createdAt
        reviewBlockers {
          rule
          title
          message
        }
        reviewRequests {
          id
          code
          status
        }
      }
    }
  }
`);

const CreateContractDoc = graphql(`
  mutation DrafterCreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      contract {
        id
        code
      }
    }
  }
`);

type Row = DrafterContractsQuery['contracts']['nodes'][number];

/** ¥125,000.00 from the API's decimal string. */
export function formatAmount(amount: string): string {
  const [int, frac = '00'] = amount.split('.');
  return `¥${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}

/** The department's contracts (合同登记): the latest review of each, what the review package still lacks, and registering a new one. */
export function ContractList() {
  const pages = useCursorPages(10);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, loading, error } = useQuery(DrafterContractsDoc, { variables: { ...pages.variables, filter: { search: search || null } } });
  return (
    <Card
      title="本部门合同"
      extra={
        <Space wrap>
          <RegisterLinks kinds={['CONTRACT_REGISTER']} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记合同
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="按合同名称、编号或相对方查找"
          placeholder="名称、编号或相对方"
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => {
            pages.reset();
            setSearch(v.trim());
          }}
        />
      </Space>
      <ApiErrorAlert error={error} title="无法加载合同" />
      <Table<Row>
        rowKey="id"
        loading={loading && !data}
        dataSource={data?.contracts.nodes ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description="本部门暂无合同" /> }}
        footer={() => <Pager pages={pages} connection={data?.contracts} />}
        columns={[
          { title: '编号', dataIndex: 'code', width: 120 },
          {
            title: '合同名称',
            dataIndex: 'title',
            render: (_: unknown, c: Row) => (
              <Space direction="vertical" size={0}>
                <Link to={`/drafter/contracts/${c.id}`}>{c.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  相对方：{c.counterparty}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '金额', dataIndex: 'amount', width: 130, align: 'right', render: (a: string) => formatAmount(a) },
          { title: '文本', dataIndex: 'currentDraftNumber', width: 80, render: (n: number) => `第 ${n} 稿` },
          {
            title: '审查',
            key: 'review',
            width: 170,
            render: (_: unknown, c: Row) => {
              const last = c.reviewRequests[c.reviewRequests.length - 1];
              if (last) return <StateTag state={last.status} labels={REVIEW_STATUS} />;
              if (c.reviewBlockers.length === 0) return <Tag color="success">可提请审查</Tag>;
              return (
                <Tooltip title={c.reviewBlockers.map((b) => `${b.rule} ${b.title}：${b.message}`).join('\n')}>
                  <Link to={`/drafter/contracts/${c.id}`} aria-label={`${c.title}：送审材料缺 ${c.reviewBlockers.length} 项`}>
                    <Tag color="warning">送审材料缺 {c.reviewBlockers.length} 项</Tag>
                  </Link>
                </Tooltip>
              );
            },
          },
          { title: '登记时间', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
        ]}
      />
      {creating && <CreateContractModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface ContractForm {
  title: string;
  counterparty: string;
  amount: string;
  counterpartyQualification?: string;
  legalBasis?: string;
  termStartsOn?: Dayjs;
  termEndsOn?: Dayjs;
  text: string;
}

function CreateContractModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ContractForm>();
  const [create, { loading, error }] = useWorkspaceMutation(CreateContractDoc);
  return (
    <Modal open title="登记合同" okText="登记" cancelText="取消" width={880} confirmLoading={loading} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<ContractForm> name="contract-create-form"
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await attempt(() =>
            create({
              variables: {
                input: {
                  title: v.title,
                  counterparty: v.counterparty,
                  amount: v.amount.trim(),
                  counterpartyQualification: v.counterpartyQualification?.trim() || null,
                  legalBasis: v.legalBasis?.trim() || null,
                  termStartsOn: localDate(v.termStartsOn),
                  termEndsOn: localDate(v.termEndsOn),
                  text: v.text,
                },
              },
            }),
          );
          const c = r?.data?.createContract.contract;
          if (c) {
            message.success(`已登记合同 ${c.code}`);
            onClose();
            navigate(`/drafter/contracts/${c.id}`);
          }
        }}
      >
        <ContractFactFields withTitle />
        <Form.Item name="text" label="合同文本（第 1 稿）" rules={[{ required: true, whitespace: true, message: '请填写合同文本' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={() => undefined} />
    </Modal>
  );
}

/** The facts of a contract's review package (R-LR-2), shared by the register and edit forms. */
export function ContractFactFields({ withTitle = false }: { withTitle?: boolean }) {
  return (
    <>
      {withTitle && (
        <Form.Item name="title" label="合同名称" rules={[{ required: true, whitespace: true, message: '请填写合同名称' }, { min: 2, max: 200, message: '合同名称应为 2–200 个字符' }]}>
          <Input />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Form.Item name="counterparty" label="合同相对方" rules={[{ required: true, whitespace: true, message: '请填写合同相对方' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          <Form.Item
            name="amount"
            label="合同金额（元）"
            rules={[
              { required: true, message: '请填写合同金额' },
              { pattern: /^\d{1,14}(\.\d{1,2})?$/, message: '金额应为数字，最多两位小数' },
            ]}
          >
            <Input inputMode="decimal" placeholder="例如 125000.00" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="counterpartyQualification" label="相对方资质情况" extra="统一社会信用代码、营业执照、资质等级等">
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item name="legalBasis" label="订立依据">
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item name="termStartsOn" label="合同期限起">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name="termEndsOn" label="合同期限止">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
