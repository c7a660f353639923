import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { GqlResponse } from './harness';

/** What a race ended with: how many calls won, the codes of the others, the HTTP statuses. */
export interface RaceTally {
  n: number;
  winners: number;
  /** Error code → number of calls that ended with it. */
  codes: Record<string, number>;
  statuses: number[];
}

/**
 * Starts `n` requests in the same tick (none awaits another) and waits for all of them: they reach
 * the server together and race for the same rows.
 */
export function together<R>(n: number, call: (i: number) => Promise<GqlResponse<R>>): Promise<GqlResponse<R>[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

export function tally<R>(results: GqlResponse<R>[]): RaceTally {
  const codes: Record<string, number> = {};
  let winners = 0;
  for (const r of results) {
    if (!r.errors?.length) winners += 1;
    else {
      const code = String(r.errors[0]!.extensions?.code ?? 'NONE');
      codes[code] = (codes[code] ?? 0) + 1;
    }
  }
  return { n: results.length, winners, codes, statuses: results.map((r) => r.status) };
}

/** Appends a race's figures to the file named by RACE_REPORT (one JSON line), if set. */
export function report(name: string, t: RaceTally, extra: Record<string, unknown> = {}): void {
  const file = process.env.RACE_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ race: name, n: t.n, winners: t.winners, codes: t.codes, ...extra })}\n`);
}

/** Codes a lost race may end with: the conflict itself, or the rule the winner's change now breaks. */
export const LOSING_CODES = ['CONFLICT', 'RULE_VIOLATION', 'BAD_USER_INPUT'];

/** No call of the race got HTTP 500 or INTERNAL_SERVER_ERROR; every loser lost with an allowed code. */
export function expectClean<R>(results: GqlResponse<R>[], allowed: string[] = LOSING_CODES): RaceTally {
  const t = tally(results);
  const bad = results.filter((r) => r.status >= 500 || r.errors?.some((e) => !allowed.includes(String(e.extensions?.code))));
  if (bad.length) throw new Error(`race: ${bad.length} of ${results.length} calls failed badly: ${JSON.stringify(bad.map((b) => ({ status: b.status, errors: b.errors })))}`);
  return t;
}

/** Exactly one call won; the others lost cleanly (CONFLICT or a rule the winner's change now breaks). */
export function expectOneWinner<R>(name: string, results: GqlResponse<R>[], allowed: string[] = LOSING_CODES): RaceTally {
  const t = expectClean(results, allowed);
  report(name, t);
  if (t.winners !== 1) throw new Error(`race ${name}: expected exactly one winner, got ${t.winners}: ${JSON.stringify(t.codes)}`);
  return t;
}

/** Every call won (the race serialised them); returns the tally. */
export function expectAllWin<R>(name: string, results: GqlResponse<R>[]): RaceTally {
  const t = expectClean(results, []);
  report(name, t);
  return t;
}

/**
 * The database itself refuses a copy of row `id` of `table` (with `overrides`, e.g. a new number),
 * naming `constraint`: the invariant holds even for a writer that skips the services' locks.
 */
export async function expectDatabaseRefuses(
  sql: (query: string, params?: unknown[]) => Promise<unknown>,
  table: string,
  id: string,
  overrides: Record<string, unknown>,
  constraint: string,
): Promise<void> {
  const row = JSON.stringify({ id: randomUUID(), ...overrides });
  await expect(sql(`insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || ?::jsonb)).* from ${table} t where t.id = ?`, [row, id])).rejects.toMatchObject({
    code: '23505',
    constraint,
  });
}
