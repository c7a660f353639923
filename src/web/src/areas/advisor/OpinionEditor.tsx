import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import Checkbox from 'antd/es/checkbox';
import Col from 'antd/es/col';
import Divider from 'antd/es/divider';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Row from 'antd/es/row';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  AdvisorOpinionFragment,
  AdvisorReviewQuery,
  AspectConclusion,
  ChecklistAnswer,
  ChecklistItem,
  FindingAspect,
  OpinionConclusion,
  SaveOpinionInput,
} from '../../gql/graphql';
import { MutationError } from '../../shared';
import { AdvisorIssueOpinionDoc, AdvisorSaveOpinionDoc } from './documents';
import { ASPECT, ASPECT_CONCLUSION, CHECKLIST_ANSWER, CONCLUSION, CONCLUSIONS_OF, optionsOf } from './labels';

type Review = AdvisorReviewQuery['review'];

interface FindingValues {
  aspect?: FindingAspect;
  mustFix?: boolean;
  text?: string;
  lawName?: string;
  article?: string;
}
interface AspectValues {
  aspect: FindingAspect;
  conclusion?: AspectConclusion;
  note?: string;
  checklist?: { item: ChecklistItem; answer?: ChecklistAnswer; lawName?: string; article?: string }[];
}
interface Values {
  conclusion?: OpinionConclusion;
  text?: string;
  aspects: AspectValues[];
  findings: FindingValues[];
}

/** The form's starting point: the saved draft, or one row per aspect the subject type requires. */
function initialValues(review: Review, draft: AdvisorOpinionFragment | undefined): Values {
  return {
    conclusion: draft?.conclusion,
    text: draft?.text,
    aspects: review.requiredAspects.map((req) => {
      const saved = draft?.aspects.find((a) => a.aspect === req.aspect);
      return {
        aspect: req.aspect,
        conclusion: saved?.conclusion,
        note: saved?.note ?? undefined,
        checklist: req.checklist.map((q) => {
          const s = saved?.checklist.find((c) => c.item === q.item);
          return { item: q.item, answer: s?.answer, lawName: s?.lawName ?? undefined, article: s?.article ?? undefined };
        }),
      };
    }),
    findings: draft?.findings.map((f) => ({ aspect: f.aspect, mustFix: f.mustFix, text: f.text, lawName: f.lawName, article: f.article })) ?? [],
  };
}

/** What saveOpinionDraft takes: every aspect the advisor concluded on, every finding as typed. */
function toInput(review: Review, draft: AdvisorOpinionFragment | undefined, v: Values): SaveOpinionInput {
  return {
    reviewId: review.id,
    opinionId: draft?.id ?? null,
    opinionVersion: draft?.version ?? null,
    conclusion: v.conclusion!,
    text: v.text ?? '',
    // The form holds one row per required aspect, in their order; the aspect itself is not a field.
    aspects: v.aspects
      .map((a, i) => ({ ...a, aspect: review.requiredAspects[i]!.aspect }))
      .filter((a) => a.conclusion)
      .map((a) => ({
        aspect: a.aspect,
        conclusion: a.conclusion!,
        note: a.note?.trim() || null,
        checklist: (a.checklist ?? [])
          .map((c, j) => ({ ...c, item: review.requiredAspects.find((r) => r.aspect === a.aspect)!.checklist[j]!.item }))
          .filter((c) => c.answer)
          .map((c) => ({ item: c.item, answer: c.answer!, lawName: c.lawName?.trim() || null, article: c.article?.trim() || null })),
      })),
    findings: v.findings.map((f) => ({
      aspect: f.aspect!,
      mustFix: !!f.mustFix,
      text: f.text?.trim() ?? '',
      lawName: f.lawName?.trim() ?? '',
      article: f.article?.trim() ?? '',
    })),
  };
}

/**
 * The opinion editor (R-LR-4, R-LR-5): overall conclusion, a conclusion per required aspect (with its
 * checklist where the subject type has one), findings with aspect, must-fix flag, law and article,
 * and the full text. Saving keeps a draft (its version sent back each time); issuing signs the saved
 * draft after a confirmation that shows exactly what will be signed and which text it covers.
 */
export function OpinionEditor({ review, draft, onDone, correction }: { review: Review; draft: AdvisorOpinionFragment | undefined; onDone: () => unknown; correction: boolean }) {
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [save, saveState] = useMutation(AdvisorSaveOpinionDoc);
  const [issue, issueState] = useMutation(AdvisorIssueOpinionDoc);
  const initial = useMemo(() => initialValues(review, draft), [review, draft]);
  const aspectOptions = review.requiredAspects.map((a) => ({ value: a.aspect, label: a.label }));
  const aspectLabel = (a: FindingAspect) => review.requiredAspects.find((r) => r.aspect === a)?.label ?? ASPECT[a];
  const reload = async () => {
    saveState.reset();
    issueState.reset();
    await onDone();
    form.resetFields();
    setDirty(false);
  };

  return (
    <Card
      title={correction ? '更正意见（将取代现行有效的法律意见）' : '法律意见书'}
      extra={draft ? <Tag>草稿 · 第 {draft.version} 次保存</Tag> : <Tag>尚未保存</Tag>}
      data-testid="opinion-editor"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        key={`${draft?.id ?? 'new'}-${draft?.version ?? 0}`}
        onValuesChange={() => setDirty(true)}
        onFinish={async (v) => {
          await save({ variables: { input: toInput(review, draft, v) } })
            .then(async () => {
              setDirty(false);
              await onDone();
            })
            .catch(() => undefined);
        }}
      >
        <Form.Item name="conclusion" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
          <Radio.Group aria-label="审查结论" optionType="button" buttonStyle="solid" options={optionsOf(CONCLUSION, CONCLUSIONS_OF[review.subjectType])} />
        </Form.Item>

        <Divider titlePlacement="start">分项审查结论</Divider>
        <Form.List name="aspects">
          {(fields) =>
            fields.map((f, i) => {
              const req = review.requiredAspects[i]!;
              return (
                <div key={f.key} data-aspect={req.aspect} style={{ marginBottom: 8 }}>
                  <Row gutter={16}>
                    <Col xs={24} xl={10}>
                      <Form.Item name={[f.name, 'conclusion']} label={`${req.label}：结论`}>
                        <Radio.Group aria-label={`${req.label}：结论`} options={optionsOf(ASPECT_CONCLUSION)} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} xl={14}>
                      <Form.Item name={[f.name, 'note']} label={`${req.label}：说明`}>
                        <Input maxLength={2000} />
                      </Form.Item>
                    </Col>
                  </Row>
                  {req.checklist.length > 0 && (
                    <Form.List name={[f.name, 'checklist']}>
                      {(items) => (
                        <List
                          size="small"
                          bordered
                          header={`${req.label}审查清单（${req.checklist[0]!.rule}）：逐项回答`}
                          dataSource={items}
                          renderItem={(it, j) => {
                            const q = req.checklist[j]!;
                            return (
                              <List.Item>
                                <Row gutter={8} style={{ width: '100%' }}>
                                  <Col xs={24} xl={12}>
                                    <Form.Item name={[it.name, 'answer']} label={`是否${q.label}`} style={{ marginBottom: 0 }}>
                                      <Radio.Group aria-label={`是否${q.label}`} options={optionsOf(CHECKLIST_ANSWER)} />
                                    </Form.Item>
                                  </Col>
                                  <Col xs={12} xl={6}>
                                    <Form.Item name={[it.name, 'lawName']} label={`${q.label}：法律、法规名称`} style={{ marginBottom: 0 }}>
                                      <Input maxLength={200} />
                                    </Form.Item>
                                  </Col>
                                  <Col xs={12} xl={6}>
                                    <Form.Item name={[it.name, 'article']} label={`${q.label}：条款`} style={{ marginBottom: 0 }}>
                                      <Input maxLength={100} />
                                    </Form.Item>
                                  </Col>
                                </Row>
                              </List.Item>
                            );
                          }}
                        />
                      )}
                    </Form.List>
                  )}
                </div>
              );
            })
          }
        </Form.List>

        <Divider titlePlacement="start">审查意见</Divider>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  type="inner"
                  title={`第 ${i + 1} 条意见`}
                  style={{ marginBottom: 12 }}
                  data-finding={i + 1}
                  extra={<Button type="text" danger aria-label={`删除第 ${i + 1} 条意见`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                >
                  <Row gutter={16}>
                    <Col xs={24} xl={16}>
                      <Form.Item name={[f.name, 'aspect']} label={`第 ${i + 1} 条：审查方面`} rules={[{ required: true, message: '请选择审查方面' }]}>
                        <Radio.Group aria-label={`第 ${i + 1} 条：审查方面`} options={aspectOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} xl={8}>
                      <Form.Item name={[f.name, 'mustFix']} label={`第 ${i + 1} 条：是否必须修改`} valuePropName="checked">
                        <Checkbox>必须修改</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[f.name, 'text']} label={`第 ${i + 1} 条：意见内容`} rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
                    <Input.TextArea rows={2} maxLength={5000} />
                  </Form.Item>
                  <Row gutter={16}>
                    <Col xs={24} xl={14}>
                      <Form.Item name={[f.name, 'lawName']} label={`第 ${i + 1} 条：法律依据名称`}>
                        <Input maxLength={200} placeholder="如《中华人民共和国行政许可法》" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} xl={10}>
                      <Form.Item name={[f.name, 'article']} label={`第 ${i + 1} 条：条款`}>
                        <Input maxLength={100} placeholder="如第十五条" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mustFix: false })}>
                增加审查意见
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">意见正文</Divider>
        <Form.Item name="text" label="法律意见书正文" rules={[{ required: true, whitespace: true, message: '请填写法律意见书正文' }]}>
          <Input.TextArea rows={8} maxLength={50000} showCount />
        </Form.Item>

        <MutationError error={saveState.error ?? issueState.error} onReload={reload} />
        <Space wrap style={{ marginTop: 12 }}>
          <Button htmlType="submit" loading={saveState.loading}>
            保存草稿
          </Button>
          <Button type="primary" disabled={!draft || dirty} onClick={() => setConfirming(true)} data-action="ISSUE_OPINION">
            签发法律意见
          </Button>
          {dirty && <Typography.Text type="warning">有未保存的修改：请先保存草稿，签发的是已保存的草稿。</Typography.Text>}
          {!draft && !dirty && <Typography.Text type="secondary">保存草稿后可签发。</Typography.Text>}
        </Space>
      </Form>

      {draft && (
        <Modal
          title="确认签发法律意见"
          open={confirming}
          width={760}
          okText="确认签发"
          okButtonProps={{ loading: issueState.loading }}
          cancelText="返回修改"
          onCancel={() => setConfirming(false)}
          onOk={async () => {
            await issue({ variables: { input: { opinionId: draft.id, version: draft.version } } })
              .then(async () => {
                setConfirming(false);
                await onDone();
              })
              .catch(() => setConfirming(false));
          }}
        >
          <div data-testid="issue-summary">
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="签发后法律意见不可修改；如需更正，只能出具新的意见取代它。"
            />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="审查">
                {review.code} {review.subjectTitle}
              </Descriptions.Item>
              <Descriptions.Item label="所审查的文本">
                第 {review.pinnedVersion.number} 版（哈希 {review.pinnedHash.slice(0, 12)}…）
              </Descriptions.Item>
              <Descriptions.Item label="审查结论">{CONCLUSION[draft.conclusion]}</Descriptions.Item>
              <Descriptions.Item label="分项结论">
                {draft.aspects.length ? draft.aspects.map((a) => `${aspectLabel(a.aspect)}：${ASPECT_CONCLUSION[a.conclusion]}`).join('；') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="审查意见">
                {draft.findings.length === 0
                  ? '无'
                  : draft.findings.map((f) => (
                      <div key={f.id}>
                        {f.seq}. 【{aspectLabel(f.aspect)}】{f.mustFix ? '【必须修改】' : ''}
                        {f.text}（{f.lawName}
                        {f.article}）
                      </div>
                    ))}
              </Descriptions.Item>
              <Descriptions.Item label="正文">
                <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {draft.text}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </div>
        </Modal>
      )}
    </Card>
  );
}
