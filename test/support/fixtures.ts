import {
  AcceptReviewDocument,
  AddDirectoryItemDocument,
  AddDraftVersionDocument,
  AddMaterialDocument,
  CreateDirectoryDocument,
  CreateProposalDocument,
  DecisionCategory,
  DepartmentsDocument,
  IncludeProposalDocument,
  IssueOpinionDocument,
  MaterialKind,
  OpinionConclusion,
  ProposalDocument,
  ProposalStep,
  ProposalSource,
  PublishDirectoryDocument,
  RecordPartyApprovalDocument,
  RequestLegalityReviewDocument,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { expectOk, type Harness } from './harness';
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
