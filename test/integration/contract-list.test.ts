import { ContractsDocument, CreateContractDocument, RequestContractReviewDocument } from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { addContractPackage, CONTRACT_FACTS } from '../support/packages';

/**
 * The contract register as a list (合同登记), which the console's drafter screens read: each
 * drafter sees only their own department's contracts, the cross-department roles see all, the
 * filter narrows by text, pages are keyset pages, and each contract leads to its review requests.
 */
describe('contracts list', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor']));
    for (const [key, user, title, counterparty] of [
      ['a', 'drafter', '电竞场馆租赁合同', '广州某文体公司'],
      ['b', 'drafter', '产业园物业服务合同', '广州某物业公司'],
      ['c', 'drafter2', '餐饮油烟净化设施采购合同', '广州某环保科技有限公司'],
    ] as const) {
      ids[key] = expectOk(
        await h.gql(CreateContractDocument, { input: { title, counterparty, amount: '1000.00', text: `${title}正文`, ...CONTRACT_FACTS } }, { token: t[user]! }),
      ).createContract.contract.id;
    }
    await addContractPackage(h, t.drafter!, ids.a!);
    expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId: ids.a! } }, { token: t.drafter! }));
  });
  afterAll(() => h.close());

  it('shows a drafter only their own department’s contracts, newest code first, with their department and reviews', async () => {
    const list = expectOk(await h.gql(ContractsDocument, { first: 10 }, { token: t.drafter! })).contracts;
    expect(list.totalCount).toBe(2);
    expect(list.nodes.map((c) => c.id)).toEqual([ids.b, ids.a]);
    expect(list.nodes.every((c) => c.department.code === 'JJFZ')).toBe(true);
    expect(list.nodes.find((c) => c.id === ids.a)!.reviewRequests).toEqual([expect.objectContaining({ status: 'SUBMITTED' })]);
    expect(list.nodes.find((c) => c.id === ids.b)!.reviewRequests).toEqual([]);

    const other = expectOk(await h.gql(ContractsDocument, { first: 10 }, { token: t.drafter2! })).contracts;
    expect(other.nodes.map((c) => c.id)).toEqual([ids.c]);
  });

  it('refuses a drafter another department’s list, and shows the cross-department roles every contract', async () => {
    expectError(await h.gql(ContractsDocument, { first: 10, filter: { departmentId: dept.CGZF! } }, { token: t.drafter! }), 'FORBIDDEN');
    const all = expectOk(await h.gql(ContractsDocument, { first: 10 }, { token: t.advisor! })).contracts;
    expect(new Set(all.nodes.map((c) => c.id))).toEqual(new Set(Object.values(ids)));
    const cgzf = expectOk(await h.gql(ContractsDocument, { first: 10, filter: { departmentId: dept.CGZF! } }, { token: t.advisor! })).contracts;
    expect(cgzf.nodes.map((c) => c.id)).toEqual([ids.c]);
  });

  it('filters by title, code or counterparty and pages by cursor', async () => {
    const byCounterparty = expectOk(await h.gql(ContractsDocument, { first: 10, filter: { search: '物业' } }, { token: t.drafter! })).contracts;
    expect(byCounterparty.nodes.map((c) => c.id)).toEqual([ids.b]);
    const first = expectOk(await h.gql(ContractsDocument, { first: 1 }, { token: t.drafter! })).contracts;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectOk(await h.gql(ContractsDocument, { first: 1, after: first.pageInfo.endCursor }, { token: t.drafter! })).contracts;
    expect([...first.nodes, ...second.nodes].map((c) => c.id)).toEqual([ids.b, ids.a]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
