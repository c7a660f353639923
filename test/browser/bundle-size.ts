import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The console's build folder (vite's outDir). */
export const WEB_DIST = path.resolve(__dirname, '..', '..', 'dist', 'web');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The JavaScript a browser loads for the console's first page: the entry and everything it imports
 * statically (lazy role areas excluded), with each file's gzipped size.
 */
export function firstPageJavaScript(dist = WEB_DIST): { files: { file: string; gzip: number }[]; totalGzip: number } {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  visit('index.html');
  const files = [...seen]
    .map((k) => manifest[k]!.file)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dist, file))).length }));
  return { files, totalGzip: files.reduce((s, f) => s + f.gzip, 0) };
}

if (require.main === module) {
  const r = firstPageJavaScript();
  for (const f of r.files) console.log(`${(f.gzip / 1024).toFixed(1).padStart(8)} KB  ${f.file}`);
  console.log(`${(r.totalGzip / 1024).toFixed(1).padStart(8)} KB  first page, gzipped`);
}
