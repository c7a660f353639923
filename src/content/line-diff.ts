/** Line diff between two texts (pure). Longest common subsequence over the lines that differ. */

export type DiffOp = 'EQUAL' | 'ADDED' | 'REMOVED';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line number in the old text (EQUAL, REMOVED) */
  oldLine: number | null;
  /** 1-based line number in the new text (EQUAL, ADDED) */
  newLine: number | null;
}

/** Above this many cells of the LCS table, the middle is reported as replaced wholesale. */
const MAX_CELLS = 4_000_000;

export function lineDiff(oldText: string, newText: string): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'EQUAL', text: a[i]!, oldLine: i + 1, newLine: i + 1 });

  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ op: 'REMOVED', text: a[i]!, oldLine: i + 1, newLine: null });
    for (let j = start; j < endB; j++) out.push({ op: 'ADDED', text: b[j]!, oldLine: null, newLine: j + 1 });
  } else {
    // lcs[i][j]: LCS length of a[start+i..endA) and b[start+j..endB)
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ op: 'EQUAL', text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        out.push({ op: 'REMOVED', text: a[start + i]!, oldLine: start + i + 1, newLine: null });
        i++;
      } else {
        out.push({ op: 'ADDED', text: b[start + j]!, oldLine: null, newLine: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) {
    out.push({ op: 'EQUAL', text: a[endA + k]!, oldLine: endA + k + 1, newLine: endB + k + 1 });
  }
  return out;
}
