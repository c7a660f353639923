import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isValidLocalDate } from '../calendar/working-days';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { localDateOf } from '../core/clock';
import { assertNoViolations, BadInputError, ForbiddenError, type Violation } from '../core/errors';
import { assertActsForDepartment, assertAnyRole, type Actor } from '../core/roles';
import { containsPattern, sha256 } from '../core/text';
import { findForUpdate } from '../db/find';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { User } from '../identity/user.entity';
import { findOrThrow } from '../db/find';
import { DecisionProposal } from '../proposal/proposal.entity';
import { canSeeProposal } from '../proposal/proposal.visibility';
import type { ReviewQueryService } from '../review/review-query.service';
import { ReviewSubjectType } from '../review/review.enums';
import { assessFilingObligation, confirmationViolations } from './assessment.rules';
import { ANY_DEPARTMENT, checkDates, documentSummary, marketEntitiesFacts, NormativeBase, normativeOwner, setMarketEntitiesFlag, type NormativeDeps } from './normative-base';
import type {
  AssessCommand,
  ConfirmAssessmentCommand,
  CreateNormativeCommand,
  CreateNormativeInCommand,
  DocumentVersionCommand,
  FilingMaterialCommand,
  NormativeListFilter,
  NormativeVersionCommand,
  ReleaseCommand,
  ReleaseFactsCommand,
} from './normative.commands';
import { FilingMaterial, NormativeDocument } from './normative.entity';
import { DocumentState, FilingVerdict, Issuer } from './normative.enums';
import { defaultValidUntil, filingDueOn, registrationViolations, releaseBlockers } from './normative.rules';
import { suggestMarketEntities } from './market-entities.rules';
import type { NormativeDeliberationPort } from './normative-deliberation.port';
import { agendaBlockers, marketEntitiesViolations, ownBodyViolations } from './release.rules';
import { visibleNormativeDocuments } from './normative.visibility';
import { NORMATIVE_EDITORS, NORMATIVE_WORKFLOW } from './normative.workflow';
import { transaction } from '../db/transaction';
import type { GenerationCache } from '../db/change-generation';

export interface NormativeRegisterDeps extends NormativeDeps {
  reviews: ReviewQueryService;
  /** The meetings that deliberated a document (R-ND-4), from the deliberation area. */
  deliberations: NormativeDeliberationPort;
  /** Where the register's total is kept between changes (src/db/change-generation.ts). */
  aggregates: GenerationCache;
}

const RELEASE_FACT_FIELDS = ['publicCommentStartsOn', 'publicCommentEndsOn', 'effectiveOn', 'validUntil', 'urgentReason'] as const;

/**
 * The register (登记簿) up to release: candidates and their text versions, the filing-obligation
 * assessment (R-ND-1, R-ND-2), the facts of the release gate, the unified number (R-ND-5), the filing
 * materials, and the release itself behind the gate (R-ND-4), which ends a replaced document.
 */
export class NormativeRegisterService extends NormativeBase {
  constructor(
    em: EntityManager,
    protected override readonly deps: NormativeRegisterDeps,
  ) {
    super(em, deps);
  }

  // ------------------------------------------------------------------ register

  async create(user: Actor, cmd: CreateNormativeCommand): Promise<NormativeDocument> {
    assertAnyRole(user, NORMATIVE_EDITORS, '登记文件');
    return transaction(this.em, async (em) => {
      // References name objects the user may see and act on: their own department's, unless they work for every department.
      let replaces: NormativeDocument | null = null;
      if (cmd.replacesId) {
        replaces = await this.getVisible(user, cmd.replacesId, em);
        this.assertEventAllowed(user, replaces, 'AMEND');
      }
      if (cmd.originatingProposalId) {
        const p = await findOrThrow(em, DecisionProposal, cmd.originatingProposalId, '决策建议');
        if (!canSeeProposal(user, p)) throw new ForbiddenError('您只能查看本部门的决策建议');
        assertActsForDepartment(user, p.sponsorDepartment.id, '决策建议', ANY_DEPARTMENT);
      }
      // R-ND-4: the flag follows the text's suggestion unless a reason says otherwise.
      const suggestion = suggestMarketEntities(cmd.title.trim(), cmd.text);
      const touches = cmd.touchesMarketEntities ?? suggestion.suggested;
      assertNoViolations(
        marketEntitiesViolations({
          touchesMarketEntities: touches,
          suggested: suggestion.suggested,
          terms: suggestion.terms.map((t) => t.term),
          reason: cmd.touchesMarketEntitiesReason ?? null,
        }),
      );
      return this.createIn(em, user, { ...cmd, touchesMarketEntities: touches, sponsorDepartmentId: user.department.id, replaces });
    });
  }

  /**
   * Creates a register entry inside the caller's transaction. Used directly when a published
   * decision produces a normative document (R-DEC-14): the document enters the register and goes
   * through its own assessment and release gate rather than bypassing them.
   */
  async createIn(em: EntityManager, user: Actor, cmd: CreateNormativeInCommand): Promise<NormativeDocument> {
    const suggestion = suggestMarketEntities(cmd.title.trim(), cmd.text);
    const d = em.create(NormativeDocument, {
      id: randomUUID(),
      title: cmd.title.trim(),
      issuer: cmd.issuer,
      jointIssuers: cmd.jointIssuers?.trim() || null,
      sponsorDepartment: cmd.sponsorDepartmentId,
      createdBy: user.id,
      originatingProposal: cmd.originatingProposalId ?? null,
      replaces: cmd.replaces ?? null,
      state: DocumentState.DRAFTING,
      currentVersionNumber: 1,
      affectsBusinessesOrPublic: cmd.affectsBusinessesOrPublic,
      createdAt: this.now,
    } as unknown as NormativeDocument);
    // A document a published decision produces says what it says; a departure without a reason blocks its release (R-ND-4).
    setMarketEntitiesFlag(d, cmd.touchesMarketEntities ?? suggestion.suggested, cmd.touchesMarketEntitiesReason, suggestion);
    textVersions.append(em, normativeOwner(d.id), 1, { text: cmd.text, changeNote: '初稿', authorId: user.id, at: this.now });
    await em.flush();
    await this.audit(em, user, 'create', d, undefined, {
      originatingProposalId: cmd.originatingProposalId ?? null,
      replacesId: cmd.replaces?.id ?? null,
      touchesMarketEntities: d.touchesMarketEntities,
      marketEntitiesSuggested: suggestion.suggested,
      touchesMarketEntitiesReason: d.touchesMarketEntitiesReason ?? null,
    });
    return d;
  }

  async addVersion(user: Actor, cmd: NormativeVersionCommand): Promise<{ document: NormativeDocument; version: TextVersion }> {
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'ADD_VERSION');
      d.currentVersionNumber += 1;
      const v = textVersions.append(em, normativeOwner(d.id), d.currentVersionNumber, { text: cmd.text, changeNote: cmd.changeNote, authorId: user.id, at: this.now });
      await em.flush();
      await this.audit(em, user, 'version.add', d, undefined, { number: v.number, contentHash: v.contentHash });
      return { document: d, version: v };
    });
  }

  /** The register as the user may see it (`visibleNormativeDocuments`), newest first. */
  list(user: Actor, req: PageRequest, filter: NormativeListFilter): Promise<Page<NormativeDocument>> {
    const where: FilterQuery<NormativeDocument> = { ...visibleNormativeDocuments(user) };
    if (filter.state) where.state = filter.state;
    if (filter.issuer) where.issuer = filter.issuer;
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ title: { $ilike: like } }, { registrationNumber: { $ilike: like } }];
    }
    // the register's total (a count over 100,000 documents) is kept until a change to the documents is committed
    const reuse = { cache: this.deps.aggregates, table: 'normative_document' as const };
    return paginate(this.em, NormativeDocument, where, req, this.deps.config.graphql, { field: 'createdAt', kind: 'date', direction: 'desc' }, {}, reuse);
  }

  // ------------------------------------------------------------------ assessment (R-ND-1, R-ND-2)

  async assess(user: Actor, cmd: AssessCommand): Promise<NormativeDocument> {
    const answers = {
      issuedWithinAuthority: cmd.answers.issuedWithinAuthority ?? null,
      affectsRights: cmd.answers.affectsRights ?? null,
      generallyBinding: cmd.answers.generallyBinding ?? null,
      appliedRepeatedly: cmd.answers.appliedRepeatedly ?? null,
      excludedType: cmd.answers.excludedType ?? null,
    };
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'ASSESS');
      const text = (await this.currentText(em, d))?.text ?? '';
      const result = assessFilingObligation({ title: d.title, text, answers });
      const before = documentSummary(d);
      d.assessmentAnswers = { ...answers };
      d.assessedVerdict = result.verdict;
      d.assessmentReasons = result.reasons;
      d.redFlags = result.redFlags;
      d.redFlagCount = result.redFlags.length;
      d.confirmedVerdict = null; // a new assessment needs a new confirmation
      d.overrideReason = null;
      await em.flush();
      await this.audit(em, user, 'assess', d, before, { reasons: result.reasons, redFlags: result.redFlags.map((f) => `${f.where}:${f.term}`) });
      return d;
    });
  }

  /** The filing officer confirms the verdict; anything but accepting a definite verdict needs a reason (R-ND-2). */
  async confirmAssessment(user: Actor, cmd: ConfirmAssessmentCommand): Promise<NormativeDocument> {
    if (cmd.verdict === FilingVerdict.NEEDS_CONFIRMATION) throw new BadInputError('确认结果须为「应当报备」或「无需报备」', 'verdict');
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId, cmd.version);
      this.assertEventAllowed(user, d, 'CONFIRM_ASSESSMENT');
      if (!d.assessedVerdict) throw new BadInputError('请先完成报备判定清单', 'documentId');
      assertNoViolations(confirmationViolations({ assessedVerdict: d.assessedVerdict, confirmedVerdict: cmd.verdict, reason: cmd.reason }));
      const before = documentSummary(d);
      d.confirmedVerdict = cmd.verdict;
      d.overrideReason = cmd.verdict !== d.assessedVerdict ? cmd.reason!.trim() : null;
      d.confirmedBy = em.getReference(User, user.id, { wrapped: true });
      await em.flush();
      await this.audit(em, user, 'confirm_assessment', d, before, { overrideReason: d.overrideReason });
      return d;
    });
  }

  // ------------------------------------------------------------------ release facts, numbering, filing materials

  async setReleaseFacts(user: Actor, cmd: ReleaseFactsCommand): Promise<NormativeDocument> {
    checkDates(cmd, ['publicCommentStartsOn', 'publicCommentEndsOn', 'effectiveOn', 'validUntil']);
    // their order against each other and against today: normative-dates.rules.ts, checked below on the record as it will be
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId, cmd.version);
      this.assertEventAllowed(user, d, 'SET_RELEASE_FACTS');
      const after = { ...d };
      for (const k of RELEASE_FACT_FIELDS) {
        const value = cmd[k];
        if (value !== undefined) after[k] = value === '' ? null : value;
      }
      assertNoViolations(
        this.dateViolations(
          {
            publicCommentStartsOn: after.publicCommentStartsOn,
            publicCommentEndsOn: after.publicCommentEndsOn,
            fairCompetitionReviewedOn: after.fairCompetitionReviewedOn,
            deliberatedOn: after.deliberatedOn,
            effectiveOn: after.effectiveOn,
            validUntil: after.validUntil,
            registeredOn: d.registeredOn,
            publishedOn: d.publishedOn,
          },
          after,
        ),
      );
      const before = documentSummary(d);
      for (const k of RELEASE_FACT_FIELDS) {
        const value = cmd[k];
        if (value !== undefined) d[k] = value === '' ? null : value;
      }
      await em.flush();
      await this.audit(em, user, 'release_facts', d, before);
      return d;
    });
  }

  /** R-ND-5: one gap-free sequence per issuer per year, allocated under a row lock. */
  async register(user: Actor, cmd: DocumentVersionCommand): Promise<NormativeDocument> {
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId, cmd.version);
      this.assertEventAllowed(user, d, 'REGISTER_NUMBER');
      assertNoViolations(registrationViolations(d.confirmedVerdict ?? null));
      if (d.registrationNumber) throw new BadInputError(`该文件已登记为 ${d.registrationNumber}，编号不能重新分配`);
      const year = Number(this.today.slice(0, 4));
      const n = await nextNumber(em, `normative:${d.issuer}:${year}`);
      const rules = this.deps.config.rules.normative;
      const format = d.issuer === Issuer.STREET_OFFICE ? rules.numberFormatStreetOffice : rules.numberFormatPartyCommittee;
      const before = documentSummary(d);
      d.registrationNumber = format.replace('{year}', String(year)).replace('{n}', String(n));
      d.registeredOn = this.today;
      await em.flush();
      await this.audit(em, user, 'register', d, before);
      return d;
    });
  }

  async prepareFilingMaterial(user: Actor, cmd: FilingMaterialCommand): Promise<{ document: NormativeDocument; material: FilingMaterial }> {
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId);
      this.assertEventAllowed(user, d, 'PREPARE_FILING_MATERIAL');
      let m = await em.findOne(FilingMaterial, { document: d.id, kind: cmd.kind });
      if (!m) m = em.create(FilingMaterial, { id: randomUUID(), document: d, kind: cmd.kind } as unknown as FilingMaterial);
      m.text = cmd.text;
      m.contentHash = sha256(cmd.text);
      await em.flush();
      await this.audit(em, user, 'filing_material', d, undefined, { kind: cmd.kind, contentHash: m.contentHash });
      return { document: d, material: m };
    });
  }

  // ------------------------------------------------------------------ release gate (R-ND-4)

  /** The opinion in force and whether it covers the current text (its reviewed text, or a confirmed amendment). */
  private async legalityOf(em: EntityManager, d: NormativeDocument) {
    const inForce = await this.deps.reviews.opinionInForce(em, ReviewSubjectType.NORMATIVE_DOCUMENT, d.id);
    if (!inForce) return null;
    const hash = (await this.currentText(em, d))?.contentHash;
    const o = inForce.opinion;
    return {
      conclusion: o.conclusion,
      coversCurrentText: !!hash && (hash === o.reviewedDraftHash || inForce.confirmedHashes.includes(hash)),
      issuedOn: o.issuedAt ? localDateOf(o.issuedAt, this.deps.config.timeZone) : null,
    };
  }

  /** Every blocker of a release on `publishOn`, judged on `today` (a planned release: on its own day). */
  async releaseBlockersIn(em: EntityManager, d: NormativeDocument, publishOn: string, channel: string | null, today = this.today): Promise<Violation[]> {
    const materials = await em.find(FilingMaterial, { document: d.id }, { fields: ['kind'] });
    const replaces = d.replaces ? await em.findOne(NormativeDocument, d.replaces.id, { fields: ['publishedOn'] }) : null;
    const fairCompetition = await this.fairCompetitionOf(em, d);
    return releaseBlockers(
      {
        title: d.title,
        issuer: d.issuer,
        confirmedVerdict: d.confirmedVerdict ?? null,
        legality: await this.legalityOf(em, d),
        deliberations: await this.deps.deliberations.of(em, d.id),
        currentHash: (await this.currentText(em, d))?.contentHash ?? null,
        registrationNumber: d.registrationNumber ?? null,
        effectiveOn: d.effectiveOn ?? null,
        validUntil: d.validUntil ?? null,
        affectsBusinessesOrPublic: d.affectsBusinessesOrPublic,
        publicComment: d.publicCommentStartsOn && d.publicCommentEndsOn ? { startsOn: d.publicCommentStartsOn, endsOn: d.publicCommentEndsOn } : null,
        touchesMarketEntities: d.touchesMarketEntities,
        marketEntities: marketEntitiesFacts(d, await this.marketEntitiesSuggestion(em, d)),
        fairCompetition: fairCompetition && { conclusion: fairCompetition.conclusion },
        fairCompetitionReviewedOn: fairCompetition?.reviewedOn ?? null,
        urgentReason: d.urgentReason ?? null,
        publicationChannel: channel,
        publishOn,
        filingMaterials: materials.map((m) => m.kind),
        publicCommentStartsOn: d.publicCommentStartsOn ?? null,
        publicCommentEndsOn: d.publicCommentEndsOn ?? null,
        registeredOn: d.registeredOn ?? null,
        replacesPublishedOn: replaces?.publishedOn ?? null,
        today,
      },
      this.deps.config.rules,
      this.deps.calendar,
    );
  }

  // ------------------------------------------------------------------ collective deliberation (R-ND-4), for the meeting's agenda

  /** A document the user may see, its row locked, with the version its meeting deliberates. */
  async lockForAgenda(em: EntityManager, user: Actor, id: string): Promise<{ document: NormativeDocument; text: TextVersion }> {
    const document = await this.loadForUpdate(em, user, id);
    return { document, text: await textVersions.get(em, normativeOwner(document.id), document.currentVersionNumber, '规范性文件') };
  }

  /** Documents locked in id order (finalising the minutes that decided them). */
  async lockAll(em: EntityManager, ids: string[]): Promise<NormativeDocument[]> {
    return em.find(NormativeDocument, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true });
  }

  /** What keeps a document from a meeting of `bodyOf`'s body, all at once (R-ND-4). */
  async agendaBlockersIn(em: EntityManager, d: NormativeDocument, bodyOf: Issuer): Promise<Violation[]> {
    const fairCompetition = await this.fairCompetitionOf(em, d);
    return [
      ...NORMATIVE_WORKFLOW.violations(d.state, 'DELIBERATE'),
      ...ownBodyViolations(d.issuer, bodyOf),
      ...agendaBlockers({
        legality: await this.legalityOf(em, d),
        touchesMarketEntities: d.touchesMarketEntities,
        marketEntities: marketEntitiesFacts(d, await this.marketEntitiesSuggestion(em, d)),
        fairCompetition: fairCompetition && { conclusion: fairCompetition.conclusion },
      }),
    ];
  }

  /** Every blocker of a release on `publishOn` through `channel`, at once. */
  async releaseCheck(user: Actor, id: string, publishOn?: string | null, channel?: string | null): Promise<Violation[]> {
    const d = await this.getVisible(user, id);
    if (publishOn && !isValidLocalDate(publishOn)) throw new BadInputError('公布日期无效', 'publishOn');
    const on = publishOn ?? this.today;
    // a planned release is judged as on its own day: its date is then no longer in the future
    return this.releaseBlockersIn(this.em, d, on, channel ?? 'unspecified', on > this.today ? on : this.today);
  }

  /** Publishes the document once the gate is clear; the document it replaces is amended (R-ND-4). */
  async release(user: Actor, cmd: ReleaseCommand): Promise<{ document: NormativeDocument; replaced: NormativeDocument | null }> {
    checkDates(cmd, ['publishedOn']);
    return transaction(this.em, async (em) => {
      const d = await this.loadForUpdate(em, user, cmd.documentId, cmd.version);
      this.assertEventAllowed(user, d, 'RELEASE');
      assertNoViolations(await this.releaseBlockersIn(em, d, cmd.publishedOn, cmd.channel));
      const before = documentSummary(d);
      d.state = NORMATIVE_WORKFLOW.next(d.state, 'RELEASE');
      d.publishedOn = cmd.publishedOn;
      // R-ND-9: without a stated period the maximum applies (MAXIMUM policy; under REFUSE the gate did not let it through).
      const validity = d.confirmedVerdict === FilingVerdict.FILING_REQUIRED && !d.validUntil ? defaultValidUntil(d, this.deps.config.rules) : null;
      if (validity) {
        d.validUntil = validity;
        d.validityDefaulted = true;
      }
      d.publicationChannel = cmd.channel.trim();
      let replaced: NormativeDocument | null = null;
      let replacedBefore: object | undefined;
      if (d.replaces) {
        replaced = await findForUpdate(em, NormativeDocument, d.replaces.id, '规范性文件');
        replacedBefore = documentSummary(replaced);
        replaced.state = NORMATIVE_WORKFLOW.next(replaced.state, 'AMEND');
        replaced.endedOn = cmd.publishedOn;
        replaced.replacedBy = em.getReference(NormativeDocument, d.id, { wrapped: true });
      }
      await em.flush();
      await this.audit(em, user, 'release', d, before, {
        validityDefaulted: d.validityDefaulted,
        filingDueOn: d.confirmedVerdict === FilingVerdict.FILING_REQUIRED ? filingDueOn(cmd.publishedOn, this.deps.config.rules) : null,
      });
      if (replaced) await this.audit(em, user, 'amend', replaced, replacedBefore, { replacedById: d.id });
      return { document: d, replaced };
    });
  }
}
