import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Failed-login bookkeeping per username (known or not), so guessing is slowed down. */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 64 })
  username!: string;

  @Property({ type: 'integer' })
  failures: number = 0;

  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
