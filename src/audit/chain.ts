import { createHmac } from 'node:crypto';
import type { AuditKeyMaterial } from '../core/config';
import { sha256 } from '../core/text';
import { checkpointHead, type Checkpoint } from './checkpoint';

/**
 * Pure hash-chain rules for the audit trail. Each event is sealed with an HMAC-SHA256 under a key
 * that is not in the database (its id is stored with the event, so keys can be rotated): whoever
 * can write the table but lacks the key cannot produce a valid seal, so an edit cannot be hidden by
 * re-chaining. Events written before keys existed (issue #10) keep their plain SHA-256 and a null
 * key id; they may only form the beginning of the chain, and the first keyed event after them
 * seals their last hash.
 */

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

function contentFields(e: ChainedContent): unknown[] {
  return [e.occurredAt.toISOString(), e.actorId ?? null, e.actorUsername, e.action, e.subjectType, e.subjectId, e.before ?? null, e.after ?? null];
}

/** The plain SHA-256 seal of events written before audit keys existed (key id null). */
export function eventHash(prevHash: string, e: ChainedContent): string {
  return sha256(canonicalJson([prevHash, ...contentFields(e)]));
}

/** The keyed seal: HMAC-SHA256 under the key, over the key id, the previous hash and the content. */
export function eventHmac(key: AuditKeyMaterial, prevHash: string, e: ChainedContent): string {
  return createHmac('sha256', key.secret)
    .update(canonicalJson(['hmac-sha256', key.id, prevHash, ...contentFields(e)]), 'utf8')
    .digest('hex');
}

export interface StoredEvent extends ChainedContent {
  id: string;
  prevHash: string;
  hash: string;
  /** The key the event is sealed with; null for a plain SHA-256 event from before audit keys. */
  keyId?: string | null;
}

export type ChainBreakReason =
  | 'PREV_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'UNKNOWN_KEY'
  | 'UNSIGNED_AFTER_SIGNED'
  | 'CHECKPOINT_INVALID'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_HEAD_MISSING';

export interface ChainBreak {
  /** The first event found altered, or a checkpoint's head that is missing; null for an invalid checkpoint. */
  eventId: string | null;
  reason: ChainBreakReason;
  /** The checkpoint the chain disagrees with (checkpoint reasons only). */
  checkpoint?: Checkpoint;
}

/**
 * Walks the chain in id order, batch by batch: each event must link to the one before it, carry a
 * valid seal under a known key (or be one of the plain events that precede every keyed one), and
 * agree with every checkpoint whose head it is (same hash, same number of events up to it). After
 * the last event, a checkpoint whose head was never reached means events were removed.
 */
export class ChainWalker {
  private prev: string;
  private signedSeen = false;
  private readonly pending = new Map<string, Checkpoint[]>();
  /** Events checked so far. */
  count = 0;

  constructor(
    private readonly keys: ReadonlyMap<string, string>,
    checkpoints: readonly Checkpoint[] = [],
    expectedPrev: string = GENESIS_HASH,
  ) {
    this.prev = expectedPrev;
    for (const cp of checkpoints) {
      const head = checkpointHead(cp);
      if (head === null) continue; // a checkpoint of the empty chain holds nothing to compare
      this.pending.set(head, [...(this.pending.get(head) ?? []), cp]);
    }
  }

  /** The next events in id order; the first break found, or null. */
  push(events: readonly StoredEvent[]): ChainBreak | null {
    for (const e of events) {
      const broken = this.check(e);
      if (broken) return broken;
    }
    return null;
  }

  /** After the last event: a checkpoint whose head the chain never reached (the lowest head first). */
  finish(): ChainBreak | null {
    const missing = [...this.pending.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
    if (missing === undefined) return null;
    return { eventId: missing, reason: 'CHECKPOINT_HEAD_MISSING', checkpoint: this.pending.get(missing)![0]! };
  }

  private check(e: StoredEvent): ChainBreak | null {
    if (e.prevHash !== this.prev) return { eventId: e.id, reason: 'PREV_HASH_MISMATCH' };
    const keyId = e.keyId ?? null;
    if (keyId === null) {
      if (this.signedSeen) return { eventId: e.id, reason: 'UNSIGNED_AFTER_SIGNED' };
      if (eventHash(e.prevHash, e) !== e.hash) return { eventId: e.id, reason: 'HASH_MISMATCH' };
    } else {
      const secret = this.keys.get(keyId);
      if (secret === undefined) return { eventId: e.id, reason: 'UNKNOWN_KEY' };
      if (eventHmac({ id: keyId, secret }, e.prevHash, e) !== e.hash) return { eventId: e.id, reason: 'HASH_MISMATCH' };
      this.signedSeen = true;
    }
    this.count += 1;
    this.prev = e.hash;
    const due = this.pending.get(e.id);
    if (due) {
      this.pending.delete(e.id);
      const differs = due.find((cp) => cp.headHash !== e.hash || cp.count !== this.count);
      if (differs) return { eventId: e.id, reason: 'CHECKPOINT_MISMATCH', checkpoint: differs };
    }
    return null;
  }
}

/**
 * Checks a run of consecutive events, given the hash the first one must link to. Returns the first
 * broken event, or null.
 */
export function findChainBreak(expectedPrev: string, events: StoredEvent[], keys: ReadonlyMap<string, string> = new Map()): ChainBreak | null {
  return new ChainWalker(keys, [], expectedPrev).push(events);
}
