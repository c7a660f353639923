import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { isValidLocalDate, type WorkingCalendar } from '../calendar/working-days';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions, type TextOwner } from '../content/text-versions';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { DateFacts } from '../core/date-constraints';
import { assertVersion, BadInputError, ForbiddenError, type Violation } from '../core/errors';
import { assertActsForDepartment, Role, type Actor } from '../core/roles';
import { findForUpdate, findOrThrow } from '../db/find';
import { suggestMarketEntities, type MarketEntitiesSuggestion } from './market-entities.rules';
import { NORMATIVE_OWNER, NormativeDocument, NormativeFairCompetitionReview } from './normative.entity';
import { FilingVerdict } from './normative.enums';
import type { MarketEntitiesFacts } from './release.rules';
import { canSeeNormativeDocument } from './normative.visibility';
import { NORMATIVE_WORKFLOW, type NormativeEvent } from './normative.workflow';
import { normativeDateViolations, type NormativeDate } from './normative-dates.rules';

export interface NormativeDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
}

export const normativeOwner = (id: string): TextOwner => ({ type: NORMATIVE_OWNER, id });

/** The market-entities facts the rules read: the drafter's flag and reason against what the text suggests (R-ND-4). */
export function marketEntitiesFacts(d: NormativeDocument, s: MarketEntitiesSuggestion): MarketEntitiesFacts {
  return {
    touchesMarketEntities: d.touchesMarketEntities,
    suggested: s.suggested,
    terms: s.terms.map((t) => t.term),
    reason: d.touchesMarketEntitiesReason ?? null,
    answeredTerms: d.marketEntitiesAnsweredTerms ?? null,
  };
}

/** Records the flag with its reason: a reason is kept only while the flag departs from the suggestion, with the terms it answers. */
export function setMarketEntitiesFlag(d: NormativeDocument, touches: boolean, reason: string | null | undefined, s: MarketEntitiesSuggestion): void {
  d.touchesMarketEntities = touches;
  const departs = touches !== s.suggested;
  d.touchesMarketEntitiesReason = departs ? reason?.trim() || null : null;
  d.marketEntitiesAnsweredTerms = departs && d.touchesMarketEntitiesReason ? s.terms.map((t) => t.term) : null;
}

/** Roles that act for any department's documents (the others, their own department's only). */
export const ANY_DEPARTMENT: readonly Role[] = [Role.FILING_OFFICER, Role.ADMIN];

export function documentSummary(d: NormativeDocument) {
  return {
    title: d.title,
    issuer: d.issuer,
    state: d.state,
    assessedVerdict: d.assessedVerdict ?? null,
    confirmedVerdict: d.confirmedVerdict ?? null,
    registrationNumber: d.registrationNumber ?? null,
    publishedOn: d.publishedOn ?? null,
    effectiveOn: d.effectiveOn ?? null,
    validUntil: d.validUntil ?? null,
  };
}

/** BAD_USER_INPUT naming the first given field that is not a calendar date. */
export function checkDates<T extends object>(input: T, fields: (keyof T & string)[]): void {
  for (const f of fields) {
    const v = input[f];
    if (v !== undefined && v !== null && !isValidLocalDate(String(v))) throw new BadInputError(`${f} 不是有效日期（YYYY-MM-DD）`, f);
  }
}

/** BAD_USER_INPUT unless [from, to] is a period of calendar dates. */
export function checkPeriod(from: string, to: string): void {
  if (!isValidLocalDate(from) || !isValidLocalDate(to) || to < from) throw new BadInputError('统计区间无效', 'from');
}

/** What the normative services share: the clock, loading, the workflow check and the audit record. */
export abstract class NormativeBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: NormativeDeps,
  ) {}

  protected get now(): Date {
    return this.deps.clock.now();
  }

  /** Today in the business time zone (deadlines, flags, expiry). */
  get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  /**
   * The date contradictions of a document's dates after a change (normative-dates.rules.ts); the
   * effective date's minimum delay is waived by a recorded urgent reason or when the document is not
   * confirmed as normative.
   */
  protected dateViolations(dates: DateFacts<NormativeDate>, d?: Pick<NormativeDocument, 'urgentReason' | 'confirmedVerdict'>): Violation[] {
    const delayWaived = !!d?.urgentReason?.trim() || (!!d && d.confirmedVerdict !== FilingVerdict.FILING_REQUIRED);
    return normativeDateViolations(dates, { today: this.today, delayWaived }, this.deps.config.rules);
  }

  /** Any document, for the services' own use (no visibility: callers check who acts). */
  get(id: string, em: EntityManager = this.em): Promise<NormativeDocument> {
    return findOrThrow(em, NormativeDocument, id, '规范性文件');
  }

  /** A document the user may see (`canSeeNormativeDocument`): FORBIDDEN for another department's document in drafting. */
  async getVisible(user: Actor, id: string, em: EntityManager = this.em): Promise<NormativeDocument> {
    const d = await this.get(id, em);
    if (!canSeeNormativeDocument(user, d)) throw new ForbiddenError('起草中的规范性文件仅限起草部门查看');
    return d;
  }

  /**
   * A document the user may see, at the version they read when given — its row locked until commit
   * and read afresh, so changes of one document queue and each sees the last.
   */
  protected async loadForUpdate(em: EntityManager, user: Actor, id: string, version?: number): Promise<NormativeDocument> {
    const d = await findForUpdate(em, NormativeDocument, id, '规范性文件');
    if (!canSeeNormativeDocument(user, d)) throw new ForbiddenError('起草中的规范性文件仅限起草部门查看');
    if (version !== undefined) assertVersion(d, version, '文件');
    return d;
  }

  /** Role, department (for 起草部门 events) and state: may the user fire the event on the document now? */
  protected assertEventAllowed(user: Actor, d: NormativeDocument, event: NormativeEvent): void {
    authorizeDocumentEvent(user, d, event);
    NORMATIVE_WORKFLOW.assertCan(d.state, event);
  }

  async currentText(em: EntityManager, d: NormativeDocument): Promise<TextVersion | null> {
    return d.currentVersionNumber ? textVersions.find(em, normativeOwner(d.id), d.currentVersionNumber, true) : null;
  }

  /** What the title and the current text suggest: does it touch market entities (R-ND-4)? */
  async marketEntitiesSuggestion(em: EntityManager, d: NormativeDocument, title = d.title): Promise<MarketEntitiesSuggestion> {
    return suggestMarketEntities(title, (await this.currentText(em, d))?.text ?? '');
  }

  /** The latest fair-competition review: the one that counts (R-ND-4). */
  fairCompetitionOf(em: EntityManager, d: NormativeDocument): Promise<NormativeFairCompetitionReview | null> {
    return em.findOne(NormativeFairCompetitionReview, { document: d.id }, { orderBy: { seq: 'desc' } });
  }

  protected async audit(em: EntityManager, user: Actor, action: string, d: NormativeDocument, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, user, {
      action: `normative.${action}`,
      subjectType: 'NormativeDocument',
      subjectId: d.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...documentSummary(d), ...extra },
    });
  }
}

/** Who may fire a document event: its roles and, for 起草部门 events, the sponsor department (also used by the review adapter). */
export function authorizeDocumentEvent(user: Actor, d: NormativeDocument, event: NormativeEvent): void {
  NORMATIVE_WORKFLOW.authorize(user, event);
  if (NORMATIVE_WORKFLOW.spec(event).actor) assertActsForDepartment(user, d.sponsorDepartment.id, '文件', ANY_DEPARTMENT);
}
