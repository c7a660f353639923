import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ruleById } from '../core/rules/registry';
import type { Actor } from '../core/roles';
import type { Workflow } from '../core/workflow';
import { WORKFLOWS } from './workflows';

/** Every event of every workflow, as one closed GraphQL enum (工作流操作). */
const ACTIONS: Record<string, string> = {};
/** Each event's Chinese labels (one event name can be a transition of several workflows). */
const ACTION_LABELS: Record<string, string[]> = {};
for (const w of WORKFLOWS) {
  for (const t of w.transitions) {
    ACTIONS[t.event] = t.event;
    const labels = (ACTION_LABELS[t.event] ??= []);
    if (!labels.includes(t.label)) labels.push(t.label);
  }
}
export const WorkflowAction = ACTIONS;
registerEnumType(WorkflowAction, {
  name: 'WorkflowAction',
  description: 'An event of a workflow (工作流操作); `AvailableAction.mutation` names the mutation that fires it',
  valuesConfig: Object.fromEntries(Object.entries(ACTION_LABELS).map(([event, labels]) => [event, { description: labels.join('／') }])),
});

@ObjectType({ description: 'An action possible now on an object, for the signed-in user’s roles (当前可办理的操作)' })
export class AvailableAction {
  @Field(() => WorkflowAction)
  action!: string;

  @Field({ description: 'What it does, in Chinese (操作名称)' })
  label!: string;

  @Field({ description: 'The mutation that performs it' })
  mutation!: string;

  @Field({ description: 'Rule id of the transition (docs/rules.md)' })
  rule!: string;

  @Field({ description: 'Title of the rule' })
  ruleTitle!: string;

  @Field(() => String, { nullable: true, description: 'Who else must act, besides the roles: 承办部门, 主持人 … (checked when performed)' })
  actor!: string | null;
}

/** The actions of `workflow` possible from `state` for the user's roles. */
export function availableActions<S extends string, E extends string>(workflow: Workflow<S, E>, state: S, user: Actor | null): AvailableAction[] {
  if (!user) return [];
  return workflow.available(state, user).map((t) => ({
    action: t.event,
    label: t.label,
    mutation: t.mutation,
    rule: t.rule,
    ruleTitle: ruleById(t.rule)?.title ?? t.rule,
    actor: t.actor ?? null,
  }));
}
