import { assertNoViolations, type Violation } from './errors';
import type { RuleId } from './rules/registry';
import { assertAnyRole, hasAnyRole, type Actor, type Role } from './roles';

/**
 * The one state-machine mechanism. Every workflow (proposals, reviews, directories, meetings,
 * decisions, normative documents, filings …) declares its states and transitions in one table; this
 * module answers whether an event may fire, what it leads to, who may fire it and what can be done
 * now. Guards that need data (readiness, packages, dates) stay pure functions in the area's
 * `*.rules.ts` and are checked by the service next to `assertCan`.
 */
export interface TransitionSpec<S extends string, E extends string> {
  event: E;
  from: readonly S[];
  /** The state after the event; omitted when the event keeps the state (a correction, a re-pin). */
  to?: S;
  rule: RuleId;
  /** What the event does, as a Chinese verb phrase: 接收, 退回补充, 签发 … */
  label: string;
  /** Who may fire it (any of). */
  roles: readonly Role[];
  /** A narrower actor the service checks besides the roles, shown to clients: 承办部门, 主持人 … */
  actor?: string;
  /** The GraphQL mutation that fires it, for clients building their buttons. */
  mutation: string;
}

export interface Workflow<S extends string, E extends string> {
  readonly name: string;
  /** Chinese noun of what moves through the workflow, e.g. 决策建议. */
  readonly subject: string;
  readonly states: Readonly<Record<S, string>>;
  readonly transitions: readonly TransitionSpec<S, E>[];
  spec(event: E): TransitionSpec<S, E>;
  label(state: S): string;
  /** Empty when the event may fire from `state`; else one violation citing the transition's rule. */
  violations(state: S, event: E): Violation[];
  /** Throws RULE_VIOLATION when the event may not fire from `state`. */
  assertCan(state: S, event: E): void;
  /** Throws FORBIDDEN when the actor holds none of the event's roles. */
  authorize(actor: Pick<Actor, 'roles'>, event: E): void;
  /** The state after the event (checks that it may fire). */
  next(state: S, event: E): S;
  /** Events that may fire now from `state`, for the actor's roles when given. */
  available(state: S, actor?: Pick<Actor, 'roles'>): TransitionSpec<S, E>[];
  /** A violation when `state` is not one of `allowed` for a non-transition action (e.g. editing). */
  requireState(state: S, allowed: readonly S[], action: string, rule: RuleId): Violation[];
}

export function defineWorkflow<S extends string, E extends string>(def: {
  name: string;
  subject: string;
  states: Record<S, string>;
  transitions: readonly TransitionSpec<S, E>[];
}): Workflow<S, E> {
  const byEvent = new Map<E, TransitionSpec<S, E>>();
  for (const t of def.transitions) {
    if (byEvent.has(t.event)) throw new Error(`workflow ${def.name}: event ${t.event} declared twice`);
    byEvent.set(t.event, t);
  }
  const label = (s: S) => def.states[s] ?? s;
  const spec = (event: E) => {
    const t = byEvent.get(event);
    if (!t) throw new Error(`workflow ${def.name}: unknown event ${event}`);
    return t;
  };
  const requireState = (state: S, allowed: readonly S[], action: string, rule: RuleId): Violation[] =>
    allowed.includes(state)
      ? []
      : [
          {
            rule,
            code: 'INVALID_STATE',
            message: `${def.subject}当前为「${label(state)}」，不能${action}（需处于：${allowed.map(label).join('、')}）(${rule})`,
          },
        ];
  const violations = (state: S, event: E) => {
    const t = spec(event);
    return requireState(state, t.from, t.label, t.rule);
  };
  return {
    name: def.name,
    subject: def.subject,
    states: def.states,
    transitions: def.transitions,
    spec,
    label,
    violations,
    assertCan: (state, event) => assertNoViolations(violations(state, event)),
    authorize: (actor, event) => assertAnyRole(actor, spec(event).roles, spec(event).label),
    next(state, event) {
      assertNoViolations(violations(state, event));
      return spec(event).to ?? state;
    },
    available: (state, actor) => def.transitions.filter((t) => t.from.includes(state) && (!actor || hasAnyRole(actor, t.roles))),
    requireState,
  };
}
