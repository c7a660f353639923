import { buildSchema, execute, GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import * as jit from 'graphql-jit';
import { compiledExecutor } from '../../src/graphql/executor';
import { BadInputError } from '../../src/core/errors';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});

/**
 * The compiled executor (graphql-jit) answers exactly as graphql-js's `execute` does: same data,
 * same errors (class, message, path, locations, original error), same variable checks.
 */
const SDL = `
  interface Node { id: ID! }
  enum Step { REQUEST_REVIEW DECIDE }
  scalar LocalDate
  input MemberInput { userId: ID!, deputy: Boolean! = false, seat: Int = 3, steps: [Step!]! = [DECIDE], on: LocalDate }
  input BodyInput { name: String!, members: [MemberInput!]! }
  type Finding { seq: Int!, text: String!, broken: String! }
  type Opinion implements Node { id: ID!, number: String, findings: [Finding!]! }
  type Proposal implements Node { id: ID!, title: String!, opinions: [Opinion!]!, secret: String, refused: String }
  type Query {
    proposals(first: Int = 2): [Proposal!]!
    node(id: ID!): Node
    step(step: Step! = REQUEST_REVIEW): Step!
    echoBody(input: BodyInput!): String!
    echoDay(on: LocalDate!): String!
  }
`;

function schema(): GraphQLSchema {
  const s = buildSchema(SDL);
  const proposals = [1, 2, 3].map((i) => ({
    __typename: 'Proposal',
    id: `p${i}`,
    title: `议题${i}`,
    opinions: [{ __typename: 'Opinion', id: `o${i}`, number: i === 2 ? null : `意见${i}`, findings: [1, 2].map((seq) => ({ seq, text: `问题${seq}` })) }],
  }));
  const q = s.getQueryType()!.getFields();
  q.proposals!.resolve = async (_r, args: { first: number }) => proposals.slice(0, args.first);
  q.node!.resolve = (_r, args: { id: string }) => proposals.find((p) => p.id === args.id) ?? proposals.flatMap((p) => p.opinions).find((o) => o.id === args.id) ?? null;
  q.step!.resolve = (_r, args: { step: string }) => args.step;
  q.echoBody!.resolve = (_r, args: { input: unknown }) => JSON.stringify(args.input);
  q.echoDay!.resolve = (_r, args: { on: Date }) => args.on.toISOString();
  const day = s.getType('LocalDate') as import('graphql').GraphQLScalarType;
  day.parseValue = (v) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new TypeError('日期应为 YYYY-MM-DD');
    return new Date(`${v}T00:00:00Z`);
  };
  day.serialize = (v) => (v as Date).toISOString().slice(0, 10);
  const p = (s.getType('Proposal') as import('graphql').GraphQLObjectType).getFields();
  p.secret!.resolve = async (x: { id: string }) => (x.id === 'p2' ? null : `秘密${x.id}`);
  p.refused!.resolve = (x: { id: string }) => {
    if (x.id === 'p1') throw new BadInputError('不能查看', 'refused');
    return 'ok';
  };
  const f = (s.getType('Finding') as import('graphql').GraphQLObjectType).getFields();
  f.broken!.resolve = (x: { seq: number }) => (x.seq === 2 ? null : 'fine');
  (s.getType('Node') as import('graphql').GraphQLInterfaceType).resolveType = (x: { __typename: string }) => x.__typename;
  return s;
}

const S = schema();
const run = compiledExecutor(S);

async function both(document: DocumentNode, variables: Record<string, unknown> = {}, operationName: string | null = null) {
  const compiled = (await run({ document, request: { operationName: operationName ?? undefined, variables }, context: {} } as never)) as ExecutionResult;
  const interpreted = await execute({ schema: S, document, variableValues: variables, operationName, contextValue: {} });
  return { compiled, interpreted };
}

const plain = (r: ExecutionResult) => JSON.parse(JSON.stringify(r));

describe('compiled executor (graphql-jit) answers as graphql-js does', () => {
  it('nested lists, fragments, aliases, directives, interfaces, async resolvers', async () => {
    const doc = parse(`query Q($withTitle: Boolean!, $skipOpinions: Boolean = false) {
      proposals(first: 3) { id t: title @include(if: $withTitle) ...P secret }
      n1: node(id: "o3") { __typename id ... on Opinion { number findings { seq } } }
      n2: node(id: "p1") { __typename ... on Proposal { title } }
      none: node(id: "x") { id }
    }
    fragment P on Proposal { opinions @skip(if: $skipOpinions) { number findings { seq text } } }`);
    for (const variables of [{ withTitle: true }, { withTitle: false, skipOpinions: true }]) {
      const { compiled, interpreted } = await both(doc, variables);
      expect(interpreted.errors).toBeUndefined();
      expect(plain(compiled)).toEqual(plain(interpreted));
    }
  });

  it('errors: same class, message, path, locations and original error; null propagation to the nearest nullable parent', async () => {
    const doc = parse(`{ proposals(first: 2) { id refused opinions { findings { seq broken } } } }`);
    const { compiled, interpreted } = await both(doc);
    expect(interpreted.errors?.length).toBeGreaterThan(0);
    expect(plain(compiled)).toEqual(plain(interpreted));
    for (const e of compiled.errors!) expect(e).toBeInstanceOf(GraphQLError);
    const refused = compiled.errors!.find((e) => e.path?.includes('refused'))!;
    expect(refused.originalError).toBeInstanceOf(BadInputError);
    expect(refused.path).toEqual(['proposals', 0, 'refused']);
    expect(refused.locations).toEqual([{ line: 1, column: 28 }]);
    // a non-null violation is graphql-js's own error, without an original error
    const broken = compiled.errors!.find((e) => e.path?.includes('broken'))!;
    expect(broken.message).toBe(interpreted.errors!.find((e) => e.path?.includes('broken'))!.message);
    expect(broken.extensions).toEqual({});
  });

  it('a required variable or input field with a default may be left out (graphql-jit alone refuses it)', async () => {
    const step = parse(`query S($step: Step! = REQUEST_REVIEW) { step(step: $step) }`);
    for (const variables of [{}, { step: 'DECIDE' }]) {
      const { compiled, interpreted } = await both(step, variables);
      expect(interpreted.errors).toBeUndefined();
      expect(plain(compiled)).toEqual(plain(interpreted));
    }
    const body = parse(`query B($input: BodyInput!) { echoBody(input: $input) }`);
    for (const input of [
      { name: '常务会议', members: [{ userId: 'u1' }, { userId: 'u2', deputy: true, seat: null, steps: ['REQUEST_REVIEW'] }] },
      { name: '常务会议', members: { userId: 'u3', on: '2026-11-28' } },
    ]) {
      const { compiled, interpreted } = await both(body, { input });
      expect(interpreted.errors).toBeUndefined();
      expect(plain(compiled)).toEqual(plain(interpreted));
    }
    // the same defaults written in the query itself
    const literal = parse(`{ echoBody(input: { name: "x", members: [{ userId: "u1" }] }) step }`);
    const { compiled, interpreted } = await both(literal);
    expect(plain(compiled)).toEqual(plain(interpreted));
    expect(JSON.parse(compiled.data!.echoBody as string)).toEqual({ name: 'x', members: [{ userId: 'u1', deputy: false, seat: 3, steps: ['DECIDE'] }] });
  });

  it('refused variables: graphql-js’s errors, with the variable’s definition as their node, and nothing run', async () => {
    const body = parse(`query B($input: BodyInput!, $on: LocalDate!) { echoBody(input: $input) echoDay(on: $on) }`);
    for (const variables of [
      { input: { name: 1, members: [] }, on: '2026-11-28' },
      { input: { name: 'x', members: [{ deputy: true }] }, on: '2026-11-28' },
      { input: { name: 'x', members: [] }, on: '28/11/2026' },
      { input: { name: 'x', members: [{ userId: 'u', deputy: null }] }, on: '2026-11-28' },
      {},
    ]) {
      const { compiled, interpreted } = await both(body, variables);
      expect(compiled.data).toBeUndefined();
      expect(plain(compiled)).toEqual(plain(interpreted));
      expect(compiled.errors![0]!.nodes?.[0]?.kind).toBe('VariableDefinition');
    }
  });

  it('runs the operation the client named; an unknown or missing name is an error, as in graphql-js', async () => {
    const doc = parse(`query A { step } query B { proposals(first: 1) { id } }`);
    for (const name of ['A', 'B', 'C', null]) {
      const { compiled, interpreted } = await both(doc, {}, name);
      expect(plain(compiled)).toEqual(plain(interpreted));
    }
  });

  it('compiles a document once per operation, however often it runs', async () => {
    const compile = jit.compileQuery as jest.MockedFunction<typeof jit.compileQuery>;
    const before = compile.mock.calls.length;
    const exec = compiledExecutor(S);
    const doc = parse(`query A { step } query B { proposals { id } }`);
    for (let i = 0; i < 3; i++) {
      expect(await exec({ document: doc, request: { operationName: 'A', variables: {} }, context: {} } as never)).toEqual({ data: { step: 'REQUEST_REVIEW' } });
      await exec({ document: doc, request: { operationName: 'B', variables: {} }, context: {} } as never);
    }
    expect(compile.mock.calls.length - before).toBe(2);
    // another document with the same text is compiled for itself (Apollo keeps one document per text)
    await exec({ document: parse(`query A { step } query B { proposals { id } }`), request: { operationName: 'A', variables: {} }, context: {} } as never);
    expect(compile.mock.calls.length - before).toBe(3);
  });
});
