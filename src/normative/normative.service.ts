import { containsPattern, sha256 } from '../core/text';
import { actorOf } from '../identity/identity.service';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import { addCalendarDays, isValidLocalDate, type WorkingCalendar } from '../calendar/working-days';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import { nextNumber } from '../db/number-sequence.entity';
import { paginate, type PageRequest } from '../db/paginate';
import { assertNoViolations, assertVersion, BadInputError, ForbiddenError, NotFoundError, type Violation } from '../core/errors';
import { assertActsForDepartment } from '../core/roles';
import { Role } from '../core/roles';
import { User } from '../identity/user.entity';
import { DecisionProposal } from '../proposal/proposal.entity';
import { ReviewSubjectType } from '../review/review.enums';
import type { ReviewQueryService } from '../review/review-query.service';
import type { TextVersion } from '../content/text-version.entity';
import { textVersions } from '../content/text-versions';
import { assessFilingObligation, type AssessmentAnswers } from './assessment.rules';
import { CleanupCampaign, CleanupEntry, Filing, FilingMaterial, NORMATIVE_OWNER, NormativeDocument } from './normative.entity';
import { CleanupOutcome, DocumentState, FILING_AUTHORITY, FilingMaterialKind, FilingOutcomeKind, FilingStatus, FilingVerdict, Issuer } from './normative.enums';
import { releasedViolations, documentFlags, evaluationStartsOn, filingDueOn, isExpired, releaseBlockers, sortFlags, type Flag, type FlagFacts } from './normative.rules';

export interface NormativeDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  audit: AuditService;
  reviews: ReviewQueryService;
}

export const normativeOwner = (id: string) => ({ type: NORMATIVE_OWNER, id });

const EDITORS: readonly Role[] = [Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN];



function summary(d: NormativeDocument) {
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

function checkDates(input: Record<string, unknown>, fields: string[]): void {
  for (const f of fields) {
    const v = input[f];
    if (v !== undefined && v !== null && !isValidLocalDate(String(v))) throw new BadInputError(`${f} 不是有效日期（YYYY-MM-DD）`, f);
  }
}

/** The normative-document register, the release gate, unified numbering and filing (R-ND-1…10). */
export class NormativeService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: NormativeDeps,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  get today(): string {
    return localDateOf(this.now, this.deps.config.timeZone);
  }

  private assertEditor(user: User, d?: NormativeDocument): void {
    if (!user.roles.some((r) => EDITORS.includes(r))) throw new ForbiddenError('此操作需要起草部门经办人或备案员角色');
    if (d) assertActsForDepartment(user, d.sponsorDepartment.id, '文件', [Role.FILING_OFFICER, Role.ADMIN]);
  }

  private assertFilingOfficer(user: User): void {
    if (!user.roles.includes(Role.FILING_OFFICER)) throw new ForbiddenError('此操作需要备案员角色');
  }

  private async audit(em: EntityManager, user: User, action: string, d: NormativeDocument, before?: object, extra: object = {}) {
    await this.deps.audit.record(em, actorOf(user), {
      action: `normative.${action}`,
      subjectType: 'NormativeDocument',
      subjectId: d.id,
      before: (before as Record<string, unknown>) ?? null,
      after: { ...summary(d), ...extra },
    });
  }

  async get(id: string, em: EntityManager = this.em): Promise<NormativeDocument> {
    const d = await em.findOne(NormativeDocument, { id });
    if (!d) throw new NotFoundError('规范性文件', id);
    return d;
  }

  private async load(em: EntityManager, id: string, version?: number): Promise<NormativeDocument> {
    const d = await this.get(id, em);
    if (version !== undefined) assertVersion(d, version, '文件');
    return d;
  }

  private assertDrafting(d: NormativeDocument, action: string): void {
    assertNoViolations(releasedViolations(d.state === DocumentState.DRAFTING, action));
  }

  async currentText(em: EntityManager, d: NormativeDocument): Promise<TextVersion | null> {
    return d.currentVersionNumber ? textVersions.find(em, normativeOwner(d.id), d.currentVersionNumber, true) : null;
  }

  // ------------------------------------------------------------------ register

  async create(
    user: User,
    input: {
      title: string;
      issuer: Issuer;
      jointIssuers?: string | null;
      text: string;
      affectsBusinessesOrPublic: boolean;
      touchesMarketEntities: boolean;
      originatingProposalId?: string | null;
      replacesId?: string | null;
    },
  ): Promise<NormativeDocument> {
    this.assertEditor(user);
    return this.em.transactional(async (em) => {
      let replaces: NormativeDocument | null = null;
      if (input.replacesId) {
        replaces = await this.get(input.replacesId, em);
        if (replaces.state !== DocumentState.RELEASED) throw new BadInputError('只能替代现行有效的文件', 'replacesId');
      }
      if (input.originatingProposalId && !(await em.count(DecisionProposal, { id: input.originatingProposalId }))) {
        throw new NotFoundError('决策建议', input.originatingProposalId);
      }
      return this.createIn(em, user, { ...input, sponsorDepartmentId: user.department.id, replaces });
    });
  }

  /**
   * Creates a register entry inside the caller's transaction. Used directly when a published
   * decision produces a normative document (R-DEC-14): the document enters the register and goes
   * through its own assessment and release gate rather than bypassing them.
   */
  async createIn(
    em: EntityManager,
    user: User,
    input: {
      title: string;
      issuer: Issuer;
      jointIssuers?: string | null;
      text: string;
      affectsBusinessesOrPublic: boolean;
      touchesMarketEntities: boolean;
      originatingProposalId?: string | null;
      sponsorDepartmentId: string;
      replaces?: NormativeDocument | null;
    },
  ): Promise<NormativeDocument> {
    const replaces = input.replaces ?? null;
    const d = em.create(NormativeDocument, {
      id: randomUUID(),
      title: input.title.trim(),
      issuer: input.issuer,
      jointIssuers: input.jointIssuers?.trim() || null,
      sponsorDepartment: input.sponsorDepartmentId,
      createdBy: user.id,
      originatingProposal: input.originatingProposalId ?? null,
      replaces,
      state: DocumentState.DRAFTING,
      currentVersionNumber: 1,
      affectsBusinessesOrPublic: input.affectsBusinessesOrPublic,
      touchesMarketEntities: input.touchesMarketEntities,
      createdAt: this.now,
    } as unknown as NormativeDocument);
    textVersions.append(em, normativeOwner(d.id), 1, { text: input.text, changeNote: '初稿', authorId: user.id, at: this.now });
    await em.flush();
    await this.audit(em, user, 'create', d, undefined, { originatingProposalId: input.originatingProposalId ?? null });
    return d;
  }

  async addVersion(user: User, input: { documentId: string; text: string; changeNote: string }): Promise<{ document: NormativeDocument; version: TextVersion }> {
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId);
      this.assertEditor(user, d);
      this.assertDrafting(d, '修改文本');
      d.currentVersionNumber += 1;
      const v = textVersions.append(em, normativeOwner(d.id), d.currentVersionNumber, { text: input.text, changeNote: input.changeNote, authorId: user.id, at: this.now });
      await em.flush();
      await this.audit(em, user, 'version.add', d, undefined, { number: v.number, contentHash: v.contentHash });
      return { document: d, version: v };
    });
  }

  // ------------------------------------------------------------------ assessment (R-ND-1, R-ND-2)

  async assess(user: User, input: { documentId: string; answers: AssessmentAnswers }): Promise<NormativeDocument> {
    this.assertFilingOfficer(user);
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId);
      this.assertDrafting(d, '重新判定');
      const text = (await this.currentText(em, d))?.text ?? '';
      const result = assessFilingObligation({ title: d.title, text, answers: input.answers });
      const before = summary(d);
      d.assessmentAnswers = { ...input.answers };
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
  async confirmAssessment(user: User, input: { documentId: string; version: number; verdict: FilingVerdict; reason?: string }): Promise<NormativeDocument> {
    this.assertFilingOfficer(user);
    if (input.verdict === FilingVerdict.NEEDS_CONFIRMATION) throw new BadInputError('确认结果须为「应当报备」或「无需报备」', 'verdict');
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId, input.version);
      this.assertDrafting(d, '变更判定');
      if (!d.assessedVerdict) throw new BadInputError('请先完成报备判定清单', 'documentId');
      if (input.verdict !== d.assessedVerdict && !input.reason?.trim()) {
        assertNoViolations([
          { rule: 'R-ND-2', code: 'OVERRIDE_REASON_REQUIRED', message: `系统判定为「${d.assessedVerdict}」，确认为「${input.verdict}」须说明理由 (R-ND-2)` },
        ]);
      }
      const before = summary(d);
      d.confirmedVerdict = input.verdict;
      d.overrideReason = input.verdict !== d.assessedVerdict ? input.reason!.trim() : null;
      d.confirmedBy = em.getReference(User, user.id, { wrapped: true });
      await em.flush();
      await this.audit(em, user, 'confirm_assessment', d, before, { overrideReason: d.overrideReason });
      return d;
    });
  }

  // ------------------------------------------------------------------ release facts, review, numbering

  async setReleaseFacts(
    user: User,
    input: {
      documentId: string;
      version: number;
      publicCommentStartsOn?: string | null;
      publicCommentEndsOn?: string | null;
      fairCompetitionReviewedOn?: string | null;
      deliberatedOn?: string | null;
      deliberationReference?: string | null;
      effectiveOn?: string | null;
      validUntil?: string | null;
      urgentReason?: string | null;
    },
  ): Promise<NormativeDocument> {
    checkDates(input, ['publicCommentStartsOn', 'publicCommentEndsOn', 'fairCompetitionReviewedOn', 'deliberatedOn', 'effectiveOn', 'validUntil']);
    if (input.publicCommentStartsOn && input.publicCommentEndsOn && input.publicCommentEndsOn < input.publicCommentStartsOn) {
      throw new BadInputError('征求意见结束日期不能早于开始日期', 'publicCommentEndsOn');
    }
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId, input.version);
      this.assertEditor(user, d);
      this.assertDrafting(d, '修改');
      const before = summary(d);
      for (const k of [
        'publicCommentStartsOn',
        'publicCommentEndsOn',
        'fairCompetitionReviewedOn',
        'deliberatedOn',
        'deliberationReference',
        'effectiveOn',
        'validUntil',
        'urgentReason',
      ] as const) {
        if (input[k] !== undefined) (d as unknown as Record<string, unknown>)[k] = input[k] === '' ? null : input[k];
      }
      await em.flush();
      await this.audit(em, user, 'release_facts', d, before);
      return d;
    });
  }

  /** R-ND-5: one gap-free sequence per issuer per year, allocated under a row lock. */
  async register(user: User, input: { documentId: string; version: number }): Promise<NormativeDocument> {
    this.assertFilingOfficer(user);
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId, input.version);
      this.assertDrafting(d, '登记');
      if (d.confirmedVerdict !== FilingVerdict.FILING_REQUIRED) {
        assertNoViolations([{ rule: 'R-ND-5', code: 'NOT_NORMATIVE', message: '只有经确认属于规范性文件的文件才统一登记编号 (R-ND-5)' }]);
      }
      if (d.registrationNumber) throw new BadInputError(`该文件已登记为 ${d.registrationNumber}，编号不能重新分配`);
      const year = Number(this.today.slice(0, 4));
      const n = await nextNumber(em, `normative:${d.issuer}:${year}`);
      const format = d.issuer === Issuer.STREET_OFFICE ? this.deps.config.rules.normative.numberFormatStreetOffice : this.deps.config.rules.normative.numberFormatPartyCommittee;
      const before = summary(d);
      d.registrationNumber = format.replace('{year}', String(year)).replace('{n}', String(n));
      d.registeredOn = this.today;
      await em.flush();
      await this.audit(em, user, 'register', d, before);
      return d;
    });
  }

  async prepareFilingMaterial(user: User, input: { documentId: string; kind: FilingMaterialKind; text: string }): Promise<FilingMaterial> {
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId);
      this.assertEditor(user, d);
      let m = await em.findOne(FilingMaterial, { document: d.id, kind: input.kind });
      if (!m) m = em.create(FilingMaterial, { id: randomUUID(), document: d, kind: input.kind } as unknown as FilingMaterial);
      m.text = input.text;
      m.contentHash = sha256(input.text);
      await em.flush();
      await this.audit(em, user, 'filing_material', d, undefined, { kind: input.kind, contentHash: m.contentHash });
      return m;
    });
  }

  // ------------------------------------------------------------------ release gate (R-ND-4)

  private async legalityOf(em: EntityManager, d: NormativeDocument) {
    const inForce = await this.deps.reviews.opinionInForce(em, ReviewSubjectType.NORMATIVE_DOCUMENT, d.id);
    if (!inForce) return null;
    const hash = (await this.currentText(em, d))?.contentHash;
    const o = inForce.opinion;
    return { conclusion: o.conclusion, coversCurrentText: !!hash && (hash === o.reviewedDraftHash || inForce.confirmedHashes.includes(hash)) };
  }

  async releaseBlockersIn(em: EntityManager, d: NormativeDocument, publishOn: string, channel: string | null): Promise<Violation[]> {
    const materials = await em.find(FilingMaterial, { document: d.id }, { fields: ['kind'] });
    return releaseBlockers(
      {
        title: d.title,
        confirmedVerdict: d.confirmedVerdict ?? null,
        legality: await this.legalityOf(em, d),
        deliberatedOn: d.deliberatedOn ?? null,
        registrationNumber: d.registrationNumber ?? null,
        effectiveOn: d.effectiveOn ?? null,
        validUntil: d.validUntil ?? null,
        affectsBusinessesOrPublic: d.affectsBusinessesOrPublic,
        publicComment: d.publicCommentStartsOn && d.publicCommentEndsOn ? { startsOn: d.publicCommentStartsOn, endsOn: d.publicCommentEndsOn } : null,
        touchesMarketEntities: d.touchesMarketEntities,
        fairCompetitionReviewedOn: d.fairCompetitionReviewedOn ?? null,
        urgentReason: d.urgentReason ?? null,
        publicationChannel: channel,
        publishOn,
        filingMaterials: materials.map((m) => m.kind),
      },
      this.deps.config.rules,
      this.deps.calendar,
    );
  }

  async releaseCheck(id: string, publishOn?: string, channel?: string): Promise<Violation[]> {
    const d = await this.get(id);
    if (publishOn && !isValidLocalDate(publishOn)) throw new BadInputError('公布日期无效', 'publishOn');
    return this.releaseBlockersIn(this.em, d, publishOn ?? this.today, channel ?? 'unspecified');
  }

  async release(user: User, input: { documentId: string; version: number; publishedOn: string; channel: string }): Promise<NormativeDocument> {
    if (!user.roles.some((r) => r === Role.FILING_OFFICER || r === Role.ADMIN)) throw new ForbiddenError('此操作需要备案员或管理员角色');
    checkDates(input, ['publishedOn']);
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId, input.version);
      this.assertDrafting(d, '再次公布');
      assertNoViolations(await this.releaseBlockersIn(em, d, input.publishedOn, input.channel));
      const before = summary(d);
      d.state = DocumentState.RELEASED;
      d.publishedOn = input.publishedOn;
      d.publicationChannel = input.channel.trim();
      if (d.replaces) {
        const old = await this.get(d.replaces.id, em);
        old.state = DocumentState.AMENDED;
        old.endedOn = input.publishedOn;
        old.replacedBy = em.getReference(NormativeDocument, d.id, { wrapped: true });
      }
      await em.flush();
      await this.audit(em, user, 'release', d, before, {
        filingDueOn: d.confirmedVerdict === FilingVerdict.FILING_REQUIRED ? filingDueOn(input.publishedOn, this.deps.config.rules) : null,
      });
      return d;
    });
  }

  // ------------------------------------------------------------------ filing (R-ND-6, R-ND-7)

  private async filingOf(em: EntityManager, d: NormativeDocument): Promise<Filing> {
    const f = await em.findOne(Filing, { document: d.id });
    if (!f) throw new BadInputError('该文件尚未报备', 'documentId');
    return f;
  }

  async recordFiling(user: User, input: { documentId: string; filedOn: string; materials?: FilingMaterialKind[] }): Promise<Filing> {
    this.assertFilingOfficer(user);
    checkDates(input, ['filedOn']);
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId);
      if (d.state !== DocumentState.RELEASED || d.confirmedVerdict !== FilingVerdict.FILING_REQUIRED) {
        throw new BadInputError('只有已公布且应当报备的文件才能报备', 'documentId');
      }
      if (input.filedOn < d.publishedOn!) throw new BadInputError('报备日期不能早于公布日期', 'filedOn');
      if (await em.count(Filing, { document: d.id })) throw new BadInputError('该文件已报备');
      const prepared = (await em.find(FilingMaterial, { document: d.id })).map((m) => m.kind as string);
      const f = em.create(Filing, {
        id: randomUUID(),
        document: d,
        authority: FILING_AUTHORITY[d.issuer],
        filedOn: input.filedOn,
        materials: input.materials ?? prepared,
        status: FilingStatus.FILED,
      } as unknown as Filing);
      await em.flush();
      const due = filingDueOn(d.publishedOn!, this.deps.config.rules);
      await this.audit(em, user, 'filing.record', d, undefined, { filedOn: f.filedOn, dueOn: due, late: f.filedOn > due, materials: f.materials });
      return f;
    });
  }

  /** The supervising body's answers: register, defer for missing materials, review results. */
  async recordFilingOutcome(
    user: User,
    input: {
      documentId: string;
      version: number;
      outcome: FilingOutcomeKind;
      on: string;
      note?: string | null;
      materials?: FilingMaterialKind[] | null;
    },
  ): Promise<Filing> {
    this.assertFilingOfficer(user);
    checkDates(input, ['on']);
    return this.em.transactional(async (em) => {
      const d = await this.load(em, input.documentId);
      const f = await this.filingOf(em, d);
      assertVersion(f, input.version, '备案记录');
      const allowed: Record<string, FilingStatus[]> = {
        REGISTER: [FilingStatus.FILED],
        DEFER: [FilingStatus.FILED],
        CORRECT: [FilingStatus.DEFERRED],
        REVIEW_NO_ISSUE: [FilingStatus.REGISTERED],
        REQUIRE_CORRECTION: [FilingStatus.REGISTERED],
        CLOSE_CORRECTION: [FilingStatus.CORRECTION_REQUIRED],
      };
      if (!allowed[input.outcome]!.includes(f.status)) {
        assertNoViolations([{ rule: 'R-ND-7', code: 'INVALID_FILING_STATE', message: `备案当前为 ${f.status}，不能登记「${input.outcome}」(R-ND-7)` }]);
      }
      if ((input.outcome === 'DEFER' || input.outcome === 'REQUIRE_CORRECTION') && !input.note?.trim()) {
        throw new BadInputError('请填写备案机关要求补正或纠正的内容', 'note');
      }
      const before = { status: f.status };
      switch (input.outcome) {
        case 'REGISTER':
          f.status = FilingStatus.REGISTERED;
          f.registeredOn = input.on;
          break;
        case 'DEFER':
          f.status = FilingStatus.DEFERRED;
          f.deferredOn = input.on;
          f.deferralReason = input.note!.trim();
          break;
        case 'CORRECT':
          f.status = FilingStatus.FILED;
          f.correctedOn = input.on;
          if (input.materials) f.materials = [...new Set([...f.materials, ...input.materials])];
          break;
        case 'REVIEW_NO_ISSUE':
          f.status = FilingStatus.REVIEWED_NO_ISSUE;
          f.reviewedOn = input.on;
          break;
        case 'REQUIRE_CORRECTION':
          f.status = FilingStatus.CORRECTION_REQUIRED;
          f.reviewedOn = input.on;
          f.correctionRequest = input.note!.trim();
          break;
        case 'CLOSE_CORRECTION':
          f.status = FilingStatus.CORRECTION_CLOSED;
          f.correctionClosedOn = input.on;
          break;
      }
      await em.flush();
      await this.audit(em, user, `filing.${input.outcome.toLowerCase()}`, d, before, { filingStatus: f.status, on: input.on, note: input.note ?? null });
      return f;
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
    if (!isValidLocalDate(from) || !isValidLocalDate(to) || to < from) throw new BadInputError('统计区间无效', 'from');
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

  // ------------------------------------------------------------------ validity and clean-up (R-ND-9, R-ND-10)

  expired(d: NormativeDocument): boolean {
    return d.state === DocumentState.RELEASED && isExpired(d.validUntil ?? null, this.today);
  }

  evaluationDue(d: NormativeDocument): boolean {
    return d.state === DocumentState.RELEASED && !!d.validUntil && !this.expired(d) && this.today >= evaluationStartsOn(d.validUntil, this.deps.config.rules);
  }

  async createCleanupCampaign(user: User, input: { title: string; startedOn: string }): Promise<CleanupCampaign> {
    this.assertFilingOfficer(user);
    checkDates(input, ['startedOn']);
    return this.em.transactional(async (em) => {
      const c = em.create(CleanupCampaign, { id: randomUUID(), title: input.title.trim(), startedOn: input.startedOn } as unknown as CleanupCampaign);
      await em.flush();
      await this.deps.audit.record(em, actorOf(user), { action: 'normative.cleanup.create', subjectType: 'CleanupCampaign', subjectId: c.id, after: { title: c.title } });
      return c;
    });
  }

  async recordCleanupOutcome(user: User, input: { campaignId: string; documentId: string; outcome: CleanupOutcome; reason: string; on: string }): Promise<CleanupEntry> {
    this.assertFilingOfficer(user);
    checkDates(input, ['on']);
    return this.em.transactional(async (em) => {
      const c = await em.findOne(CleanupCampaign, { id: input.campaignId });
      if (!c) throw new NotFoundError('清理工作', input.campaignId);
      const d = await this.load(em, input.documentId);
      if (d.state !== DocumentState.RELEASED) throw new BadInputError('只能清理现行有效的文件', 'documentId');
      if (await em.count(CleanupEntry, { campaign: c.id, document: d.id })) throw new BadInputError('该文件在本次清理中已有结果', 'documentId');
      const e = em.create(CleanupEntry, { id: randomUUID(), campaign: c, document: d, outcome: input.outcome, reason: input.reason.trim() } as unknown as CleanupEntry);
      const before = summary(d);
      if (input.outcome === CleanupOutcome.REPEAL) {
        d.state = DocumentState.REPEALED;
        d.endedOn = input.on;
      }
      await em.flush();
      await this.audit(em, user, `cleanup.${input.outcome.toLowerCase()}`, d, before, { campaign: c.title, reason: e.reason });
      return e;
    });
  }

  /** R-ND-10: expired, repealed and amended documents of a period, for publication. */
  async endedList(from: string, to: string) {
    if (!isValidLocalDate(from) || !isValidLocalDate(to) || to < from) throw new BadInputError('统计区间无效', 'from');
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
    return [
      ...expiredDocs.filter((d) => isExpired(d.validUntil ?? null, to)).map((d) => ({ document: d, change: 'EXPIRED', on: addCalendarDays(d.validUntil!, 1) })),
      ...ended.map((d) => ({ document: d, change: d.state, on: d.endedOn! })),
    ].filter((x) => x.on >= from && x.on <= to);
  }

  list(req: PageRequest, filter: { state?: DocumentState; issuer?: Issuer; search?: string }) {
    const where: Record<string, unknown> = {};
    if (filter.state) where.state = filter.state;
    if (filter.issuer) where.issuer = filter.issuer;
    if (filter.search) {
      const like = containsPattern(filter.search);
      where.$or = [{ title: { $ilike: like } }, { registrationNumber: { $ilike: like } }];
    }
    return paginate(this.em, NormativeDocument, where, req, this.deps.config.graphql, { field: 'createdAt', kind: 'date', direction: 'desc' });
  }
}
