import { DeadlockException, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../src/core/errors';
import { MAX_ATTEMPTS, transaction, transactionStats } from '../../src/db/transaction';
import { Department } from '../../src/identity/department.entity';
import { startHarness, type Harness } from '../support/harness';

/** Resolves for everyone once `n` callers arrived; later callers (retries) pass straight through. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((r) => (release = r));
  return async () => {
    arrived += 1;
    if (arrived >= n) release();
    await open;
  };
}

/**
 * The transaction helper every service uses: a deadlock victim (40P01) or a serialization failure
 * (40001) is run again at the top level only, a few times, then answered with CONFLICT.
 */
describe('transaction helper', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  /** Two units of work that lock two department rows in opposite orders: a deadlock on the first attempt. */
  function crossing(run: (em: EntityManager, work: (em: EntityManager) => Promise<string>) => Promise<string>) {
    const meet = barrier(2);
    const attempts = { a: 0, b: 0 };
    const lock = (em: EntityManager, code: string) => em.execute(`select id from department where code = ? for update`, [code]);
    const work = (name: 'a' | 'b', first: string, second: string) => async (em: EntityManager) => {
      attempts[name] += 1;
      await lock(em, first);
      await meet();
      await lock(em, second);
      return name;
    };
    return {
      attempts,
      results: Promise.allSettled([run(h.orm.em.fork(), work('a', 'DZB', 'JJFZ')), run(h.orm.em.fork(), work('b', 'JJFZ', 'DZB'))]),
    };
  }

  it('without it, PostgreSQL picks a deadlock victim and the caller gets the raw 40P01 error', async () => {
    const { results } = crossing((em, work) => em.transactional(work));
    const settled = await results;
    const rejected = settled.filter((s) => s.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(DeadlockException);
    expect((rejected[0]!.reason as { code?: string }).code).toBe('40P01');
  });

  it('retries the deadlock victim transparently: both units of work succeed, one of them twice', async () => {
    const before = transactionStats.retries;
    const { results, attempts } = crossing((em, work) => transaction(em, work));
    const settled = await results;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts.a + attempts.b).toBe(3);
    expect(transactionStats.retries - before).toBe(1);
    expect(h.logs.some((l) => l.includes('transaction retried after a deadlock'))).toBe(true);
  });

  it('gives up after a few attempts with CONFLICT, never an internal error', async () => {
    let attempts = 0;
    const failing = transaction(h.orm.em.fork(), async () => {
      attempts += 1;
      throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
    });
    await expect(failing).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(failing).rejects.toBeInstanceOf(AppError);
    expect(attempts).toBe(MAX_ATTEMPTS);
  });

  it('retries at the top level only: a nested unit of work joins and is run again with its parent', async () => {
    let outer = 0;
    let inner = 0;
    const em = h.orm.em.fork({ useContext: true });
    const result = await transaction(em, async () => {
      outer += 1;
      return transaction(em, async () => {
        inner += 1;
        if (inner === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        return 'done';
      });
    });
    expect(result).toBe('done');
    expect({ outer, inner }).toEqual({ outer: 2, inner: 2 });
  });

  it('passes every other error through untouched, on the first attempt', async () => {
    let attempts = 0;
    await expect(
      transaction(h.orm.em.fork(), async () => {
        attempts += 1;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
  });

  it('keeps the optimistic lock when one flush changes several rows of one table', async () => {
    // Two units of work read the same two departments, then both rename both: the later one must fail.
    const read = barrier(2);
    const rename = (suffix: string) =>
      transaction(h.orm.em.fork(), async (em) => {
        const ds = await em.find(Department, { code: { $in: ['DZB', 'JJFZ'] } });
        await read();
        for (const d of ds) d.name = `${d.name}${suffix}`;
        await em.flush();
        return ds.length;
      });
    const settled = await Promise.allSettled([rename('（甲）'), rename('（乙）')]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(OptimisticLockError);
    const names = (await h.sql<{ name: string }>(`select name from department where code in ('DZB', 'JJFZ')`)).map((r) => r.name);
    expect(names.every((n) => n.endsWith('（甲）')) || names.every((n) => n.endsWith('（乙）'))).toBe(true);
  });
});
