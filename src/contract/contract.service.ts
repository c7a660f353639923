import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { ForbiddenError } from '../core/errors';
import { assertActsForDepartment, hasRole, Role, type Actor } from '../core/roles';
import type { Material } from '../content/material.entity';
import type { MaterialInput, Materials } from '../content/materials';
import { textVersions } from '../content/text-versions';
import type { TextVersion } from '../content/text-version.entity';
import { findForUpdate, findOrThrow } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { CONTRACT_OWNER, Contract } from './contract.entity';
import { canSeeContract } from './contract.visibility';
import { transaction } from '../db/transaction';

export interface ContractDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
  materials: Materials;
}

export interface CreateContractCommand {
  title: string;
  counterparty: string;
  amount: string;
  text: string;
}

export interface AddContractDraftCommand {
  contractId: string;
  text: string;
  changeNote: string;
}

export interface AddContractMaterialCommand extends MaterialInput {
  contractId: string;
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

  /** A drafter of the contract's department; the contract row locked until commit (drafts and materials queue). */
  async forDepartmentDrafter(em: EntityManager, user: Actor, id: string): Promise<Contract> {
    const c = await findForUpdate(em, Contract, id, '合同');
    assertContractDrafter(user, c);
    return c;
  }

  async create(user: Actor, cmd: CreateContractCommand): Promise<Contract> {
    if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('只有起草部门经办人可以登记合同');
    const year = Number(localDateOf(this.now, this.deps.config.timeZone).slice(0, 4));
    return transaction(this.em, async (em) => {
      const seq = await nextNumber(em, `contract:${year}`);
      const c = em.create(Contract, {
        id: randomUUID(),
        code: `HT-${year}-${String(seq).padStart(3, '0')}`,
        title: cmd.title.trim(),
        counterparty: cmd.counterparty.trim(),
        amount: cmd.amount,
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
        after: { code: c.code, title: c.title, counterparty: c.counterparty, amount: c.amount },
      });
      return c;
    });
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

/** A drafter of the contract's own department (department scoping). */
export function assertContractDrafter(user: Actor, c: Contract): void {
  if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('此操作需要起草部门经办人角色');
  assertActsForDepartment(user, c.department.id, '合同');
}
