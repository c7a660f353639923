import { randomUUID } from 'node:crypto';
import {
  AddDirectoryItemDocument,
  AddExpertOpinionDocument,
  AddMaterialDocument,
  AddRequiredProcedureDocument,
  CreateDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  DeclineProposalDocument,
  DepartmentsDocument,
  IncludeProposalDocument,
  MaterialKind,
  ProcedureKind,
  ProposalDocument,
  ProposalsDocument,
  ProposalSource,
  ProposalStep,
  PublishDirectoryDocument,
  RecordPartyApprovalDocument,
  RequestInclusionDocument,
  UpdateProposalDocument,
  WithdrawProposalDocument,
  type CreateProposalInput,
} from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

const FLAGS = { affectsPublicInterest: true, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false };
const proposalInput = (title: string, flags = FLAGS): CreateProposalInput => ({
  title,
  source: ProposalSource.PublicSuggestion,
  problem: '问题',
  legalBasis: '依据',
  preliminaryPlan: '方案',
  necessity: '必要性',
  feasibility: '可行性',
  flags,
});

describe('proposal guards, concurrency, listing and materials', () => {
  let h: Harness;
  const t: Record<string, string> = {};
  const dept: Record<string, string> = {};
  let directoryId: string;
  let itemId: string;

  async function newProposal(title: string, flags = FLAGS) {
    return expectOk(await h.gql(CreateProposalDocument, { input: proposalInput(title, flags) }, { token: t.drafter })).createProposal.proposal;
  }

  let draftDirectoryId: string;

  beforeAll(async () => {
    h = await startHarness({ env: { MATERIAL_MAX_BYTES: '2048' } });
    for (const u of ['admin', 'drafter', 'drafter2', 'director', 'advisor', 'filing']) t[u] = await h.login(u);
    for (const e of expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: t.admin })).departments.edges) dept[e.node.code] = e.node.id;
    // a published 2026 directory with one JJFZ item
    let d: { id: string; version: number } = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '2026年度目录' } }, { token: t.director }))
      .createDirectory.directory;
    directoryId = d.id;
    const added = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId, title: '电竞扶持', category: DecisionCategory.PublicPolicy, sponsorDepartmentId: dept.JJFZ!, legalBasis: 'x', plannedQuarter: 2, reason: 'x' } },
        { token: t.director },
      ),
    ).addDirectoryItem;
    itemId = added.item.id;
    d = added.directory;
    d = expectOk(await h.gql(RecordPartyApprovalDocument, { input: { directoryId, version: d.version, approvedOn: '2026-01-08', reference: '纪要' } }, { token: t.director }))
      .recordPartyApproval.directory;
    expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId, version: d.version } }, { token: t.director }));
    // an unpublished 2027 directory
    draftDirectoryId = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2027, title: '2027年度目录' } }, { token: t.director })).createDirectory.directory.id;
  });
  afterAll(() => h.close());

  it('lets exactly one of two concurrent transitions of one proposal win; the other gets CONFLICT', async () => {
    const p = await newProposal('并发测试');
    const results = await Promise.all([
      h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: itemId } }, { token: t.director }),
      h.gql(DeclineProposalDocument, { input: { proposalId: p.id, version: p.version, reason: '不属于重大决策' } }, { token: t.admin }),
    ]);
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const after = expectOk(await h.gql(ProposalDocument, { id: p.id, step: ProposalStep.Include }, { token: t.drafter })).proposal;
    expect(after.version).toBe(p.version + 1);
    const trail = await h.sql<{ n: string }>(`select count(*) as n from audit_event where subject_id = ? and action in ('proposal.include', 'proposal.decline')`, [p.id]);
    expect(Number(trail[0]!.n)).toBe(1);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const p = await newProposal('过期版本');
    expectOk(await h.gql(UpdateProposalDocument, { input: { proposalId: p.id, version: p.version, title: '过期版本（改）' } }, { token: t.drafter }));
    const before = await h.snapshot();
    expectError(await h.gql(UpdateProposalDocument, { input: { proposalId: p.id, version: p.version, title: '覆盖' } }, { token: t.drafter }), 'CONFLICT');
    expect(await h.snapshot()).toEqual(before);
  });

  it('declines with a reason, takes a new request, and includes through a directory adjustment', async () => {
    let p = await newProposal('社区养老服务设施布局规划');
    p = expectOk(await h.gql(DeclineProposalDocument, { input: { proposalId: p.id, version: p.version, reason: '本年度目录已满，请补充论证' } }, { token: t.director }))
      .declineProposal.proposal;
    expect(p).toMatchObject({ state: 'DECLINED', declineReason: '本年度目录已满，请补充论证' });
    p = expectOk(await h.gql(RequestInclusionDocument, { input: { proposalId: p.id, version: p.version } }, { token: t.drafter })).requestInclusion.proposal;
    expect(p.state).toBe('AWAITING_INCLUSION');
    p = expectOk(
      await h.gql(
        IncludeProposalDocument,
        {
          input: {
            proposalId: p.id,
            version: p.version,
            viaAdjustment: { directoryId, category: DecisionCategory.ImportantPlan, plannedQuarter: 4, reason: '年中新增的重大事项' },
          },
        },
        { token: t.director },
      ),
    ).includeProposal.proposal;
    expect(p.state).toBe('INCLUDED');
    expect(p.directoryItem?.title).toBe('社区养老服务设施布局规划');
    const adj = await h.sql<{ kind: string; reason: string }>('select kind, reason from directory_adjustment where directory_id = ?', [directoryId]);
    expect(adj).toEqual([{ kind: 'ADD', reason: '年中新增的重大事项' }]);
  });

  it('refuses inclusion into an unpublished directory and a taken item (R-DIR-4), database unchanged', async () => {
    const p = await newProposal('另一个电竞建议');
    const draftItem = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId: draftDirectoryId, title: '未公布事项', category: DecisionCategory.PublicPolicy, sponsorDepartmentId: dept.JJFZ!, legalBasis: 'x', plannedQuarter: 1, reason: 'x' } },
        { token: t.director },
      ),
    ).addDirectoryItem.item;
    let before = await h.snapshot();
    const r1 = expectError(await h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: draftItem.id } }, { token: t.director }), 'RULE_VIOLATION');
    expect((r1.extensions!.violations as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`)).toEqual(['R-DIR-4:DIRECTORY_NOT_PUBLISHED', 'R-DIR-4:YEAR_MISMATCH']);
    expect(await h.snapshot()).toEqual(before);

    const holder = await newProposal('占用事项');
    const held = expectOk(
      await h.gql(
        IncludeProposalDocument,
        { input: { proposalId: holder.id, version: holder.version, viaAdjustment: { directoryId, category: DecisionCategory.PublicPolicy, plannedQuarter: 2, reason: '新增' } } },
        { token: t.director },
      ),
    ).includeProposal.proposal;
    before = await h.snapshot();
    const r2 = expectError(
      await h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: held.directoryItem!.id } }, { token: t.director }),
      'RULE_VIOLATION',
    );
    expect((r2.extensions!.violations as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`)).toEqual(['R-DIR-4:ITEM_TAKEN']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('never lets a derived procedure be dropped after inclusion (R-DEC-3); a decision maker may add one', async () => {
    let p = await newProposal('流浪犬只管理办法');
    const adj = await h.gql(
      IncludeProposalDocument,
      { input: { proposalId: p.id, version: p.version, viaAdjustment: { directoryId, category: DecisionCategory.PublicPolicy, plannedQuarter: 3, reason: '群众反映强烈' } } },
      { token: t.director },
    );
    p = expectOk(adj).includeProposal.proposal;
    const before = await h.snapshot();
    const err = expectError(
      await h.gql(UpdateProposalDocument, { input: { proposalId: p.id, version: p.version, flags: { ...FLAGS, affectsPublicInterest: false } } }, { token: t.drafter }),
      'RULE_VIOLATION',
    );
    expect(err.extensions!.violations).toEqual([expect.objectContaining({ rule: 'R-DEC-3', code: 'PROCEDURE_DROPPED' })]);
    expect(await h.snapshot()).toEqual(before);
    expectError(
      await h.gql(AddRequiredProcedureDocument, { input: { proposalId: p.id, version: p.version, kind: ProcedureKind.Hearing, reason: '涉及群众切身利益' } }, { token: t.admin }),
      'FORBIDDEN',
    );
    p = expectOk(
      await h.gql(AddRequiredProcedureDocument, { input: { proposalId: p.id, version: p.version, kind: ProcedureKind.Hearing, reason: '涉及群众切身利益' } }, { token: t.director }),
    ).addRequiredProcedure.proposal;
    expect(p.procedures.map((x) => [x.kind, x.derived, x.added])).toEqual([
      ['PUBLIC_CONSULTATION', true, false],
      ['HEARING', false, true],
    ]);
    const blockers = expectOk(await h.gql(ProposalDocument, { id: p.id, step: ProposalStep.RequestLegalityReview }, { token: t.drafter })).proposal.blockers;
    expect(blockers.map((b) => b.code)).toContain('HEARING_MISSING');
  });

  it('refuses an expert with a direct interest (R-DEC-6), database unchanged', async () => {
    const p = expectOk(await h.gql(ProposalsDocument, { filter: { state: 'INCLUDED' as never } }, { token: t.drafter })).proposals.edges[0]!.node;
    const before = await h.snapshot();
    const err = expectError(
      await h.gql(
        AddExpertOpinionDocument,
        { input: { proposalId: p.id, expertName: '钱教授', affiliation: '某电竞公司顾问', hasDirectInterest: true, conflictDeclaration: '本人为申报企业顾问', opinion: '可行', signedOn: '2026-02-01' } },
        { token: t.drafter },
      ),
      'RULE_VIOLATION',
    );
    expect(err.extensions!.violations).toEqual([expect.objectContaining({ rule: 'R-DEC-6', code: 'EXPERT_INTERESTED' })]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses malformed and hostile input with BAD_USER_INPUT, database unchanged', async () => {
    const before = await h.snapshot();
    const cases = [
      proposalInput(''),
      proposalInput('长'.repeat(201)),
      { ...proposalInput("'; drop table decision_proposal; --"), problem: '' },
      { ...proposalInput('年度越界'), year: 1900 },
    ];
    for (const input of cases) expectError(await h.gql(CreateProposalDocument, { input }, { token: t.drafter }), 'BAD_USER_INPUT');
    expectError(await h.gql(ProposalDocument, { id: 'not-a-uuid', step: ProposalStep.Include }, { token: t.drafter }), 'BAD_USER_INPUT');
    expectError(await h.gql(ProposalDocument, { id: randomUUID(), step: ProposalStep.Include }, { token: t.drafter }), 'NOT_FOUND');
    expectError(await h.gql(ProposalsDocument, { first: 1000 }, { token: t.drafter }), 'BAD_USER_INPUT');
    expect(await h.snapshot()).toEqual(before);
    // an SQL-looking title is stored as text, harmlessly
    const p = await newProposal("O'Brien; drop table app_user; --");
    expect(p.title).toBe("O'Brien; drop table app_user; --");
  });

  it('lets only the sponsor department’s drafter withdraw', async () => {
    const p = await newProposal('待撤回');
    expectError(await h.gql(WithdrawProposalDocument, { input: { proposalId: p.id, version: p.version } }, { token: t.drafter2 }), 'FORBIDDEN');
    expectError(await h.gql(WithdrawProposalDocument, { input: { proposalId: p.id, version: p.version } }, { token: t.director }), 'FORBIDDEN');
    const w = expectOk(await h.gql(WithdrawProposalDocument, { input: { proposalId: p.id, version: p.version } }, { token: t.drafter })).withdrawProposal.proposal;
    expect(w.state).toBe('WITHDRAWN');
  });

  it('searches by Chinese title substring and code, filters, and scopes drafters to their department', async () => {
    const byTitle = expectOk(await h.gql(ProposalsDocument, { filter: { search: '养老' } }, { token: t.advisor })).proposals;
    expect(byTitle.edges.map((e) => e.node.title)).toEqual(['社区养老服务设施布局规划']);
    const code = byTitle.edges[0]!.node.code;
    const byCode = expectOk(await h.gql(ProposalsDocument, { filter: { search: code.toLowerCase() } }, { token: t.advisor })).proposals;
    expect(byCode.edges.map((e) => e.node.code)).toEqual([code]);
    const percent = expectOk(await h.gql(ProposalsDocument, { filter: { search: '%' } }, { token: t.advisor })).proposals;
    expect(percent.totalCount).toBe(0);
    const all = expectOk(await h.gql(ProposalsDocument, { first: 100 }, { token: t.filing })).proposals;
    expect(all.totalCount).toBeGreaterThan(5);
    const codes = all.edges.map((e) => e.node.code);
    expect([...codes].sort().reverse()).toEqual(codes);
    expect(expectOk(await h.gql(ProposalsDocument, {}, { token: t.drafter2 })).proposals.totalCount).toBe(0);
    expectError(await h.gql(ProposalsDocument, { filter: { departmentId: dept.JJFZ } }, { token: t.drafter2 }), 'FORBIDDEN');
    const included = expectOk(await h.gql(ProposalsDocument, { filter: { state: 'INCLUDED' as never, year: 2026 } }, { token: t.director })).proposals;
    expect(included.edges.every((e) => e.node.state === 'INCLUDED')).toBe(true);
    const byItem = expectOk(await h.gql(ProposalsDocument, { filter: { directoryItemId: itemId } }, { token: t.director })).proposals;
    expect(byItem.edges.every((e) => e.node.directoryItem?.id === itemId)).toBe(true);
  });

  it('stores a file material with its hash; only those who may see the proposal download it; size is capped', async () => {
    const p = expectOk(await h.gql(ProposalsDocument, { filter: { search: '养老' } }, { token: t.drafter })).proposals.edges[0]!.node;
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x10]);
    const m = expectOk(
      await h.gql(
        AddMaterialDocument,
        { input: { proposalId: p.id, kind: MaterialKind.Other, title: '附件', fileName: '附件 一.pdf', mimeType: 'application/pdf', contentBase64: bytes.toString('base64') } },
        { token: t.drafter },
      ),
    ).addMaterial.material;
    expect(m.contentHash).toBe(require('node:crypto').createHash('sha256').update(bytes).digest('hex'));
    const url = `${h.baseUrl}${m.downloadUrl}`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${t.advisor}` } });
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(bytes);
    expect(ok.headers.get('x-content-sha256')).toBe(m.contentHash);
    expect(ok.headers.get('content-disposition')).toContain(encodeURIComponent('附件 一.pdf'));
    expect((await fetch(url, { headers: { authorization: `Bearer ${t.drafter2}` } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${h.baseUrl}/materials/${randomUUID()}`, { headers: { authorization: `Bearer ${t.advisor}` } })).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/materials/..%2f..%2fetc%2fpasswd`, { headers: { authorization: `Bearer ${t.advisor}` } })).status).toBe(400);

    const before = await h.snapshot();
    const big = expectError(
      await h.gql(
        AddMaterialDocument,
        { input: { proposalId: p.id, kind: MaterialKind.Other, title: '过大', fileName: 'big.bin', contentBase64: Buffer.alloc(3000, 1).toString('base64') } },
        { token: t.drafter },
      ),
      'BAD_USER_INPUT',
    );
    expect(big.message).toContain('上限 2048 字节');
    expectError(
      await h.gql(AddMaterialDocument, { input: { proposalId: p.id, kind: MaterialKind.Other, title: '路径', fileName: '../../etc/passwd', contentBase64: 'AA==' } }, { token: t.drafter }),
      'BAD_USER_INPUT',
    );
    expectError(await h.gql(AddMaterialDocument, { input: { proposalId: p.id, kind: MaterialKind.Other, title: '两者', text: 'x', contentBase64: 'AA==', fileName: 'a' } }, { token: t.drafter }), 'BAD_USER_INPUT');
    expectError(await h.gql(AddMaterialDocument, { input: { proposalId: p.id, kind: MaterialKind.Other, title: '非法', fileName: 'a', contentBase64: '***' } }, { token: t.drafter }), 'BAD_USER_INPUT');
    expect(await h.snapshot()).toEqual(before);
  });
});
