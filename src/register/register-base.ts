import { randomUUID } from 'node:crypto';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { AuditSubject } from '../audit/audit.enums';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError, type Violation } from '../core/errors';
import { assertActsForDepartment, assertAnyRole, type Actor } from '../core/roles';
import { containsPattern } from '../core/text';
import { findForUpdate, findOrThrow } from '../db/find';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { transaction } from '../db/transaction';
import { Department } from '../identity/department.entity';
import type { CreateRegisterEntry, RegisterListFilter, UpdateRegisterEntry } from './register.commands';
import { canSeeRegisterEntry, REGISTER_CROSS_DEPARTMENT_RECORDERS, REGISTER_RECORDERS, visibleRegisterEntries } from './register.visibility';

export interface RegisterDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
}

/** What every register entry has. */
export interface RegisterEntry {
  id: string;
  department: { id: string };
  version: number;
}

/** What a register is: its entity, its name in messages, what it is audited as, its date and searched columns. */
export interface RegisterSpec<E> {
  entity: EntityClass<E>;
  /** Chinese name in messages (法律咨询 …). */
  what: string;
  subjectType: AuditSubject;
  /** Audit action prefix, e.g. `register.consultation`. */
  action: string;
  /** The entry's date: list order (newest first) and the period filter. */
  dateField: keyof E & string;
  /** Columns the `search` filter looks in. */
  searchFields: (keyof E & string)[];
}

/**
 * The shared mechanics of the four registers (R-AR-2): visibility, lists, department scoping,
 * validation, optimistic versions and audit. Each register says what its fields are and which
 * rules they obey; the rest is here, once.
 */
export abstract class RegisterBase<E extends RegisterEntry, F extends object> {
  protected abstract readonly spec: RegisterSpec<E>;

  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: RegisterDeps,
  ) {}

  /** The rules the fields break, all at once (pure, from `register.rules.ts`). */
  protected abstract violations(fields: F, today: string): Violation[];
  /** The editable fields as stored: trimmed, empty optional texts as null. */
  protected abstract values(fields: F): Partial<E>;
  /** Checks that need the database (a unique case number); inside the transaction. */
  protected async checkUnique(_em: EntityManager, _fields: F, _id: string | null): Promise<void> {}

  protected get today(): string {
    return localDateOf(this.deps.clock.now(), this.deps.config.timeZone);
  }

  /** An entry the user may see: FORBIDDEN for other departments' staff. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<E> {
    const e = await findOrThrow(em, this.spec.entity, id, this.spec.what);
    if (!canSeeRegisterEntry(user, e)) throw new ForbiddenError(`您只能查看本部门的${this.spec.what}`);
    return e;
  }

  /** The entries the user may see, newest first; `extra` narrows by the register's own columns. */
  list(user: Actor, req: PageRequest, filter: RegisterListFilter, extra: Record<string, unknown> = {}): Promise<Page<E>> {
    const where: Record<string, unknown> = { ...visibleRegisterEntries(user), ...extra };
    if (filter.departmentId) {
      if (!canSeeRegisterEntry(user, { department: { id: filter.departmentId } })) throw new ForbiddenError(`您只能查看本部门的${this.spec.what}`);
      where.department = filter.departmentId;
    }
    if (filter.from && filter.to && filter.to < filter.from) throw new BadInputError('查询区间的结束日期早于开始日期', 'to');
    const range: Record<string, string> = {};
    if (filter.from) range.$gte = filter.from;
    if (filter.to) range.$lte = filter.to;
    if (Object.keys(range).length) where[this.spec.dateField] = range;
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = this.spec.searchFields.map((f) => ({ [f]: { $ilike: like } }));
    }
    return paginate(this.em, this.spec.entity, where as FilterQuery<E>, req, this.deps.config.graphql, { field: this.spec.dateField, kind: 'string', direction: 'desc' });
  }

  protected async createEntry(user: Actor, cmd: F & CreateRegisterEntry): Promise<E> {
    assertAnyRole(user, REGISTER_RECORDERS, `登记${this.spec.what}`);
    const departmentId = cmd.departmentId ?? user.department.id;
    assertActsForDepartment(user, departmentId, this.spec.what, REGISTER_CROSS_DEPARTMENT_RECORDERS);
    assertNoViolations(this.violations(cmd, this.today));
    return transaction(this.em, async (em) => {
      await findOrThrow(em, Department, departmentId, '部门');
      await this.checkUnique(em, cmd, null);
      const values = this.values(cmd);
      const e = em.create(this.spec.entity, {
        id: randomUUID(),
        ...values,
        department: departmentId,
        createdBy: user.id,
        createdAt: this.deps.clock.now(),
      } as never);
      await em.flush();
      await this.deps.audit.record(em, user, { action: `${this.spec.action}.create`, subjectType: this.spec.subjectType, subjectId: e.id, after: { departmentId, ...values } });
      return e;
    });
  }

  protected async updateEntry(user: Actor, cmd: F & UpdateRegisterEntry): Promise<E> {
    assertAnyRole(user, REGISTER_RECORDERS, `修改${this.spec.what}`);
    assertNoViolations(this.violations(cmd, this.today));
    return transaction(this.em, async (em) => {
      const e = await findForUpdate(em, this.spec.entity, cmd.id, this.spec.what);
      assertActsForDepartment(user, e.department.id, this.spec.what, REGISTER_CROSS_DEPARTMENT_RECORDERS);
      assertVersion(e, cmd.version, this.spec.what);
      await this.checkUnique(em, cmd, e.id);
      const values = this.values(cmd);
      const before = Object.fromEntries(Object.keys(values).map((k) => [k, (e as Record<string, unknown>)[k] ?? null]));
      em.assign(e, values as never);
      await em.flush();
      await this.deps.audit.record(em, user, { action: `${this.spec.action}.update`, subjectType: this.spec.subjectType, subjectId: e.id, before, after: values });
      return e;
    });
  }
}

/** A trimmed optional text, null when empty. */
export function optionalText(s: string | null | undefined): string | null {
  return s?.trim() || null;
}
