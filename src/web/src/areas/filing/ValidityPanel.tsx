import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import Radio from 'antd/es/radio';
import { graphql } from '../../gql';
import type { CleanupOutcome } from '../../gql/graphql';
import { RuleLink, formatDate } from '../../shared';
import { FilingCampaignChoicesDoc } from './campaigns';
import type { FilingDoc } from './DocumentDetail';
import { LocalDateInput, ModalForm, useModals } from './forms';
import { CLEANUP_OUTCOME } from './labels';

const FilingCleanupOutcomeDoc = graphql(`
  mutation FilingCleanupOutcome($input: CleanupOutcomeInput!) {
    recordCleanupOutcome(input: $input) {
      entry {
        id
        outcome
        reason
      }
      document {
        id
        version
        state
        endedOn
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

interface OutcomeValues {
  campaignId: string;
  outcome: CleanupOutcome;
  reason: string;
  on: string;
}

/**
 * Validity (R-ND-9): the period from the effective date, its maximum, whether it was defaulted,
 * expiry and the evaluation window; and the document's outcome in a clean-up campaign (R-ND-10).
 */
export function ValidityPanel({ d, onReload }: { d: FilingDoc; onReload: () => unknown }) {
  const modals = useModals<'cleanup'>();
  const can = (a: string) => d.availableActions.some((x) => x.action === a);
  const canClean = can('CLEANUP') || can('REPEAL');
  const campaigns = useQuery(FilingCampaignChoicesDoc, { skip: !canClean });
  const [recordOutcome] = useMutation(FilingCleanupOutcomeDoc);
  const outcomes = (['KEEP', 'AMEND', 'REPEAL'] as CleanupOutcome[]).filter((o) => (o === 'REPEAL' ? can('REPEAL') : can('CLEANUP')));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <span>
            有效期 <RuleLink id="R-ND-9" />
          </span>
        }
      >
        {d.expired ? <Alert type="error" showIcon title={`有效期已于 ${d.validUntil} 届满，文件自动失效`} style={{ marginBottom: 12 }} /> : null}
        {d.evaluationDue ? <Alert type="warning" showIcon title={`有效期至 ${d.validUntil}，已进入届满前评估期，应开展评估`} style={{ marginBottom: 12 }} /> : null}
        <Descriptions column={{ xs: 1, xl: 2 }} size="small" bordered>
          <Descriptions.Item label="施行日期">{formatDate(d.effectiveOn)}</Descriptions.Item>
          <Descriptions.Item label="有效期至">
            {formatDate(d.validUntil)}
            {d.validityDefaulted ? '（未写明有效期，按最长期限记录）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="最长有效期">{`${d.maxValidityYears} 年`}</Descriptions.Item>
          <Descriptions.Item label="未写明时的有效期至">{formatDate(d.defaultValidUntil)}</Descriptions.Item>
          <Descriptions.Item label="失效、废止或修改日期">{formatDate(d.endedOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={
          <span>
            清理 <RuleLink id="R-ND-10" />
          </span>
        }
      >
        {canClean ? (
          <Button type="primary" onClick={modals.show('cleanup')} data-action="CLEANUP">
            登记清理结果
          </Button>
        ) : (
          <span>{d.state === 'DRAFTING' ? '文件公布后纳入清理' : '当前无清理事项可办理'}</span>
        )}
      </Card>
      <ModalForm<OutcomeValues>
        title="登记清理结果"
        open={modals.isOpen('cleanup')}
        onClose={modals.close}
        onReload={onReload}
        onSubmit={(v) =>
          recordOutcome({
            variables: {
              input: {
                documentId: d.id,
                campaignId: v.campaignId,
                outcome: v.outcome,
                reason: v.reason.trim(),
                on: v.on,
              },
            },
          })
        }
      >
        <Form.Item name="campaignId" label="清理工作" rules={[{ required: true, message: '请选择清理工作' }]} extra="在「有效期与清理」页发起清理工作">
          <Select loading={campaigns.loading} options={(campaigns.data?.cleanupCampaigns.nodes ?? []).map((c) => ({ value: c.id, label: `${c.title}（${c.startedOn}）` }))} />
        </Form.Item>
        <Form.Item name="outcome" label="清理结论" rules={[{ required: true, message: '请选择清理结论' }]}>
          <Radio.Group
            options={outcomes.map((o) => ({
              value: o,
              label: CLEANUP_OUTCOME[o].label,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="on" label="结论日期" rules={[{ required: true, message: '请选择日期' }]}>
          <LocalDateInput />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
