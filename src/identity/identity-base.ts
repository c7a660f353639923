import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit.service';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import { BadInputError } from '../core/errors';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import type { CreateDepartmentCommand } from './identity.commands';
import { Department } from './department.entity';
import { passwordProblems } from './password';
import { User } from './user.entity';

export interface IdentityDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
}

/** Who administers departments and users: an administrator, or the system (CLI) acting as one. */
export type Administrator = AuditActor & Pick<Actor, 'roles'>;

/** The CLI (seed, first administrator): audited as "system". */
export const SYSTEM_ADMINISTRATOR: Administrator = { ...SYSTEM_ACTOR, roles: [Role.ADMIN] };

export function departmentSummary(d: Department) {
  return { code: d.code, name: d.name, kind: d.kind, active: d.active };
}

export function userSummary(u: User) {
  return {
    username: u.username,
    displayName: u.displayName,
    departmentId: u.department.id,
    roles: [...u.roles].sort(),
    active: u.active,
  };
}

export function normaliseRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)].sort();
}

/** BAD_USER_INPUT on `field` unless the password is strong enough. */
export function checkPassword(password: string, field: string): void {
  const problem = passwordProblems(password);
  if (problem) throw new BadInputError(problem, field);
}

/** What the identity services share: the clock, loading, department creation and the audit record. */
export abstract class IdentityBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: IdentityDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  /** Every token the user holds stops working (their token generation moves on); flushed by the caller. */
  protected endSessions(u: User): void {
    u.tokenGeneration += 1;
  }

  protected assertAdministrator(admin: Administrator): void {
    assertAnyRole(admin, [Role.ADMIN], '管理部门和用户');
  }

  protected loadDepartment(em: EntityManager, id: string): Promise<Department> {
    return findOrThrow(em, Department, id, '部门');
  }

  /**
   * The department row locked until commit: deactivating a department and putting an active user
   * in it (creation, move, reactivation) take this lock before they check, so neither slips past
   * the other.
   */
  protected lockDepartment(em: EntityManager, id: string): Promise<Department> {
    return findForUpdate(em, Department, id, '部门');
  }

  protected loadUser(em: EntityManager, id: string): Promise<User> {
    return findOrThrow(em, User, id, '用户');
  }

  /** A new active department, flushed and audited (inside the caller's transaction). */
  protected async insertDepartment(em: EntityManager, actor: AuditActor, cmd: CreateDepartmentCommand): Promise<Department> {
    if (await em.count(Department, { code: cmd.code })) throw new BadInputError(`部门代码 ${cmd.code} 已存在`, 'code');
    const d = em.create(Department, {
      id: randomUUID(),
      code: cmd.code,
      name: cmd.name.trim(),
      kind: cmd.kind,
      active: true,
      createdAt: this.now,
      updatedAt: this.now,
    } as Department);
    await em.flush();
    await this.audit(em, actor, 'department.create', d, { after: departmentSummary(d) });
    return d;
  }

  protected async audit(em: EntityManager, actor: AuditActor, action: string, subject: Department | User, extra: { before?: object; after?: object } = {}) {
    await this.deps.audit.record(em, actor, {
      action: `identity.${action}`,
      subjectType: subject instanceof User ? 'User' : 'Department',
      subjectId: subject.id,
      before: (extra.before as Record<string, unknown>) ?? null,
      after: (extra.after as Record<string, unknown>) ?? null,
    });
  }
}
