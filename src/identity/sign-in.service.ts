import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditActor } from '../audit/audit.service';
import { BadInputError, UnauthenticatedError } from '../core/errors';
import { findOrThrow } from '../db/find';
import { checkPassword, IdentityBase, type IdentityDeps } from './identity-base';
import type { ChangePasswordCommand, LoginCommand } from './identity.commands';
import { LoginThrottle } from './login-throttle.entity';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import type { IssuedToken, TokenService } from './token';
import { User } from './user.entity';
import { transaction } from '../db/transaction';

/** The one message for unknown user, wrong password and inactive user: no user enumeration. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

export interface SignInDeps extends IdentityDeps {
  tokens: TokenService;
}

/**
 * Signing in (登录): passwords checked in constant time, failures throttled per username (known or
 * not), bearer tokens issued and resolved; and a user changing their own password.
 */
export class SignInService extends IdentityBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: SignInDeps,
  ) {
    super(em, deps);
  }

  async login(cmd: LoginCommand): Promise<IssuedToken & { user: User }> {
    const username = cmd.username.trim().toLowerCase().slice(0, 64);
    const now = this.now;

    const throttle = await this.em.findOne(LoginThrottle, { username });
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new UnauthenticatedError(`登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, {
        reason: 'THROTTLED',
        retryAfterSeconds,
      });
    }

    const user = await this.em.findOne(User, { username }, { populate: ['passwordHash'] });
    const ok = user ? await verifyPassword(user.passwordHash, cmd.password) : await verifyAgainstDummy(cmd.password);
    if (!user || !ok || !user.active) {
      await this.recordFailure(username, now);
      throw new UnauthenticatedError(LOGIN_FAILED_MESSAGE, { reason: 'INVALID_CREDENTIALS' });
    }

    if (throttle) await this.em.nativeDelete(LoginThrottle, { username });
    // Plain SQL: signing in is not an edit of the user, so it must not bump the optimistic-lock version.
    await this.em.execute('update app_user set last_login_at = ? where id = ?', [now, user.id]);
    user.lastLoginAt = now;
    const issued = await this.deps.tokens.issue(user.id, now);
    return { ...issued, user };
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
    return transaction(this.em, async (em) => {
      const u = await findOrThrow(em, User, self.id, '用户', { populate: ['passwordHash'] });
      if (!(await verifyPassword(u.passwordHash, cmd.currentPassword))) throw new BadInputError('当前密码不正确', 'currentPassword');
      u.passwordHash = await hashPassword(cmd.newPassword);
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, self, 'user.change_password', u);
      return u;
    });
  }

  /**
   * Counts a failure in the username's window, atomically (concurrent failures all count), and
   * locks the username once the window holds `maxFailures`.
   */
  private async recordFailure(username: string, now: Date): Promise<void> {
    const { maxFailures, windowSeconds, lockSeconds } = this.deps.config.login;
    const windowStart = new Date(now.getTime() - windowSeconds * 1000);
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
    await this.em.execute(
      `insert into login_throttle (username, failures, window_started_at, locked_until)
       values (?, 1, ?, case when 1 >= ? then ?::timestamptz else null end)
       on conflict (username) do update set
         failures = case
           when login_throttle.window_started_at < ?::timestamptz then 1
           else login_throttle.failures + 1 end,
         window_started_at = case
           when login_throttle.window_started_at < ?::timestamptz then excluded.window_started_at
           else login_throttle.window_started_at end,
         locked_until = case
           when (case when login_throttle.window_started_at < ?::timestamptz then 1
                      else login_throttle.failures + 1 end) >= ?
           then ?::timestamptz else login_throttle.locked_until end`,
      [username, now, maxFailures, lockedUntil, windowStart, windowStart, windowStart, maxFailures, lockedUntil],
    );
  }
}
