import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditKeyMaterial } from '../core/config';

/**
 * A signed checkpoint of the audit chain (审计链检查点): the newest event's id and hash and the
 * number of events up to it, at a time, sealed with an HMAC under the audit key. Kept outside the
 * database (a file, a copy sent elsewhere, a printout), it anchors the chain: deleting the newest
 * events leaves a checkpoint whose head is gone, and a re-chained history no longer has the
 * checkpoint's hash at its head. Neither can be hidden by forging a checkpoint without the key.
 */
export const CHECKPOINT_FORMAT = 'yunhu-audit-checkpoint/1';

export interface ChainHead {
  /** The newest event's id; null for an empty chain. */
  headId: string | null;
  headHash: string;
  /** Events up to and including the head. */
  count: number;
}

export interface Checkpoint extends ChainHead {
  format: typeof CHECKPOINT_FORMAT;
  /** ISO time the checkpoint was taken. */
  createdAt: string;
  keyId: string;
  /** HMAC-SHA256 (hex) over the fields above. */
  mac: string;
}

function macOf(secret: string, c: Omit<Checkpoint, 'mac'>): string {
  const payload = JSON.stringify([c.format, c.createdAt, c.headId, c.headHash, c.count, c.keyId]);
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

export function signCheckpoint(key: AuditKeyMaterial, head: ChainHead, at: Date): Checkpoint {
  const body = { format: CHECKPOINT_FORMAT, createdAt: at.toISOString(), headId: head.headId, headHash: head.headHash, count: head.count, keyId: key.id } as const;
  return { ...body, mac: macOf(key.secret, body) };
}

/** The head id a checkpoint pins, or null for a checkpoint of the empty chain. */
export function checkpointHead(cp: Checkpoint): string | null {
  return cp.count > 0 ? cp.headId : null;
}

/**
 * The checkpoint when `value` is one, well formed and sealed by a known key; otherwise why not.
 * (A file that does not parse, lacks a field or fails its seal was altered or is not a checkpoint.)
 */
export function readCheckpoint(value: unknown, keys: ReadonlyMap<string, string>): { checkpoint: Checkpoint } | { problem: string } {
  if (typeof value !== 'object' || value === null) return { problem: '不是检查点' };
  const v = value as Record<string, unknown>;
  if (v.format !== CHECKPOINT_FORMAT) return { problem: '格式不符' };
  const wellFormed =
    typeof v.createdAt === 'string' &&
    !Number.isNaN(Date.parse(v.createdAt)) &&
    (v.headId === null || (typeof v.headId === 'string' && /^\d{1,19}$/.test(v.headId))) &&
    typeof v.headHash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.headHash) &&
    typeof v.count === 'number' &&
    Number.isSafeInteger(v.count) &&
    v.count >= 0 &&
    (v.count === 0) === (v.headId === null) &&
    typeof v.keyId === 'string' &&
    typeof v.mac === 'string' &&
    /^[0-9a-f]{64}$/.test(v.mac);
  if (!wellFormed) return { problem: '字段缺失或格式无效' };
  const cp = v as unknown as Checkpoint;
  const secret = keys.get(cp.keyId);
  if (secret === undefined) return { problem: `未知的密钥编号 ${cp.keyId}` };
  const expected = Buffer.from(macOf(secret, cp), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(cp.mac, 'hex'))) return { problem: '签名不符（检查点被改动或伪造）' };
  return { checkpoint: { format: CHECKPOINT_FORMAT, createdAt: cp.createdAt, headId: cp.headId, headHash: cp.headHash, count: cp.count, keyId: cp.keyId, mac: cp.mac } };
}
