import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { Department } from './department.entity';
import { User } from './user.entity';

@ObjectType({ description: 'Result of a successful login (登录结果)' })
export class LoginPayload {
  @Field({ description: 'Bearer token for the Authorization header' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

export const DepartmentConnection = ConnectionType(Department, 'Department');
export const UserConnection = ConnectionType(User, 'User');

export const UserPayload = Payload('UserPayload', 'A user after the change (用户)', { user: { type: () => User } });
export const DepartmentPayload = Payload('DepartmentPayload', 'A department after the change (部门)', { department: { type: () => Department } });
