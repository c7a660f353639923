import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { FilingFlagKind as Kind, FilingFlagPageDocument, FilingFlagsDocument } from '../__generated__/graphql';
import { addCalendarDays } from '../../src/calendar/working-days';
import { localDateOf } from '../../src/core/clock';
import { executePrepared } from '../../src/db/prepared';
import { syncDeadlineSettings } from '../../src/normative/deadline-settings';
import { FilingFlagReader } from '../../src/normative/filing-flags';
import { FilingStatus, FilingVerdict } from '../../src/normative/normative.enums';
import { documentFlags, FLAG_URGENCY, sortFlags, type FlagFacts } from '../../src/normative/normative.rules';
import { insertReleasedDocuments } from '../support/bulk';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * The filing flags (R-ND-8) come from the database: stored deadlines kept by triggers, one indexed
 * branch per kind, keyset pages. The pure `documentFlags` is the specification: over a random
 * register the query returns exactly its flags, in its order, page after page.
 */
describe('filing flags computed by the database (R-ND-8)', () => {
  let h: Harness;
  let token: string;
  let today: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('filing');
    today = localDateOf(h.clock.now(), h.config.timeZone);
  });
  afterAll(() => h.close());

  async function allPages(first: number, vars: { kinds?: Kind[]; departmentId?: string } = {}) {
    const out: { documentId: string; kind: string; rule: string; message: string; dueOn?: string | null }[] = [];
    let after: string | null | undefined;
    for (;;) {
      const res = expectOk(await h.gql(FilingFlagsDocument, { first, after, ...vars }, { token })).filingFlags;
      out.push(...res.nodes);
      if (!res.pageInfo.hasNextPage) return { flags: out, counts: res.countsByKind, total: res.totalCount, overdue: res.overdueCount };
      after = res.pageInfo.endCursor;
    }
  }

  const day = (offset: number) => addCalendarDays(today, offset);
  const materialSets = [[], ['FILING_REPORT', 'OFFICIAL_TEXT'], ['FILING_REPORT', 'OFFICIAL_TEXT', 'DRAFTING_EXPLANATION', 'LEGAL_BASIS_STATEMENT']];
  const docArb = fc.record({
    state: fc.constantFrom('RELEASED', 'RELEASED', 'RELEASED', 'DRAFTING', 'REPEALED'),
    publishedAgo: fc.integer({ min: 0, max: 90 }),
    verdict: fc.constantFrom(null, FilingVerdict.FILING_REQUIRED, FilingVerdict.FILING_REQUIRED, FilingVerdict.NOT_REQUIRED),
    redFlags: fc.integer({ min: 0, max: 2 }),
    validFor: fc.option(fc.integer({ min: -20, max: 400 }), { nil: null }),
    filing: fc.option(
      fc.record({
        filedAfter: fc.integer({ min: 0, max: 60 }),
        status: fc.constantFrom(...Object.values(FilingStatus)),
        materials: fc.integer({ min: 0, max: 2 }),
        deferredAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        correctedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      }),
      { nil: null },
    ),
  });

  it('returns exactly the flags of the rules, in their order, page after page and per kind, for a random register', async () => {
    const depts = (await h.sql<{ id: string }>(`select id from department order by code`)).map((d) => d.id);
    const drafter = (await h.sql<{ id: string }>(`select id from app_user where username = 'drafter'`))[0]!.id;
    const docs = fc.sample(docArb, { seed: 20261128, numRuns: 400 });
    const facts: (FlagFacts & { dept: string })[] = [];
    for (const [i, d] of docs.entries()) {
      const id = randomUUID();
      const published = d.state === 'DRAFTING' ? null : day(-d.publishedAgo);
      const validUntil = d.validFor === null ? null : day(d.validFor);
      const dept = depts[i % depts.length]!;
      await h.sql(
        `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, confirmed_verdict, red_flag_count,
           published_on, valid_until, version, created_at)
         values (?, ?, 'STREET_OFFICE', ?, ?, ?, 1, ?, ?, ?, ?, 1, now())`,
        [id, `随机文件${i}`, dept, drafter, d.state, d.verdict, d.redFlags, published, validUntil],
      );
      let filing: FlagFacts['filing'] = null;
      if (d.filing && published && d.verdict === FilingVerdict.FILING_REQUIRED) {
        const f = d.filing;
        filing = {
          filedOn: addCalendarDays(published, f.filedAfter),
          status: f.status,
          materials: materialSets[f.materials]!,
          deferredOn: f.deferredAfter === null ? null : addCalendarDays(published, f.filedAfter + f.deferredAfter),
          correctedOn: f.deferredAfter === null || f.correctedAfter === null ? null : addCalendarDays(published, f.filedAfter + f.deferredAfter + f.correctedAfter),
        };
        await h.sql(
          `insert into filing (id, document_id, authority, filed_on, materials, status, deferred_on, corrected_on, version) values (?, ?, '区人民政府', ?, ?, ?, ?, ?, 1)`,
          [randomUUID(), id, filing.filedOn, JSON.stringify(filing.materials), filing.status, filing.deferredOn, filing.correctedOn],
        );
      }
      facts.push({
        id,
        title: `随机文件${i}`,
        registrationNumber: null,
        released: d.state === 'RELEASED',
        publishedOn: published,
        confirmedVerdict: d.verdict,
        redFlagCount: d.redFlags,
        validUntil,
        filing,
        dept,
      });
    }
    const rules = h.config.rules;
    const expected = (keep: (f: FlagFacts & { dept: string }) => boolean = () => true) =>
      sortFlags(facts.filter(keep).flatMap((f) => documentFlags(f, today, rules, rules.normative.flagDueSoonDays))).map((f) => ({
        documentId: f.documentId,
        kind: f.kind,
        rule: f.rule,
        message: f.message,
        dueOn: f.dueOn,
      }));
    const want = expected();
    expect(new Set(want.map((f) => f.kind)).size).toBeGreaterThanOrEqual(8); // the sample exercises (almost) every kind

    const got = await allPages(17);
    expect(got.flags).toEqual(want);
    expect(got.total).toBe(want.length);
    expect(got.overdue).toBe(want.filter((f) => f.kind === 'FILING_OVERDUE' || f.kind === 'DEFERRAL_OVERDUE').length);
    for (const c of got.counts) expect([c.kind, c.count]).toEqual([c.kind, want.filter((f) => f.kind === c.kind).length]);

    // filtered by kinds and by department, still exactly the rules' flags
    const kinds: Kind[] = [Kind.FilingOverdue, Kind.EvaluationDue, Kind.MaterialsMissing];
    expect((await allPages(7, { kinds })).flags).toEqual(want.filter((f) => kinds.includes(f.kind as Kind)));
    expect((await allPages(50, { departmentId: depts[1] })).flags).toEqual(expected((f) => f.dept === depts[1]));
  });

  it('recomputes every stored deadline when the configured deadlines change', async () => {
    const drafter = (await h.sql<{ id: string }>(`select id, department_id from app_user where username = 'drafter'`))[0]!;
    const id = randomUUID();
    await h.sql(
      `insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, confirmed_verdict, published_on, valid_until, version, created_at)
       select ?, '期限测试', 'STREET_OFFICE', department_id, id, 'RELEASED', 1, 'FILING_REQUIRED', date '2026-01-10', date '2027-01-10', 1, now() from app_user where username = 'drafter'`,
      [id],
    );
    const stored = async () =>
      (await h.sql<{ due: string; ev: string }>(`select to_char(filing_due_on, 'YYYY-MM-DD') as due, to_char(evaluation_starts_on, 'YYYY-MM-DD') as ev from normative_document where id = ?`, [id]))[0]!;
    expect(drafter).toBeDefined();
    expect(await stored()).toEqual({ due: '2026-02-09', ev: '2026-07-10' });
    const rules = h.config.rules;
    const changed = { ...rules, normative: { ...rules.normative, filingDueDays: 10, evaluationLeadMonths: 3 } };
    try {
      expect(await syncDeadlineSettings(h.orm, changed)).toBe(true);
      expect(await stored()).toEqual({ due: '2026-01-20', ev: '2026-10-10' });
      expect(await syncDeadlineSettings(h.orm, changed)).toBe(false); // unchanged: nothing rewritten
    } finally {
      expect(await syncDeadlineSettings(h.orm, rules)).toBe(true);
    }
    expect(await stored()).toEqual({ due: '2026-02-09', ev: '2026-07-10' });
  });

  it('takes explicit nulls for the optional arguments as their absence (the console sends them)', async () => {
    const res = expectOk(await h.gql(FilingFlagsDocument, { first: 5, after: null, kinds: null, departmentId: null, documentId: null }, { token })).filingFlags;
    expect(typeof res.pageInfo.hasNextPage).toBe('boolean');
    expect(res.nodes.length).toBeLessThanOrEqual(5);
  });

  it('refuses a forged cursor with a clear error', async () => {
    const res = await h.gql(FilingFlagPageDocument, { first: 5, after: 'bm90LWEtY3Vyc29y' }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('分页游标');
  });

  describe('over 10,000 documents', () => {
    let h2: Harness;
    let t2: string;
    beforeAll(async () => {
      h2 = await startHarness();
      t2 = await h2.login('filing');
    });
    afterAll(() => h2.close());

    async function run(withTotals: boolean) {
      h2.statements.reset();
      const res = withTotals
        ? expectOk(await h2.gql(FilingFlagsDocument, { first: 100 }, { token: t2 })).filingFlags
        : { ...expectOk(await h2.gql(FilingFlagPageDocument, { first: 100 }, { token: t2 })).filingFlags, totalCount: -1, overdueCount: -1 };
      return { statements: h2.statements.count, res };
    }

    it('reads a page in one statement and the totals in one more, whatever the register size', async () => {
      await insertReleasedDocuments(h2.sql, 1, 10);
      const small = await run(false);
      const smallTotals = await run(true);
      await insertReleasedDocuments(h2.sql, 11, 9990);
      const large = await run(false);
      const largeTotals = await run(true);
      expect(small.statements).toBe(2); // authenticate, the page
      expect(large.statements).toBe(2);
      expect(smallTotals.statements).toBe(3); // + the counts per kind, only when selected
      expect(largeTotals.statements).toBe(3);
      expect(large.res.nodes).toHaveLength(100);
      expect(large.res.nodes[0]!.kind).toBe('FILING_OVERDUE'); // most urgent first
      expect(large.res.pageInfo.hasNextPage).toBe(true);
      expect(largeTotals.res.totalCount).toBeGreaterThan(smallTotals.res.totalCount);
      expect(largeTotals.res.overdueCount).toBeGreaterThan(0);
    });

    it('counts again only after a change to the documents is committed, or on another day', async () => {
      await insertReleasedDocuments(h2.sql, 20001, 300);
      const first = await run(true);
      expect(first.statements).toBe(3); // authenticate, the page, the counts
      const again = await run(true);
      expect(again.statements).toBe(2); // nothing committed since: the counts are reused
      expect([again.res.totalCount, again.res.overdueCount]).toEqual([first.res.totalCount, first.res.overdueCount]);
      const byKinds = expectOk(await h2.gql(FilingFlagsDocument, { first: 5, kinds: [Kind.FilingOverdue] }, { token: t2 })).filingFlags;
      const [overdueNow] = await h2.sql<{ n: string }>(`select count(*) as n from normative_document where filed_on is null and filing_due_on < ?`, [
        localDateOf(h2.clock.now(), h2.config.timeZone),
      ]);
      expect(byKinds.totalCount).toBe(Number(overdueNow!.n)); // another filter, its own counts

      // a change rolled back leaves the counts as they are
      const client = new Client({ connectionString: h2.dbUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`update normative_document set confirmed_verdict = 'NOT_REQUIRED' where title = '文件20001'`);
        await client.query('rollback');
      } finally {
        await client.end();
      }
      expect((await run(true)).statements).toBe(2);

      // one overdue document filed (through its filing, whose trigger rewrites the document): counted again at once
      const [overdue] = await h2.sql<{ id: string; published_on: string }>(
        `select id, to_char(published_on, 'YYYY-MM-DD') as published_on from normative_document where filed_on is null and filing_due_on < ? order by id limit 1`,
        [localDateOf(h2.clock.now(), h2.config.timeZone)],
      );
      await h2.sql(
        `insert into filing (id, document_id, authority, filed_on, materials, status, version)
         values (gen_random_uuid(), ?, '区人民政府（经区司法局）', ?::date + 40, '["FILING_REPORT","OFFICIAL_TEXT"]', 'FILED', 1)`,
        [overdue!.id, overdue!.published_on],
      );
      const afterFiling = await run(true);
      expect(afterFiling.statements).toBe(3);
      expect(afterFiling.res.overdueCount).toBe(first.res.overdueCount - 1);
      expect(afterFiling.res.nodes.some((n) => n.documentId === overdue!.id && n.kind === Kind.FilingOverdue)).toBe(false);

      // the next day: other deadlines have passed, counted again
      const now = h2.clock.now();
      try {
        h2.clock.advanceMs(86_400_000);
        t2 = await h2.login('filing'); // yesterday's sign-in has expired
        expect((await run(true)).statements).toBe(3);
        expect((await run(true)).statements).toBe(2);
      } finally {
        h2.clock.set(now);
        t2 = await h2.login('filing');
      }
    });

    it('raises the documents’ generation once per committed transaction, at commit, and the server cannot set it', async () => {
      const generation = async () => Number((await h2.sql<{ n: string }>(`select n from change_generation where name = 'normative_document'`))[0]!.n);
      const open = async () => {
        const c = new Client({ connectionString: h2.dbUrl });
        await c.connect();
        await c.query('begin');
        return c;
      };
      const g0 = await generation();
      const a = await open();
      const b = await open();
      try {
        await a.query(`update normative_document set title = title where title in ('文件20002', '文件20003')`);
        await a.query(`update normative_document set title = title where title = '文件20004'`);
        // a second writer is not held up by the first before either commits (the trigger runs at commit)
        await b.query(`update normative_document set title = title where title = '文件20005'`);
        await b.query('commit');
        expect(await generation()).toBe(g0 + 1);
        await a.query('commit');
        expect(await generation()).toBe(g0 + 2); // three statements, one transaction: raised once
      } finally {
        await a.end();
        await b.end();
      }
      await expect(h2.sql(`update change_generation set n = 1 where name = 'normative_document'`)).rejects.toThrow(/permission denied/);
      expect(await generation()).toBe(g0 + 2);
    });

    it('walks an index for every kind, never the whole register (as text, and prepared: its plan for these values and its generic plan)', async () => {
      await h2.superSql('vacuum analyze normative_document');
      // every statement the reader sends, with its values, as the ORM logs it (text with ?, or prepared with $n)
      const sent: { query: string; params: unknown[] }[] = [];
      const em = h2.orm.em.fork();
      const conn = em.getConnection() as unknown as { executeQuery: (q: string, cb: () => Promise<unknown>, ctx?: { query?: string; params?: unknown[] }) => Promise<unknown> };
      const original = conn.executeQuery.bind(conn);
      conn.executeQuery = (q, cb, ctx) => {
        sent.push({ query: ctx?.query ?? q, params: ctx?.params ?? [] });
        return original(q, cb, ctx);
      };
      const reader = new FilingFlagReader(em, h2.config.rules);
      const day = localDateOf(h2.clock.now(), h2.config.timeZone);
      const first = await reader.page(day, {}, 100, null); // prepared
      const last = first[first.length - 1]!;
      await reader.page(day, {}, 100, { urgency: FLAG_URGENCY[last.kind], dueOn: last.dueOn, documentId: last.documentId }); // as text
      await reader.counts(day, {});
      expect(sent).toHaveLength(3);
      expect(sent[0]!.query).toMatch(/\$1/);
      const client = new Client({ connectionString: h2.dbUrl });
      await client.connect();
      try {
        for (const { query, params } of sent) {
          let n = 0;
          const text = query.replace(/\?/g, () => `$${++n}`);
          const plans = [(await client.query(`explain ${text}`, params)).rows];
          if (text.includes('$1')) plans.push((await client.query(`explain (generic_plan) ${text}`)).rows);
          for (const rows of plans) expect(rows.map((r: Record<string, unknown>) => String(r['QUERY PLAN'])).join('\n')).not.toMatch(/Seq Scan on normative_document/);
        }
      } finally {
        await client.end();
      }
      // the generic plan is the one used: prepared statements are planned once per connection
      const [mode] = await executePrepared<{ m: string }>(h2.orm.em.fork(), `select current_setting('plan_cache_mode') as m`, []);
      expect(mode!.m).toBe('force_generic_plan');
    });
  });
});
