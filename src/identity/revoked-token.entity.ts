import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * A token ended by `logout` (退出登录), kept until it would have expired anyway. Each request's
 * user load checks it in the same statement (SignInService.authenticate).
 */
@Entity({ tableName: 'revoked_token' })
export class RevokedToken {
  /** The token's `jti`. */
  @PrimaryKey({ type: 'uuid' })
  jti!: string;

  @Index()
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'datetime' })
  revokedAt!: Date;

  /** The token's own expiry: after it the row is of no use and is cleared. */
  @Index()
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
