import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import Form from 'antd/es/form';
import Radio from 'antd/es/radio';
import Switch from 'antd/es/switch';
import { useEffect } from 'react';
import { graphql } from '../../gql-shell';
import type { DeliveryMode } from '../../gql-shell/graphql';
import { ApiErrorAlert, Loading } from '../../shared';

const PrefsDoc = graphql(`
  query ConsoleNotificationPreferences {
    myNotificationPreferences {
      emailEnabled
      emailAddress
      webhookEnabled
      webhookUrl
      mode
      emailAvailable
      webhookAvailable
    }
  }
`);

const SaveDoc = graphql(`
  mutation ConsoleSaveNotificationPreferences($input: NotificationPreferencesInput!) {
    setMyNotificationPreferences(input: $input) {
      preferences {
        emailEnabled
        emailAddress
        webhookEnabled
        webhookUrl
        mode
        emailAvailable
        webhookAvailable
      }
    }
  }
`);

interface Values {
  emailEnabled: boolean;
  emailAddress: string;
  webhookEnabled: boolean;
  webhookUrl: string;
  mode: DeliveryMode;
}

/** My notification settings: the inbox always; e-mail and a webhook as I choose, each notice at once or a daily digest. */
export function NotificationSettings() {
  const { data, error, loading } = useQuery(PrefsDoc);
  const [save, saving] = useMutation(SaveDoc);
  const [form] = Form.useForm<Values>();
  const p = data?.myNotificationPreferences;
  useEffect(() => {
    if (p) form.setFieldsValue({ emailEnabled: p.emailEnabled, emailAddress: p.emailAddress ?? '', webhookEnabled: p.webhookEnabled, webhookUrl: p.webhookUrl ?? '', mode: p.mode });
  }, [p, form]);
  if (error) return <ApiErrorAlert error={error} />;
  if (loading && !p) return <Loading />;
  return (
    <Card title="通知设置">
      <Typography.Paragraph type="secondary">
        到期提醒和审查意见等通知总会出现在页面右上角的铃铛中；还可以通过电子邮件或 Webhook（办公消息机器人）接收，逐条即时发送或每日汇总一次。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(v) =>
          void save({
            variables: {
              input: { emailEnabled: v.emailEnabled, emailAddress: v.emailAddress || null, webhookEnabled: v.webhookEnabled, webhookUrl: v.webhookUrl || null, mode: v.mode },
            },
          })
        }
      >
        <Form.Item label="电子邮件通知" name="emailEnabled" valuePropName="checked" extra={p && !p.emailAvailable ? '系统尚未配置邮件服务器，暂不能选择' : undefined}>
          <Switch disabled={!p?.emailAvailable && !p?.emailEnabled} />
        </Form.Item>
        <Form.Item label="电子邮件地址" name="emailAddress">
          <Input type="email" autoComplete="email" maxLength={254} />
        </Form.Item>
        <Form.Item label="Webhook 通知" name="webhookEnabled" valuePropName="checked" extra={p && !p.webhookAvailable ? '系统尚未配置 Webhook 签名密钥，暂不能选择' : undefined}>
          <Switch disabled={!p?.webhookAvailable && !p?.webhookEnabled} />
        </Form.Item>
        <Form.Item label="Webhook 地址" name="webhookUrl" extra="接收带 X-Yunhu-Signature 签名的 JSON POST 请求">
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item label="发送方式" name="mode">
          <Radio.Group>
            <Radio value="IMMEDIATE">逐条即时发送</Radio>
            <Radio value="DAILY_DIGEST">每日汇总一次</Radio>
          </Radio.Group>
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          {saving.error && <ApiErrorAlert error={saving.error} />}
          {saving.data && !saving.error && <Alert type="success" showIcon message="通知设置已保存" />}
          <Button type="primary" htmlType="submit" loading={saving.loading}>
            保存设置
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
