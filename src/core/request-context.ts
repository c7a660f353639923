import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The HTTP request a piece of work belongs to, carried through every await (AsyncLocalStorage):
 * the logger stamps its id on each line written while the request runs (src/core/logger.ts).
 */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** An incoming X-Request-Id is kept when it is 1–128 characters of letters, digits and `._:-` (no spaces, no control characters). */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && WELL_FORMED.test(value) ? value : randomUUID();
}

export function runInRequest<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
