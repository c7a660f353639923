import { Client } from 'pg';

/**
 * What the server's own role (the app role) may do, table by table (issue #10). Applied by the
 * owner after every migration run, so a table added by a later migration gets its grants at once.
 *
 * Every table of the schema: SELECT, INSERT, UPDATE, DELETE — never TRUNCATE, REFERENCES or
 * TRIGGER. The append-only records below: SELECT and INSERT only, so the server cannot change or
 * remove a row even if its connection is abused; their triggers (which the app role, owning
 * nothing, cannot disable) hold everyone else to the same rule. The migration log and the change
 * generations: SELECT only.
 */
export const APPEND_ONLY_TABLES = ['audit_event', 'text_version', 'material', 'meeting_correction', 'directory_adjustment', 'calendar_year_version'] as const;

/** Tables the app role only reads: the migration log; the change generations (raised by their triggers, which run as the owner). */
export const READ_ONLY_TABLES = ['mikro_orm_migrations', 'change_generation'] as const;

/** The grant statements, for `appRole`, over the tables that exist now. */
export function grantStatements(appRole: string, existing: ReadonlySet<string>, ident: (s: string) => string): string[] {
  const app = ident(appRole);
  const only = (tables: readonly string[]) => tables.filter((t) => existing.has(t)).map(ident).join(', ');
  const out = [
    `revoke all on all tables in schema public from public, ${app}`,
    `revoke all on all sequences in schema public from public, ${app}`,
    `grant usage on schema public to ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
  ];
  const appendOnly = only(APPEND_ONLY_TABLES);
  if (appendOnly) out.push(`revoke update, delete on ${appendOnly} from ${app}`);
  const readOnly = only(READ_ONLY_TABLES);
  if (readOnly) out.push(`revoke insert, update, delete on ${readOnly} from ${app}`);
  return out;
}

/** As the owner (`owner`, a connected client): brings the app role's privileges to what this module says, in one transaction. */
export async function grantAppPrivileges(owner: Client, appRole: string): Promise<void> {
  try {
    await owner.query('begin');
    const tables = await owner.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public'`);
    for (const sql of grantStatements(appRole, new Set(tables.rows.map((r) => r.t)), (s) => owner.escapeIdentifier(s))) await owner.query(sql);
    await owner.query('commit');
  } catch (e) {
    await owner.query('rollback').catch(() => undefined);
    throw e;
  }
}

/** The role a connection acts as. */
export async function currentRole(c: Client): Promise<string> {
  return (await c.query<{ name: string }>(`select current_user as name`)).rows[0]!.name;
}

export interface RoleReport {
  name: string;
  /** Why this role could rewrite the record (empty when it cannot). */
  problems: string[];
}

/**
 * What the role of the connection `c` could do to the append-only records: be a superuser, own (or
 * be a member of the owner of) one of them, or hold UPDATE, DELETE or TRUNCATE on one. Read once at
 * start-up, after the grants; the server warns about each problem.
 */
export async function inspectRole(c: Client): Promise<RoleReport> {
  const me = await c.query<{ name: string; superuser: boolean }>(
    `select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  const problems: string[] = [];
  if (me.rows[0]!.superuser) problems.push('is a superuser (can disable triggers and rewrite any record)');
  const rows = await c.query<{ t: string; owner: boolean; upd: boolean; del: boolean; trunc: boolean }>(
    `select c.relname as t, pg_has_role(current_user, c.relowner, 'USAGE') as owner,
            has_table_privilege(c.oid, 'UPDATE') as upd, has_table_privilege(c.oid, 'DELETE') as del,
            has_table_privilege(c.oid, 'TRUNCATE') as trunc
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname = any($1)`,
    [[...APPEND_ONLY_TABLES]],
  );
  if (!me.rows[0]!.superuser) {
    for (const r of rows.rows) {
      if (r.owner) problems.push(`owns ${r.t} (can disable its triggers)`);
      else if (r.upd || r.del || r.trunc) problems.push(`may change or remove rows of ${r.t}`);
    }
  }
  return { name: me.rows[0]!.name, problems };
}
