import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { App, Button, Descriptions, Form, Input, Tag, Typography } from 'antd';
import Col from 'antd/es/col';
import Divider from 'antd/es/divider';
import Modal from 'antd/es/modal';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import DatePicker from 'antd/es/date-picker';
import Table from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { graphql } from '../../../gql';
import type { DrafterConsultationQuery, OpinionResponse } from '../../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDate, MutationError, Pager, useCursorPages } from '../../../shared';
import { attempt, dayOf, localDate, Section, useWorkspaceMutation } from '../common';
import { OPINION_RESPONSE, optionsOf } from '../labels';
import { ProcedureTag } from './ProcedureTag';

const ConsultationDoc = graphql(`
  query DrafterConsultation($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id
      consultation {
        id
        startsOn
        endsOn
        channel
        shortenedReason
        windowDays
        adoptionSummary
        opinions(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            seq
            submitter
            content
            receivedOn
            response
            responseReason
          }
        }
      }
    }
  }
`);

const SetConsultationDoc = graphql(`
  mutation DrafterSetConsultation($input: ConsultationInput!) {
    setConsultation(input: $input) {
      consultation {
        id
        windowDays
      }
    }
  }
`);

const RegisterOpinionDoc = graphql(`
  mutation DrafterRegisterOpinion($input: RegisterOpinionInput!) {
    registerOpinion(input: $input) {
      opinion {
        id
        seq
      }
    }
  }
`);

const AnswerOpinionDoc = graphql(`
  mutation DrafterAnswerOpinion($input: AnswerOpinionInput!) {
    answerOpinion(input: $input) {
      opinion {
        id
        response
        responseReason
      }
    }
  }
`);

const AdoptionSummaryDoc = graphql(`
  mutation DrafterSetAdoptionSummary($input: AdoptionSummaryInput!) {
    setAdoptionSummary(input: $input) {
      consultation {
        id
        adoptionSummary
      }
    }
  }
`);

type PublicOpinion = NonNullable<DrafterConsultationQuery['proposal']['consultation']>['opinions']['nodes'][number];

/** Public consultation (R-DEC-4): the window and channel, the register of opinions with their answers, the adoption summary. */
export function ConsultationSection({ proposalId, required, canEdit }: { proposalId: string; required: boolean; canEdit: boolean }) {
  const { message } = App.useApp();
  const pages = useCursorPages(10);
  const { data, error, refetch } = useQuery(ConsultationDoc, { variables: { id: proposalId, ...pages.variables } });
  const c = data?.proposal.consultation ?? null;
  const [setConsultation, setState] = useWorkspaceMutation(SetConsultationDoc);
  const [registerOpinion, registerState] = useWorkspaceMutation(RegisterOpinionDoc);
  const [setSummary, summaryState] = useWorkspaceMutation(AdoptionSummaryDoc);
  const [windowForm] = Form.useForm<{ startsOn: Dayjs; endsOn: Dayjs; channel: string; shortenedReason?: string }>();
  const [opinionForm] = Form.useForm<{ submitter: string; receivedOn: Dayjs; content: string }>();
  const [answering, setAnswering] = useState<PublicOpinion | null>(null);

  return (
    <Section id="consultation" title="公开征求意见" extra={<ProcedureTag required={required} recorded={!!c} />}>
      <ApiErrorAlert error={error} title="无法加载征求意见记录" />
      {c && (
        <Descriptions size="small" bordered column={{ xs: 1, xl: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="征求意见期限">
            {formatDate(c.startsOn)} 至 {formatDate(c.endsOn)}（{c.windowDays} 日）
          </Descriptions.Item>
          <Descriptions.Item label="发布渠道">{c.channel}</Descriptions.Item>
          {c.shortenedReason && <Descriptions.Item label="缩短期限理由">{c.shortenedReason}</Descriptions.Item>}
        </Descriptions>
      )}

      {canEdit && (
        <>
          <Typography.Title level={5}>{c ? '修改征求意见期限和渠道' : '登记征求意见期限和渠道'}</Typography.Title>
          <Form name="consultation-window-form"
            form={windowForm}
            layout="vertical"
            key={c?.id ?? 'new'}
            initialValues={{ startsOn: dayOf(c?.startsOn), endsOn: dayOf(c?.endsOn), channel: c?.channel, shortenedReason: c?.shortenedReason ?? '' }}
            onFinish={async (v) => {
              const ok = await attempt(() =>
                setConsultation({
                  variables: {
                    input: { proposalId, startsOn: localDate(v.startsOn)!, endsOn: localDate(v.endsOn)!, channel: v.channel, shortenedReason: v.shortenedReason?.trim() || null },
                  },
                }),
              );
              if (ok) message.success('已登记征求意见期限');
            }}
          >
            <Row gutter={16}>
              <Col xs={24} lg={6}>
                <Form.Item name="startsOn" label="征求意见开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={6}>
                <Form.Item name="endsOn" label="征求意见截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="channel" label="发布渠道" rules={[{ required: true, whitespace: true, message: '请填写发布渠道' }]}>
                  <Input placeholder="例如：街道办事处门户网站" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="shortenedReason" label="缩短期限理由" extra="征求意见期限少于 30 日的，须说明理由（R-DEC-4）">
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={setState.loading}>
              保存征求意见期限
            </Button>
            <MutationError error={setState.error} onReload={refetch} />
          </Form>
        </>
      )}

      {c && (
        <>
          <Divider />
          <Typography.Title level={5}>意见登记与答复</Typography.Title>
          <Table<PublicOpinion>
            rowKey="id"
            size="small"
            dataSource={c.opinions.nodes}
            pagination={false}
            aria-label="收到的意见"
            locale={{ emptyText: <EmptyState description="尚未登记收到的意见" /> }}
            footer={() => <Pager pages={pages} connection={c.opinions} />}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '提出人', dataIndex: 'submitter', width: 120 },
              { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (d: string) => formatDate(d) },
              { title: '意见内容', dataIndex: 'content' },
              {
                title: '答复',
                key: 'response',
                width: 200,
                render: (_: unknown, o: PublicOpinion) =>
                  o.response ? (
                    <>
                      <Tag color={o.response === 'ADOPTED' ? 'success' : 'warning'}>{OPINION_RESPONSE[o.response]}</Tag>
                      {o.responseReason && <div>{o.responseReason}</div>}
                    </>
                  ) : (
                    <Tag color="error">尚未答复</Tag>
                  ),
              },
              {
                title: '操作',
                key: 'act',
                width: 100,
                render: (_: unknown, o: PublicOpinion) =>
                  canEdit ? (
                    <Button size="small" onClick={() => setAnswering(o)} aria-label={`答复第 ${o.seq} 条意见`}>
                      {o.response ? '修改答复' : '答复'}
                    </Button>
                  ) : null,
              },
            ]}
          />
          {canEdit && (
            <Form name="consultation-opinion-form"
              form={opinionForm}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={async (v) => {
                const ok = await attempt(() =>
                  registerOpinion({ variables: { input: { proposalId, submitter: v.submitter, receivedOn: localDate(v.receivedOn)!, content: v.content } } }),
                );
                if (ok) {
                  message.success('已登记意见');
                  opinionForm.resetFields();
                }
              }}
            >
              <Row gutter={16}>
                <Col xs={24} lg={8}>
                  <Form.Item name="submitter" label="意见提出人" rules={[{ required: true, whitespace: true, message: '请填写意见提出人' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={6}>
                  <Form.Item name="receivedOn" label="意见收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
                    <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="content" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button htmlType="submit" loading={registerState.loading}>
                登记意见
              </Button>
              <MutationError error={registerState.error} onReload={refetch} />
            </Form>
          )}

          <Divider />
          <Typography.Title level={5}>意见采纳情况说明</Typography.Title>
          {canEdit ? (
            <Form name="adoption-summary-form"
              layout="vertical"
              key={c.adoptionSummary ?? ''}
              initialValues={{ summary: c.adoptionSummary ?? '' }}
              onFinish={async (v: { summary: string }) => {
                const ok = await attempt(() => setSummary({ variables: { input: { proposalId, summary: v.summary } } }));
                if (ok) message.success('已保存采纳情况说明');
              }}
            >
              <Form.Item name="summary" label="采纳情况说明" rules={[{ required: true, whitespace: true, message: '请填写采纳情况说明' }]}>
                <Input.TextArea autoSize={{ minRows: 3 }} />
              </Form.Item>
              <Button htmlType="submit" loading={summaryState.loading}>
                保存采纳情况说明
              </Button>
              <MutationError error={summaryState.error} onReload={refetch} />
            </Form>
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.adoptionSummary ?? '—'}</Typography.Paragraph>
          )}
        </>
      )}
      {answering && <AnswerOpinionModal opinion={answering} onClose={() => setAnswering(null)} onReload={refetch} />}
    </Section>
  );
}

function AnswerOpinionModal({ opinion, onClose, onReload }: { opinion: PublicOpinion; onClose: () => void; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: OpinionResponse; reason?: string }>();
  const [answer, { loading, error }] = useWorkspaceMutation(AnswerOpinionDoc);
  const response = Form.useWatch('response', form);
  return (
    <Modal open title={`答复第 ${opinion.seq} 条意见`} okText="提交答复" cancelText="取消" confirmLoading={loading} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph>
        {opinion.submitter}：{opinion.content}
      </Typography.Paragraph>
      <Form name="opinion-answer-form"
        form={form}
        layout="vertical"
        initialValues={{ response: opinion.response ?? undefined, reason: opinion.responseReason ?? '' }}
        onFinish={async (v) => {
          const ok = await attempt(() => answer({ variables: { input: { opinionId: opinion.id, response: v.response, reason: v.reason?.trim() || null } } }));
          if (ok) {
            message.success('已答复');
            onClose();
          }
        }}
      >
        <Form.Item name="response" label="是否采纳" rules={[{ required: true, message: '请选择是否采纳' }]}>
          <Select options={optionsOf(OPINION_RESPONSE)} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: !!response && response !== 'ADOPTED', whitespace: true, message: '不采纳或部分采纳须说明理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      <MutationError error={error} onReload={onReload} />
    </Modal>
  );
}
