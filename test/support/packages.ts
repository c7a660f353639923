import {
  AddContractMaterialDocument,
  AddNormativeMaterialDocument,
  AspectConclusion,
  ChecklistAnswer,
  ChecklistItem,
  FindingAspect,
  MaterialKind,
  OpinionConclusion,
  type OpinionAspectInput,
} from '../__generated__/graphql';
import { expectOk } from './gql-result';
import type { Harness } from './harness';

/**
 * Review packages (R-LR-2) and per-aspect conclusions (R-LR-4, R-ND-11) for tests whose subject is
 * not the package or the opinion's coverage itself.
 */

/** The facts of a contract's package, to spread into createContract's input. */
export const CONTRACT_FACTS = {
  counterpartyQualification: '统一社会信用代码 91440101MA59XXXX0X；营业执照有效',
  legalBasis: '《中华人民共和国民法典》第四百六十四条',
  termStartsOn: '2026-04-01',
  termEndsOn: '2027-03-31',
};

/** Uploads the contract materials of the default package: qualification proof and negotiation record. */
export async function addContractPackage(h: Harness, token: string, contractId: string) {
  for (const [kind, title] of [
    [MaterialKind.CounterpartyQualification, '相对方资质证明'],
    [MaterialKind.NegotiationRecord, '磋商记录'],
  ] as const) {
    expectOk(await h.gql(AddContractMaterialDocument, { input: { contractId, kind, title, text: `${title}（内容）` } }, { token }));
  }
}

/** Uploads a normative document's default package: drafting explanation, basis, consultation record, fair-competition review. */
export async function addNormativePackage(h: Harness, token: string, documentId: string) {
  for (const [kind, title] of [
    [MaterialKind.DraftExplanation, '起草说明'],
    [MaterialKind.LegalBasisList, '制定依据清单'],
    [MaterialKind.ConsultationReport, '征求意见及采纳情况报告'],
    [MaterialKind.FairCompetitionReview, '公平竞争审查意见'],
  ] as const) {
    expectOk(await h.gql(AddNormativeMaterialDocument, { input: { documentId, kind, title, text: `${title}（内容）` } }, { token }));
  }
}

/** The R-ND-11 checklist answered "not involved" throughout. */
export const ND11_NOT_INVOLVED = Object.values(ChecklistItem).map((item) => ({ item, answer: ChecklistAnswer.NotInvolved }));

/**
 * One conclusion per aspect agreeing with the overall conclusion and the findings (R-LR-4): an aspect
 * with a finding is non-compliant under an unlawful opinion and needs amendment when a finding must be
 * fixed; every other aspect is compliant. `normative` walks the R-ND-11 checklist under content.
 */
export function aspectsFor(
  conclusion: OpinionConclusion,
  findings: readonly { aspect: FindingAspect; mustFix: boolean }[] = [],
  opts: { normative?: boolean; aspects?: readonly FindingAspect[] } = {},
): OpinionAspectInput[] {
  return (opts.aspects ?? [FindingAspect.Authority, FindingAspect.Procedure, FindingAspect.Content]).map((aspect) => {
    const mine = findings.filter((f) => f.aspect === aspect);
    const c =
      (conclusion === OpinionConclusion.Unlawful && mine.length > 0) || (conclusion === OpinionConclusion.NotAgreed && mine.some((f) => f.mustFix))
        ? AspectConclusion.NonCompliant
        : mine.some((f) => f.mustFix)
          ? AspectConclusion.NeedsAmendment
          : AspectConclusion.Compliant;
    return { aspect, conclusion: c, ...(opts.normative && aspect === FindingAspect.Content ? { checklist: ND11_NOT_INVOLVED } : {}) };
  });
}

/** The six aspects of a major law-enforcement decision's review (R-EN-3), in their order. */
export const ENFORCEMENT_ASPECTS = [
  FindingAspect.Authority,
  FindingAspect.FactsAndEvidence,
  FindingAspect.LegalBasis,
  FindingAspect.Procedure,
  FindingAspect.Discretion,
  FindingAspect.Documents,
] as const;
