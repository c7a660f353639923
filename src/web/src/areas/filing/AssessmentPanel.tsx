import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import List from 'antd/es/list';
import Radio from 'antd/es/radio';
import { graphql } from '../../gql';
import type { ExcludedDocumentType, FilingVerdict } from '../../gql/graphql';
import { ApiErrorAlert, RuleLink, StateTag } from '../../shared';
import { ModalForm, useModals } from './forms';
import { ELEMENTS, EXCLUDED_TYPE, VERDICT, type ElementKey } from './labels';
import { MarkedText, markRanges, readRedFlags } from './marks';
import type { FilingDoc } from './DocumentDetail';

const FilingAssessDoc = graphql(`
  mutation FilingAssess($input: AssessInput!) {
    assessFilingObligation(input: $input) {
      document {
        id
        version
        assessedVerdict
        confirmedVerdict
        assessmentAnswers
        assessmentReasons
        redFlags
        overrideReason
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

const FilingConfirmDoc = graphql(`
  mutation FilingConfirm($input: ConfirmAssessmentInput!) {
    confirmFilingAssessment(input: $input) {
      document {
        id
        version
        confirmedVerdict
        overrideReason
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

type Answer = 'YES' | 'NO' | 'UNKNOWN';
type AssessValues = Record<ElementKey, Answer> & {
  excludedType?: ExcludedDocumentType;
};
interface ConfirmValues {
  verdict: Exclude<FilingVerdict, 'NEEDS_CONFIRMATION'>;
  reason?: string;
}

const toAnswer = (v: unknown): Answer => (v === true ? 'YES' : v === false ? 'NO' : 'UNKNOWN');
const fromAnswer = (a: Answer | undefined) => (a === 'YES' ? true : a === 'NO' ? false : null);

/** The assessment's reasons (JSON: [{ rule, message }]). */
function readReasons(json: unknown): { rule: string; message: string }[] {
  return Array.isArray(json) ? json.filter((r) => r && typeof r.rule === 'string' && typeof r.message === 'string') : [];
}

/**
 * The filing-obligation assessment (R-ND-1, R-ND-2) as a checklist: the four elements of a normative
 * document and the excluded types answered by the filing officer; the system's verdict with its
 * reasons; the red flags it found, marked in the title and text; and the officer's confirmation or
 * override (with a reason) of the verdict.
 */
export function AssessmentPanel({ d, onReload }: { d: FilingDoc; onReload: () => unknown }) {
  const modals = useModals<'confirm'>();
  const [form] = Form.useForm<AssessValues>();
  const [assess, assessing] = useMutation(FilingAssessDoc);
  const [confirm] = useMutation(FilingConfirmDoc);
  const can = (a: string) => d.availableActions.some((x) => x.action === a);
  const answers = (d.assessmentAnswers ?? {}) as Record<string, unknown>;
  const flags = readRedFlags(d.redFlags);
  const text = d.currentVersion?.text ?? '';
  const textFlags = flags.filter((f) => f.where === 'TEXT');
  const titleFlags = flags.filter((f) => f.where === 'TITLE');
  const missing = markRanges(text, textFlags).missing;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="报备判定清单" size="small">
        <Form<AssessValues>
          form={form}
          name="assessment"
          layout="horizontal"
          labelCol={{ flex: '320px' }}
          labelWrap
          disabled={!can('ASSESS')}
          initialValues={{
            ...Object.fromEntries(ELEMENTS.map((e) => [e.key, toAnswer(answers[e.key])])),
            excludedType: (answers.excludedType as ExcludedDocumentType | null) ?? undefined,
          }}
          onFinish={(v) =>
            void assess({
              variables: {
                input: {
                  documentId: d.id,
                  answers: {
                    ...Object.fromEntries(ELEMENTS.map((e) => [e.key, fromAnswer(v[e.key])])),
                    excludedType: v.excludedType ?? null,
                  },
                },
              },
            }).catch(() => undefined)
          }
        >
          {ELEMENTS.map((e) => (
            <Form.Item key={e.key} name={e.key} label={e.label} style={{ marginBottom: 8 }}>
              <Radio.Group
                aria-label={e.label}
                options={[
                  { value: 'YES', label: '是' },
                  { value: 'NO', label: '否' },
                  { value: 'UNKNOWN', label: '尚未判断' },
                ]}
              />
            </Form.Item>
          ))}
          <Form.Item name="excludedType" label="属于排除类型（按实质内容）" style={{ marginBottom: 8 }}>
            <Select
              allowClear
              placeholder="不属于排除类型"
              style={{ maxWidth: 360 }}
              options={(Object.keys(EXCLUDED_TYPE) as ExcludedDocumentType[]).map((k) => ({ value: k, label: EXCLUDED_TYPE[k] }))}
            />
          </Form.Item>
          {can('ASSESS') ? (
            <Button type="primary" htmlType="submit" loading={assessing.loading}>
              {d.assessedVerdict ? '重新判定' : '判定'}
            </Button>
          ) : null}
        </Form>
        {/* the API's refusal, every violation with its rule */}
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={assessing.error} title="判定未完成" />
        </div>
      </Card>

      {d.assessedVerdict ? (
        <Card title="系统判定" size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="系统判定">
              <StateTag state={d.assessedVerdict} labels={VERDICT} />
            </Descriptions.Item>
            <Descriptions.Item label="备案员确认">
              {d.confirmedVerdict ? <StateTag state={d.confirmedVerdict} labels={VERDICT} /> : '尚未确认'}
              {d.overrideReason ? <div>改判理由：{d.overrideReason}</div> : null}
            </Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header="判定理由"
            aria-label="判定理由"
            dataSource={readReasons(d.assessmentReasons)}
            renderItem={(r) => (
              <List.Item>
                <span>
                  <RuleLink id={r.rule} /> {r.message}
                </span>
              </List.Item>
            )}
          />
          {can('CONFIRM_ASSESSMENT') ? (
            <Button type="primary" onClick={modals.show('confirm')} data-action="CONFIRM_ASSESSMENT">
              确认报备判定
            </Button>
          ) : null}
        </Card>
      ) : (
        <Alert type="info" showIcon title="尚未判定：回答清单后，系统扫描标题和正文的提示性特征并给出判定（R-ND-2）" />
      )}

      {d.assessedVerdict ? (
        <Card title={`提示性特征（${flags.length} 处）`} size="small" data-testid="red-flags">
          {flags.length === 0 ? (
            <Typography.Text type="secondary">标题和正文中没有发现提示性特征</Typography.Text>
          ) : (
            <>
              <Typography.Paragraph>
                <Typography.Text strong>标题：</Typography.Text>
                <MarkedText text={d.title} flags={titleFlags} />
              </Typography.Paragraph>
              <div
                aria-label="正文（提示性特征已标出）"
                style={{
                  whiteSpace: 'pre-wrap',
                  lineHeight: 1.9,
                  border: '1px solid #f0f0f0',
                  padding: 12,
                  maxHeight: 420,
                  overflow: 'auto',
                }}
              >
                <MarkedText text={text} flags={textFlags} />
              </div>
              <List
                size="small"
                header="摘录"
                dataSource={flags}
                renderItem={(f) => (
                  <List.Item>
                    <span>
                      {f.where === 'TITLE' ? '标题' : '正文'}含「{f.term}」：
                      {f.excerpt}
                      {missing.includes(f) ? <Typography.Text type="warning">（现行文本中已找不到）</Typography.Text> : null}
                    </span>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      ) : null}

      <ModalForm<ConfirmValues>
        title="确认报备判定"
        open={modals.isOpen('confirm')}
        onClose={modals.close}
        versioned
        onReload={onReload}
        initialValues={{
          verdict: d.assessedVerdict === 'NOT_REQUIRED' ? 'NOT_REQUIRED' : 'FILING_REQUIRED',
        }}
        onSubmit={(v) =>
          confirm({
            variables: {
              input: {
                documentId: d.id,
                version: d.version,
                verdict: v.verdict,
                reason: v.reason?.trim() || null,
              },
            },
          })
        }
      >
        <Form.Item name="verdict" label="确认结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              {
                value: 'FILING_REQUIRED',
                label: VERDICT.FILING_REQUIRED.label,
              },
              { value: 'NOT_REQUIRED', label: VERDICT.NOT_REQUIRED.label },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" extra="与系统判定不一致的，须说明理由（R-ND-2）">
          <Input.TextArea rows={3} />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}
