import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { graphql } from '../../gql';
export { businessToday } from '../../shared/dates';
export { LocalDateInput, ModalForm, useModals } from '../../shared/forms';

export const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第${['一', '二', '三', '四'][q - 1]}季度` }));

/** A quarter as the directory shows it. */
export function quarterLabel(q: number | null | undefined): string {
  return q ? QUARTER_OPTIONS[q - 1]!.label : '—';
}

const DecisionDepartmentsDoc = graphql(`
  query DecisionDepartments {
    departments(first: 100) {
      nodes {
        id
        code
        name
      }
    }
  }
`);

/** The active departments (a street office has a few dozen: one page of 100 holds them). */
export function DepartmentSelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { data, loading } = useQuery(DecisionDepartmentsDoc);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择部门"
      options={(data?.departments.nodes ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

