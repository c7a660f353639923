import { randomUUID } from 'node:crypto';
import { assertNoViolations, assertVersion, BadInputError } from '../core/errors';
import type { Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GenerationCache } from '../db/change-generation';
import { checkDates, checkPeriod, NormativeBase, type NormativeDeps } from './normative-base';
import type { FilingOutcomeCommand, RecordFilingCommand } from './normative.commands';
import { Filing, FilingMaterial, NormativeDocument } from './normative.entity';
import { FILING_AUTHORITY, FilingFlagKind, FilingOutcomeKind, FilingStatus, FilingVerdict } from './normative.enums';
import { filingDueOn, filingObligationViolations, type Flag } from './normative.rules';
import { FilingFlagReader, type FlagCursor, type FlagFilter } from './filing-flags';
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
  private reader: FilingFlagReader | null = null;

  constructor(
    em: EntityManager,
    protected override readonly deps: NormativeDeps & { aggregates: GenerationCache },
  ) {
    super(em, deps);
  }

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

  /** The flag query over the database's stored deadlines (R-ND-8); one per request, so the counts can use the generation its page saw. */
  flagReader(): FilingFlagReader {
    return (this.reader ??= new FilingFlagReader(this.em, this.deps.config.rules, this.deps.aggregates));
  }

  /** A page of live problems, most urgent first (one statement). */
  async flagPage(filter: FlagFilter, first: number, after: FlagCursor | null, today = this.today): Promise<Flag[]> {
    return this.flagReader().page(today, filter, first, after);
  }

  /** How many live problems of each kind match the filter (one statement). */
  async flagCounts(filter: FlagFilter, today = this.today): Promise<Map<FilingFlagKind, number>> {
    return this.flagReader().counts(today, filter);
  }

  /** Every live problem, streamed page by page (the CLI report). */
  allFlags(filter: FlagFilter = {}, today = this.today): AsyncGenerator<Flag> {
    return this.flagReader().all(today, filter);
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
