import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The import direction of docs/architecture.md, checked on the source: the shared core imports no
 * area, areas are peers that never reach up into the GraphQL layer or the composition root, the
 * review engine imports no other area, and no file takes part in an import cycle.
 */
const SRC = path.resolve(__dirname, '..', '..', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'web' ? [] : walk(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const FILES = walk(SRC);
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

/** Relative imports of a file, resolved to files of src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)|require\('(\.{1,2}\/[^']+)'\)/g)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const target = path.resolve(path.dirname(file), spec);
    const found = [`${target}.ts`, path.join(target, 'index.ts')].find((f) => FILES.includes(f));
    if (found) out.push(found);
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

export const CORE = ['core'];
export const PLATFORM = ['db', 'identity', 'audit', 'calendar', 'content', 'jobs'];
export const AREAS = ['directory', 'proposal', 'review', 'contract', 'deliberation', 'normative', 'enforcement', 'register', 'report', 'documents', 'notifications'];
const APP_FILES = ['app.ts', 'main.ts', 'start.ts', 'services.ts', 'runtime.ts', 'background.ts', 'entities.ts', 'orm.ts', 'mikro-orm.config.ts'];

function folder(f: string): string {
  const r = rel(f);
  return r.includes('/') ? r.split('/')[0]! : '';
}
function isApp(f: string): boolean {
  return APP_FILES.includes(rel(f)) || folder(f) === 'cli';
}
function isGraphqlLayer(f: string): boolean {
  return folder(f) === 'graphql' || /\.(resolver|inputs|types|payloads)\.ts$/.test(f);
}
function isDomain(f: string): boolean {
  return !isApp(f) && !isGraphqlLayer(f);
}

const edges = [...GRAPH].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
const show = (e: { from: string; to: string }) => `${rel(e.from)} → ${rel(e.to)}`;

describe('import direction (docs/architecture.md)', () => {
  it('reads the source', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(edges.length).toBeGreaterThan(200);
  });

  it('the core imports only the core', () => {
    expect(edges.filter((e) => CORE.includes(folder(e.from)) && !CORE.includes(folder(e.to))).map(show)).toEqual([]);
  });

  it('the platform (db, identity, audit, calendar, content) imports no area', () => {
    expect(edges.filter((e) => PLATFORM.includes(folder(e.from)) && isDomain(e.from) && AREAS.includes(folder(e.to))).map(show)).toEqual([]);
  });

  it('no domain file (entity, rule, service, adapter) imports the GraphQL layer or the composition root', () => {
    expect(edges.filter((e) => isDomain(e.from) && (isGraphqlLayer(e.to) || isApp(e.to))).map(show)).toEqual([]);
  });

  it('the GraphQL layer never imports the composition root (but the type of its services)', () => {
    const allowed = (e: { from: string; to: string }) => rel(e.from) === 'graphql/context.ts' && rel(e.to) === 'services.ts';
    expect(edges.filter((e) => isGraphqlLayer(e.from) && isApp(e.to) && !allowed(e)).map(show)).toEqual([]);
  });

  it('the review engine imports no other area: subjects come through its port', () => {
    expect(edges.filter((e) => folder(e.from) === 'review' && AREAS.includes(folder(e.to)) && folder(e.to) !== 'review').map(show)).toEqual([]);
  });

  it('every transaction goes through the one helper (db/transaction.ts), which retries deadlock victims', () => {
    const direct = FILES.filter((f) => rel(f) !== 'db/transaction.ts' && /\.transactional\(/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(direct).toEqual([]);
  });

  it('has no import cycle between files', () => {
    // Tarjan's strongly connected components over the file graph.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    const strong = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of GRAPH.get(v) ?? []) {
        if (!idx.has(w)) {
          strong(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const c: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          c.push(rel(w));
        } while (w !== v);
        if (c.length > 1) cycles.push(c.sort());
      }
    };
    for (const f of FILES) if (!idx.has(f)) strong(f);
    expect(cycles).toEqual([]);
  });

  it('the areas depend on each other without a cycle', () => {
    const areaEdges = new Map<string, Set<string>>(AREAS.map((a) => [a, new Set()]));
    for (const e of edges) {
      const a = folder(e.from);
      const b = folder(e.to);
      if (AREAS.includes(a) && AREAS.includes(b) && a !== b) areaEdges.get(a)!.add(b);
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycle: string[] = [];
    const visit = (a: string, trail: string[]): void => {
      if (done.has(a) || cycle.length) return;
      if (visiting.has(a)) {
        cycle.push(...trail.slice(trail.indexOf(a)), a);
        return;
      }
      visiting.add(a);
      for (const b of areaEdges.get(a)!) visit(b, [...trail, a]);
      visiting.delete(a);
      done.add(a);
    };
    for (const a of AREAS) visit(a, []);
    expect(cycle).toEqual([]);
  });
});
