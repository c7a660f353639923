import { Alert, Button } from 'antd';
import { isConflict } from './errors';
import { ApiErrorAlert } from './ApiErrorAlert';

/**
 * The error of a mutation that sent an optimistic-lock `version`: a CONFLICT (someone changed the
 * object since it was read) offers to reload it; any other error is shown as the API gave it.
 * Usage: `<MutationError error={error} onReload={() => refetch()} />` beside the form.
 */
export function MutationError({ error, onReload }: { error: unknown; onReload: () => unknown }) {
  if (!error) return null;
  if (!isConflict(error)) return <ApiErrorAlert error={error} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title="数据已被他人修改"
      description="您看到的是旧版本，刚才的操作没有执行。请重新加载最新内容，核对后再操作。"
      action={
        <Button size="small" type="primary" onClick={() => void onReload()}>
          重新加载
        </Button>
      }
    />
  );
}
