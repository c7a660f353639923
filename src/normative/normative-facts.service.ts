import { normativeDateViolations } from './normative-dates.rules';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNoViolations, BadInputError } from '../core/errors';
import type { Actor } from '../core/roles';
import { transaction } from '../db/transaction';
import { User } from '../identity/user.entity';
import { assessFilingObligation, type AssessmentAnswers } from './assessment.rules';
import type { MarketEntitiesSuggestion } from './market-entities.rules';
import { checkDates, NormativeBase } from './normative-base';
import type { CorrectFactsCommand, FairCompetitionReviewCommand } from './normative.commands';
import { NormativeDocument, NormativeFairCompetitionReview } from './normative.entity';
import { factCorrectionViolations, marketEntitiesViolations, type MarketEntitiesFacts } from './release.rules';

/** The facts a correction may change, in the order the audit trail shows them. */
const CORRECTABLE = ['title', 'issuer', 'jointIssuers', 'affectsBusinessesOrPublic', 'touchesMarketEntities', 'touchesMarketEntitiesReason'] as const;
type Correctable = (typeof CORRECTABLE)[number];

/**
 * The market-entities flag after a correction: a new reason answers the terms found now; without
 * one, the reason on record stands while the flag stays as it was (and still answers only the terms
 * it was given against), and falls when the flag changes.
 */
function correctedFlag(d: NormativeDocument, cmd: CorrectFactsCommand, s: MarketEntitiesSuggestion): MarketEntitiesFacts {
  const touches = cmd.touchesMarketEntities ?? d.touchesMarketEntities;
  const facts = { touchesMarketEntities: touches, suggested: s.suggested, terms: s.terms.map((t) => t.term) };
  const given = cmd.touchesMarketEntitiesReason?.trim() || null;
  if (touches === s.suggested) return { ...facts, reason: null, answeredTerms: null };
  if (given) return { ...facts, reason: given, answeredTerms: facts.terms };
  if (touches === d.touchesMarketEntities) return { ...facts, reason: d.touchesMarketEntitiesReason ?? null, answeredTerms: d.marketEntitiesAnsweredTerms ?? null };
  return { ...facts, reason: null, answeredTerms: null };
}

/**
 * What the register says of a document besides its text, before release (R-ND-4): corrections of
 * its title, issuer and flags with a reason — audited before and after — and its fair-competition
 * reviews with their conclusions.
 */
export class NormativeFactsService extends NormativeBase {
  /**
   * Corrects title, issuer, joint issuers and flags with a reason. The flag departs from the text's
   * suggestion only with a reason; the issuer is fixed once numbered (R-ND-5). A new title is scanned
   * again: when the filing assessment then reaches another verdict, its confirmation is withdrawn (R-ND-2).
   */
  async correctFacts(user: Actor, cmd: CorrectFactsCommand): Promise<NormativeDocument> {
    const reason = cmd.reason?.trim();
    if (!reason) throw new BadInputError('更正须说明理由', 'reason');
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId, cmd.version);
      this.assertEventAllowed(user, d, 'CORRECT_FACTS');
      const title = cmd.title?.trim() || d.title;
      const suggestion = await this.marketEntitiesSuggestion(em, d, title);
      const market = correctedFlag(d, cmd, suggestion);
      const next: Record<Correctable, unknown> = {
        title,
        issuer: cmd.issuer ?? d.issuer,
        jointIssuers: cmd.jointIssuers === undefined || cmd.jointIssuers === null ? (d.jointIssuers ?? null) : cmd.jointIssuers.trim() || null,
        affectsBusinessesOrPublic: cmd.affectsBusinessesOrPublic ?? d.affectsBusinessesOrPublic,
        touchesMarketEntities: market.touchesMarketEntities,
        touchesMarketEntitiesReason: market.reason,
      };
      const changed = CORRECTABLE.filter((k) => next[k] !== (d[k] ?? null));
      if (changed.length === 0) throw new BadInputError('没有需要更正的事项', 'documentId');
      assertNoViolations([
        ...factCorrectionViolations({ registrationNumber: d.registrationNumber ?? null, issuerChanged: changed.includes('issuer') }),
        ...marketEntitiesViolations(market),
      ]);
      const before = Object.fromEntries(changed.map((k) => [k, d[k] ?? null]));
      d.title = title;
      d.issuer = next.issuer as NormativeDocument['issuer'];
      d.jointIssuers = next.jointIssuers as string | null;
      d.affectsBusinessesOrPublic = next.affectsBusinessesOrPublic as boolean;
      d.touchesMarketEntities = market.touchesMarketEntities;
      d.touchesMarketEntitiesReason = market.reason;
      d.marketEntitiesAnsweredTerms = market.answeredTerms ?? null;
      const reassessed = changed.includes('title') ? await this.reassess(em, d) : null;
      await em.flush();
      const after = Object.fromEntries(changed.map((k) => [k, d[k] ?? null]));
      await this.deps.audit.record(em, user, {
        action: 'normative.correct_facts',
        subjectType: 'NormativeDocument',
        subjectId: d.id,
        before,
        after: { ...after, reason, ...(reassessed ? { reassessed } : {}) },
      });
      return d;
    });
  }

  /** The title is part of the red-flag scan (R-ND-2): the stored answers are assessed again against it. */
  private async reassess(em: EntityManager, d: NormativeDocument) {
    if (!d.assessedVerdict || !d.assessmentAnswers) return null;
    const text = (await this.currentText(em, d))?.text ?? '';
    const result = assessFilingObligation({ title: d.title, text, answers: d.assessmentAnswers as unknown as AssessmentAnswers });
    const verdictChanged = result.verdict !== d.assessedVerdict;
    d.assessedVerdict = result.verdict;
    d.assessmentReasons = result.reasons;
    d.redFlags = result.redFlags;
    d.redFlagCount = result.redFlags.length;
    if (verdictChanged) {
      d.confirmedVerdict = null;
      d.overrideReason = null;
    }
    return { verdict: result.verdict, confirmationWithdrawn: verdictChanged };
  }

  /** A fair-competition review of the current text, with its conclusion; each is kept and the latest counts (R-ND-4). */
  async recordFairCompetitionReview(user: Actor, cmd: FairCompetitionReviewCommand): Promise<{ review: NormativeFairCompetitionReview; document: NormativeDocument }> {
    checkDates(cmd, ['reviewedOn']);
    // a review is recorded once it has taken place (normative-dates.rules.ts, R-ND-4)
    assertNoViolations(normativeDateViolations({ fairCompetitionReviewedOn: cmd.reviewedOn }, { today: this.today, delayWaived: true }, this.deps.config.rules));
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'RECORD_FAIR_COMPETITION');
      const seq = (await em.count(NormativeFairCompetitionReview, { document: d.id })) + 1;
      const review = em.create(NormativeFairCompetitionReview, {
        id: randomUUID(),
        document: d,
        seq,
        conclusion: cmd.conclusion,
        reviewer: cmd.reviewer.trim(),
        reviewedOn: cmd.reviewedOn,
        notes: cmd.notes,
        versionNumber: d.currentVersionNumber,
        recordedBy: em.getReference(User, user.id, { wrapped: true }),
        recordedAt: this.now,
      } as unknown as NormativeFairCompetitionReview);
      await em.flush();
      await this.audit(em, user, 'fair_competition.record', d, undefined, {
        seq,
        conclusion: review.conclusion,
        reviewer: review.reviewer,
        reviewedOn: review.reviewedOn,
        versionNumber: review.versionNumber,
      });
      return { review, document: d };
    });
  }
}
