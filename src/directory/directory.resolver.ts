import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NotFoundError } from '../core/errors';
import { actorOf } from '../identity/identity.service';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Department } from '../identity/department.entity';
import { Role } from '../core/roles';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from './directory.entity';
import {
  AddDirectoryItemInput,
  AdjustDirectoryInput,
  CreateDirectoryInput,
  PublishDirectoryInput,
  RecordPartyApprovalInput,
  UpdateDirectoryItemInput,
} from './directory.inputs';

export const DirectoryConnection = ConnectionType(DecisionDirectory, 'DecisionDirectory');

@InputType()
class DirectoryWhere {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '目录 id 格式无效' })
  id?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

const MANAGERS = [Role.ADMIN, Role.DECISION_MAKER];

@Resolver(() => DecisionDirectory)
export class DirectoryResolver {
  @Authorized()
  @Query(() => DirectoryConnection, { description: 'Decision directories, newest year first (决策事项目录)' })
  async directories(
    @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true }) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await ctx.services.directory.list(page, year ?? undefined));
  }

  @Authorized()
  @Query(() => DecisionDirectory, { description: 'One directory, by id or year' })
  directory(@Arg('where') where: DirectoryWhere, @Ctx() ctx: Context): Promise<DecisionDirectory> {
    return ctx.services.directory.get(where);
  }

  @FieldResolver(() => [DirectoryItem], { description: 'Items in order, withdrawn ones included (at most 500)' })
  items(@Root() d: DecisionDirectory, @Ctx() ctx: Context): Promise<DirectoryItem[]> {
    return ctx.loaders.itemsByDirectory.load(d.id);
  }

  @FieldResolver(() => [DirectoryAdjustment], { description: 'Adjustments since publication, oldest first (调整记录)' })
  adjustments(@Root() d: DecisionDirectory, @Ctx() ctx: Context): Promise<DirectoryAdjustment[]> {
    return ctx.loaders.adjustmentsByDirectory.load(d.id);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionDirectory, { description: 'Create the year’s directory (新建年度目录) — admin, decision maker' })
  createDirectory(@Arg('input') input: CreateDirectoryInput, @Ctx() ctx: Context) {
    return ctx.services.directory.create(actorOf(requireUser(ctx)), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryItem, { description: 'Add an item to a draft directory (增加事项) — R-DIR-2, R-DIR-3' })
  addDirectoryItem(@Arg('input') input: AddDirectoryItemInput, @Ctx() ctx: Context) {
    return ctx.services.directory.addItem(actorOf(requireUser(ctx)), input.directoryId, input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryItem, { description: 'Edit an item of a draft directory (修改事项); refused once published (R-DIR-3)' })
  updateDirectoryItem(@Arg('input') input: UpdateDirectoryItemInput, @Ctx() ctx: Context) {
    return ctx.services.directory.updateItem(actorOf(requireUser(ctx)), input.itemId, input.version, input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionDirectory, { description: 'Record the Party committee’s agreement (登记党委同意), R-DIR-3' })
  recordPartyApproval(@Arg('input') input: RecordPartyApprovalInput, @Ctx() ctx: Context) {
    return ctx.services.directory.recordPartyApproval(actorOf(requireUser(ctx)), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DecisionDirectory, { description: 'Publish the directory (公布目录), after the Party agreement (R-DIR-3)' })
  publishDirectory(@Arg('input') input: PublishDirectoryInput, @Ctx() ctx: Context) {
    return ctx.services.directory.publish(actorOf(requireUser(ctx)), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => DirectoryAdjustment, { description: 'Adjust a published directory: add, withdraw, reschedule, with a reason (R-DIR-3)' })
  adjustDirectory(@Arg('input') input: AdjustDirectoryInput, @Ctx() ctx: Context) {
    return ctx.services.directory.adjust(actorOf(requireUser(ctx)), input);
  }
}

@Resolver(() => DirectoryItem)
export class DirectoryItemResolver {
  @FieldResolver(() => Department, { description: 'Sponsor department (承办单位)' })
  async sponsorDepartment(@Root() item: DirectoryItem, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(item.sponsorDepartment.id);
    if (!d) throw new NotFoundError('部门', item.sponsorDepartment.id);
    return d;
  }

  @FieldResolver(() => DecisionDirectory)
  async directory(@Root() item: DirectoryItem, @Ctx() ctx: Context): Promise<DecisionDirectory> {
    const d = await ctx.loaders.directoryById.load(item.directory.id);
    if (!d) throw new NotFoundError('目录', item.directory.id);
    return d;
  }
}

@Resolver(() => DirectoryAdjustment)
export class DirectoryAdjustmentResolver {
  @FieldResolver(() => DirectoryItem)
  async item(@Root() a: DirectoryAdjustment, @Ctx() ctx: Context): Promise<DirectoryItem> {
    const i = await ctx.loaders.directoryItemById.load(a.item.id);
    if (!i) throw new NotFoundError('目录事项', a.item.id);
    return i;
  }
}
