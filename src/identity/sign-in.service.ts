import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import type { AuditActor } from '../audit/audit.service';
import { BadInputError, UnauthenticatedError } from '../core/errors';
import { findOrThrow } from '../db/find';
import { checkPassword, IdentityBase, type IdentityDeps } from './identity-base';
import type { ChangePasswordCommand, LoginCommand } from './identity.commands';
import { clearUsername, clientAddressKey, isLoopback, releaseAddress, reserveAttempt, type Reservation } from './login-throttle';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import type { IssuedToken, TokenService } from './token';
import { User } from './user.entity';

/** The one message for unknown user, wrong password and inactive user: no user enumeration. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

export interface SignInDeps extends IdentityDeps {
  tokens: TokenService;
  logger?: Logger;
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
      const issued = await this.deps.tokens.issue(user.id, now);
      return { ...issued, user };
    } finally {
      // The address counts failed password checks only: give the slot back on success or when none was made.
      if (address && (succeeded || !passwordChecked)) await releaseAddress(this.em, address, now);
    }
  }

  /** Resolves the bearer token of a request to an active user, or says why not. */
  async authenticate(token: string): Promise<{ user: User | null; problem: string | null }> {
    const verified = await this.deps.tokens.verify(token, this.now);
    if ('problem' in verified) return { user: null, problem: verified.problem };
    const user = await this.em.findOne(User, { id: verified.userId });
    if (!user || !user.active) return { user: null, problem: '账号不可用，请联系管理员' };
    return { user, problem: null };
  }

  async changeOwnPassword(self: AuditActor & { id: string }, cmd: ChangePasswordCommand): Promise<User> {
    checkPassword(cmd.newPassword, 'newPassword');
    return this.em.transactional(async (em) => {
      const u = await findOrThrow(em, User, self.id, '用户', { populate: ['passwordHash'] });
      if (!(await verifyPassword(u.passwordHash, cmd.currentPassword))) throw new BadInputError('当前密码不正确', 'currentPassword');
      u.passwordHash = await hashPassword(cmd.newPassword);
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, self, 'user.change_password', u);
      return u;
    });
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
