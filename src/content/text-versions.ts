import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sha256 } from '../core/text';
import { findOrThrow } from '../db/find';
import { lineDiff, type DiffLine } from './line-diff';
import { TextVersion } from './text-version.entity';

/** Who owns a versioned text: an area's kind name and the owner's id. */
export interface TextOwner {
  type: string;
  id: string;
}

/** A version as reviews and records pin it. */
export interface VersionRef {
  id: string;
  number: number;
  contentHash: string;
}

export function versionRef(v: TextVersion): VersionRef {
  return { id: v.id, number: v.number, contentHash: v.contentHash };
}

/**
 * The one text-version mechanism. The owner's area holds the current number and increments it under
 * its own optimistic lock; this store writes the immutable row (unique per owner and number).
 */
export const textVersions = {
  append(em: EntityManager, owner: TextOwner, number: number, input: { text: string; changeNote: string; authorId: string; at: Date }): TextVersion {
    return em.create(TextVersion, {
      id: randomUUID(),
      ownerType: owner.type,
      ownerId: owner.id,
      number,
      text: input.text,
      changeNote: input.changeNote.trim(),
      contentHash: sha256(input.text),
      author: input.authorId,
      createdAt: input.at,
    } as unknown as TextVersion);
  },

  find(em: EntityManager, owner: TextOwner, number: number, withText = false): Promise<TextVersion | null> {
    return em.findOne(TextVersion, { ownerType: owner.type, ownerId: owner.id, number }, withText ? { populate: ['text'] } : {});
  },

  get(em: EntityManager, owner: TextOwner, number: number, what: string, withText = false): Promise<TextVersion> {
    return findOrThrow(em, TextVersion, { ownerType: owner.type, ownerId: owner.id, number }, `${what}第 ${number} 版`, withText ? { populate: ['text'] } : {});
  },

  /** Line diff between two versions of one owner. */
  async diff(em: EntityManager, owner: TextOwner, from: number, to: number, what: string): Promise<{ from: TextVersion; to: TextVersion; lines: DiffLine[] }> {
    const a = await this.get(em, owner, from, what, true);
    const b = await this.get(em, owner, to, what, true);
    return { from: a, to: b, lines: lineDiff(a.text, b.text) };
  },
};
