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

export const ChangePasswordPayload = Payload('ChangePasswordPayload', 'The user after the password change, and a fresh token: every earlier token of the user stops working (修改密码结果)', {
  user: { type: () => User },
  token: { type: () => String, description: 'New bearer token for this session' },
  expiresAt: { type: () => Date },
});
export const LogoutPayload = Payload('LogoutPayload', 'The user whose token(s) were logged out (退出登录结果)', {
  user: { type: () => User },
  loggedOutAt: { type: () => Date, description: 'From this moment the token(s) are refused' },
});
