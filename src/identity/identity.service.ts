import { containsPattern } from '../core/text';
import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Config } from '../core/config';
import type { Clock } from '../core/clock';
import { AuditService, type AuditActor as Actor } from '../audit/audit.service';
import { assertVersion, BadInputError, NotFoundError, UnauthenticatedError } from '../core/errors';
import { paginate, type PageRequest } from '../db/paginate';
import { Department } from './department.entity';
import { LoginThrottle } from './login-throttle.entity';
import { User } from './user.entity';
import { DepartmentKind } from './department.enums';
import { Role } from '../core/roles';
import { hashPassword, passwordProblems, verifyAgainstDummy, verifyPassword } from './password';
import type { TokenService, IssuedToken } from './token';

/** The one message for unknown user, wrong password and inactive user: no user enumeration. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

export interface IdentityDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
  tokens: TokenService;
}

export function actorOf(user: User): Actor {
  return { id: user.id, username: user.username };
}

function departmentSummary(d: Department) {
  return { code: d.code, name: d.name, kind: d.kind, active: d.active };
}

function userSummary(u: User) {
  return {
    username: u.username,
    displayName: u.displayName,
    departmentId: u.department.id,
    roles: [...u.roles].sort(),
    active: u.active,
  };
}

function normaliseRoles(roles: Role[]): Role[] {
  return [...new Set(roles)].sort();
}


/** Departments, users, roles, login: each method one use case in one transaction, audited. */
export class IdentityService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  // ---------------------------------------------------------------- login

  async login(usernameRaw: string, password: string): Promise<IssuedToken & { user: User }> {
    const username = usernameRaw.trim().toLowerCase().slice(0, 64);
    const { maxFailures, windowSeconds, lockSeconds } = this.deps.config.login;
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
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !ok || !user.active) {
      // Atomic: concurrent failures all count.
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
        [
          username,
          now,
          maxFailures,
          new Date(now.getTime() + lockSeconds * 1000),
          new Date(now.getTime() - windowSeconds * 1000),
          new Date(now.getTime() - windowSeconds * 1000),
          new Date(now.getTime() - windowSeconds * 1000),
          maxFailures,
          new Date(now.getTime() + lockSeconds * 1000),
        ],
      );
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

  // ---------------------------------------------------------------- departments

  async createDepartment(actor: Actor, input: { code: string; name: string; kind: DepartmentKind }): Promise<Department> {
    return this.em.transactional(async (em) => {
      if (await em.count(Department, { code: input.code })) {
        throw new BadInputError(`部门代码 ${input.code} 已存在`, 'code');
      }
      const d = em.create(Department, {
        id: randomUUID(),
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        active: true,
        createdAt: this.now,
        updatedAt: this.now,
      } as Department);
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'identity.department.create',
        subjectType: 'Department',
        subjectId: d.id,
        after: departmentSummary(d),
      });
      return d;
    });
  }

  async updateDepartment(actor: Actor, input: { id: string; version: number; name?: string; kind?: DepartmentKind }): Promise<Department> {
    return this.em.transactional(async (em) => {
      const d = await this.loadDepartment(em, input.id);
      assertVersion(d, input.version, '部门');
      const before = departmentSummary(d);
      if (input.name !== undefined) d.name = input.name.trim();
      if (input.kind !== undefined) d.kind = input.kind;
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'identity.department.update',
        subjectType: 'Department',
        subjectId: d.id,
        before,
        after: departmentSummary(d),
      });
      return d;
    });
  }

  async setDepartmentActive(actor: Actor, input: { id: string; version: number; active: boolean }): Promise<Department> {
    return this.em.transactional(async (em) => {
      const d = await this.loadDepartment(em, input.id);
      assertVersion(d, input.version, '部门');
      if (d.active === input.active) {
        throw new BadInputError(input.active ? '该部门已是启用状态' : '该部门已是停用状态', 'active');
      }
      if (!input.active) {
        const users = await em.count(User, { department: d.id, active: true });
        if (users > 0) throw new BadInputError(`该部门仍有 ${users} 名在用账号，请先调整或停用这些账号`, 'id');
      }
      const before = departmentSummary(d);
      d.active = input.active;
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: input.active ? 'identity.department.activate' : 'identity.department.deactivate',
        subjectType: 'Department',
        subjectId: d.id,
        before,
        after: departmentSummary(d),
      });
      return d;
    });
  }

  listDepartments(req: PageRequest, includeInactive: boolean) {
    return paginate(this.em, Department, includeInactive ? {} : { active: true }, req, this.deps.config.graphql, {
      field: 'code',
      kind: 'string',
    });
  }

  async getDepartment(id: string): Promise<Department> {
    return this.loadDepartment(this.em, id);
  }

  // ---------------------------------------------------------------- users

  async createUser(
    actor: Actor,
    input: { username: string; displayName: string; departmentId: string; roles: Role[]; password: string },
  ): Promise<User> {
    const problem = passwordProblems(input.password);
    if (problem) throw new BadInputError(problem, 'password');
    const passwordHash = await hashPassword(input.password);
    return this.em.transactional(async (em) => {
      const dept = await this.loadDepartment(em, input.departmentId);
      if (!dept.active) throw new BadInputError('不能在已停用的部门下新建账号', 'departmentId');
      const username = input.username.toLowerCase();
      if (await em.count(User, { username })) throw new BadInputError(`登录名 ${username} 已被使用`, 'username');
      const u = em.create(User, {
        id: randomUUID(),
        username,
        displayName: input.displayName.trim(),
        department: dept,
        roles: normaliseRoles(input.roles),
        active: true,
        passwordHash,
        createdAt: this.now,
        updatedAt: this.now,
      } as unknown as User);
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'identity.user.create',
        subjectType: 'User',
        subjectId: u.id,
        after: userSummary(u),
      });
      return u;
    });
  }

  async updateUser(actor: Actor, input: { id: string; version: number; displayName?: string; departmentId?: string }): Promise<User> {
    return this.em.transactional(async (em) => {
      const u = await this.loadUser(em, input.id);
      assertVersion(u, input.version, '用户');
      const before = userSummary(u);
      if (input.displayName !== undefined) u.displayName = input.displayName.trim();
      if (input.departmentId !== undefined && input.departmentId !== u.department.id) {
        const dept = await this.loadDepartment(em, input.departmentId);
        if (!dept.active) throw new BadInputError('不能将账号调入已停用的部门', 'departmentId');
        u.department = em.getReference(Department, dept.id, { wrapped: true });
      }
      u.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'identity.user.update',
        subjectType: 'User',
        subjectId: u.id,
        before,
        after: userSummary(u),
      });
      return u;
    });
  }

  async setUserRoles(actor: Actor, input: { id: string; version: number; roles: Role[] }): Promise<User> {
    return this.em.transactional(async (em) => {
      const u = await this.loadUser(em, input.id);
      assertVersion(u, input.version, '用户');
      const roles = normaliseRoles(input.roles);
      if (u.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN) && u.active) {
        await this.assertAnotherActiveAdmin(em, u.id);
      }
      const before = userSummary(u);
      u.roles = roles;
      u.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'identity.user.set_roles',
        subjectType: 'User',
        subjectId: u.id,
        before,
        after: userSummary(u),
      });
      return u;
    });
  }

  async setUserActive(actor: Actor, input: { id: string; version: number; active: boolean }): Promise<User> {
    return this.em.transactional(async (em) => {
      const u = await this.loadUser(em, input.id);
      assertVersion(u, input.version, '用户');
      if (u.active === input.active) throw new BadInputError(input.active ? '该账号已是启用状态' : '该账号已是停用状态', 'active');
      if (!input.active && u.id === actor.id) throw new BadInputError('不能停用自己的账号', 'id');
      if (!input.active && u.roles.includes(Role.ADMIN)) await this.assertAnotherActiveAdmin(em, u.id);
      if (input.active) {
        const dept = await this.loadDepartment(em, u.department.id);
        if (!dept.active) throw new BadInputError('该账号所在部门已停用，请先调整部门', 'id');
      }
      const before = userSummary(u);
      u.active = input.active;
      u.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: input.active ? 'identity.user.activate' : 'identity.user.deactivate',
        subjectType: 'User',
        subjectId: u.id,
        before,
        after: userSummary(u),
      });
      return u;
    });
  }

  async resetPassword(actor: Actor, input: { id: string; newPassword: string }): Promise<User> {
    const problem = passwordProblems(input.newPassword);
    if (problem) throw new BadInputError(problem, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    return this.em.transactional(async (em) => {
      const u = await this.loadUser(em, input.id);
      u.passwordHash = passwordHash;
      u.updatedAt = this.now;
      await em.flush();
      await em.nativeDelete(LoginThrottle, { username: u.username });
      await this.deps.audit.record(em, actor, {
        action: 'identity.user.reset_password',
        subjectType: 'User',
        subjectId: u.id,
      });
      return u;
    });
  }

  async changeOwnPassword(self: User, input: { currentPassword: string; newPassword: string }): Promise<User> {
    const problem = passwordProblems(input.newPassword);
    if (problem) throw new BadInputError(problem, 'newPassword');
    return this.em.transactional(async (em) => {
      const u = await em.findOneOrFail(User, { id: self.id }, { populate: ['passwordHash'] });
      if (!(await verifyPassword(u.passwordHash, input.currentPassword))) {
        throw new BadInputError('当前密码不正确', 'currentPassword');
      }
      u.passwordHash = await hashPassword(input.newPassword);
      u.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actorOf(self), {
        action: 'identity.user.change_password',
        subjectType: 'User',
        subjectId: u.id,
      });
      return u;
    });
  }

  listUsers(req: PageRequest, filter: { departmentId?: string; role?: Role; active?: boolean; search?: string } = {}) {
    const where: FilterQuery<User> = {};
    if (filter.departmentId) where.department = filter.departmentId;
    if (filter.active !== undefined) where.active = filter.active;
    if (filter.role) where.roles = { $contains: [filter.role] };
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ username: { $ilike: like } }, { displayName: { $ilike: like } }];
    }
    return paginate(this.em, User, where, req, this.deps.config.graphql, { field: 'username', kind: 'string' });
  }

  async getUser(id: string): Promise<User> {
    return this.loadUser(this.em, id);
  }

  // ---------------------------------------------------------------- bootstrap

  /** CLI: the first administrator on an empty database. Refused once any user exists. */
  async bootstrapAdmin(input: {
    username: string;
    displayName: string;
    password: string;
    departmentCode: string;
    departmentName: string;
  }): Promise<User> {
    if ((await this.em.count(User, {})) > 0) {
      throw new BadInputError('数据库中已有用户：首个管理员只能在空数据库上创建，请用管理员账号在系统中新建用户');
    }
    const problem = passwordProblems(input.password);
    if (problem) throw new BadInputError(problem, 'password');
    const passwordHash = await hashPassword(input.password);
    return this.em.transactional(async (em) => {
      const system: Actor = { id: null, username: 'system' };
      let dept = await em.findOne(Department, { code: input.departmentCode });
      if (!dept) {
        dept = em.create(Department, {
          id: randomUUID(),
          code: input.departmentCode,
          name: input.departmentName,
          kind: DepartmentKind.GOVERNMENT_OFFICE,
          active: true,
          createdAt: this.now,
          updatedAt: this.now,
        } as Department);
        await em.flush();
        await this.deps.audit.record(em, system, {
          action: 'identity.department.create',
          subjectType: 'Department',
          subjectId: dept.id,
          after: departmentSummary(dept),
        });
      }
      const u = em.create(User, {
        id: randomUUID(),
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        department: dept,
        roles: [Role.ADMIN],
        active: true,
        passwordHash,
        createdAt: this.now,
        updatedAt: this.now,
      } as unknown as User);
      await em.flush();
      await this.deps.audit.record(em, system, {
        action: 'identity.user.bootstrap_admin',
        subjectType: 'User',
        subjectId: u.id,
        after: userSummary(u),
      });
      return u;
    });
  }

  // ---------------------------------------------------------------- helpers

  private async loadDepartment(em: EntityManager, id: string): Promise<Department> {
    const d = await em.findOne(Department, { id });
    if (!d) throw new NotFoundError('部门', id);
    return d;
  }

  private async loadUser(em: EntityManager, id: string): Promise<User> {
    const u = await em.findOne(User, { id });
    if (!u) throw new NotFoundError('用户', id);
    return u;
  }

  private async assertAnotherActiveAdmin(em: EntityManager, exceptUserId: string): Promise<void> {
    const others = await em.count(User, { id: { $ne: exceptUserId }, active: true, roles: { $contains: [Role.ADMIN] } });
    if (others === 0) throw new BadInputError('这是最后一个在用的管理员账号，不能停用或取消其管理员角色');
  }
}
