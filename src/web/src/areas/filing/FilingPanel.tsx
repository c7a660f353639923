import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import Checkbox from 'antd/es/checkbox';
import { graphql } from '../../gql';
import type { FilingMaterialKind, FilingOutcomeKind } from '../../gql/graphql';
import { RuleLink, StateTag, formatDate } from '../../shared';
import type { FilingDoc } from './DocumentDetail';
import { LocalDateInput, ModalForm, useModals } from './forms';
import { FILING_STATUS, MATERIAL_KIND, OUTCOME_KIND } from './labels';

const FilingRecordDoc = graphql(`
  mutation FilingRecord($input: RecordFilingInput!) {
    recordFiling(input: $input) {
      document {
        id
        version
        availableActions {
          action
          label
          rule
          ruleTitle
        }
        filing {
          id
          version
          status
          authority
          filedOn
          materials
          deferredOn
          deferralReason
          correctedOn
          registeredOn
          reviewedOn
          correctionRequest
          correctionClosedOn
          availableActions {
            action
            label
            rule
            ruleTitle
          }
        }
      }
    }
  }
`);

const FilingOutcomeDoc = graphql(`
  mutation FilingOutcome($input: FilingOutcomeInput!) {
    recordFilingOutcome(input: $input) {
      document {
        id
        filing {
          id
          version
          status
          authority
          filedOn
          materials
          deferredOn
          deferralReason
          correctedOn
          registeredOn
          reviewedOn
          correctionRequest
          correctionClosedOn
          availableActions {
            action
            label
            rule
            ruleTitle
          }
        }
      }
    }
  }
`);

const ALL_KINDS = Object.keys(MATERIAL_KIND) as FilingMaterialKind[];
const kindOptions = ALL_KINDS.map((k) => ({
  value: k,
  label: MATERIAL_KIND[k],
}));

/**
 * The filing with the supervising body (R-ND-6, R-ND-7): the authority and the deadline, recording
 * the submission (date and materials sent), and the body's answers as the filing's workflow allows
 * them — registration, deferral for missing materials and their correction, the review's result and
 * the closing of a correction.
 */
export function FilingPanel({ d, onReload }: { d: FilingDoc; onReload: () => unknown }) {
  const modals = useModals<'file' | FilingOutcomeKind>();
  const [record] = useMutation(FilingRecordDoc);
  const [outcome] = useMutation(FilingOutcomeDoc);
  const f = d.filing;
  const canFile = d.availableActions.some((a) => a.action === 'RECORD_FILING') && !f;
  const outcomeKind = (['REGISTER', 'DEFER', 'CORRECT', 'REVIEW_NO_ISSUE', 'REQUIRE_CORRECTION', 'CLOSE_CORRECTION'] as FilingOutcomeKind[]).find((k) => modals.isOpen(k));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title="报备">
        <Descriptions column={{ xs: 1, xl: 2 }} size="small" bordered>
          <Descriptions.Item label="备案机关">
            {d.filingAuthority} <RuleLink id="R-ND-3" />
          </Descriptions.Item>
          <Descriptions.Item label="公布日期">{formatDate(d.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="报备期限">
            {d.filingDueOn ? (
              <span>
                {formatDate(d.filingDueOn)}（公布之日起 30 日内） <RuleLink id="R-ND-6" />
              </span>
            ) : d.confirmedVerdict === 'NOT_REQUIRED' ? (
              '经确认无需报备'
            ) : (
              '公布后计算'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="已准备的报备材料">
            {d.filingMaterials.length ? d.filingMaterials.map((m) => <Tag key={m.id}>{MATERIAL_KIND[m.kind]}</Tag>) : '无'}
          </Descriptions.Item>
        </Descriptions>
        {canFile ? (
          <Button type="primary" style={{ marginTop: 12 }} onClick={modals.show('file')} data-action="RECORD_FILING">
            登记报备
          </Button>
        ) : null}
        {!f && d.state === 'DRAFTING' ? <Alert type="info" showIcon style={{ marginTop: 12 }} title="文件公布后方可报备" /> : null}
      </Card>

      {f ? (
        <Card size="small" title="备案记录" extra={<StateTag state={f.status} labels={FILING_STATUS} />} data-testid="filing-record">
          <Descriptions column={{ xs: 1, xl: 2 }} size="small" bordered>
            <Descriptions.Item label="报送日期">{formatDate(f.filedOn)}</Descriptions.Item>
            <Descriptions.Item label="备案机关">{f.authority}</Descriptions.Item>
            <Descriptions.Item label="报送材料" span={2}>
              {f.materials.map((k) => (
                <Tag key={k}>{MATERIAL_KIND[k]}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="暂缓登记">{f.deferredOn ? `${formatDate(f.deferredOn)}：${f.deferralReason ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="补正日期">{formatDate(f.correctedOn)}</Descriptions.Item>
            <Descriptions.Item label="登记日期">{formatDate(f.registeredOn)}</Descriptions.Item>
            <Descriptions.Item label="审查日期">{formatDate(f.reviewedOn)}</Descriptions.Item>
            <Descriptions.Item label="纠正要求">{f.correctionRequest ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="纠正完毕">{formatDate(f.correctionClosedOn)}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }} aria-label="登记备案机关的处理结果">
            {f.availableActions.map((a) => (
              <Button key={a.action} onClick={modals.show(a.action as FilingOutcomeKind)} title={`${a.rule} ${a.ruleTitle}`} data-action={a.action}>
                {a.label}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}

      <ModalForm<{ filedOn: string; materials: FilingMaterialKind[] }>
        title="登记报备"
        open={modals.isOpen('file')}
        onClose={modals.close}
        initialValues={{ materials: d.filingMaterials.map((m) => m.kind) }}
        onSubmit={(v) =>
          record({
            variables: {
              input: {
                documentId: d.id,
                filedOn: v.filedOn,
                materials: v.materials,
              },
            },
          })
        }
      >
        <Form.Item name="filedOn" label="报送日期" rules={[{ required: true, message: '请选择报送日期' }]}>
          <LocalDateInput />
        </Form.Item>
        <Form.Item name="materials" label="报送材料" rules={[{ required: true, message: '请选择报送的材料' }]}>
          <Checkbox.Group options={kindOptions} />
        </Form.Item>
      </ModalForm>

      {f && outcomeKind ? (
        <ModalForm<{
          on: string;
          note?: string;
          materials?: FilingMaterialKind[];
        }>
          title={OUTCOME_KIND[outcomeKind]}
          open
          onClose={modals.close}
          versioned
          onReload={onReload}
          onSubmit={(v) =>
            outcome({
              variables: {
                input: {
                  documentId: d.id,
                  version: f.version,
                  outcome: outcomeKind,
                  on: v.on,
                  note: v.note?.trim() || null,
                  materials: outcomeKind === 'CORRECT' ? (v.materials ?? []) : null,
                },
              },
            })
          }
        >
          <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <LocalDateInput />
          </Form.Item>
          {outcomeKind === 'CORRECT' ? (
            <Form.Item name="materials" label="补正的材料" rules={[{ required: true, message: '请选择补正的材料' }]}>
              <Checkbox.Group options={kindOptions.filter((o) => !f.materials.includes(o.value))} />
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={outcomeKind === 'DEFER' ? '要求补正的内容' : outcomeKind === 'REQUIRE_CORRECTION' ? '纠正要求' : '备注'}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ModalForm>
      ) : null}
    </Space>
  );
}
