import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './core/config';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import type { WorkingCalendar } from './calendar/working-days';
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
import { AgendaSubjects } from './deliberation/agenda-subject.port';
import { decisionStatusPort } from './deliberation/decision-status';
import { documentDeliberationsPort } from './deliberation/document-deliberations';
import { NormativeAgendaAdapter } from './deliberation/normative-agenda.adapter';
import { ProposalAgendaAdapter } from './deliberation/proposal-agenda.adapter';
import { DecisionService } from './deliberation/decision.service';
import { MeetingService } from './deliberation/meeting.service';
import { DirectoryService } from './directory/directory.service';
import { DepartmentService } from './identity/department.service';
import { SignInService } from './identity/sign-in.service';
import { UserService } from './identity/user.service';
import type { TokenService } from './identity/token';
import { NormativeReviewAdapter } from './normative/normative-review.adapter';
import { CleanupService } from './normative/cleanup.service';
import { FilingService } from './normative/filing.service';
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

/** Long-lived collaborators shared by every request. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  tokens: TokenService;
  logger: Logger;
  /** The audit chain's keys (never in the database) and where its checkpoints are kept. */
  audit: { keys: AuditKeys; checkpoints: CheckpointStore };
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
  const reviewDeps = { ...core, subjects };
  const reviewQueries = new ReviewQueryService(em, reviewDeps);
  const proposalDeps = { ...core, materials };
  const readiness = new ReadinessService(em, { ...proposalDeps, reviews: reviewQueries });
  subjects.register(new ProposalReviewAdapter({ materials, readiness, audit, clock: deps.clock }));
  subjects.register(new ContractReviewAdapter(materials));
  subjects.register(new NormativeReviewAdapter());

  const proposals = new ProposalLifecycleService(em, { ...proposalDeps, directory, decisions: decisionStatusPort });
  const normative = new NormativeRegisterService(em, { ...core, reviews: reviewQueries, deliberations: documentDeliberationsPort });
  const contracts = new ContractService(em, { ...core, materials });

  // What a meeting's agenda deliberates (R-DEC-11, R-ND-4): one adapter per subject kind; finalising
  // locks the subjects in this order (proposals, then documents).
  const agendaSubjects = new AgendaSubjects([
    new ProposalAgendaAdapter({ clock: deps.clock, audit, proposals, readiness }),
    new NormativeAgendaAdapter({ audit, normative }),
  ]);

  // Who may read a text version or a material: whoever may see its owner, by the owning area's rule.
  const owners = new OwnerVisibility(em, {
    [PROPOSAL_OWNER]: ownerKind(DecisionProposal, (user, p) => canSeeProposal(user, p)),
    [CONTRACT_OWNER]: ownerKind(Contract, (user, c) => canSeeContract(user, c)),
    [NORMATIVE_OWNER]: ownerKind(NormativeDocument, (user, d, n) => (n === null ? canSeeNormativeWork(user, d) : canSeeNormativeVersion(user, d, n))),
  });
  /** A material's bytes for a user who may see its owner (download). */
  async function materialContent(user: Actor, id: string) {
    const m = await findOrThrow(em, Material, id, '材料');
    await owners.assertCanSee(user, m, null, '材料');
    return materials.read(em, id);
  }

  return {
    audit,
    signIn: new SignInService(em, { ...identityDeps, tokens: deps.tokens, logger: deps.logger }),
    departments: new DepartmentService(em, identityDeps),
    users: new UserService(em, identityDeps),
    directory,
    proposals,
    drafting: new DraftingService(em, proposalDeps),
    procedures: new ProcedureService(em, proposalDeps),
    proposalMaterials: new ProposalMaterialService(em, proposalDeps),
    readiness,
    reviewIntake: new ReviewIntakeService(em, reviewDeps),
    opinions: new OpinionService(em, reviewDeps),
    reviewQueries,
    contracts,
    // Deliberation (R-DEC-11…16): meetings finalise into decisions, which are signed, published and executed.
    meetings: new MeetingService(em, { ...core, proposals, agendaSubjects }),
    decisions: new DecisionService(em, { ...core, proposals, normative }),
    archive: new ArchiveService(em, { ...core, proposals }),
    normative,
    normativeFacts: new NormativeFactsService(em, core),
    normativeFiling: new FilingService(em, core),
    normativeCleanup: new CleanupService(em, core),
    owners,
    materialContent,
  };
}

export type Services = ReturnType<typeof createServices>;
