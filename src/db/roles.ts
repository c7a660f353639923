import { Client } from 'pg';

/**
 * The two database roles of a deployment (issue #10): the OWNER owns the schema and runs the
 * migrations; the APP role is what the server connects as for every request. The app role is no
 * superuser, owns nothing and is not a member of the owner, so it cannot disable a trigger, drop
 * a table or grant itself more; what it may do is granted table by table (privileges.ts).
 */
export interface RoleLogin {
  name: string;
  password: string;
}

export interface DatabaseRoles {
  owner: RoleLogin;
  app: RoleLogin;
}

/** Role names on the embedded PostgreSQL. */
export const EMBEDDED_ROLE_NAMES = { owner: 'yunhu_owner', app: 'yunhu_app' } as const;

/** Neither role may do more than log in: no superuser, no role or database creation, no RLS bypass. */
const ATTRIBUTES = 'login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls';

/** The URL of `server` (any database) for `role` on `database`. */
export function roleUrl(serverUrl: string, role: RoleLogin, database: string): string {
  const url = new URL(serverUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * As a superuser, idempotently (run at every start of the embedded database, and by the test
 * harness on any server): creates both roles or resets their attributes and passwords; creates the
 * database owned by the owner role, or hands an existing one over to it together with every table,
 * sequence, view, function and type of its public schema (databases created before issue #10 were
 * owned by the superuser); lets the app role connect and use the schema, and nobody else create in it.
 */
export async function provisionDatabase(superUrl: string, database: string, roles: DatabaseRoles): Promise<void> {
  const admin = new Client({ connectionString: superUrl });
  await admin.connect();
  const owner = admin.escapeIdentifier(roles.owner.name);
  const app = admin.escapeIdentifier(roles.app.name);
  try {
    for (const role of [roles.owner, roles.app]) {
      const exists = (await admin.query('select 1 from pg_roles where rolname = $1', [role.name])).rowCount! > 0;
      await admin.query(`${exists ? 'alter' : 'create'} role ${admin.escapeIdentifier(role.name)} with ${ATTRIBUTES} password ${admin.escapeLiteral(role.password)}`);
    }
    // The app role must not inherit (or be able to SET ROLE to) anything another role may do.
    const memberOf = await admin.query<{ rolname: string }>(
      `select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member where u.rolname = $1`,
      [roles.app.name],
    );
    for (const g of memberOf.rows) await admin.query(`revoke ${admin.escapeIdentifier(g.rolname)} from ${app}`);
    const db = await admin.query<{ owner: string }>(
      'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
      [database],
    );
    if (db.rowCount === 0) {
      await admin.query(`create database ${admin.escapeIdentifier(database)} owner ${owner} encoding 'UTF8' template template0`);
    } else if (db.rows[0]!.owner !== roles.owner.name) {
      await admin.query(`alter database ${admin.escapeIdentifier(database)} owner to ${owner}`);
    }
    await admin.query(`grant connect, temporary on database ${admin.escapeIdentifier(database)} to ${app}`);
  } finally {
    await admin.end();
  }

  const url = new URL(superUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  const inDb = new Client({ connectionString: url.toString() });
  await inDb.connect();
  try {
    await inDb.query('begin');
    await inDb.query(`alter schema public owner to ${owner}`);
    await inDb.query('revoke create on schema public from public');
    await inDb.query(`grant usage on schema public to ${app}`);
    await inDb.query(transferOwnershipSql(roles.owner.name));
    await inDb.query('commit');
  } catch (e) {
    await inDb.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await inDb.end();
  }
}

/** Hands every object of the public schema not yet owned by `owner` over to it (one DO block). */
function transferOwnershipSql(owner: string): string {
  const o = owner.replace(/'/g, "''");
  return `do $$
declare
  r record;
  target oid := (select oid from pg_roles where rolname = '${o}');
begin
  -- tables, views and sequences of their own (a serial or identity sequence follows its table)
  for r in
    select c.oid::regclass::text as name,
           case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                          when 'f' then 'foreign table' else 'table' end as kind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and c.relowner <> target
       and not (c.relkind = 'S' and exists (
             select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')))
     order by c.relkind <> 'S' desc
  loop
    execute format('alter %s %s owner to %I', r.kind, r.name, '${o}');
  end loop;
  for r in
    select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prokind in ('f', 'p') and p.proowner <> target
  loop
    execute format('alter routine %s owner to %I', r.sig, '${o}');
  end loop;
  for r in
    select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = 'public' and t.typtype in ('e', 'd') and t.typowner <> target
  loop
    execute format('alter type %s owner to %I', r.name, '${o}');
  end loop;
end $$;`;
}
