import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Tag, Typography } from 'antd';
import Col from 'antd/es/col';
import Divider from 'antd/es/divider';
import Radio from 'antd/es/radio';
import Row from 'antd/es/row';
import DatePicker from 'antd/es/date-picker';
import Table from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../../gql';
import type { DrafterRiskAssessmentsQuery, RiskLevel } from '../../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDate, MutationError, Pager, useCursorPages } from '../../../shared';
import { attempt, localDate, Section, useWorkspaceMutation } from '../common';
import { RISK_LEVEL } from '../labels';
import { ProcedureTag } from './ProcedureTag';

const RiskAssessmentsDoc = graphql(`
  query DrafterRiskAssessments($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id
      riskAssessments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          round
          assessedOn
          assessor
          level
          riskPoints
          measures
          contingencyPlan
        }
      }
    }
  }
`);

const RecordRiskDoc = graphql(`
  mutation DrafterRecordRiskAssessment($input: RiskAssessmentInput!) {
    recordRiskAssessment(input: $input) {
      riskAssessment {
        id
        round
        level
      }
    }
  }
`);

type Round = DrafterRiskAssessmentsQuery['proposal']['riskAssessments']['nodes'][number];

interface RiskForm {
  assessedOn: Dayjs;
  assessor: string;
  level: RiskLevel;
  riskPoints: string;
  measures: string;
  contingencyPlan: string;
}

/** Risk assessment (R-DEC-7): rounds, oldest first; the latest counts, and a HIGH level needs measures and a new round. */
export function RiskSection({ proposalId, required, canEdit }: { proposalId: string; required: boolean; canEdit: boolean }) {
  const { message } = App.useApp();
  const pages = useCursorPages(10);
  const { data, error, refetch } = useQuery(RiskAssessmentsDoc, { variables: { id: proposalId, ...pages.variables } });
  const list = data?.proposal.riskAssessments;
  const [record, { loading, error: saveError }] = useWorkspaceMutation(RecordRiskDoc);
  const [form] = Form.useForm<RiskForm>();
  const latest = list && !list.pageInfo.hasNextPage ? list.nodes[list.nodes.length - 1] : undefined;
  return (
    <Section id="risk" title="风险评估" extra={<ProcedureTag required={required} recorded={(list?.totalCount ?? 0) > 0} />}>
      <ApiErrorAlert error={error} title="无法加载风险评估" />
      {latest?.level === 'HIGH' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="最新一轮评估风险等级为高：须采取措施降低风险，并重新评估（登记新一轮）(R-DEC-7)" />
      )}
      <Table<Round>
        rowKey="id"
        size="small"
        dataSource={list?.nodes ?? []}
        pagination={false}
        aria-label="风险评估轮次"
        locale={{ emptyText: <EmptyState description="尚未开展风险评估" /> }}
        footer={() => <Pager pages={pages} connection={list} />}
        columns={[
          { title: '轮次', dataIndex: 'round', width: 70, render: (n: number) => `第 ${n} 轮` },
          { title: '评估日期', dataIndex: 'assessedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: '评估主体', dataIndex: 'assessor', width: 140 },
          { title: '风险等级', dataIndex: 'level', width: 90, render: (l: RiskLevel) => <Tag color={RISK_LEVEL[l].color}>{RISK_LEVEL[l].label}</Tag> },
          { title: '风险点', dataIndex: 'riskPoints' },
          { title: '防范化解措施', dataIndex: 'measures' },
        ]}
      />
      {canEdit && (
        <>
          <Divider />
          <Typography.Title level={5}>{(list?.totalCount ?? 0) > 0 ? `登记第 ${(list?.totalCount ?? 0) + 1} 轮评估` : '登记风险评估'}</Typography.Title>
          <Form<RiskForm> name="risk-form"
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              const ok = await attempt(() =>
                record({
                  variables: {
                    input: {
                      proposalId,
                      assessedOn: localDate(v.assessedOn)!,
                      assessor: v.assessor,
                      level: v.level,
                      riskPoints: v.riskPoints,
                      measures: v.measures,
                      contingencyPlan: v.contingencyPlan,
                    },
                  },
                }),
              );
              if (ok) {
                message.success('已登记风险评估');
                form.resetFields();
              }
            }}
          >
            <Row gutter={16}>
              <Col xs={24} lg={6}>
                <Form.Item name="assessedOn" label="评估日期" rules={[{ required: true, message: '请选择评估日期' }]}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={10}>
                <Form.Item name="assessor" label="评估主体" rules={[{ required: true, whitespace: true, message: '请填写评估主体' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} lg={8}>
                <Form.Item name="level" label="风险等级" rules={[{ required: true, message: '请选择风险等级' }]}>
                  <Radio.Group optionType="button" options={(Object.keys(RISK_LEVEL) as RiskLevel[]).map((l) => ({ value: l, label: RISK_LEVEL[l].label }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="riskPoints" label="风险点" rules={[{ required: true, whitespace: true, message: '请填写风险点' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="measures" label="防范化解措施" rules={[{ required: true, whitespace: true, message: '请填写防范化解措施' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="contingencyPlan" label="应急处置预案" rules={[{ required: true, whitespace: true, message: '请填写应急处置预案' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={loading}>
              登记风险评估
            </Button>
            <MutationError error={saveError} onReload={refetch} />
          </Form>
        </>
      )}
    </Section>
  );
}
