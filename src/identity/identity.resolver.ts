import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Row } from '../db/rows';
import { assertUuid, NotFoundError, UnauthenticatedError } from '../core/errors';
import { Role } from '../core/roles';
import { Public, requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Department } from './department.entity';
import { User } from './user.entity';
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
import { ChangePasswordPayload, DepartmentConnection, DepartmentPayload, LoginPayload, LogoutPayload, UserConnection, UserPayload } from './identity.types';

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => LoginPayload, { description: 'Sign in (登录). Unknown user, wrong password and inactive user give one error.' })
  async login(@Args() args: LoginArgs, @Ctx() ctx: Context): Promise<LoginPayload> {
    const issued = await ctx.services.signIn.login(args, { clientAddress: ctx.clientAddress });
    // The console's session: the same token in an httpOnly cookie (README, session handling).
    ctx.sessionCookie?.set(issued.token, issued.expiresAt, ctx.clock.now());
    return issued;
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user (当前用户)' })
  me(@Ctx() ctx: Context): User {
    return requireUser(ctx);
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, {
    description: 'Change one’s own password (修改本人密码). Every earlier token of the user stops working; use the returned one.',
  })
  async changeMyPassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: Context) {
    const changed = await ctx.services.signIn.changeOwnPassword(requireUser(ctx), input);
    // The console's session goes on with the new token (the old one is refused from now on).
    ctx.sessionCookie?.set(changed.token, changed.expiresAt, ctx.clock.now());
    return changed;
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: 'Log out (退出登录): this token is refused from now on; other sessions go on' })
  async logout(@Ctx() ctx: Context) {
    const user = requireUser(ctx);
    if (!ctx.session) throw new UnauthenticatedError('请先登录');
    const result = { user: await ctx.services.signIn.logout(user, ctx.session), loggedOutAt: ctx.clock.now() };
    ctx.sessionCookie?.clear();
    return result;
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: 'Log out everywhere (退出全部登录): every token of the user, this one included, is refused from now on' })
  async logoutEverywhere(@Ctx() ctx: Context) {
    const result = { user: await ctx.services.signIn.logoutEverywhere(requireUser(ctx)), loggedOutAt: ctx.clock.now() };
    ctx.sessionCookie?.clear();
    return result;
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => DepartmentConnection, { description: 'Departments ordered by code (部门列表)' })
  async departments(@Args(PAGE_ARGS) page: PageArgs, @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.departments.list(page, includeInactive));
  }

  @Authorized()
  @Query(() => Department, { description: 'One department (部门)' })
  department(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Department> {
    return ctx.services.departments.get(assertUuid(id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DepartmentPayload, { description: 'Create a department (新建部门) — admin only' })
  async createDepartment(@Arg('input') input: CreateDepartmentInput, @Ctx() ctx: Context) {
    return { department: await ctx.services.departments.create(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DepartmentPayload, { description: 'Rename or re-classify a department (修改部门) — admin only' })
  async updateDepartment(@Arg('input') input: UpdateDepartmentInput, @Ctx() ctx: Context) {
    return { department: await ctx.services.departments.update(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DepartmentPayload, { description: 'Activate or deactivate a department (启用/停用部门) — admin only' })
  async setDepartmentActive(@Arg('input') input: SetActiveInput, @Ctx() ctx: Context) {
    return { department: await ctx.services.departments.setActive(requireUser(ctx), input) };
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Department, { description: 'The user’s department (所属部门)' })
  async department(@Root() user: Row<User>, @Ctx() ctx: Context): Promise<Department> {
    const d = await ctx.loaders.departmentById.load(user.department.id);
    if (!d) throw new NotFoundError('部门', user.department.id);
    return d;
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Users ordered by username (用户列表) — admin only' })
  async users(@Args(PAGE_ARGS) page: PageArgs, @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.users.list(page, filter ?? {}));
  }

  @Authorized()
  @Query(() => User, { description: 'One user (用户) — admins, or the user themself' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Create a user (新建用户) — admin only' })
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context) {
    return { user: await ctx.services.users.create(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Change a user’s name or department (修改用户) — admin only' })
  async updateUser(@Arg('input') input: UpdateUserInput, @Ctx() ctx: Context) {
    return { user: await ctx.services.users.update(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Set a user’s roles (设置角色) — admin only' })
  async setUserRoles(@Arg('input') input: SetUserRolesInput, @Ctx() ctx: Context) {
    return { user: await ctx.services.users.setRoles(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Activate or deactivate a user (启用/停用账号) — admin only' })
  async setUserActive(@Arg('input') input: SetActiveInput, @Ctx() ctx: Context) {
    return { user: await ctx.services.users.setActive(requireUser(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Reset a user’s password (重置密码) — admin only' })
  async resetUserPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: Context) {
    return { user: await ctx.services.users.resetPassword(requireUser(ctx), input) };
  }
}
