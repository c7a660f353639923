import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Checkpoint } from './checkpoint';

/** A checkpoint file as found: its parsed JSON, or null when it does not parse. */
export interface CheckpointFile {
  source: string;
  content: unknown;
}

/** Where checkpoints are kept: a folder of JSON files, one per checkpoint, never rewritten. */
export interface CheckpointStore {
  readonly location: string;
  /** Every checkpoint file, in name order (which is time order). */
  list(): Promise<CheckpointFile[]>;
  /** Writes a new checkpoint file; returns its path. */
  write(cp: Checkpoint): Promise<string>;
}

const NAME = /^checkpoint-.*\.json$/;

export async function readCheckpointFile(file: string): Promise<CheckpointFile> {
  const text = await readFile(file, 'utf8');
  try {
    return { source: file, content: JSON.parse(text) };
  } catch {
    return { source: file, content: null };
  }
}

export function folderCheckpointStore(dir: string): CheckpointStore {
  return {
    location: dir,
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      return Promise.all(names.filter((n) => NAME.test(n)).sort().map((n) => readCheckpointFile(path.join(dir, n))));
    },
    async write(cp) {
      await mkdir(dir, { recursive: true });
      const stamp = cp.createdAt.replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
      const file = path.join(dir, `checkpoint-${stamp}-${String(cp.count).padStart(10, '0')}-${randomBytes(3).toString('hex')}.json`);
      // Written aside and renamed: a reader never sees half a checkpoint.
      const tmp = `${file}.tmp`;
      await writeFile(tmp, `${JSON.stringify(cp, null, 2)}\n`, { mode: 0o640, flag: 'wx' });
      await rename(tmp, file);
      return file;
    },
  };
}
