import { hasAnyRole, type Actor } from '../core/roles';
import { DecisionStatus } from '../deliberation/deliberation.enums';
import { DirectoryStatus } from '../directory/directory.enums';
import { DocumentState, FilingVerdict } from '../normative/normative.enums';
import { canSeeNormativeWork } from '../normative/normative.visibility';
import { OpinionStatus } from '../review/review.enums';
import { DocumentKind, linksOf, REGISTER_KINDS, type DocumentLink } from './document-kinds';
import { FLAG_READERS } from './flag-readers';

/**
 * Which documents a record offers its reader now: the links the API lists. Each mirrors the
 * check the download itself makes (official-documents.service.ts); the record itself is already
 * visible to the reader when these are asked.
 */


export function opinionDocuments(o: { id: string; status: OpinionStatus }): DocumentLink[] {
  return o.status === OpinionStatus.ISSUED ? linksOf(DocumentKind.LEGAL_OPINION, o.id) : [];
}

/** The return notice, while the review is returned for supplement (the download also serves the latest one afterwards). */
export function reviewDocuments(r: { id: string; returnedOn?: string | null }): DocumentLink[] {
  return r.returnedOn ? linksOf(DocumentKind.RETURN_NOTICE, r.id) : [];
}

const SIGNED: readonly DecisionStatus[] = [DecisionStatus.SIGNED, DecisionStatus.PUBLISHED, DecisionStatus.SUSPENDED];

export function decisionDocuments(d: { id: string; status: DecisionStatus; signedOn?: string | null; proposal: { id: string } }): DocumentLink[] {
  return [...(SIGNED.includes(d.status) && d.signedOn ? linksOf(DocumentKind.DECISION, d.id) : []), ...linksOf(DocumentKind.DECISION_ARCHIVE, d.proposal.id)];
}

export function directoryDocuments(d: { id: string; status: DirectoryStatus }): DocumentLink[] {
  return d.status === DirectoryStatus.PUBLISHED ? linksOf(DocumentKind.DECISION_DIRECTORY, d.id) : [];
}

export function normativeDocuments(
  user: Pick<Actor, 'roles' | 'department'>,
  d: { id: string; state: DocumentState; confirmedVerdict?: FilingVerdict | null; sponsorDepartment: { id: string } },
): DocumentLink[] {
  const filed = d.state !== DocumentState.DRAFTING && d.confirmedVerdict === FilingVerdict.FILING_REQUIRED;
  return filed && canSeeNormativeWork(user, d) ? linksOf(DocumentKind.FILING_REPORT, d.id) : [];
}

/** The registers the user may download. */
export function registerDocuments(user: Pick<Actor, 'roles'>): DocumentLink[] {
  return REGISTER_KINDS.filter((k) => k !== DocumentKind.FILING_FLAGS || hasAnyRole(user, FLAG_READERS)).flatMap((k) => linksOf(k, null));
}
