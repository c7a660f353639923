import { Space, Tag } from 'antd';

/** Whether a procedure is required for this proposal (R-DEC-3) and whether its record exists. */
export function ProcedureTag({ required, recorded }: { required: boolean; recorded: boolean }) {
  return (
    <Space size={4}>
      {required ? <Tag color="blue">必经程序</Tag> : <Tag>可选程序</Tag>}
      {recorded ? <Tag color="success">已登记</Tag> : <Tag color={required ? 'warning' : 'default'}>未登记</Tag>}
    </Space>
  );
}
