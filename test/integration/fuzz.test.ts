import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { startHarness, type Harness } from '../support/harness';

/**
 * Issue #10, finding 7: a schema-driven fuzz test. A fixed seed generates ≥ 2,000 requests — wrong
 * types, nulls, huge and hostile strings, NUL bytes and lone surrogates, bad base64, forged cursors,
 * unknown enum values, deep and wide selections — sent as anonymous and as signed-in users. No
 * response may have status 500, an INTERNAL_SERVER_ERROR, or a message showing SQL or a stack frame.
 */

const SEED = 20260110;
const REQUESTS = 2000;
const CONCURRENCY = 4;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 high',
  'lone \udc00 low',
  'tail \ud83d',
  "'; drop table users; --",
  '" or 1=1 --',
  '\\',
  '%_%',
  '$1',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u202e\u202d',
  '😀🀄️𠀀',
  '中文字段',
  '2026-02-30',
  '2026-13-01',
  '9999-99-99',
  '-1',
  '1e400',
  'NaN',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '***',
  '====',
  'A',
  'AAAA====',
  '@@@@',
  b64url(['x', 'not-a-uuid']),
  b64url([1e308, '00000000-0000-0000-0000-000000000000']),
  b64url(['2026-01-01T00:00:00.000Z', "'; select pg_sleep(1); --"]),
  b64url([{}, []]),
  b64url(['\u0000', '\u0000']),
  'a|b|c',
  'JC-2026-001',
  '云湖街规〔2026〕1号',
];

const BAD_INTS = [0, -1, 1, 2, 7, 100, 101, 1000, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER];

interface Ctx {
  r: Rng;
  ids: string[];
}

function hugeString(r: Rng): string {
  return r.pick(['x', '中', '\u0000', 'ab\ud800']).repeat(r.pick([1000, 20000, 100000]));
}

function randomString(c: Ctx): string {
  const { r } = c;
  if (r.chance(0.05)) return hugeString(r);
  if (r.chance(0.25)) return r.pick(c.ids);
  return r.pick(HOSTILE_STRINGS);
}

/** A value for an input type: mostly plausible, often wrong. */
function inputValue(type: GraphQLInputType, c: Ctx, depth = 0): unknown {
  const { r } = c;
  // Wrong on purpose.
  if (r.chance(0.06)) return null;
  if (r.chance(0.04)) return r.pick<unknown>([42, 'str', true, [], {}, [null], { a: 1 }, 1.25, -0]);
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const n = r.pick([0, 1, 2, 3, 50]);
    return Array.from({ length: n }, () => inputValue(t.ofType as GraphQLInputType, c, depth + 1));
  }
  if (isEnumType(t)) {
    if (r.chance(0.2)) return r.pick(['NOPE', 'draft', '', 'DRAFTR', '__proto__']);
    return r.pick(t.getValues()).name;
  }
  if (isInputObjectType(t)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (!isNonNullType(f.type) && r.chance(0.5)) continue;
      if (r.chance(0.03)) continue; // a required field missing
      out[f.name] = inputValue(f.type, c, depth + 1);
    }
    if (r.chance(0.05)) out.unknownField = 'x';
    return out;
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'Int':
        return r.pick(BAD_INTS);
      case 'Float':
        return r.pick([0, -1, 1.5, 1e308, -1e308, 0.1]);
      case 'Boolean':
        return r.chance(0.9) ? r.chance(0.5) : 'yes';
      case 'ID':
        return r.chance(0.5) ? r.pick(c.ids) : randomString(c);
      case 'LocalDate':
        return r.pick(['2026-01-01', '2026-02-29', '2026-12-31', '1900-01-01', '2026-1-1', 'today', '2026-06-15']);
      case 'DateTimeISO':
        return r.pick(['2026-01-01T00:00:00Z', 'yesterday', '2026-02-30T00:00:00Z', '']);
      case 'JSON':
      case 'JSONObject':
        return r.pick<unknown>([{}, [], { a: '\u0000' }, 'x', 1]);
      default:
        return randomString(c);
    }
  }
  return null;
}

/** GraphQL literal for a value (for inline arguments). */
function literal(v: unknown, type: GraphQLInputType): string {
  if (v === null || v === undefined) return 'null';
  const t = getNullableType(type) as GraphQLInputType;
  if (typeof v === 'string') return isEnumType(t) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, isListType(t) ? (t.ofType as GraphQLInputType) : t)).join(', ')}]`;
  if (typeof v === 'object') {
    const fields = isInputObjectType(t) ? t.getFields() : {};
    return `{ ${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${literal(x, fields[k]?.type ?? (t as GraphQLInputType))}`)
      .join(', ')} }`;
  }
  return 'null';
}

interface Built {
  vars: { name: string; type: string; value: unknown }[];
  text: string;
}

function args(field: GraphQLField<unknown, unknown>, c: Ctx, b: Built): string {
  const parts: string[] = [];
  for (const a of field.args as readonly GraphQLArgument[]) {
    if (!isNonNullType(a.type) && c.r.chance(0.5)) continue;
    if (isNonNullType(a.type) && c.r.chance(0.02)) continue; // required argument missing
    const value = inputValue(a.type, c);
    if (c.r.chance(0.7)) {
      const name = `v${b.vars.length}`;
      // Sometimes declare the variable with the wrong type.
      const declared = c.r.chance(0.05) ? 'String' : a.type.toString();
      b.vars.push({ name, type: declared, value });
      parts.push(`${a.name}: $${name}`);
    } else {
      parts.push(`${a.name}: ${literal(value, a.type)}`);
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

function selection(type: GraphQLOutputType, c: Ctx, b: Built, depth: number, maxDepth: number, schema: GraphQLSchema): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isScalarType(named) || isEnumType(named)) return '';
  const { r } = c;
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible = schema.getPossibleTypes(named);
    const pick = r.pick(possible);
    return `{ __typename ... on ${pick.name} ${selection(pick, c, b, depth, maxDepth, schema) || '{ __typename }'} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields());
  const width = r.chance(0.1) ? r.int(10, 30) : r.int(1, 4);
  const parts: string[] = [];
  for (let i = 0; i < width; i++) {
    const f = r.pick(fields);
    const sub = getNamedType(f.type);
    const isLeaf = isScalarType(sub) || isEnumType(sub);
    if (!isLeaf && depth >= maxDepth) continue;
    const alias = r.chance(0.1) ? `a${i}: ` : '';
    const inner = isLeaf ? '' : selection(f.type, c, b, depth + 1, maxDepth, schema) || '{ __typename }';
    parts.push(`${alias}${f.name}${args(f, c, b)} ${inner}`);
  }
  if (parts.length === 0) parts.push('__typename');
  return `{ ${parts.join(' ')} }`;
}

function buildRequest(schema: GraphQLSchema, c: Ctx): { query: string; variables: Record<string, unknown> } {
  const { r } = c;
  const useMutation = r.chance(0.45);
  const root = (useMutation ? schema.getMutationType() : schema.getQueryType())!;
  const b: Built = { vars: [], text: '' };
  const roots = Object.values(root.getFields());
  const count = r.chance(0.1) ? r.int(2, 20) : 1;
  const maxDepth = r.chance(0.1) ? r.int(6, 14) : r.int(1, 4);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = r.pick(roots);
    const sel = selection(f.type, c, b, 1, maxDepth, schema);
    parts.push(`${count > 1 ? `r${i}: ` : ''}${f.name}${args(f, c, b)} ${sel}`);
  }
  const decl = b.vars.length ? `(${b.vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
  let query = `${useMutation ? 'mutation' : 'query'} Fuzz${decl} { ${parts.join(' ')} }`;
  // Now and then, break the document itself.
  if (r.chance(0.03)) query = query.slice(0, r.int(0, query.length));
  if (r.chance(0.01)) query = query.replace('query', 'subscription');
  const variables = Object.fromEntries(b.vars.map((v) => [v.name, v.value]));
  if (r.chance(0.03)) delete variables[Object.keys(variables)[0] ?? ''];
  return { query, variables };
}

const SQL = /\b(select|insert|update|delete)\b[^"]{0,80}\b(from|into|set|where)\b|syntax error at or near|violates .* constraint|relation "|column "|invalid input syntax|invalid byte sequence|pg_catalog|duplicate key/i;
const STACK = /\bat [\w.$<>]+ \(|\bat .+\.(t|j)s:\d+|node_modules|\.ts:\d+:\d+|\.js:\d+:\d+|stacktrace/i;

describe('fuzzing the API from its schema', () => {
  let h: Harness;
  let schema: GraphQLSchema;
  const tokens: (string | null)[] = [null];
  const ids: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    schema = await getSchema();
    for (const u of ['admin', 'drafter', 'advisor', 'director', 'filing']) tokens.push(await h.login(u));
    // Real ids make deeper paths reachable.
    const rows = await h.sql<{ id: string }>(
      `select id::text as id from app_user union all select id::text from department union all select id::text from decision_proposal union all select id::text from material limit 40`,
    );
    ids.push(...rows.map((r) => r.id));
  });
  afterAll(() => h.close());

  it(`sends ${REQUESTS} generated requests (seed ${SEED}): no 500, no internal error, no SQL, no stack frame`, async () => {
    const c: Ctx = { r: rng(SEED), ids };
    const requests = Array.from({ length: REQUESTS }, (_, i) => ({ i, token: tokens[i % tokens.length]!, body: buildRequest(schema, c) }));
    const tally = { sent: 0, anonymous: 0, signedIn: 0, status: {} as Record<number, number>, codes: {} as Record<string, number>, reasons: {} as Record<string, number>, withData: 0 };
    const failures: string[] = [];
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const res = await h.post(req.body, req.token ? { authorization: `Bearer ${req.token}` } : {});
        tally.sent += 1;
        if (req.token) tally.signedIn += 1;
        else tally.anonymous += 1;
        tally.status[res.status] = (tally.status[res.status] ?? 0) + 1;
        const json = res.json as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        if (json && typeof json === 'object' && json.data) tally.withData += 1;
        for (const e of (typeof json === 'object' && json?.errors) || []) {
          const code = String(e.extensions?.code);
          tally.codes[code] = (tally.codes[code] ?? 0) + 1;
          const reason = (e.extensions as { reason?: string } | undefined)?.reason;
          if (reason) tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
        }
        const text = typeof json === 'string' ? json : JSON.stringify(json);
        const messages = typeof json === 'object' && json?.errors ? json.errors.map((e) => e.message).join('\n') : text;
        if (res.status >= 500 || /INTERNAL_SERVER_ERROR/.test(text) || SQL.test(messages) || STACK.test(text)) {
          failures.push(`#${req.i} ${res.status} ${text.slice(0, 400)}\n  query: ${req.body.query.slice(0, 400)}\n  variables: ${JSON.stringify(req.body.variables).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    // The figures for the report.
    console.log(`fuzz: ${JSON.stringify({ seed: SEED, seconds, ...tally, failures: failures.length })}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(tally.sent).toBeGreaterThanOrEqual(2000);
    expect(tally.anonymous).toBeGreaterThan(300);
    expect(tally.signedIn).toBeGreaterThan(1500);
    // Server logs: nothing above a warning.
    const errorLines = h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errorLines.slice(0, 5)).toEqual([]);
  }, 120_000);
});
