import { randomUUID } from 'node:crypto';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import type { Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { checkDates, checkPeriod, NormativeBase } from './normative-base';
import type { FilingOutcomeCommand, RecordFilingCommand } from './normative.commands';
import { Filing, FilingMaterial, NormativeDocument } from './normative.entity';
import { FILING_AUTHORITY, FilingOutcomeKind, FilingStatus, FilingVerdict } from './normative.enums';
import { documentFlags, filingDueOn, filingObligationViolations, sortFlags, type Flag, type FlagFacts } from './normative.rules';
import { FILING_WORKFLOW } from './normative.workflow';
import { filingDateViolations, filingOutcomeDateViolations } from './normative-dates.rules';
import { transaction } from '../db/transaction';

/** What each answer of the supervising body records besides the new status (R-ND-7). */
const OUTCOME_FIELDS: Record<FilingOutcomeKind, (f: Filing, cmd: FilingOutcomeCommand) => void> = {
  REGISTER: (f, c) => {
    f.registeredOn = c.on;
  },
  DEFER: (f, c) => {
    f.deferredOn = c.on;
    f.deferralReason = c.note!.trim();
  },
  CORRECT: (f, c) => {
    f.correctedOn = c.on;
    if (c.materials) f.materials = [...new Set([...f.materials, ...c.materials])];
  },
  REVIEW_NO_ISSUE: (f, c) => {
    f.reviewedOn = c.on;
  },
  REQUIRE_CORRECTION: (f, c) => {
    f.reviewedOn = c.on;
    f.correctionRequest = c.note!.trim();
  },
  CLOSE_CORRECTION: (f, c) => {
    f.correctionClosedOn = c.on;
  },
};

/** Answers that must say what the supervising body asked for. */
const NOTE_REQUIRED: readonly FilingOutcomeKind[] = [FilingOutcomeKind.DEFER, FilingOutcomeKind.REQUIRE_CORRECTION];

/** Filing with the supervising body and its answers (R-ND-6, R-ND-7), the flags (R-ND-8) and the statistics. */
export class FilingService extends NormativeBase {
  async recordFiling(user: Actor, cmd: RecordFilingCommand): Promise<{ filing: Filing; document: NormativeDocument }> {
    checkDates(cmd, ['filedOn']);
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'RECORD_FILING');
      assertNoViolations(filingObligationViolations(d.confirmedVerdict ?? null));
      assertNoViolations(filingDateViolations(d.publishedOn ?? null, { status: FilingStatus.FILED, filedOn: cmd.filedOn }, this.today));
      if (await em.count(Filing, { document: d.id })) throw new BadInputError('该文件已报备');
      const prepared = (await em.find(FilingMaterial, { document: d.id })).map((m) => m.kind as string);
      const f = em.create(Filing, {
        id: randomUUID(),
        document: d,
        authority: FILING_AUTHORITY[d.issuer],
        filedOn: cmd.filedOn,
        materials: cmd.materials ?? prepared,
        status: FilingStatus.FILED,
      } as unknown as Filing);
      await em.flush();
      const due = filingDueOn(d.publishedOn!, this.deps.config.rules);
      await this.audit(em, user, 'filing.record', d, undefined, { filedOn: f.filedOn, dueOn: due, late: f.filedOn > due, materials: f.materials });
      return { filing: f, document: d };
    });
  }

  /** The supervising body's answers: register, defer for missing materials, review results (FILING_WORKFLOW). */
  async recordFilingOutcome(user: Actor, cmd: FilingOutcomeCommand): Promise<{ filing: Filing; document: NormativeDocument }> {
    FILING_WORKFLOW.authorize(user, cmd.outcome);
    checkDates(cmd, ['on']);
    if (NOTE_REQUIRED.includes(cmd.outcome) && !cmd.note?.trim()) throw new BadInputError('请填写备案机关要求补正或纠正的内容', 'note');
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      const f = await findOrThrow(em, Filing, { document: d.id }, '该文件的备案记录');
      assertVersion(f, cmd.version, '备案记录');
      const before = { status: f.status };
      const status = FILING_WORKFLOW.next(f.status, cmd.outcome);
      assertNoViolations(filingOutcomeDateViolations(d.publishedOn ?? null, f, cmd.outcome, cmd.on, status, this.today));
      f.status = status;
      OUTCOME_FIELDS[cmd.outcome](f, cmd);
      await em.flush();
      await this.audit(em, user, `filing.${cmd.outcome.toLowerCase()}`, d, before, { filingStatus: f.status, on: cmd.on, note: cmd.note ?? null });
      return { filing: f, document: d };
    });
  }

  // ------------------------------------------------------------------ flags and statistics (R-ND-8)

  /**
   * Every live problem across all released documents, most urgent first. One SQL statement reads
   * the facts of every released document with its filing; the rules are pure functions.
   */
  async flags(today = this.today): Promise<Flag[]> {
    const rows = await this.em.execute<
      {
        id: string;
        title: string;
        registration_number: string | null;
        published_on: string | null;
        confirmed_verdict: FilingVerdict | null;
        red_flag_count: number;
        valid_until: string | null;
        filed_on: string | null;
        filing_status: FilingStatus | null;
        materials: string[] | null;
        deferred_on: string | null;
        corrected_on: string | null;
      }[]
    >(
      `select d.id, d.title, d.registration_number, to_char(d.published_on, 'YYYY-MM-DD') as published_on, d.confirmed_verdict, d.red_flag_count,
              to_char(d.valid_until, 'YYYY-MM-DD') as valid_until, to_char(f.filed_on, 'YYYY-MM-DD') as filed_on, f.status as filing_status, f.materials,
              to_char(f.deferred_on, 'YYYY-MM-DD') as deferred_on, to_char(f.corrected_on, 'YYYY-MM-DD') as corrected_on
         from normative_document d left join filing f on f.document_id = d.id
        where d.state = 'RELEASED'`,
    );
    const rules = this.deps.config.rules;
    const all: Flag[] = [];
    for (const r of rows) {
      const facts: FlagFacts = {
        id: r.id,
        title: r.title,
        registrationNumber: r.registration_number,
        released: true,
        publishedOn: r.published_on,
        confirmedVerdict: r.confirmed_verdict,
        redFlagCount: Number(r.red_flag_count),
        validUntil: r.valid_until,
        filing: r.filed_on
          ? { filedOn: r.filed_on, status: r.filing_status!, materials: r.materials ?? [], deferredOn: r.deferred_on, correctedOn: r.corrected_on }
          : null,
      };
      all.push(...documentFlags(facts, today, rules, rules.normative.flagDueSoonDays));
    }
    return sortFlags(all);
  }

  /** Filing, on-time and conformity rates for documents published in [from, to], with the ids behind them. */
  async filingStatistics(from: string, to: string) {
    checkPeriod(from, to);
    const docs = await this.em.find(
      NormativeDocument,
      { confirmedVerdict: FilingVerdict.FILING_REQUIRED, publishedOn: { $gte: from, $lte: to } },
      { orderBy: { publishedOn: 'asc', id: 'asc' } },
    );
    const filings = docs.length ? await this.em.find(Filing, { document: { $in: docs.map((d) => d.id) } }) : [];
    const byDoc = new Map(filings.map((f) => [f.document.id, f]));
    const requiredIds = docs.map((d) => d.id);
    const filedIds = docs.filter((d) => byDoc.has(d.id)).map((d) => d.id);
    const onTimeIds = docs.filter((d) => byDoc.has(d.id) && byDoc.get(d.id)!.filedOn <= filingDueOn(d.publishedOn!, this.deps.config.rules)).map((d) => d.id);
    const reviewed = docs.filter((d) => byDoc.get(d.id)?.reviewedOn);
    const conformIds = reviewed.filter((d) => byDoc.get(d.id)!.status === FilingStatus.REVIEWED_NO_ISSUE).map((d) => d.id);
    const rate = (a: number, b: number) => (b === 0 ? null : a / b);
    return {
      from,
      to,
      requiredIds,
      filedIds,
      onTimeIds,
      reviewedIds: reviewed.map((d) => d.id),
      conformIds,
      filingRate: rate(filedIds.length, requiredIds.length),
      onTimeRate: rate(onTimeIds.length, filedIds.length),
      conformityRate: rate(conformIds.length, reviewed.length),
    };
  }
}
