import { CreateUserDocument, ReviewAdvisorsDocument, Role, SetUserActiveDocument } from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

/**
 * The advisors a review may be assigned to (R-LR-3): the console's assignment form offers them, so
 * a legal advisor — who may not list users — sees exactly the accounts assignReview accepts.
 */
describe('reviewAdvisors', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['advisor', 'drafter', 'admin']));
  });
  afterAll(() => h.close());

  it('lists the active legal advisors, by username, to advisors and admins only', async () => {
    const second = expectOk(
      await h.gql(
        CreateUserDocument,
        { input: { username: 'zhang.lawyer', displayName: '张律师', departmentId: dept.FLGW!, roles: [Role.LegalAdvisor], password: 'Zhang-Lawyer-2026' } },
        { token: t.admin! },
      ),
    ).createUser.user;
    const gone = expectOk(
      await h.gql(
        CreateUserDocument,
        { input: { username: 'former.lawyer', displayName: '前任律师', departmentId: dept.FLGW!, roles: [Role.LegalAdvisor], password: 'Former-Lawyer-2026' } },
        { token: t.admin! },
      ),
    ).createUser.user;
    expectOk(await h.gql(SetUserActiveDocument, { input: { id: gone.id, version: gone.version, active: false } }, { token: t.admin! }));

    const listed = expectOk(await h.gql(ReviewAdvisorsDocument, {}, { token: t.advisor! })).reviewAdvisors;
    expect(listed.map((u) => u.username)).toEqual(['advisor', 'zhang.lawyer']);
    expect(listed.every((u) => u.roles.includes(Role.LegalAdvisor))).toBe(true);
    expect(expectOk(await h.gql(ReviewAdvisorsDocument, {}, { token: t.admin! })).reviewAdvisors.map((u) => u.id)).toContain(second.id);

    expectError(await h.gql(ReviewAdvisorsDocument, {}, { token: t.drafter! }), 'FORBIDDEN');
  });
});
