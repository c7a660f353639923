import {
  AcceptReviewDocument,
  AddBodyMemberDocument,
  AddDirectoryItemDocument,
  AddDraftVersionDocument,
  AddEnforcementEvidenceDocument,
  AddEnforcementOfficerDocument,
  AddMaterialDocument,
  AddProposedEnforcementDecisionDocument,
  CreateDirectoryDocument,
  CreateMeetingDocument,
  CreateEnforcementCaseDocument,
  CreateProposalDocument,
  DecisionCategory,
  DeliberatingBody,
  FindingAspect,
  FindingResponse,
  DepartmentsDocument,
  EnforcementCaseDocument,
  EnforcementMeasureKind,
  EnforcementProcedureKind,
  EvidenceKind,
  IncludeProposalDocument,
  IssueOpinionDocument,
  MaterialKind,
  OpinionConclusion,
  PartyKind,
  ProposalDocument,
  ProposalStep,
  ProposalSource,
  PublishDirectoryDocument,
  RecordEnforcementProcedureDocument,
  RecordPartyApprovalDocument,
  RequestLegalityReviewDocument,
  RespondToFindingDocument,
  SaveOpinionDraftDocument,
  StandingBodiesDocument,
  UpdateEnforcementCaseDocument,
} from '../__generated__/graphql';
import { expectOk } from './gql-result';
import type { Harness } from './harness';
import { aspectsFor } from './packages';

/** Demo users' tokens and department ids by code. */
export async function signIn(h: Harness, usernames: string[]) {
  const tokens: Record<string, string> = {};
  for (const u of usernames) tokens[u] = await h.login(u);
  const dept: Record<string, string> = {};
  const any = tokens[usernames[0]!]!;
  for (const e of expectOk(await h.gql(DepartmentsDocument, { first: 100 }, { token: any })).departments.edges) dept[e.node.code] = e.node.id;
  return { tokens, dept };
}

/** A published 2026 directory with one item per given title, sponsored by JJFZ. */
export async function publishedDirectory(h: Harness, director: string, jjfz: string, titles: string[]) {
  let d: { id: string; version: number } = expectOk(
    await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '白云湖街2026年度重大行政决策事项目录' } }, { token: director }),
  ).createDirectory.directory;
  const items: string[] = [];
  for (const title of titles) {
    const added = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId: d.id, title, category: DecisionCategory.PublicPolicy, sponsorDepartmentId: jjfz, legalBasis: '依据', plannedQuarter: 2, reason: '理由' } },
        { token: director },
      ),
    ).addDirectoryItem;
    items.push(added.item.id);
    d = added.directory;
  }
  d = expectOk(await h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn: '2026-01-08', reference: '纪要' } }, { token: director }))
    .recordPartyApproval.directory;
  expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: director }));
  return { directoryId: d.id, items };
}

/**
 * An included JJFZ proposal with no statutory procedure required, one draft and the three base
 * materials: its legality-review package is complete.
 */
export async function readyProposal(h: Harness, drafter: string, director: string, itemId: string, title: string) {
  let p = expectOk(
    await h.gql(
      CreateProposalDocument,
      {
        input: {
          title,
          source: ProposalSource.Department,
          problem: '问题',
          legalBasis: '依据',
          preliminaryPlan: '方案',
          necessity: '必要',
          feasibility: '可行',
          flags: { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false },
        },
      },
      { token: drafter },
    ),
  ).createProposal.proposal;
  p = expectOk(await h.gql(IncludeProposalDocument, { input: { proposalId: p.id, version: p.version, directoryItemId: itemId } }, { token: director })).includeProposal.proposal;
  expectOk(await h.gql(AddDraftVersionDocument, { input: { proposalId: p.id, text: `${title}\n第一条 ……\n第二条 ……`, changeNote: '初稿' } }, { token: drafter }));
  for (const kind of [MaterialKind.DraftExplanation, MaterialKind.LegalBasisList, MaterialKind.ProcedureExplanation]) {
    expectOk(await h.gql(AddMaterialDocument, { input: { proposalId: p.id, kind, title: kind, text: `${kind} 内容` } }, { token: drafter }));
  }
  return p.id;
}

/** Takes a ready proposal through the legality review to a LAWFUL opinion: ready for deliberation. */
export async function reviewProposal(h: Harness, drafter: string, advisor: string, id: string): Promise<string> {
  const p = expectOk(await h.gql(ProposalDocument, { id, step: ProposalStep.RequestLegalityReview }, { token: drafter })).proposal;
  const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId: id, version: p.version } }, { token: drafter })).requestLegalityReview.review;
  expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: advisor }));
  const o = expectOk(
    await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审查，合法。', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: advisor }),
  ).saveOpinionDraft.opinion;
  expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: advisor }));
  return r.id;
}

/** The demo director's office meeting (seed): the director heads it; these are its other members. */
export const DIRECTORS_OFFICE_OTHERS = ['deputy', 'deputy2', 'member'] as const;

/**
 * Convenes a meeting of a demo standing body (default: the director's office meeting, on
 * 2026-03-05): the roll is the body's members on the date; `absent` names who is absent and why.
 */
export async function convene(
  h: Harness,
  token: string,
  uid: Record<string, string>,
  opts: { title?: string; heldOn?: string; body?: DeliberatingBody; absent?: Record<string, string>; delegateTo?: string } = {},
) {
  return expectOk(
    await h.gql(
      CreateMeetingDocument,
      {
        input: {
          title: opts.title ?? '2026年第3次主任办公会议',
          body: opts.body ?? DeliberatingBody.DirectorsOffice,
          heldOn: opts.heldOn ?? '2026-03-05',
          absences: Object.entries(opts.absent ?? {}).map(([u, reason]) => ({ userId: uid[u]!, reason })),
          delegation: opts.delegateTo ? { deputyUserId: uid[opts.delegateTo]!, note: '主任出差，书面委托主持会议' } : null,
        },
      },
      { token },
    ),
  ).createMeeting.meeting;
}

/** Adds users as members of a demo standing body (default: the director's office meeting) from `startedOn`. */
export async function joinBody(
  h: Harness,
  adminToken: string,
  uid: Record<string, string>,
  usernames: readonly string[],
  opts: { body?: DeliberatingBody; startedOn?: string } = {},
) {
  const kind = opts.body ?? DeliberatingBody.DirectorsOffice;
  const body = expectOk(await h.gql(StandingBodiesDocument, { first: 10 }, { token: adminToken })).standingBodies.nodes.find((b) => b.kind === kind)!;
  for (const u of usernames) {
    expectOk(await h.gql(AddBodyMemberDocument, { input: { bodyId: body.id, userId: uid[u]!, startedOn: opts.startedOn ?? '2026-01-05', deputy: false, title: '成员' } }, { token: adminToken }));
  }
  return body.id;
}

/**
 * Takes a ready proposal through the legality review to a LAWFUL opinion with findings; must-fix
 * findings are answered (adopted), so the proposal is ready for deliberation. Returns the findings.
 */
export async function reviewWithFindings(h: Harness, drafter: string, advisor: string, id: string, findings: { mustFix: boolean; text: string }[]) {
  const p = expectOk(await h.gql(ProposalDocument, { id, step: ProposalStep.RequestLegalityReview }, { token: drafter })).proposal;
  const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId: id, version: p.version } }, { token: drafter })).requestLegalityReview.review;
  expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: advisor }));
  const o = expectOk(
    await h.gql(
      SaveOpinionDraftDocument,
      {
        input: {
          reviewId: r.id,
          // must-fix findings make it lawful with amendments, the content aspect needing them (R-LR-4/5)
          conclusion: findings.some((f) => f.mustFix) ? OpinionConclusion.LawfulWithAmendments : OpinionConclusion.Lawful,
          text: '经审查，合法；意见如下。',
          findings: findings.map((f) => ({ aspect: FindingAspect.Content, mustFix: f.mustFix, text: f.text, lawName: '《优化营商环境条例》', article: '第六十二条' })),
          aspects: aspectsFor(
            findings.some((f) => f.mustFix) ? OpinionConclusion.LawfulWithAmendments : OpinionConclusion.Lawful,
            findings.map((f) => ({ aspect: FindingAspect.Content, mustFix: f.mustFix })),
          ),
        },
      },
      { token: advisor },
    ),
  ).saveOpinionDraft.opinion;
  const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: advisor })).issueOpinion.opinion;
  for (const f of issued.findings.filter((x) => x.mustFix)) {
    expectOk(await h.gql(RespondToFindingDocument, { input: { findingId: f.id, response: FindingResponse.Adopted } }, { token: drafter }));
  }
  return issued.findings;
}

/** A complete package for a CGZF enforcement case: facts, legal basis, two evidence items, two officers, the procedure (with a hearing). */
export async function completeEnforcementPackage(h: Harness, drafter: string, caseId: string, measure: { kinds: EnforcementMeasureKind[]; fineAmount?: string; confiscationValue?: string }) {
  const c = expectOk(await h.gql(EnforcementCaseDocument, { id: caseId }, { token: drafter })).enforcementCase;
  expectOk(
    await h.gql(
      UpdateEnforcementCaseDocument,
      {
        input: {
          caseId,
          version: c.version,
          factsFound: '当事人于2026年2月在经营场所未安装油烟净化设施，油烟排放浓度超过国家标准。',
          legalBasis: { lawName: '《中华人民共和国大气污染防治法》', article: '第一百一十八条第一款', discretionStandard: '《广州市城市管理综合执法自由裁量权基准》油烟类第3档（情节较重）' },
          circumstances: { majorPublicInterest: false, socialRisk: false, complexCase: false, hearingRequired: true },
        },
      },
      { token: drafter },
    ),
  );
  for (const [kind, title] of [
    [EvidenceKind.InspectionRecord, '现场检查笔录'],
    [EvidenceKind.ElectronicData, '油烟在线监测数据'],
  ] as const) {
    expectOk(await h.gql(AddEnforcementEvidenceDocument, { input: { caseId, kind, title, description: `${title}（2页）`, obtainedOn: '2026-02-10' } }, { token: drafter }));
  }
  for (const [name, certificateNumber] of [
    ['张执法', '44011100123'],
    ['王执法', '44011100124'],
  ] as const) {
    expectOk(await h.gql(AddEnforcementOfficerDocument, { input: { caseId, name, certificateNumber, certificateValidUntil: '2027-12-31' } }, { token: drafter }));
  }
  for (const [kind, occurredOn, note] of [
    [EnforcementProcedureKind.Investigation, '2026-02-10', '立案调查，现场检查并制作笔录'],
    [EnforcementProcedureKind.RightsNotification, '2026-02-20', '送达行政处罚事先告知书，告知陈述申辩和听证权利'],
    [EnforcementProcedureKind.StatementAndDefence, '2026-02-24', '当事人提出书面陈述申辩'],
    [EnforcementProcedureKind.Hearing, '2026-03-02', '应当事人申请举行听证'],
  ] as const) {
    expectOk(await h.gql(RecordEnforcementProcedureDocument, { input: { caseId, kind, occurredOn, note } }, { token: drafter }));
  }
  return expectOk(
    await h.gql(
      AddProposedEnforcementDecisionDocument,
      { input: { caseId, text: '行政处罚决定书（拟）\n一、责令改正；\n二、处罚款。', changeNote: '拟作出的决定', measure: { kinds: measure.kinds, fineAmount: measure.fineAmount, confiscationValue: measure.confiscationValue } } },
      { token: drafter },
    ),
  ).addProposedEnforcementDecision.enforcementCase;
}

/**
 * Findings of an opinion on an enforcement decision, one per aspect of R-EN-3 (authority, facts and
 * evidence, legal basis, procedure, discretion, documents) — every one needs a conclusion; `over`
 * replaces the finding on an aspect (e.g. a must-fix on the discretion).
 */
export function enforcementFindings(over: Partial<Record<FindingAspect, { mustFix: boolean; text: string }>> = {}) {
  const base: Record<FindingAspect, { mustFix: boolean; text: string; article: string }> = {
    [FindingAspect.Authority]: { mustFix: false, text: '执法主体适格，两名执法人员均持有有效执法证', article: '第十八条、第四十二条' },
    [FindingAspect.FactsAndEvidence]: { mustFix: false, text: '违法事实清楚，证据确凿充分', article: '第四十条' },
    [FindingAspect.LegalBasis]: { mustFix: false, text: '适用法律正确', article: '第四条' },
    [FindingAspect.Procedure]: { mustFix: false, text: '已告知陈述、申辩和听证权利，程序合法', article: '第四十四条、第六十三条' },
    [FindingAspect.Discretion]: { mustFix: false, text: '罚款数额在裁量基准幅度内，与同类案件相当', article: '第三十四条' },
    [FindingAspect.Documents]: { mustFix: false, text: '执法文书齐全规范', article: '第五十九条' },
    [FindingAspect.Content]: { mustFix: false, text: '', article: '' },
  };
  return [FindingAspect.Authority, FindingAspect.FactsAndEvidence, FindingAspect.LegalBasis, FindingAspect.Procedure, FindingAspect.Discretion, FindingAspect.Documents].map((aspect) => ({
    aspect,
    ...base[aspect],
    ...over[aspect],
    lawName: '《中华人民共和国行政处罚法》',
  }));
}

/** A CGZF enforcement case with a complete package, fined `fineAmount` yuan (an organisation): major from 100,000. */
export async function readyEnforcementCase(h: Harness, drafter: string, title: string, fineAmount = '120000.00') {
  const c = expectOk(
    await h.gql(CreateEnforcementCaseDocument, { input: { title, party: { kind: PartyKind.Organisation, name: '广州市某餐饮管理有限公司', idNumber: '91440111MA59XXXX0X' } } }, { token: drafter }),
  ).createEnforcementCase.enforcementCase;
  return completeEnforcementPackage(h, drafter, c.id, { kinds: [EnforcementMeasureKind.Fine], fineAmount });
}
