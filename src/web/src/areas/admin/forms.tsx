import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import dayjs from 'dayjs';
import { Form, Select } from 'antd';
import Modal from 'antd/es/modal';
import DatePicker from 'antd/es/date-picker';
import { graphql } from '../../gql';
import { ApiErrorAlert, BUSINESS_TIME_ZONE, MutationError, ROLE_LABEL } from '../../shared';
import type { Role } from '../../gql/graphql';

/** Today in the business time zone (Asia/Shanghai), as a LocalDate. */
export function businessToday(): string {
  return dayjs().tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}

/** A LocalDate field (YYYY-MM-DD) for a Form.Item: the form holds the string the API takes. */
export function LocalDateInput({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  return (
    <DatePicker
      id={id}
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}

export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

const AdminDepartmentOptionsDoc = graphql(`
  query AdminDepartmentOptions {
    departments(first: 100) {
      nodes {
        id
        code
        name
      }
    }
  }
`);

/** The active departments a user may belong to (a street office has a few dozen: one page of 100 holds them). */
export function DepartmentSelect({
  value,
  onChange,
  id,
  allowClear,
  ariaLabel,
  placeholder = '选择部门',
  style,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  ariaLabel?: string;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { data, loading } = useQuery(AdminDepartmentOptionsDoc);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      allowClear={allowClear}
      aria-label={ariaLabel}
      style={style}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      options={(data?.departments.nodes ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.code}）` }))}
    />
  );
}

const AdminUserOptionsDoc = graphql(`
  query AdminUserOptions($search: String) {
    users(first: 20, filter: { active: true, search: $search }) {
      nodes {
        id
        username
        displayName
        department {
          id
          name
        }
      }
    }
  }
`);

/** An active user, searched on the server by login name or name (the first 20 matches). */
export function UserSelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(AdminUserOptionsDoc, { variables: { search: search || null } });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
      placeholder="输入登录名或姓名查找"
      options={(data?.users.nodes ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}，${u.department.name}）` }))}
    />
  );
}

/**
 * A form in a modal that submits one mutation. Validation messages stay on their fields; the API's
 * refusal is shown under the form as the API gave it — and, when the form sent a `version`
 * (`versioned`), a CONFLICT offers to reload the object instead (the modal closes, `onReload` runs).
 */
export function ModalForm<V extends object>({
  title,
  open,
  onClose,
  onSubmit,
  okText = '确认提交',
  versioned,
  onReload,
  initialValues,
  width,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  okText?: string;
  versioned?: boolean;
  onReload?: () => unknown;
  initialValues?: Partial<V>;
  width?: number;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 560}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={close}
      onOk={() => void submit()}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
      {versioned ? (
        <MutationError
          error={error}
          onReload={async () => {
            await onReload?.();
            close();
          }}
        />
      ) : (
        <ApiErrorAlert error={error} />
      )}
    </Modal>
  );
}

/** Open/close state of the modals of one screen, by name. */
export function useModals<K extends string>() {
  const [open, setOpen] = useState<K | null>(null);
  return { isOpen: (k: K) => open === k, show: (k: K) => () => setOpen(k), close: () => setOpen(null) };
}

/** The password rule of the API (identity-base checkPassword), checked before sending. */
export const PASSWORD_RULES = [
  { required: true, message: '请填写密码' },
  { min: 10, message: '密码至少 10 个字符' },
  { max: 128, message: '密码不能超过 128 个字符' },
  { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
];
