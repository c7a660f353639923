import { Alert, App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import Divider from 'antd/es/divider';
import List from 'antd/es/list';
import { graphql } from '../../gql';
import { EmptyState, formatDateTime, MutationError } from '../../shared';
import { attempt, Section, useWorkspaceMutation } from './common';

const AddAlternativeDoc = graphql(`
  mutation DrafterAddAlternative($input: AddAlternativeInput!) {
    addAlternative(input: $input) {
      alternative {
        id
      }
    }
  }
`);

const RecordDisagreementDoc = graphql(`
  mutation DrafterRecordDisagreement($input: RecordDisagreementInput!) {
    recordDisagreement(input: $input) {
      disagreement {
        id
      }
    }
  }
`);

interface Alternative {
  id: string;
  title: string;
  description: string;
  createdAt: string;
}
interface Disagreement {
  id: string;
  departments: string;
  description: string;
  unresolved: boolean;
  createdAt: string;
}

/** Alternatives (备选方案: at least two where views differ widely) and unresolved disagreements between departments (R-DEC-2). */
export function AlternativesPanel({
  proposalId,
  viewsDifferWidely,
  alternatives,
  disagreements,
  canEdit,
  onReload,
}: {
  proposalId: string;
  viewsDifferWidely: boolean;
  alternatives: Alternative[];
  disagreements: Disagreement[];
  canEdit: boolean;
  onReload: () => unknown;
}) {
  const { message } = App.useApp();
  const [addAlternative, altState] = useWorkspaceMutation(AddAlternativeDoc);
  const [recordDisagreement, disState] = useWorkspaceMutation(RecordDisagreementDoc);
  const [altForm] = Form.useForm<{ title: string; description: string }>();
  const [disForm] = Form.useForm<{ departments: string; description: string }>();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Section id="alternatives" title={`备选方案（${alternatives.length}）`}>
        {viewsDifferWidely && alternatives.length < 2 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`意见分歧较大，须提出至少 2 个备选方案，现有 ${alternatives.length} 个（R-DEC-2）`} />
        )}
        <List
          aria-label="备选方案"
          dataSource={alternatives}
          locale={{ emptyText: <EmptyState description="尚无备选方案" /> }}
          renderItem={(a, i) => (
            <List.Item>
              <List.Item.Meta
                title={`方案${i + 1}：${a.title}`}
                description={
                  <>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{a.description}</Typography.Paragraph>
                    <Typography.Text type="secondary">{formatDateTime(a.createdAt)} 登记</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {canEdit && (
          <>
            <Divider />
            <Form name="alternative-form"
              form={altForm}
              layout="vertical"
              onFinish={async (v) => {
                const ok = await attempt(() => addAlternative({ variables: { input: { proposalId, ...v } } }));
                if (ok) {
                  message.success('已登记备选方案');
                  altForm.resetFields();
                }
              }}
            >
              <Form.Item name="title" label="备选方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="description" label="方案内容" rules={[{ required: true, whitespace: true, message: '请填写方案内容' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button htmlType="submit" loading={altState.loading}>
                登记备选方案
              </Button>
              <MutationError error={altState.error} onReload={onReload} />
            </Form>
          </>
        )}
      </Section>
      <Section id="disagreements" title={`部门分歧（${disagreements.length}）`}>
        <List
          aria-label="部门分歧"
          dataSource={disagreements}
          locale={{ emptyText: <EmptyState description="未登记部门分歧" /> }}
          renderItem={(d) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {d.departments}
                    {d.unresolved ? <Tag color="warning">尚未协调一致</Tag> : <Tag color="success">已协调</Tag>}
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{d.description}</Typography.Paragraph>
                    <Typography.Text type="secondary">{formatDateTime(d.createdAt)} 登记</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {canEdit && (
          <>
            <Divider />
            <Form name="disagreement-form"
              form={disForm}
              layout="vertical"
              onFinish={async (v) => {
                const ok = await attempt(() => recordDisagreement({ variables: { input: { proposalId, ...v } } }));
                if (ok) {
                  message.success('已登记部门分歧');
                  disForm.resetFields();
                }
              }}
            >
              <Form.Item name="departments" label="涉及部门" rules={[{ required: true, whitespace: true, message: '请填写涉及的部门' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="description" label="分歧事项及各方意见" rules={[{ required: true, whitespace: true, message: '请填写分歧事项及各方意见' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button htmlType="submit" loading={disState.loading}>
                登记部门分歧
              </Button>
              <MutationError error={disState.error} onReload={onReload} />
            </Form>
          </>
        )}
      </Section>
    </Space>
  );
}
