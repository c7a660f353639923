import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, NotFoundError } from '../core/errors';
import { ALL_ROLES } from '../core/roles';
import type { Row } from '../db/rows';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Payload } from '../graphql/payload';
import { Department } from '../identity/department.entity';
import { AdministrativeCase, DisputeMediation, LegalConsultation, PublicityEvent } from './register.entity';
import {
  AdministrativeCaseFilter,
  CreateAdministrativeCaseInput,
  CreateDisputeMediationInput,
  CreateLegalConsultationInput,
  CreatePublicityEventInput,
  DisputeMediationFilter,
  LegalConsultationFilter,
  PublicityEventFilter,
  UpdateAdministrativeCaseInput,
  UpdateDisputeMediationInput,
  UpdateLegalConsultationInput,
  UpdatePublicityEventInput,
} from './register.inputs';
import { REGISTER_RECORDERS } from './register.visibility';

const LegalConsultationConnection = ConnectionType(LegalConsultation, 'LegalConsultation');
const DisputeMediationConnection = ConnectionType(DisputeMediation, 'DisputeMediation');
const AdministrativeCaseConnection = ConnectionType(AdministrativeCase, 'AdministrativeCase');
const PublicityEventConnection = ConnectionType(PublicityEvent, 'PublicityEvent');

const LegalConsultationPayload = Payload('LegalConsultationPayload', 'A legal consultation after the change (法律咨询)', { consultation: { type: () => LegalConsultation } });
const DisputeMediationPayload = Payload('DisputeMediationPayload', 'A dispute mediation after the change (矛盾纠纷调解)', { mediation: { type: () => DisputeMediation } });
const AdministrativeCasePayload = Payload('AdministrativeCasePayload', 'An administrative case after the change (行政诉讼、行政复议案件)', { case: { type: () => AdministrativeCase } });
const PublicityEventPayload = Payload('PublicityEventPayload', 'A publicity event after the change (普法活动)', { event: { type: () => PublicityEvent } });

async function departmentOf(e: { department: { id: string } }, ctx: Context): Promise<Department> {
  const d = await ctx.loaders.departmentById.load(e.department.id);
  if (!d) throw new NotFoundError('部门', e.department.id);
  return d;
}

const SEEN_BY = 'its department’s users and the cross-department roles';

@Resolver(() => LegalConsultation)
export class LegalConsultationResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => LegalConsultation, { description: `One legal consultation (法律咨询): ${SEEN_BY}` })
  legalConsultation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.legalConsultations.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => LegalConsultationConnection, { description: 'Legal consultations, newest first (法律咨询台账). Drafters see their own department’s.' })
  async legalConsultations(@Args() page: PageArgs, @Arg('filter', () => LegalConsultationFilter, { nullable: true }) filter: LegalConsultationFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.legalConsultations.list(requireUser(ctx), page, filter ?? {}));
  }

  @FieldResolver(() => Department, { description: 'The department it is recorded for (所属部门)' })
  department(@Root() e: Row<LegalConsultation>, @Ctx() ctx: Context) {
    return departmentOf(e, ctx);
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => LegalConsultationPayload, { description: 'Record a legal consultation (登记法律咨询), R-AR-2' })
  async createLegalConsultation(@Arg('input') input: CreateLegalConsultationInput, @Ctx() ctx: Context) {
    return { consultation: await ctx.services.legalConsultations.create(requireUser(ctx), input) };
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => LegalConsultationPayload, { description: 'Correct a legal consultation (修改法律咨询), R-AR-2' })
  async updateLegalConsultation(@Arg('input') input: UpdateLegalConsultationInput, @Ctx() ctx: Context) {
    return { consultation: await ctx.services.legalConsultations.update(requireUser(ctx), input) };
  }
}

@Resolver(() => DisputeMediation)
export class DisputeMediationResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => DisputeMediation, { description: `One dispute mediation (矛盾纠纷调解): ${SEEN_BY}` })
  disputeMediation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.disputeMediations.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => DisputeMediationConnection, { description: 'Dispute mediations, newest first (矛盾纠纷调解台账). Drafters see their own department’s.' })
  async disputeMediations(@Args() page: PageArgs, @Arg('filter', () => DisputeMediationFilter, { nullable: true }) filter: DisputeMediationFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.disputeMediations.list(requireUser(ctx), page, filter ?? {}));
  }

  @FieldResolver(() => Department, { description: 'The department it is recorded for (所属部门)' })
  department(@Root() e: Row<DisputeMediation>, @Ctx() ctx: Context) {
    return departmentOf(e, ctx);
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => DisputeMediationPayload, { description: 'Record a dispute brought to mediation (登记矛盾纠纷调解), R-AR-2' })
  async createDisputeMediation(@Arg('input') input: CreateDisputeMediationInput, @Ctx() ctx: Context) {
    return { mediation: await ctx.services.disputeMediations.create(requireUser(ctx), input) };
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => DisputeMediationPayload, { description: 'Update a mediation, e.g. record its outcome (修改矛盾纠纷调解), R-AR-1, R-AR-2' })
  async updateDisputeMediation(@Arg('input') input: UpdateDisputeMediationInput, @Ctx() ctx: Context) {
    return { mediation: await ctx.services.disputeMediations.update(requireUser(ctx), input) };
  }
}

@Resolver(() => AdministrativeCase)
export class AdministrativeCaseResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => AdministrativeCase, { description: `One administrative litigation or reconsideration case (行政诉讼、行政复议案件): ${SEEN_BY}` })
  administrativeCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.administrativeCases.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => AdministrativeCaseConnection, { description: 'Administrative cases, newest first (行政诉讼、行政复议案件台账). Drafters see their own department’s.' })
  async administrativeCases(@Args() page: PageArgs, @Arg('filter', () => AdministrativeCaseFilter, { nullable: true }) filter: AdministrativeCaseFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.administrativeCases.list(requireUser(ctx), page, filter ?? {}));
  }

  @FieldResolver(() => Department, { description: 'The department whose act is challenged (承办部门)' })
  department(@Root() e: Row<AdministrativeCase>, @Ctx() ctx: Context) {
    return departmentOf(e, ctx);
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => AdministrativeCasePayload, { description: 'Record an administrative litigation or reconsideration case (登记行政诉讼、行政复议案件), R-AR-2' })
  async createAdministrativeCase(@Arg('input') input: CreateAdministrativeCaseInput, @Ctx() ctx: Context) {
    return { case: await ctx.services.administrativeCases.create(requireUser(ctx), input) };
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => AdministrativeCasePayload, { description: 'Update a case: stage, outcome, closing day (修改案件), R-AR-1, R-AR-2' })
  async updateAdministrativeCase(@Arg('input') input: UpdateAdministrativeCaseInput, @Ctx() ctx: Context) {
    return { case: await ctx.services.administrativeCases.update(requireUser(ctx), input) };
  }
}

@Resolver(() => PublicityEvent)
export class PublicityEventResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => PublicityEvent, { description: `One rule-of-law publicity event (普法活动): ${SEEN_BY}` })
  publicityEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.publicityEvents.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => PublicityEventConnection, { description: 'Publicity events, newest first (普法活动台账). Drafters see their own department’s.' })
  async publicityEvents(@Args() page: PageArgs, @Arg('filter', () => PublicityEventFilter, { nullable: true }) filter: PublicityEventFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.publicityEvents.list(requireUser(ctx), page, filter ?? {}));
  }

  @FieldResolver(() => Department, { description: 'The department that organised it (组织部门)' })
  department(@Root() e: Row<PublicityEvent>, @Ctx() ctx: Context) {
    return departmentOf(e, ctx);
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => PublicityEventPayload, { description: 'Record a rule-of-law publicity event (登记普法活动), R-AR-2' })
  async createPublicityEvent(@Arg('input') input: CreatePublicityEventInput, @Ctx() ctx: Context) {
    return { event: await ctx.services.publicityEvents.create(requireUser(ctx), input) };
  }

  @Authorized(...REGISTER_RECORDERS)
  @Mutation(() => PublicityEventPayload, { description: 'Correct a publicity event (修改普法活动), R-AR-2' })
  async updatePublicityEvent(@Arg('input') input: UpdatePublicityEventInput, @Ctx() ctx: Context) {
    return { event: await ctx.services.publicityEvents.update(requireUser(ctx), input) };
  }
}
