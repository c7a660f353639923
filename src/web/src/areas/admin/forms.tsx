import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { graphql } from '../../gql';
import { ROLE_LABEL } from '../../shared';
import type { Role } from '../../gql/graphql';
export { businessToday } from '../../shared/dates';
export { LocalDateInput, ModalForm, useModals } from '../../shared/forms';

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

/** The password rule of the API (identity-base checkPassword), checked before sending. */
export const PASSWORD_RULES = [
  { required: true, message: '请填写密码' },
  { min: 10, message: '密码至少 10 个字符' },
  { max: 128, message: '密码不能超过 128 个字符' },
  { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
];
