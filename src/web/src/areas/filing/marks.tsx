/**
 * The red flags of an assessment (R-ND-2) marked in the text they were found in. The API gives each
 * flag as { where: TITLE | TEXT, term, excerpt }: the excerpt is the text around the term's first
 * occurrence, whitespace collapsed, with … where it was cut. Each excerpt is found again in the text
 * (whitespace-tolerant) and marked; overlapping excerpts share one mark naming all their terms. An
 * excerpt no longer in the text (changed since the assessment) falls back to the term's first
 * occurrence; a term no longer there is reported as not found.
 */

export interface RedFlag {
  where: 'TITLE' | 'TEXT';
  term: string;
  excerpt: string;
}

/** The flags of `redFlags` (JSON) that have the shape the API documents. */
export function readRedFlags(json: unknown): RedFlag[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (f): f is RedFlag =>
      !!f &&
      typeof f === 'object' &&
      typeof (f as RedFlag).term === 'string' &&
      typeof (f as RedFlag).excerpt === 'string' &&
      ((f as RedFlag).where === 'TITLE' || (f as RedFlag).where === 'TEXT'),
  );
}

interface Range {
  start: number;
  end: number;
  terms: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the excerpt (or, failing that, the term) lies in the text; null when neither is there. */
export function locate(text: string, flag: RedFlag): { start: number; end: number } | null {
  const core = flag.excerpt.replace(/^…/, '').replace(/…$/, '').trim();
  if (core) {
    const pattern = core.split(/\s+/).map(escape).join('\\s+');
    const m = new RegExp(pattern).exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  const i = text.indexOf(flag.term);
  return i >= 0 ? { start: i, end: i + flag.term.length } : null;
}

/** The ranges to mark, overlapping ones merged, in text order; and the flags not found. */
export function markRanges(text: string, flags: RedFlag[]): { ranges: Range[]; missing: RedFlag[] } {
  const found: Range[] = [];
  const missing: RedFlag[] = [];
  for (const f of flags) {
    const r = locate(text, f);
    if (r) found.push({ ...r, terms: [f.term] });
    else missing.push(f);
  }
  found.sort((a, b) => a.start - b.start);
  const ranges: Range[] = [];
  for (const r of found) {
    const last = ranges[ranges.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.terms.push(...r.terms);
    } else ranges.push({ ...r, terms: [...r.terms] });
  }
  return { ranges, missing };
}

/** The text with every flag's excerpt in a <mark> (title: the terms found there). */
export function MarkedText({ text, flags }: { text: string; flags: RedFlag[] }) {
  const { ranges } = markRanges(text, flags);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={r.start} title={`提示性特征：${r.terms.join('、')}`} data-terms={r.terms.join(',')} style={{ background: '#ffe58f', padding: '0 1px' }}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
