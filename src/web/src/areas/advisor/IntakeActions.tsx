import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Select, Space, Tooltip } from 'antd';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Popconfirm from 'antd/es/popconfirm';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ActionInfo } from '../../shared/AvailableActions';
import { MutationError } from '../../shared';
import { AdvisorAcceptDoc, AdvisorAdvisorsDoc, AdvisorAssignDoc, AdvisorExtendDoc, AdvisorReturnDoc } from './documents';

interface Props {
  review: { id: string; version: number; code: string; assignedTo?: { id: string } | null; extensionWorkingDays: number };
  actions: ActionInfo[];
  onDone: () => unknown;
}

/** The missing items as the `missing` text the API records: one numbered line per item. */
export function missingText(items: string[]): string {
  const clean = items.map((s) => s.trim()).filter(Boolean);
  return clean.length === 1 ? clean[0]! : clean.map((s, i) => `${i + 1}. ${s}`).join('\n');
}

/**
 * The intake of a review (R-LR-2, R-LR-3): accept, return with the list of what is missing, assign,
 * extend once with a reason — each shown only when `availableActions` lists it, each sending the
 * review's version.
 */
export function IntakeActions({ review, actions, onDone }: Props) {
  const has = (a: string) => actions.find((x) => x.action === a);
  const [open, setOpen] = useState<'RETURN' | 'ASSIGN' | 'EXTEND' | null>(null);
  const [accept, acceptState] = useMutation(AdvisorAcceptDoc);
  const [ret, retState] = useMutation(AdvisorReturnDoc);
  const [assign, assignState] = useMutation(AdvisorAssignDoc);
  const [extend, extendState] = useMutation(AdvisorExtendDoc);
  const advisors = useQuery(AdvisorAdvisorsDoc, { skip: open !== 'ASSIGN' });
  const [returnForm] = Form.useForm<{ missing: string[] }>();
  const [assignForm] = Form.useForm<{ advisorId: string }>();
  const [extendForm] = Form.useForm<{ workingDays: number; reason: string }>();
  const reload = async () => {
    acceptState.reset();
    retState.reset();
    assignState.reset();
    extendState.reset();
    await onDone();
  };
  const done = async () => {
    setOpen(null);
    await onDone();
  };
  const tip = (a: ActionInfo) => `${a.rule} ${a.ruleTitle}`;
  const acceptAction = has('ACCEPT');
  const returnAction = has('RETURN');
  const assignAction = has('ASSIGN');
  const extendAction = has('EXTEND');
  if (!acceptAction && !returnAction && !assignAction && !extendAction) return null;

  return (
    <>
      <Space wrap aria-label="审查受理操作">
        {acceptAction && (
          <Tooltip title={tip(acceptAction)}>
            <Popconfirm
              title="接收该审查？"
              description="接收后开始计算审查期限（工作日）。"
              okText="接收"
              cancelText="取消"
              onConfirm={async () => {
                await accept({ variables: { input: { reviewId: review.id, version: review.version } } })
                  .then(done)
                  .catch(() => undefined);
              }}
            >
              <Button type="primary" loading={acceptState.loading} data-action="ACCEPT">
                {acceptAction.label}
              </Button>
            </Popconfirm>
          </Tooltip>
        )}
        {returnAction && (
          <Tooltip title={tip(returnAction)}>
            <Button danger onClick={() => setOpen('RETURN')} data-action="RETURN">
              {returnAction.label}
            </Button>
          </Tooltip>
        )}
        {assignAction && (
          <Tooltip title={tip(assignAction)}>
            <Button onClick={() => setOpen('ASSIGN')} data-action="ASSIGN">
              {assignAction.label}
            </Button>
          </Tooltip>
        )}
        {extendAction && (
          <Tooltip title={tip(extendAction)}>
            <Button onClick={() => setOpen('EXTEND')} data-action="EXTEND">
              {extendAction.label}
            </Button>
          </Tooltip>
        )}
      </Space>
      <div style={{ marginTop: 8 }}>
        <MutationError error={acceptState.error} onReload={reload} />
      </div>

      <Modal
        title={`退回补充：${review.code}`}
        open={open === 'RETURN'}
        okText="退回"
        okButtonProps={{ danger: true, loading: retState.loading }}
        cancelText="取消"
        onCancel={() => setOpen(null)}
        onOk={() => returnForm.submit()}
        destroyOnHidden
      >
        <p>退回后暂停计时，提请部门补充后重新提交，计时继续。请逐项列明需补充的材料或说明：</p>
        <Form
          form={returnForm}
          layout="vertical"
          initialValues={{ missing: [''] }}
          onFinish={async (v) => {
            await ret({ variables: { input: { reviewId: review.id, version: review.version, missing: missingText(v.missing) } } })
              .then(done)
              .catch(() => undefined);
          }}
        >
          <Form.List
            name="missing"
            rules={[
              {
                validator: async (_, items: string[]) => {
                  if (!items?.some((s) => s?.trim())) throw new Error('请至少列明一项需补充的内容');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={f.name} label={`缺项 ${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写需补充的内容' }]} style={{ width: 420 }}>
                      <Input maxLength={500} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" aria-label={`删除第 ${i + 1} 项`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  增加缺项
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form>
        <MutationError error={retState.error} onReload={reload} />
      </Modal>

      <Modal
        title={`分派：${review.code}`}
        open={open === 'ASSIGN'}
        okText="分派"
        okButtonProps={{ loading: assignState.loading }}
        cancelText="取消"
        onCancel={() => setOpen(null)}
        onOk={() => assignForm.submit()}
        destroyOnHidden
      >
        <Form
          form={assignForm}
          layout="vertical"
          initialValues={{ advisorId: review.assignedTo?.id }}
          onFinish={async (v) => {
            await assign({ variables: { input: { reviewId: review.id, advisorId: v.advisorId } } })
              .then(done)
              .catch(() => undefined);
          }}
        >
          <Form.Item name="advisorId" label="承办法律顾问" rules={[{ required: true, message: '请选择法律顾问' }]}>
            <Select
              loading={advisors.loading}
              options={(advisors.data?.reviewAdvisors ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          </Form.Item>
        </Form>
        <MutationError error={advisors.error ?? assignState.error} onReload={reload} />
      </Modal>

      <Modal
        title={`延长审查期限：${review.code}`}
        open={open === 'EXTEND'}
        okText="延长"
        okButtonProps={{ loading: extendState.loading }}
        cancelText="取消"
        onCancel={() => setOpen(null)}
        onOk={() => extendForm.submit()}
        destroyOnHidden
      >
        <p>审查期限只能延长一次，须说明理由。</p>
        <Form
          form={extendForm}
          layout="vertical"
          onFinish={async (v) => {
            await extend({ variables: { input: { reviewId: review.id, version: review.version, workingDays: v.workingDays, reason: v.reason.trim() } } })
              .then(done)
              .catch(() => undefined);
          }}
        >
          <Form.Item name="workingDays" label="延长工作日数" rules={[{ required: true, message: '请填写延长的工作日数' }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reason" label="延长理由" rules={[{ required: true, whitespace: true, message: '请说明延长理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
        <MutationError error={extendState.error} onReload={reload} />
      </Modal>
    </>
  );
}
