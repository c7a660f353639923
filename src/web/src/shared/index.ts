// The building blocks every screen uses (docs/console.md).
export { ApiErrorAlert } from './ApiErrorAlert';
export { MutationError } from './ConflictAlert';
export { AvailableActions } from './AvailableActions';
export { RuleLink } from './RuleLink';
export { apiErrors, isConflict, isUnauthenticated, type ApiError, type ApiViolation } from './errors';
export { BUSINESS_TIME_ZONE, businessYear, formatDate, formatDateTime } from './dates';
export { useCursorPages, Pager, type CursorPages } from './pagination';
export { StateTag, Loading, EmptyState, NotFound, PROPOSAL_STATE, PROPOSAL_STEP, REVIEW_STATUS, REVIEW_SUBJECT, ROLE_LABEL } from './states';
