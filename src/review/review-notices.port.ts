import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What the review engine tells whoever notifies people (R-NT-1), inside the transaction of the
 * change, after it is flushed: the notices are made with the change or not at all.
 */
export interface ReviewNoticePort {
  opinionIssued(em: EntityManager, reviewId: string): Promise<void>;
}
