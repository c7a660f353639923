import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The field-duplication limit: in any selection set — after expanding fragment spreads and inline
 * fragments, and merging the sub-selections of same-named fields the way GraphQL does — one response
 * key may appear at most `max` times. graphql-js compares every pair of same-named fields when it
 * validates (OverlappingFieldsCanBeMerged), so 2,950 copies of one field cost seconds of CPU; this
 * check runs first, in linear time, and stops at the first excess. `maxSteps` bounds the expansion
 * of fragments nested in fragments.
 */
export interface DuplicationProblem {
  field: string;
  count: number;
}

export function findFieldDuplication(document: DocumentNode, max: number, maxSteps = 50_000): DuplicationProblem | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let steps = 0;

  /** Fields of several selection sets merged by response key; null when a key repeats too often. */
  const collect = (sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> | DuplicationProblem => {
    const byKey = new Map<string, FieldNode[]>();
    const active = new Set<string>();
    const walk = (set: SelectionSetNode): DuplicationProblem | null => {
      for (const sel of set.selections) {
        if (++steps > maxSteps) return { field: '…', count: steps };
        if (sel.kind === Kind.FIELD) {
          const key = sel.alias?.value ?? sel.name.value;
          const list = byKey.get(key) ?? [];
          list.push(sel);
          byKey.set(key, list);
          if (list.length > max) return { field: key, count: list.length };
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const p = walk(sel.selectionSet);
          if (p) return p;
        } else {
          const name = sel.name.value;
          const frag = fragments.get(name);
          if (!frag || active.has(name)) continue; // unknown or cyclic: validation reports it
          active.add(name);
          const p = walk(frag.selectionSet);
          active.delete(name);
          if (p) return p;
        }
      }
      return null;
    };
    for (const set of sets) {
      const p = walk(set);
      if (p) return p;
    }
    return byKey;
  };

  const check = (sets: readonly SelectionSetNode[]): DuplicationProblem | null => {
    const merged = collect(sets);
    if (!(merged instanceof Map)) return merged;
    for (const fields of merged.values()) {
      const children = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
      if (children.length === 0) continue;
      const p = check(children);
      if (p) return p;
    }
    return null;
  };

  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const p = check([d.selectionSet]);
    if (p) return p;
  }
  return null;
}
