import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AddAlternativeDocument,
  AddDirectoryItemDocument,
  AddExpertOpinionDocument,
  AddMaterialDocument,
  AddRequiredProcedureDocument,
  CreateDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  DepartmentsDocument,
  FairCompetitionConclusion,
  IncludeProposalDocument,
  MaterialKind,
  OpinionResponse,
  ProcedureKind,
  ProposalDocument,
  ProposalSource,
  ProposalStep,
  PublishDirectoryDocument,
  RecordDisagreementDocument,
  RecordExpertAdoptionDocument,
  RecordFairCompetitionReviewDocument,
  RecordHearingDocument,
  RecordPartyApprovalDocument,
} from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

/** Hearing, expert review, fair-competition review, alternatives and disagreements over HTTP. */
describe('procedures other than consultation and risk', () => {
  let h: Harness;
  const t: Record<string, string> = {};
  let proposalId: string;
  const materialDir = mkdtempSync(path.join(tmpdir(), 'materials-'));

  const blockers = async () =>
    expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter })).proposal;

  beforeAll(async () => {
    h = await startHarness({ env: { MATERIAL_STORAGE: 'fs', MATERIAL_DIR: materialDir } });
    for (const u of ['drafter', 'director']) t[u] = await h.login(u);
    const depts = expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: t.drafter })).departments.edges;
    const jjfz = depts.find((e) => e.node.code === 'JJFZ')!.node.id;
    let d: { id: string; version: number } = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '目录' } }, { token: t.director }))
      .createDirectory.directory;
    const dup = expectError(await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '重复' } }, { token: t.director }), 'RULE_VIOLATION');
    expect((dup.extensions!.violations as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`)).toEqual(['R-DIR-1:DIRECTORY_EXISTS']);
    const added = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId: d.id, title: '电竞场馆准入条件', category: DecisionCategory.PublicPolicy, sponsorDepartmentId: jjfz, legalBasis: 'x', plannedQuarter: 2, reason: 'x' } },
        { token: t.director },
      ),
    ).addDirectoryItem;
    const item = added.item;
    d = added.directory;
    d = expectOk(await h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn: '2026-01-08', reference: '纪要' } }, { token: t.director }))
      .recordPartyApproval.directory;
    expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: t.director }));
    const p = expectOk(
      await h.gql(
        CreateProposalDocument,
        {
          input: {
            title: '电竞场馆准入条件',
            source: ProposalSource.Leadership,
            problem: 'p',
            legalBasis: 'l',
            preliminaryPlan: 'pl',
            necessity: 'n',
            feasibility: 'f',
            flags: { affectsPublicInterest: false, specialised: true, stabilityRisk: false, touchesMarketEntities: true, viewsDifferWidely: true },
          },
        },
        { token: t.drafter },
      ),
    ).createProposal.proposal;
    proposalId = expectOk(await h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: item.id } }, { token: t.director }))
      .includeProposal.proposal.id;
  });
  afterAll(() => h.close());

  it('needs two alternatives where views differ widely, and records disagreements (R-DEC-2)', async () => {
    expect((await blockers()).blockers.map((b) => b.code)).toContain('ALTERNATIVES_MISSING');
    expectOk(await h.gql(AddAlternativeDocument, { input: { proposalId, title: '方案一：分级准入', description: '按场馆规模分级' } }, { token: t.drafter }));
    expectOk(await h.gql(AddAlternativeDocument, { input: { proposalId, title: '方案二：备案管理', description: '不设准入，事后备案' } }, { token: t.drafter }));
    const dis = expectOk(
      await h.gql(RecordDisagreementDocument, { input: { proposalId, departments: '经济发展办、城管执法队', description: '对夜间营业时段有分歧' } }, { token: t.drafter }),
    ).recordDisagreement.disagreement;
    expect(dis.unresolved).toBe(true);
    expect((await blockers()).blockers.map((b) => b.code)).not.toContain('ALTERNATIVES_MISSING');
  });

  it('registers signed expert opinions and their adoption (R-DEC-6)', async () => {
    const o = expectOk(
      await h.gql(
        AddExpertOpinionDocument,
        { input: { proposalId, expertName: '孙教授', affiliation: '华南某大学', hasDirectInterest: false, conflictDeclaration: '与本事项无利害关系', opinion: '准入条件应公开透明', signedOn: '2026-02-10' } },
        { token: t.drafter },
      ),
    ).addExpertOpinion.expertOpinion;
    expect((await blockers()).blockers.map((b) => b.code)).toContain('EXPERT_ADOPTION_MISSING');
    expectError(await h.gql(RecordExpertAdoptionDocument, { input: { opinionId: o.id, adoption: OpinionResponse.PartiallyAdopted } }, { token: t.drafter }), 'RULE_VIOLATION');
    expectOk(await h.gql(RecordExpertAdoptionDocument, { input: { opinionId: o.id, adoption: OpinionResponse.PartiallyAdopted, reason: '公开范围另行规定' } }, { token: t.drafter }));
    expect((await blockers()).blockers.filter((b) => b.rule === 'R-DEC-6')).toEqual([]);
  });

  it('blocks on a non-compliant fair-competition review and clears on a compliant one (R-DEC-3)', async () => {
    const review = (conclusion: FairCompetitionConclusion) =>
      h.gql(RecordFairCompetitionReviewDocument, { input: { proposalId, conclusion, reviewer: '经济发展办', reviewedOn: '2026-02-12', notes: '对照审查标准逐项审查' } }, { token: t.drafter });
    expectOk(await review(FairCompetitionConclusion.NonCompliant));
    expect((await blockers()).blockers.map((b) => b.code)).toContain('FAIR_COMPETITION_FAILED');
    expectOk(await review(FairCompetitionConclusion.CompliantAfterChanges));
    expect((await blockers()).blockers.map((b) => b.code)).not.toContain('FAIR_COMPETITION_FAILED');
  });

  it('checks a hearing the decision maker asked for (R-DEC-5)', async () => {
    let p = await blockers();
    expectOk(await h.gql(AddRequiredProcedureDocument, { input: { proposalId, version: p.version, kind: ProcedureKind.Hearing, reason: '涉及经营者重大利益' } }, { token: t.director }));
    expect((await blockers()).blockers.map((b) => b.code)).toContain('HEARING_MISSING');
    const hearing = (materialsSentOn: string, recordSigned: boolean) =>
      h.gql(
        RecordHearingDocument,
        { input: { proposalId, heldOn: '2026-02-25', participants: ['经营者代表甲', '居民代表乙'], participantsPublishedOn: '2026-02-10', materialsSentOn, record: '听证笔录', recordSigned } },
        { token: t.drafter },
      );
    expectOk(await hearing('2026-02-19', false));
    p = await blockers();
    expect(p.blockers.filter((b) => b.rule === 'R-DEC-5').map((b) => b.code)).toEqual(['HEARING_MATERIALS_LATE', 'HEARING_RECORD_UNSIGNED']);
    expectOk(await hearing('2026-02-18', true));
    expect((await blockers()).blockers.filter((b) => b.rule === 'R-DEC-5')).toEqual([]);
    expect((await blockers()).procedures.find((x) => x.kind === 'HEARING')).toMatchObject({ required: true, added: true, recorded: true });
  });

  it('stores uploaded files in the configured folder, named by their hash', async () => {
    const bytes = Buffer.from('专家论证意见（签字版）', 'utf8');
    const m = expectOk(
      await h.gql(
        AddMaterialDocument,
        { input: { proposalId, kind: MaterialKind.ExpertOpinions, title: '专家论证意见', fileName: 'experts.txt', mimeType: 'text/plain', contentBase64: bytes.toString('base64') } },
        { token: t.drafter },
      ),
    ).addMaterial.material;
    const file = path.join(materialDir, m.contentHash);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file)).toEqual(bytes);
    const rows = await h.sql<{ storage: string; bytes: unknown }>('select storage, bytes from material where id = ?', [m.id]);
    expect(rows[0]).toEqual({ storage: 'fs', bytes: null });
    const res = await fetch(`${h.baseUrl}${m.downloadUrl}`, { headers: { authorization: `Bearer ${t.drafter}` } });
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });
});
