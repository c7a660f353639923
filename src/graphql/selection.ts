import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Wanted } from '../db/rows';

/**
 * What a read must fetch, from the GraphQL selection: the names of the fields selected on the
 * objects a field returns. Row readers (src/db/rows.ts) read a long column only when its property
 * is named here; every short column is always read. Computed once per field of a request (graphql-js
 * shares one `fieldNodes` array among the items of a list).
 */
const direct = new WeakMap<object, ReadonlySet<string>>();
const ofNodes = new WeakMap<object, ReadonlySet<string>>();

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: Set<string>, path: string[] = []): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      if (path.length === 0) into.add(s.name.value);
      else if (s.name.value === path[0]) collect(s.selectionSet, fragments, into, path.slice(1));
    } else if (s.kind === 'InlineFragment') collect(s.selectionSet, fragments, into, path);
    else {
      const f = fragments[s.name.value];
      if (f) collect(f.selectionSet, fragments, into, path);
    }
  }
}

/** Fields selected on the object (or each object of the list) a field returns. */
export function selectedFields(info: GraphQLResolveInfo): Wanted {
  let s = direct.get(info.fieldNodes);
  if (!s) {
    const into = new Set<string>();
    for (const n of info.fieldNodes) collect(n.selectionSet, info.fragments, into);
    direct.set(info.fieldNodes, (s = into));
  }
  return s;
}

/** Fields selected on the nodes of a connection a field returns (`nodes { … }` and `edges { node { … } }`). */
export function selectedNodeFields(info: GraphQLResolveInfo): Wanted {
  let s = ofNodes.get(info.fieldNodes);
  if (!s) {
    const into = new Set<string>();
    for (const n of info.fieldNodes) {
      collect(n.selectionSet, info.fragments, into, ['nodes']);
      collect(n.selectionSet, info.fragments, into, ['edges', 'node']);
    }
    ofNodes.set(info.fieldNodes, (s = into));
  }
  return s;
}
