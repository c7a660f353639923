import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { ConnectionTable } from '../../shared/ConnectionTable';
import { MutationError, useCursorPages } from '../../shared';
import { useSession } from '../../session';

/** One field of a register's form. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'number';
  required?: boolean;
  options?: { value: string; label: string }[];
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

export interface RegisterSpec<T extends { id: string; version: number }> {
  title: string;
  what: string;
  empty: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: TypedDocumentNode<any, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pick: (data: any) => Connection<T> | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create: TypedDocumentNode<any, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: TypedDocumentNode<any, any>;
  fields: FieldSpec[];
  columns: { title: string; dataIndex: string | string[]; width?: number; // eslint-disable-next-line @typescript-eslint/no-explicit-any
    render?: (v: any, row: T) => React.ReactNode }[];
}

const RECORDERS = ['DRAFTER', 'LEGAL_ADVISOR', 'ADMIN'];

/**
 * A register's screen (R-AR-2): its entries newest first with a text filter, and a form to record
 * one or to correct one (sent with the version read: a CONFLICT offers to reload).
 */
export function RegisterScreen<T extends { id: string; version: number }>({ spec }: { spec: RegisterSpec<T> }) {
  const { user } = useSession();
  const pages = useCursorPages(20);
  const [search, setSearch] = useState('');
  const { data, loading, error, refetch } = useQuery(spec.list, { variables: { ...pages.variables, first: pages.pageSize, filter: search ? { search } : null } });
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form] = Form.useForm();
  const [create, created] = useMutation(spec.create);
  const [update, updated] = useMutation(spec.update);
  const mayRecord = user?.roles.some((r) => RECORDERS.includes(r)) ?? false;
  const mutationError = editing === 'new' ? created.error : updated.error;

  const open = (row: T | 'new') => {
    created.reset();
    updated.reset();
    setEditing(row);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(Object.fromEntries(spec.fields.map((f) => [f.name, (row as Record<string, unknown>)[f.name] ?? undefined])));
  };
  const save = async () => {
    const values = await form.validateFields();
    const input = Object.fromEntries(spec.fields.map((f) => [f.name, values[f.name] === '' || values[f.name] === undefined ? null : values[f.name]]));
    try {
      if (editing === 'new') await create({ variables: { input } });
      else if (editing) await update({ variables: { input: { ...input, id: editing.id, version: editing.version } } });
      setEditing(null);
      await refetch();
    } catch {
      // shown by MutationError
    }
  };

  return (
    <Card
      title={spec.title}
      extra={
        mayRecord && (
          <Button type="primary" onClick={() => open('new')}>
            登记{spec.what}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={`查找${spec.what}`}
          placeholder="查找"
          allowClear
          onSearch={(v) => {
            pages.reset();
            setSearch(v.trim());
          }}
          style={{ width: 280 }}
        />
      </Space>
      <ConnectionTable<T>
        pages={pages}
        connection={spec.pick(data)}
        error={error}
        errorTitle={`无法加载${spec.what}`}
        empty={spec.empty}
        rowKey="id"
        loading={loading && !data}
        columns={[
          ...spec.columns,
          ...(mayRecord
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, row: T) => (
                    <Button size="small" onClick={() => open(row)} aria-label={`修改${spec.what}`}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? `登记${spec.what}` : `修改${spec.what}`}
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        confirmLoading={created.loading || updated.loading}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={640}
      >
        <MutationError
          error={mutationError}
          onReload={async () => {
            const fresh = await refetch();
            const row = spec.pick(fresh.data)?.nodes.find((n) => editing !== 'new' && n.id === editing?.id);
            if (row) open(row);
          }}
        />
        <Form form={form} layout="vertical" name={`register-${spec.what}`}>
          {spec.fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
              {f.kind === 'textarea' ? (
                <Input.TextArea rows={3} />
              ) : f.kind === 'date' ? (
                <Input type="date" />
              ) : f.kind === 'select' ? (
                <Select options={f.options} allowClear={!f.required} />
              ) : f.kind === 'number' ? (
                <InputNumber min={0} style={{ width: '100%' }} />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
