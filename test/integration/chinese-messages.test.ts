import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { CreateUserDocument, Role } from '../__generated__/graphql';
import { getSchema } from '../../src/graphql/schema';
import { signIn } from '../support/fixtures';
import { expectOk, startHarness, type GqlError, type Harness } from '../support/harness';

/**
 * Issue #11, item 11: no English text reaches a user. Every mutation gets invalid values of the
 * right GraphQL types (empty strings, malformed ids, negative numbers, over-long texts and lists),
 * and wrong variable types (graphql-js coercion): every message is Chinese, names the field by its
 * Chinese label, and carries no class-validator or graphql-js English.
 */

/** An ASCII-English sentence: two English words in a row, or the phrases class-validator and graphql-js use. */
const ENGLISH = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}|must be|should not|cannot represent|Expected|was not provided|is not defined/;
const IDEOGRAPH = /[\u4e00-\u9fff]/;
/** Mutations that would end the caller's session. */
const SKIPPED = new Set(['login', 'logout', 'logoutEverywhere', 'changeMyPassword']);

type Strategy = 'empty' | 'long';

function badValue(type: GraphQLInputType, strategy: Strategy, depth = 0): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const item = badValue(t.ofType as GraphQLInputType, strategy, depth + 1);
    return strategy === 'empty' ? [item] : Array.from({ length: 30 }, () => item);
  }
  if (isInputObjectType(t)) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, badValue(f.type, strategy, depth + 1)]));
  }
  if (isEnumType(t)) return t.getValues()[0]!.value;
  if (isScalarType(t)) {
    switch (t.name) {
      case 'String':
        return strategy === 'empty' ? '' : 'x'.repeat(5001);
      case 'ID':
        return strategy === 'empty' ? 'not-a-uuid' : 'x'.repeat(80);
      case 'Int':
        return strategy === 'empty' ? -1 : 2_000_000_000;
      case 'Float':
        return -1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2026-03-05';
      case 'DateTimeISO':
        return '2026-03-05T02:00:00.000Z';
      default:
        return {};
    }
  }
  return null;
}

function typeRef(t: GraphQLInputType): string {
  return t.toString();
}

function operationFor(name: string, args: readonly GraphQLArgument[]): string {
  const vars = args.map((a) => `$${a.name}: ${typeRef(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Bad${vars ? `(${vars})` : ''} { ${name}${call ? `(${call})` : ''} { __typename } }`;
}

describe('messages in Chinese for invalid input', () => {
  let h: Harness;
  let token: string;
  let schema: GraphQLSchema;

  const errorsOf = async (query: string, variables: Record<string, unknown>): Promise<GqlError[]> => {
    const res = await h.post({ query, variables }, { authorization: `Bearer ${token}` });
    return ((res.json as { errors?: GqlError[] }).errors ?? []) as GqlError[];
  };

  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '1000000' } });
    schema = await getSchema();
    // One user holding every role, so that validation — not a role check — answers each call.
    const { tokens, dept } = await signIn(h, ['admin']);
    expectOk(
      await h.gql(
        CreateUserDocument,
        {
          input: {
            username: 'allroles',
            displayName: '全角色测试',
            departmentId: dept.JJFZ!,
            roles: [Role.Admin, Role.Drafter, Role.LegalAdvisor, Role.FilingOfficer, Role.DecisionMaker],
            password: 'Allroles-Passw0rd-2026',
          },
        },
        { token: tokens.admin! },
      ),
    );
    token = await h.login('allroles', 'Allroles-Passw0rd-2026');
  });
  afterAll(() => h.close());

  it('answers invalid values to every mutation in Chinese, naming the fields by their Chinese labels', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => !SKIPPED.has(f.name) && f.args.length > 0);
    expect(mutations.length).toBeGreaterThan(60);
    const english: string[] = [];
    const validated = new Set<string>();
    for (const m of mutations) {
      for (const strategy of ['empty', 'long'] as const) {
        const variables = Object.fromEntries(m.args.map((a) => [a.name, badValue(a.type, strategy)]));
        for (const e of await errorsOf(operationFor(m.name, m.args), variables)) {
          if (ENGLISH.test(e.message) || !IDEOGRAPH.test(e.message)) english.push(`${m.name} (${strategy}): ${e.message}`);
          if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') english.push(`${m.name} (${strategy}): internal error ${e.message}`);
          const fields = e.extensions?.validationErrors as { field: string; label: string; messages: string[] }[] | undefined;
          if (fields?.length) {
            validated.add(m.name);
            for (const f of fields) {
              if (!IDEOGRAPH.test(f.label ?? '')) english.push(`${m.name}: field ${f.field} has no Chinese label`);
              for (const msg of f.messages) if (ENGLISH.test(msg)) english.push(`${m.name}: ${f.field}: ${msg}`);
            }
          }
        }
      }
    }
    expect(english).toEqual([]);
    // The generated values reach class-validator on most mutations (the rest refuse earlier, in Chinese too).
    expect(validated.size).toBeGreaterThan(40);
  });

  it('translates class-validator’s default texts, naming the field in Chinese', async () => {
    const [e] = await errorsOf('mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { __typename } }', {
      input: { id: '00000000-0000-4000-8000-000000000000', version: 0 },
    });
    expect(e!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e!.message).toMatch(/版本号/);
    expect(e!.message).toMatch(/不能小于 1/);
    expect(e!.message).not.toMatch(ENGLISH);
    expect(e!.extensions?.validationErrors).toEqual([{ field: 'version', label: '版本号', messages: ['版本号不能小于 1'] }]);

    const [t] = await errorsOf('mutation($input: CreateNormativeInput!) { createNormativeDocument(input: $input) { __typename } }', {
      input: { title: 'x', issuer: 'STREET_OFFICE', text: '正文', affectsBusinessesOrPublic: true, touchesMarketEntities: false },
    });
    expect(t!.message).toMatch(/标题.*2.*200/);
    expect(t!.message).not.toMatch(ENGLISH);
  });

  it('answers wrong variable types (graphql-js coercion) in Chinese, naming the field', async () => {
    const update = 'mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { __typename } }';
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [update, { input: { id: '00000000-0000-4000-8000-000000000000', version: 'abc' } }, /版本号.*整数/],
      [update, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, kind: 'NOPE' } }, /部门类别.*取值/],
      [update, { input: { id: '00000000-0000-4000-8000-000000000000' } }, /缺少.*版本号/],
      [update, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, colour: 'red' } }, /colour/],
      [update, { input: null }, /input|输入/],
      [update, { input: 'text' }, /对象/],
      [update, { input: { id: { a: 1 }, version: 1 } }, /id|编号/],
      [update, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, name: 42 } }, /部门名称.*文本/],
      ['query($date: LocalDate!) { calendarDay(date: $date) { date } }', { date: '2026-13-45' }, /日期.*YYYY-MM-DD/],
      ['query($date: LocalDate!) { calendarDay(date: $date) { date } }', {}, /缺少|未提供/],
      ['mutation($input: SetActiveInput!) { setUserActive(input: $input) { __typename } }', { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, active: 'yes' } }, /是否启用|布尔/],
    ];
    const english: string[] = [];
    for (const [query, variables, expected] of cases) {
      const errors = await errorsOf(query, variables);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.extensions?.code).toBe('BAD_USER_INPUT');
        if (ENGLISH.test(e.message) || !IDEOGRAPH.test(e.message)) english.push(`${JSON.stringify(variables)}: ${e.message}`);
        if (!expected.test(e.message)) english.push(`${JSON.stringify(variables)}: expected ${expected} in ${e.message}`);
      }
    }
    expect(english).toEqual([]);
  });
});
