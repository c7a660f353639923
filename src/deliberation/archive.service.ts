import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from '../audit/audit-event.entity';
import type { AuditService } from '../audit/audit.service';
import type { WorkingCalendar } from '../calendar/working-days';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import { DecisionDirectory, DirectoryItem } from '../directory/directory.entity';
import { Department } from '../identity/department.entity';
import type { User } from '../identity/user.entity';
import { Material } from '../content/material.entity';
import { TextVersion } from '../content/text-version.entity';
import { ConsultationOpinion, ExpertOpinion, FairCompetitionReview, Hearing, PublicConsultation, RiskAssessment } from '../proposal/procedure.entity';
import { DecisionProposal, PROPOSAL_OWNER, ProposalAlternative, ProposalDisagreement } from '../proposal/proposal.entity';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import { LegalOpinion, OpinionConfirmation, OpinionFinding } from '../review/opinion.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewSubjectType } from '../review/review.enums';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MeetingMember, MemberPosition, PostEvaluation } from './deliberation.entity';
import { DecisionAmendment } from './amendment.entity';
import { StandingBody } from './body.entity';

export interface ArchiveDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  proposals: ProposalLifecycleService;
}

/** The most audit events a timeline or archive carries. */
export const MAX_TRAIL_EVENTS = 2000;

/** Plain data of an entity: its scalar properties and the ids of its references. */
function plain(entity: object | null | undefined, omit: string[] = []): Record<string, unknown> | null {
  if (!entity) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    if (omit.includes(k) || k.startsWith('_') || typeof v === 'function') continue;
    if (v && typeof v === 'object' && 'id' in (v as object) && !(v instanceof Date) && !Array.isArray(v)) out[`${k}Id`] = (v as { id: string }).id;
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (v === undefined) continue;
    else out[k] = v;
  }
  return out;
}

/**
 * R-DEC-15: the complete record of one decision as one JSON document a records office can keep,
 * and the chronological timeline every user who may see the proposal can read.
 */
export class ArchiveService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ArchiveDeps,
  ) {}

  /**
   * Audit events of the proposal, its reviews and its meetings, oldest first. A meeting's record is
   * shared by every proposal on its agenda, and those may belong to other departments: of a meeting's
   * events, only the meeting's own (convening, minutes, corrections) and those of this proposal's
   * agenda items are part of its trail.
   */
  async trail(p: DecisionProposal): Promise<AuditEvent[]> {
    const em = this.em;
    const reviews = await em.find(ReviewRequest, { subjectType: ReviewSubjectType.DECISION, subjectId: p.id }, { fields: ['id'] });
    const items = await em.find(AgendaItem, { proposal: p.id });
    const seqs = new Map<string, Set<number>>();
    for (const i of items) seqs.set(i.meeting.id, (seqs.get(i.meeting.id) ?? new Set()).add(i.seq));
    const subjects = [
      { subjectType: 'DecisionProposal', subjectId: p.id },
      ...reviews.map((r) => ({ subjectType: 'ReviewRequest', subjectId: r.id })),
      ...[...seqs.keys()].map((id) => ({ subjectType: 'Meeting', subjectId: id })),
    ];
    const events = await em.find(AuditEvent, { $or: subjects }, { orderBy: { id: 'asc' }, limit: MAX_TRAIL_EVENTS });
    return events.filter((e) => {
      if (e.subjectType !== 'Meeting') return true;
      const seq = (e.after as { seq?: unknown } | null)?.seq;
      return typeof seq !== 'number' || !!seqs.get(e.subjectId)?.has(seq);
    });
  }

  async archive(user: User, proposalId: string): Promise<Record<string, unknown>> {
    return this.archiveOf(await this.deps.proposals.getVisible(user, proposalId));
  }

  /** The archive document itself; callers check who may see the proposal (the CLI runs as the system). */
  async archiveOf(p: DecisionProposal): Promise<Record<string, unknown>> {
    const em = this.em;
    const drafts = await em.find(TextVersion, { ownerType: PROPOSAL_OWNER, ownerId: p.id }, { orderBy: { number: 'asc' }, populate: ['text'] });
    const item = p.directoryItem ? await em.findOne(DirectoryItem, { id: p.directoryItem.id }) : null;
    const directory = item ? await em.findOne(DecisionDirectory, { id: item.directory.id }) : null;
    const consultation = await em.findOne(PublicConsultation, { proposal: p.id });
    const opinions = consultation ? await em.find(ConsultationOpinion, { consultation: consultation.id }, { orderBy: { seq: 'asc' } }) : [];
    const reviews = await em.find(ReviewRequest, { subjectType: ReviewSubjectType.DECISION, subjectId: p.id }, { orderBy: { requestedAt: 'asc' } });
    const legalOpinions = reviews.length ? await em.find(LegalOpinion, { review: { $in: reviews.map((r) => r.id) } }, { orderBy: { number: 'asc' } }) : [];
    const findings = legalOpinions.length ? await em.find(OpinionFinding, { opinion: { $in: legalOpinions.map((o) => o.id) } }, { orderBy: { seq: 'asc' } }) : [];
    const confirmations = legalOpinions.length ? await em.find(OpinionConfirmation, { opinion: { $in: legalOpinions.map((o) => o.id) } }) : [];
    const agenda = await em.find(AgendaItem, { proposal: p.id });
    const meetingIds = [...new Set(agenda.map((a) => a.meeting.id))];
    const meetings = meetingIds.length ? await em.find(Meeting, { id: { $in: meetingIds } }, { orderBy: { heldOn: 'asc' } }) : [];
    const members = meetingIds.length ? await em.find(MeetingMember, { meeting: { $in: meetingIds } }) : [];
    const positions = agenda.length ? await em.find(MemberPosition, { agendaItem: { $in: agenda.map((a) => a.id) } }) : [];
    const corrections = meetingIds.length ? await em.find(MeetingCorrection, { meeting: { $in: meetingIds } }) : [];
    const decision = await em.findOne(Decision, { proposal: p.id });
    const reports = decision ? await em.find(ExecutionReport, { decision: decision.id }, { orderBy: { reportedOn: 'asc' } }) : [];
    const amendments = decision ? await em.find(DecisionAmendment, { decision: decision.id }, { orderBy: { seq: 'asc' } }) : [];
    const bodies = meetings.length ? await em.find(StandingBody, { id: { $in: [...new Set(meetings.map((m) => m.standingBody.id))] } }) : [];
    const evaluations = decision ? await em.find(PostEvaluation, { decision: decision.id }) : [];
    const materials = await em.find(Material, { ownerType: PROPOSAL_OWNER, ownerId: p.id }, { orderBy: { createdAt: 'asc' } });
    const sponsor = await em.findOne(Department, { id: p.sponsorDepartment.id });
    const events = await this.trail(p);
    const chain = await this.deps.audit.verifyChain(em);

    return {
      format: 'yunhu-review/decision-archive@1',
      generatedAt: this.deps.clock.now().toISOString(),
      proposal: { ...plain(p), sponsorDepartment: sponsor ? { code: sponsor.code, name: sponsor.name } : null },
      directory: directory ? { year: directory.year, title: directory.title, partyApprovedAt: directory.partyApprovedAt, publishedAt: directory.publishedAt } : null,
      directoryItem: plain(item),
      drafts: drafts.map((d) => plain(d)),
      alternatives: (await em.find(ProposalAlternative, { proposal: p.id })).map((a) => plain(a)),
      disagreements: (await em.find(ProposalDisagreement, { proposal: p.id })).map((d) => plain(d)),
      procedures: {
        consultation: consultation ? { ...plain(consultation), opinions: opinions.map((o) => plain(o)) } : null,
        hearing: plain(await em.findOne(Hearing, { proposal: p.id })),
        expertOpinions: (await em.find(ExpertOpinion, { proposal: p.id })).map((o) => plain(o)),
        riskAssessments: (await em.find(RiskAssessment, { proposal: p.id }, { orderBy: { round: 'asc' } })).map((r) => plain(r)),
        fairCompetitionReview: plain(await em.findOne(FairCompetitionReview, { proposal: p.id })),
      },
      materials: materials.map((m) => plain(m, ['bytes', 'text'])),
      legalityReviews: reviews.map((r) => ({
        ...plain(r),
        opinions: legalOpinions
          .filter((o) => o.review.id === r.id)
          .map((o) => ({
            ...plain(o),
            findings: findings.filter((f) => f.opinion.id === o.id).map((f) => plain(f)),
            confirmations: confirmations.filter((c) => c.opinion.id === o.id).map((c) => plain(c)),
          })),
      })),
      deliberation: meetings.map((m) => ({
        ...plain(m),
        standingBody: plain(bodies.find((b) => b.id === m.standingBody.id)),
        members: members.filter((x) => x.meeting.id === m.id).map((x) => plain(x)),
        agenda: agenda
          .filter((a) => a.meeting.id === m.id)
          .map((a) => ({ ...plain(a), positions: positions.filter((x) => x.agendaItem.id === a.id).map((x) => plain(x)) })),
        corrections: corrections.filter((c) => c.meeting.id === m.id).map((c) => plain(c)),
      })),
      decision: decision
        ? {
            ...plain(decision),
            amendments: amendments.map((a) => plain(a)),
            executionReports: reports.map((r) => plain(r)),
            postEvaluations: evaluations.map((e) => plain(e)),
          }
        : null,
      auditTrail: events.map((e) => ({
        ...plain(e),
        hashValid: this.deps.audit.sealValid(e),
      })),
      auditChain: {
        ok: chain.ok,
        checkedCount: chain.checkedCount,
        firstBrokenEventId: chain.firstBroken?.eventId ?? null,
        reason: chain.firstBroken?.reason ?? null,
        checkpointsChecked: chain.checkpointsChecked,
      },
    };
  }
}
