import { randomUUID } from 'node:crypto';
import { UsersDocument } from '../__generated__/graphql';
import { expectOk, startHarness, type Harness } from '../support/harness';

/** Performance invariants as statement counts, never times (times live in the benchmark). */
describe('statement counts', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin');
    // 60 more users spread over every department, inserted directly: this is about reading.
    const depts = await h.sql<{ id: string }>('select id from department');
    const now = new Date().toISOString();
    for (let i = 0; i < 60; i++) {
      await h.sql(
        `insert into app_user (id, username, display_name, department_id, roles, active, password_hash, version, created_at, updated_at)
         values (?, ?, ?, ?, '{DRAFTER}', true, 'x', 1, ?, ?)`,
        [randomUUID(), `bulk${String(i).padStart(3, '0')}`, `批量${i}`, depts[i % depts.length]!.id, now, now],
      );
    }
  });
  afterAll(() => h.close());

  async function countFor(first: number): Promise<number> {
    h.statements.reset();
    const data = expectOk(await h.gql(UsersDocument, { first }, { token: admin }));
    expect(data.users.edges).toHaveLength(first);
    expect(data.users.edges.every((e) => e.node.department.name.length > 0)).toBe(true);
    return h.statements.count;
  }

  it('lists 5 and 50 users with their departments in the same number of statements', async () => {
    const five = await countFor(5);
    const fifty = await countFor(50);
    expect(fifty).toBe(five);
    // authenticate (1) + page (1) + count (1) + departments in one batch (1)
    expect(five).toBe(4);
  });
});
