import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import Table from 'antd/es/table';
import Modal from 'antd/es/modal';
import { graphql } from '../../gql';
import type { AdminCalendarYearQuery, AdminLoadCalendarYearMutation, CalendarDayInput } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState, Loading, StateTag, formatDateTime } from '../../shared';
import { SourceTag } from './CalendarYears';
import { CALENDAR_SOURCE, DAY_KIND, HOLIDAY, weekdayOf } from './labels';
import { LocalDateInput, ModalForm } from './forms';

const AdminCalendarYearDoc = graphql(`
  query AdminCalendarYear {
    calendarYears {
      year
      source
      shadows
      holidayCount
      makeUpWorkingDayCount
      version
      loadedAt
      loadedBy
      reason
      days {
        date
        kind
        holiday
        name
      }
    }
  }
`);

const AdminLoadCalendarYearDoc = graphql(`
  mutation AdminLoadCalendarYear($input: LoadCalendarYearInput!) {
    loadCalendarYear(input: $input) {
      year {
        year
        source
        version
        holidayCount
        makeUpWorkingDayCount
      }
      warnings
      recomputedDeadlines {
        label
        subjectType
        subjectId
        dueBefore
        dueAfter
      }
    }
  }
`);

const AdminWithdrawCalendarYearDoc = graphql(`
  mutation AdminWithdrawCalendarYear($input: WithdrawCalendarYearInput!) {
    withdrawCalendarYear(input: $input) {
      year {
        year
        source
      }
      recomputedDeadlines {
        label
        subjectType
        subjectId
        dueBefore
        dueAfter
      }
    }
  }
`);

type Year = AdminCalendarYearQuery['calendarYears'][number];
type Day = Year['days'][number];

interface Arrangement {
  holidays: CalendarDayInput[];
  makeUpWorkingDays: CalendarDayInput[];
  reason?: string;
}

/** What a load or withdrawal changed: its warnings and the stored due dates that moved. */
interface Outcome {
  title: string;
  warnings: string[];
  recomputed: AdminLoadCalendarYearMutation['loadCalendarYear']['recomputedDeadlines'];
}

/**
 * The arrangement in the shape of CALENDAR_DATA_FILE and `npm run cli -- calendar-load`
 * ({ "holidays": { "YYYY-MM-DD": "名称" }, "workdays": { … } }), only this year's days; null when it
 * is not such an object.
 */
function parseArrangement(text: string, year: number): Arrangement | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return '不是有效的 JSON';
  }
  const obj = value as { holidays?: unknown; workdays?: unknown } | null;
  if (!obj || typeof obj !== 'object' || typeof obj.holidays !== 'object' || obj.holidays === null) {
    return '应为 { "holidays": { "YYYY-MM-DD": "名称" }, "workdays": { … } } 形式的对象';
  }
  const days = (m: unknown) =>
    Object.entries((m ?? {}) as Record<string, unknown>)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([date, name]) => ({ date, name: String(name) }))
      .sort((a, b) => a.date.localeCompare(b.date));
  const holidays = days(obj.holidays);
  if (holidays.length === 0) return `其中没有 ${year} 年的放假日`;
  return { holidays, makeUpWorkingDays: days(obj.workdays) };
}

/**
 * One year of the working-day calendar: its days off and make-up working days as in force, where they
 * come from, and — as the API allows — loading the arrangement (typed in, or imported from the JSON a
 * configuration file uses), correcting it with a reason (a new version) or withdrawing what an
 * administrator loaded. Each change shows the stored due dates it moved.
 */
export function CalendarYearDetail() {
  const year = Number(useParams<{ year: string }>().year);
  const { data, loading, error, refetch } = useQuery(AdminCalendarYearDoc);
  const [load] = useMutation(AdminLoadCalendarYearDoc);
  const [withdraw] = useMutation(AdminWithdrawCalendarYearDoc);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!Number.isInteger(year) || year < 2000 || year > 2100) return <Alert type="error" showIcon title="年度应为 2000–2100 之间的整数" />;
  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载节假日数据" />;
  const y = data.calendarYears.find((c) => c.year === year) ?? null;
  const refetchAll = ['AdminCalendarYears', 'AdminCalendarYear'];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${year} 年节假日安排`}
        extra={
          <Space>
            <Link to="/admin/calendar">全部年度</Link>
            <Button type="primary" onClick={() => setEditing(true)}>
              {y ? '调整安排' : '载入安排'}
            </Button>
            {y?.source === 'DATABASE' && (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回管理员载入的数据
              </Button>
            )}
          </Space>
        }
      >
        {outcome && <OutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
        {y ? (
          <Descriptions column={3} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="数据来源">
              <SourceTag source={y.source} />
              {y.shadows.length > 0 && <Typography.Text type="secondary">（替代 {y.shadows.map((s) => CALENDAR_SOURCE[s]).join('、')}）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="放假天数">{y.holidayCount}</Descriptions.Item>
            <Descriptions.Item label="调休上班天数">{y.makeUpWorkingDayCount}</Descriptions.Item>
            {y.source === 'DATABASE' && (
              <>
                <Descriptions.Item label="版本">第 {y.version} 版</Descriptions.Item>
                <Descriptions.Item label="载入">
                  {y.loadedBy}，{formatDateTime(y.loadedAt)}
                </Descriptions.Item>
                <Descriptions.Item label="理由">{y.reason ?? '—'}</Descriptions.Item>
              </>
            )}
          </Descriptions>
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${year} 年尚无节假日数据`}
            description="该年只按周末计算，跨入该年的期限标为“暂定”。国务院办公厅公布放假安排后请载入。"
          />
        )}
        <Table<Day>
          rowKey="date"
          size="small"
          aria-label="放假与调休上班日"
          dataSource={y?.days ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description="没有放假日或调休上班日" /> }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 120 },
            { title: '星期', key: 'weekday', width: 80, render: (_: unknown, d: Day) => weekdayOf(d.date) },
            { title: '类型', dataIndex: 'kind', width: 110, render: (_: unknown, d: Day) => <StateTag state={d.kind} labels={DAY_KIND} /> },
            { title: '节日', dataIndex: 'holiday', width: 100, render: (h: Day['holiday']) => (h ? HOLIDAY[h] : '—') },
            { title: '公布名称', dataIndex: 'name' },
          ]}
        />
      </Card>

      {editing && (
        <ArrangementForm
          year={year}
          current={y}
          onClose={() => setEditing(false)}
          onSubmit={async (v) => {
            const r = await load({
              variables: { input: { year, holidays: v.holidays, makeUpWorkingDays: v.makeUpWorkingDays, reason: v.reason?.trim() || null } },
              refetchQueries: refetchAll,
            });
            const p = r.data!.loadCalendarYear;
            setOutcome({ title: `已载入 ${year} 年安排（第 ${p.year.version} 版），即时生效`, warnings: p.warnings, recomputed: p.recomputedDeadlines });
          }}
        />
      )}
      <ModalForm<{ reason: string }>
        title={`撤回 ${year} 年管理员载入的数据`}
        okText="确认撤回"
        open={withdrawing}
        onClose={() => setWithdrawing(false)}
        onSubmit={async (v) => {
          const r = await withdraw({ variables: { input: { year, reason: v.reason.trim() } }, refetchQueries: refetchAll });
          const p = r.data!.withdrawCalendarYear;
          setOutcome({
            title: p.year ? `已撤回，${year} 年改用${CALENDAR_SOURCE[p.year.source]}` : `已撤回，${year} 年不再有节假日数据`,
            warnings: [],
            recomputed: p.recomputedDeadlines,
          });
          await refetch();
        }}
      >
        <Typography.Paragraph>撤回后该年改用配置文件或内置数据（若有），否则只按周末计算；受影响的期限随即重算。</Typography.Paragraph>
        <Form.Item name="reason" label="撤回理由" rules={[{ required: true, whitespace: true, message: '请填写撤回理由' }]}>
          <Input maxLength={500} />
        </Form.Item>
      </ModalForm>
    </Space>
  );
}

function OutcomeAlert({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  return (
    <Alert
      type={outcome.warnings.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={outcome.title}
      data-testid="calendar-outcome"
      description={
        <>
          {outcome.warnings.map((w) => (
            <div key={w}>请核对：{w}</div>
          ))}
          {outcome.recomputed.length === 0 ? (
            <div>没有已存储的期限因此变化。</div>
          ) : (
            <div>
              以下期限已重算：
              <ul style={{ margin: 0 }}>
                {outcome.recomputed.map((d) => (
                  <li key={`${d.subjectId}-${d.label}`}>
                    {d.label}：{d.dueBefore ?? '—'} → {d.dueAfter ?? '—'}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      }
    />
  );
}

function DayRows({ name, noun, placeholder }: { name: 'holidays' | 'makeUpWorkingDays'; noun: string; placeholder: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={`rows-${name}`}>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'date']} label={`${noun}${i + 1} 日期`} rules={[{ required: true, message: '请选择日期' }]}>
                <LocalDateInput />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} label={`${noun}${i + 1} 名称`} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                <Input placeholder={placeholder} maxLength={50} style={{ width: 200 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(f.name)} aria-label={`删除${noun}${i + 1}`}>
                删除
              </Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ date: undefined, name: '' })}>
            添加{noun}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * The year's arrangement as a form: every day off and every make-up working day, prefilled with the
 * data in force; a JSON file or text in the configuration file's shape can be imported into it.
 */
function ArrangementForm({
  year,
  current,
  onClose,
  onSubmit,
}: {
  year: number;
  current: Year | null;
  onClose: () => void;
  onSubmit: (v: Arrangement) => Promise<unknown>;
}) {
  const [form] = Form.useForm<Arrangement>();
  const [error, setError] = useState<unknown>();
  const [importText, setImportText] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const initial: Arrangement = {
    holidays: (current?.days ?? []).filter((d) => d.kind === 'PUBLIC_HOLIDAY').map((d) => ({ date: d.date, name: d.name })),
    makeUpWorkingDays: (current?.days ?? []).filter((d) => d.kind === 'MAKE_UP_WORKING_DAY').map((d) => ({ date: d.date, name: d.name })),
  };
  const importFrom = (text: string) => {
    const parsed = parseArrangement(text, year);
    if (typeof parsed === 'string') {
      setImportProblem(parsed);
      return;
    }
    setImportProblem(null);
    form.setFieldsValue({ holidays: parsed.holidays, makeUpWorkingDays: parsed.makeUpWorkingDays });
  };
  const submit = async () => {
    let v: Arrangement;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ ...v, holidays: v.holidays ?? [], makeUpWorkingDays: v.makeUpWorkingDays ?? [] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalShell title={`${current ? '调整' : '载入'} ${year} 年节假日安排`} onClose={onClose} onOk={() => void submit()} busy={busy}>
      <Card size="small" title="从 JSON 导入" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          与配置文件 CALENDAR_DATA_FILE 相同的格式：{'{ "holidays": { "YYYY-MM-DD": "春节" }, "workdays": { "YYYY-MM-DD": "春节调休上班" } }'}；只取 {year} 年的日期，导入后可在下方核对修改。
        </Typography.Paragraph>
        <Input.TextArea aria-label="粘贴 JSON" rows={3} value={importText} onChange={(e) => setImportText(e.target.value)} />
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => importFrom(importText)} disabled={!importText.trim()}>
            导入到表单
          </Button>
          <Button onClick={() => file.current?.click()}>选择 JSON 文件</Button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            aria-label="选择 JSON 文件"
            style={{ display: 'none' }}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) importFrom(await f.text());
              e.target.value = '';
            }}
          />
        </Space>
        {importProblem && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={`无法导入：${importProblem}`} />}
      </Card>
      <Form<Arrangement> form={form} layout="inline" initialValues={initial}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>放假日（含节日期间的周末）</Typography.Title>
          <DayRows name="holidays" noun="放假日" placeholder="如：春节" />
          <Typography.Title level={5}>调休上班日（周六或周日）</Typography.Title>
          <DayRows name="makeUpWorkingDays" noun="调休上班日" placeholder="如：春节调休上班" />
          {current && (
            <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '替换已有数据须填写理由（如更正通知的文号）' }]} style={{ width: '100%' }}>
              <Input maxLength={500} style={{ width: 480 }} placeholder="如：国办发明电〔2026〕x号" />
            </Form.Item>
          )}
        </Space>
      </Form>
      <ApiErrorAlert error={error} />
    </ModalShell>
  );
}

function ModalShell({ title, onClose, onOk, busy, children }: { title: string; onClose: () => void; onOk: () => void; busy: boolean; children: React.ReactNode }) {
  return (
    <Modal open title={title} width={820} okText="载入并生效" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={onOk} destroyOnHidden>
      {children}
    </Modal>
  );
}
