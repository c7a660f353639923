import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One version of a year's holiday arrangement as an admin loaded it (节假日安排版本), through the API
 * or the CLI. Append-only: a correction is a new version (with its reason), a withdrawal too; the
 * newest version of a year is in force. The database refuses UPDATE, DELETE and TRUNCATE (trigger in
 * the migration; the server's role may only insert and read), and every insert notifies the
 * running servers (`calendar_year_changed`) so they use it at once.
 */
@Entity({ tableName: 'calendar_year_version' })
@Unique({ properties: ['year', 'version'] })
export class CalendarYearVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'smallint' })
  year!: number;

  /** 1, 2, … per year. */
  @Property({ type: 'integer' })
  version!: number;

  /** Days off: date → published name (元旦, 春节 …). */
  @Property({ type: 'json' })
  holidays!: Record<string, string>;

  /** Weekend days worked (调休上班): date → name. */
  @Property({ type: 'json' })
  workdays!: Record<string, string>;

  /** A withdrawal: from this version on the year falls back to CALENDAR_DATA_FILE, the package, or no data. */
  @Property({ type: 'boolean' })
  withdrawn: boolean = false;

  /** Why it replaces or withdraws the year's data (required then), or a note. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** SHA-256 of the arrangement (canonical JSON), for the audit record. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'uuid', nullable: true })
  loadedById?: string | null;

  /** The admin's user name, or "system" for the CLI. */
  @Property({ type: 'string', length: 64 })
  loadedBy!: string;

  @Property({ type: 'datetime' })
  loadedAt!: Date;
}
