import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditSubjectType } from '../audit/audit.enums';
import { ConflictError, type Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import type { Page, PageRequest } from '../db/paginate';
import type {
  AdministrativeCaseFields,
  AdministrativeCaseListFilter,
  CreateAdministrativeCaseCommand,
  CreateDisputeMediationCommand,
  CreateLegalConsultationCommand,
  CreatePublicityEventCommand,
  DisputeMediationFields,
  LegalConsultationFields,
  MediationListFilter,
  PublicityEventFields,
  PublicityEventListFilter,
  RegisterListFilter,
  UpdateAdministrativeCaseCommand,
  UpdateDisputeMediationCommand,
  UpdateLegalConsultationCommand,
  UpdatePublicityEventCommand,
} from './register.commands';
import { AdministrativeCase, DisputeMediation, LegalConsultation, PublicityEvent } from './register.entity';
import { administrativeCaseViolations, mediationViolations, notInFuture } from './register.rules';
import { optionalText, RegisterBase, type RegisterSpec } from './register-base';

/** The legal consultations answered (法律咨询台账), R-AR-2. */
export class LegalConsultationService extends RegisterBase<LegalConsultation, LegalConsultationFields> {
  protected readonly spec: RegisterSpec<LegalConsultation> = {
    entity: LegalConsultation,
    what: '法律咨询',
    subjectType: AuditSubjectType.LEGAL_CONSULTATION,
    action: 'register.consultation',
    dateField: 'consultedOn',
    searchFields: ['topic', 'requester', 'advisor'],
  };
  protected violations(f: LegalConsultationFields, today: string): Violation[] {
    return notInFuture('咨询日期', f.consultedOn, today);
  }
  protected values(f: LegalConsultationFields) {
    return { consultedOn: f.consultedOn, requester: f.requester.trim(), topic: f.topic.trim(), answer: f.answer.trim(), advisor: f.advisor.trim(), community: optionalText(f.community) };
  }
  create(user: Actor, cmd: CreateLegalConsultationCommand) {
    return this.createEntry(user, cmd);
  }
  update(user: Actor, cmd: UpdateLegalConsultationCommand) {
    return this.updateEntry(user, cmd);
  }
}

/** The disputes mediated (矛盾纠纷调解台账), R-AR-2. */
export class DisputeMediationService extends RegisterBase<DisputeMediation, DisputeMediationFields> {
  protected readonly spec: RegisterSpec<DisputeMediation> = {
    entity: DisputeMediation,
    what: '矛盾纠纷调解',
    subjectType: AuditSubjectType.DISPUTE_MEDIATION,
    action: 'register.mediation',
    dateField: 'receivedOn',
    searchFields: ['parties', 'summary'],
  };
  protected violations(f: DisputeMediationFields, today: string): Violation[] {
    return mediationViolations(f, today);
  }
  protected values(f: DisputeMediationFields) {
    return {
      receivedOn: f.receivedOn,
      parties: f.parties.trim(),
      disputeType: f.disputeType,
      summary: f.summary.trim(),
      outcome: f.outcome,
      closedOn: f.closedOn ?? null,
      community: optionalText(f.community),
    };
  }
  create(user: Actor, cmd: CreateDisputeMediationCommand) {
    return this.createEntry(user, cmd);
  }
  update(user: Actor, cmd: UpdateDisputeMediationCommand) {
    return this.updateEntry(user, cmd);
  }
  override list(user: Actor, req: PageRequest, filter: MediationListFilter): Promise<Page<DisputeMediation>> {
    return super.list(user, req, filter, filter.outcome ? { outcome: filter.outcome } : {});
  }
}

/** The administrative litigation and reconsideration cases of the street (行政诉讼、行政复议案件台账), R-AR-2. */
export class AdministrativeCaseService extends RegisterBase<AdministrativeCase, AdministrativeCaseFields> {
  protected readonly spec: RegisterSpec<AdministrativeCase> = {
    entity: AdministrativeCase,
    what: '行政诉讼、行政复议案件',
    subjectType: AuditSubjectType.ADMINISTRATIVE_CASE,
    action: 'register.administrativeCase',
    dateField: 'openedOn',
    searchFields: ['caseNumber', 'party', 'cause'],
  };
  protected violations(f: AdministrativeCaseFields, today: string): Violation[] {
    return administrativeCaseViolations(f, today);
  }
  protected values(f: AdministrativeCaseFields) {
    return {
      caseNumber: f.caseNumber.trim(),
      kind: f.kind,
      party: f.party.trim(),
      cause: f.cause.trim(),
      stage: f.stage,
      outcome: f.outcome ?? null,
      openedOn: f.openedOn,
      closedOn: f.closedOn ?? null,
    };
  }
  /** A case number names one case (the database's unique key stays the last word under races: CONFLICT). */
  protected override async checkUnique(em: EntityManager, f: AdministrativeCaseFields, id: string | null): Promise<void> {
    const other = await em.findOne(AdministrativeCase, { caseNumber: f.caseNumber.trim(), ...(id ? { id: { $ne: id } } : {}) }, { fields: ['id'] });
    if (other) throw new ConflictError(`案号「${f.caseNumber.trim()}」已登记，请核对案号或修改已登记的案件`);
  }
  create(user: Actor, cmd: CreateAdministrativeCaseCommand) {
    return this.createEntry(user, cmd);
  }
  update(user: Actor, cmd: UpdateAdministrativeCaseCommand) {
    return this.updateEntry(user, cmd);
  }
  override list(user: Actor, req: PageRequest, filter: AdministrativeCaseListFilter): Promise<Page<AdministrativeCase>> {
    return super.list(user, req, filter, { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.stage ? { stage: filter.stage } : {}) });
  }
}

/** The rule-of-law publicity events (普法活动台账), R-AR-2. */
export class PublicityEventService extends RegisterBase<PublicityEvent, PublicityEventFields> {
  protected readonly spec: RegisterSpec<PublicityEvent> = {
    entity: PublicityEvent,
    what: '普法活动',
    subjectType: AuditSubjectType.PUBLICITY_EVENT,
    action: 'register.publicity',
    dateField: 'heldOn',
    searchFields: ['topic', 'community'],
  };
  protected violations(f: PublicityEventFields, today: string): Violation[] {
    return notInFuture('活动日期', f.heldOn, today);
  }
  protected values(f: PublicityEventFields) {
    return { heldOn: f.heldOn, topic: f.topic.trim(), form: f.form, audienceSize: f.audienceSize, community: optionalText(f.community) };
  }
  create(user: Actor, cmd: CreatePublicityEventCommand) {
    return this.createEntry(user, cmd);
  }
  update(user: Actor, cmd: UpdatePublicityEventCommand) {
    return this.updateEntry(user, cmd);
  }
  override list(user: Actor, req: PageRequest, filter: PublicityEventListFilter): Promise<Page<PublicityEvent>> {
    return super.list(user, req, filter, filter.form ? { form: filter.form } : {});
  }
}

export type { RegisterListFilter };
