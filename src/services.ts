import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './core/config';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import type { LiveCalendar } from './calendar/live-calendar';
import { CalendarYearService } from './calendar/calendar.service';
import { AuditService } from './audit/audit.service';
import type { CheckpointStore } from './audit/checkpoint-store';
import type { AuditKeys } from './core/secrets';
import { Material } from './content/material.entity';
import { databaseStorage, folderStorage, Materials } from './content/materials';
import { ownerKind, OwnerVisibility } from './content/owner-visibility';
import { Contract, CONTRACT_OWNER } from './contract/contract.entity';
import { canSeeContract } from './contract/contract.visibility';
import type { Actor } from './core/roles';
import { findOrThrow } from './db/find';
import { NORMATIVE_OWNER, NormativeDocument } from './normative/normative.entity';
import { canSeeNormativeVersion, canSeeNormativeWork } from './normative/normative.visibility';
import { DecisionProposal, PROPOSAL_OWNER } from './proposal/proposal.entity';
import { canSeeProposal } from './proposal/proposal.visibility';
import { ContractReviewAdapter } from './contract/contract-review.adapter';
import { ContractService } from './contract/contract.service';
import { ArchiveService } from './deliberation/archive.service';
import { publicationDeadlines } from './deliberation/publication-deadlines';
import { AgendaSubjects } from './deliberation/agenda-subject.port';
import { decisionStatusPort } from './deliberation/decision-status';
import { documentDeliberationsPort } from './deliberation/document-deliberations';
import { NormativeAgendaAdapter } from './deliberation/normative-agenda.adapter';
import { ProposalAgendaAdapter } from './deliberation/proposal-agenda.adapter';
import { DecisionService } from './deliberation/decision.service';
import { MeetingService } from './deliberation/meeting.service';
import { MeetingRollService } from './deliberation/meeting-roll.service';
import { BodyService } from './deliberation/body.service';
import { AmendmentService } from './deliberation/amendment.service';
import { DirectoryService } from './directory/directory.service';
import { DepartmentService } from './identity/department.service';
import { SignInService } from './identity/sign-in.service';
import { UserService } from './identity/user.service';
import type { TokenService } from './identity/token';
import { NormativeReviewAdapter } from './normative/normative-review.adapter';
import { CleanupService } from './normative/cleanup.service';
import { FilingService } from './normative/filing.service';
import { NormativeMaterialService } from './normative/normative-material.service';
import { NormativeFactsService } from './normative/normative-facts.service';
import { NormativeRegisterService } from './normative/normative-register.service';
import { DraftingService } from './proposal/drafting.service';
import { ProcedureService } from './proposal/procedure.service';
import { ProposalLifecycleService } from './proposal/proposal-lifecycle.service';
import { ProposalMaterialService } from './proposal/proposal-material.service';
import { ProposalReviewAdapter } from './proposal/proposal-review.adapter';
import { ReadinessService } from './proposal/readiness.service';
import { OpinionService } from './review/opinion.service';
import { ReviewIntakeService } from './review/review-intake.service';
import { ReviewQueryService } from './review/review-query.service';
import { ReviewSubjects } from './review/review-subject.port';
import { EnforcementCase, ENFORCEMENT_OWNER } from './enforcement/enforcement.entity';
import { canSeeEnforcementCase } from './enforcement/enforcement.visibility';
import { EnforcementReviewAdapter } from './enforcement/enforcement-review.adapter';
import { EnforcementCaseService } from './enforcement/enforcement-case.service';
import { EnforcementDecisionService } from './enforcement/enforcement-decision.service';
import { reviewDeadlines } from './review/review-deadlines';
import { AnnualReportService } from './report/annual-report.service';
import { AdministrativeCaseService, DisputeMediationService, LegalConsultationService, PublicityEventService } from './register/registers.service';
import { reviewDeadlinePolicy } from './review/review.rules';
import { OfficialDocumentService } from './documents/official-documents.service';
import { RegisterService } from './documents/registers.service';
import { ArchiveZipService } from './documents/archive-zip.service';
import { NotificationService } from './notifications/notification.service';
import { reviewNotices } from './notifications/review-notices';
import { notificationJobs } from './notifications/notification-jobs';
import { JobStatusService } from './jobs/job-status';
import { AnnualReportDocumentService } from './documents/annual-report-document.service';
import type { GenerationCache } from './db/change-generation';

/** Long-lived collaborators shared by every request. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  /** The live working calendar: package, CALENDAR_DATA_FILE and the years stored in the database. */
  calendar: LiveCalendar;
  tokens: TokenService;
  logger: Logger;
  /** The audit chain's keys (never in the database) and where its checkpoints are kept. */
  audit: { keys: AuditKeys; checkpoints: CheckpointStore };
  /** Aggregates reused while their table's change generation stands (the filing flags' counts, the register's total). */
  aggregates: GenerationCache;
}

/**
 * The composition root: every service and adapter of one request (or CLI command), bound to its
 * EntityManager, wired here and nowhere else. Services never construct each other; areas meet
 * through the ports wired below (review subjects, agenda subjects, decision status, document deliberations).
 */
export function createServices(em: EntityManager, deps: AppDeps) {
  const base = { config: deps.config, clock: deps.clock, calendar: deps.calendar };
  const audit = new AuditService({ clock: deps.clock, keys: deps.audit.keys, checkpoints: deps.audit.checkpoints });
  const materials = new Materials(deps.config.materials.storage === 'fs' ? folderStorage(deps.config.materials.dir) : databaseStorage, deps.config.materials.maxBytes);
  const core = { ...base, audit };

  const identityDeps = { config: deps.config, clock: deps.clock, audit };
  const directory = new DirectoryService(em, core);

  // The review engine over its subjects (R-LR-1): one adapter per subject type.
  const subjects = new ReviewSubjects([]);
  // The engine's events become notices (R-NT-1) in the same transaction.
  const reviewDeps = { ...core, subjects, notices: reviewNotices({ clock: deps.clock, timeZone: deps.config.timeZone }) };
  const reviewQueries = new ReviewQueryService(em, reviewDeps);
  const proposalDeps = { ...core, materials };
  const readiness = new ReadinessService(em, { ...proposalDeps, reviews: reviewQueries });
  subjects.register(new ProposalReviewAdapter({ materials, readiness, audit, clock: deps.clock }));
  const contracts = new ContractService(em, { ...core, materials });
  const normativeMaterials = new NormativeMaterialService(em, { ...core, materials });
  subjects.register(new ContractReviewAdapter(contracts));
  subjects.register(new NormativeReviewAdapter(normativeMaterials));
  subjects.register(new EnforcementReviewAdapter({ config: deps.config, clock: deps.clock, audit }));

  const proposals = new ProposalLifecycleService(em, { ...proposalDeps, directory, decisions: decisionStatusPort });
  const normative = new NormativeRegisterService(em, { ...core, reviews: reviewQueries, deliberations: documentDeliberationsPort, aggregates: deps.aggregates });
  const bodies = new BodyService(em, { ...core, proposals });
  // Major law-enforcement decisions (R-EN-1…4): the teams' cases, reviewed by the same engine.
  const enforcementDeps = { config: deps.config, clock: deps.clock, audit, reviews: reviewQueries };

  // What a meeting's agenda deliberates (R-DEC-11, R-ND-4): one adapter per subject kind; finalising
  // locks the subjects in this order (proposals, then documents).
  const agendaSubjects = new AgendaSubjects([
    new ProposalAgendaAdapter({ clock: deps.clock, audit, proposals, readiness, timeZone: deps.config.timeZone }),
    new NormativeAgendaAdapter({ audit, normative }),
  ]);

  // Who may read a text version or a material: whoever may see its owner, by the owning area's rule.
  const owners = new OwnerVisibility(em, {
    [PROPOSAL_OWNER]: ownerKind(DecisionProposal, (user, p) => canSeeProposal(user, p)),
    [CONTRACT_OWNER]: ownerKind(Contract, (user, c) => canSeeContract(user, c)),
    [NORMATIVE_OWNER]: ownerKind(NormativeDocument, (user, d, n) => (n === null ? canSeeNormativeWork(user, d) : canSeeNormativeVersion(user, d, n))),
    [ENFORCEMENT_OWNER]: ownerKind(EnforcementCase, (user, c) => canSeeEnforcementCase(user, c)),
  });
  /** A material's bytes for a user who may see its owner (download). */
  async function materialContent(user: Actor, id: string) {
    const m = await findOrThrow(em, Material, id, '材料');
    await owners.assertCanSee(user, m, null, '材料');
    return materials.read(em, id);
  }

  // Holiday years as data: a change moves the stored due dates of the areas counting working days.
  const calendarYears = new CalendarYearService(em, {
    clock: deps.clock,
    calendar: deps.calendar,
    audit,
    dependents: [reviewDeadlines((type) => subjects.of(type).deadlinePolicy ?? reviewDeadlinePolicy(deps.config.rules)), publicationDeadlines(deps.config.rules)],
  });

  const archive = new ArchiveService(em, { ...core, proposals });
  const normativeFiling = new FilingService(em, { ...core, aggregates: deps.aggregates });
  // Official documents, registers and the archive ZIP, each read through the areas' services and visibility rules.
  const documentsDeps = { config: deps.config, clock: deps.clock, audit, materials, proposals, archive, filing: normativeFiling, reviews: reviewQueries };
  const officialDocuments = new OfficialDocumentService(em, documentsDeps);
  const annualReport = new AnnualReportService(em, { config: deps.config, clock: deps.clock });

  return {
    audit,
    calendarYears,
    signIn: new SignInService(em, { ...identityDeps, tokens: deps.tokens, logger: deps.logger }),
    departments: new DepartmentService(em, identityDeps),
    users: new UserService(em, identityDeps),
    directory,
    proposals,
    drafting: new DraftingService(em, proposalDeps),
    procedures: new ProcedureService(em, { ...proposalDeps, agenda: decisionStatusPort }),
    proposalMaterials: new ProposalMaterialService(em, proposalDeps),
    readiness,
    reviewIntake: new ReviewIntakeService(em, reviewDeps),
    opinions: new OpinionService(em, reviewDeps),
    reviewQueries,
    contracts,
    enforcementCases: new EnforcementCaseService(em, enforcementDeps),
    enforcementDecisions: new EnforcementDecisionService(em, enforcementDeps),
    // Deliberation (R-DEC-11…16): standing bodies convene meetings, which finalise into decisions —
    // amended first when approved with changes — signed, published and executed.
    bodies,
    meetingRolls: new MeetingRollService(em, { ...core, proposals, bodies }),
    meetings: new MeetingService(em, { ...core, proposals, agendaSubjects }),
    amendments: new AmendmentService(em, { ...core, proposals, reviews: reviewQueries }),
    decisions: new DecisionService(em, { ...core, proposals, normative }),
    archive,
    normative,
    normativeMaterials,
    normativeFacts: new NormativeFactsService(em, core),
    normativeFiling,
    normativeCleanup: new CleanupService(em, core),
    // The registers of the office's other legal work the annual report counts (R-AR-2).
    legalConsultations: new LegalConsultationService(em, core),
    disputeMediations: new DisputeMediationService(em, core),
    administrativeCases: new AdministrativeCaseService(em, core),
    publicityEvents: new PublicityEventService(em, core),
    // The annual rule-of-law report's figures across every area (R-AR-1…3).
    annualReport,
    owners,
    materialContent,
    documents: {
      official: officialDocuments,
      registers: new RegisterService(em, documentsDeps),
      archives: new ArchiveZipService(em, { ...documentsDeps, official: officialDocuments }),
      annualReport: new AnnualReportDocumentService(em, documentsDeps, annualReport),
    },
    // Reminders and notices (R-NT-1): the inbox and preferences; admins see the jobs.
    notifications: new NotificationService(em, { config: deps.config, clock: deps.clock, audit }),
    jobs: new JobStatusService(em, { clock: deps.clock, jobs: notificationJobs(deps.config) }),
  };
}

export type Services = ReturnType<typeof createServices>;
