import {
  AddDirectoryItemDocument,
  AddDraftVersionDocument,
  AddMaterialDocument,
  AdjustDirectoryDocument,
  AdjustmentKind,
  AnswerOpinionDocument,
  AuditSubjectType,
  AuditTrailDocument,
  CreateDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  DepartmentsDocument,
  DirectoryByYearDocument,
  DirectoryDocument,
  DraftDiffDocument,
  IncludeProposalDocument,
  MaterialKind,
  OpinionResponse,
  ProposalDocument,
  ProposalSource,
  ProposalStep,
  PublishDirectoryDocument,
  RecordPartyApprovalDocument,
  RecordRiskAssessmentDocument,
  RegisterOpinionDocument,
  RequestLegalityReviewDocument,
  RiskLevel,
  SetAdoptionSummaryDocument,
  SetConsultationDocument,
  UpdateDirectoryItemDocument,
  VerifyAuditChainDocument,
} from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';

/**
 * The whole journey over HTTP with the seeded users: the directory is created, agreed by the Party
 * committee, published and adjusted; a drafter's proposal is included, drafted in three versions,
 * consulted on, risk-assessed and sent to legality review. Every refusal on the way names its rule
 * and leaves the database as it was.
 */
describe('journey: from the directory to a complete legality-review request', () => {
  let h: Harness;
  const t: Record<string, string> = {};
  const dept: Record<string, string> = {};
  let directoryId: string;
  let directoryVersion: number;
  let itemId: string;
  let otherItemId: string;
  let proposalId: string;
  let proposalVersion: number;

  /** Expects RULE_VIOLATION naming `rules`, and the database unchanged. */
  async function refused<R>(call: () => Promise<GqlResponse<R>>, rules: string[]) {
    const before = await h.snapshot();
    const res = await call();
    const err = expectError(res, 'RULE_VIOLATION');
    const violations = err.extensions!.violations as { rule: string; code: string; message: string }[];
    for (const r of rules) expect(violations.map((v) => v.rule)).toContain(r);
    for (const v of violations) expect(v.message).toContain(`(${v.rule})`);
    expect(await h.snapshot()).toEqual(before);
    return violations;
  }

  async function refreshVersion() {
    const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter }));
    proposalVersion = p.proposal.version;
    return p.proposal;
  }

  beforeAll(async () => {
    h = await startHarness();
    for (const u of ['admin', 'drafter', 'drafter2', 'director', 'advisor']) t[u] = await h.login(u);
    const ds = expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: t.admin })).departments.edges;
    for (const e of ds) dept[e.node.code] = e.node.id;
  });
  afterAll(() => h.close());

  it('builds the 2026 directory; an excluded category is refused (R-DIR-2)', async () => {
    const d = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '白云湖街2026年度重大行政决策事项目录' } }, { token: t.director }))
      .createDirectory.directory;
    directoryId = d.id;
    expect(d.status).toBe('DRAFT');
    expect(d.availableActions.map((a) => a.action)).toEqual(['ADD_DIRECTORY_ITEM', 'UPDATE_DIRECTORY_ITEM', 'RECORD_PARTY_APPROVAL', 'PUBLISH_DIRECTORY']);
    const item = (title: string, sponsor: string, quarter: number) => ({
      directoryId,
      title,
      category: DecisionCategory.PublicPolicy,
      sponsorDepartmentId: dept[sponsor]!,
      legalBasis: '《优化营商环境条例》',
      plannedQuarter: quarter,
      reason: '涉及辖区企业切身利益',
    });
    itemId = expectOk(await h.gql(AddDirectoryItemDocument, { input: item('白云湖街促进电子竞技产业发展扶持办法', 'JJFZ', 2) }, { token: t.director }))
      .addDirectoryItem.item.id;
    const other = expectOk(await h.gql(AddDirectoryItemDocument, { input: item('餐饮业专项清理整治方案', 'CGZF', 3) }, { token: t.admin })).addDirectoryItem;
    otherItemId = other.item.id;
    expect(other.item.seq).toBe(2);
    expect(other.directory.id).toBe(directoryId);
    await refused(
      () => h.gql(AddDirectoryItemDocument, { input: { ...item('防汛应急处置', 'AJZD', 1), category: DecisionCategory.EmergencyResponse } }, { token: t.director }),
      ['R-DIR-2'],
    );
    // drafters may read, not manage
    expectError(await h.gql(AddDirectoryItemDocument, { input: item('x', 'JJFZ', 1) }, { token: t.drafter }), 'FORBIDDEN');
  });

  it('publishes only after the Party committee agreed (R-DIR-3)', async () => {
    let d = expectOk(await h.gql(DirectoryDocument, { id: directoryId }, { token: t.drafter })).directory;
    // drafters read the directory but may do nothing with it
    expect(d.availableActions).toEqual([]);
    await refused(() => h.gql(PublishDirectoryDocument, { input: { directoryId, version: d.version } }, { token: t.director }), ['R-DIR-3']);
    d = expectOk(
      await h.gql(
        RecordPartyApprovalDocument,
        { input: { directoryId, version: d.version, approvedOn: '2026-01-08', reference: '街党工委会议纪要〔2026〕1号' } },
        { token: t.director },
      ),
    ).recordPartyApproval.directory;
    d = expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId, version: d.version } }, { token: t.director })).publishDirectory.directory;
    expect(d.status).toBe('PUBLISHED');
    expect(d.availableActions.map((a) => a.action)).toEqual(['ADJUST_DIRECTORY']);
    expect(d.items.nodes.every((i) => i.availableActions.map((a) => a.action).join() === 'WITHDRAW_DIRECTORY_ITEM,RESCHEDULE_DIRECTORY_ITEM')).toBe(true);
    expect(d.partyApprovedAt).toBe('2026-01-08');
    directoryVersion = d.version;
  });

  it('never edits a published item in place; adjustments are recorded with reasons (R-DIR-3)', async () => {
    const d = expectOk(await h.gql(DirectoryByYearDocument, { year: 2026 }, { token: t.drafter })).directoryByYear;
    expect(d.id).toBe(directoryId);
    const item = d.items.nodes.find((i) => i.id === otherItemId)!;
    await refused(
      () =>
        h.gql(
          UpdateDirectoryItemDocument,
          {
            input: {
              itemId: otherItemId,
              version: item.version,
              title: '改名',
              category: DecisionCategory.PublicPolicy,
              sponsorDepartmentId: dept.CGZF!,
              legalBasis: 'x',
              plannedQuarter: 4,
              reason: 'x',
            },
          },
          { token: t.director },
        ),
      ['R-DIR-3'],
    );
    const adjusted = expectOk(
      await h.gql(
        AdjustDirectoryDocument,
        { input: { directoryId, kind: AdjustmentKind.Reschedule, itemId: otherItemId, toQuarter: 4, reason: '整治范围扩大，需延后' } },
        { token: t.director },
      ),
    ).adjustDirectory;
    expect(adjusted.adjustment).toMatchObject({ kind: 'RESCHEDULE', fromQuarter: 3, toQuarter: 4 });
    expect(adjusted.item).toMatchObject({ id: otherItemId, currentQuarter: 4, status: 'ACTIVE' });
    expect(adjusted.directory).toMatchObject({ id: directoryId, adjustments: { totalCount: 1 } });
    expectError(
      await h.gql(AdjustDirectoryDocument, { input: { directoryId, kind: AdjustmentKind.Withdraw, itemId: otherItemId, reason: '' } }, { token: t.director }),
      'BAD_USER_INPUT',
    );
    const after = expectOk(await h.gql(DirectoryDocument, { id: directoryId }, { token: t.advisor })).directory;
    const moved = after.items.nodes.find((i) => i.id === otherItemId)!;
    expect(moved.plannedQuarter).toBe(3); // as published
    expect(moved.currentQuarter).toBe(4);
    expect(after.adjustments.nodes).toEqual([
      expect.objectContaining({ kind: 'RESCHEDULE', fromQuarter: 3, toQuarter: 4, reason: '整治范围扩大，需延后', recordedBy: 'director' }),
    ]);
    expect(after.version).toBeGreaterThanOrEqual(directoryVersion);
  });

  it('takes a drafter’s proposal for their own department, awaiting inclusion, with derived procedures', async () => {
    const p = expectOk(
      await h.gql(
        CreateProposalDocument,
        {
          input: {
            title: '白云湖街促进电子竞技产业发展扶持办法',
            source: ProposalSource.Department,
            problem: '电竞产业扶持缺少统一规则',
            legalBasis: '《优化营商环境条例》第六十二条',
            preliminaryPlan: '设立专项扶持资金，明确申报条件',
            necessity: '培育电竞产业本土品牌',
            feasibility: '已有云湖竞城载体',
            flags: { affectsPublicInterest: true, specialised: false, stabilityRisk: true, touchesMarketEntities: false, viewsDifferWidely: false },
          },
        },
        { token: t.drafter },
      ),
    ).createProposal.proposal;
    proposalId = p.id;
    proposalVersion = p.version;
    expect(p.code).toBe('JC-2026-001');
    expect(p.state).toBe('AWAITING_INCLUSION');
    expect(p.sponsorDepartment.code).toBe('JJFZ');
    expect(p.procedures.map((x) => [x.kind, x.required, x.derived, x.recorded])).toEqual([
      ['PUBLIC_CONSULTATION', true, true, false],
      ['RISK_ASSESSMENT', true, true, false],
    ]);
  });

  it('includes it under its directory item; another department’s item is refused (R-DIR-4)', async () => {
    await refused(
      () => h.gql(IncludeProposalDocument, { input: { proposalId, version: proposalVersion, directoryItemId: otherItemId } }, { token: t.director }),
      ['R-DIR-4'],
    );
    expectError(await h.gql(IncludeProposalDocument, { input: { proposalId, version: proposalVersion, directoryItemId: itemId } }, { token: t.drafter }), 'FORBIDDEN');
    const p = expectOk(await h.gql(IncludeProposalDocument, { input: { proposalId, version: proposalVersion, directoryItemId: itemId } }, { token: t.director }))
      .includeProposal.proposal;
    expect(p.state).toBe('INCLUDED');
    expect(p.directoryItem?.id).toBe(itemId);
    proposalVersion = p.version;
  });

  it('keeps three immutable draft versions and diffs any two (R-DEC-2)', async () => {
    const texts = ['第一条 为促进电竞产业发展，制定本办法。\n第二条 扶持对象为辖区企业。', '第一条 为促进电竞产业发展，制定本办法。\n第二条 扶持对象为辖区内注册的电竞企业。', '第一条 为促进电竞产业发展，制定本办法。\n第二条 扶持对象为辖区内注册的电竞企业。\n第三条 本办法自公布之日起三十日后施行。'];
    const hashes: string[] = [];
    for (const [i, text] of texts.entries()) {
      const d = expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId, text, changeNote: `第${i + 1}稿` } }, { token: t.drafter })).addDraftVersion.draft;
      expect(d.number).toBe(i + 1);
      expect(d.author.username).toBe('drafter');
      hashes.push(d.contentHash);
    }
    expect(new Set(hashes).size).toBe(3);
    const diff = expectOk(await h.gql(DraftDiffDocument, { input: { proposalId, from: 1, to: 3 } }, { token: t.advisor })).draftDiff;
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
    expect(diff.lines.filter((l) => l.op !== 'EQUAL').map((l) => `${l.op}:${l.text}`)).toEqual([
      'REMOVED:第二条 扶持对象为辖区企业。',
      'ADDED:第二条 扶持对象为辖区内注册的电竞企业。',
      'ADDED:第三条 本办法自公布之日起三十日后施行。',
    ]);
    // The server's role may not change a version at all; the trigger holds even for the superuser.
    await expect(h.sql(`update text_version set text = 'x' where owner_id = ?`, [proposalId])).rejects.toThrow(/permission denied/);
    await expect(h.superSql(`update text_version set text = 'x' where owner_id = $1`, [proposalId])).rejects.toThrow(/immutable/);
  });

  it('refuses a drafter of another department everything, database unchanged', async () => {
    const before = await h.snapshot();
    expectError(await h.gql(AddDraftVersionDocument, { input: { proposalId, text: '篡改', changeNote: 'x' } }, { token: t.drafter2 }), 'FORBIDDEN');
    expectError(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.drafter2 }), 'FORBIDDEN');
    expectError(
      await h.gql(SetConsultationDocument, { input: { proposalId, startsOn: '2026-01-01', endsOn: '2026-02-01', channel: 'x' } }, { token: t.drafter2 }),
      'FORBIDDEN',
    );
    expectError(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter2 }), 'FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);
  });

  it('lists every blocker at once until the package is complete (R-LR-2)', async () => {
    const p = await refreshVersion();
    expect(p.blockers.map((b) => b.code).sort()).toEqual(
      [
        'CONSULTATION_MISSING',
        'MATERIAL_MISSING',
        'MATERIAL_MISSING',
        'MATERIAL_MISSING',
        'MATERIAL_MISSING',
        'MATERIAL_MISSING',
        'RISK_ASSESSMENT_MISSING',
      ].sort(),
    );
    const v = await refused(() => h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter }), [
      'R-LR-2',
      'R-DEC-4',
      'R-DEC-7',
    ]);
    expect(v).toHaveLength(7);
  });

  it('runs the consultation: a 29-day window without a reason blocks (R-DEC-4), 30 days do not', async () => {
    const c = expectOk(
      await h.gql(SetConsultationDocument, { input: { proposalId, startsOn: '2026-01-20', endsOn: '2026-02-17', channel: '白云湖街政务网站' } }, { token: t.drafter }),
    ).setConsultation.consultation;
    expect(c.windowDays).toBe(29);
    let p = await refreshVersion();
    const tooShort = p.blockers.find((b) => b.code === 'CONSULTATION_TOO_SHORT')!;
    expect(tooShort).toEqual({ rule: 'R-DEC-4', code: 'CONSULTATION_TOO_SHORT', message: '征求意见期限 29 日，少于 30 日且未说明缩短理由 (R-DEC-4)', title: '公开征求意见' });
    await refused(() => h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter }), ['R-DEC-4']);

    expect(
      expectOk(await h.gql(SetConsultationDocument, { input: { proposalId, startsOn: '2026-01-20', endsOn: '2026-02-18', channel: '白云湖街政务网站' } }, { token: t.drafter }))
        .setConsultation.consultation.windowDays,
    ).toBe(30);
    const o1 = expectOk(await h.gql(RegisterOpinionDocument, { input: { proposalId, submitter: '云湖竞城运营方', content: '建议提高扶持额度', receivedOn: '2026-01-25' } }, { token: t.drafter }))
      .registerOpinion.opinion;
    const o2 = expectOk(await h.gql(RegisterOpinionDocument, { input: { proposalId, submitter: '居民张某', content: '建议限制夜间赛事噪音', receivedOn: '2026-02-01' } }, { token: t.drafter }))
      .registerOpinion.opinion;
    expect([o1.seq, o2.seq]).toEqual([1, 2]);
    await refused(() => h.gql(AnswerOpinionDocument, { input: { opinionId: o1.id, response: OpinionResponse.NotAdopted } }, { token: t.drafter }), ['R-DEC-4']);
    expectOk(await h.gql(AnswerOpinionDocument, { input: { opinionId: o1.id, response: OpinionResponse.NotAdopted, reason: '超出街道财力' } }, { token: t.drafter }));
    p = await refreshVersion();
    expect(p.blockers.map((b) => b.code)).toContain('OPINION_UNANSWERED');
    expectOk(await h.gql(AnswerOpinionDocument, { input: { opinionId: o2.id, response: OpinionResponse.Adopted } }, { token: t.drafter }));
    expectOk(await h.gql(SetAdoptionSummaryDocument, { input: { proposalId, summary: '共收到意见2条，采纳1条，未采纳1条并说明理由。' } }, { token: t.drafter }));
    p = await refreshVersion();
    expect(p.blockers.filter((b) => b.rule === 'R-DEC-4')).toEqual([]);
  });

  it('blocks on a HIGH risk level until re-assessed (R-DEC-7)', async () => {
    const base = { proposalId, riskPoints: '赛事噪音扰民', measures: '限定赛事时段', contingencyPlan: '投诉快速处置', assessor: '综治信访维稳中心', assessedOn: '2026-02-20' };
    expectOk(await h.gql(RecordRiskAssessmentDocument, { input: { ...base, level: RiskLevel.High } }, { token: t.drafter }));
    const p = await refreshVersion();
    expect(p.blockers.find((b) => b.code === 'RISK_HIGH')).toMatchObject({ rule: 'R-DEC-7' });
    await refused(() => h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter }), ['R-DEC-7']);
    const r = expectOk(await h.gql(RecordRiskAssessmentDocument, { input: { ...base, level: RiskLevel.Medium, assessedOn: '2026-02-27' } }, { token: t.drafter }))
      .recordRiskAssessment.riskAssessment;
    expect(r.round).toBe(2);
  });

  it('collects the materials, text and file, and then requests the review pinned to draft 3', async () => {
    await refreshVersion();
    await refused(() => h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter }), ['R-LR-2']);
    const text = (kind: MaterialKind, title: string) =>
      h.gql(AddMaterialDocument, { input: { proposalId, kind, title, text: `${title}：正文` } }, { token: t.drafter });
    expectOk(await text(MaterialKind.DraftExplanation, '起草说明'));
    expectOk(await text(MaterialKind.ProcedureExplanation, '履行法定程序情况说明'));
    expectOk(await text(MaterialKind.ConsultationReport, '征求意见采纳情况报告'));
    expectOk(await text(MaterialKind.RiskReport, '社会稳定风险评估报告'));
    const file = Buffer.from('《优化营商环境条例》第六十二条\n《广东省优化营商环境条例》\n', 'utf8');
    const m = expectOk(
      await h.gql(
        AddMaterialDocument,
        { input: { proposalId, kind: MaterialKind.LegalBasisList, title: '制定依据清单', fileName: '制定依据清单.txt', mimeType: 'text/plain', contentBase64: file.toString('base64') } },
        { token: t.drafter },
      ),
    ).addMaterial.material;
    expect(m.sizeBytes).toBe(file.length);

    const p = await refreshVersion();
    expect(p.blockers).toEqual([]);
    const req = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: proposalVersion } }, { token: t.drafter }))
      .requestLegalityReview.review;
    expect(req).toMatchObject({ subjectType: 'DECISION', status: 'SUBMITTED', pinnedVersion: { number: 3 }, pinnedHash: p.currentDraft!.contentHash });
    const after = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: t.advisor })).proposal;
    expect(after.state).toBe('LEGALITY_REVIEW_REQUESTED');
    expect(after.reviewRequests).toHaveLength(1);
    expect(after.procedures.every((x) => x.recorded)).toBe(true);
    // no further drafting once under review
    await refused(() => h.gql(AddDraftVersionDocument, { input: { proposalId, text: '第四稿', changeNote: 'x' } }, { token: t.drafter }), ['R-DIR-4']);
  });

  it('left a verifiable audit trail of every step', async () => {
    const trail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.DecisionProposal, subjectId: proposalId, first: 100 }, { token: t.admin }))
      .auditTrail;
    const actions = trail.edges.map((e) => e.node.action);
    expect(actions[0]).toBe('proposal.create');
    expect(actions).toEqual(expect.arrayContaining(['proposal.include', 'proposal.draft.add', 'proposal.consultation.set', 'proposal.risk_assessment.record', 'proposal.material.add']));
    expect(actions[actions.length - 1]).toBe('proposal.request_legality_review');
    const dirTrail = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.DecisionDirectory, subjectId: directoryId, first: 100 }, { token: t.admin })).auditTrail;
    expect(dirTrail.edges.map((e) => e.node.action)).toEqual([
      'directory.create',
      'directory.item.add',
      'directory.item.add',
      'directory.party_approval',
      'directory.publish',
      'directory.adjust.reschedule',
    ]);
    expect(expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: t.admin })).verifyAuditChain.ok).toBe(true);
  });
});
