import 'reflect-metadata';
import { getNullableType, isListType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { COST_MEMO_LIMITS, costMemo, DEFAULT_LIST_ESTIMATE, LIST_ESTIMATES, LONG_TEXT_FIELDS, operationCost, textCost } from '../../src/graphql/cost';
import { findFieldDuplication } from '../../src/graphql/field-duplication';
import { getSchema } from '../../src/graphql/schema';

/** The cost rules of src/graphql/cost.ts and the field-duplication check, without a server. */
describe('operation cost', () => {
  let schema: GraphQLSchema;
  const settings = { defaultPageSize: 20, maxPageSize: 100, textFieldCost: 200 };
  const cost = (q: string, variables: Record<string, unknown> = {}, context = {}) => operationCost(schema, parse(q), settings, variables, undefined, context);
  beforeAll(async () => {
    schema = await getSchema();
  });

  it('names only fields that exist in the schema', () => {
    for (const key of [...Object.keys(LIST_ESTIMATES), ...Object.keys(LONG_TEXT_FIELDS)]) {
      const [type, field] = key.split('.') as [string, string];
      const t = schema.getType(type);
      expect(t && isObjectType(t) && t.getFields()[field] ? key : `missing ${key}`).toBe(key);
    }
  });

  it('gives every list without `first` outside a connection an estimate (listed, or the default handful)', () => {
    const unlisted: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__') || t.name.endsWith('Connection')) continue;
      for (const f of Object.values(t.getFields())) {
        if (!isListType(getNullableType(f.type)) || f.args.some((a) => a.name === 'first')) continue;
        if (!(`${t.name}.${f.name}` in LIST_ESTIMATES)) unlisted.push(`${t.name}.${f.name}`);
      }
    }
    // The default applies to these: each is bounded by construction to a handful.
    expect(DEFAULT_LIST_ESTIMATE).toBe(10);
    expect(unlisted.length).toBeGreaterThan(0);
  });

  it("multiplies a connection's selection by `first` (default page size when omitted, the cap when larger)", () => {
    const one = cost('{ users(first: 1) { nodes { id username } } }');
    expect(one).toBe(1 + 1 * (1 + 2));
    expect(cost('{ users(first: 50) { nodes { id username } } }')).toBe(1 + 50 * 3);
    expect(cost('{ users { nodes { id username } } }')).toBe(1 + 20 * 3);
    expect(cost('{ users(first: 5000) { nodes { id username } } }')).toBe(1 + 100 * 3);
    expect(cost('query Q($n: Int) { users(first: $n) { nodes { id username } } }', { n: 7 })).toBe(1 + 7 * 3);
    // Nested pages multiply; aliases add up.
    expect(cost('{ proposals(first: 10) { nodes { drafts(first: 10) { nodes { id } } } } }')).toBe(1 + 10 * (1 + (1 + 10 * (1 + 1))));
    expect(cost('{ a: users(first: 10) { nodes { id } } b: users(first: 10) { nodes { id } } }')).toBe(2 * (1 + 10 * 2));
  });

  it('counts lists bounded by construction at their fixed estimate, and long texts by their length', () => {
    expect(cost('{ proposals(first: 1) { nodes { timeline { id } } } }')).toBe(1 + 1 * (1 + (1 + 500 * 1)));
    expect(cost('{ me { roles } }')).toBe(1 + (1 + 10));
    expect(textCost(500_000, 200)).toBe(200);
    expect(textCost(20_000, 200)).toBe(8);
    const withText = cost('{ proposals(first: 1) { nodes { drafts(first: 1) { nodes { text } } } } }');
    const without = cost('{ proposals(first: 1) { nodes { drafts(first: 1) { nodes { number } } } } }');
    expect(withText - without).toBe(200);
  });

  it('costs introspection nothing, and an anonymous caller only its public root fields', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
    const anonymous = { anonymous: true, publicRootFields: new Set(['login']) };
    expect(cost('{ users(first: 100) { nodes { id username } } }', {}, anonymous)).toBe(1);
    expect(cost('mutation { login(username: "a", password: "b") { token } }', {}, anonymous)).toBe(cost('mutation { login(username: "a", password: "b") { token } }'));
  });
});

describe('the memo of operation costs', () => {
  const setup = () => {
    const calls: Record<string, unknown>[] = [];
    const memo = costMemo((_document, variables) => {
      calls.push(variables);
      return 7;
    });
    return { calls, memo, document: parse('query Q($s: String) { rule(id: $s) { id } }') };
  };

  it('computes once per document, operation, caller kind and variables', () => {
    const { calls, memo, document } = setup();
    expect(memo.cost(document, { s: 'a' }, 'Q', false)).toBe(7);
    expect(memo.cost(document, { s: 'a' }, 'Q', false)).toBe(7);
    expect(calls).toHaveLength(1);
    memo.cost(document, { s: 'a' }, 'Q', true);
    memo.cost(document, { s: 'b' }, 'Q', false);
    expect(calls).toHaveLength(3);
    expect(memo.size(document)).toBe(3);
  });

  it('never keeps variables above the key limit (about 4 KB): computed each time, nothing stored', () => {
    const { calls, memo, document } = setup();
    const big = { s: 'x'.repeat(COST_MEMO_LIMITS.maxKeyChars) };
    for (let i = 0; i < 3; i++) expect(memo.cost(document, big, 'Q', false)).toBe(7);
    expect(calls).toHaveLength(3);
    expect(memo.size(document)).toBe(0);
    // just under the limit is kept
    memo.cost(document, { s: 'x'.repeat(COST_MEMO_LIMITS.maxKeyChars - 100) }, 'Q', false);
    expect(memo.size(document)).toBe(1);
  });

  it('holds at most a bounded number of entries per document', () => {
    const { memo, document } = setup();
    for (let i = 0; i < COST_MEMO_LIMITS.maxEntriesPerDocument * 3; i++) memo.cost(document, { s: String(i) }, 'Q', false);
    expect(memo.size(document)).toBeLessThanOrEqual(COST_MEMO_LIMITS.maxEntriesPerDocument);
    expect(memo.size(document)).toBeGreaterThan(0);
  });
});

describe('field duplication', () => {
  const dup = (q: string, max = 5) => findFieldDuplication(parse(q), max);

  it('counts a response key across fragments and inline fragments, and in merged sub-selections', () => {
    expect(dup('{ me { id id id id id } }')).toBeNull();
    expect(dup('{ me { id id id id id id } }')).toEqual({ field: 'id', count: 6 });
    expect(dup('{ me { ...F ...F ...F } } fragment F on User { id username }', 2)).toEqual({ field: 'id', count: 3 });
    expect(dup('{ me { ... on User { id } ... on User { id } } }', 1)).toEqual({ field: 'id', count: 2 });
    // Same-named fields merge: their sub-selections are one set.
    expect(dup('{ me { department { id } } me { department { id } } me { department { id } } }', 2)).toEqual({ field: 'me', count: 3 });
    expect(dup('{ me { department { id id } } me { department { id } } }', 2)).toEqual({ field: 'id', count: 3 });
    // Aliases are different keys.
    expect(dup('{ a: me { id } b: me { id } c: me { id } }', 1)).toBeNull();
  });

  it('survives fragment cycles and stops exponential expansion', () => {
    expect(dup('{ me { ...A } } fragment A on User { id ...A }')).toBeNull();
    const nested = Array.from({ length: 12 }, (_, i) => `fragment F${i} on User { a${i}: id ...F${i + 1} ...F${i + 1} }`).join(' ');
    const r = dup(`{ me { ...F0 } } ${nested} fragment F12 on User { id }`, 1000);
    expect(r).not.toBeNull();
  });
});
