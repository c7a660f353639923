import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { assertVersion, BadInputError, ForbiddenError } from '../core/errors';
import { hasRole, Role, type Actor } from '../core/roles';
import { containsPattern } from '../core/text';
import { paginate, type PageRequest } from '../db/paginate';
import { Department } from './department.entity';
import { DepartmentKind } from './department.enums';
import { checkPassword, IdentityBase, normaliseRoles, SYSTEM_ADMINISTRATOR, userSummary, type Administrator } from './identity-base';
import type {
  BootstrapAdminCommand,
  CreateUserCommand,
  ResetPasswordCommand,
  SetActiveCommand,
  SetUserRolesCommand,
  UpdateUserCommand,
  UserListFilter,
} from './identity.commands';
import { LoginThrottle } from './login-throttle.entity';
import { hashPassword } from './password';
import { User } from './user.entity';
import { transaction } from '../db/transaction';

/** Arbitrary constant naming the advisory lock that makes "the first administrator" one. */
const FIRST_ADMIN_LOCK = 7_311_002;

/**
 * Users (用户): accounts, their department and roles, administered by an administrator, each step
 * audited. There is always one active administrator left.
 */
export class UserService extends IdentityBase {
  async create(admin: Administrator, cmd: CreateUserCommand): Promise<User> {
    this.assertAdministrator(admin);
    checkPassword(cmd.password, 'password');
    const passwordHash = await hashPassword(cmd.password);
    return transaction(this.em, async (em) => {
      const dept = await this.lockDepartment(em, cmd.departmentId);
      if (!dept.active) throw new BadInputError('不能在已停用的部门下新建账号', 'departmentId');
      const username = cmd.username.toLowerCase();
      if (await em.count(User, { username })) throw new BadInputError(`登录名 ${username} 已被使用`, 'username');
      return this.insertUser(em, admin, 'user.create', { username, displayName: cmd.displayName.trim(), department: dept, roles: normaliseRoles(cmd.roles), passwordHash });
    });
  }

  async update(admin: Administrator, cmd: UpdateUserCommand): Promise<User> {
    this.assertAdministrator(admin);
    return transaction(this.em, async (em) => {
      const u = await this.loadUser(em, cmd.id);
      assertVersion(u, cmd.version, '用户');
      const before = userSummary(u);
      if (cmd.displayName != null) u.displayName = cmd.displayName.trim();
      if (cmd.departmentId != null && cmd.departmentId !== u.department.id) {
        const dept = await this.lockDepartment(em, cmd.departmentId);
        if (!dept.active) throw new BadInputError('不能将账号调入已停用的部门', 'departmentId');
        u.department = em.getReference(Department, dept.id, { wrapped: true });
        // What the user may see follows their department: tokens from before the move stop working.
        this.endSessions(u);
      }
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, admin, 'user.update', u, { before, after: userSummary(u) });
      return u;
    });
  }

  async setRoles(admin: Administrator, cmd: SetUserRolesCommand): Promise<User> {
    this.assertAdministrator(admin);
    return transaction(this.em, async (em) => {
      const u = await this.loadUser(em, cmd.id);
      assertVersion(u, cmd.version, '用户');
      const roles = normaliseRoles(cmd.roles);
      if (hasRole(u, Role.ADMIN) && !roles.includes(Role.ADMIN) && u.active) await this.assertAnotherActiveAdmin(em, u, cmd.version);
      const before = userSummary(u);
      if (roles.join() !== normaliseRoles(u.roles).join()) this.endSessions(u);
      u.roles = roles;
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, admin, 'user.set_roles', u, { before, after: userSummary(u) });
      return u;
    });
  }

  async setActive(admin: Administrator, cmd: SetActiveCommand): Promise<User> {
    this.assertAdministrator(admin);
    return transaction(this.em, async (em) => {
      const u = await this.loadUser(em, cmd.id);
      assertVersion(u, cmd.version, '用户');
      if (u.active === cmd.active) throw new BadInputError(cmd.active ? '该账号已是启用状态' : '该账号已是停用状态', 'active');
      if (!cmd.active && u.id === admin.id) throw new BadInputError('不能停用自己的账号', 'id');
      if (!cmd.active && hasRole(u, Role.ADMIN)) await this.assertAnotherActiveAdmin(em, u, cmd.version);
      if (cmd.active && !(await this.lockDepartment(em, u.department.id)).active) {
        throw new BadInputError('该账号所在部门已停用，请先调整部门', 'id');
      }
      const before = userSummary(u);
      u.active = cmd.active;
      if (!cmd.active) this.endSessions(u);
      u.updatedAt = this.now;
      await em.flush();
      await this.audit(em, admin, cmd.active ? 'user.activate' : 'user.deactivate', u, { before, after: userSummary(u) });
      return u;
    });
  }

  /** A new password set by an administrator: the user's tokens stop working, failed sign-ins are forgotten. */
  async resetPassword(admin: Administrator, cmd: ResetPasswordCommand): Promise<User> {
    this.assertAdministrator(admin);
    checkPassword(cmd.newPassword, 'newPassword');
    const passwordHash = await hashPassword(cmd.newPassword);
    return transaction(this.em, async (em) => {
      const u = await this.loadUser(em, cmd.id);
      u.passwordHash = passwordHash;
      this.endSessions(u);
      u.updatedAt = this.now;
      await em.flush();
      await em.nativeDelete(LoginThrottle, { username: u.username });
      await this.audit(em, admin, 'user.reset_password', u);
      return u;
    });
  }

  list(req: PageRequest, filter: UserListFilter = {}) {
    const where: FilterQuery<User> = {};
    if (filter.departmentId) where.department = filter.departmentId;
    if (filter.active != null) where.active = filter.active;
    if (filter.role) where.roles = { $contains: [filter.role] };
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ username: { $ilike: like } }, { displayName: { $ilike: like } }];
    }
    return paginate(this.em, User, where, req, this.deps.config.graphql, { field: 'username', kind: 'string' });
  }

  /** A user as seen by `viewer`: administrators see everyone, others only themselves. */
  async getVisible(viewer: Pick<Actor, 'id' | 'roles'>, id: string): Promise<User> {
    if (viewer.id !== id && !hasRole(viewer, Role.ADMIN)) throw new ForbiddenError('只有管理员可以查看其他用户');
    return this.loadUser(this.em, id);
  }

  /** CLI: the first administrator on an empty database. Refused once any user exists. */
  async bootstrapAdmin(cmd: BootstrapAdminCommand): Promise<User> {
    if ((await this.em.count(User, {})) > 0) {
      throw new BadInputError('数据库中已有用户：首个管理员只能在空数据库上创建，请用管理员账号在系统中新建用户');
    }
    checkPassword(cmd.password, 'password');
    const passwordHash = await hashPassword(cmd.password);
    const system = SYSTEM_ADMINISTRATOR;
    return transaction(this.em, async (em) => {
      // Two create-admin runs at once: the lock queues them, and the second sees the first's user.
      await em.execute('select pg_advisory_xact_lock(?)', [FIRST_ADMIN_LOCK]);
      if ((await em.count(User, {})) > 0) throw new BadInputError('数据库中已有用户：首个管理员只能在空数据库上创建，请用管理员账号在系统中新建用户');
      const dept =
        (await em.findOne(Department, { code: cmd.departmentCode })) ??
        (await this.insertDepartment(em, system, { code: cmd.departmentCode, name: cmd.departmentName, kind: DepartmentKind.GOVERNMENT_OFFICE }));
      return this.insertUser(em, system, 'user.bootstrap_admin', {
        username: cmd.username.toLowerCase(),
        displayName: cmd.displayName,
        department: dept,
        roles: [Role.ADMIN],
        passwordHash,
      });
    });
  }

  // ---------------------------------------------------------------- helpers

  private async insertUser(
    em: EntityManager,
    actor: Administrator,
    action: string,
    fields: { username: string; displayName: string; department: Department; roles: Role[]; passwordHash: string },
  ): Promise<User> {
    const u = em.create(User, { id: randomUUID(), ...fields, active: true, createdAt: this.now, updatedAt: this.now } as unknown as User);
    await em.flush();
    await this.audit(em, actor, action, u, { after: userSummary(u) });
    return u;
  }

  /**
   * Locks every active administrator (in id order, so two callers never wait on each other crosswise)
   * and counts the others: two administrators removing each other at once run one after the other,
   * and the second sees that only one is left.
   */
  private async assertAnotherActiveAdmin(em: EntityManager, u: User, version: number): Promise<void> {
    const admins = await em.find(
      User,
      { active: true, roles: { $contains: [Role.ADMIN] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
    // `u` is one of them, read afresh: the version the caller read must still be the current one.
    assertVersion(u, version, '用户');
    if (!admins.some((a) => a.id !== u.id)) throw new BadInputError('这是最后一个在用的管理员账号，不能停用或取消其管理员角色');
  }
}
