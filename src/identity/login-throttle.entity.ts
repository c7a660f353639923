import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Login attempts per username (known or not), so guessing is slowed down. Each attempt is reserved
 * here before its password is checked (src/identity/login-throttle.ts); a success removes the row.
 */
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

/**
 * Failed (and in-flight) login attempts per client address (an IPv4 address, or the /64 of an IPv6
 * one), so spraying one password over many usernames is slowed down too. Successes are not counted.
 */
@Entity({ tableName: 'login_address_throttle' })
export class LoginAddressThrottle {
  @PrimaryKey({ type: 'string', length: 64 })
  address!: string;

  @Property({ type: 'integer' })
  failures: number = 0;

  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
