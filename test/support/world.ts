import {
  AcceptReviewDocument,
  AddAgendaItemDocument,
  AddContractMaterialDocument,
  AddDirectoryItemDocument,
  AddNormativeVersionDocument,
  CreateContractDocument,
  CreateDirectoryDocument,
  CreateNormativeDocumentDocument,
  DecisionCategory,
  FilingMaterialKind,
  FinaliseMeetingDocument,
  HeadDecision,
  IssueOpinionDocument,
  Issuer,
  MaterialKind,
  MeetingDocument,
  MemberPositionKind,
  OpinionConclusion,
  PrepareFilingMaterialDocument,
  ProposalDecisionDocument,
  ProposalDocument,
  ProposalStep,
  PublishDecisionDocument,
  PublishDirectoryDocument,
  RecordHeadDecisionDocument,
  RecordPartyApprovalDocument,
  RecordPartyReportDocument,
  RecordPositionDocument,
  RequestContractReviewDocument,
  RequestEnforcementReviewDocument,
  RequestLegalityReviewDocument,
  RequestNormativeReviewDocument,
  SaveOpinionDraftDocument,
  SignDecisionDocument,
  UsersDocument,
} from '../__generated__/graphql';
import { convene, DIRECTORS_OFFICE_OTHERS, enforcementFindings, readyEnforcementCase, readyProposal, signIn } from './fixtures';
import { expectOk, type Harness } from './harness';
import { addContractPackage, addNormativePackage, aspectsFor, CONTRACT_FACTS, ENFORCEMENT_ASPECTS } from './packages';

/** The demo users the visibility tests act as. */
export const WORLD_USERS = ['drafter', 'drafter2', 'advisor', 'filing', 'director', 'admin'] as const;

/** What one department owns in the world: a reviewed proposal on the meeting's agenda. */
export interface DepartmentWork {
  proposalId: string;
  proposalCode: string;
  reviewId: string;
  opinionId: string;
  agendaItemId: string;
}

export interface World {
  tokens: Record<string, string>;
  dept: Record<string, string>;
  uid: Record<string, string>;
  directoryId: string;
  meetingId: string;
  /** JJFZ (drafter): proposal approved into a published decision that produced a normative document in drafting. */
  jjfz: DepartmentWork & {
    decisionId: string;
    contractId: string;
    contractReviewId: string;
    /** The document the decision produced: in drafting, with a review requested. */
    draftDocumentId: string;
    draftDocumentReviewId: string;
    /** A released document implementing the JJFZ proposal: two versions (the second one released) and a filing material. */
    releasedDocumentId: string;
  };
  /** CGZF (drafter2): proposal on the same agenda, deferred; and a major enforcement case reviewed (AGREED). */
  cgzf: DepartmentWork & { enforcementCaseId: string; enforcementReviewId: string };
}

/** Reviews the proposal to an issued LAWFUL opinion; returns the review and opinion ids. */
async function reviewed(h: Harness, t: Record<string, string>, drafter: string, proposalId: string) {
  const p = expectOk(await h.gql(ProposalDocument, { id: proposalId, step: ProposalStep.RequestLegalityReview }, { token: drafter })).proposal;
  const r = expectOk(await h.gql(RequestLegalityReviewDocument, { input: { proposalId, version: p.version } }, { token: drafter })).requestLegalityReview.review;
  expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: 1 } }, { token: t.advisor! }));
  const o = expectOk(
    await h.gql(SaveOpinionDraftDocument, { input: { reviewId: r.id, conclusion: OpinionConclusion.Lawful, text: '经审查，合法。（法律意见全文）', findings: [], aspects: aspectsFor(OpinionConclusion.Lawful, []) } }, { token: t.advisor! }),
  ).saveOpinionDraft.opinion;
  expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: t.advisor! }));
  return { reviewId: r.id, opinionId: o.id, code: p.code };
}

/**
 * Two departments' work side by side, through the API: JJFZ's proposal (reviewed, deliberated,
 * approved, signed and published, producing a normative document in drafting), a JJFZ contract
 * under review, a released JJFZ normative document, CGZF's reviewed proposal deferred on the
 * same meeting, and a CGZF enforcement case with its review and an AGREED opinion. Every guarded object of one department is one the other department's drafter must
 * never see, while the cross-department roles see them all.
 */
export async function buildWorld(h: Harness): Promise<World> {
  const { tokens: t, dept } = await signIn(h, [...WORLD_USERS]);
  const uid: Record<string, string> = {};
  for (const e of expectOk(await h.gql(UsersDocument, { first: 100 }, { token: t.admin! })).users.edges) uid[e.node.username] = e.node.id;

  // A published directory with one item for each department.
  let d: { id: string; version: number } = expectOk(
    await h.gql(CreateDirectoryDocument, { input: { year: 2026, title: '白云湖街2026年度重大行政决策事项目录' } }, { token: t.director! }),
  ).createDirectory.directory;
  const itemOf: Record<string, string> = {};
  for (const [code, title] of [
    ['JJFZ', '电竞产业扶持办法'],
    ['CGZF', '餐饮油烟专项整治方案'],
  ] as const) {
    const added = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        { input: { directoryId: d.id, title, category: DecisionCategory.PublicPolicy, sponsorDepartmentId: dept[code]!, legalBasis: '依据', plannedQuarter: 2, reason: '理由' } },
        { token: t.director! },
      ),
    ).addDirectoryItem;
    itemOf[code] = added.item.id;
    d = added.directory;
  }
  d = expectOk(await h.gql(RecordPartyApprovalDocument, { input: { directoryId: d.id, version: d.version, approvedOn: '2026-01-08', reference: '纪要' } }, { token: t.director! }))
    .recordPartyApproval.directory;
  expectOk(await h.gql(PublishDirectoryDocument, { input: { directoryId: d.id, version: d.version } }, { token: t.director! }));

  const jjfzProposal = await readyProposal(h, t.drafter!, t.director!, itemOf.JJFZ!, '电竞产业扶持办法');
  const cgzfProposal = await readyProposal(h, t.drafter2!, t.director!, itemOf.CGZF!, '餐饮油烟专项整治方案');
  const jr = await reviewed(h, t, t.drafter!, jjfzProposal);
  const cr = await reviewed(h, t, t.drafter2!, cgzfProposal);

  // One meeting deliberates both: JJFZ's is approved, CGZF's deferred.
  const meeting = await convene(h, t.admin!, uid);
  const agendaItem: Record<string, string> = {};
  for (const [code, proposalId, decision] of [
    ['JJFZ', jjfzProposal, HeadDecision.Approve],
    ['CGZF', cgzfProposal, HeadDecision.Defer],
  ] as const) {
    const item = expectOk(await h.gql(AddAgendaItemDocument, { input: { meetingId: meeting.id, proposalId } }, { token: t.admin! })).addAgendaItem.agendaItem;
    agendaItem[code] = item.id;
    for (const member of DIRECTORS_OFFICE_OTHERS) {
      expectOk(
        await h.gql(
          RecordPositionDocument,
          { input: { agendaItemId: item.id, memberUserId: uid[member]!, position: MemberPositionKind.Support, remarks: `${code} 同意` } },
          { token: t.admin! },
        ),
      );
    }
    expectOk(await h.gql(RecordHeadDecisionDocument, { input: { agendaItemId: item.id, version: item.version, decision, reason: '会议决定' } }, { token: t.director! }));
  }
  const m = expectOk(await h.gql(MeetingDocument, { id: meeting.id }, { token: t.director! })).meeting;
  expectOk(await h.gql(FinaliseMeetingDocument, { input: { meetingId: meeting.id, version: m.version, minutes: '会议纪要：讨论了两项议题。' } }, { token: t.director! }));

  // JJFZ's decision: signed, reported, published, producing a normative document.
  let decision = expectOk(await h.gql(ProposalDecisionDocument, { id: jjfzProposal }, { token: t.director! })).proposal.decision!;
  decision = expectOk(await h.gql(SignDecisionDocument, { input: { proposalId: jjfzProposal, version: decision.version, draftNumber: 1 } }, { token: t.director! })).signDecision
    .decision;
  decision = expectOk(await h.gql(RecordPartyReportDocument, { input: { proposalId: jjfzProposal, version: decision.version, reportedOn: '2026-03-05' } }, { token: t.director! }))
    .recordPartyReport.decision;
  decision = expectOk(
    await h.gql(
      PublishDecisionDocument,
      {
        input: {
          proposalId: jjfzProposal,
          version: decision.version,
          channel: '白云湖街政务网站',
          publishedOn: '2026-03-05',
          normativeDocument: { issuer: Issuer.StreetOffice, affectsBusinessesOrPublic: true, touchesMarketEntities: true },
        },
      },
      { token: t.director! },
    ),
  ).publishDecision.decision;
  const draftDocumentId = decision.normativeDocument!.id;
  await addNormativePackage(h, t.drafter!, draftDocumentId);
  const draftDocumentReviewId = expectOk(await h.gql(RequestNormativeReviewDocument, { input: { documentId: draftDocumentId } }, { token: t.drafter! })).requestNormativeReview
    .review.id;

  // A JJFZ contract under review, with a material.
  const contract = expectOk(
    await h.gql(CreateContractDocument, { input: { title: '电竞场馆租赁合同', counterparty: '广州某文化有限公司', amount: '360000.00', text: '租赁合同 第一版（保密）', ...CONTRACT_FACTS } }, { token: t.drafter! }),
  ).createContract.contract;
  expectOk(await h.gql(AddContractMaterialDocument, { input: { contractId: contract.id, kind: MaterialKind.Other, title: '场馆清单', text: '场馆清单（保密）' } }, { token: t.drafter! }));
  await addContractPackage(h, t.drafter!, contract.id);
  const contractReviewId = expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId: contract.id } }, { token: t.drafter! })).requestContractReview.review.id;

  // A released JJFZ document implementing the proposal: two versions, the second released (put into the released state directly).
  const released = expectOk(
    await h.gql(
      CreateNormativeDocumentDocument,
      { input: { title: '白云湖街出租屋消防安全管理办法', issuer: Issuer.StreetOffice, text: '征求意见稿（内部）', affectsBusinessesOrPublic: true, touchesMarketEntities: false } },
      { token: t.drafter! },
    ),
  ).createNormativeDocument.document;
  expectOk(await h.gql(AddNormativeVersionDocument, { input: { documentId: released.id, text: '第一条 为加强出租屋消防安全管理，制定本办法。', changeNote: '定稿' } }, { token: t.drafter! }));
  expectOk(
    await h.gql(PrepareFilingMaterialDocument, { input: { documentId: released.id, kind: FilingMaterialKind.DraftingExplanation, text: '起草说明（内部）' } }, { token: t.drafter! }),
  );
  await h.sql(
    `update normative_document set state = 'RELEASED', published_on = '2026-03-01', publication_channel = '白云湖街政务网站', registration_number = '云湖街规〔2026〕1号',
       registered_on = '2026-02-27', confirmed_verdict = 'FILING_REQUIRED', originating_proposal_id = ? where id = ?`,
    [jjfzProposal, released.id],
  );
  // its number is taken from the issuer's sequence, so a number given later through the API never repeats it (R-ND-5)
  await h.sql(`insert into number_sequence (scope, last_value) values ('normative:STREET_OFFICE:2026', 1) on conflict (scope) do update set last_value = greatest(number_sequence.last_value, 1)`);

  // A CGZF enforcement case (a major fine), reviewed to an AGREED opinion.
  const enforcement = await readyEnforcementCase(h, t.drafter2!, '广州市某餐饮管理有限公司油烟超标排放案');
  const enforcementReviewId = expectOk(await h.gql(RequestEnforcementReviewDocument, { input: { caseId: enforcement.id, version: enforcement.version } }, { token: t.drafter2! }))
    .requestEnforcementReview.review.id;
  expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: enforcementReviewId, version: 1 } }, { token: t.advisor! }));
  const eo = expectOk(
    await h.gql(SaveOpinionDraftDocument, { input: { reviewId: enforcementReviewId, conclusion: OpinionConclusion.Agreed, text: '法制审核意见：同意。（意见全文）', findings: enforcementFindings(), aspects: aspectsFor(OpinionConclusion.Agreed, [], { aspects: ENFORCEMENT_ASPECTS }) } }, { token: t.advisor! }),
  ).saveOpinionDraft.opinion;
  expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: eo.id, version: eo.version } }, { token: t.advisor! }));

  return {
    tokens: t,
    dept,
    uid,
    directoryId: d.id,
    meetingId: meeting.id,
    jjfz: {
      proposalId: jjfzProposal,
      proposalCode: jr.code,
      reviewId: jr.reviewId,
      opinionId: jr.opinionId,
      agendaItemId: agendaItem.JJFZ!,
      decisionId: decision.id,
      contractId: contract.id,
      contractReviewId,
      draftDocumentId,
      draftDocumentReviewId,
      releasedDocumentId: released.id,
    },
    cgzf: {
      proposalId: cgzfProposal,
      proposalCode: cr.code,
      reviewId: cr.reviewId,
      opinionId: cr.opinionId,
      agendaItemId: agendaItem.CGZF!,
      enforcementCaseId: enforcement.id,
      enforcementReviewId,
    },
  };
}
