import { sha256 } from '../core/text';

/** Pure hash-chain rules for the audit trail. */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string, e: ChainedContent): string {
  const payload = canonicalJson([
    prevHash,
    e.occurredAt.toISOString(),
    e.actorId ?? null,
    e.actorUsername,
    e.action,
    e.subjectType,
    e.subjectId,
    e.before ?? null,
    e.after ?? null,
  ]);
  return sha256(payload);
}

export interface StoredEvent extends ChainedContent {
  id: string;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { eventId: string; reason: 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' };

/**
 * Checks a run of consecutive events, given the hash the first one must link to. Returns the first
 * broken event, or null.
 */
export function findChainBreak(expectedPrev: string, events: StoredEvent[]): ChainBreak | null {
  let prev = expectedPrev;
  for (const e of events) {
    if (e.prevHash !== prev) return { eventId: e.id, reason: 'PREV_HASH_MISMATCH' };
    if (eventHash(e.prevHash, e) !== e.hash) return { eventId: e.id, reason: 'HASH_MISMATCH' };
    prev = e.hash;
  }
  return null;
}
