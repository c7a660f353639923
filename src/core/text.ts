import { createHash } from 'node:crypto';

/** SHA-256 of a text (UTF-8) or bytes, hex: the content hash of drafts, materials and versions. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An ILIKE pattern matching `search` anywhere, with %, _ and \ taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
