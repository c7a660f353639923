import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { addCalendarDays, isValidLocalDate } from '../calendar/working-days';
import { startOfLocalDay } from '../core/clock';
import { BadInputError } from '../core/errors';
import { Role, type Actor } from '../core/roles';
import { User } from '../identity/user.entity';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { LegalOpinion, OpinionConfirmation, OpinionFinding } from './opinion.entity';
import { ReviewBase } from './review-base';
import { ReviewRequest } from './review-request.entity';
import type { AspectRequirement } from './review-aspects';
import type { ReviewQueueFilter } from './review.commands';
import { OpinionConclusion, OpinionStatus, ReviewStatus, ReviewSubjectType } from './review.enums';
import { visibleReviews } from './review.visibility';

export interface StatisticsRow {
  reviewId: string;
  code: string;
  subjectType: ReviewSubjectType;
  conclusion: OpinionConclusion;
  opinionIssuedOn: string;
  workingDays: number;
  onTime: boolean;
}

/** The opinion in force on a subject (the latest issued, not superseded) and what hangs on it. */
export interface OpinionInForce {
  opinion: LegalOpinion;
  findings: OpinionFinding[];
  /** Hashes of amended texts the advisor confirmed against it (R-DEC-9). */
  confirmedHashes: string[];
}

/** Reading reviews: the advisor's queue, counts, statistics, and the opinion in force on a subject. */
export class ReviewQueryService extends ReviewBase {
  queue(user: Actor, req: PageRequest, filter: ReviewQueueFilter): Promise<Page<ReviewRequest>> {
    const where: FilterQuery<ReviewRequest> = { ...visibleReviews(user) };
    if (filter.assignedToMe) where.assignedTo = user.id;
    if (filter.unassigned) where.assignedTo = null;
    if (filter.status) where.status = filter.status;
    if (filter.subjectType) where.subjectType = filter.subjectType;
    if (filter.overdue) {
      where.status = ReviewStatus.ACCEPTED;
      where.dueOn = { $lt: this.today };
    } else if (filter.dueWithinWorkingDays !== undefined && filter.dueWithinWorkingDays !== null) {
      where.status = ReviewStatus.ACCEPTED;
      where.dueOn = { $lte: this.deps.calendar.addWorkingDays(this.today, filter.dueWithinWorkingDays) };
    }
    // By due date; reviews without one (not yet accepted) come last.
    return paginate(this.em, ReviewRequest, where, req, this.deps.config.graphql, { field: 'dueSortKey', kind: 'string' });
  }

  /** The active legal advisors a review may be assigned to (R-LR-3), by username: the choices of assignReview. */
  advisors(): Promise<User[]> {
    return this.em.find(User, { active: true, roles: { $contains: [Role.LEGAL_ADVISOR] } }, { orderBy: { username: 'asc' } });
  }

  async counts(user: Actor): Promise<{ status: ReviewStatus; count: number }[]> {
    const rows: { status: ReviewStatus; count: string }[] = await this.em
      .createQueryBuilder(ReviewRequest)
      .select(['status', raw('count(*) as count')])
      .where(visibleReviews(user))
      .groupBy('status')
      .execute();
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.count)]));
    return Object.values(ReviewStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  }

  /** The aspects an opinion on this subject type concludes on (R-LR-4), as its adapter declares them. */
  aspectsOf(type: ReviewSubjectType): readonly AspectRequirement[] {
    return this.deps.subjects.of(type).aspects;
  }

  /** The opinion in force on a subject with its findings and confirmations; null when none was issued. */
  async opinionInForce(em = this.em, subjectType: ReviewSubjectType, subjectId: string): Promise<OpinionInForce | null> {
    return (await this.reviewFactsOf(em, subjectType, [subjectId])).inForce.get(subjectId) ?? null;
  }

  /**
   * The opinions in force on many subjects of one type, by subject id (a subject without one is
   * absent), and which subjects still wait for an opinion: the same five statements whatever the
   * subjects and whatever they hold.
   */
  async reviewFactsOf(em: EntityManager, subjectType: ReviewSubjectType, subjectIds: readonly string[]): Promise<{ inForce: Map<string, OpinionInForce>; pending: Set<string> }> {
    const ids = [...new Set(subjectIds)];
    const inForce = new Map<string, OpinionInForce>();
    if (ids.length === 0) return { inForce, pending: new Set() };
    const reviews = await em.find(ReviewRequest, { subjectType, subjectId: { $in: ids } }, { fields: ['id', 'subjectId', 'status'] });
    const pending = new Set(reviews.filter((r) => r.status !== ReviewStatus.OPINION_ISSUED).map((r) => r.subjectId));
    const subjectOf = new Map(reviews.map((r) => [r.id, r.subjectId]));
    // Issued opinions not superseded: at most one per review; the latest per subject is in force.
    const current = { status: OpinionStatus.ISSUED, superseded: false, review: { subjectType, subjectId: { $in: ids } } };
    const opinions = await em.find(LegalOpinion, current, { orderBy: { issuedAt: 'desc', id: 'asc' } });
    const findings = await em.find(OpinionFinding, { opinion: current }, { orderBy: { seq: 'asc' } });
    const confirmations = await em.find(OpinionConfirmation, { opinion: current });
    for (const opinion of opinions) {
      const subject = subjectOf.get(opinion.review.id);
      if (subject === undefined || inForce.has(subject)) continue;
      inForce.set(subject, {
        opinion,
        findings: findings.filter((f) => f.opinion.id === opinion.id),
        confirmedHashes: confirmations.filter((c) => c.opinion.id === opinion.id).map((c) => c.draftHash),
      });
    }
    return { inForce, pending };
  }

  /** Whether a review of the subject still waits for its opinion. */
  async hasPendingReview(em = this.em, subjectType: ReviewSubjectType, subjectId: string): Promise<boolean> {
    return (await em.count(ReviewRequest, { subjectType, subjectId, status: { $ne: ReviewStatus.OPINION_ISSUED } })) > 0;
  }

  /**
   * Statistics of opinions issued in [from, to] (calendar dates, business time zone), counted as the
   * annual report counts (R-AR-1): opinions are issued opinions, the corrections that supersede one
   * reported apart; per subject type, distinct subjects reviewed (a contract reviewed twice is one
   * contract; enforcement decisions reviewed are distinct cases, R-AR-2) and the reviews behind them; working days from acceptance to the first opinion
   * (without paused days) and the on-time rate — with the records behind every number.
   */
  async statistics(from: string, to: string) {
    if (!isValidLocalDate(from) || !isValidLocalDate(to) || to < from) throw new BadInputError('统计区间无效', 'from');
    const tz = this.deps.config.timeZone;
    const issued = await this.em.find(
      LegalOpinion,
      { status: OpinionStatus.ISSUED, issuedAt: { $gte: startOfLocalDay(from, tz), $lt: startOfLocalDay(addCalendarDays(to, 1), tz) } },
      { orderBy: { issuedAt: 'asc', id: 'asc' } },
    );
    // A correction supersedes an opinion of its review: reported apart, never counted as an opinion (R-AR-1).
    const opinions = issued.filter((o) => !o.supersedes);
    const corrections = issued.filter((o) => !!o.supersedes);
    const reviewIds = [...new Set(issued.map((o) => o.review.id))];
    const reviews = reviewIds.length ? await this.em.find(ReviewRequest, { id: { $in: reviewIds } }) : [];
    const byId = new Map(reviews.map((r) => [r.id, r]));
    const reviewOf = (o: LegalOpinion) => byId.get(o.review.id)!;
    const byConclusion = new Map<OpinionConclusion, string[]>();
    for (const o of opinions) byConclusion.set(o.conclusion, [...(byConclusion.get(o.conclusion) ?? []), o.id]);
    // Timeliness counts each review once: its first opinion, if issued in the range.
    const rows: StatisticsRow[] = [];
    for (const o of opinions) {
      const r = reviewOf(o);
      if (!r.acceptedOn || !r.opinionIssuedOn) continue;
      const workingDays = this.deps.calendar.countWorkingDays(r.acceptedOn, r.opinionIssuedOn) - r.pausedWorkingDays;
      rows.push({
        reviewId: r.id,
        code: r.code,
        subjectType: r.subjectType,
        conclusion: o.conclusion,
        opinionIssuedOn: r.opinionIssuedOn,
        workingDays,
        onTime: !r.dueOn || r.opinionIssuedOn <= r.dueOn,
      });
    }
    // Per subject type, generic over every type the engine reviews: records, not events.
    const bySubjectType = Object.values(ReviewSubjectType).map((subjectType) => {
      const own = opinions.filter((o) => reviewOf(o).subjectType === subjectType);
      const reviewIdsOfType = [...new Set(own.map((o) => o.review.id))];
      const subjectIds = [...new Set(reviewIdsOfType.map((id) => byId.get(id)!.subjectId))];
      return {
        subjectType,
        subjectsReviewed: subjectIds.length,
        subjectIds,
        reviews: reviewIdsOfType.length,
        reviewIds: reviewIdsOfType,
        opinionsIssued: own.length,
        corrections: corrections.filter((o) => reviewOf(o).subjectType === subjectType).length,
      };
    });
    const contracts = bySubjectType.find((t) => t.subjectType === ReviewSubjectType.CONTRACT)!;
    const enforcement = bySubjectType.find((t) => t.subjectType === ReviewSubjectType.ENFORCEMENT_DECISION)!;
    const total = rows.reduce((s, r) => s + r.workingDays, 0);
    return {
      from,
      to,
      opinionsIssued: opinions.length,
      corrections: corrections.length,
      correctionIds: corrections.map((o) => o.id),
      byConclusion: Object.values(OpinionConclusion).map((conclusion) => ({
        conclusion,
        count: byConclusion.get(conclusion)?.length ?? 0,
        opinionIds: byConclusion.get(conclusion) ?? [],
      })),
      bySubjectType,
      contractsReviewed: contracts.subjectsReviewed,
      contractIds: contracts.subjectIds,
      contractReviews: contracts.reviews,
      contractReviewIds: contracts.reviewIds,
      enforcementDecisionsReviewed: enforcement.subjectsReviewed,
      enforcementCaseIds: enforcement.subjectIds,
      averageWorkingDays: rows.length ? Math.round((total / rows.length) * 10) / 10 : null,
      maxWorkingDays: rows.length ? Math.max(...rows.map((r) => r.workingDays)) : null,
      onTimeRate: rows.length ? rows.filter((r) => r.onTime).length / rows.length : null,
      rows,
    };
  }
}
