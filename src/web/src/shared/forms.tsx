/**
 * The areas' form building blocks: a LocalDate field, a form in a modal that submits one mutation, the
 * open/close state of a screen's modals. Imported directly (not through the shared index) so that
 * Modal, Form and DatePicker stay off the first page.
 */
import { useId, useState } from 'react';
import dayjs from 'dayjs';
import { Form } from 'antd';
import Modal from 'antd/es/modal';
import DatePicker from 'antd/es/date-picker';
import { ApiErrorAlert } from './ApiErrorAlert';
import { MutationError } from './ConflictAlert';

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

/**
 * A form in a modal that submits one mutation. Validation messages stay on their fields; the API's
 * refusal is shown under the form as the API gave it (every violation with its rule) — and, when the
 * form sent a `version` (`versioned`), a CONFLICT offers to reload the object instead.
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
  // a name of its own: field ids (and so their labels) never collide with another form on the page
  const name = `modal${useId().replace(/[^A-Za-z0-9]/g, '')}`;
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
      return;
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
    <Modal open={open} title={title} width={width ?? 560} okText={okText} cancelText="取消" confirmLoading={busy} destroyOnHidden onCancel={close} onOk={() => void submit()}>
      <Form<V> form={form} name={name} layout="vertical" initialValues={initialValues} preserve={false}>
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
  return {
    isOpen: (k: K) => open === k,
    show: (k: K) => () => setOpen(k),
    close: () => setOpen(null),
  };
}
