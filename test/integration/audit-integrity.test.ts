import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DepartmentsDocument, UpdateDepartmentDocument, VerifyAuditChainDocument } from '../__generated__/graphql';
import { eventHash, GENESIS_HASH } from '../../src/audit/chain';
import { runCli } from '../support/cli';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Issue #10, finding 5: an audit trail a database superuser cannot quietly rewrite. The server's
 * own connection cannot change the record at all; a superuser who can is caught by the keyed
 * chain and the checkpoints kept outside the database.
 */

const APPEND_ONLY = ['audit_event', 'text_version', 'material', 'meeting_correction', 'directory_adjustment', 'calendar_year_version'];

async function renameDepartments(h: Harness, token: string, names: string[]): Promise<void> {
  const dept = expectOk(await h.gql(DepartmentsDocument, { first: 1 }, { token })).departments.edges[0]!.node;
  let version = dept.version;
  for (const name of names) {
    version = expectOk(await h.gql(UpdateDepartmentDocument, { input: { id: dept.id, version, name } }, { token })).updateDepartment.department.version;
  }
}

async function verify(h: Harness, token: string) {
  return expectOk(await h.gql(VerifyAuditChainDocument, {}, { token })).verifyAuditChain;
}

async function checkpoint(h: Harness): Promise<{ headId: string; count: number }> {
  const res = await runCli(['audit-checkpoint'], h.dbUrl, h.cliEnv);
  if (res.status !== 0) throw new Error(`audit-checkpoint failed (${res.status}): ${res.stderr}${res.stdout}`);
  const json = res.stdout.slice(res.stdout.indexOf('{'));
  return JSON.parse(json.slice(0, json.lastIndexOf('}') + 1)) as { headId: string; count: number };
}

/** As a superuser, with every trigger off for the transaction: what a malicious operator can do. */
function asSuperuserWithoutTriggers(h: Harness, statements: string): Promise<unknown> {
  return h.superSql(`begin; set local session_replication_role = replica; ${statements}; commit;`);
}

describe("the server's database role", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('is neither a superuser nor able to create roles or databases, and owns no table', async () => {
    const [me] = await h.sql<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      `select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = current_user`,
    );
    expect(me).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await h.sql(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and pg_has_role(current_user, c.relowner, 'USAGE')`,
    );
    expect(owned).toEqual([]);
  });

  it('is refused DELETE, UPDATE and TRUNCATE on audit_event, and cannot disable or drop its triggers', async () => {
    await expect(h.sql(`delete from audit_event where id = (select max(id) from audit_event)`)).rejects.toThrow(/permission denied/);
    await expect(h.sql(`update audit_event set action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(h.sql(`truncate audit_event`)).rejects.toThrow(/permission denied/);
    await expect(h.sql(`alter table audit_event disable trigger all`)).rejects.toThrow(/must be owner/);
    await expect(h.sql(`alter table audit_event disable trigger audit_event_no_update_delete`)).rejects.toThrow(/must be owner/);
    await expect(h.sql(`drop trigger audit_event_no_update_delete on audit_event`)).rejects.toThrow(/must be owner/);
    await expect(h.sql(`set session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(h.sql(`create table sneaky (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('may only add to and read the append-only records, and may truncate, reference or add triggers to no table', async () => {
    const rows = await h.sql<{ t: string; sel: boolean; ins: boolean; upd: boolean; del: boolean }>(
      `select t, has_table_privilege(t, 'SELECT') as sel, has_table_privilege(t, 'INSERT') as ins,
              has_table_privilege(t, 'UPDATE') as upd, has_table_privilege(t, 'DELETE') as del
         from unnest(string_to_array(?, ',')) t order by t`,
      [APPEND_ONLY.join(',')],
    );
    expect(rows).toEqual([...APPEND_ONLY].sort().map((t) => ({ t, sel: true, ins: true, upd: false, del: false })));
    for (const t of APPEND_ONLY.filter((x) => x !== 'audit_event')) {
      await expect(h.sql(`update ${t} set id = id`)).rejects.toThrow(/permission denied/);
      await expect(h.sql(`delete from ${t}`)).rejects.toThrow(/permission denied/);
    }
    const dangerous = await h.sql(
      `select c.relname, p.priv from pg_class c join pg_namespace n on n.oid = c.relnamespace
         cross join unnest(array['TRUNCATE', 'REFERENCES', 'TRIGGER']) p(priv)
        where n.nspname = 'public' and c.relkind = 'r' and has_table_privilege(c.oid, p.priv)`,
    );
    expect(dangerous).toEqual([]);
    const [migrations] = await h.sql<{ ins: boolean }>(`select has_table_privilege('mikro_orm_migrations', 'INSERT') as ins`);
    expect(migrations!.ins).toBe(false);
  });

  it('still records every audited change, and the triggers hold even for the superuser', async () => {
    const admin = await h.login('admin');
    await renameDepartments(h, admin, ['改名一']);
    expect(await verify(h, admin)).toMatchObject({ ok: true });
    await expect(h.superSql(`update audit_event set action = 'x'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(h.superSql(`delete from audit_event`)).rejects.toThrow(/append-only: DELETE/);
    await expect(h.superSql(`truncate audit_event`)).rejects.toThrow(/append-only: TRUNCATE/);
  });
});

describe('the audit chain, anchored outside the database', () => {
  let h: Harness;
  let admin: string;
  beforeEach(async () => {
    h = await startHarness();
    admin = await h.login('admin');
  });
  afterEach(() => h.close());

  it('seals each new event with a keyed HMAC and names the key, so it cannot be recomputed from the table', async () => {
    await renameDepartments(h, admin, ['改名一']);
    const [e] = await h.sql<Record<string, unknown>>(`select * from audit_event order by id desc limit 1`);
    expect(e!.key_id).toEqual(expect.stringMatching(/^[A-Za-z0-9._-]+$/));
    const plain = eventHash(e!.prev_hash as string, {
      occurredAt: new Date(e!.occurred_at as string),
      actorId: e!.actor_id as string,
      actorUsername: e!.actor_username as string,
      action: e!.action as string,
      subjectType: e!.subject_type as string,
      subjectId: e!.subject_id as string,
      before: e!.before,
      after: e!.after,
    });
    expect(e!.hash).not.toBe(plain);
  });

  it('detects a superuser who deletes the newest events after a checkpoint (CLI and GraphQL)', async () => {
    await renameDepartments(h, admin, ['改名一', '改名二', '改名三']);
    const cp = await checkpoint(h);
    expect(readdirSync(h.checkpointDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(await verify(h, admin)).toMatchObject({ ok: true, checkpointsChecked: 1, latestCheckpoint: { headId: cp.headId, count: cp.count } });

    await asSuperuserWithoutTriggers(h, `delete from audit_event where id in (select id from audit_event order by id desc limit 2)`);
    // The chain that is left is internally consistent: only the checkpoint knows it was longer.
    const report = await verify(h, admin);
    expect(report).toMatchObject({ ok: false, reason: 'CHECKPOINT_HEAD_MISSING', firstBrokenEventId: cp.headId });

    const cli = await runCli(['audit-verify'], h.dbUrl, h.cliEnv);
    expect(cli.status).toBe(2);
    expect(cli.stdout).toContain('CHECKPOINT_HEAD_MISSING');

    // A new checkpoint of the shortened chain warns, and hides nothing: the older one still counts.
    const next = await runCli(['audit-checkpoint'], h.dbUrl, h.cliEnv);
    expect(next.status).toBe(2);
    expect(next.stderr).toContain('CHECKPOINT_HEAD_MISSING');
    expect(await verify(h, admin)).toMatchObject({ ok: false, reason: 'CHECKPOINT_HEAD_MISSING', checkpointsChecked: 2 });
  }, 180_000); // three CLI runs

  it('detects a superuser who edits an event and re-chains the whole trail with plain SHA-256', async () => {
    await renameDepartments(h, admin, ['改名一']);
    await checkpoint(h);
    const events = await h.superSql<Record<string, unknown>>(`select * from audit_event order by id`);
    const hasKeyId = 'key_id' in events[0]!;
    let prev = GENESIS_HASH;
    const updates: string[] = [];
    for (const [i, e] of events.entries()) {
      const after = i === 2 ? { ...(e.after as object), name: '篡改' } : e.after;
      const hash = eventHash(prev, {
        occurredAt: e.occurred_at as Date,
        actorId: e.actor_id as string,
        actorUsername: e.actor_username as string,
        action: e.action as string,
        subjectType: e.subject_type as string,
        subjectId: e.subject_id as string,
        before: e.before,
        after,
      });
      updates.push(
        `update audit_event set after = '${JSON.stringify(after)}'::jsonb, prev_hash = '${prev}', hash = '${hash}'${hasKeyId ? ', key_id = null' : ''} where id = ${e.id}`,
      );
      prev = hash;
    }
    await asSuperuserWithoutTriggers(h, updates.join(';\n'));
    const report = await verify(h, admin);
    expect(report).toMatchObject({ ok: false, reason: 'CHECKPOINT_MISMATCH' });
  });

  it('detects a re-chain of the newest events only, even before the next checkpoint', async () => {
    await renameDepartments(h, admin, ['改名一', '改名二']);
    const events = await h.superSql<Record<string, unknown>>(`select * from audit_event order by id desc limit 1`);
    const e = events[0]!;
    const after = { ...(e.after as object), name: '篡改' };
    const hash = eventHash(e.prev_hash as string, {
      occurredAt: e.occurred_at as Date,
      actorId: e.actor_id as string,
      actorUsername: e.actor_username as string,
      action: e.action as string,
      subjectType: e.subject_type as string,
      subjectId: e.subject_id as string,
      before: e.before,
      after,
    });
    await asSuperuserWithoutTriggers(
      h,
      `update audit_event set after = '${JSON.stringify(after)}'::jsonb, hash = '${hash}'${'key_id' in e ? ', key_id = null' : ''} where id = ${e.id}`,
    );
    expect(await verify(h, admin)).toMatchObject({ ok: false, reason: 'UNSIGNED_AFTER_SIGNED', firstBrokenEventId: String(e.id) });
  });

  it('refuses a checkpoint file that was altered', async () => {
    await renameDepartments(h, admin, ['改名一']);
    await checkpoint(h);
    const file = path.join(h.checkpointDir, readdirSync(h.checkpointDir).find((f) => f.endsWith('.json'))!);
    const cp = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...cp, count: cp.count - 1 }));
    expect(await verify(h, admin)).toMatchObject({ ok: false, reason: 'CHECKPOINT_INVALID' });
  });
});
