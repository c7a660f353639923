import type { EntityManager } from '@mikro-orm/postgresql';
import type { Issuer } from './normative.enums';

/**
 * The normative area's view of the meetings that deliberated a document (集体审议, R-ND-4). The
 * meetings belong to the deliberation area, which depends on this one; it implements the port
 * (`deliberation/document-deliberations.ts`) and the composition root wires it in.
 */

/** What the head decided, as the release gate reads it: REJECT and RETURN_FOR_REVISION are no approval. */
export type DeliberationOutcome = 'APPROVED' | 'APPROVED_WITH_CHANGES' | 'NOT_APPROVED' | 'DEFERRED';

/** One agenda item that put the document before a meeting. */
export interface DocumentDeliberation {
  agendaItemId: string;
  meetingId: string;
  meetingTitle: string;
  /** The issuer whose own deliberating body held the meeting (director's office meeting: the street office). */
  bodyOf: Issuer;
  heldOn: string;
  /** The minutes are finalised: the decision is on the immutable record. */
  finalised: boolean;
  /** null while the head has not decided. */
  outcome: DeliberationOutcome | null;
  /** The head's decision in Chinese, for messages. */
  outcomeLabel: string | null;
  /** Hash of the text put before the meeting. */
  deliberatedHash: string;
}

export interface NormativeDeliberationPort {
  /** Every agenda item of the document, oldest meeting first. */
  of(em: EntityManager, documentId: string): Promise<DocumentDeliberation[]>;
}
