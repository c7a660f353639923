import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsUUID } from 'class-validator';
import { NotFoundError, ForbiddenError } from '../core/errors';
import { Public, requireUser } from '../graphql/auth';
import { PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Department } from './department.entity';
import { User } from './user.entity';
import { Role } from '../core/roles';
import {
  ChangePasswordInput,
  CreateDepartmentInput,
  CreateUserInput,
  LoginArgs,
  ResetPasswordInput,
  SetActiveInput,
  SetUserRolesInput,
  UpdateDepartmentInput,
  UpdateUserInput,
  UserFilter,
} from './identity.inputs';
import { actorOf } from './identity.service';
import { DepartmentConnection, LoginPayload, UserConnection } from './identity.types';

@InputType()
class IdArg {
  @Field(() => ID)
  @IsUUID('all', { message: 'id 格式无效' })
  id!: string;
}

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => LoginPayload, { description: 'Sign in (登录). Unknown user, wrong password and inactive user give one error.' })
  async login(@Args() args: LoginArgs, @Ctx() ctx: Context): Promise<LoginPayload> {
    return ctx.services.identity.login(args.username, args.password);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user (当前用户)' })
  me(@Ctx() ctx: Context): User {
    return requireUser(ctx);
  }

  @Authorized()
  @Mutation(() => User, { description: 'Change one’s own password (修改本人密码)' })
  changeMyPassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.changeOwnPassword(requireUser(ctx), input);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => DepartmentConnection, { description: 'Departments ordered by code (部门列表)' })
  async departments(
    @Args() page: PageArgs,
    @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await ctx.services.identity.listDepartments(page, includeInactive));
  }

  @Authorized()
  @Query(() => Department, { description: 'One department (部门)' })
  department(@Arg('where') where: IdArg, @Ctx() ctx: Context): Promise<Department> {
    return ctx.services.identity.getDepartment(where.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Create a department (新建部门) — admin only' })
  createDepartment(@Arg('input') input: CreateDepartmentInput, @Ctx() ctx: Context): Promise<Department> {
    return ctx.services.identity.createDepartment(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Rename or re-classify a department (修改部门) — admin only' })
  updateDepartment(@Arg('input') input: UpdateDepartmentInput, @Ctx() ctx: Context): Promise<Department> {
    return ctx.services.identity.updateDepartment(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Activate or deactivate a department (启用/停用部门) — admin only' })
  setDepartmentActive(@Arg('input') input: SetActiveInput, @Ctx() ctx: Context): Promise<Department> {
    return ctx.services.identity.setDepartmentActive(actorOf(requireUser(ctx)), input);
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Department, { description: 'The user’s department (所属部门)' })
  async department(@Root() user: User, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(user.department.id);
    if (!d) throw new NotFoundError('部门', user.department.id);
    return d;
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Users ordered by username (用户列表) — admin only' })
  async users(
    @Args() page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await ctx.services.identity.listUsers(page, filter ?? {}));
  }

  @Authorized()
  @Query(() => User, { description: 'One user (用户) — admins, or the user themself' })
  async user(@Arg('where') where: IdArg, @Ctx() ctx: Context): Promise<User> {
    const me = requireUser(ctx);
    if (me.id !== where.id && !me.roles.includes(Role.ADMIN)) throw new ForbiddenError('只有管理员可以查看其他用户');
    return ctx.services.identity.getUser(where.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Create a user (新建用户) — admin only' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.createUser(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Change a user’s name or department (修改用户) — admin only' })
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.updateUser(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Set a user’s roles (设置角色) — admin only' })
  setUserRoles(@Arg('input') input: SetUserRolesInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.setUserRoles(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Activate or deactivate a user (启用/停用账号) — admin only' })
  setUserActive(@Arg('input') input: SetActiveInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.setUserActive(actorOf(requireUser(ctx)), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Reset a user’s password (重置密码) — admin only' })
  resetUserPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.identity.resetPassword(actorOf(requireUser(ctx)), input);
  }
}
