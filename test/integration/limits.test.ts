import { createHash } from 'node:crypto';
import { AddMaterialDocument, CreateContractDocument, CreateNormativeDocumentDocument, Issuer, MaterialKind } from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';

/**
 * Issue #10, finding 6: bounded work per request — body limits before parsing (tight for anonymous
 * callers), a cost limit that counts list sizes and long texts, a field-duplication limit, and large
 * bodies only on the authenticated upload endpoint.
 */

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; reason?: string; cost?: number; maxCost?: number } }[];
}

const CHINESE = /[\u4e00-\u9fff]/;

function refusal(res: { status: number; json: unknown }, status: number, reason: string) {
  const body = res.json as Body;
  expect({ status: res.status, reason: body.errors?.[0]?.extensions?.reason }).toEqual({ status, reason });
  expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(body.errors![0]!.message).toMatch(CHINESE);
  expect(body.data).toBeUndefined();
  return body.errors![0]!;
}

/** A syntactically valid login whose password variable pads the body to `bytes`. */
function paddedLogin(bytes: number) {
  return {
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: 'nobody', p: 'x'.repeat(bytes) },
  };
}

describe('body limits', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('admin');
  });
  afterAll(() => h.close());

  it('anonymous callers get a small body limit, checked before the body is parsed', async () => {
    refusal(await h.post(paddedLogin(64 * 1024)), 413, 'BODY_TOO_LARGE');
    // A token that does not verify counts as anonymous.
    refusal(await h.post(paddedLogin(64 * 1024), { authorization: 'Bearer not.a.token' }), 413, 'BODY_TOO_LARGE');
    // A declared length over the limit is refused before a byte of the body is read.
    refusal(await h.post(paddedLogin(2 * 1024 * 1024)), 413, 'BODY_TOO_LARGE');
    // An ordinary login still fits.
    expect((await h.post(paddedLogin(100))).status).toBe(200);
  });

  it('signed-in callers get 1 MB for ordinary GraphQL requests, not the upload size', async () => {
    const within = await h.post(paddedLogin(64 * 1024), { authorization: `Bearer ${token}` });
    expect(within.status).toBe(200);
    refusal(await h.post(paddedLogin(2 * 1024 * 1024), { authorization: `Bearer ${token}` }), 413, 'BODY_TOO_LARGE');
  });
});

describe('cost limit counts list sizes and long texts', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('admin');
  });
  afterAll(() => h.close());
  const ask = (query: string, variables: Record<string, unknown> = {}) => h.post({ query, variables }, { authorization: `Bearer ${token}` });

  it("a connection's `first` multiplies the cost of its selection", async () => {
    const nested = '{ proposals(first: 100) { nodes { id drafts(first: 100) { nodes { id number contentHash } } } } }';
    const err = refusal(await ask(nested), 400, 'QUERY_TOO_COMPLEX');
    expect(err.extensions?.cost).toBeGreaterThan(err.extensions!.maxCost!);
    // The same shape with small pages is fine.
    expect((await ask('{ proposals(first: 5) { nodes { id drafts(first: 5) { nodes { id number contentHash } } } } }')).status).toBe(200);
    // `first` given through a variable counts the same.
    refusal(
      await ask('query Q($n: Int) { proposals(first: $n) { nodes { id drafts(first: $n) { nodes { id number contentHash } } } } }', { n: 100 }),
      400,
      'QUERY_TOO_COMPLEX',
    );
  });

  it('15 aliases of a full page are refused', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: users(first: 100) { nodes { id username displayName roles department { id name } } }`).join(' ');
    refusal(await ask(`{ ${aliases} }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('lists bounded by construction get a fixed estimate: a timeline in every proposal of a page is refused', async () => {
    refusal(await ask('{ proposals(first: 100) { nodes { id timeline { id action occurredAt } } } }'), 400, 'QUERY_TOO_COMPLEX');
    expect((await ask('{ proposals(first: 1) { nodes { id timeline { id action occurredAt } } } }')).status).toBe(200);
  });
});

describe('long text fields count toward cost', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '3000' } });
    token = await h.login('admin');
  });
  afterAll(() => h.close());
  const ask = (query: string) => h.post({ query }, { authorization: `Bearer ${token}` });

  it('the same page with the full texts selected costs more than without', async () => {
    expect((await ask('{ proposals(first: 50) { nodes { id drafts(first: 5) { nodes { id number } } } } }')).status).toBe(200);
    refusal(await ask('{ proposals(first: 50) { nodes { id drafts(first: 5) { nodes { id text } } } } }'), 400, 'QUERY_TOO_COMPLEX');
  });
});

describe('field duplication limit', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('admin');
  });
  afterAll(() => h.close());
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('refuses the same field selected many times in one selection set, directly or through fragments', async () => {
    const ids = Array.from({ length: 30 }, () => 'id').join(' ');
    refusal(await h.post({ query: `{ me { ${ids} } }` }, auth()), 400, 'FIELD_DUPLICATION');
    const spreads = Array.from({ length: 30 }, () => '...F').join(' ');
    refusal(await h.post({ query: `{ me { ${spreads} } } fragment F on User { id username }` }, auth()), 400, 'FIELD_DUPLICATION');
    const inline = Array.from({ length: 30 }, () => '... on User { id }').join(' ');
    refusal(await h.post({ query: `{ me { ${inline} } }` }, auth()), 400, 'FIELD_DUPLICATION');
    // Fragments nested in fragments multiply.
    const q = `{ me { ...A ...A ...A } } fragment A on User { ...B ...B ...B } fragment B on User { ...C ...C ...C } fragment C on User { id }`;
    refusal(await h.post({ query: q }, auth()), 400, 'FIELD_DUPLICATION');
    // Ordinary overlap (a field also selected by a fragment) is fine.
    const ok = await h.post({ query: '{ me { id username ...F } } fragment F on User { id username displayName }' }, auth());
    expect(ok.status).toBe(200);
  });

  it('2,950 duplicated fields are refused quickly, signed in or anonymous', async () => {
    const many = Array.from({ length: 2950 }, () => 'id').join(' ');
    const started = Date.now();
    refusal(await h.post({ query: `{ me { ${many} } }` }, auth()), 400, 'FIELD_DUPLICATION');
    expect(Date.now() - started).toBeLessThan(1000);
    const anon = await h.post({ query: `{ ${Array.from({ length: 2950 }, () => '__typename').join(' ')} }` });
    expect([400, 413]).toContain(anon.status);
    expect((anon.json as Body).data).toBeUndefined();
  });
});

describe('material uploads on their own endpoint', () => {
  let h: Harness;
  const t: Record<string, string> = {};
  let proposalId: string;
  const MAX = 4 * 1024 * 1024;
  beforeAll(async () => {
    h = await startHarness({ env: { MATERIAL_MAX_BYTES: String(MAX) } });
    const { tokens, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'director']);
    Object.assign(t, tokens);
    const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['上传测试事项']);
    proposalId = await readyProposal(h, t.drafter!, t.director!, items[0]!, '上传测试决策');
  });
  afterAll(() => h.close());

  const upload = (query: string, body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${h.baseUrl}/materials?${query}`, { method: 'POST', headers: { 'content-type': 'application/pdf', ...headers }, body });

  it('stores a large file for a signed-in drafter and returns the material as JSON', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    bytes.write('%PDF-1.7');
    const q = new URLSearchParams({ proposalId, kind: 'OTHER', title: '大附件', fileName: '大附件 一.pdf' }).toString();
    const res = await upload(q, bytes, { authorization: `Bearer ${t.drafter}` });
    expect(res.status).toBe(201);
    const { material } = (await res.json()) as { material: { id: string; contentHash: string; sizeBytes: number; fileName: string; mimeType: string; downloadUrl: string } };
    expect(material).toMatchObject({ sizeBytes: bytes.length, fileName: '大附件 一.pdf', mimeType: 'application/pdf', contentHash: createHash('sha256').update(bytes).digest('hex') });
    const down = await fetch(`${h.baseUrl}${material.downloadUrl}`, { headers: { authorization: `Bearer ${t.advisor}` } });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('stores a contract material the same way', async () => {
    const c = expectOk(
      await h.gql(CreateContractDocument, { input: { title: '上传测试合同', counterparty: '某公司', amount: '1000.00', text: '甲方……' } }, { token: t.drafter }),
    ).createContract.contract;
    const res = await upload(new URLSearchParams({ contractId: c.id, kind: 'OTHER', title: '报价单', fileName: 'quote.pdf' }).toString(), Buffer.from('%PDF-1.4 quote'), {
      authorization: `Bearer ${t.drafter}`,
    });
    expect(res.status).toBe(201);
  });

  it('stores a normative document’s material the same way, downloaded by those who see its drafts only (R-LR-2)', async () => {
    const d = expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '上传测试办法', issuer: Issuer.StreetOffice, text: '第一条 ……', affectsBusinessesOrPublic: false, touchesMarketEntities: false } },
        { token: t.drafter },
      ),
    ).createNormativeDocument.document;
    const bytes = Buffer.from('%PDF-1.4 起草说明');
    const refused = await upload(new URLSearchParams({ normativeDocumentId: d.id, kind: 'DRAFT_EXPLANATION', title: '起草说明', fileName: 'explain.pdf' }).toString(), bytes, {
      authorization: `Bearer ${t.drafter2}`,
    });
    expect(refused.status).toBe(403);
    const res = await upload(new URLSearchParams({ normativeDocumentId: d.id, kind: 'DRAFT_EXPLANATION', title: '起草说明', fileName: 'explain.pdf' }).toString(), bytes, {
      authorization: `Bearer ${t.drafter}`,
    });
    expect(res.status).toBe(201);
    const { material } = (await res.json()) as { material: { downloadUrl: string } };
    expect((await fetch(`${h.baseUrl}${material.downloadUrl}`, { headers: { authorization: `Bearer ${t.advisor}` } })).status).toBe(200);
    expect((await fetch(`${h.baseUrl}${material.downloadUrl}`, { headers: { authorization: `Bearer ${t.drafter2}` } })).status).toBe(403);
  });

  it('refuses anonymous, oversized, foreign and malformed uploads without storing anything', async () => {
    const before = await h.snapshot();
    const q = new URLSearchParams({ proposalId, kind: 'OTHER', title: '附件', fileName: 'a.pdf' }).toString();
    const small = Buffer.from('%PDF-1.7 small');
    const code = async (res: Response) => ((await res.json()) as Body).errors?.[0]?.extensions?.code;
    let res = await upload(q, Buffer.alloc(MAX + 1, 1));
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('UNAUTHENTICATED');
    res = await upload(q, Buffer.alloc(MAX + 1, 1), { authorization: `Bearer ${t.drafter}` });
    expect(res.status).toBe(413);
    expect(await code(res)).toBe('BAD_USER_INPUT');
    res = await upload(q, small, { authorization: `Bearer ${t.drafter2}` });
    expect(res.status).toBe(403);
    for (const bad of [
      new URLSearchParams({ proposalId, kind: 'NOPE', title: '附件', fileName: 'a.pdf' }),
      new URLSearchParams({ proposalId, kind: 'OTHER', title: '附件', fileName: '../../etc/passwd' }),
      new URLSearchParams({ proposalId, kind: 'OTHER', title: '', fileName: 'a.pdf' }),
      new URLSearchParams({ proposalId: 'x', kind: 'OTHER', title: '附件', fileName: 'a.pdf' }),
      new URLSearchParams({ kind: 'OTHER', title: '附件', fileName: 'a.pdf' }),
      new URLSearchParams({ proposalId, kind: 'OTHER', title: '附\u0000件', fileName: 'a.pdf' }),
    ]) {
      res = await upload(bad.toString(), small, { authorization: `Bearer ${t.drafter}` });
      expect(res.status).toBe(400);
      expect(await code(res)).toBe('BAD_USER_INPUT');
    }
    res = await upload(q, Buffer.alloc(0), { authorization: `Bearer ${t.drafter}` });
    expect(res.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });

  it('the base64 GraphQL path stays for small files only: its body is capped at 1 MB', async () => {
    const small = Buffer.from('%PDF-1.7 small');
    expectOk(
      await h.gql(
        AddMaterialDocument,
        { input: { proposalId, kind: MaterialKind.Other, title: '小附件', fileName: 'small.pdf', contentBase64: small.toString('base64') } },
        { token: t.drafter },
      ),
    );
    const big = Buffer.alloc(2 * 1024 * 1024, 3).toString('base64');
    const res = await h.post(
      { query: 'mutation M($input: AddMaterialInput!) { addMaterial(input: $input) { material { id } } }', variables: { input: { proposalId, kind: 'OTHER', title: '大', fileName: 'b.bin', contentBase64: big } } },
      { authorization: `Bearer ${t.drafter}` },
    );
    expect(res.status).toBe(413);
    expectError({ status: res.status, errors: (res.json as Body).errors }, 'BAD_USER_INPUT');
  });
});
