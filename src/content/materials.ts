import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../core/errors';
import { sha256 } from '../core/text';
import { findOrThrow } from '../db/find';
import type { TextOwner } from './text-versions';
import { Material } from './material.entity';
import type { MaterialKind } from './material.enums';

/** Where uploaded bytes live: the storage port. Text materials always stay in the database. */
export interface MaterialStorage {
  /** "db" keeps bytes in the material row; any other kind keeps them outside, addressed by hash. */
  readonly kind: 'db' | 'fs';
  /** Stores bytes outside the database (no-op for "db"). Content-addressed: never overwritten. */
  put(hash: string, bytes: Buffer): void;
  /** Reads bytes stored outside the database. */
  get(hash: string): Buffer;
}

export const databaseStorage: MaterialStorage = {
  kind: 'db',
  put: () => undefined,
  get: () => {
    throw new Error('database storage keeps bytes in the row');
  },
};

/** Files named by their SHA-256 in one folder: the same bytes are stored once. */
export function folderStorage(dir: string): MaterialStorage {
  return {
    kind: 'fs',
    put(hash, bytes) {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, hash);
      if (!existsSync(file)) writeFileSync(file, bytes, { mode: 0o640 });
    },
    get: (hash) => readFileSync(path.join(dir, hash)),
  };
}

export interface MaterialInput {
  kind: MaterialKind;
  title: string;
  text?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  contentBase64?: string | null;
  /** The file's bytes as received by the upload endpoint (POST /materials), instead of base64. */
  bytes?: Buffer | null;
}

/** What a review pins of a material: enough to prove later which bytes were submitted. */
export interface PinnedMaterial {
  id: string;
  kind: string;
  title: string;
  contentHash: string;
}

/** The materials of every owner: checked input, storage, hash, and the bytes back with their hash verified. */
export class Materials {
  constructor(
    private readonly storage: MaterialStorage,
    private readonly maxBytes: number,
  ) {}

  /** Validates a text-or-file input and decodes the file (before any transaction starts). */
  prepare(input: MaterialInput): { content: Buffer; bytes: Buffer | null } {
    const hasText = input.text !== undefined && input.text !== null;
    const hasBase64 = input.contentBase64 !== undefined && input.contentBase64 !== null;
    const hasBytes = input.bytes !== undefined && input.bytes !== null;
    if ([hasText, hasBase64, hasBytes].filter(Boolean).length !== 1) throw new BadInputError('材料须为文本或文件（二选一）', 'text');
    if (hasBase64 || hasBytes) {
      if (!input.fileName) throw new BadInputError('上传文件须填写文件名', 'fileName');
      const bytes = hasBytes ? input.bytes! : Buffer.from(input.contentBase64!, 'base64');
      if (bytes.length === 0) throw new BadInputError('文件内容为空', 'contentBase64');
      if (bytes.length > this.maxBytes) throw new BadInputError(`文件过大：${bytes.length} 字节，上限 ${this.maxBytes} 字节`, 'contentBase64');
      return { content: bytes, bytes };
    }
    if (!input.text!.trim()) throw new BadInputError('文本材料不能为空', 'text');
    return { content: Buffer.from(input.text!, 'utf8'), bytes: null };
  }

  add(em: EntityManager, owner: TextOwner, input: MaterialInput, uploadedBy: string, at: Date): Material {
    const { content, bytes } = this.prepare(input);
    const contentHash = sha256(content);
    const storage = bytes ? this.storage.kind : 'db';
    if (bytes && storage !== 'db') this.storage.put(contentHash, bytes);
    return em.create(Material, {
      id: randomUUID(),
      ownerType: owner.type,
      ownerId: owner.id,
      kind: input.kind,
      title: input.title.trim(),
      text: bytes ? null : input.text,
      fileName: bytes ? input.fileName : null,
      mimeType: bytes ? (input.mimeType ?? 'application/octet-stream') : null,
      sizeBytes: content.length,
      contentHash,
      storage,
      bytes: bytes && storage === 'db' ? bytes : null,
      uploadedBy,
      createdAt: at,
    } as unknown as Material);
  }

  list(em: EntityManager, owner: TextOwner): Promise<Material[]> {
    return em.find(Material, { ownerType: owner.type, ownerId: owner.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async pin(em: EntityManager, owner: TextOwner): Promise<PinnedMaterial[]> {
    return (await this.list(em, owner)).map((m) => ({ id: m.id, kind: m.kind, title: m.title, contentHash: m.contentHash }));
  }

  /** The material and its bytes; the hash is verified so a changed file is never served silently. */
  async read(em: EntityManager, id: string): Promise<{ material: Material; content: Buffer }> {
    const m = await findOrThrow(em, Material, id, '材料', { populate: ['bytes', 'text'] });
    let content: Buffer;
    if (m.fileName === null || m.fileName === undefined) content = Buffer.from(m.text ?? '', 'utf8');
    else if (m.storage === 'db') content = m.bytes!;
    else content = this.storage.get(m.contentHash);
    if (sha256(content) !== m.contentHash) throw new Error(`material ${m.id} content does not match its hash`);
    return { material: m, content };
  }
}
