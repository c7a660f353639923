import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, AuditService } from '../audit/audit.service';
import { isValidLocalDate } from '../calendar/working-days';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import { paginate, type PageRequest } from '../db/paginate';
import { assertNoViolations, assertVersion, BadInputError, NotFoundError } from '../core/errors';
import { Department } from '../identity/department.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from './directory.entity';
import { AdjustmentKind, DirectoryItemStatus, DirectoryStatus } from './directory.enums';
import type { AdjustDirectoryInput, DirectoryItemInput } from './directory.inputs';
import { adjustmentViolations, categoryViolations, itemEditViolations, publicationViolations } from './directory.rules';

/** A directory holds at most this many items: its item list is loaded whole. */
export const MAX_DIRECTORY_ITEMS = 500;

export interface DirectoryDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
}

function itemSummary(i: DirectoryItem) {
  return {
    seq: i.seq,
    title: i.title,
    category: i.category,
    sponsorDepartmentId: i.sponsorDepartment.id,
    plannedQuarter: i.plannedQuarter,
    currentQuarter: i.currentQuarter,
    status: i.status,
  };
}

function directorySummary(d: DecisionDirectory) {
  return { year: d.year, title: d.title, status: d.status, partyApprovedAt: d.partyApprovedAt ?? null, partyApprovalReference: d.partyApprovalReference ?? null };
}


/** The yearly decision directory (R-DIR-1…3): one use case per method, one transaction, audited. */
export class DirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: DirectoryDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  async create(actor: Actor, input: { year: number; title: string }): Promise<DecisionDirectory> {
    return this.em.transactional(async (em) => {
      if (await em.count(DecisionDirectory, { year: input.year })) {
        throw new BadInputError(`${input.year} 年度目录已存在（每年一个目录，R-DIR-1）`, 'year');
      }
      const d = em.create(DecisionDirectory, {
        id: randomUUID(),
        year: input.year,
        title: input.title.trim(),
        status: DirectoryStatus.DRAFT,
        createdAt: this.now,
        updatedAt: this.now,
      } as DecisionDirectory);
      await em.flush();
      await this.deps.audit.record(em, actor, { action: 'directory.create', subjectType: 'DecisionDirectory', subjectId: d.id, after: directorySummary(d) });
      return d;
    });
  }

  async addItem(actor: Actor, directoryId: string, input: DirectoryItemInput): Promise<DirectoryItem> {
    return this.em.transactional(async (em) => {
      const d = await this.loadDirectory(em, directoryId, true);
      assertNoViolations([...itemEditViolations(d.status), ...categoryViolations(input.category)]);
      const item = await this.createItem(em, d, input, false);
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, { action: 'directory.item.add', subjectType: 'DecisionDirectory', subjectId: d.id, after: itemSummary(item) });
      return item;
    });
  }

  async updateItem(actor: Actor, itemId: string, version: number, input: DirectoryItemInput): Promise<DirectoryItem> {
    return this.em.transactional(async (em) => {
      const item = await this.loadItem(em, itemId);
      const d = await this.loadDirectory(em, item.directory.id, true);
      assertNoViolations([...itemEditViolations(d.status), ...categoryViolations(input.category)]);
      assertVersion(item, version, '目录事项');
      const before = itemSummary(item);
      await this.loadDepartment(em, input.sponsorDepartmentId);
      Object.assign(item, {
        title: input.title.trim(),
        category: input.category,
        sponsorDepartment: em.getReference(Department, input.sponsorDepartmentId, { wrapped: true }),
        legalBasis: input.legalBasis,
        plannedQuarter: input.plannedQuarter,
        currentQuarter: input.plannedQuarter,
        reason: input.reason,
      });
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'directory.item.update',
        subjectType: 'DecisionDirectory',
        subjectId: d.id,
        before,
        after: itemSummary(item),
      });
      return item;
    });
  }

  async recordPartyApproval(actor: Actor, input: { directoryId: string; version: number; approvedOn: string; reference: string }) {
    if (!isValidLocalDate(input.approvedOn)) throw new BadInputError('党委同意日期无效', 'approvedOn');
    return this.em.transactional(async (em) => {
      const d = await this.loadDirectory(em, input.directoryId, true);
      assertVersion(d, input.version, '目录');
      if (d.status !== DirectoryStatus.DRAFT) {
        assertNoViolations([{ rule: 'R-DIR-3', code: 'ALREADY_PUBLISHED', message: '目录已公布，党委同意记录不能再修改 (R-DIR-3)' }]);
      }
      const before = directorySummary(d);
      d.partyApprovedAt = input.approvedOn;
      d.partyApprovalReference = input.reference.trim();
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'directory.party_approval',
        subjectType: 'DecisionDirectory',
        subjectId: d.id,
        before,
        after: directorySummary(d),
      });
      return d;
    });
  }

  async publish(actor: Actor, input: { directoryId: string; version: number }): Promise<DecisionDirectory> {
    return this.em.transactional(async (em) => {
      const d = await this.loadDirectory(em, input.directoryId, true);
      assertVersion(d, input.version, '目录');
      const activeItems = await em.count(DirectoryItem, { directory: d.id, status: DirectoryItemStatus.ACTIVE });
      assertNoViolations(publicationViolations({ status: d.status, partyApprovedAt: d.partyApprovedAt ?? null, activeItems }));
      const before = directorySummary(d);
      d.status = DirectoryStatus.PUBLISHED;
      d.publishedAt = this.now;
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: 'directory.publish',
        subjectType: 'DecisionDirectory',
        subjectId: d.id,
        before,
        after: { ...directorySummary(d), items: activeItems },
      });
      return d;
    });
  }

  /** R-DIR-3: the only way a published directory changes. Returns the adjustment recorded. */
  async adjust(actor: Actor, input: AdjustDirectoryInput): Promise<DirectoryAdjustment> {
    return this.em.transactional(async (em) => {
      // The directory row lock serialises adjustments of one directory.
      const d = await this.loadDirectory(em, input.directoryId, true);
      assertNoViolations(adjustmentViolations(d.status));
      let item: DirectoryItem;
      let fromQuarter: number | null = null;
      let toQuarter: number | null = null;
      switch (input.kind) {
        case AdjustmentKind.ADD: {
          if (!input.newItem) throw new BadInputError('增加事项时须填写新事项内容', 'newItem');
          assertNoViolations(categoryViolations(input.newItem.category));
          item = await this.createItem(em, d, input.newItem, true);
          toQuarter = item.plannedQuarter;
          break;
        }
        case AdjustmentKind.WITHDRAW: {
          item = await this.itemOf(em, d, input.itemId);
          if (item.status === DirectoryItemStatus.WITHDRAWN) throw new BadInputError('该事项已调出目录', 'itemId');
          item.status = DirectoryItemStatus.WITHDRAWN;
          break;
        }
        case AdjustmentKind.RESCHEDULE: {
          item = await this.itemOf(em, d, input.itemId);
          if (item.status === DirectoryItemStatus.WITHDRAWN) throw new BadInputError('已调出目录的事项不能调整时间', 'itemId');
          if (!input.toQuarter) throw new BadInputError('调整时间须填写新的计划季度', 'toQuarter');
          if (input.toQuarter === item.currentQuarter) throw new BadInputError('新的计划季度与当前相同', 'toQuarter');
          fromQuarter = item.currentQuarter;
          toQuarter = input.toQuarter;
          item.currentQuarter = input.toQuarter;
          break;
        }
      }
      const adjustment = em.create(DirectoryAdjustment, {
        id: randomUUID(),
        directory: d,
        item,
        kind: input.kind,
        reason: input.reason.trim(),
        fromQuarter,
        toQuarter,
        recordedBy: actor.username,
        recordedAt: this.now,
      } as unknown as DirectoryAdjustment);
      d.updatedAt = this.now;
      await em.flush();
      await this.deps.audit.record(em, actor, {
        action: `directory.adjust.${input.kind.toLowerCase()}`,
        subjectType: 'DecisionDirectory',
        subjectId: d.id,
        after: { kind: input.kind, reason: adjustment.reason, item: itemSummary(item), fromQuarter, toQuarter },
      });
      return adjustment;
    });
  }

  list(req: PageRequest, year?: number) {
    return paginate(this.em, DecisionDirectory, year ? { year } : {}, req, this.deps.config.graphql, {
      field: 'year',
      kind: 'number',
      direction: 'desc',
    });
  }

  async get(where: { id?: string; year?: number }): Promise<DecisionDirectory> {
    if (!where.id && !where.year) throw new BadInputError('请提供目录 id 或年度');
    const d = await this.em.findOne(DecisionDirectory, where.id ? { id: where.id } : { year: where.year });
    if (!d) throw new NotFoundError('目录', where.id ?? String(where.year));
    return d;
  }

  // ------------------------------------------------------------------ helpers

  private async createItem(em: EntityManager, d: DecisionDirectory, input: DirectoryItemInput, byAdjustment: boolean) {
    await this.loadDepartment(em, input.sponsorDepartmentId);
    const count = await em.count(DirectoryItem, { directory: d.id });
    if (count >= MAX_DIRECTORY_ITEMS) throw new BadInputError(`一个目录最多 ${MAX_DIRECTORY_ITEMS} 个事项`);
    const item = em.create(DirectoryItem, {
      id: randomUUID(),
      directory: d,
      seq: count + 1,
      title: input.title.trim(),
      category: input.category,
      sponsorDepartment: em.getReference(Department, input.sponsorDepartmentId, { wrapped: true }),
      legalBasis: input.legalBasis,
      plannedQuarter: input.plannedQuarter,
      currentQuarter: input.plannedQuarter,
      reason: input.reason,
      status: DirectoryItemStatus.ACTIVE,
      addedByAdjustment: byAdjustment,
      createdAt: this.now,
    } as unknown as DirectoryItem);
    return item;
  }

  private async itemOf(em: EntityManager, d: DecisionDirectory, itemId: string | undefined): Promise<DirectoryItem> {
    if (!itemId) throw new BadInputError('请指定要调整的目录事项', 'itemId');
    const item = await this.loadItem(em, itemId);
    if (item.directory.id !== d.id) throw new BadInputError('该事项不属于此目录', 'itemId');
    return item;
  }

  private async loadDirectory(em: EntityManager, id: string, lock: boolean): Promise<DecisionDirectory> {
    const d = await em.findOne(DecisionDirectory, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!d) throw new NotFoundError('目录', id);
    return d;
  }

  private async loadItem(em: EntityManager, id: string): Promise<DirectoryItem> {
    const i = await em.findOne(DirectoryItem, { id });
    if (!i) throw new NotFoundError('目录事项', id);
    return i;
  }

  private async loadDepartment(em: EntityManager, id: string): Promise<Department> {
    const d = await em.findOne(Department, { id });
    if (!d) throw new NotFoundError('部门', id);
    if (!d.active) throw new BadInputError('承办部门已停用', 'sponsorDepartmentId');
    return d;
  }
}
