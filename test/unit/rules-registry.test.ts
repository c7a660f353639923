import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RULES } from '../../src/core/config';
import { configValue, rulesReference } from '../../src/core/rules/reference';
import { RULES, ruleById } from '../../src/core/rules/registry';
import { dateChecks } from '../../scripts/date-checks';
import { ruleCitations } from '../../scripts/rule-citations';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') || p.endsWith('.tsx') ? [p] : [];
  });
}
const FILES = walk(SRC);

describe('rules registry', () => {
  it('has unique ids, titles, sources and texts', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.title.trim()).not.toBe('');
      expect(r.source.trim()).not.toBe('');
      expect(r.text.length).toBeGreaterThan(20);
    }
  });

  it('registers every rule id the code cites (in violations and in messages)', () => {
    const unknown: string[] = [];
    for (const f of FILES) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bR-(?:DIR|DEC|LR|EN|ND|AR)-\d+\b/g)) {
        if (!ruleById(m[0])) unknown.push(`${path.relative(ROOT, f)}: ${m[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('cites every rule that is not advisory in a rules file or a workflow table', () => {
    const cited = ruleCitations(SRC);
    expect(RULES.filter((r) => !r.advisory && !cited.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('names only configuration keys that exist', () => {
    for (const r of RULES) for (const k of r.configKeys) expect([r.id, k, configValue(DEFAULT_RULES, k) !== undefined]).toEqual([r.id, k, true]);
  });

  it('leaves building violations to the pure rules: no service or adapter builds one inline', () => {
    const inline = FILES.filter((f) => /\.(service|adapter)\.ts$/.test(f) && /\brule:\s*'R-/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(inline).toEqual([]);
  });

  it('keeps docs/rules.md in step with the registry (npm run docs:rules)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesReference(ruleCitations(SRC), dateChecks()));
  });
});
