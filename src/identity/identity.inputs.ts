import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DepartmentKind } from './department.enums';
import { Role } from '../core/roles';
import type {
  ChangePasswordCommand,
  CreateDepartmentCommand,
  CreateUserCommand,
  LoginCommand,
  ResetPasswordCommand,
  SetActiveCommand,
  SetUserRolesCommand,
  UpdateDepartmentCommand,
  UpdateUserCommand,
  UserListFilter,
} from './identity.commands';

const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]*$/;

@InputType({ description: 'New department (新建部门)' })
export class CreateDepartmentInput implements CreateDepartmentCommand {
  @Field({ description: 'Upper-case code, 2–32 characters: letters, digits, - and _' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, { message: '部门代码应为 2–32 位大写字母、数字、- 或 _' })
  code!: string;

  @Field()
  @Length(1, 100, { message: '部门名称应为 1–100 个字符' })
  @Matches(NO_CONTROL_CHARS, { message: '部门名称不能包含控制字符' })
  name!: string;

  @Field(() => DepartmentKind)
  @IsEnum(DepartmentKind, { message: '部门类别无效' })
  kind!: DepartmentKind;
}

@InputType({ description: 'Department change (修改部门)' })
export class UpdateDepartmentInput implements UpdateDepartmentCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '部门 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '部门名称应为 1–100 个字符' })
  @Matches(NO_CONTROL_CHARS, { message: '部门名称不能包含控制字符' })
  name?: string;

  @Field(() => DepartmentKind, { nullable: true })
  @IsOptional()
  @IsEnum(DepartmentKind, { message: '部门类别无效' })
  kind?: DepartmentKind;
}

@InputType({ description: 'New user (新建用户)' })
export class CreateUserInput implements CreateUserCommand {
  @Field({ description: '3–64 characters: lower-case letters, digits, . _ -' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '登录名应为 3–64 位小写字母、数字或 . _ -，且以字母或数字开头' })
  username!: string;

  @Field()
  @Length(1, 100, { message: '姓名应为 1–100 个字符' })
  @Matches(NO_CONTROL_CHARS, { message: '姓名不能包含控制字符' })
  displayName!: string;

  @Field(() => ID)
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId!: string;

  @Field(() => [Role])
  @ArrayMaxSize(5)
  @ArrayUnique({ message: '角色不能重复' })
  @IsEnum(Role, { each: true, message: '角色无效' })
  roles!: Role[];

  @Field({ description: 'Initial password: at least 10 characters with letters and digits' })
  @Length(1, 128, { message: '密码长度不能超过 128 个字符' })
  password!: string;
}

@InputType({ description: 'User change (修改用户)' })
export class UpdateUserInput implements UpdateUserCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '用户 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '姓名应为 1–100 个字符' })
  @Matches(NO_CONTROL_CHARS, { message: '姓名不能包含控制字符' })
  displayName?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string;
}

@InputType({ description: 'Set a user’s roles (设置角色)' })
export class SetUserRolesInput implements SetUserRolesCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '用户 id 格式无效' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field(() => [Role])
  @ArrayMaxSize(5)
  @ArrayUnique({ message: '角色不能重复' })
  @IsEnum(Role, { each: true, message: '角色无效' })
  roles!: Role[];
}

@InputType({ description: 'Activate or deactivate (启用/停用)' })
export class SetActiveInput implements SetActiveCommand {
  @Field(() => ID)
  @IsUUID('all', { message: 'id 格式无效' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  version!: number;

  @Field()
  @IsBoolean()
  active!: boolean;
}

@InputType({ description: 'Reset a user’s password (重置密码)' })
export class ResetPasswordInput implements ResetPasswordCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '用户 id 格式无效' })
  id!: string;

  @Field()
  @Length(1, 128, { message: '密码长度不能超过 128 个字符' })
  newPassword!: string;
}

@InputType({ description: 'Change one’s own password (修改本人密码)' })
export class ChangePasswordInput implements ChangePasswordCommand {
  @Field()
  @Length(1, 128)
  currentPassword!: string;

  @Field()
  @Length(1, 128, { message: '密码长度不能超过 128 个字符' })
  newPassword!: string;
}

@ArgsType()
export class LoginArgs implements LoginCommand {
  @Field()
  @Length(1, 200, { message: '请输入登录名' })
  username!: string;

  @Field()
  @Length(1, 200, { message: '请输入密码' })
  password!: string;
}

@InputType({ description: 'User list filter (用户筛选)' })
export class UserFilter implements UserListFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式无效' })
  departmentId?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: 'Substring of username or display name' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
