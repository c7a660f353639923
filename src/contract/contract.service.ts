import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { assertVersion, BadInputError, ForbiddenError, type Violation } from '../core/errors';
import { isValidLocalDate } from '../calendar/working-days';
import { containsPattern, sha256 } from '../core/text';
import { assertActsForDepartment, hasRole, Role, type Actor } from '../core/roles';
import { Material } from '../content/material.entity';
import type { Materials, PinnedMaterial } from '../content/materials';
import { textVersions } from '../content/text-versions';
import type { TextVersion } from '../content/text-version.entity';
import { findForUpdate, findOrThrow } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { CONTRACT_OWNER, Contract } from './contract.entity';
import type { AddContractDraftCommand, AddContractMaterialCommand, ContractFacts, ContractListFilter, CreateContractCommand, UpdateContractCommand } from './contract.commands';
import { contractPackageViolations, termIsOrdered } from './contract.rules';
import { canSeeContract, visibleContracts } from './contract.visibility';
import { transaction } from '../db/transaction';

export interface ContractDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
  materials: Materials;
}

export const contractOwner = (id: string) => ({ type: CONTRACT_OWNER, id });

/** The contract register (合同): texts and materials a department submits for legality review (R-LR-1). */
export class ContractService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ContractDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  /** A contract the user may see (`canSeeContract`): FORBIDDEN for drafters of other departments. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<Contract> {
    const c = await findOrThrow(em, Contract, id, '合同');
    if (!canSeeContract(user, c)) throw new ForbiddenError('您只能查看本部门的合同');
    return c;
  }

  /** The contracts the user may see, newest code first (合同登记): drafters see their own department's. */
  list(user: Actor, req: PageRequest, filter: ContractListFilter): Promise<Page<Contract>> {
    const where: FilterQuery<Contract> = { ...visibleContracts(user) };
    if (filter.departmentId) {
      if (!canSeeContract(user, { department: { id: filter.departmentId } })) throw new ForbiddenError('您只能查看本部门的合同');
      where.department = filter.departmentId;
    }
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ title: { $ilike: like } }, { code: { $ilike: like } }, { counterparty: { $ilike: like } }];
    }
    return paginate(this.em, Contract, where, req, this.deps.config.graphql, { field: 'code', kind: 'string', direction: 'desc' });
  }

  /** A drafter of the contract's department; the contract row locked until commit (drafts and materials queue). */
  async forDepartmentDrafter(em: EntityManager, user: Actor, id: string): Promise<Contract> {
    const c = await findForUpdate(em, Contract, id, '合同');
    assertContractDrafter(user, c);
    return c;
  }

  async create(user: Actor, cmd: CreateContractCommand): Promise<Contract> {
    if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('只有起草部门经办人可以登记合同');
    checkFacts(cmd, cmd);
    const year = Number(localDateOf(this.now, this.deps.config.timeZone).slice(0, 4));
    return transaction(this.em, async (em) => {
      const seq = await nextNumber(em, `contract:${year}`);
      const c = em.create(Contract, {
        id: randomUUID(),
        code: `HT-${year}-${String(seq).padStart(3, '0')}`,
        title: cmd.title.trim(),
        counterparty: cmd.counterparty.trim(),
        counterpartyQualification: cmd.counterpartyQualification?.trim() || null,
        amount: cmd.amount,
        legalBasis: cmd.legalBasis?.trim() || null,
        termStartsOn: cmd.termStartsOn ?? null,
        termEndsOn: cmd.termEndsOn ?? null,
        department: user.department.id,
        createdBy: user.id,
        currentDraftNumber: 1,
        createdAt: this.now,
      } as unknown as Contract);
      textVersions.append(em, contractOwner(c.id), 1, { text: cmd.text, changeNote: '初稿', authorId: user.id, at: this.now });
      await em.flush();
      await this.deps.audit.record(em, user, {
        action: 'contract.create',
        subjectType: 'Contract',
        subjectId: c.id,
        after: { code: c.code, title: c.title, ...contractFacts(c) },
      });
      return c;
    });
  }

  /** Records or corrects the facts of the review package (R-LR-2): counterparty and qualification, legal basis, amount, term. */
  async update(user: Actor, cmd: UpdateContractCommand): Promise<Contract> {
    if (cmd.counterparty === null || (cmd.counterparty !== undefined && !cmd.counterparty.trim())) throw new BadInputError('合同相对方不能为空', 'counterparty');
    if (cmd.amount === null) throw new BadInputError('合同金额不能为空', 'amount');
    return transaction(this.em, async (em) => {
      const c = await this.forDepartmentDrafter(em, user, cmd.contractId);
      assertVersion(c, cmd.version, '合同');
      const before = contractFacts(c);
      checkFacts(cmd, { termStartsOn: cmd.termStartsOn !== undefined ? cmd.termStartsOn : c.termStartsOn, termEndsOn: cmd.termEndsOn !== undefined ? cmd.termEndsOn : c.termEndsOn });
      if (cmd.counterparty !== undefined) c.counterparty = cmd.counterparty!.trim();
      if (cmd.amount !== undefined) c.amount = cmd.amount!;
      if (cmd.counterpartyQualification !== undefined) c.counterpartyQualification = cmd.counterpartyQualification?.trim() || null;
      if (cmd.legalBasis !== undefined) c.legalBasis = cmd.legalBasis?.trim() || null;
      if (cmd.termStartsOn !== undefined) c.termStartsOn = cmd.termStartsOn;
      if (cmd.termEndsOn !== undefined) c.termEndsOn = cmd.termEndsOn;
      await em.flush();
      await this.deps.audit.record(em, user, { action: 'contract.update', subjectType: 'Contract', subjectId: c.id, before, after: contractFacts(c) });
      return c;
    });
  }

  /** What a legality-review request would be refused for now: the package items still missing (R-LR-2). */
  async reviewBlockers(user: Actor, c: Contract): Promise<Violation[]> {
    if (!canSeeContract(user, c)) throw new ForbiddenError('您只能查看本部门的合同');
    return this.packageBlockersIn(this.em, c);
  }

  /** R-LR-2: the configured package items (review.packages.CONTRACT) the contract lacks, all at once. */
  async packageBlockersIn(em: EntityManager, c: Contract): Promise<Violation[]> {
    const materials = await em.find(Material, { ownerType: CONTRACT_OWNER, ownerId: c.id }, { fields: ['kind'] });
    return contractPackageViolations(
      {
        counterparty: c.counterparty,
        counterpartyQualification: c.counterpartyQualification ?? null,
        legalBasis: c.legalBasis ?? null,
        amount: c.amount ?? null,
        termStartsOn: c.termStartsOn ?? null,
        termEndsOn: c.termEndsOn ?? null,
        materialKinds: new Set(materials.map((m) => m.kind)),
      },
      this.deps.config.rules.review.packages.CONTRACT,
    );
  }

  /**
   * The package a review pins (R-LR-2): the materials with their hashes, and the contract's facts as
   * one entry whose hash proves what counterparty, qualification, basis, amount and term were submitted.
   */
  async pinPackage(em: EntityManager, c: Contract): Promise<PinnedMaterial[]> {
    const facts = contractFacts(c);
    return [
      { id: c.id, kind: 'CONTRACT_FACTS', title: '合同要素（相对方及资质、法律依据、金额、期限）', contentHash: sha256(Buffer.from(JSON.stringify(facts), 'utf8')) },
      ...(await this.deps.materials.pin(em, contractOwner(c.id))),
    ];
  }

  async addDraft(user: Actor, cmd: AddContractDraftCommand): Promise<{ contract: Contract; draft: TextVersion }> {
    return transaction(this.em, async (em) => {
      const c = await this.forDepartmentDrafter(em, user, cmd.contractId);
      c.currentDraftNumber += 1;
      const d = textVersions.append(em, contractOwner(c.id), c.currentDraftNumber, { text: cmd.text, changeNote: cmd.changeNote, authorId: user.id, at: this.now });
      await em.flush();
      await this.deps.audit.record(em, user, { action: 'contract.draft.add', subjectType: 'Contract', subjectId: c.id, after: { number: d.number, contentHash: d.contentHash } });
      return { contract: c, draft: d };
    });
  }

  async addMaterial(user: Actor, cmd: AddContractMaterialCommand): Promise<{ contract: Contract; material: Material }> {
    this.deps.materials.prepare(cmd);
    return transaction(this.em, async (em) => {
      const c = await this.forDepartmentDrafter(em, user, cmd.contractId);
      const m = this.deps.materials.add(em, contractOwner(c.id), cmd, user.id, this.now);
      await em.flush();
      await this.deps.audit.record(em, user, {
        action: 'contract.material.add',
        subjectType: 'Contract',
        subjectId: c.id,
        after: { kind: m.kind, title: m.title, sizeBytes: m.sizeBytes, contentHash: m.contentHash },
      });
      return { contract: c, material: m };
    });
  }
}

/** The facts of a contract's review package, as audited and pinned. */
export function contractFacts(c: Contract) {
  return {
    counterparty: c.counterparty,
    counterpartyQualification: c.counterpartyQualification ?? null,
    legalBasis: c.legalBasis ?? null,
    amount: c.amount,
    termStartsOn: c.termStartsOn ?? null,
    termEndsOn: c.termEndsOn ?? null,
  };
}

/** BAD_USER_INPUT for a term date that is not a calendar date, or a term that ends before it starts. */
function checkFacts(given: ContractFacts, term: Pick<ContractFacts, 'termStartsOn' | 'termEndsOn'>): void {
  for (const f of ['termStartsOn', 'termEndsOn'] as const) {
    const v = given[f];
    if (v !== undefined && v !== null && !isValidLocalDate(v)) throw new BadInputError(`${f === 'termStartsOn' ? '合同期限起始日' : '合同期限终止日'}不是有效日期（YYYY-MM-DD）`, f);
  }
  if (!termIsOrdered(term.termStartsOn, term.termEndsOn)) {
    throw new BadInputError(`合同期限终止日 ${term.termEndsOn} 早于起始日 ${term.termStartsOn}`, 'termEndsOn');
  }
}

/** A drafter of the contract's own department (department scoping). */
export function assertContractDrafter(user: Actor, c: Contract): void {
  if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('此操作需要起草部门经办人角色');
  assertActsForDepartment(user, c.department.id, '合同');
}
