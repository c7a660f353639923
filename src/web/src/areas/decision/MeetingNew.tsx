import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Breadcrumb, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Table from 'antd/es/table';
import { graphql } from '../../gql';
import type { DecisionBodyRollQuery, DeliberatingBody } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState } from '../../shared';
import { DELIBERATING_BODY } from './labels';
import { LocalDateInput, businessToday } from './forms';

const DecisionBodiesDoc = graphql(`
  query DecisionBodies {
    standingBodies(first: 20) {
      nodes {
        id
        kind
        name
      }
    }
  }
`);

const DecisionBodyRollDoc = graphql(`
  query DecisionBodyRoll($id: ID!, $on: LocalDate!) {
    standingBody(id: $id) {
      id
      name
      head(on: $on) {
        id
        displayName
      }
      members(on: $on) {
        id
        deputy
        title
        user {
          id
          displayName
        }
      }
    }
  }
`);

const CreateMeetingDoc = graphql(`
  mutation DecisionCreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`);

type Member = DecisionBodyRollQuery['standingBody']['members'][number];

interface Values {
  title: string;
  body: string;
  heldOn: string;
  delegate: boolean;
  deputyUserId?: string;
  note?: string;
}

/**
 * Convening a meeting (召开会议, R-DEC-11): the roll is the standing body's members on the meeting
 * date, read from the body; the user marks who is absent, each with the reason, and — when the head
 * delegated the chair in writing — the present deputy who chairs.
 */
export function MeetingNew() {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const bodies = useQuery(DecisionBodiesDoc);
  const bodyId = Form.useWatch('body', form);
  const heldOn = Form.useWatch('heldOn', form);
  const delegate = Form.useWatch('delegate', form);
  const roll = useQuery(DecisionBodyRollDoc, { variables: { id: bodyId ?? '', on: heldOn ?? '' }, skip: !bodyId || !heldOn });
  const [absent, setAbsent] = useState<Record<string, string>>({});
  const [create, created] = useMutation(CreateMeetingDoc);
  const body = roll.data?.standingBody;
  const members = body?.members ?? [];
  const headId = body?.head?.id;
  const deputies = members.filter((m) => m.deputy && absent[m.user.id] === undefined);

  const submit = async (v: Values) => {
    const kind = bodies.data?.standingBodies.nodes.find((b) => b.id === v.body)?.kind as DeliberatingBody;
    const r = await create({
      variables: {
        input: {
          title: v.title.trim(),
          body: kind,
          heldOn: v.heldOn,
          absences: members.filter((m) => absent[m.user.id] !== undefined).map((m) => ({ userId: m.user.id, reason: absent[m.user.id]!.trim() })),
          delegation: v.delegate && v.deputyUserId ? { deputyUserId: v.deputyUserId, note: (v.note ?? '').trim() } : null,
        },
      },
      refetchQueries: ['DecisionMeetings'],
    }).catch(() => null);
    if (r?.data) navigate(`/decision/meetings/${r.data.createMeeting.meeting.id}`);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/decision/meetings">集体讨论会议</Link> }, { title: '召开会议' }]} />
      <Card title="召开会议">
        <Form<Values> form={form} layout="vertical" style={{ maxWidth: 960 }} initialValues={{ heldOn: businessToday(), delegate: false }} onFinish={(v) => void submit(v)}>
          <Space wrap size="large" align="start">
            <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]} style={{ width: 360 }}>
              <Input maxLength={200} placeholder="如：2026年第3次主任办公会议" />
            </Form.Item>
            <Form.Item name="body" label="议事机构" rules={[{ required: true, message: '请选择议事机构' }]} style={{ width: 260 }}>
              <Select
                loading={bodies.loading}
                placeholder="选择议事机构"
                onChange={() => setAbsent({})}
                options={(bodies.data?.standingBodies.nodes ?? []).map((b) => ({ value: b.id, label: `${b.name}（${DELIBERATING_BODY[b.kind]}）` }))}
              />
            </Form.Item>
            <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]} style={{ width: 200 }}>
              <LocalDateInput />
            </Form.Item>
          </Space>
          <ApiErrorAlert error={bodies.error ?? roll.error} title="无法加载议事机构成员" />

          <Typography.Title level={5}>应到成员与出席情况</Typography.Title>
          <Typography.Paragraph type="secondary">
            应到名单取自议事机构在会议当日的在任成员 (R-DEC-11)。缺席成员请取消勾选并写明原因；出席人数须超过应到人数的一半方可讨论决定。
          </Typography.Paragraph>
          <Table<Member>
            rowKey="id"
            size="small"
            pagination={false}
            loading={roll.loading}
            dataSource={members}
            locale={{ emptyText: <EmptyState description={bodyId ? '该日没有在任成员' : '请先选择议事机构和会议日期'} /> }}
            columns={[
              {
                title: '成员',
                key: 'name',
                render: (_: unknown, m: Member) => (
                  <>
                    {m.user.displayName}
                    {m.user.id === headId ? <Tag style={{ marginLeft: 8 }} color="blue">主要负责人</Tag> : m.deputy ? <Tag style={{ marginLeft: 8 }}>副职</Tag> : null}
                  </>
                ),
              },
              { title: '职务', dataIndex: 'title', width: 180 },
              {
                title: '出席',
                key: 'present',
                width: 90,
                render: (_: unknown, m: Member) => (
                  <Checkbox
                    aria-label={`${m.user.displayName}出席`}
                    checked={absent[m.user.id] === undefined}
                    onChange={(e) =>
                      setAbsent((a) => {
                        const next = { ...a };
                        if (e.target.checked) delete next[m.user.id];
                        else next[m.user.id] = '';
                        return next;
                      })
                    }
                  />
                ),
              },
              {
                title: '缺席原因',
                key: 'reason',
                width: 300,
                render: (_: unknown, m: Member) =>
                  absent[m.user.id] === undefined ? (
                    '—'
                  ) : (
                    <Input
                      aria-label={`${m.user.displayName}缺席原因`}
                      value={absent[m.user.id]}
                      status={absent[m.user.id]!.trim() ? undefined : 'error'}
                      placeholder="必填，如：外出学习"
                      maxLength={500}
                      onChange={(e) => setAbsent((a) => ({ ...a, [m.user.id]: e.target.value }))}
                    />
                  ),
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }} data-testid="attendance">
            应到 {members.length} 人，出席 {members.filter((m) => absent[m.user.id] === undefined).length} 人
          </Typography.Paragraph>

          <Form.Item name="delegate" valuePropName="checked">
            <Checkbox>行政首长书面委托出席的副职主持会议</Checkbox>
          </Form.Item>
          {delegate && (
            <Space wrap size="large" align="start">
              <Form.Item name="deputyUserId" label="受委托主持的副职" rules={[{ required: true, message: '请选择副职' }]} style={{ width: 260 }}>
                <Select placeholder="选择出席的副职" options={deputies.map((m) => ({ value: m.user.id, label: m.user.displayName }))} />
              </Form.Item>
              <Form.Item name="note" label="委托情况" rules={[{ required: true, whitespace: true, min: 2, message: '请记录委托人、方式和事由' }]} style={{ width: 480 }}>
                <Input maxLength={1000} placeholder="如：主任出差，书面委托王副主任主持" />
              </Form.Item>
            </Space>
          )}
          <ApiErrorAlert error={created.error} title="会议未能召开" />
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              htmlType="submit"
              loading={created.loading}
            >
              召开会议并生成应到名单
            </Button>
            <Button onClick={() => navigate('/decision/meetings')}>返回会议列表</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
