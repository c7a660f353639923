import { randomUUID } from 'node:crypto';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { assertNoViolations, BadInputError, ForbiddenError } from '../core/errors';
import { hasRole, Role, type Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { transaction } from '../db/transaction';
import { Department } from '../identity/department.entity';
import { DepartmentKind } from '../identity/department.enums';
import { caseSummary, checkDate, EnforcementBase, enforcementOwner } from './enforcement-base';
import type {
  AddEvidenceCommand,
  AddOfficerCommand,
  AddProposedDecisionCommand,
  CreateEnforcementCaseCommand,
  RecordProcedureCommand,
  ReopenInvestigationCommand,
  UpdateEnforcementCaseCommand,
} from './enforcement.commands';
import { EnforcementCase, EnforcementEvidence, EnforcementOfficer, EnforcementProcedureRecord } from './enforcement.entity';
import { EnforcementCaseState } from './enforcement.enums';
import { measureViolations, pastDateViolations } from './enforcement.rules';
import { ENFORCEMENT_WORKFLOW, PACKAGE_STATES, PROPOSED_DECISION_STATES } from './enforcement.workflow';

const trimmed = (s: string | null | undefined) => (s === null || s === undefined ? null : s.trim() || null);

/**
 * The enforcement team's case (R-EN-1, R-EN-2): opening it, the package (facts, legal basis and
 * discretion, circumstances, evidence, officers, procedure record), versions of the proposed
 * decision with their measure, and reopening the investigation after a review.
 */
export class EnforcementCaseService extends EnforcementBase {
  /** Opens a case: only a drafter of an enforcement team (a LAW_ENFORCEMENT department). Code ZF-<year>-<nnn>, gap-free. */
  async create(user: Actor, cmd: CreateEnforcementCaseCommand): Promise<EnforcementCase> {
    if (!hasRole(user, Role.DRAFTER)) throw new ForbiddenError('只有执法部门经办人可以登记执法案件');
    const year = Number(this.today.slice(0, 4));
    return transaction(this.em, async (em) => {
      const department = await findOrThrow(em, Department, user.department.id, '部门');
      if (department.kind !== DepartmentKind.LAW_ENFORCEMENT) throw new ForbiddenError('只有执法队伍（城管执法队、安监中队等）可以登记执法案件');
      const seq = await nextNumber(em, `enforcement:${year}`);
      const c = em.create(EnforcementCase, {
        id: randomUUID(),
        code: `ZF-${year}-${String(seq).padStart(3, '0')}`,
        title: cmd.title.trim(),
        department: department.id,
        state: EnforcementCaseState.INVESTIGATING,
        partyKind: cmd.party.kind,
        partyName: cmd.party.name.trim(),
        partyIdNumber: trimmed(cmd.party.idNumber),
        measureKinds: [],
        createdBy: user.id,
        createdAt: this.now,
        updatedAt: this.now,
      } as unknown as EnforcementCase);
      await em.flush();
      await this.audit(em, user, 'create', c);
      return c;
    });
  }

  /** Changes the package while the team investigates (R-EN-2); what is left out stays. */
  async update(user: Actor, cmd: UpdateEnforcementCaseCommand): Promise<EnforcementCase> {
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId, cmd.version);
      this.assertPackageEditable(c, PACKAGE_STATES, '修改送审材料');
      const before = caseSummary(c);
      if (cmd.title) c.title = cmd.title.trim();
      if (cmd.party) {
        c.partyKind = cmd.party.kind;
        c.partyName = cmd.party.name.trim();
        c.partyIdNumber = trimmed(cmd.party.idNumber);
      }
      if (cmd.factsFound !== undefined && cmd.factsFound !== null) c.factsFound = trimmed(cmd.factsFound);
      if (cmd.legalBasis) {
        c.legalBasisLaw = trimmed(cmd.legalBasis.lawName);
        c.legalBasisArticle = trimmed(cmd.legalBasis.article);
        c.discretionStandard = trimmed(cmd.legalBasis.discretionStandard);
      }
      if (cmd.circumstances) Object.assign(c, cmd.circumstances);
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'update', c, before);
      return c;
    });
  }

  async addEvidence(user: Actor, cmd: AddEvidenceCommand): Promise<{ enforcementCase: EnforcementCase; evidence: EnforcementEvidence }> {
    checkDate(cmd.obtainedOn, 'obtainedOn', '取证日期');
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId);
      this.assertPackageEditable(c, PACKAGE_STATES, '增加证据');
      assertNoViolations(pastDateViolations(cmd.obtainedOn, this.today, '取证'));
      // Numbered under the case's lock: 1, 2, … with no gaps.
      const seq = (await em.count(EnforcementEvidence, { case: c.id })) + 1;
      const e = em.create(EnforcementEvidence, {
        id: randomUUID(),
        case: c,
        seq,
        kind: cmd.kind,
        title: cmd.title.trim(),
        description: cmd.description.trim(),
        obtainedOn: cmd.obtainedOn,
        addedBy: user.id,
        addedAt: this.now,
      } as unknown as EnforcementEvidence);
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'evidence.add', c, undefined, { evidence: { seq, kind: e.kind, title: e.title, obtainedOn: e.obtainedOn } });
      return { enforcementCase: c, evidence: e };
    });
  }

  async addOfficer(user: Actor, cmd: AddOfficerCommand): Promise<{ enforcementCase: EnforcementCase; officer: EnforcementOfficer }> {
    if (cmd.certificateValidUntil) checkDate(cmd.certificateValidUntil, 'certificateValidUntil', '执法证有效期');
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId);
      this.assertPackageEditable(c, PACKAGE_STATES, '增加执法人员');
      const certificateNumber = cmd.certificateNumber.trim();
      if (await em.count(EnforcementOfficer, { case: c.id, certificateNumber })) throw new BadInputError(`执法证号 ${certificateNumber} 的执法人员已在本案中`, 'certificateNumber');
      const o = em.create(EnforcementOfficer, {
        id: randomUUID(),
        case: c,
        seq: (await em.count(EnforcementOfficer, { case: c.id })) + 1,
        name: cmd.name.trim(),
        certificateNumber,
        certificateValidUntil: cmd.certificateValidUntil ?? null,
        addedAt: this.now,
      } as unknown as EnforcementOfficer);
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'officer.add', c, undefined, { officer: { name: o.name, certificateNumber, certificateValidUntil: o.certificateValidUntil } });
      return { enforcementCase: c, officer: o };
    });
  }

  async recordProcedure(user: Actor, cmd: RecordProcedureCommand): Promise<{ enforcementCase: EnforcementCase; record: EnforcementProcedureRecord }> {
    checkDate(cmd.occurredOn, 'occurredOn', '程序日期');
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId);
      this.assertPackageEditable(c, PACKAGE_STATES, '记录执法程序');
      assertNoViolations(pastDateViolations(cmd.occurredOn, this.today, '程序环节'));
      const r = em.create(EnforcementProcedureRecord, {
        id: randomUUID(),
        case: c,
        seq: (await em.count(EnforcementProcedureRecord, { case: c.id })) + 1,
        kind: cmd.kind,
        occurredOn: cmd.occurredOn,
        note: cmd.note.trim(),
        recordedBy: user.id,
        recordedAt: this.now,
      } as unknown as EnforcementProcedureRecord);
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'procedure.record', c, undefined, { procedure: { kind: r.kind, occurredOn: r.occurredOn } });
      return { enforcementCase: c, record: r };
    });
  }

  /**
   * A new version of the proposed decision with its measure (R-EN-2): during the investigation, and
   * after the review to apply its amendments (the decision then needs the advisor's confirmation, R-EN-4).
   */
  async addProposedDecision(user: Actor, cmd: AddProposedDecisionCommand): Promise<{ enforcementCase: EnforcementCase; version: TextVersion }> {
    const measure = { kinds: [...new Set(cmd.measure.kinds)], fineAmount: cmd.measure.fineAmount ?? null, confiscationValue: cmd.measure.confiscationValue ?? null };
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId);
      this.assertPackageEditable(c, PROPOSED_DECISION_STATES, '拟定执法决定');
      assertNoViolations(measureViolations(measure));
      const before = caseSummary(c);
      c.currentDecisionNumber += 1;
      c.measureKinds = measure.kinds;
      c.fineAmount = measure.fineAmount;
      c.confiscationValue = measure.confiscationValue;
      this.touch(c);
      const v = textVersions.append(em, enforcementOwner(c.id), c.currentDecisionNumber, { text: cmd.text, changeNote: cmd.changeNote, authorId: user.id, at: this.now });
      await em.flush();
      await this.audit(em, user, 'proposed_decision.add', c, before, { number: v.number, contentHash: v.contentHash, changeNote: v.changeNote });
      return { enforcementCase: c, version: v };
    });
  }

  /** Further investigation after the review (R-EN-4): the opinion no longer covers the case, which needs a new review if major. */
  async reopen(user: Actor, cmd: ReopenInvestigationCommand): Promise<EnforcementCase> {
    return transaction(this.em, async (em) => {
      const c = await this.lockForDrafter(em, user, cmd.caseId, cmd.version);
      ENFORCEMENT_WORKFLOW.authorize(user, 'REOPEN_INVESTIGATION');
      const before = caseSummary(c);
      c.state = ENFORCEMENT_WORKFLOW.next(c.state, 'REOPEN_INVESTIGATION');
      this.touch(c);
      await em.flush();
      await this.audit(em, user, 'reopen_investigation', c, before, { reason: cmd.reason.trim() });
      return c;
    });
  }
}
