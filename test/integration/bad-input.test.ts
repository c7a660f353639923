import { startHarness, type Harness } from '../support/harness';
import { CONTRACT_FACTS } from '../support/packages';

/**
 * Issue #10, finding 7: bad input never produces an HTTP 500 or an INTERNAL_SERVER_ERROR. Each case
 * gets a 400-class answer with a stable code and a Chinese message, and is logged at most as a warning.
 */

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

const CHINESE = /[\u4e00-\u9fff]/;

function expectRefused(res: { status: number; json: unknown }, opts: { status?: number; reason?: string } = {}) {
  const body = res.json as Body;
  expect(res.status).toBeLessThan(500);
  if (opts.status !== undefined) expect(res.status).toBe(opts.status);
  expect(body.errors?.length).toBeGreaterThan(0);
  const err = body.errors![0]!;
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  if (opts.reason) expect(err.extensions?.reason).toBe(opts.reason);
  expect(err.message).toMatch(CHINESE);
  expect(JSON.stringify(body)).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|\bat .+:\d+:\d+/);
  return err;
}

/** Log lines at error level or above (pino: error = 50) written since `from`. */
function errorLogs(h: Harness, from: number): string[] {
  return h.logs.slice(from).filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
}

const LOGIN = 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

describe('bad input gets a 400-class answer, never a 500', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('admin');
  });
  afterAll(() => h.close());

  it('a GraphQL syntax error is a 400 with a Chinese message, anonymous or signed in', async () => {
    const from = h.logs.length;
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      for (const query of ['{ me { id ', 'query {', '}}}', 'mutation { login(username: "a" password: ) }', '{ "x" }']) {
        const err = expectRefused(await h.post({ query }, headers), { status: 400, reason: 'GRAPHQL_PARSE_FAILED' });
        expect(err.message).toMatch(/语法/);
      }
    }
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('a NUL byte or a lone surrogate in any string is refused, even in login', async () => {
    const from = h.logs.length;
    for (const u of ['ad\u0000min', '\ud800', 'x\udc00y', 'admin\ud83d']) {
      const err = expectRefused(await h.post({ query: LOGIN, variables: { u, p: 'whatever-password' } }), { status: 400 });
      expect(err.message).toMatch(/字符/);
    }
    expectRefused(await h.post({ query: LOGIN, variables: { u: 'admin', p: 'pass\u0000word' } }), { status: 400 });
    // An escaped NUL inside a GraphQL string literal.
    expectRefused(await h.post({ query: 'mutation { login(username: "ad\\u0000min", password: "x") { token } }' }), { status: 400 });
    // Signed in, in a nested input field.
    expectRefused(
      await h.post(
        {
          query: 'mutation C($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { id } } }',
          variables: { input: { code: 'NULDEPT', kind: 'GOVERNMENT_OFFICE', name: '坏\u0000名称' } },
        },
        { authorization: `Bearer ${token}` },
      ),
      { status: 400 },
    );
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('a forged `after` cursor is BAD_USER_INPUT', async () => {
    const from = h.logs.length;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
    const forged = [
      b64(['x', 'not-a-uuid']),
      b64(['2026-01-01T00:00:00.000Z', "'; drop table users; --"]),
      b64([1, '00000000-0000-0000-0000-000000000000|x']),
      b64(['a\u0000', '00000000-0000-0000-0000-000000000000']),
      b64([{}, 'x']),
      'a|b|c',
      '%%%',
      '',
    ];
    for (const after of forged) {
      for (const query of [
        'query U($after: String) { users(first: 2, after: $after) { nodes { id } } }',
        'query D($after: String) { departments(first: 2, after: $after) { nodes { id } } }',
        'query A($after: String) { auditTrail(subjectType: DEPARTMENT, subjectId: "00000000-0000-4000-8000-000000000000", first: 2, after: $after) { nodes { id } } }',
        'query P($after: String) { proposals(first: 2) { nodes { drafts(first: 1, after: $after) { nodes { id } } } } }',
      ]) {
        const res = await h.post({ query, variables: { after } }, { authorization: `Bearer ${token}` });
        const body = res.json as Body;
        expect(res.status).toBeLessThan(500);
        expect(JSON.stringify(body)).not.toMatch(/INTERNAL_SERVER_ERROR/);
        if (body.errors?.length) {
          expect(body.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
          expect(body.errors[0]!.message).toMatch(CHINESE);
        }
      }
    }
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('a subscription operation is refused with 400', async () => {
    const from = h.logs.length;
    expectRefused(await h.post({ query: 'subscription { me { id } }' }, { authorization: `Bearer ${token}` }), { status: 400, reason: 'OPERATION_NOT_SUPPORTED' });
    expectRefused(await h.post({ query: 'subscription S { __typename }' }), { status: 400, reason: 'OPERATION_NOT_SUPPORTED' });
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('a persisted-query hash mismatch (or any persisted query) is refused with 400', async () => {
    const from = h.logs.length;
    expectRefused(
      await h.post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
      { status: 400, reason: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    );
    expectRefused(await h.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }), { status: 400 });
    expectRefused(await h.post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }), { status: 400 });
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('odd request shapes are 400s: query not a string, variables not an object, unknown operation name', async () => {
    const from = h.logs.length;
    expectRefused(await h.post({ query: 42 }), { status: 400 });
    expectRefused(await h.post({ query: '{ __typename }', variables: [1, 2] }), { status: 400 });
    expectRefused(await h.post({ query: 'query A { __typename }', operationName: 'B' }), { status: 400 });
    expect(errorLogs(h, from)).toEqual([]);
  });
});

describe('production mode hides schema suggestions', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ env: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) } });
    token = await h.login('admin');
  });
  afterAll(() => h.close());

  it('never says "Did you mean" for an unknown enum value, field or argument', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const cases = [
      // enum literal (validation)
      { query: '{ users(first: 1, filter: { role: DRAFTR }) { nodes { id } } }' },
      // enum variable (coercion)
      { query: 'query U($r: Role) { users(first: 1, filter: { role: $r }) { nodes { id } } }', variables: { r: 'DRAFTR' } },
      // field and argument
      { query: '{ usrs { nodes { id } } }' },
      { query: '{ users(frist: 1) { nodes { id } } }' },
    ];
    for (const c of cases) {
      const res = await h.post(c, auth);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.json)).not.toMatch(/Did you mean/i);
      expect((res.json as Body).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('an empty value for a required column is BAD_USER_INPUT, never a 500', () => {
  let h: Harness;
  let drafter: string;
  let contractId: string;
  const UPDATE = 'mutation U($input: UpdateContractInput!) { updateContract(input: $input) { contract { id version amount counterpartyQualification } } }';
  beforeAll(async () => {
    h = await startHarness();
    drafter = await h.login('drafter');
    const created = await h.post(
      {
        query: 'mutation C($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }',
        variables: { input: { title: '场馆租赁合同', counterparty: '广州某文体公司', amount: '1000.00', text: '合同正文', ...CONTRACT_FACTS } },
      },
      { authorization: `Bearer ${drafter}` },
    );
    contractId = (created.json as { data: { createContract: { contract: { id: string } } } }).data.createContract.contract.id;
  });
  afterAll(() => h.close());

  it('refuses updateContract(amount: null) with the field named, and changes nothing', async () => {
    const from = h.logs.length;
    const err = expectRefused(await h.post({ query: UPDATE, variables: { input: { contractId, version: 1, amount: null } } }, { authorization: `Bearer ${drafter}` }));
    expect(err.message).toMatch(/合同金额/);
    expect((err.extensions as { field?: string }).field).toBe('amount');
    expect((await h.sql<{ amount: string; version: number }>(`select amount, version from contract where id = ?`, [contractId]))[0]).toEqual({ amount: '1000.00', version: 1 });
    expect(errorLogs(h, from)).toEqual([]);
  });

  it('maps a NOT NULL violation the database reports (SQL state 23502) to BAD_USER_INPUT', async () => {
    // A column the code takes as optional but the database requires: whatever reaches the database
    // empty is the client's input at fault.
    await h.superSql(`update contract set counterparty_qualification = coalesce(counterparty_qualification, '资质'); alter table contract alter column counterparty_qualification set not null`);
    const from = h.logs.length;
    const res = await h.post({ query: UPDATE, variables: { input: { contractId, version: 1, counterpartyQualification: null } } }, { authorization: `Bearer ${drafter}` });
    const err = expectRefused(res, { reason: 'MISSING_VALUE' });
    expect(err.message).not.toMatch(/null|column|constraint|contract/i);
    expect(errorLogs(h, from)).toEqual([]);
  });
});
