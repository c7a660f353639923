import type { ObjectQuery } from '@mikro-orm/core';
import { seesAllDepartments, type Actor } from '../core/roles';
import type { DecisionProposal } from './proposal.entity';

type Viewer = Pick<Actor, 'roles' | 'department'>;

/**
 * Who sees a decision proposal — and with it its drafts, materials, procedures, reviews, timeline,
 * decision and archive: the users of its sponsor department and the cross-department roles. The one
 * rule, applied by the `proposal`/`proposals` queries, by every field that leads to a proposal
 * (agenda items, decisions, reviews, amended proposals), by node(id), by material downloads and to
 * proposal ids given in inputs.
 */
export function canSeeProposal(user: Viewer, p: { sponsorDepartment: { id: string } }): boolean {
  return seesAllDepartments(user) || user.department.id === p.sponsorDepartment.id;
}

/** `canSeeProposal` as a filter, for lists. */
export function visibleProposals(user: Viewer): ObjectQuery<DecisionProposal> {
  return seesAllDepartments(user) ? {} : { sponsorDepartment: user.department.id };
}
