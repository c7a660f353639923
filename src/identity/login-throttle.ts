import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';

/** How many attempts a window holds and how long a lock lasts. */
export interface ThrottleLimits {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

/** The outcome of reserving one attempt: allowed, or locked until a time. */
export type Reservation = { allowed: true } | { allowed: false; lockedUntil: Date; justLocked: boolean };

/** The two throttles: per username (login_throttle) and per client address (login_address_throttle). */
const TABLES = {
  username: { table: 'login_throttle', key: 'username' },
  address: { table: 'login_address_throttle', key: 'address' },
} as const;
export type ThrottleScope = keyof typeof TABLES;

/**
 * Reserves one login attempt for `key`, atomically, BEFORE any password is checked: one upsert
 * counts the attempt in the key's window and says whether it may go on. Concurrent attempts are
 * serialised on the row, so however many arrive together, at most `maxFailures` are allowed per
 * window; the first one beyond locks the key for `lockSeconds`. Attempts during a lock are
 * refused (and counted, for the record) without extending it; an expired lock or window starts afresh. Runs on its own (autocommit), never inside a
 * caller's transaction, so the count is visible to every other request at once.
 */
export async function reserveAttempt(em: EntityManager, scope: ThrottleScope, key: string, limits: ThrottleLimits, now: Date): Promise<Reservation> {
  const { table, key: column } = TABLES[scope];
  const windowStart = new Date(now.getTime() - limits.windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + limits.lockSeconds * 1000);
  // The SET expressions all see the row as it was before this statement.
  const locked = 't.locked_until > ?::timestamptz';
  const stale = '(t.locked_until is not null or t.window_started_at < ?::timestamptz)';
  const rows = await em.getConnection().execute<{ failures: number; locked_until: Date | null }[]>(
    `insert into ${table} as t (${column}, failures, window_started_at, locked_until)
     values (?, 1, ?::timestamptz, null)
     on conflict (${column}) do update set
       failures = case when ${locked} then t.failures + 1 when ${stale} then 1 else t.failures + 1 end,
       window_started_at = case when ${locked} then t.window_started_at when ${stale} then ?::timestamptz else t.window_started_at end,
       locked_until = case when ${locked} then t.locked_until when ${stale} then null
                           when t.failures + 1 > ? then ?::timestamptz else null end
     returning failures, locked_until`,
    [key, now, now, windowStart, now, windowStart, now, now, windowStart, limits.maxFailures, lockUntil],
  );
  const row = rows[0]!;
  if (!row.locked_until) return { allowed: true };
  // Only the attempt that set the lock sees exactly max + 1: later ones keep counting on top.
  return { allowed: false, lockedUntil: new Date(row.locked_until), justLocked: row.failures === limits.maxFailures + 1 };
}

/** A successful sign-in forgets the username's attempts (unless a lock was set meanwhile). */
export async function clearUsername(em: EntityManager, username: string, now: Date): Promise<void> {
  await em.getConnection().execute(
    'delete from login_throttle where username = ? and (locked_until is null or locked_until <= ?::timestamptz)',
    [username, now],
  );
}

/** Gives back an address's reserved attempt: it succeeded, or no password was checked. */
export async function releaseAddress(em: EntityManager, address: string, now: Date): Promise<void> {
  await em.getConnection().execute(
    `update login_address_throttle set failures = greatest(failures - 1, 0)
     where address = ? and (locked_until is null or locked_until <= ?::timestamptz)`,
    [address, now],
  );
}

/** Undoes IPv4-mapped IPv6 (`::ffff:1.2.3.4`) so one client has one key. */
function unmap(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function ipv6Groups(ip: string): string[] {
  let text = ip.split('%')[0]!.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail === null ? [] : tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * The throttle key of a client address: an IPv4 address as it is; an IPv6 address by its /64
 * (one subscriber usually holds a whole /64, so counting single addresses would not slow anyone).
 * Null when there is no usable address.
 */
export function clientAddressKey(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const a = unmap(ip.trim());
  const family = isIP(a.split('%')[0]!);
  if (family === 4) return a;
  if (family !== 6) return null;
  return `${ipv6Groups(a).slice(0, 4).join(':')}::/64`;
}

/** 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopback(ip: string | null | undefined): boolean {
  if (!ip) return false;
  const a = unmap(ip.trim());
  if (isIP(a) === 4) return a.startsWith('127.');
  return isIP(a) === 6 && ipv6Groups(a).join(':') === '0:0:0:0:0:0:0:1';
}
