import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import { assertAnyRole, MANAGERS, type Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { paginate, type PageRequest } from '../db/paginate';
import { Department } from '../identity/department.entity';
import type {
  AddDirectoryItemCommand,
  AdjustDirectoryCommand,
  CreateDirectoryCommand,
  DirectoryItemCommand,
  DirectoryListFilter,
  PublishDirectoryCommand,
  RecordPartyApprovalCommand,
  UpdateDirectoryItemCommand,
} from './directory.commands';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from './directory.entity';
import { AdjustmentKind, DirectoryItemStatus, DirectoryStatus } from './directory.enums';
import { categoryViolations, publicationViolations, yearViolations } from './directory.rules';
import { directoryDateViolations } from './directory-dates.rules';
import { DIRECTORY_ITEM_WORKFLOW, DIRECTORY_WORKFLOW, type DirectoryEvent, type DirectoryItemEvent } from './directory.workflow';
import { transaction } from '../db/transaction';

/** A directory holds at most this many items. */
export const MAX_DIRECTORY_ITEMS = 500;

export interface DirectoryDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
}

/** An item after a change, with its directory (whose version moved with it). */
export interface DirectoryItemResult {
  item: DirectoryItem;
  directory: DecisionDirectory;
}

/** A recorded adjustment, the item it added or changed, and the directory. */
export interface DirectoryAdjustmentResult extends DirectoryItemResult {
  adjustment: DirectoryAdjustment;
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

const ADJUSTMENT_EVENT: Partial<Record<AdjustmentKind, DirectoryItemEvent>> = {
  [AdjustmentKind.WITHDRAW]: 'WITHDRAW_DIRECTORY_ITEM',
  [AdjustmentKind.RESCHEDULE]: 'RESCHEDULE_DIRECTORY_ITEM',
};

/**
 * The yearly decision directory (R-DIR-1…3): one use case per method, one transaction, audited.
 * Which state allows what is DIRECTORY_WORKFLOW's and DIRECTORY_ITEM_WORKFLOW's.
 */
export class DirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: DirectoryDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  /** Today in the business time zone. */
  private get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /** The directory's dates as they will be after a change (R-DIR-3). */
  private dates(d: DecisionDirectory, change: { partyApprovedOn?: string; publishedOn?: string }) {
    return {
      partyApprovedOn: change.partyApprovedOn ?? d.partyApprovedAt ?? null,
      publishedOn: change.publishedOn ?? (d.publishedAt ? localDateOf(d.publishedAt, this.deps.config.timeZone) : null),
    };
  }

  async create(user: Actor, cmd: CreateDirectoryCommand): Promise<DecisionDirectory> {
    assertAnyRole(user, MANAGERS, '新建年度目录');
    return transaction(this.em, async (em) => {
      assertNoViolations(yearViolations(cmd.year, await em.count(DecisionDirectory, { year: cmd.year })));
      const d = em.create(DecisionDirectory, {
        id: randomUUID(),
        year: cmd.year,
        title: cmd.title.trim(),
        status: DirectoryStatus.DRAFT,
        createdAt: this.now,
        updatedAt: this.now,
      } as DecisionDirectory);
      await em.flush();
      await this.audit(em, user, 'create', d, { after: directorySummary(d) });
      return d;
    });
  }

  async addItem(user: Actor, cmd: AddDirectoryItemCommand): Promise<DirectoryItemResult> {
    return transaction(this.em, async (em) => {
      const directory = await this.loadForEvent(em, user, cmd.directoryId, 'ADD_DIRECTORY_ITEM');
      assertNoViolations(categoryViolations(cmd.category));
      const item = await this.createItem(em, directory, cmd, false);
      directory.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'item.add', directory, { after: itemSummary(item) });
      return { item, directory };
    });
  }

  async updateItem(user: Actor, cmd: UpdateDirectoryItemCommand): Promise<DirectoryItemResult> {
    return transaction(this.em, async (em) => {
      const item = await findOrThrow(em, DirectoryItem, cmd.itemId, '目录事项');
      const directory = await this.loadForEvent(em, user, item.directory.id, 'UPDATE_DIRECTORY_ITEM');
      assertNoViolations(categoryViolations(cmd.category));
      assertVersion(item, cmd.version, '目录事项');
      const before = itemSummary(item);
      await this.activeDepartment(em, cmd.sponsorDepartmentId);
      Object.assign(item, {
        title: cmd.title.trim(),
        category: cmd.category,
        sponsorDepartment: em.getReference(Department, cmd.sponsorDepartmentId, { wrapped: true }),
        legalBasis: cmd.legalBasis,
        plannedQuarter: cmd.plannedQuarter,
        currentQuarter: cmd.plannedQuarter,
        reason: cmd.reason,
      });
      directory.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'item.update', directory, { before, after: itemSummary(item) });
      return { item, directory };
    });
  }

  /** R-DIR-3: the Party committee's agreement, recorded (or corrected) before publication. */
  async recordPartyApproval(user: Actor, cmd: RecordPartyApprovalCommand): Promise<DecisionDirectory> {
    if (!isValidLocalDate(cmd.approvedOn)) throw new BadInputError('党委同意日期无效', 'approvedOn');
    return transaction(this.em, async (em) => {
      const d = await this.loadForEvent(em, user, cmd.directoryId, 'RECORD_PARTY_APPROVAL', cmd.version);
      assertNoViolations(directoryDateViolations(this.dates(d, { partyApprovedOn: cmd.approvedOn }), this.today));
      const before = directorySummary(d);
      d.partyApprovedAt = cmd.approvedOn;
      d.partyApprovalReference = cmd.reference.trim();
      d.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'party_approval', d, { before, after: directorySummary(d) });
      return d;
    });
  }

  async publish(user: Actor, cmd: PublishDirectoryCommand): Promise<DecisionDirectory> {
    DIRECTORY_WORKFLOW.authorize(user, 'PUBLISH_DIRECTORY');
    return transaction(this.em, async (em) => {
      const d = await this.lock(em, cmd.directoryId);
      assertVersion(d, cmd.version, '决策事项目录');
      const activeItems = await em.count(DirectoryItem, { directory: d.id, status: DirectoryItemStatus.ACTIVE });
      // Every blocker at once: the state, the Party agreement and the items.
      assertNoViolations([
        ...DIRECTORY_WORKFLOW.violations(d.status, 'PUBLISH_DIRECTORY'),
        ...publicationViolations({ partyApprovedAt: d.partyApprovedAt ?? null, activeItems }),
        ...directoryDateViolations(this.dates(d, { publishedOn: this.today }), this.today),
      ]);
      const before = directorySummary(d);
      d.status = DIRECTORY_WORKFLOW.next(d.status, 'PUBLISH_DIRECTORY');
      d.publishedAt = this.now;
      d.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, 'publish', d, { before, after: { ...directorySummary(d), items: activeItems } });
      return d;
    });
  }

  /** R-DIR-3: the only way a published directory changes — add, withdraw or reschedule, with a reason. */
  async adjust(user: Actor, cmd: AdjustDirectoryCommand): Promise<DirectoryAdjustmentResult> {
    const reason = cmd.reason.trim();
    if (!reason) throw new BadInputError('请说明调整理由', 'reason');
    const itemEvent = ADJUSTMENT_EVENT[cmd.kind];
    if (itemEvent) DIRECTORY_ITEM_WORKFLOW.authorize(user, itemEvent);
    return transaction(this.em, async (em) => {
      // The directory row lock serialises adjustments of one directory.
      const directory = await this.loadForEvent(em, user, cmd.directoryId, 'ADJUST_DIRECTORY');
      let item: DirectoryItem;
      let fromQuarter: number | null = null;
      let toQuarter: number | null = null;
      if (cmd.kind === AdjustmentKind.ADD) {
        if (!cmd.newItem) throw new BadInputError('增加事项时须填写新事项内容', 'newItem');
        assertNoViolations(categoryViolations(cmd.newItem.category));
        item = await this.createItem(em, directory, cmd.newItem, true);
        toQuarter = item.plannedQuarter;
      } else {
        item = await this.itemOf(em, directory, cmd.itemId);
        item.status = DIRECTORY_ITEM_WORKFLOW.next(item.status, itemEvent!);
        if (cmd.kind === AdjustmentKind.RESCHEDULE) {
          if (!cmd.toQuarter) throw new BadInputError('调整时间须填写新的计划季度', 'toQuarter');
          if (cmd.toQuarter === item.currentQuarter) throw new BadInputError('新的计划季度与当前相同', 'toQuarter');
          fromQuarter = item.currentQuarter;
          toQuarter = cmd.toQuarter;
          item.currentQuarter = cmd.toQuarter;
        }
      }
      const adjustment = em.create(DirectoryAdjustment, {
        id: randomUUID(),
        directory,
        item,
        kind: cmd.kind,
        reason,
        fromQuarter,
        toQuarter,
        recordedBy: user.username,
        recordedAt: this.now,
      } as unknown as DirectoryAdjustment);
      directory.updatedAt = this.now;
      await em.flush();
      await this.audit(em, user, `adjust.${cmd.kind.toLowerCase()}`, directory, {
        after: { kind: cmd.kind, reason, item: itemSummary(item), fromQuarter, toQuarter },
      });
      return { adjustment, item, directory };
    });
  }

  list(req: PageRequest, filter: DirectoryListFilter = {}) {
    return paginate(this.em, DecisionDirectory, filter.year ? { year: filter.year } : {}, req, this.deps.config.graphql, {
      field: 'year',
      kind: 'number',
      direction: 'desc',
    });
  }

  get(id: string): Promise<DecisionDirectory> {
    return findOrThrow(this.em, DecisionDirectory, id, '决策事项目录');
  }

  getByYear(year: number): Promise<DecisionDirectory> {
    return findOrThrow(this.em, DecisionDirectory, { year }, `${year} 年度决策事项目录`);
  }

  // ------------------------------------------------------------------ helpers

  /** Role, lock, version and state: may the user fire the event on the directory now? */
  private async loadForEvent(em: EntityManager, user: Actor, id: string, event: DirectoryEvent, version?: number): Promise<DecisionDirectory> {
    DIRECTORY_WORKFLOW.authorize(user, event);
    const d = await this.lock(em, id);
    if (version !== undefined) assertVersion(d, version, '决策事项目录');
    DIRECTORY_WORKFLOW.assertCan(d.status, event);
    return d;
  }

  private lock(em: EntityManager, id: string): Promise<DecisionDirectory> {
    return findOrThrow(em, DecisionDirectory, id, '决策事项目录', { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  private async createItem(em: EntityManager, d: DecisionDirectory, cmd: DirectoryItemCommand, byAdjustment: boolean): Promise<DirectoryItem> {
    await this.activeDepartment(em, cmd.sponsorDepartmentId);
    const count = await em.count(DirectoryItem, { directory: d.id });
    if (count >= MAX_DIRECTORY_ITEMS) throw new BadInputError(`一个目录最多 ${MAX_DIRECTORY_ITEMS} 个事项`);
    return em.create(DirectoryItem, {
      id: randomUUID(),
      directory: d,
      seq: count + 1,
      title: cmd.title.trim(),
      category: cmd.category,
      sponsorDepartment: em.getReference(Department, cmd.sponsorDepartmentId, { wrapped: true }),
      legalBasis: cmd.legalBasis,
      plannedQuarter: cmd.plannedQuarter,
      currentQuarter: cmd.plannedQuarter,
      reason: cmd.reason,
      status: DirectoryItemStatus.ACTIVE,
      addedByAdjustment: byAdjustment,
      createdAt: this.now,
    } as unknown as DirectoryItem);
  }

  private async itemOf(em: EntityManager, d: DecisionDirectory, itemId: string | null | undefined): Promise<DirectoryItem> {
    if (!itemId) throw new BadInputError('请指定要调整的目录事项', 'itemId');
    const item = await findOrThrow(em, DirectoryItem, itemId, '目录事项');
    if (item.directory.id !== d.id) throw new BadInputError('该事项不属于此目录', 'itemId');
    return item;
  }

  private async activeDepartment(em: EntityManager, id: string): Promise<Department> {
    const d = await findOrThrow(em, Department, id, '部门');
    if (!d.active) throw new BadInputError('承办部门已停用', 'sponsorDepartmentId');
    return d;
  }

  private async audit(em: EntityManager, user: Actor, action: string, d: DecisionDirectory, extra: { before?: object; after?: object }) {
    await this.deps.audit.record(em, user, {
      action: `directory.${action}`,
      subjectType: 'DecisionDirectory',
      subjectId: d.id,
      before: (extra.before as Record<string, unknown>) ?? null,
      after: (extra.after as Record<string, unknown>) ?? null,
    });
  }
}
