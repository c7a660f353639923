import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import type { Row } from '../db/rows';
import { assertUuid, NotFoundError } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import { selectedFields, selectedNodeFields } from '../graphql/selection';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import { ViolationType } from '../graphql/violation.type';
import type { Violation } from '../core/errors';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { onlySeen, seen } from '../graphql/visibility';
import { MaterialConnection, TextVersionConnection } from '../content/content.resolver';
import { TextVersion } from '../content/text-version.entity';
import { DirectoryItem } from '../directory/directory.entity';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewPayload } from '../review/review.resolver';
import { ReviewSubjectType } from '../review/review.enums';
import { canSeeReview } from '../review/review.visibility';
import { FairCompetitionReview, Hearing, PublicConsultation } from './procedure.entity';
import { DecisionProposal, PROPOSAL_OWNER, ProposalAlternative, ProposalDisagreement } from './proposal.entity';
import { ProcedureKind, ProposalState, ProposalStep } from './proposal.enums';
import { canSeeProposal } from './proposal.visibility';
import { PROPOSAL_WORKFLOW } from './proposal.workflow';
import {
  AddAlternativeInput,
  AddDraftInput,
  AddMaterialInput,
  CreateProposalInput,
  DeclineProposalInput,
  IncludeProposalInput,
  ProposalFilter,
  ProposalTransitionInput,
  RecordDisagreementInput,
  RequestLegalityReviewInput,
  UpdateProposalInput,
} from './proposal.inputs';
import {
  AddProcedureInput,
  AdoptionSummaryInput,
  AnswerOpinionInput,
  ConsultationInput,
  ExpertAdoptionInput,
  ExpertOpinionInput,
  FairCompetitionInput,
  HearingInput,
  RegisterOpinionInput,
  RiskAssessmentInput,
} from './procedure.inputs';
import { derivedProcedures, requiredProcedures } from './readiness.rules';
import {
  AlternativePayload,
  ConsultationOpinionConnection,
  ConsultationOpinionPayload,
  ConsultationPayload,
  DisagreementPayload,
  DraftDiff,
  DraftDiffArgs,
  DraftPayload,
  ExpertOpinionConnection,
  ExpertOpinionPayload,
  FairCompetitionPayload,
  HearingPayload,
  MaterialPayload,
  ProcedureStatus,
  ProposalConnection,
  ProposalPayload,
  RiskAssessmentConnection,
  RiskAssessmentPayload,
} from './proposal.types';

export { ProposalConnection, ProposalPayload };

const DRAFTER = Role.DRAFTER;

const NEXT_STEP: Partial<Record<ProposalState, ProposalStep>> = {
  AWAITING_INCLUSION: ProposalStep.INCLUDE,
  INCLUDED: ProposalStep.REQUEST_LEGALITY_REVIEW,
  LEGALITY_REVIEWED: ProposalStep.DELIBERATION,
};

@Resolver(() => DecisionProposal)
export class ProposalResolver {
  // ------------------------------------------------------------ queries

  @Authorized(...ALL_ROLES)
  @Query(() => ProposalConnection, { description: 'Decision proposals, newest code first (决策建议). Drafters see their own department’s.' })
  async proposals(
    @Args(PAGE_ARGS) page: PageArgs,
    @Arg('filter', () => ProposalFilter, { nullable: true }) filter: ProposalFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await ctx.services.proposals.list(requireUser(ctx), { ...page, fields: selectedNodeFields(info) }, filter ?? {}));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => DecisionProposal, { description: 'One proposal (决策建议)' })
  proposal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.proposals.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => DraftDiff, { description: 'Line diff between two draft versions (草案比对)' })
  draftDiff(@Arg('input') input: DraftDiffArgs, @Ctx() ctx: Context) {
    return ctx.services.drafting.draftDiff(requireUser(ctx), input.proposalId, input.from, input.to);
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => Department, { description: 'Sponsor department (承办单位)' })
  async sponsorDepartment(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(p.sponsorDepartment.id);
    if (!d) throw new NotFoundError('部门', p.sponsorDepartment.id);
    return d;
  }

  @FieldResolver(() => User, { description: 'Who submitted it' })
  async createdBy(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context): Promise<User> {
    const u = await ctx.loaders.userById.load(p.createdBy.id);
    if (!u) throw new NotFoundError('用户', p.createdBy.id);
    return u;
  }

  @FieldResolver(() => DirectoryItem, { nullable: true, description: 'The directory item it was included under (R-DIR-4)' })
  directoryItem(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<DirectoryItem | null> | null {
    return p.directoryItem ? ctx.loaders.directoryItemById.load(p.directoryItem.id, selectedFields(info)) : null;
  }

  @FieldResolver(() => TextVersion, { nullable: true, description: 'The latest draft version' })
  currentDraft(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context): Promise<TextVersion | null> | null {
    return p.currentDraftNumber ? ctx.loaders.versionByNumber.load({ ownerType: PROPOSAL_OWNER, ownerId: p.id, number: p.currentDraftNumber }) : null;
  }

  @FieldResolver(() => TextVersionConnection, { description: 'Every draft version, oldest first (草案版本)' })
  async drafts(@Root() p: Row<DecisionProposal>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.versionsOf(PROPOSAL_OWNER).load(p.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => [ProcedureStatus], { description: 'Required procedures (derived and added) and any recorded optional one' })
  async procedures(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context): Promise<ProcedureStatus[]> {
    const [consultation, hearing, experts, risks, fair] = await Promise.all([
      ctx.loaders.consultationByProposal.load(p.id),
      ctx.loaders.hearingByProposal.load(p.id),
      ctx.loaders.expertOpinionsByProposal.load(p.id),
      ctx.loaders.riskAssessmentsByProposal.load(p.id),
      ctx.loaders.fairCompetitionByProposal.load(p.id),
    ]);
    const recorded: Record<ProcedureKind, boolean> = {
      PUBLIC_CONSULTATION: consultation !== null,
      HEARING: hearing !== null,
      EXPERT_REVIEW: experts.length > 0,
      RISK_ASSESSMENT: risks.length > 0,
      FAIR_COMPETITION_REVIEW: fair !== null,
    };
    const required = new Set(requiredProcedures(p, p.addedProcedures));
    const derived = new Set(derivedProcedures(p));
    return Object.values(ProcedureKind)
      .filter((k) => required.has(k) || recorded[k])
      .map((kind) => ({ kind, required: required.has(kind), derived: derived.has(kind), added: p.addedProcedures.includes(kind), recorded: recorded[kind] }));
  }

  @FieldResolver(() => [ViolationType], {
    description:
      'Everything that blocks the given next step, with rule ids (办理条件检查). REQUEST_LEGALITY_REVIEW and DELIBERATION are read for a whole list at once (a fixed number of statements per page).',
  })
  async blockers(@Root() p: Row<DecisionProposal>, @Arg('step', () => ProposalStep) step: ProposalStep, @Ctx() ctx: Context) {
    if (step === ProposalStep.REQUEST_LEGALITY_REVIEW || step === ProposalStep.DELIBERATION) return readinessBlockers(ctx).load({ p, step });
    return ctx.services.readiness.blockersIn(ctx.em, p, step);
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this proposal now (当前可办理的操作); blockers(step) says what still stands in the way' })
  availableActions(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(PROPOSAL_WORKFLOW, p.state, ctx.user);
  }

  @FieldResolver(() => [ProposalAlternative], { description: 'Alternative plans (备选方案): a handful at most' })
  alternatives(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.alternativesByProposal.load(p.id);
  }

  @FieldResolver(() => [ProposalDisagreement], { description: 'Recorded disagreements (部门分歧): a handful at most' })
  disagreements(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.disagreementsByProposal.load(p.id);
  }

  @FieldResolver(() => PublicConsultation, { nullable: true })
  consultation(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.consultationByProposal.load(p.id);
  }

  @FieldResolver(() => Hearing, { nullable: true })
  hearing(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.hearingByProposal.load(p.id);
  }

  @FieldResolver(() => ExpertOpinionConnection, { description: 'Signed expert opinions (专家论证意见)' })
  async expertOpinions(@Root() p: Row<DecisionProposal>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.expertOpinionPages.load(p.id, page));
  }

  @FieldResolver(() => RiskAssessmentConnection, { description: 'Every assessment round, oldest first; the latest counts (风险评估)' })
  async riskAssessments(@Root() p: Row<DecisionProposal>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.riskAssessmentPages.load(p.id, page));
  }

  @FieldResolver(() => FairCompetitionReview, { nullable: true })
  fairCompetitionReview(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.loaders.fairCompetitionByProposal.load(p.id);
  }

  @FieldResolver(() => MaterialConnection, { description: 'Materials, in upload order (材料)' })
  async materials(@Root() p: Row<DecisionProposal>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.materialsOf(PROPOSAL_OWNER).load(p.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => DecisionProposal, { nullable: true, description: 'The decision this proposal changes (R-DEC-16); null while the user may not see it' })
  async amends(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return p.amends ? seen(ctx, canSeeProposal, await ctx.loaders.proposalById.load(p.amends.id)) : null;
  }

  @FieldResolver(() => ProposalStep, { nullable: true, description: 'The next step; ask blockers(step) what stands in its way' })
  nextStep(@Root() p: Row<DecisionProposal>): ProposalStep | null {
    return NEXT_STEP[p.state] ?? null;
  }

  @FieldResolver(() => [AuditEvent], {
    description: 'Chronological timeline of the proposal, its reviews and meetings (at most 2000 events). Ask for one proposal, not a list.',
  })
  timeline(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context) {
    return ctx.services.archive.trail(p);
  }

  @FieldResolver(() => [ReviewRequest], { description: 'Legality-review requests made for it (a few at most)' })
  async reviewRequests(@Root() p: Row<DecisionProposal>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return onlySeen(ctx, canSeeReview, await ctx.loaders.reviewsBySubject.load(p.id, selectedFields(info)));
  }

  // ------------------------------------------------------------ lifecycle

  @Authorized(DRAFTER)
  @Mutation(() => ProposalPayload, { description: 'Submit a proposal for one’s own department; it awaits inclusion (R-DEC-1, R-DIR-4)' })
  async createProposal(@Arg('input') input: CreateProposalInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.create(requireUser(ctx), input) };
  }

  @Authorized(DRAFTER)
  @Mutation(() => ProposalPayload, { description: 'Change a proposal’s description or flags (R-DEC-3: derived procedures cannot be dropped)' })
  async updateProposal(@Arg('input') input: UpdateProposalInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.update(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN, Role.DECISION_MAKER)
  @Mutation(() => ProposalPayload, { description: 'Include in the directory: link to an item, or add one by adjustment (R-DIR-4)' })
  async includeProposal(@Arg('input') input: IncludeProposalInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.include(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN, Role.DECISION_MAKER)
  @Mutation(() => ProposalPayload, { description: 'Decline inclusion with a reason (不予纳入)' })
  async declineProposal(@Arg('input') input: DeclineProposalInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.decline(requireUser(ctx), input) };
  }

  @Authorized(DRAFTER)
  @Mutation(() => ProposalPayload, { description: 'Ask again for inclusion after a decline (重新申请纳入)' })
  async requestInclusion(@Arg('input') input: ProposalTransitionInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.requestInclusion(requireUser(ctx), input) };
  }

  @Authorized(DRAFTER)
  @Mutation(() => ProposalPayload, { description: 'Withdraw the proposal (撤回)' })
  async withdrawProposal(@Arg('input') input: ProposalTransitionInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.proposals.withdraw(requireUser(ctx), input) };
  }

  @Authorized(DRAFTER)
  @Mutation(() => ReviewPayload, {
    description: 'Request the legality review: pins the current draft and materials; refused with every blocker until the package is complete; resubmits a returned request (R-LR-2)',
  })
  async requestLegalityReview(@Arg('input') input: RequestLegalityReviewInput, @Ctx() ctx: Context) {
    const review = await ctx.services.reviewIntake.request(requireUser(ctx), {
      subjectType: ReviewSubjectType.DECISION,
      subjectId: input.proposalId,
      subjectVersion: input.version,
      requestedCompletionOn: input.requestedCompletionOn ?? null,
    });
    return { review };
  }

  // ------------------------------------------------------------ drafting

  @Authorized(DRAFTER)
  @Mutation(() => DraftPayload, { description: 'Add a new immutable draft version (新草案版本), R-DEC-2' })
  addDraftVersion(@Arg('input') input: AddDraftInput, @Ctx() ctx: Context) {
    return ctx.services.drafting.addDraft(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => AlternativePayload, { description: 'Record an alternative plan (备选方案), R-DEC-2' })
  addAlternative(@Arg('input') input: AddAlternativeInput, @Ctx() ctx: Context) {
    return ctx.services.drafting.addAlternative(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => DisagreementPayload, { description: 'Record an unresolved inter-department disagreement (部门分歧), R-DEC-2' })
  recordDisagreement(@Arg('input') input: RecordDisagreementInput, @Ctx() ctx: Context) {
    return ctx.services.drafting.recordDisagreement(requireUser(ctx), input);
  }

  // ------------------------------------------------------------ procedures

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => ProposalPayload, { description: 'Require a further procedure (增加法定程序), R-DEC-3 — decision maker' })
  async addRequiredProcedure(@Arg('input') input: AddProcedureInput, @Ctx() ctx: Context) {
    return { proposal: await ctx.services.procedures.addProcedure(requireUser(ctx), input) };
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationPayload, { description: 'Set the public-consultation window and channel (征求意见), R-DEC-4' })
  setConsultation(@Arg('input') input: ConsultationInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.setConsultation(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationOpinionPayload, { description: 'Register a received opinion (登记意见)' })
  registerOpinion(@Arg('input') input: RegisterOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.registerOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationOpinionPayload, { description: 'Answer an opinion: adopted / not adopted with a reason (R-DEC-4)' })
  answerOpinion(@Arg('input') input: AnswerOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.answerOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationPayload, { description: 'Write the adoption summary (采纳情况说明)' })
  setAdoptionSummary(@Arg('input') input: AdoptionSummaryInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.setAdoptionSummary(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => HearingPayload, { description: 'Record a hearing (听证), R-DEC-5' })
  recordHearing(@Arg('input') input: HearingInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.recordHearing(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ExpertOpinionPayload, { description: 'Register a signed expert opinion; interested experts are refused (R-DEC-6)' })
  addExpertOpinion(@Arg('input') input: ExpertOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.addExpertOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ExpertOpinionPayload, { description: 'Record how an expert opinion was adopted (R-DEC-6)' })
  recordExpertAdoption(@Arg('input') input: ExpertAdoptionInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.recordExpertAdoption(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => RiskAssessmentPayload, { description: 'Record a (re-)assessment of risk (风险评估), R-DEC-7' })
  recordRiskAssessment(@Arg('input') input: RiskAssessmentInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.recordRiskAssessment(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => FairCompetitionPayload, { description: 'Record the fair-competition review (公平竞争审查)' })
  recordFairCompetitionReview(@Arg('input') input: FairCompetitionInput, @Ctx() ctx: Context) {
    return ctx.services.procedures.recordFairCompetitionReview(requireUser(ctx), input);
  }

  // ------------------------------------------------------------ materials

  @Authorized(DRAFTER)
  @Mutation(() => MaterialPayload, { description: 'Add a material as text or a base64 file (size-capped, hashed)' })
  addMaterial(@Arg('input') input: AddMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.proposalMaterials.add(requireUser(ctx), input);
  }
}

@Resolver(() => PublicConsultation)
export class ConsultationResolver {
  @FieldResolver(() => ConsultationOpinionConnection, { description: 'Register of received opinions (意见登记)' })
  async opinions(@Root() c: Row<PublicConsultation>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.consultationOpinionPages.load(c.id, page));
  }

  @FieldResolver(() => Int, { description: 'Window length in calendar days, both ends counted (R-DEC-4)' })
  windowDays(@Root() c: Row<PublicConsultation>): number {
    return Math.round((Date.parse(c.endsOn) - Date.parse(c.startsOn)) / 86_400_000) + 1;
  }
}

/** The reviewed proposal, on a review of a decision. */
@Resolver(() => ReviewRequest)
export class ProposalReviewFieldResolver {
  @FieldResolver(() => DecisionProposal, { nullable: true, description: 'The reviewed proposal, when the subject is a decision' })
  async proposal(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    return r.subjectType === ReviewSubjectType.DECISION ? seen(ctx, canSeeProposal, await ctx.loaders.proposalById.load(r.subjectId)) : null;
  }
}

type BlockersKey = { p: Row<DecisionProposal>; step: ProposalStep.REQUEST_LEGALITY_REVIEW | ProposalStep.DELIBERATION };

/**
 * What blocks the legality review or the deliberation of every proposal a request asks about, read
 * together (one loader per request): the readiness facts once for all of them, and what only the
 * deliberation needs once for those asked about it. Not cached: a field read after a mutation of
 * the same request sees the facts anew.
 */
const blockerLoaders = new WeakMap<Context, DataLoader<BlockersKey, Violation[]>>();
function readinessBlockers(ctx: Context) {
  let loader = blockerLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (keys: readonly BlockersKey[]) => {
        const readiness = ctx.services.readiness;
        const byId = new Map(keys.map((k) => [k.p.id, k.p as DecisionProposal]));
        const ps = [...byId.values()];
        const snapshots = new Map((await readiness.snapshots(ctx.em, ps)).map((s, i) => [ps[i]!.id, s]));
        const forDeliberation = [...new Set(keys.filter((k) => k.step === ProposalStep.DELIBERATION).map((k) => k.p.id))].map((id) => byId.get(id)!);
        const deliberation = new Map(
          (await readiness.deliberationBlockersOf(ctx.em, forDeliberation, forDeliberation.map((p) => snapshots.get(p.id)!))).map((v, i) => [forDeliberation[i]!.id, v]),
        );
        return keys.map((k) => (k.step === ProposalStep.DELIBERATION ? deliberation.get(k.p.id)! : readiness.legalityReviewBlockersOf(snapshots.get(k.p.id)!)));
      },
      { cache: false, maxBatchSize: 500 },
    );
    blockerLoaders.set(ctx, loader);
  }
  return loader;
}
