import { assertVersion, BadInputError } from '../core/errors';
import { paginate, type PageRequest } from '../db/paginate';
import { Department } from './department.entity';
import { departmentSummary, IdentityBase, type Administrator } from './identity-base';
import type { CreateDepartmentCommand, SetActiveCommand, UpdateDepartmentCommand } from './identity.commands';
import { User } from './user.entity';
import { transaction } from '../db/transaction';

/** Departments (部门): created, renamed, re-classified, deactivated by an administrator, each step audited. */
export class DepartmentService extends IdentityBase {
  async create(admin: Administrator, cmd: CreateDepartmentCommand): Promise<Department> {
    this.assertAdministrator(admin);
    return transaction(this.em, (em) => this.insertDepartment(em, admin, cmd));
  }

  async update(admin: Administrator, cmd: UpdateDepartmentCommand): Promise<Department> {
    this.assertAdministrator(admin);
    return transaction(this.em, async (em) => {
      const d = await this.loadDepartment(em, cmd.id);
      assertVersion(d, cmd.version, '部门');
      const before = departmentSummary(d);
      if (cmd.name != null) d.name = cmd.name.trim();
      if (cmd.kind != null) d.kind = cmd.kind;
      d.updatedAt = this.now;
      await em.flush();
      await this.audit(em, admin, 'department.update', d, { before, after: departmentSummary(d) });
      return d;
    });
  }

  /** A department with active users stays active: move or deactivate them first. */
  async setActive(admin: Administrator, cmd: SetActiveCommand): Promise<Department> {
    this.assertAdministrator(admin);
    return transaction(this.em, async (em) => {
      const d = await this.lockDepartment(em, cmd.id);
      assertVersion(d, cmd.version, '部门');
      if (d.active === cmd.active) throw new BadInputError(cmd.active ? '该部门已是启用状态' : '该部门已是停用状态', 'active');
      if (!cmd.active) {
        const users = await em.count(User, { department: d.id, active: true });
        if (users > 0) throw new BadInputError(`该部门仍有 ${users} 名在用账号，请先调整或停用这些账号`, 'id');
      }
      const before = departmentSummary(d);
      d.active = cmd.active;
      d.updatedAt = this.now;
      await em.flush();
      await this.audit(em, admin, cmd.active ? 'department.activate' : 'department.deactivate', d, { before, after: departmentSummary(d) });
      return d;
    });
  }

  list(req: PageRequest, includeInactive: boolean) {
    return paginate(this.em, Department, includeInactive ? {} : { active: true }, req, this.deps.config.graphql, { field: 'code', kind: 'string' });
  }

  get(id: string): Promise<Department> {
    return this.loadDepartment(this.em, id);
  }
}
