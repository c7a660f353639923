import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Col from 'antd/es/col';
import Divider from 'antd/es/divider';
import Modal from 'antd/es/modal';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import DatePicker from 'antd/es/date-picker';
import Table from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../../gql';
import type { DrafterExpertOpinionsQuery, OpinionResponse } from '../../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDate, MutationError, Pager, useCursorPages } from '../../../shared';
import { attempt, localDate, Section, useWorkspaceMutation } from '../common';
import { OPINION_RESPONSE, optionsOf } from '../labels';
import { ProcedureTag } from './ProcedureTag';

const ExpertOpinionsDoc = graphql(`
  query DrafterExpertOpinions($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id
      expertOpinions(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          expertName
          affiliation
          conflictDeclaration
          opinion
          signedOn
          adoption
          adoptionReason
        }
      }
    }
  }
`);

const AddExpertOpinionDoc = graphql(`
  mutation DrafterAddExpertOpinion($input: ExpertOpinionInput!) {
    addExpertOpinion(input: $input) {
      expertOpinion {
        id
      }
    }
  }
`);

const ExpertAdoptionDoc = graphql(`
  mutation DrafterRecordExpertAdoption($input: ExpertAdoptionInput!) {
    recordExpertAdoption(input: $input) {
      expertOpinion {
        id
        adoption
        adoptionReason
      }
    }
  }
`);

type ExpertOpinion = DrafterExpertOpinionsQuery['proposal']['expertOpinions']['nodes'][number];

interface ExpertForm {
  expertName: string;
  affiliation: string;
  signedOn: Dayjs;
  conflictDeclaration: string;
  hasDirectInterest: boolean;
  opinion: string;
}

/** Expert review (R-DEC-6): signed opinions with each expert's conflict declaration (an interested expert is excluded), and each opinion's adoption. */
export function ExpertsSection({ proposalId, required, canEdit }: { proposalId: string; required: boolean; canEdit: boolean }) {
  const { message } = App.useApp();
  const pages = useCursorPages(10);
  const { data, error, refetch } = useQuery(ExpertOpinionsDoc, { variables: { id: proposalId, ...pages.variables } });
  const list = data?.proposal.expertOpinions;
  const [add, addState] = useWorkspaceMutation(AddExpertOpinionDoc);
  const [form] = Form.useForm<ExpertForm>();
  const interested = Form.useWatch('hasDirectInterest', form);
  const [adopting, setAdopting] = useState<ExpertOpinion | null>(null);
  return (
    <Section id="experts" title="专家论证" extra={<ProcedureTag required={required} recorded={(list?.totalCount ?? 0) > 0} />}>
      <ApiErrorAlert error={error} title="无法加载专家意见" />
      <Table<ExpertOpinion>
        rowKey="id"
        size="small"
        dataSource={list?.nodes ?? []}
        pagination={false}
        aria-label="专家意见"
        locale={{ emptyText: <EmptyState description="尚未登记专家意见" /> }}
        footer={() => <Pager pages={pages} connection={list} />}
        expandable={{
          expandedRowRender: (o) => (
            <div>
              <Typography.Paragraph>
                <Typography.Text strong>利害关系声明：</Typography.Text>
                {o.conflictDeclaration}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                <Typography.Text strong>论证意见：</Typography.Text>
                {o.opinion}
              </Typography.Paragraph>
            </div>
          ),
        }}
        columns={[
          { title: '专家', dataIndex: 'expertName', width: 100 },
          { title: '工作单位', dataIndex: 'affiliation' },
          { title: '签署日期', dataIndex: 'signedOn', width: 110, render: (d: string) => formatDate(d) },
          {
            title: '采纳情况',
            key: 'adoption',
            width: 220,
            render: (_: unknown, o: ExpertOpinion) =>
              o.adoption ? (
                <>
                  <Tag color={o.adoption === 'ADOPTED' ? 'success' : 'warning'}>{OPINION_RESPONSE[o.adoption]}</Tag>
                  {o.adoptionReason && <div>{o.adoptionReason}</div>}
                </>
              ) : (
                <Tag color="error">未记录采纳情况</Tag>
              ),
          },
          {
            title: '操作',
            key: 'act',
            width: 120,
            render: (_: unknown, o: ExpertOpinion) =>
              canEdit ? (
                <Button size="small" onClick={() => setAdopting(o)} aria-label={`记录 ${o.expertName} 意见的采纳情况`}>
                  记录采纳情况
                </Button>
              ) : null,
          },
        ]}
      />
      {canEdit && (
        <>
          <Divider />
          <Typography.Title level={5}>登记专家意见</Typography.Title>
          <Form<ExpertForm> name="expert-opinion-form"
            form={form}
            layout="vertical"
            initialValues={{ hasDirectInterest: false }}
            onFinish={async (v) => {
              const ok = await attempt(() =>
                add({
                  variables: {
                    input: {
                      proposalId,
                      expertName: v.expertName,
                      affiliation: v.affiliation,
                      signedOn: localDate(v.signedOn)!,
                      conflictDeclaration: v.conflictDeclaration,
                      hasDirectInterest: v.hasDirectInterest,
                      opinion: v.opinion,
                    },
                  },
                }),
              );
              if (ok) {
                message.success('已登记专家意见');
                form.resetFields();
              }
            }}
          >
            <Row gutter={16}>
              <Col xs={24} lg={6}>
                <Form.Item name="expertName" label="专家姓名" rules={[{ required: true, whitespace: true, message: '请填写专家姓名' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="affiliation" label="工作单位" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} lg={6}>
                <Form.Item name="signedOn" label="签署日期" rules={[{ required: true, message: '请选择签署日期' }]}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="conflictDeclaration" label="利害关系声明" rules={[{ required: true, whitespace: true, message: '请填写专家的利害关系声明' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder="例如：本人与决策事项无直接利害关系" />
            </Form.Item>
            <Form.Item name="hasDirectInterest" valuePropName="checked">
              <Checkbox>该专家与决策事项有直接利害关系</Checkbox>
            </Form.Item>
            {interested && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="与决策事项有直接利害关系的专家应当回避，其意见不予登记（R-DEC-6）" />}
            <Form.Item name="opinion" label="论证意见" rules={[{ required: true, whitespace: true, message: '请填写专家论证意见' }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={addState.loading}>
              登记专家意见
            </Button>
            <MutationError error={addState.error} onReload={refetch} />
          </Form>
        </>
      )}
      {adopting && <AdoptionModal opinion={adopting} onClose={() => setAdopting(null)} onReload={refetch} />}
    </Section>
  );
}

function AdoptionModal({ opinion, onClose, onReload }: { opinion: ExpertOpinion; onClose: () => void; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ adoption: OpinionResponse; reason?: string }>();
  const [record, { loading, error }] = useWorkspaceMutation(ExpertAdoptionDoc);
  const adoption = Form.useWatch('adoption', form);
  return (
    <Modal open title={`${opinion.expertName} 意见的采纳情况`} okText="保存" cancelText="取消" confirmLoading={loading} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form name="expert-adoption-form"
        form={form}
        layout="vertical"
        initialValues={{ adoption: opinion.adoption ?? undefined, reason: opinion.adoptionReason ?? '' }}
        onFinish={async (v) => {
          const ok = await attempt(() => record({ variables: { input: { opinionId: opinion.id, adoption: v.adoption, reason: v.reason?.trim() || null } } }));
          if (ok) {
            message.success('已记录采纳情况');
            onClose();
          }
        }}
      >
        <Form.Item name="adoption" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
          <Select options={optionsOf(OPINION_RESPONSE)} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: !!adoption && adoption !== 'ADOPTED', whitespace: true, message: '不采纳或部分采纳须说明理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={onReload} />
    </Modal>
  );
}
