import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import type { AuditActor } from '../audit/audit.service';
import { BadInputError, UnauthenticatedError } from '../core/errors';
import { findOrThrow } from '../db/find';
import { checkPassword, IdentityBase, type IdentityDeps } from './identity-base';
import type { ChangePasswordCommand, LoginCommand } from './identity.commands';
import { clearUsername, clientAddressKey, isLoopback, releaseAddress, reserveAttempt, type Reservation } from './login-throttle';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import type { IssuedToken, TokenService, TokenSession } from './token';
import { User } from './user.entity';
import { transaction } from '../db/transaction';

/** The one message for unknown user, wrong password and inactive user: no user enumeration. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

export interface SignInDeps extends IdentityDeps {
  tokens: TokenService;
  logger?: Logger;
}

const ACCOUNT_UNAVAILABLE = '账号不可用，请联系管理员';
const TOKEN_STALE = '登录凭证已失效（密码、角色、部门或账号状态已变更），请重新登录';
const TOKEN_LOGGED_OUT = '该登录凭证已退出登录，请重新登录';

let USER_COLUMNS: string | null = null;

/** A request's bearer token resolved: its user, or why there is none; and the token itself (for logout). */
export interface Authentication {
  user: User | null;
  problem: string | null;
  session: TokenSession | null;
}

/** Where a login comes from: the client address as the HTTP layer determined it (trust proxy applied). */
export interface LoginOrigin {
  clientAddress: string | null;
}

/**
 * Signing in (登录): passwords checked in constant time, attempts throttled per username (known or
 * not) and per client address, bearer tokens issued and resolved; and a user changing their own password.
 */
export class SignInService extends IdentityBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: SignInDeps,
  ) {
    super(em, deps);
  }

  /**
   * Signs in. Before any password is checked, the attempt is reserved atomically per client
   * address (when that limit is on) and per username, so a burst of parallel guesses gets at most
   * the configured number of password checks and a locked name or address gets none.
   */
  async login(cmd: LoginCommand, origin: LoginOrigin = { clientAddress: null }): Promise<IssuedToken & { user: User }> {
    const username = cmd.username.trim().toLowerCase().slice(0, 64);
    const now = this.now;
    const { login } = this.deps.config;

    const address = this.addressKey(origin.clientAddress);
    if (address) {
      const r = await reserveAttempt(this.em, 'address', address, login.perAddress, now);
      if (!r.allowed) throw this.throttled('ADDRESS', address, r, now);
    }
    let passwordChecked = false;
    let succeeded = false;
    try {
      const r = await reserveAttempt(this.em, 'username', username, login, now);
      if (!r.allowed) throw this.throttled('USERNAME', username, r, now);

      passwordChecked = true;
      const user = await this.em.findOne(User, { username }, { populate: ['passwordHash'] });
      const ok = user ? await verifyPassword(user.passwordHash, cmd.password) : await verifyAgainstDummy(cmd.password);
      if (!user || !ok || !user.active) throw new UnauthenticatedError(LOGIN_FAILED_MESSAGE, { reason: 'INVALID_CREDENTIALS' });
      succeeded = true;

      await clearUsername(this.em, username, now);
      // Plain SQL: signing in is not an edit of the user, so it must not bump the optimistic-lock version.
      await this.em.execute('update app_user set last_login_at = ? where id = ?', [now, user.id]);
      user.lastLoginAt = now;
      const issued = await this.deps.tokens.issue(user.id, user.tokenGeneration, now);
      return { ...issued, user };
    } finally {
      // The address counts failed password checks only: give the slot back on success or when none was made.
      if (address && (succeeded || !passwordChecked)) await releaseAddress(this.em, address, now);
    }
  }

  /**
   * Resolves the bearer token of a request to an active user, or says why not. One statement loads
   * the user and whether the token was logged out; the token's generation must be the user's
   * current one (a password, role, department or activation change, or "log out everywhere",
   * moves it on), so no extra query is needed on any request.
   */
  async authenticate(token: string): Promise<Authentication> {
    const verified = await this.deps.tokens.verify(token, this.now);
    if ('problem' in verified) return { user: null, problem: verified.problem, session: null };
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${this.userColumns()}, exists(select 1 from revoked_token r where r.jti = ?) as token_revoked
       from app_user u where u.id = ?`,
      [verified.tokenId, verified.userId],
    );
    const row = rows[0];
    if (!row || row.active !== true) return { user: null, problem: ACCOUNT_UNAVAILABLE, session: null };
    if (row.token_generation !== verified.generation) return { user: null, problem: TOKEN_STALE, session: null };
    if (row.token_revoked === true) return { user: null, problem: TOKEN_LOGGED_OUT, session: null };
    const { token_revoked: _revoked, ...columns } = row;
    const user = this.em.map(User, columns);
    return { user, problem: null, session: { tokenId: verified.tokenId, expiresAt: verified.expiresAt } };
  }

  /**
   * A user changing their own password: every token issued before stops working (this one too),
   * and a fresh token for this session is returned.
   */
  async changeOwnPassword(self: AuditActor & { id: string }, cmd: ChangePasswordCommand): Promise<IssuedToken & { user: User }> {
    checkPassword(cmd.newPassword, 'newPassword');
    const user = await transaction(this.em, async (em) => {
      const u = await findOrThrow(em, User, self.id, '用户', { populate: ['passwordHash'] });
      if (!(await verifyPassword(u.passwordHash, cmd.currentPassword))) throw new BadInputError('当前密码不正确', 'currentPassword');
      u.passwordHash = await hashPassword(cmd.newPassword);
      this.endSessions(u);
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, self, 'user.change_password', u);
      return u;
    });
    return { ...(await this.deps.tokens.issue(user.id, user.tokenGeneration, this.now)), user };
  }

  /** Logs this token out (退出登录): it is refused from now on; the user's other tokens go on working. */
  async logout(user: User, session: TokenSession): Promise<User> {
    const now = this.now;
    return transaction(this.em, async (em) => {
      await em.execute(
        `insert into revoked_token (jti, user_id, revoked_at, expires_at) values (?, ?, ?, ?) on conflict (jti) do nothing`,
        [session.tokenId, user.id, now, session.expiresAt],
      );
      // Tokens past their expiry are refused anyway: their rows are of no further use.
      await em.execute('delete from revoked_token where expires_at < ?', [now]);
      await this.audit(em, user, 'user.logout', user, { after: { tokenId: session.tokenId, tokenExpiresAt: session.expiresAt.toISOString() } });
      return user;
    });
  }

  /** Logs out everywhere (退出全部登录): every token of the user, this one included, is refused from now on. */
  async logoutEverywhere(user: User): Promise<User> {
    return transaction(this.em, async (em) => {
      // Plain SQL: not an edit of the user (no optimistic-lock version bump), and the loaded entity stays as it is.
      const rows = await em.execute<{ token_generation: number }[]>(
        'update app_user set token_generation = token_generation + 1 where id = ? returning token_generation',
        [user.id],
      );
      await this.audit(em, user, 'user.logout_everywhere', user, { after: { tokenGeneration: rows[0]!.token_generation } });
      return user;
    });
  }

  /** The user's columns without the password hash, for the one-statement load in `authenticate`. */
  private userColumns(): string {
    USER_COLUMNS ??= this.em
      .getMetadata()
      .get(User)
      .props.filter((p) => p.persist !== false && !p.lazy && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE))
      .flatMap((p) => p.fieldNames)
      .map((f) => `u."${f}"`)
      .join(', ');
    return USER_COLUMNS;
  }

  /** The throttle key of the caller's address, or null when that limit is off or does not apply. */
  private addressKey(clientAddress: string | null): string | null {
    const { perAddress } = this.deps.config.login;
    if (perAddress.maxFailures === 0) return null;
    if (perAddress.exemptLoopback && isLoopback(clientAddress)) return null;
    return clientAddressKey(clientAddress);
  }

  private throttled(scope: 'USERNAME' | 'ADDRESS', key: string, r: Extract<Reservation, { allowed: false }>, now: Date): UnauthenticatedError {
    if (r.justLocked) this.deps.logger?.warn({ scope, key, lockedUntil: r.lockedUntil }, 'login locked after repeated failures');
    const retryAfterSeconds = Math.max(1, Math.ceil((r.lockedUntil.getTime() - now.getTime()) / 1000));
    const who = scope === 'ADDRESS' ? '此网络地址' : '';
    return new UnauthenticatedError(`${who}登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, {
      reason: 'THROTTLED',
      scope,
      retryAfterSeconds,
    });
  }
}
