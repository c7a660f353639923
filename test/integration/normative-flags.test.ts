import { FilingFlagsDocument } from '../__generated__/graphql';
import { insertReleasedDocuments } from '../support/bulk';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe('filing flags over many documents (R-ND-8)', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('filing');
  });
  afterAll(() => h.close());

  async function run() {
    h.statements.reset();
    const res = expectOk(await h.gql(FilingFlagsDocument, { first: 100 }, { token })).filingFlags;
    return { statements: h.statements.count, res };
  }

  it('reads 10 and 10,000 documents in the same number of statements', async () => {
    await insertReleasedDocuments(h.sql, 1, 10);
    const small = await run();
    expect(small.res.totalCount).toBeGreaterThan(0);
    await insertReleasedDocuments(h.sql, 11, 9990);
    const count = await h.sql<{ n: string }>(`select count(*) as n from normative_document`);
    expect(Number(count[0]!.n)).toBe(10_000);
    const large = await run();
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(2); // authenticate, one read of every released document with its filing
    expect(large.res.flags).toHaveLength(100);
    expect(large.res.totalCount).toBeGreaterThan(small.res.totalCount);
    // most urgent first: overdue filings lead
    expect(large.res.flags[0]!.kind).toBe('FILING_OVERDUE');
    expect(large.res.overdueCount).toBeGreaterThan(0);
  });
});
