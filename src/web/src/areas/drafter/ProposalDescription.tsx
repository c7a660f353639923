import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import { graphql } from '../../gql';
import type { DrafterProposalQuery } from '../../gql/graphql';
import { MutationError } from '../../shared';
import { attempt, Section, useWorkspaceMutation } from './common';

const UpdateProposalDoc = graphql(`
  mutation DrafterUpdateProposal($input: UpdateProposalInput!) {
    updateProposal(input: $input) {
      proposal {
        id
        version
        title
      }
    }
  }
`);

type P = DrafterProposalQuery['proposal'];

/** The flags that derive the required procedures (R-DEC-3), in the words of the rule book. */
export const FLAG_LABELS: { name: 'affectsPublicInterest' | 'specialised' | 'stabilityRisk' | 'touchesMarketEntities' | 'viewsDifferWidely'; label: string; consequence: string }[] = [
  { name: 'affectsPublicInterest', label: '涉及社会公众切身利益', consequence: '须公开征求意见' },
  { name: 'specialised', label: '专业性、技术性较强', consequence: '须组织专家论证' },
  { name: 'stabilityRisk', label: '可能影响社会稳定、公共安全', consequence: '须开展风险评估' },
  { name: 'touchesMarketEntities', label: '涉及市场主体经济活动', consequence: '须进行公平竞争审查' },
  { name: 'viewsDifferWidely', label: '存在较大意见分歧', consequence: '须提出至少 2 个备选方案' },
];

/** The proposal's description (R-DEC-1) and its flags, editable while the API allows it (the version read is sent). */
export function ProposalDescription({ p, editable, onReload }: { p: P; editable: boolean; onReload: () => unknown }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [update, { loading, error }] = useWorkspaceMutation(UpdateProposalDoc);
  if (!editing) {
    return (
      <Section
        id="overview"
        title="建议内容"
        extra={
          editable ? (
            <Button size="small" onClick={() => setEditing(true)}>
              修改建议内容
            </Button>
          ) : null
        }
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="拟解决的问题">{p.problem}</Descriptions.Item>
          <Descriptions.Item label="法律依据">{p.legalBasis}</Descriptions.Item>
          <Descriptions.Item label="初步方案">{p.preliminaryPlan}</Descriptions.Item>
          <Descriptions.Item label="必要性">{p.necessity}</Descriptions.Item>
          <Descriptions.Item label="可行性">{p.feasibility}</Descriptions.Item>
          <Descriptions.Item label="决策事项特点">
            <Space wrap>
              {FLAG_LABELS.filter((f) => p[f.name]).map((f) => (
                <Tag key={f.name} color="blue">
                  {f.label}（{f.consequence}）
                </Tag>
              ))}
              {FLAG_LABELS.every((f) => !p[f.name]) && <Typography.Text type="secondary">无须履行专门程序</Typography.Text>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Section>
    );
  }
  return (
    <Section id="overview" title="修改建议内容">
      <Form name="proposal-edit-form"
        layout="vertical"
        initialValues={{ ...p, flags: FLAG_LABELS.filter((f) => p[f.name]).map((f) => f.name) }}
        onFinish={async (v: { title: string; problem: string; legalBasis: string; preliminaryPlan: string; necessity: string; feasibility: string; flags: string[] }) => {
          const ok = await attempt(() =>
            update({
              variables: {
                input: {
                  proposalId: p.id,
                  version: p.version,
                  title: v.title,
                  problem: v.problem,
                  legalBasis: v.legalBasis,
                  preliminaryPlan: v.preliminaryPlan,
                  necessity: v.necessity,
                  feasibility: v.feasibility,
                  flags: {
                    affectsPublicInterest: v.flags.includes('affectsPublicInterest'),
                    specialised: v.flags.includes('specialised'),
                    stabilityRisk: v.flags.includes('stabilityRisk'),
                    touchesMarketEntities: v.flags.includes('touchesMarketEntities'),
                    viewsDifferWidely: v.flags.includes('viewsDifferWidely'),
                  },
                },
              },
            }),
          );
          if (ok) {
            message.success('已保存建议内容');
            setEditing(false);
          }
        }}
      >
        <ProposalFields />
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
    </Section>
  );
}

/** The fields of a proposal's description and flags (R-DEC-1, R-DEC-3), shared by the create and edit forms. */
export function ProposalFields() {
  return (
    <>
      <Form.Item name="title" label="决策事项名称" rules={[{ required: true, whitespace: true, message: '请填写决策事项名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="problem" label="拟解决的问题" rules={[{ required: true, whitespace: true, message: '请填写拟解决的问题' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, whitespace: true, message: '请填写法律依据' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="preliminaryPlan" label="初步方案" rules={[{ required: true, whitespace: true, message: '请填写初步方案' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="necessity" label="必要性" rules={[{ required: true, whitespace: true, message: '请说明必要性' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="feasibility" label="可行性" rules={[{ required: true, whitespace: true, message: '请说明可行性' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="flags" label="决策事项特点（决定须履行的法定程序，纳入目录后不能取消）">
        <Checkbox.Group>
          <Space direction="vertical">
            {FLAG_LABELS.map((f) => (
              <Checkbox key={f.name} value={f.name}>
                {f.label}：{f.consequence}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
