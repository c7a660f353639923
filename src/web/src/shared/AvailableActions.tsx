import { Button, Space, Tooltip } from 'antd';
import type { WorkflowAction } from '../gql/graphql';

/** The fields of `availableActions` a screen selects. */
export interface ActionInfo {
  action: WorkflowAction;
  label: string;
  rule: string;
  ruleTitle: string;
}

/**
 * The actions the API says the signed-in user may take now (`availableActions` of every stateful
 * object) — and only those. A screen passes what each action does; an available action the screen
 * has no form for yet is not shown. The rule of the transition is in the tooltip.
 *
 *   <AvailableActions actions={p.availableActions} handlers={{ REQUEST_REVIEW: () => setOpen(true) }} />
 */
export function AvailableActions({
  actions,
  handlers,
  busy,
}: {
  actions: ActionInfo[];
  handlers: Partial<Record<WorkflowAction, () => void>>;
  busy?: boolean;
}) {
  const shown = actions.filter((a) => handlers[a.action]);
  if (shown.length === 0) return null;
  return (
    <Space wrap aria-label="可办理的操作">
      {shown.map((a) => (
        <Tooltip key={a.action} title={`${a.rule} ${a.ruleTitle}`}>
          <Button type="primary" loading={busy} onClick={handlers[a.action]} data-action={a.action}>
            {a.label}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
