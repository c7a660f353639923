import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../calendar/working-days';
import { assertNoViolations, BadInputError } from '../core/errors';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { checkDates, checkPeriod, documentSummary, NormativeBase } from './normative-base';
import type { CleanupCampaignCommand, CleanupOutcomeCommand } from './normative.commands';
import { CleanupCampaign, CleanupEntry, NormativeDocument } from './normative.entity';
import { CleanupOutcome, DocumentEnding, DocumentState } from './normative.enums';
import { evaluationStartsOn, isExpired } from './normative.rules';
import { NORMATIVE_WORKFLOW } from './normative.workflow';
import { transaction } from '../db/transaction';

export interface EndedDocument {
  document: NormativeDocument;
  change: DocumentEnding;
  on: string;
}

/** Validity and clean-up (R-ND-9, R-ND-10): expiry, evaluation, campaigns, outcomes and the list of ended documents. */
export class CleanupService extends NormativeBase {
  /** Past its validity period: expired automatically, computed from today (R-ND-9). */
  expired(d: NormativeDocument): boolean {
    return d.state === DocumentState.RELEASED && isExpired(d.validUntil ?? null, this.today);
  }

  /** Within the evaluation window before expiry (R-ND-9). */
  evaluationDue(d: NormativeDocument): boolean {
    return d.state === DocumentState.RELEASED && !!d.validUntil && !this.expired(d) && this.today >= evaluationStartsOn(d.validUntil, this.deps.config.rules);
  }

  async createCampaign(user: Actor, cmd: CleanupCampaignCommand): Promise<CleanupCampaign> {
    assertAnyRole(user, [Role.FILING_OFFICER], '发起清理工作');
    checkDates(cmd, ['startedOn']);
    assertNoViolations(this.dateViolations({ cleanupStartedOn: cmd.startedOn }));
    return transaction(this.em, async (em) => {
      const c = em.create(CleanupCampaign, { id: randomUUID(), title: cmd.title.trim(), startedOn: cmd.startedOn } as unknown as CleanupCampaign);
      await em.flush();
      await this.deps.audit.record(em, user, { action: 'normative.cleanup.create', subjectType: 'CleanupCampaign', subjectId: c.id, after: { title: c.title } });
      return c;
    });
  }

  /** Keep, amend (a replacement is drafted) or repeal a released document, with a reason (R-ND-10). */
  async recordOutcome(user: Actor, cmd: CleanupOutcomeCommand): Promise<{ entry: CleanupEntry; document: NormativeDocument }> {
    checkDates(cmd, ['on']);
    return transaction(this.em, async (em) => {
      const c = await findOrThrow(em, CleanupCampaign, cmd.campaignId, '清理工作');
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      const event = cmd.outcome === CleanupOutcome.REPEAL ? 'REPEAL' : 'CLEANUP';
      this.assertEventAllowed(user, d, event);
      assertNoViolations(this.dateViolations({ publishedOn: d.publishedOn ?? null, cleanupStartedOn: c.startedOn, cleanupOutcomeOn: cmd.on }));
      if (await em.count(CleanupEntry, { campaign: c.id, document: d.id })) throw new BadInputError('该文件在本次清理中已有结果', 'documentId');
      const e = em.create(CleanupEntry, { id: randomUUID(), campaign: c, document: d, outcome: cmd.outcome, reason: cmd.reason.trim() } as unknown as CleanupEntry);
      const before = documentSummary(d);
      d.state = NORMATIVE_WORKFLOW.next(d.state, event);
      if (event === 'REPEAL') d.endedOn = cmd.on;
      await em.flush();
      await this.audit(em, user, `cleanup.${cmd.outcome.toLowerCase()}`, d, before, { campaign: c.title, reason: e.reason });
      return { entry: e, document: d };
    });
  }

  /** Clean-up campaigns, the latest started first (R-ND-10). */
  campaigns(req: PageRequest): Promise<Page<CleanupCampaign>> {
    return paginate(this.em, CleanupCampaign, {}, req, this.deps.config.graphql, { field: 'startedOn', kind: 'string', direction: 'desc' });
  }

  campaign(id: string): Promise<CleanupCampaign> {
    return findOrThrow(this.em, CleanupCampaign, id, '清理工作');
  }

  /** R-ND-10: expired, repealed and amended documents of a period, for publication. */
  async endedList(from: string, to: string): Promise<EndedDocument[]> {
    checkPeriod(from, to);
    const expiredDocs = await this.em.find(
      NormativeDocument,
      { state: DocumentState.RELEASED, validUntil: { $gte: addCalendarDays(from, -1), $lt: to } },
      { orderBy: { validUntil: 'asc' } },
    );
    const ended = await this.em.find(
      NormativeDocument,
      { state: { $in: [DocumentState.REPEALED, DocumentState.AMENDED] }, endedOn: { $gte: from, $lte: to } },
      { orderBy: { endedOn: 'asc' } },
    );
    const list: EndedDocument[] = [
      ...expiredDocs.filter((d) => isExpired(d.validUntil ?? null, to)).map((d) => ({ document: d, change: DocumentEnding.EXPIRED, on: addCalendarDays(d.validUntil!, 1) })),
      ...ended.map((d) => ({ document: d, change: d.state === DocumentState.REPEALED ? DocumentEnding.REPEALED : DocumentEnding.AMENDED, on: d.endedOn! })),
    ];
    return list.filter((x) => x.on >= from && x.on <= to);
  }
}
