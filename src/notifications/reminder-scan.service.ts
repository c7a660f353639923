import type { EntityManager } from '@mikro-orm/postgresql';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { WorkingCalendar } from '../calendar/working-days';
import { addCalendarDays, calendarDaysBetween } from '../calendar/working-days';
import { transaction } from '../db/transaction';
import { FilingFlagReader } from '../normative/filing-flags';
import { FilingFlagKind } from '../normative/normative.enums';
import { buildNotice, reviewLink, type Notice } from './notice.rules';
import { NotificationKind } from './notification.enums';
import { recordNotices } from './notice-writer';

export interface ReminderDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
}

export interface ScanResult {
  day: string;
  /** Notices found due today (before the once-a-day check). */
  found: number;
  /** Notices made now (the others were made earlier today). */
  created: number;
}

interface ReviewRow {
  id: string;
  code: string;
  subject_title: string;
  subject_type: string;
  subject_id: string;
  requested_by_id: string;
  assigned_to_id: string | null;
  due_on: string | null;
  returned_on: string | null;
  return_reason: string | null;
}

const REVIEW_COLUMNS = `r.id, r.code, r.subject_title, r.subject_type, r.subject_id, r.requested_by_id, r.assigned_to_id,
  to_char(r.due_on, 'YYYY-MM-DD') as due_on, to_char(r.returned_on, 'YYYY-MM-DD') as returned_on, r.return_reason`;

/**
 * The daily reminder scan (R-NT-1): reads every deadline the areas already keep — the review
 * engine's stored due dates, consultation windows, decisions' publication due dates, the filing
 * flags (R-ND-8) — and makes the notices of the business day. Dates come from the areas' own
 * columns and readers; nothing is recomputed here.
 */
export class ReminderScanService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ReminderDeps,
  ) {}

  get today(): string {
    return localDateOf(this.deps.clock.now(), this.deps.config.timeZone);
  }

  async scan(): Promise<ScanResult> {
    const day = this.today;
    return transaction(this.em, async (em) => {
      const notices = [
        ...(await this.reviews(em, day)),
        ...(await this.consultations(em, day)),
        ...(await this.publications(em, day)),
        ...(await this.filings(em, day)),
        ...(await this.findings(em, day)),
      ];
      const ids = await recordNotices(em, notices, this.deps.clock.now(), day);
      return { day, found: notices.length, created: ids.length };
    });
  }

  private async advisors(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(`select id from app_user where active and 'LEGAL_ADVISOR' = any(roles) order by username`);
    return rows.map((r) => r.id);
  }

  private async filingOfficers(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(`select id from app_user where active and 'FILING_OFFICER' = any(roles) order by username`);
    return rows.map((r) => r.id);
  }

  private async reviews(em: EntityManager, today: string): Promise<Notice[]> {
    const cal = this.deps.calendar;
    const soon = cal.addWorkingDays(today, this.deps.config.rules.reminders.reviewDueWithinWorkingDays);
    const accepted = await em.execute<ReviewRow[]>(
      `select ${REVIEW_COLUMNS} from review_request r where r.status = 'ACCEPTED' and r.due_on is not null and r.due_on <= ? order by r.due_on, r.id`,
      [soon],
    );
    const returned = await em.execute<ReviewRow[]>(`select ${REVIEW_COLUMNS} from review_request r where r.status = 'RETURNED' order by r.id`);
    const advisors = accepted.some((r) => !r.assigned_to_id) ? await this.advisors(em) : [];
    const out: Notice[] = [];
    for (const r of accepted) {
      const overdue = r.due_on! < today;
      const kind = overdue ? NotificationKind.REVIEW_OVERDUE : NotificationKind.REVIEW_DUE_SOON;
      const label = `${r.code}「${r.subject_title}」`;
      const base = { kind, subjectType: 'ReviewRequest', subjectId: r.id, subjectLabel: label, dueOn: r.due_on, reviewSubjectType: r.subject_type, days: cal.countWorkingDays(today, r.due_on!) };
      for (const advisor of r.assigned_to_id ? [r.assigned_to_id] : advisors) {
        out.push(buildNotice({ ...base, recipientId: advisor, link: reviewLink(true, { id: r.id, subjectType: r.subject_type, subjectId: r.subject_id }) }));
      }
      out.push(buildNotice({ ...base, recipientId: r.requested_by_id, link: reviewLink(false, { id: r.id, subjectType: r.subject_type, subjectId: r.subject_id }) }));
    }
    for (const r of returned) {
      out.push(
        buildNotice({
          kind: NotificationKind.REVIEW_RETURNED,
          recipientId: r.requested_by_id,
          subjectType: 'ReviewRequest',
          subjectId: r.id,
          subjectLabel: `${r.code}「${r.subject_title}」`,
          dueOn: r.returned_on,
          reason: r.return_reason,
          reviewSubjectType: r.subject_type,
          link: reviewLink(false, { id: r.id, subjectType: r.subject_type, subjectId: r.subject_id }),
        }),
      );
    }
    return out;
  }

  private async consultations(em: EntityManager, today: string): Promise<Notice[]> {
    const last = addCalendarDays(today, this.deps.config.rules.reminders.consultationClosingWithinDays);
    const rows = await em.execute<{ id: string; code: string; title: string; created_by_id: string; ends_on: string }[]>(
      `select p.id, p.code, p.title, p.created_by_id, to_char(c.ends_on, 'YYYY-MM-DD') as ends_on
         from public_consultation c join decision_proposal p on p.id = c.proposal_id
        where c.ends_on >= ? and c.ends_on <= ? and p.state not in ('DECLINED', 'WITHDRAWN', 'REJECTED')
        order by c.ends_on, p.id`,
      [today, last],
    );
    return rows.map((p) =>
      buildNotice({
        kind: NotificationKind.CONSULTATION_CLOSING,
        recipientId: p.created_by_id,
        subjectType: 'DecisionProposal',
        subjectId: p.id,
        subjectLabel: `${p.code}「${p.title}」`,
        dueOn: p.ends_on,
        days: calendarDaysBetween(today, p.ends_on),
        link: `/drafter/proposals/${p.id}`,
      }),
    );
  }

  private async publications(em: EntityManager, today: string): Promise<Notice[]> {
    const cal = this.deps.calendar;
    const soon = cal.addWorkingDays(today, this.deps.config.rules.reminders.publicationDueWithinWorkingDays);
    const rows = await em.execute<
      { proposal_id: string; code: string; title: string; document_number: string | null; signed_by_id: string | null; created_by_id: string; due_on: string }[]
    >(
      `select d.proposal_id, p.code, p.title, d.document_number, d.signed_by_id, p.created_by_id, to_char(d.publication_due_on, 'YYYY-MM-DD') as due_on
         from decision d join decision_proposal p on p.id = d.proposal_id
        where d.status = 'SIGNED' and d.published_on is null and d.publication_due_on is not null and d.publication_due_on <= ?
        order by d.publication_due_on, d.id`,
      [soon],
    );
    const out: Notice[] = [];
    for (const d of rows) {
      const kind = d.due_on < today ? NotificationKind.PUBLICATION_OVERDUE : NotificationKind.PUBLICATION_DUE_SOON;
      const base = {
        kind,
        subjectType: 'DecisionProposal',
        subjectId: d.proposal_id,
        subjectLabel: `${d.document_number ?? d.code}「${d.title}」`,
        dueOn: d.due_on,
        days: cal.countWorkingDays(today, d.due_on),
      };
      if (d.signed_by_id) out.push(buildNotice({ ...base, recipientId: d.signed_by_id, link: `/decision/decisions/${d.proposal_id}` }));
      if (d.created_by_id !== d.signed_by_id) out.push(buildNotice({ ...base, recipientId: d.created_by_id, link: `/drafter/proposals/${d.proposal_id}` }));
    }
    return out;
  }

  /** Filing, correction and validity: the filing flags (R-ND-8) of the kinds that carry a deadline, plus corrections still due. */
  private async filings(em: EntityManager, today: string): Promise<Notice[]> {
    const rules = this.deps.config.rules;
    const kindOf: Partial<Record<FilingFlagKind, NotificationKind>> = {
      [FilingFlagKind.FILING_DUE_SOON]: NotificationKind.FILING_DUE_SOON,
      [FilingFlagKind.FILING_OVERDUE]: NotificationKind.FILING_OVERDUE,
      [FilingFlagKind.DEFERRAL_OVERDUE]: NotificationKind.CORRECTION_OVERDUE,
      [FilingFlagKind.EVALUATION_DUE]: NotificationKind.VALIDITY_ENDING,
    };
    const found: { documentId: string; label: string; kind: NotificationKind; dueOn: string | null }[] = [];
    const reader = new FilingFlagReader(em, rules);
    for await (const f of reader.all(today, { kinds: Object.keys(kindOf) as FilingFlagKind[] })) {
      found.push({ documentId: f.documentId, label: `${f.registrationNumber ?? ''}「${f.title}」`, kind: kindOf[f.kind]!, dueOn: f.dueOn });
    }
    // a deferral whose correction (补正) is still ahead but within the flags' due-soon days
    const corrections = await em.execute<{ id: string; title: string; registration_number: string | null; due_on: string }[]>(
      `select d.id, d.title, d.registration_number, to_char(d.correction_due_on, 'YYYY-MM-DD') as due_on from normative_document d
        where d.filing_status = 'DEFERRED' and d.correction_due_on >= ? and d.correction_due_on <= ? order by d.correction_due_on, d.id`,
      [today, addCalendarDays(today, rules.normative.flagDueSoonDays)],
    );
    for (const c of corrections) found.push({ documentId: c.id, label: `${c.registration_number ?? ''}「${c.title}」`, kind: NotificationKind.CORRECTION_DUE, dueOn: c.due_on });
    if (found.length === 0) return [];
    const officers = await this.filingOfficers(em);
    const owners = await em
      .getConnection()
      .execute<{ id: string; created_by_id: string }[]>(`select id, created_by_id from normative_document where id = any(?::uuid[])`, [`{${[...new Set(found.map((f) => f.documentId))].join(',')}}`]);
    const ownerOf = new Map(owners.map((o) => [o.id, o.created_by_id]));
    const out: Notice[] = [];
    for (const f of found) {
      const recipients = new Set([...officers, ownerOf.get(f.documentId)!].filter(Boolean));
      for (const recipientId of recipients) {
        out.push(
          buildNotice({
            kind: f.kind,
            recipientId,
            subjectType: 'NormativeDocument',
            subjectId: f.documentId,
            subjectLabel: f.label,
            dueOn: f.dueOn,
            days: f.dueOn ? calendarDaysBetween(today, f.dueOn) : null,
            link: `/filing/flags?document=${f.documentId}`,
          }),
        );
      }
    }
    return out;
  }

  /** Must-fix findings of an opinion in force that the requester has not answered (R-DEC-9). */
  private async findings(em: EntityManager, _today: string): Promise<Notice[]> {
    const rows = await awaitingFindings(em, this.deps.config.timeZone, null);
    return rows.map(findingNotice);
  }
}

export interface AwaitingRow {
  id: string;
  code: string;
  subject_title: string;
  subject_type: string;
  subject_id: string;
  requested_by_id: string;
  issued_on: string;
  n: number;
}

/** Reviews whose opinion in force has must-fix findings without an answer (all, or one review's). */
export async function awaitingFindings(em: EntityManager, timeZone: string, reviewId: string | null): Promise<AwaitingRow[]> {
  return em.execute<AwaitingRow[]>(
    `select r.id, r.code, r.subject_title, r.subject_type, r.subject_id, r.requested_by_id,
            to_char(o.issued_at at time zone ?, 'YYYY-MM-DD') as issued_on, count(*)::int as n
       from legal_opinion o join review_request r on r.id = o.review_id join opinion_finding f on f.opinion_id = o.id
      where o.status = 'ISSUED' and not o.superseded and f.must_fix and f.response is null and (?::uuid is null or r.id = ?::uuid)
      group by r.id, o.issued_at order by r.id`,
    [timeZone, reviewId, reviewId],
  );
}

export function findingNotice(r: AwaitingRow): Notice {
  return buildNotice({
    kind: NotificationKind.FINDING_AWAITING_ANSWER,
    recipientId: r.requested_by_id,
    subjectType: 'ReviewRequest',
    subjectId: r.id,
    subjectLabel: `${r.code}「${r.subject_title}」`,
    dueOn: r.issued_on,
    count: Number(r.n),
    reviewSubjectType: r.subject_type,
    link: reviewLink(false, { id: r.id, subjectType: r.subject_type, subjectId: r.subject_id }),
  });
}
