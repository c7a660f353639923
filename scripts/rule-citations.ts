import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files that can refuse an action: pure rules and workflow tables (where violations are built). */
const ENFORCING = /\.(rules|workflow)\.ts$/;

/** Rule id → the enforcing source files that cite it as a quoted id (`'R-DEC-8'`), sorted. */
export function ruleCitations(srcDir: string): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (ENFORCING.test(name)) {
        const rel = path.relative(path.dirname(srcDir), p).split(path.sep).join('/');
        for (const m of readFileSync(p, 'utf8').matchAll(/'(R-[A-Z]+-\d+)'/g)) {
          if (!out.has(m[1]!)) out.set(m[1]!, new Set());
          out.get(m[1]!)!.add(rel);
        }
      }
    }
  };
  walk(srcDir);
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
