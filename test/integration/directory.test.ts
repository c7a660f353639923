import {
  AddDirectoryItemDocument,
  AdjustDirectoryDocument,
  AdjustmentKind,
  CreateDirectoryDocument,
  DecisionCategory,
  DirectoryByYearDocument,
  DirectoryDocument,
  DirectoryItemsPageDocument,
  PublishDirectoryDocument,
  RecordPartyApprovalDocument,
  UpdateDirectoryItemDocument,
} from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * The directory's workflow over HTTP: what each state allows (R-DIR-3), the payloads of its
 * mutations, its two lookups and its paged items.
 */
describe('decision directory', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;
  let directory: { id: string; version: number };
  const items: string[] = [];

  /** RULE_VIOLATION with exactly these `rule:code` pairs, database unchanged. */
  async function refused<R>(call: () => Promise<GqlResponse<R>>, expected: string[]) {
    const before = await h.snapshot();
    const err = expectError(await call(), 'RULE_VIOLATION');
    const violations = err.extensions!.violations as { rule: string; code: string; message: string }[];
    expect(violations.map((v) => `${v.rule}:${v.code}`)).toEqual(expected);
    for (const v of violations) expect(v.message).toContain(`(${v.rule})`);
    expect(await h.snapshot()).toEqual(before);
  }

  const itemContent = (title: string, quarter = 2) => ({
    title,
    category: DecisionCategory.PublicPolicy,
    sponsorDepartmentId: dept.JJFZ!,
    legalBasis: '《优化营商环境条例》',
    plannedQuarter: quarter,
    reason: '涉及辖区企业切身利益',
  });
  const itemInput = (title: string, quarter = 2) => ({ directoryId: directory.id, ...itemContent(title, quarter) });

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['admin', 'director', 'drafter']));
  });
  afterAll(() => h.close());

  it('creates one directory a year (R-DIR-1) and returns it in a payload', async () => {
    const created = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '2026年度目录' } }, { token: t.director! })).createDirectory.directory;
    expect(created).toMatchObject({ year: 2026, status: 'DRAFT', version: 1, items: { totalCount: 0, nodes: [] }, adjustments: { nodes: [] } });
    directory = created;
    await refused(() => h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '重复' } }, { token: t.admin! }), ['R-DIR-1:DIRECTORY_EXISTS']);
    expectError(await h.gql(CreateDirectoryDocument, { input: { year: 2027, title: '经办人' } }, { token: t.drafter! }), 'FORBIDDEN');
  });

  it('adds and edits items while a draft; each payload carries the item and the directory', async () => {
    for (const [i, title] of ['电竞扶持办法', '油烟整治方案', '工业园改造规划'].entries()) {
      const added = expectOk(await h.gql(AddDirectoryItemDocument, { input: itemInput(title) }, { token: t.director! })).addDirectoryItem;
      expect(added.item.seq).toBe(i + 1);
      expect(added.directory.id).toBe(directory.id);
      items.push(added.item.id);
      directory = added.directory;
    }
    const edited = expectOk(
      await h.gql(UpdateDirectoryItemDocument, { input: { ...itemContent('电竞产业扶持办法', 3), itemId: items[0]!, version: 1 } }, { token: t.admin! }),
    ).updateDirectoryItem;
    expect(edited.item).toMatchObject({ id: items[0], title: '电竞产业扶持办法', version: 2 });
    // the item's version moved: a stale one is refused
    expectError(await h.gql(UpdateDirectoryItemDocument, { input: { ...itemContent('覆盖'), itemId: items[0]!, version: 1 } }, { token: t.admin! }), 'CONFLICT');
    await refused(
      () => h.gql(AddDirectoryItemDocument, { input: { ...itemInput('财政预算'), category: DecisionCategory.FiscalMonetary } }, { token: t.director! }),
      ['R-DIR-2:EXCLUDED_CATEGORY'],
    );
    // adjustments are for published directories only
    await refused(
      () => h.gql(AdjustDirectoryDocument, { input: { directoryId: directory.id, kind: AdjustmentKind.Withdraw, itemId: items[1]!, reason: '不再需要' } }, { token: t.director! }),
      ['R-DIR-3:INVALID_STATE'],
    );
  });

  it('looks a directory up by id or by year, and pages its items', async () => {
    const byId = expectOk(await h.gql(DirectoryDocument, { id: directory.id }, { token: t.drafter! })).directory;
    const byYear = expectOk(await h.gql(DirectoryByYearDocument, { year: 2026 }, { token: t.drafter! })).directoryByYear;
    expect(byYear).toEqual(byId);
    expect(byId.items.totalCount).toBe(3);
    expectError(await h.gql(DirectoryDocument, { id: 'not-a-uuid' }, { token: t.drafter! }), 'BAD_USER_INPUT');
    expectError(await h.gql(DirectoryDocument, { id: '00000000-0000-4000-8000-000000000000' }, { token: t.drafter! }), 'NOT_FOUND');
    expectError(await h.gql(DirectoryByYearDocument, { year: 2031 }, { token: t.drafter! }), 'NOT_FOUND');

    const first = expectOk(await h.gql(DirectoryItemsPageDocument, { id: directory.id, first: 2 }, { token: t.drafter! })).directory.items;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.nodes.map((i) => i.seq)).toEqual([1, 2]);
    const rest = expectOk(await h.gql(DirectoryItemsPageDocument, { id: directory.id, first: 2, after: first.pageInfo.endCursor }, { token: t.drafter! })).directory.items;
    expect(rest.nodes.map((i) => i.seq)).toEqual([3]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('publishes once, after the Party agreed; then items are frozen and the agreement too (R-DIR-3)', async () => {
    const d = expectOk(await h.gql(DirectoryDocument, { id: directory.id }, { token: t.director! })).directory;
    await refused(() => h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: t.director! }), ['R-DIR-3:PARTY_APPROVAL_MISSING']);
    const agreed = expectOk(
      await h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn: '2026-01-08', reference: '纪要〔2026〕1号' } }, { token: t.director! }),
    ).recordPartyApproval.directory;
    expect(agreed).toMatchObject({ status: 'DRAFT', partyApprovedAt: '2026-01-08', partyApprovalReference: '纪要〔2026〕1号' });
    const published = expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: agreed.version } }, { token: t.director! })).publishDirectory
      .directory;
    expect(published.status).toBe('PUBLISHED');
    expect(published.availableActions).toEqual([{ action: 'ADJUST_DIRECTORY', label: '调整目录', mutation: 'adjustDirectory', rule: 'R-DIR-3' }]);
    directory = published;

    await refused(() => h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: published.version } }, { token: t.director! }), ['R-DIR-3:INVALID_STATE']);
    await refused(
      () =>
        h.gql(
          RecordPartyApprovalDocument,
          { input: { directoryId: d.id, version: published.version, approvedOn: '2026-01-09', reference: '改' } },
          { token: t.director! },
        ),
      ['R-DIR-3:INVALID_STATE'],
    );
    await refused(() => h.gql(AddDirectoryItemDocument, { input: itemInput('补充事项') }, { token: t.director! }), ['R-DIR-3:INVALID_STATE']);
  });

  it('adjusts a published directory: add, withdraw once, no reschedule of a withdrawn item (R-DIR-3)', async () => {
    const added = expectOk(
      await h.gql(
        AdjustDirectoryDocument,
        { input: { directoryId: directory.id, kind: AdjustmentKind.Add, reason: '年中新增', newItem: itemContent('养老设施布局规划', 4) } },
        { token: t.director! },
      ),
    ).adjustDirectory;
    expect(added.adjustment).toMatchObject({ kind: 'ADD', reason: '年中新增', fromQuarter: null, toQuarter: 4 });
    expect(added.item).toMatchObject({ seq: 4, title: '养老设施布局规划', addedByAdjustment: true, status: 'ACTIVE' });
    expect(added.directory.adjustments.totalCount).toBe(1);

    h.clock.advanceMs(60_000); // adjustments are listed in the order recorded
    const withdrawn = expectOk(
      await h.gql(AdjustDirectoryDocument, { input: { directoryId: directory.id, kind: AdjustmentKind.Withdraw, itemId: items[1]!, reason: '不再需要' } }, { token: t.admin! }),
    ).adjustDirectory;
    expect(withdrawn.item).toMatchObject({ id: items[1], status: 'WITHDRAWN', availableActions: [] });
    expect(withdrawn.directory.adjustments.totalCount).toBe(2);

    await refused(
      () => h.gql(AdjustDirectoryDocument, { input: { directoryId: directory.id, kind: AdjustmentKind.Withdraw, itemId: items[1]!, reason: '再次调出' } }, { token: t.admin! }),
      ['R-DIR-3:INVALID_STATE'],
    );
    await refused(
      () =>
        h.gql(
          AdjustDirectoryDocument,
          { input: { directoryId: directory.id, kind: AdjustmentKind.Reschedule, itemId: items[1]!, toQuarter: 4, reason: '延后' } },
          { token: t.admin! },
        ),
      ['R-DIR-3:INVALID_STATE'],
    );
    expectError(
      await h.gql(AdjustDirectoryDocument, { input: { directoryId: directory.id, kind: AdjustmentKind.Withdraw, itemId: items[2]!, reason: '经办人' } }, { token: t.drafter! }),
      'FORBIDDEN',
    );
    const after = expectOk(await h.gql(DirectoryDocument, { id: directory.id }, { token: t.drafter! })).directory;
    expect(after.adjustments.nodes.map((a) => [a.kind, a.item.title])).toEqual([
      ['ADD', '养老设施布局规划'],
      ['WITHDRAW', '油烟整治方案'],
    ]);
    expect(after.items.nodes.map((i) => i.status)).toEqual(['ACTIVE', 'WITHDRAWN', 'ACTIVE', 'ACTIVE']);
  });
});
