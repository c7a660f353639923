import type { ObjectQuery } from '@mikro-orm/core';
import { seesAllDepartments, type Actor } from '../core/roles';
import type { NormativeDocument } from './normative.entity';
import { DocumentState } from './normative.enums';

type Viewer = Pick<Actor, 'roles' | 'department'>;
type Doc = { state: DocumentState; sponsorDepartment: { id: string } };

/**
 * Who sees a normative document. A document in drafting is its sponsor department's work: it, its
 * text versions and its review are seen by that department's users and the cross-department roles
 * only. Once released (公布) it is public law: every signed-in user sees it — released, amended or
 * repealed — with the text that was released; the drafts before it stay with its department and the
 * cross-department roles. Applied by `normativeDocument`/`normativeDocuments`/`releaseCheck`, by every
 * field that leads to a document or its versions, by node(id) and to document ids given in inputs.
 */
export function isReleased(d: Pick<Doc, 'state'>): boolean {
  return d.state !== DocumentState.DRAFTING;
}

/** The sponsor department and the cross-department roles: the whole document, drafts included. */
export function canSeeNormativeWork(user: Viewer, d: Doc): boolean {
  return seesAllDepartments(user) || user.department.id === d.sponsorDepartment.id;
}

export function canSeeNormativeDocument(user: Viewer, d: Doc): boolean {
  return isReleased(d) || canSeeNormativeWork(user, d);
}

/** A text version of the document: every one to its readers, only the released text to everyone else. */
export function canSeeNormativeVersion(user: Viewer, d: Doc & { currentVersionNumber: number }, versionNumber: number): boolean {
  return canSeeNormativeWork(user, d) || (isReleased(d) && versionNumber === d.currentVersionNumber);
}

/** `canSeeNormativeDocument` as a filter, for lists. */
export function visibleNormativeDocuments(user: Viewer): ObjectQuery<NormativeDocument> {
  return seesAllDepartments(user) ? {} : { $or: [{ state: { $ne: DocumentState.DRAFTING } }, { sponsorDepartment: user.department.id }] };
}
