import { useQuery } from '@apollo/client/react';
import { App, Button, Descriptions, Form, Input, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Col from 'antd/es/col';
import Row from 'antd/es/row';
import DatePicker from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../../gql';
import { ApiErrorAlert, formatDate, MutationError } from '../../../shared';
import { attempt, dayOf, localDate, Section, useWorkspaceMutation } from '../common';
import { ProcedureTag } from './ProcedureTag';

const HearingDoc = graphql(`
  query DrafterHearing($id: ID!) {
    proposal(id: $id) {
      id
      hearing {
        id
        heldOn
        materialsSentOn
        participants
        participantsPublishedOn
        record
        recordSigned
      }
    }
  }
`);

const RecordHearingDoc = graphql(`
  mutation DrafterRecordHearing($input: HearingInput!) {
    recordHearing(input: $input) {
      hearing {
        id
      }
    }
  }
`);

interface HearingForm {
  heldOn: Dayjs;
  participantsPublishedOn: Dayjs;
  materialsSentOn: Dayjs;
  participants: string;
  record?: string;
  recordSigned: boolean;
}

/** Participants typed one per line (or separated by 、，,;). */
function participantsOf(s: string): string[] {
  return s
    .split(/[\n、，,;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Hearing (R-DEC-5): participants published before, materials sent at least 7 days before, the record signed. */
export function HearingSection({ proposalId, required, canEdit }: { proposalId: string; required: boolean; canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, error, refetch } = useQuery(HearingDoc, { variables: { id: proposalId } });
  const h = data?.proposal.hearing ?? null;
  const [record, { loading, error: saveError }] = useWorkspaceMutation(RecordHearingDoc);
  return (
    <Section id="hearing" title="听证" extra={<ProcedureTag required={required} recorded={!!h} />}>
      <ApiErrorAlert error={error} title="无法加载听证记录" />
      {h && (
        <Descriptions size="small" bordered column={{ xs: 1, xl: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="听证会日期">{formatDate(h.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="名单公布日期">{formatDate(h.participantsPublishedOn)}</Descriptions.Item>
          <Descriptions.Item label="材料送达日期">{formatDate(h.materialsSentOn)}</Descriptions.Item>
          <Descriptions.Item label="参加人" span={2}>
            {h.participants.join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="笔录签字">{h.recordSigned ? <Tag color="success">已签字确认</Tag> : <Tag color="warning">未签字</Tag>}</Descriptions.Item>
        </Descriptions>
      )}
      {!required && !h && <Typography.Paragraph type="secondary">听证不是本建议的必经程序；举行了听证的，在此登记。</Typography.Paragraph>}
      {canEdit && (
        <Form<HearingForm> name="hearing-form"
          layout="vertical"
          key={h?.id ?? 'new'}
          initialValues={{
            heldOn: dayOf(h?.heldOn),
            participantsPublishedOn: dayOf(h?.participantsPublishedOn),
            materialsSentOn: dayOf(h?.materialsSentOn),
            participants: h?.participants.join('\n') ?? '',
            record: h?.record ?? '',
            recordSigned: h?.recordSigned ?? false,
          }}
          onFinish={async (v) => {
            const ok = await attempt(() =>
              record({
                variables: {
                  input: {
                    proposalId,
                    heldOn: localDate(v.heldOn)!,
                    participantsPublishedOn: localDate(v.participantsPublishedOn)!,
                    materialsSentOn: localDate(v.materialsSentOn)!,
                    participants: participantsOf(v.participants),
                    record: v.record?.trim() || null,
                    recordSigned: v.recordSigned,
                  },
                },
              }),
            );
            if (ok) message.success('已登记听证');
          }}
        >
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Form.Item name="participantsPublishedOn" label="参加人名单公布日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="materialsSentOn" label="听证材料送达日期" rules={[{ required: true, message: '请选择日期' }]} extra="至少在听证会 7 日前送达">
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="heldOn" label="听证会日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="participants" label="听证参加人" rules={[{ required: true, whitespace: true, message: '请填写参加人' }]} extra="每行一人，或用顿号分隔">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="record" label="听证笔录">
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="recordSigned" valuePropName="checked">
            <Checkbox>笔录已经参加人签字确认</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            保存听证记录
          </Button>
          <MutationError error={saveError} onReload={refetch} />
        </Form>
      )}
    </Section>
  );
}
