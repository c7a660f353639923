import { useQuery } from '@apollo/client/react';
import { App, Button, Descriptions, Form, Input, Tag } from 'antd';
import Col from 'antd/es/col';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import DatePicker from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../../gql';
import type { FairCompetitionConclusion } from '../../../gql/graphql';
import { ApiErrorAlert, formatDate, MutationError } from '../../../shared';
import { attempt, dayOf, localDate, Section, useWorkspaceMutation } from '../common';
import { FAIR_COMPETITION_CONCLUSION, optionsOf } from '../labels';
import { ProcedureTag } from './ProcedureTag';

const FairCompetitionDoc = graphql(`
  query DrafterFairCompetition($id: ID!) {
    proposal(id: $id) {
      id
      fairCompetitionReview {
        id
        conclusion
        reviewer
        reviewedOn
        notes
      }
    }
  }
`);

const RecordFairCompetitionDoc = graphql(`
  mutation DrafterRecordFairCompetition($input: FairCompetitionInput!) {
    recordFairCompetitionReview(input: $input) {
      fairCompetitionReview {
        id
        conclusion
      }
    }
  }
`);

interface FairForm {
  conclusion: FairCompetitionConclusion;
  reviewer: string;
  reviewedOn: Dayjs;
  notes: string;
}

/** Fair-competition review (R-DEC-3): required when the measure touches market entities; NON_COMPLIANT blocks it. */
export function FairCompetitionSection({ proposalId, required, canEdit }: { proposalId: string; required: boolean; canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, error, refetch } = useQuery(FairCompetitionDoc, { variables: { id: proposalId } });
  const f = data?.proposal.fairCompetitionReview ?? null;
  const [record, { loading, error: saveError }] = useWorkspaceMutation(RecordFairCompetitionDoc);
  return (
    <Section id="fair-competition" title="公平竞争审查" extra={<ProcedureTag required={required} recorded={!!f} />}>
      <ApiErrorAlert error={error} title="无法加载公平竞争审查" />
      {f && (
        <Descriptions size="small" bordered column={{ xs: 1, xl: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="审查结论">
            <Tag color={f.conclusion === 'NON_COMPLIANT' ? 'error' : 'success'}>{FAIR_COMPETITION_CONCLUSION[f.conclusion]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="审查人">{f.reviewer}</Descriptions.Item>
          <Descriptions.Item label="审查日期">{formatDate(f.reviewedOn)}</Descriptions.Item>
          <Descriptions.Item label="审查说明" span={3}>
            {f.notes}
          </Descriptions.Item>
        </Descriptions>
      )}
      {canEdit && (
        <Form<FairForm> name="fair-competition-form"
          layout="vertical"
          key={f?.id ?? 'new'}
          initialValues={{ conclusion: f?.conclusion, reviewer: f?.reviewer, reviewedOn: dayOf(f?.reviewedOn), notes: f?.notes }}
          onFinish={async (v) => {
            const ok = await attempt(() =>
              record({ variables: { input: { proposalId, conclusion: v.conclusion, reviewer: v.reviewer, reviewedOn: localDate(v.reviewedOn)!, notes: v.notes } } }),
            );
            if (ok) message.success('已登记公平竞争审查');
          }}
        >
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Form.Item name="conclusion" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
                <Select options={optionsOf(FAIR_COMPETITION_CONCLUSION)} placeholder="请选择" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={10}>
              <Form.Item name="reviewer" label="审查机构或人员" rules={[{ required: true, whitespace: true, message: '请填写审查机构或人员' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} lg={6}>
              <Form.Item name="reviewedOn" label="审查日期" rules={[{ required: true, message: '请选择审查日期' }]}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label="审查说明" rules={[{ required: true, whitespace: true, message: '请填写审查说明' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {f ? '更新公平竞争审查' : '登记公平竞争审查'}
          </Button>
          <MutationError error={saveError} onReload={refetch} />
        </Form>
      )}
    </Section>
  );
}
