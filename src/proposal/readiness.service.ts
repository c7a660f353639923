import type { EntityManager } from '@mikro-orm/postgresql';
import { Material } from '../content/material.entity';
import { localDateOf } from '../core/clock';
import type { DateFacts } from '../core/date-constraints';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import type { ReviewQueryService } from '../review/review-query.service';
import { ReviewSubjectType } from '../review/review.enums';
import { ProposalBase, type ProposalDeps } from './proposal-base';
import { PROPOSAL_OWNER, type DecisionProposal } from './proposal.entity';
import { ProposalState, ProposalStep } from './proposal.enums';
import { ConsultationOpinion, ExpertOpinion, FairCompetitionReview, Hearing, PublicConsultation, RiskAssessment } from './procedure.entity';
import { ProposalAlternative } from './proposal.entity';
import { PROPOSAL_WORKFLOW } from './proposal.workflow';
import type { ProposalDate } from './proposal-dates.rules';
import {
  deliberationBlockers,
  deliberationPackageViolations,
  legalityReviewBlockers,
  riskDeliberationViolations,
  type ReadinessSnapshot,
} from './readiness.rules';

export interface ReadinessDeps extends ProposalDeps {
  reviews: ReviewQueryService;
}

/**
 * What stands between a proposal and its next step, all at once: inclusion (R-DIR-4), a complete
 * legality-review package (R-LR-2, R-DEC-2…7), deliberation (R-DEC-7…10).
 */
export class ReadinessService extends ProposalBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: ReadinessDeps,
  ) {
    super(em, deps);
  }

  async blockers(user: Actor, proposalId: string, step: ProposalStep): Promise<Violation[]> {
    const p = await this.getVisible(user, proposalId);
    return this.blockersIn(this.em, p, step);
  }

  async blockersIn(em: EntityManager, p: DecisionProposal, step: ProposalStep): Promise<Violation[]> {
    if (step === ProposalStep.INCLUDE) return PROPOSAL_WORKFLOW.violations(p.state, 'INCLUDE');
    if (step === ProposalStep.DELIBERATION) return (await this.deliberationBlockersOf(em, [p]))[0]!;
    return legalityReviewBlockers(await this.snapshot(em, p), this.deps.config.rules, this.today);
  }

  /**
   * What blocks each proposal's deliberation (R-DEC-8, R-DEC-9, the package and the risk rounds), for
   * many proposals at once: the readiness facts, the opinions in force, the current drafts and the
   * pending reviews each read in one go, whatever the number of proposals (the readiness facts
   * passed in when the caller read them already).
   */
  async deliberationBlockersOf(em: EntityManager, ps: readonly DecisionProposal[], read?: readonly ReadinessSnapshot[]): Promise<Violation[][]> {
    if (ps.length === 0) return [];
    const ids = ps.map((p) => p.id);
    const snapshots = read ?? (await this.snapshots(em, ps));
    const { inForce, pending } = await this.deps.reviews.reviewFactsOf(em, ReviewSubjectType.DECISION, ids);
    // The current drafts' hashes, joined to their proposals: one statement whatever the proposals hold.
    const drafts: { owner_id: string; content_hash: string }[] = await em.execute(
      `select t.owner_id, t.content_hash from text_version t join decision_proposal p on p.id = t.owner_id and t.number = p.current_draft_number where t.owner_type = ? and p.id in (${ids.map(() => '?').join(', ')})`,
      [PROPOSAL_OWNER, ...ids],
    );
    const draftHash = new Map(drafts.map((d) => [d.owner_id, d.content_hash]));
    return ps.map((p, i) => {
      const v: Violation[] = [];
      if (p.state !== ProposalState.LEGALITY_REVIEWED && p.state !== ProposalState.INCLUDED && p.state !== ProposalState.LEGALITY_REVIEW_REQUESTED) {
        v.push(...PROPOSAL_WORKFLOW.requireState(p.state, [ProposalState.LEGALITY_REVIEWED], '提交集体讨论', 'R-DEC-8'));
      }
      const opinion = inForce.get(p.id);
      v.push(
        ...deliberationBlockers({
          opinion: opinion
            ? {
                conclusion: opinion.opinion.conclusion,
                reviewedDraftHash: opinion.opinion.reviewedDraftHash,
                confirmedHashes: opinion.confirmedHashes,
                findings: opinion.findings.map((f) => ({ seq: f.seq, mustFix: f.mustFix, response: f.response ?? null, responseReason: f.responseReason ?? null })),
              }
            : null,
          currentDraftHash: draftHash.get(p.id) ?? null,
          reviewPending: pending.has(p.id),
        }),
      );
      const snapshot = snapshots[i]!;
      v.push(...deliberationPackageViolations(snapshot), ...riskDeliberationViolations(snapshot.latestRisk));
      return v;
    });
  }

  /**
   * The dates of the proposal's deliberation package (proposal-dates.rules.ts): the legality opinion
   * in force, the consultation and its opinions, the hearing, expert opinions, risk rounds and the
   * fair-competition review. A meeting checks them against its day before taking the proposal (R-DEC-8, R-DEC-10).
   */
  async packageDatesIn(em: EntityManager, p: DecisionProposal): Promise<DateFacts<ProposalDate>> {
    const inForce = await this.deps.reviews.opinionInForce(em, ReviewSubjectType.DECISION, p.id);
    const consultation = await em.findOne(PublicConsultation, { proposal: p.id });
    const opinions = consultation ? await em.find(ConsultationOpinion, { consultation: consultation.id }, { fields: ['receivedOn'] }) : [];
    const hearing = await em.findOne(Hearing, { proposal: p.id });
    const experts = await em.find(ExpertOpinion, { proposal: p.id }, { fields: ['signedOn'] });
    const risks = await em.find(RiskAssessment, { proposal: p.id }, { fields: ['assessedOn'] });
    const fair = await em.findOne(FairCompetitionReview, { proposal: p.id });
    const issuedAt = inForce?.opinion.issuedAt;
    return {
      legalityOpinionIssuedOn: issuedAt ? localDateOf(issuedAt, this.deps.config.timeZone) : null,
      consultationStartsOn: consultation?.startsOn ?? null,
      consultationEndsOn: consultation?.endsOn ?? null,
      opinionsReceivedOn: opinions.map((o) => o.receivedOn),
      hearingHeldOn: hearing?.heldOn ?? null,
      hearingParticipantsPublishedOn: hearing?.participantsPublishedOn ?? null,
      hearingMaterialsSentOn: hearing?.materialsSentOn ?? null,
      expertOpinionsSignedOn: experts.map((e) => e.signedOn),
      riskAssessedOn: risks.map((r) => r.assessedOn),
      fairCompetitionReviewedOn: fair?.reviewedOn ?? null,
    };
  }

  /** The R-LR-2 / R-DEC-2…7 blockers of a request for legality review, from a snapshot. */
  legalityReviewBlockersOf(snapshot: ReadinessSnapshot): Violation[] {
    return legalityReviewBlockers(snapshot, this.deps.config.rules, this.today);
  }

  /** The facts the readiness rules read, for one proposal. */
  async snapshot(em: EntityManager, p: DecisionProposal): Promise<ReadinessSnapshot> {
    return (await this.snapshots(em, [p]))[0]!;
  }

  /**
   * The facts the readiness rules read, for many proposals at once: one statement per kind of record,
   * whatever the number of proposals (a list of proposals with their blockers costs the same as one).
   * Sequential on purpose: inside a transaction all statements share one connection.
   */
  async snapshots(em: EntityManager, ps: readonly DecisionProposal[]): Promise<ReadinessSnapshot[]> {
    const ids = ps.map((p) => p.id);
    const proposal = { $in: ids };
    const alternatives = await em.find(ProposalAlternative, { proposal }, { fields: ['proposal'] });
    const consultations = await em.find(PublicConsultation, { proposal });
    const hearings = await em.find(Hearing, { proposal });
    const experts = await em.find(ExpertOpinion, { proposal }, { orderBy: { signedOn: 'asc', id: 'asc' } });
    const risks = await em.find(RiskAssessment, { proposal }, { orderBy: { round: 'desc' } });
    const fairs = await em.find(FairCompetitionReview, { proposal });
    const materials = await em.find(Material, { ownerType: PROPOSAL_OWNER, ownerId: { $in: ids } }, { fields: ['kind', 'ownerId'] });
    const opinions = consultations.length
      ? await em.find(ConsultationOpinion, { consultation: { $in: consultations.map((c) => c.id) } }, { orderBy: { seq: 'asc' } })
      : [];
    // Each kind of record grouped by its proposal once, not filtered again for every proposal.
    const byProposal = <T extends { proposal: { id: string } }>(rows: T[]) => groupBy(rows, (r) => r.proposal.id);
    const alternativesOf = byProposal(alternatives);
    const consultationsOf = byProposal(consultations);
    const hearingsOf = byProposal(hearings);
    const expertsOf = byProposal(experts);
    const risksOf = byProposal(risks);
    const fairsOf = byProposal(fairs);
    const materialsOf = groupBy(materials, (m) => m.ownerId);
    const opinionsOf = groupBy(opinions, (o) => o.consultation.id);
    return ps.map((p) => {
      const consultation = consultationsOf.get(p.id)?.[0] ?? null;
      const hearing = hearingsOf.get(p.id)?.[0] ?? null;
      const risk = risksOf.get(p.id)?.[0] ?? null;
      const fair = fairsOf.get(p.id)?.[0] ?? null;
      return {
        state: p.state,
        flags: p,
        viewsDifferWidely: p.viewsDifferWidely,
        addedProcedures: p.addedProcedures,
        currentDraftNumber: p.currentDraftNumber,
        alternatives: alternativesOf.get(p.id)?.length ?? 0,
        consultation: consultation
          ? {
              startsOn: consultation.startsOn,
              endsOn: consultation.endsOn,
              shortenedReason: consultation.shortenedReason ?? null,
              adoptionSummary: consultation.adoptionSummary ?? null,
              opinions: (opinionsOf.get(consultation.id) ?? []).map((o) => ({ seq: o.seq, response: o.response ?? null, responseReason: o.responseReason ?? null })),
            }
          : null,
        hearing: hearing
          ? {
              heldOn: hearing.heldOn,
              participantsPublishedOn: hearing.participantsPublishedOn,
              materialsSentOn: hearing.materialsSentOn,
              recordSigned: hearing.recordSigned,
              record: hearing.record ?? null,
            }
          : null,
        expertOpinions: (expertsOf.get(p.id) ?? []).map((e) => ({ expertName: e.expertName, adoption: e.adoption ?? null, adoptionReason: e.adoptionReason ?? null })),
        latestRisk: risk ? { level: risk.level, round: risk.round } : null,
        fairCompetition: fair ? { conclusion: fair.conclusion } : null,
        materialKinds: new Set((materialsOf.get(p.id) ?? []).map((m) => m.kind)),
      };
    });
  }
}

/** Rows by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(row);
  }
  return groups;
}
