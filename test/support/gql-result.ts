/**
 * A GraphQL answer as the tests read it, and the two checks on it — without the server: the
 * fixtures that build objects through the API (fixtures.ts, packages.ts) need only these, so the
 * browser journeys can run them over HTTP against the suite's server (test/browser/decision.spec.ts).
 */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

export interface GqlResponse<R> {
  status: number;
  data?: R | null;
  errors?: GqlError[];
}

/** Expects exactly one error with the given code; returns it. */
export function expectError<R>(res: GqlResponse<R>, code: string): GqlError {
  if (!res.errors || res.errors.length === 0) {
    throw new Error(`expected ${code}, got data ${JSON.stringify(res.data)}`);
  }
  const codes = res.errors.map((e) => e.extensions?.code);
  if (!codes.includes(code)) throw new Error(`expected ${code}, got ${JSON.stringify(res.errors)}`);
  return res.errors.find((e) => e.extensions?.code === code)!;
}

export function expectOk<R>(res: GqlResponse<R>): R {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  if (!res.data) throw new Error('no data');
  return res.data;
}
