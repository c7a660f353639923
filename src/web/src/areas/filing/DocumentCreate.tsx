import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, Space } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Radio from 'antd/es/radio';
import { graphql } from '../../gql';
import type { Issuer } from '../../gql/graphql';
import { ApiErrorAlert } from '../../shared';
import { ISSUER } from './labels';

const FilingCreateDocumentDoc = graphql(`
  mutation FilingCreateDocument($input: CreateNormativeInput!) {
    createNormativeDocument(input: $input) {
      document {
        id
      }
    }
  }
`);

interface Values {
  title: string;
  issuer: Issuer;
  jointIssuers?: string;
  affectsBusinessesOrPublic: boolean;
  market: 'SUGGESTED' | 'YES' | 'NO';
  touchesMarketEntitiesReason?: string;
  text: string;
}

/**
 * Registering a document in the register (登记文件): its title, issuer (which decides the filing
 * authority and the number sequence, R-ND-3, R-ND-5), the flags the release gate reads, and its text.
 */
export function DocumentCreate() {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const market = Form.useWatch('market', form);
  const [create, { loading }] = useMutation(FilingCreateDocumentDoc);
  const [error, setError] = useState<unknown>();

  const submit = async (v: Values) => {
    setError(undefined);
    try {
      const res = await create({
        variables: {
          input: {
            title: v.title.trim(),
            issuer: v.issuer,
            jointIssuers: v.jointIssuers?.trim() || null,
            affectsBusinessesOrPublic: !!v.affectsBusinessesOrPublic,
            touchesMarketEntities: v.market === 'SUGGESTED' ? null : v.market === 'YES',
            touchesMarketEntitiesReason: v.touchesMarketEntitiesReason?.trim() || null,
            text: v.text,
          },
        },
      });
      navigate(`/filing/documents/${res.data!.createNormativeDocument.document.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card title="登记规范性文件">
      <Form<Values>
        form={form}
        name="createDocument"
        layout="vertical"
        style={{ maxWidth: 880 }}
        initialValues={{
          issuer: 'STREET_OFFICE',
          affectsBusinessesOrPublic: false,
          market: 'SUGGESTED',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label="文件名称" rules={[{ required: true, whitespace: true, message: '请填写文件名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuer" label="发文机关" rules={[{ required: true }]} extra="决定备案机关和统一编号的序列">
          <Radio.Group
            options={(Object.keys(ISSUER) as Issuer[]).map((k) => ({
              value: k,
              label: ISSUER[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="jointIssuers" label="联合发文机关" extra="联合发文的，由牵头机关报备">
          <Input />
        </Form.Item>
        <Form.Item name="affectsBusinessesOrPublic" valuePropName="checked" label="权利义务">
          <Checkbox>涉及市场主体或公众的权利义务（须公开征求意见不少于 30 日）</Checkbox>
        </Form.Item>
        <Form.Item name="market" label="是否涉及市场主体经济活动" extra="与系统根据标题和正文给出的提示不一致时须说明理由">
          <Radio.Group
            options={[
              { value: 'SUGGESTED', label: '按系统提示' },
              { value: 'YES', label: '涉及（须公平竞争审查）' },
              { value: 'NO', label: '不涉及' },
            ]}
          />
        </Form.Item>
        {market !== 'SUGGESTED' ? (
          <Form.Item name="touchesMarketEntitiesReason" label="标记理由">
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
        <Form.Item name="text" label="文件正文" rules={[{ required: true, whitespace: true, message: '请填写文件正文' }]}>
          <Input.TextArea rows={12} />
        </Form.Item>
        <ApiErrorAlert error={error} />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={loading}>
            登记
          </Button>
          <Button onClick={() => navigate('/filing/documents')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
