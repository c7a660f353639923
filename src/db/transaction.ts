import { DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../core/errors';

/**
 * The one way services open a transaction. Inside another transaction it joins it (a savepoint, as
 * `em.transactional` does). At the top level it retries the whole unit of work when PostgreSQL
 * aborted it as a deadlock victim (40P01) or a serialization failure (40001): such a transaction
 * changed nothing, and running it again on fresh reads is what the client would do anyway. After
 * the last attempt the caller gets CONFLICT, never an internal error.
 *
 * Retrying is safe because a unit of work reads everything it checks inside the transaction, and a
 * retry forks a clean identity map, so no state of the aborted attempt leaks into the next one.
 */
export async function transaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return em.transactional(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.transactional(work, attempt > 1 ? { clear: true } : {});
    } catch (e) {
      if (!isRetryable(e)) throw e;
      const sqlState = (e as { code?: string }).code ?? 'unknown';
      if (attempt >= MAX_ATTEMPTS) {
        transactionStats.exhausted += 1;
        listener?.({ kind: 'exhausted', attempt, sqlState });
        throw new ConflictError('操作与其他人同时进行的操作冲突，已自动重试仍未成功，请稍后重试');
      }
      transactionStats.retries += 1;
      listener?.({ kind: 'retry', attempt, sqlState });
      await sleep(backoff(attempt));
    }
  }
}

/** Attempts in all, the first included. */
export const MAX_ATTEMPTS = 4;

/** Deadlock victims and serialization failures: the transaction was rolled back and may run again. */
export function isRetryable(e: unknown): boolean {
  if (e instanceof DeadlockException) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** Retries so far in this process (tests and logs read them). */
export const transactionStats = { retries: 0, exhausted: 0 };

export interface RetryEvent {
  kind: 'retry' | 'exhausted';
  /** The attempt that failed (1 = the first). */
  attempt: number;
  sqlState: string;
}

let listener: ((e: RetryEvent) => void) | null = null;

/** Where retries are reported (the server logs them as warnings). */
export function onTransactionRetry(fn: ((e: RetryEvent) => void) | null): void {
  listener = fn;
}

/** 10–20 ms, then 20–40 ms, then 40–80 ms: jitter keeps two retried victims apart. */
function backoff(attempt: number): number {
  const base = 10 * 2 ** (attempt - 1);
  return base + Math.floor(Math.random() * base);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
