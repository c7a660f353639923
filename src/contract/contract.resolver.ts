import { Arg, Args, Authorized, Ctx, Info, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedNodeFields } from '../graphql/selection';
import type { Row } from '../db/rows';
import { Material } from '../content/material.entity';
import { TextVersion } from '../content/text-version.entity';
import { assertUuid, NotFoundError } from '../core/errors';
import { ALL_ROLES, Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import { MaterialConnection, TextVersionConnection } from '../content/content.resolver';
import { ConnectionType } from '../graphql/connection';
import { Department } from '../identity/department.entity';
import type { Context } from '../graphql/context';
import { Payload } from '../graphql/payload';
import { onlySeen, seen } from '../graphql/visibility';
import { canSeeReview } from '../review/review.visibility';
import { ViolationType } from '../graphql/violation.type';
import { ReviewPayload } from '../review/review.resolver';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewSubjectType } from '../review/review.enums';
import { CONTRACT_OWNER, Contract } from './contract.entity';
import { canSeeContract } from './contract.visibility';
import { ContractDraftInput, ContractFilter, ContractMaterialInput, CreateContractInput, RequestContractReviewInput, UpdateContractInput } from './contract.inputs';

const ContractConnection = ConnectionType(Contract, 'Contract');

const ContractPayload = Payload('ContractPayload', 'A contract after the change (合同)', { contract: { type: () => Contract } });
const ContractDraftPayload = Payload('ContractDraftPayload', 'A new contract text version (合同修改稿)', {
  contract: { type: () => Contract },
  draft: { type: () => TextVersion },
});
const ContractMaterialPayload = Payload('ContractMaterialPayload', 'A new contract material (合同材料)', {
  contract: { type: () => Contract },
  material: { type: () => Material },
});

@Resolver(() => Contract)
export class ContractResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => Contract, { description: 'One contract (合同): its department’s users and the cross-department roles' })
  contract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => ContractConnection, { description: 'Contracts, newest code first (合同登记). Drafters see their own department’s.' })
  async contracts(@Args() page: PageArgs, @Arg('filter', () => ContractFilter, { nullable: true }) filter: ContractFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.contracts.list(requireUser(ctx), page, filter ?? {}));
  }

  @FieldResolver(() => Department, { description: 'The department that concludes it (承办部门)' })
  async department(@Root() c: Contract, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(c.department.id);
    if (!d) throw new NotFoundError('部门', c.department.id);
    return d;
  }

  @FieldResolver(() => [ReviewRequest], { description: 'Legality-review requests made for it, oldest first (a few at most)' })
  async reviewRequests(@Root() c: Contract, @Ctx() ctx: Context) {
    return onlySeen(ctx, canSeeReview, await ctx.loaders.reviewsBySubject.load(c.id));
  }

  @FieldResolver(() => TextVersionConnection, { description: 'Every text version, oldest first (合同文本版本)' })
  async drafts(@Root() c: Row<Contract>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.versionsOf(CONTRACT_OWNER).load(c.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => TextVersion, { nullable: true, description: 'The current text (现行文本)' })
  currentDraft(@Root() c: Row<Contract>, @Ctx() ctx: Context) {
    return c.currentDraftNumber ? ctx.loaders.versionByNumber.load({ ownerType: CONTRACT_OWNER, ownerId: c.id, number: c.currentDraftNumber }) : null;
  }

  @FieldResolver(() => MaterialConnection, { description: 'Materials, in upload order (合同材料)' })
  async materials(@Root() c: Row<Contract>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.materialsOf(CONTRACT_OWNER).load(c.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => [ViolationType], {
    description: 'What a review request would be refused for now: every package item still missing (送审材料缺项), R-LR-2; items as configured in review.packages.CONTRACT',
  })
  reviewBlockers(@Root() c: Row<Contract>, @Ctx() ctx: Context) {
    return ctx.services.contracts.reviewBlockers(requireUser(ctx), c);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractPayload, { description: 'Register a contract with its first text and the facts known so far (登记合同)' })
  async createContract(@Arg('input') input: CreateContractInput, @Ctx() ctx: Context) {
    return { contract: await ctx.services.contracts.create(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractPayload, { description: 'Record or correct counterparty, qualification, legal basis, amount and term (合同要素), R-LR-2' })
  async updateContract(@Arg('input') input: UpdateContractInput, @Ctx() ctx: Context) {
    return { contract: await ctx.services.contracts.update(requireUser(ctx), input) };
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractDraftPayload, { description: 'New contract text version (合同修改稿)' })
  addContractDraft(@Arg('input') input: ContractDraftInput, @Ctx() ctx: Context) {
    return ctx.services.contracts.addDraft(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ContractMaterialPayload, { description: 'Add a contract material: text or file (合同材料)' })
  addContractMaterial(@Arg('input') input: ContractMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.contracts.addMaterial(requireUser(ctx), input);
  }

  @Authorized(Role.DRAFTER)
  @Mutation(() => ReviewPayload, { description: 'Request the legality review of a contract: refused while reviewBlockers is not empty; pins its current text, facts and materials (提请合同审查), R-LR-2' })
  async requestContractReview(@Arg('input') input: RequestContractReviewInput, @Ctx() ctx: Context) {
    const review = await ctx.services.reviewIntake.request(requireUser(ctx), {
      subjectType: ReviewSubjectType.CONTRACT,
      subjectId: input.contractId,
      requestedCompletionOn: input.requestedCompletionOn ?? null,
    });
    return { review };
  }
}

/** The reviewed contract, on a review of a contract. */
@Resolver(() => ReviewRequest)
export class ContractReviewFieldResolver {
  @FieldResolver(() => Contract, { nullable: true, description: 'The reviewed contract, when the subject is a contract' })
  async contract(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    return r.subjectType === ReviewSubjectType.CONTRACT ? seen(ctx, canSeeContract, await ctx.loaders.contractById.load(r.subjectId)) : null;
  }
}
