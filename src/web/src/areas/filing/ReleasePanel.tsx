import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import List from 'antd/es/list';
import { graphql } from '../../gql';
import type { FilingMaterialKind } from '../../gql/graphql';
import { ApiErrorAlert, MutationError, RuleLink, StateTag, formatDate } from '../../shared';
import type { FilingDoc } from './DocumentDetail';
import { LocalDateInput, ModalForm, useModals } from './forms';
import { GATE_STATUS, MATERIAL_KIND } from './labels';

const FilingReleaseGateDoc = graphql(`
  query FilingReleaseGate($documentId: ID!, $publishOn: LocalDate, $channel: String) {
    releaseGate(documentId: $documentId, publishOn: $publishOn, channel: $channel) {
      publishOn
      clear
      items {
        condition
        rule
        label
        status
        violations {
          rule
          code
          message
        }
      }
    }
  }
`);

const FilingRegisterNumberDoc = graphql(`
  mutation FilingRegisterNumber($input: DocumentVersionRef!) {
    registerNormativeDocument(input: $input) {
      document {
        id
        version
        registrationNumber
        registeredOn
        availableActions {
          action
          label
          rule
          ruleTitle
        }
      }
    }
  }
`);

const FilingReleaseFactsDoc = graphql(`
  mutation FilingReleaseFacts($input: ReleaseFactsInput!) {
    setReleaseFacts(input: $input) {
      document {
        id
        version
        publicCommentStartsOn
        publicCommentEndsOn
        effectiveOn
        validUntil
        defaultValidUntil
        urgentReason
      }
    }
  }
`);

const FilingPrepareMaterialDoc = graphql(`
  mutation FilingPrepareMaterial($input: FilingMaterialInput!) {
    prepareFilingMaterial(input: $input) {
      document {
        id
        filingMaterials {
          id
          kind
          contentHash
        }
      }
    }
  }
`);

const FilingReleaseDoc = graphql(`
  mutation FilingRelease($input: ReleaseInput!) {
    releaseNormativeDocument(input: $input) {
      document {
        id
        version
        state
        publishedOn
        publicationChannel
        validUntil
        validityDefaulted
        filingDueOn
        availableActions {
          action
          label
          rule
          ruleTitle
        }
      }
    }
  }
`);

interface FactsValues {
  publicCommentStartsOn?: string;
  publicCommentEndsOn?: string;
  effectiveOn?: string;
  validUntil?: string;
  urgentReason?: string;
}

/**
 * The release gate as a checklist (R-ND-4): each condition with its rule, met or not, and what keeps
 * it unmet, for a planned publication date and channel; the registration number (R-ND-5), the
 * release facts and filing materials the gate reads, and the release itself — held back while the
 * gate is not clear (the API refuses it, listing every rule).
 */
export function ReleasePanel({ d, onReload }: { d: FilingDoc; onReload: () => unknown }) {
  const drafting = d.state === 'DRAFTING';
  const [planned, setPlanned] = useState<{
    publishOn?: string;
    channel: string;
  }>({ channel: '' });
  const [form] = Form.useForm<{ publishOn?: string; channel: string }>();
  const gate = useQuery(FilingReleaseGateDoc, {
    variables: {
      documentId: d.id,
      publishOn: planned.publishOn ?? null,
      channel: planned.channel.trim() || null,
    },
    skip: !drafting,
    fetchPolicy: 'cache-and-network',
  });
  const modals = useModals<'facts' | 'material' | 'release'>();
  const [registerNumber, numbering] = useMutation(FilingRegisterNumberDoc);
  const [setFacts] = useMutation(FilingReleaseFactsDoc);
  const [prepare] = useMutation(FilingPrepareMaterialDoc);
  const [release] = useMutation(FilingReleaseDoc);
  const can = (a: string) => d.availableActions.some((x) => x.action === a);
  const recheck = async () => {
    await onReload();
    await gate.refetch();
  };

  if (!drafting) {
    return (
      <Card size="small" title="公布情况">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="统一登记编号">{d.registrationNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公布日期">{formatDate(d.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="发布渠道">{d.publicationChannel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{formatDate(d.effectiveOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  const g = gate.data?.releaseGate;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title="发布前检查清单">
        <Form
          form={form}
          name="releasePlan"
          layout="inline"
          initialValues={{ channel: '' }}
          onFinish={(v) => setPlanned({ publishOn: v.publishOn, channel: v.channel ?? '' })}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="publishOn" label="拟公布日期" extra={g && !planned.publishOn ? `默认今日 ${g.publishOn}` : undefined}>
            <LocalDateInput />
          </Form.Item>
          <Form.Item name="channel" label="拟发布渠道">
            <Input style={{ width: 240 }} placeholder="如：白云湖街政务网站" />
          </Form.Item>
          <Button htmlType="submit">检查</Button>
        </Form>
        <ApiErrorAlert error={gate.error} title="无法完成发布前检查" />
        {g ? (
          <>
            {g.clear ? (
              <Alert type="success" showIcon title={`发布前检查全部通过，可于 ${g.publishOn} 公布`} data-testid="gate-result" />
            ) : (
              <Alert type="warning" showIcon title={`暂缓公布：尚有 ${g.items.filter((i) => i.status === 'NOT_MET').length} 项条件未满足`} data-testid="gate-result" />
            )}
            <section aria-label="发布前检查条件" data-testid="release-gate">
              <List
                size="small"
                dataSource={g.items}
                renderItem={(i) => (
                  <List.Item data-condition={i.condition} data-status={i.status}>
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap>
                        <StateTag state={i.status} labels={GATE_STATUS} />
                        <span>{i.label}</span>
                        <RuleLink id={i.rule} />
                      </Space>
                      {i.violations.map((v, k) => (
                        <Typography.Text key={k} type="danger" style={{ paddingLeft: 8 }}>
                          {v.message}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            </section>
          </>
        ) : null}
      </Card>

      <Card size="small" title="编号、发布要件与报备材料">
        <Descriptions column={{ xs: 1, xl: 2 }} size="small" bordered>
          <Descriptions.Item label="统一登记编号">{d.registrationNumber ? `${d.registrationNumber}（${formatDate(d.registeredOn)}）` : '未编号'}</Descriptions.Item>
          <Descriptions.Item label="征求意见">{d.publicCommentStartsOn ? `${formatDate(d.publicCommentStartsOn)} 至 ${formatDate(d.publicCommentEndsOn)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{formatDate(d.effectiveOn)}</Descriptions.Item>
          <Descriptions.Item label="有效期至">
            {d.validUntil ? formatDate(d.validUntil) : d.defaultValidUntil ? `未写明，公布时按最长期限记至 ${d.defaultValidUntil}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="紧急施行理由">{d.urgentReason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="已准备的报备材料">
            {d.filingMaterials.length ? d.filingMaterials.map((m) => <Tag key={m.id}>{MATERIAL_KIND[m.kind]}</Tag>) : '无'}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }} aria-label="可办理的操作">
          {can('REGISTER_NUMBER') && !d.registrationNumber ? (
            <Button
              type="primary"
              loading={numbering.loading}
              onClick={() =>
                void registerNumber({
                  variables: {
                    input: { documentId: d.id, version: d.version },
                  },
                }).then(
                  () => gate.refetch(),
                  () => undefined,
                )
              }
            >
              统一登记编号
            </Button>
          ) : null}
          {can('SET_RELEASE_FACTS') ? <Button onClick={modals.show('facts')}>登记发布要件</Button> : null}
          {can('PREPARE_FILING_MATERIAL') ? <Button onClick={modals.show('material')}>准备报备材料</Button> : null}
          {can('RELEASE') ? (
            <Button type="primary" danger={!!g && !g.clear} onClick={modals.show('release')}>
              公布
            </Button>
          ) : null}
        </Space>
        <div style={{ marginTop: 12 }}>
          <MutationError error={numbering.error} onReload={recheck} />
        </div>
      </Card>

      <ModalForm<FactsValues>
        title="登记发布要件"
        open={modals.isOpen('facts')}
        onClose={modals.close}
        versioned
        onReload={recheck}
        initialValues={{
          publicCommentStartsOn: d.publicCommentStartsOn ?? undefined,
          publicCommentEndsOn: d.publicCommentEndsOn ?? undefined,
          effectiveOn: d.effectiveOn ?? undefined,
          validUntil: d.validUntil ?? undefined,
          urgentReason: d.urgentReason ?? undefined,
        }}
        onSubmit={async (v) => {
          await setFacts({
            variables: {
              input: {
                documentId: d.id,
                version: d.version,
                publicCommentStartsOn: v.publicCommentStartsOn ?? null,
                publicCommentEndsOn: v.publicCommentEndsOn ?? null,
                effectiveOn: v.effectiveOn ?? null,
                validUntil: v.validUntil ?? null,
                urgentReason: v.urgentReason?.trim() || null,
              },
            },
          });
          await gate.refetch();
        }}
      >
        <Form.Item name="publicCommentStartsOn" label="征求意见开始日期">
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="publicCommentEndsOn" label="征求意见截止日期">
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="effectiveOn" label="施行日期">
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" extra={`最长 ${d.maxValidityYears} 年；不写明的，公布时按最长期限记录`}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="urgentReason" label="紧急施行理由" extra="自公布之日起不足 30 日施行的，须说明理由">
          <Input.TextArea rows={2} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ kind: FilingMaterialKind; text: string }>
        title="准备报备材料"
        open={modals.isOpen('material')}
        onClose={modals.close}
        onSubmit={async (v) => {
          await prepare({
            variables: {
              input: { documentId: d.id, kind: v.kind, text: v.text },
            },
          });
          await gate.refetch();
        }}
      >
        <Form.Item name="kind" label="材料类别" rules={[{ required: true, message: '请选择材料类别' }]}>
          <Select options={(Object.keys(MATERIAL_KIND) as FilingMaterialKind[]).map((k) => ({ value: k, label: MATERIAL_KIND[k] }))} />
        </Form.Item>
        <Form.Item name="text" label="材料内容" rules={[{ required: true, whitespace: true, message: '请填写材料内容' }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </ModalForm>

      <ModalForm<{ publishedOn: string; channel: string }>
        title="公布规范性文件"
        okText="确认公布"
        open={modals.isOpen('release')}
        onClose={modals.close}
        versioned
        onReload={recheck}
        initialValues={{
          publishedOn: planned.publishOn ?? g?.publishOn,
          channel: planned.channel || undefined,
        }}
        onSubmit={(v) =>
          release({
            variables: {
              input: {
                documentId: d.id,
                version: d.version,
                publishedOn: v.publishedOn,
                channel: v.channel.trim(),
              },
            },
          })
        }
      >
        {g && !g.clear ? <Alert type="warning" showIcon title="发布前检查尚未通过：公布将被拒绝，并列出所依据的规则" style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="publishedOn" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="channel" label="发布渠道" rules={[{ required: true, whitespace: true, message: '请填写发布渠道' }]}>
          <Input />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
