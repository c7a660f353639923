import type { Role } from '../core/roles';
import type { DepartmentKind } from './department.enums';

/** Plain commands the identity services take; the GraphQL inputs satisfy them. */

export interface LoginCommand {
  username: string;
  password: string;
}

export interface ChangePasswordCommand {
  currentPassword: string;
  newPassword: string;
}

/** A change of a department or user the caller read at `version` (stale: CONFLICT). */
export interface VersionedCommand {
  id: string;
  version: number;
}

export interface SetActiveCommand extends VersionedCommand {
  active: boolean;
}

export interface CreateDepartmentCommand {
  code: string;
  name: string;
  kind: DepartmentKind;
}

export interface UpdateDepartmentCommand extends VersionedCommand {
  name?: string | null;
  kind?: DepartmentKind | null;
}

export interface CreateUserCommand {
  username: string;
  displayName: string;
  departmentId: string;
  roles: Role[];
  password: string;
}

export interface UpdateUserCommand extends VersionedCommand {
  displayName?: string | null;
  departmentId?: string | null;
}

export interface SetUserRolesCommand extends VersionedCommand {
  roles: Role[];
}

export interface ResetPasswordCommand {
  id: string;
  newPassword: string;
}

/** CLI: the first administrator and their department, on an empty database. */
export interface BootstrapAdminCommand {
  username: string;
  displayName: string;
  password: string;
  departmentCode: string;
  departmentName: string;
}

export interface UserListFilter {
  departmentId?: string | null;
  role?: Role | null;
  active?: boolean | null;
  search?: string | null;
}
