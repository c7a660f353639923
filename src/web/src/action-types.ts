/**
 * The GraphQL types that carry `availableActions` (test/unit/web-action-types.test.ts keeps this list
 * equal to schema/schema.graphql). Their action lists are the server's whole answer: a new list
 * replaces the cached one (an action that went away must not linger).
 */
export const TYPES_WITH_ACTIONS = [
  'BodyMembership',
  'Decision',
  'DecisionDirectory',
  'DecisionProposal',
  'DirectoryItem',
  'EnforcementCase',
  'Filing',
  'Meeting',
  'NormativeDocument',
  'NotificationDelivery',
  'ReviewRequest',
  'StandingBody',
] as const;
