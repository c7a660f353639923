import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Row } from '../db/rows';
import { assertUuid, NotFoundError } from '../core/errors';
import { MANAGERS } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { selectedFields, selectedNodeFields } from '../graphql/selection';
import type { GraphQLResolveInfo } from 'graphql';
import { Payload } from '../graphql/payload';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { Department } from '../identity/department.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from './directory.entity';
import { DirectoryStatus } from './directory.enums';
import {
  AddDirectoryItemInput,
  AdjustDirectoryInput,
  CreateDirectoryInput,
  PublishDirectoryInput,
  RecordPartyApprovalInput,
  UpdateDirectoryItemInput,
} from './directory.inputs';
import { DIRECTORY_ITEM_WORKFLOW, DIRECTORY_WORKFLOW } from './directory.workflow';

export const DirectoryConnection = ConnectionType(DecisionDirectory, 'DecisionDirectory');
const DirectoryItemConnection = ConnectionType(DirectoryItem, 'DirectoryItem');
const DirectoryAdjustmentConnection = ConnectionType(DirectoryAdjustment, 'DirectoryAdjustment');

const directoryField = { directory: { type: () => DecisionDirectory } };
const DirectoryPayload = Payload('DirectoryPayload', 'A decision directory after the change (决策事项目录)', directoryField);
const DirectoryItemPayload = Payload('DirectoryItemPayload', 'A directory item after the change, with its directory and the directory’s new version (目录事项)', {
  item: { type: () => DirectoryItem },
  ...directoryField,
});
const DirectoryAdjustmentPayload = Payload('DirectoryAdjustmentPayload', 'A recorded adjustment, the item it added or changed, and the directory (目录调整)', {
  adjustment: { type: () => DirectoryAdjustment },
  item: { type: () => DirectoryItem },
  ...directoryField,
});

/**
 * One directory is looked up by id (`directory(id: ID!)`) or by its year (`directoryByYear(year:
 * Int!)`): two lookups with one required argument each, so the schema itself says what to pass —
 * no "exactly one of" rule a client learns only from an error.
 */
@Resolver(() => DecisionDirectory)
export class DirectoryResolver {
  @Authorized()
  @Query(() => DirectoryConnection, { description: 'Decision directories, newest year first (决策事项目录)' })
  async directories(@Args(PAGE_ARGS) page: PageArgs, @Arg('year', () => Int, { nullable: true }) year: number | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.directory.list(page, { year }));
  }

  @Authorized()
  @Query(() => DecisionDirectory, { description: 'One directory, by id (决策事项目录); by its year: directoryByYear' })
  directory(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DecisionDirectory> {
    return ctx.services.directory.get(assertUuid(id));
  }

  @Authorized()
  @Query(() => DecisionDirectory, { description: 'The directory of a year (年度决策事项目录): there is one per year (R-DIR-1); by id: directory' })
  directoryByYear(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<DecisionDirectory> {
    return ctx.services.directory.getByYear(year);
  }

  @FieldResolver(() => DirectoryItemConnection, { description: 'Items by number, withdrawn ones included (目录事项)' })
  async items(@Root() d: Row<DecisionDirectory>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.loaders.directoryItemPages.load(d.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => DirectoryAdjustmentConnection, { description: 'Adjustments since publication, oldest first (调整记录)' })
  async adjustments(@Root() d: Row<DecisionDirectory>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.directoryAdjustmentPages.load(d.id, page));
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this directory now (当前可办理的操作)' })
  availableActions(@Root() d: Row<DecisionDirectory>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(DIRECTORY_WORKFLOW, d.status, ctx.user);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryPayload, { description: 'Create the year’s directory (新建年度目录), one per year (R-DIR-1) — admin, decision maker' })
  async createDirectory(@Arg('input') input: CreateDirectoryInput, @Ctx() ctx: Context) {
    return { directory: await ctx.services.directory.create(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryItemPayload, { description: 'Add an item to a draft directory (增加事项) — R-DIR-2, R-DIR-3' })
  addDirectoryItem(@Arg('input') input: AddDirectoryItemInput, @Ctx() ctx: Context) {
    return ctx.services.directory.addItem(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryItemPayload, { description: 'Edit an item of a draft directory (修改事项); refused once published (R-DIR-3)' })
  updateDirectoryItem(@Arg('input') input: UpdateDirectoryItemInput, @Ctx() ctx: Context) {
    return ctx.services.directory.updateItem(requireUser(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryPayload, { description: 'Record the Party committee’s agreement (登记党委同意), R-DIR-3' })
  async recordPartyApproval(@Arg('input') input: RecordPartyApprovalInput, @Ctx() ctx: Context) {
    return { directory: await ctx.services.directory.recordPartyApproval(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryPayload, { description: 'Publish the directory (公布目录), after the Party agreement (R-DIR-3)' })
  async publishDirectory(@Arg('input') input: PublishDirectoryInput, @Ctx() ctx: Context) {
    return { directory: await ctx.services.directory.publish(requireUser(ctx), input) };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryAdjustmentPayload, { description: 'Adjust a published directory: add, withdraw, reschedule, with a reason (R-DIR-3)' })
  adjustDirectory(@Arg('input') input: AdjustDirectoryInput, @Ctx() ctx: Context) {
    return ctx.services.directory.adjust(requireUser(ctx), input);
  }
}

/** A directory's short columns only (its state, year, dates). */
const SHORT: ReadonlySet<string> = new Set();

async function directoryOf(ctx: Context, id: string, wanted: ReadonlySet<string> | undefined): Promise<DecisionDirectory> {
  const d = await ctx.loaders.directoryById.load(id, wanted);
  if (!d) throw new NotFoundError('决策事项目录', id);
  return d;
}

@Resolver(() => DirectoryItem)
export class DirectoryItemResolver {
  @FieldResolver(() => Department, { description: 'Sponsor department (承办单位)' })
  async sponsorDepartment(@Root() item: Row<DirectoryItem>, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(item.sponsorDepartment.id);
    if (!d) throw new NotFoundError('部门', item.sponsorDepartment.id);
    return d;
  }

  @FieldResolver(() => DecisionDirectory)
  directory(@Root() item: Row<DirectoryItem>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<DecisionDirectory> {
    return directoryOf(ctx, item.directory.id, selectedFields(info));
  }

  @FieldResolver(() => [AvailableAction], {
    description: 'What the signed-in user may do with this item now: edit it while the directory is a draft, withdraw or reschedule it by adjustment once published (当前可办理的操作)',
  })
  async availableActions(@Root() item: Row<DirectoryItem>, @Ctx() ctx: Context): Promise<AvailableAction[]> {
    const d = await directoryOf(ctx, item.directory.id, SHORT);
    if (d.status === DirectoryStatus.PUBLISHED) return availableActions(DIRECTORY_ITEM_WORKFLOW, item.status, ctx.user);
    return availableActions(DIRECTORY_WORKFLOW, d.status, ctx.user).filter((a) => a.action === 'UPDATE_DIRECTORY_ITEM');
  }
}

@Resolver(() => DirectoryAdjustment)
export class DirectoryAdjustmentResolver {
  @FieldResolver(() => DirectoryItem, { description: 'The item added, withdrawn or rescheduled' })
  async item(@Root() a: Row<DirectoryAdjustment>, @Ctx() ctx: Context): Promise<DirectoryItem> {
    const i = await ctx.loaders.directoryItemById.load(a.item.id);
    if (!i) throw new NotFoundError('目录事项', a.item.id);
    return i;
  }

  @FieldResolver(() => DecisionDirectory)
  directory(@Root() a: Row<DirectoryAdjustment>, @Ctx() ctx: Context): Promise<DecisionDirectory> {
    return directoryOf(ctx, a.directory.id, undefined);
  }
}
