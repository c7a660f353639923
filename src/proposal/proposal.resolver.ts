import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { IsUUID, Min } from 'class-validator';
import { NotFoundError } from '../core/errors';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { ViolationType } from '../graphql/violation.type';
import { DirectoryItem } from '../directory/directory.entity';
import { Department } from '../identity/department.entity';
import { Role } from '../identity/role';
import { User } from '../identity/user.entity';
import { ReviewRequest } from '../review/review-request.entity';
import type { DiffOp } from './line-diff';
import { Material } from './material.entity';
import { ConsultationOpinion, ExpertOpinion, FairCompetitionReview, Hearing, PublicConsultation, RiskAssessment } from './procedure.entity';
import { DecisionProposal, DraftVersion, ProposalAlternative, ProposalDisagreement } from './proposal.entity';
import { ProcedureKind, ProposalState, ProposalStep } from './proposal.enums';
import { AuditEvent } from '../audit/audit-event.entity';
import { Decision } from '../deliberation/deliberation.entity';
import {
  AddAlternativeInput,
  AddDraftInput,
  AddMaterialInput,
  AddProcedureInput,
  AdoptionSummaryInput,
  AnswerOpinionInput,
  ConsultationInput,
  CreateProposalInput,
  DeclineProposalInput,
  ExpertAdoptionInput,
  ExpertOpinionInput,
  FairCompetitionInput,
  HearingInput,
  IncludeProposalInput,
  ProposalFilter,
  ProposalTransitionInput,
  RecordDisagreementInput,
  RegisterOpinionInput,
  RequestLegalityReviewInput,
  RiskAssessmentInput,
  UpdateProposalInput,
} from './proposal.inputs';
import { derivedProcedures, requiredProcedures } from './readiness.rules';

export const ProposalConnection = ConnectionType(DecisionProposal, 'DecisionProposal');

enum DiffOpEnum {
  EQUAL = 'EQUAL',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(DiffOpEnum, { name: 'DiffOp', description: 'Line diff operation' });

@ObjectType({ description: 'One line of a draft diff' })
class DiffLineType {
  @Field(() => DiffOpEnum)
  op!: DiffOp;

  @Field()
  text!: string;

  @Field(() => Int, { nullable: true })
  oldLine!: number | null;

  @Field(() => Int, { nullable: true })
  newLine!: number | null;
}

@ObjectType({ description: 'Line diff between two draft versions (草案比对)' })
class DraftDiff {
  @Field(() => DraftVersion)
  from!: DraftVersion;

  @Field(() => DraftVersion)
  to!: DraftVersion;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => [DiffLineType])
  lines!: DiffLineType[];
}

@ObjectType({ description: 'A statutory procedure of the proposal and whether it has a record (R-DEC-3)' })
class ProcedureStatus {
  @Field(() => ProcedureKind)
  kind!: ProcedureKind;

  @Field({ description: 'Required: derived from the flags or added by a decision maker' })
  required!: boolean;

  @Field({ description: 'Derived from the flags (cannot be dropped)' })
  derived!: boolean;

  @Field({ description: 'Added by a decision maker' })
  added!: boolean;

  @Field({ description: 'A record of the procedure exists' })
  recorded!: boolean;
}

@InputType()
class ProposalWhere {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  id!: string;
}

@InputType()
class DraftDiffArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field(() => Int)
  @Min(1)
  from!: number;

  @Field(() => Int)
  @Min(1)
  to!: number;
}

const DRAFTER = Role.DRAFTER;

const NEXT_STEP: Partial<Record<ProposalState, ProposalStep>> = {
  AWAITING_INCLUSION: ProposalStep.INCLUDE,
  INCLUDED: ProposalStep.REQUEST_LEGALITY_REVIEW,
  LEGALITY_REVIEWED: ProposalStep.DELIBERATION,
};
const ANY_ROLE = [Role.DRAFTER, Role.ADMIN, Role.DECISION_MAKER, Role.LEGAL_ADVISOR, Role.FILING_OFFICER];

@Resolver(() => DecisionProposal)
export class ProposalResolver {
  // ------------------------------------------------------------ queries

  @Authorized(...ANY_ROLE)
  @Query(() => ProposalConnection, { description: 'Decision proposals, newest code first (决策建议). Drafters see their own department’s.' })
  proposals(@Args() page: PageArgs, @Arg('filter', () => ProposalFilter, { nullable: true }) filter: ProposalFilter | undefined, @Ctx() ctx: Context) {
    return ctx.services.proposal.list(requireUser(ctx), page, filter ?? {});
  }

  @Authorized(...ANY_ROLE)
  @Query(() => DecisionProposal, { description: 'One proposal (决策建议)' })
  proposal(@Arg('where') where: ProposalWhere, @Ctx() ctx: Context) {
    return ctx.services.proposal.getVisible(requireUser(ctx), where.id);
  }

  @Authorized(...ANY_ROLE)
  @Query(() => DraftDiff, { description: 'Line diff between two draft versions (草案比对)' })
  draftDiff(@Arg('input') input: DraftDiffArgs, @Ctx() ctx: Context) {
    return ctx.services.proposal.draftDiff(requireUser(ctx), input.proposalId, input.from, input.to);
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => Department, { description: 'Sponsor department (承办单位)' })
  async sponsorDepartment(@Root() p: DecisionProposal, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(p.sponsorDepartment.id);
    if (!d) throw new NotFoundError('部门', p.sponsorDepartment.id);
    return d;
  }

  @FieldResolver(() => User, { description: 'Who submitted it' })
  async createdBy(@Root() p: DecisionProposal, @Ctx() ctx: Context): Promise<User> {
    const u = await ctx.loaders.userById.load(p.createdBy.id);
    if (!u) throw new NotFoundError('用户', p.createdBy.id);
    return u;
  }

  @FieldResolver(() => DirectoryItem, { nullable: true, description: 'The directory item it was included under (R-DIR-4)' })
  directoryItem(@Root() p: DecisionProposal, @Ctx() ctx: Context): Promise<DirectoryItem | null> | null {
    return p.directoryItem ? ctx.loaders.directoryItemById.load(p.directoryItem.id) : null;
  }

  @FieldResolver(() => DraftVersion, { nullable: true, description: 'The latest draft version' })
  async currentDraft(@Root() p: DecisionProposal, @Ctx() ctx: Context): Promise<DraftVersion | null> {
    if (p.currentDraftNumber === 0) return null;
    const drafts = await ctx.loaders.draftsByProposal.load(p.id);
    return drafts.find((d) => d.number === p.currentDraftNumber) ?? null;
  }

  @FieldResolver(() => [DraftVersion], { description: 'Every draft version, oldest first' })
  drafts(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.draftsByProposal.load(p.id);
  }

  @FieldResolver(() => [ProcedureStatus], { description: 'Required procedures (derived and added) and any recorded optional one' })
  async procedures(@Root() p: DecisionProposal, @Ctx() ctx: Context): Promise<ProcedureStatus[]> {
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
    description: 'Everything that blocks the given next step, with rule ids (办理条件检查). Several statements per proposal: ask for one proposal, not a list.',
  })
  blockers(@Root() p: DecisionProposal, @Arg('step', () => ProposalStep) step: ProposalStep, @Ctx() ctx: Context) {
    return ctx.services.proposal.blockersIn(ctx.em, p, step);
  }

  @FieldResolver(() => [ProposalAlternative])
  alternatives(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.alternativesByProposal.load(p.id);
  }

  @FieldResolver(() => [ProposalDisagreement])
  disagreements(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.disagreementsByProposal.load(p.id);
  }

  @FieldResolver(() => PublicConsultation, { nullable: true })
  consultation(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.consultationByProposal.load(p.id);
  }

  @FieldResolver(() => Hearing, { nullable: true })
  hearing(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.hearingByProposal.load(p.id);
  }

  @FieldResolver(() => [ExpertOpinion])
  expertOpinions(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.expertOpinionsByProposal.load(p.id);
  }

  @FieldResolver(() => [RiskAssessment], { description: 'Every round, oldest first; the latest counts' })
  riskAssessments(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.riskAssessmentsByProposal.load(p.id);
  }

  @FieldResolver(() => FairCompetitionReview, { nullable: true })
  fairCompetitionReview(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.fairCompetitionByProposal.load(p.id);
  }

  @FieldResolver(() => [Material])
  materials(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.materialsByProposal.load(p.id);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'The decision once approved: sign-off, publication, execution' })
  decision(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.decisionByProposal.load(p.id);
  }

  @FieldResolver(() => DecisionProposal, { nullable: true, description: 'The decision this proposal changes (R-DEC-16)' })
  amends(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return p.amends ? ctx.loaders.proposalById.load(p.amends.id) : null;
  }

  @FieldResolver(() => ProposalStep, { nullable: true, description: 'The next step; ask blockers(step) what stands in its way' })
  nextStep(@Root() p: DecisionProposal): ProposalStep | null {
    return NEXT_STEP[p.state] ?? null;
  }

  @FieldResolver(() => [AuditEvent], {
    description: 'Chronological timeline of the proposal, its reviews and meetings (at most 2000 events). Ask for one proposal, not a list.',
  })
  timeline(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.services.archive.trail(p);
  }

  @FieldResolver(() => [ReviewRequest], { description: 'Legality-review requests made for it' })
  reviewRequests(@Root() p: DecisionProposal, @Ctx() ctx: Context) {
    return ctx.loaders.reviewRequestsByProposal.load(p.id);
  }

  // ------------------------------------------------------------ lifecycle

  @Authorized(DRAFTER)
  @Mutation(() => DecisionProposal, { description: 'Submit a proposal for one’s own department; it awaits inclusion (R-DEC-1, R-DIR-4)' })
  createProposal(@Arg('input') input: CreateProposalInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.create(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => DecisionProposal, { description: 'Change a proposal’s description or flags (R-DEC-3: derived procedures cannot be dropped)' })
  updateProposal(@Arg('input') input: UpdateProposalInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.update(requireUser(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.DECISION_MAKER)
  @Mutation(() => DecisionProposal, { description: 'Include in the directory: link to an item, or add one by adjustment (R-DIR-4)' })
  includeProposal(@Arg('input') input: IncludeProposalInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.include(requireUser(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.DECISION_MAKER)
  @Mutation(() => DecisionProposal, { description: 'Decline inclusion with a reason (不予纳入)' })
  declineProposal(@Arg('input') input: DeclineProposalInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.decline(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => DecisionProposal, { description: 'Ask again for inclusion after a decline (重新申请纳入)' })
  requestInclusion(@Arg('input') input: ProposalTransitionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.requestInclusion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => DecisionProposal, { description: 'Withdraw the proposal (撤回)' })
  withdrawProposal(@Arg('input') input: ProposalTransitionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.withdraw(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ReviewRequest, { description: 'Request the legality review; refused with every blocker until the package is complete (R-LR-2)' })
  requestLegalityReview(@Arg('input') input: RequestLegalityReviewInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.requestLegalityReview(requireUser(ctx), input);
  }

  // ------------------------------------------------------------ drafting

  @Authorized(DRAFTER)
  @Mutation(() => DraftVersion, { description: 'Add a new immutable draft version (新草案版本), R-DEC-2' })
  addDraftVersion(@Arg('input') input: AddDraftInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.addDraft(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ProposalAlternative, { description: 'Record an alternative plan (备选方案), R-DEC-2' })
  addAlternative(@Arg('input') input: AddAlternativeInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.addAlternative(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ProposalDisagreement, { description: 'Record an unresolved inter-department disagreement (部门分歧), R-DEC-2' })
  recordDisagreement(@Arg('input') input: RecordDisagreementInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.recordDisagreement(requireUser(ctx), input);
  }

  @Authorized(Role.DECISION_MAKER)
  @Mutation(() => DecisionProposal, { description: 'Require a further procedure (增加法定程序), R-DEC-3 — decision maker' })
  addRequiredProcedure(@Arg('input') input: AddProcedureInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.addProcedure(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => PublicConsultation, { description: 'Set the public-consultation window and channel (征求意见), R-DEC-4' })
  setConsultation(@Arg('input') input: ConsultationInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.setConsultation(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationOpinion, { description: 'Register a received opinion (登记意见)' })
  registerOpinion(@Arg('input') input: RegisterOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.registerOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ConsultationOpinion, { description: 'Answer an opinion: adopted / not adopted with a reason (R-DEC-4)' })
  answerOpinion(@Arg('input') input: AnswerOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.answerOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => PublicConsultation, { description: 'Write the adoption summary (采纳情况说明)' })
  setAdoptionSummary(@Arg('input') input: AdoptionSummaryInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.setAdoptionSummary(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => Hearing, { description: 'Record a hearing (听证), R-DEC-5' })
  recordHearing(@Arg('input') input: HearingInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.recordHearing(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ExpertOpinion, { description: 'Register a signed expert opinion; interested experts are refused (R-DEC-6)' })
  addExpertOpinion(@Arg('input') input: ExpertOpinionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.addExpertOpinion(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => ExpertOpinion, { description: 'Record how an expert opinion was adopted (R-DEC-6)' })
  recordExpertAdoption(@Arg('input') input: ExpertAdoptionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.recordExpertAdoption(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => RiskAssessment, { description: 'Record a (re-)assessment of risk (风险评估), R-DEC-7' })
  recordRiskAssessment(@Arg('input') input: RiskAssessmentInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.recordRiskAssessment(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => FairCompetitionReview, { description: 'Record the fair-competition review (公平竞争审查)' })
  recordFairCompetitionReview(@Arg('input') input: FairCompetitionInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.recordFairCompetitionReview(requireUser(ctx), input);
  }

  @Authorized(DRAFTER)
  @Mutation(() => Material, { description: 'Add a material as text or a base64 file (size-capped, hashed)' })
  addMaterial(@Arg('input') input: AddMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.proposal.addMaterial(requireUser(ctx), input);
  }
}

@Resolver(() => DraftVersion)
export class DraftVersionResolver {
  @FieldResolver(() => String, { description: 'Full text of this version' })
  async text(@Root() d: DraftVersion, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.draftTextById.load(d.id)) ?? '';
  }

  @FieldResolver(() => User)
  async author(@Root() d: DraftVersion, @Ctx() ctx: Context): Promise<User> {
    const u = await ctx.loaders.userById.load(d.author.id);
    if (!u) throw new NotFoundError('用户', d.author.id);
    return u;
  }
}

@Resolver(() => PublicConsultation)
export class ConsultationResolver {
  @FieldResolver(() => [ConsultationOpinion], { description: 'Register of received opinions (意见登记)' })
  opinions(@Root() c: PublicConsultation, @Ctx() ctx: Context) {
    return ctx.loaders.opinionsByConsultation.load(c.id);
  }

  @FieldResolver(() => Int, { description: 'Window length in calendar days, both ends counted (R-DEC-4)' })
  windowDays(@Root() c: PublicConsultation): number {
    return Math.round((Date.parse(c.endsOn) - Date.parse(c.startsOn)) / 86_400_000) + 1;
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Text material' })
  text(@Root() m: Material, @Ctx() ctx: Context): Promise<string | null> | null {
    return m.fileName ? null : ctx.loaders.materialTextById.load(m.id);
  }

  @FieldResolver(() => String, { description: 'Relative URL to download the content with the same bearer token' })
  downloadUrl(@Root() m: Material): string {
    return `/materials/${m.id}`;
  }
}
