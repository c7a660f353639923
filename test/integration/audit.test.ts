import { AuditSubjectType, AuditTrailDocument, UpdateDepartmentDocument, DepartmentsDocument, VerifyAuditChainDocument } from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

describe('audit trail', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    // the server's role holds no such privilege; the trigger refuses the superuser too
    await expect(h.sql(`update audit_event set action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(h.superSql(`update audit_event set action = 'x'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(h.superSql(`delete from audit_event`)).rejects.toThrow(/append-only: DELETE/);
    await expect(h.superSql(`truncate audit_event`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('records the seed and verifies an intact chain', async () => {
    const report = expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain;
    expect(report.ok).toBe(true);
    expect(report.checkedCount).toBeGreaterThanOrEqual(19); // 13 departments + 6 users seeded
  });

  it('reports the first event altered by a superuser who bypassed the trigger', async () => {
    const depts = expectOk(await h.gql(DepartmentsDocument, { first: 1 }, { token: admin })).departments.edges[0]!.node;
    expectOk(await h.gql(UpdateDepartmentDocument, { input: { id: depts.id, version: depts.version, name: '改名一' } }, { token: admin }));
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.Department, subjectId: depts.id }, { token: admin })).auditTrail;
    const target = trail.edges[trail.edges.length - 1]!.node;
    expect(target.after).toMatchObject({ name: '改名一' });

    // A superuser disables triggers for the session and rewrites history.
    await h.superSql(`
      begin;
      set local session_replication_role = replica;
      update audit_event set after = jsonb_set(after, '{name}', '"篡改"') where id = ${Number(target.id)};
      commit;`);
    const rows = await h.sql<{ after: { name: string } }>('select after from audit_event where id = ?', [target.id]);
    expect(rows[0]!.after.name).toBe('篡改');

    const report = expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain;
    expect(report).toMatchObject({ ok: false, firstBrokenEventId: target.id, reason: 'HASH_MISMATCH' });
  });

  it('is for admins only', async () => {
    const drafter = await h.login('drafter');
    expectError(await h.gql(VerifyAuditChainDocument, {}, { token: drafter }), 'FORBIDDEN');
    expectError(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.User, subjectId: 'x' }, { token: drafter }), 'FORBIDDEN');
    // not one of the audited kinds of record: refused before anything runs
    expectError(await h.gql(AuditTrailDocument, { subjectType: "User'; --" as AuditSubjectType, subjectId: 'x' }, { token: admin }), 'BAD_USER_INPUT');
    expectError(await h.gql(AuditTrailDocument, { subjectType: 'User' as AuditSubjectType, subjectId: 'x' }, { token: admin }), 'BAD_USER_INPUT');
  });
});
