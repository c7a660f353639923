import { Client } from 'pg';
import { CreateNormativeDocumentDocument, Issuer, NormativeDocumentsDocument } from '../__generated__/graphql';
import { insertReleasedDocuments } from '../support/bulk';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * The register's total (`normativeDocuments.totalCount`, a count over every visible document) is kept
 * per user's view and filter until a change to the documents is committed (src/db/change-generation.ts):
 * the page reads the generation, the count is sent only when it moved.
 */
describe('the normative register’s total, kept between changes', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    for (const u of ['filing', 'drafter', 'drafter2']) tokens[u] = await h.login(u);
    await insertReleasedDocuments(h.sql, 1, 500);
  });
  afterAll(() => h.close());

  async function register(as: string, filter: Record<string, unknown> = {}) {
    h.statements.reset();
    const res = expectOk(await h.gql(NormativeDocumentsDocument, { first: 5, filter }, { token: tokens[as] })).normativeDocuments;
    return { total: res.totalCount, statements: h.statements.count };
  }

  const countAll = async () => Number((await h.sql<{ n: string }>(`select count(*) as n from normative_document`))[0]!.n);

  it('counts once per view and filter, and again after every committed change', async () => {
    const first = await register('filing');
    expect(first).toEqual({ total: await countAll(), statements: 3 }); // authenticate, the page, the count
    expect(await register('filing')).toEqual({ total: first.total, statements: 2 }); // unchanged: kept

    // another filter, another view: each its own count
    const searched = await register('filing', { search: '文件12' });
    expect(searched.statements).toBe(3);
    expect(searched.total).toBe(Number((await h.sql<{ n: string }>(`select count(*) as n from normative_document where title like '%文件12%'`))[0]!.n));
    expect((await register('filing', { search: '文件12' })).statements).toBe(2);

    // a draft created by a drafter: the filing officer sees it at once; the other department's drafter does not
    const other = await register('drafter2');
    expect(other.statements).toBe(3);
    expectOk(
      await h.gql(
        CreateNormativeDocumentDocument,
        { input: { title: '计数测试办法', issuer: Issuer.StreetOffice, text: '第一条 ……', affectsBusinessesOrPublic: false, touchesMarketEntities: false } },
        { token: tokens.drafter },
      ),
    );
    expect(await register('filing')).toEqual({ total: first.total + 1, statements: 3 });
    expect(await register('drafter2')).toEqual({ total: other.total, statements: 3 });
    expect(await register('filing')).toEqual({ total: first.total + 1, statements: 2 });

    // a change rolled back keeps what was kept
    const c = new Client({ connectionString: h.dbUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`delete from normative_document where title = '文件1'`);
      await c.query('rollback');
    } finally {
      await c.end();
    }
    expect(await register('filing')).toEqual({ total: first.total + 1, statements: 2 });

    // removed outside the server (a committed delete): counted again
    await h.sql(`delete from normative_document where title = '文件1'`);
    expect(await register('filing')).toEqual({ total: first.total, statements: 3 });
    expect(await countAll()).toBe(first.total);
  });
});
