import type { Workflow } from '../core/workflow';
import { BODY_WORKFLOW, DECISION_WORKFLOW, MEETING_WORKFLOW, MEMBERSHIP_WORKFLOW } from '../deliberation/deliberation.workflow';
import { DIRECTORY_ITEM_WORKFLOW, DIRECTORY_WORKFLOW } from '../directory/directory.workflow';
import { FILING_WORKFLOW, NORMATIVE_WORKFLOW } from '../normative/normative.workflow';
import { PROPOSAL_WORKFLOW } from '../proposal/proposal.workflow';
import { REVIEW_WORKFLOW } from '../review/review.workflow';
import { ENFORCEMENT_WORKFLOW } from '../enforcement/enforcement.workflow';
import { DELIVERY_WORKFLOW } from '../notifications/notification.workflow';

/** Every workflow table of the system: the GraphQL layer builds its action enum from them. */
export const WORKFLOWS: readonly Workflow<string, string>[] = [
  DIRECTORY_WORKFLOW,
  DIRECTORY_ITEM_WORKFLOW,
  PROPOSAL_WORKFLOW,
  REVIEW_WORKFLOW,
  MEETING_WORKFLOW,
  DECISION_WORKFLOW,
  BODY_WORKFLOW,
  MEMBERSHIP_WORKFLOW,
  NORMATIVE_WORKFLOW,
  FILING_WORKFLOW,
  ENFORCEMENT_WORKFLOW,
  DELIVERY_WORKFLOW,
] as unknown as Workflow<string, string>[];
