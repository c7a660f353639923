import { Role } from '../../src/core/roles';
import { canSeeContract } from '../../src/contract/contract.visibility';
import { DocumentState } from '../../src/normative/normative.enums';
import { canSeeNormativeDocument, canSeeNormativeVersion, visibleNormativeDocuments } from '../../src/normative/normative.visibility';
import { canSeeProposal, visibleProposals } from '../../src/proposal/proposal.visibility';
import { OpinionStatus } from '../../src/review/review.enums';
import { canSeeOpinion, canSeeReview } from '../../src/review/review.visibility';

const dept = (id: string) => ({ id });
const user = (roles: Role[], department: string) => ({ roles, department: dept(department) });

const ownDrafter = user([Role.DRAFTER], 'JJFZ');
const otherDrafter = user([Role.DRAFTER], 'CGZF');
const crossRoles = [Role.ADMIN, Role.DECISION_MAKER, Role.LEGAL_ADVISOR, Role.FILING_OFFICER].map((r) => user([r], 'ELSEWHERE'));

describe('visibility rules', () => {
  it('proposals, reviews and contracts: their department and the cross-department roles', () => {
    const owned = { sponsorDepartment: dept('JJFZ'), department: dept('JJFZ') };
    for (const rule of [canSeeProposal, canSeeReview, canSeeContract] as ((u: typeof ownDrafter, x: typeof owned) => boolean)[]) {
      expect(rule(ownDrafter, owned)).toBe(true);
      expect(rule(otherDrafter, owned)).toBe(false);
      for (const u of crossRoles) expect(rule(u, owned)).toBe(true);
    }
    expect(visibleProposals(otherDrafter)).toEqual({ sponsorDepartment: 'CGZF' });
    for (const u of crossRoles) expect(visibleProposals(u)).toEqual({});
  });

  it('opinions: issued ones with their review, drafts for legal advisors only', () => {
    const review = { department: dept('JJFZ') };
    expect(canSeeOpinion(ownDrafter, review, { status: OpinionStatus.ISSUED })).toBe(true);
    expect(canSeeOpinion(ownDrafter, review, { status: OpinionStatus.DRAFT })).toBe(false);
    expect(canSeeOpinion(otherDrafter, review, { status: OpinionStatus.ISSUED })).toBe(false);
    expect(canSeeOpinion(user([Role.LEGAL_ADVISOR], 'FLGW'), review, { status: OpinionStatus.DRAFT })).toBe(true);
    expect(canSeeOpinion(user([Role.DECISION_MAKER], 'DGW'), review, { status: OpinionStatus.DRAFT })).toBe(false);
  });

  it.each([
    [DocumentState.DRAFTING, false],
    [DocumentState.RELEASED, true],
    [DocumentState.AMENDED, true],
    [DocumentState.REPEALED, true],
  ])('normative documents %s: everyone sees it once released (%s), with the released text only', (state, forEveryone) => {
    const d = { state, sponsorDepartment: dept('JJFZ'), currentVersionNumber: 3 };
    expect(canSeeNormativeDocument(ownDrafter, d)).toBe(true);
    expect(canSeeNormativeDocument(otherDrafter, d)).toBe(forEveryone);
    for (const u of crossRoles) expect(canSeeNormativeDocument(u, d)).toBe(true);
    // the sponsor department and the cross-department roles read every version …
    for (const u of [ownDrafter, ...crossRoles]) expect([1, 2, 3].map((n) => canSeeNormativeVersion(u, d, n))).toEqual([true, true, true]);
    // … everyone else at most the released one
    expect([1, 2, 3].map((n) => canSeeNormativeVersion(otherDrafter, d, n))).toEqual([false, false, forEveryone]);
  });

  it('lists the register by the same rule', () => {
    expect(visibleNormativeDocuments(otherDrafter)).toEqual({ $or: [{ state: { $ne: DocumentState.DRAFTING } }, { sponsorDepartment: 'CGZF' }] });
    for (const u of crossRoles) expect(visibleNormativeDocuments(u)).toEqual({});
  });
});
