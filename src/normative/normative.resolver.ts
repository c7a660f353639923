import { LocalDateResolver } from 'graphql-scalars';
import type { Row } from '../db/rows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { TextVersionConnection } from '../content/content.resolver';
import { TextVersion } from '../content/text-version.entity';
import { assertUuid, BadInputError } from '../core/errors';
import { pageOfList } from '../core/page';
import { ALL_ROLES, Role } from '../core/roles';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import { selectedNodeFields } from '../graphql/selection';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import { ViolationType } from '../graphql/violation.type';
import { AvailableAction, availableActions } from '../graphql/workflow.types';
import { onlySeen, seen } from '../graphql/visibility';
import { DecisionProposal } from '../proposal/proposal.entity';
import { canSeeProposal } from '../proposal/proposal.visibility';
import { ReviewRequest } from '../review/review-request.entity';
import { ReviewPayload } from '../review/review.resolver';
import { ReviewSubjectType } from '../review/review.enums';
import { suggestMarketEntities } from './market-entities.rules';
import { Filing, FilingMaterial, NORMATIVE_OWNER, NormativeDocument, NormativeFairCompetitionReview } from './normative.entity';
import { FILING_AUTHORITY, FilingFlagKind, FilingVerdict } from './normative.enums';
import {
  AssessInput,
  CleanupCampaignInput,
  CleanupOutcomeInput,
  ConfirmAssessmentInput,
  CorrectNormativeFactsInput,
  CreateNormativeInput,
  DocumentVersionRef,
  FilingMaterialInput,
  FilingOutcomeInput,
  NormativeFairCompetitionInput,
  NormativeFilter,
  NormativeReviewInput,
  NormativeVersionInput,
  RecordFilingInput,
  ReleaseFactsInput,
  ReleaseInput,
} from './normative.inputs';
import { defaultValidUntil, FLAG_URGENCY, filingDueOn, maxValidityYears } from './normative.rules';
import { decodeFlagCursor, encodeFlagCursor, OVERDUE_KINDS, type FlagFilter } from './filing-flags';
import {
  CleanupCampaignPayload,
  CleanupEntryPayload,
  EndedDocumentConnection,
  FilingFlagConnection,
  FilingMaterialPayload,
  FilingPayload,
  FilingStatistics,
  MarketEntitiesSuggestionType,
  NormativeConnection,
  NormativeFairCompetitionConnection,
  NormativeFairCompetitionPayload,
  NormativeDocumentPayload,
  NormativeReleasePayload,
  NormativeVersionPayload,
} from './normative.types';
import { canSeeNormativeDocument, canSeeNormativeVersion, canSeeNormativeWork } from './normative.visibility';
import { FILING_WORKFLOW, NORMATIVE_EDITORS, NORMATIVE_WORKFLOW } from './normative.workflow';

const EDITORS = NORMATIVE_EDITORS;
const FILING = Role.FILING_OFFICER;

@Resolver(() => NormativeDocument)
export class NormativeResolver {
  // ------------------------------------------------------------ queries

  @Authorized(...ALL_ROLES)
  @Query(() => NormativeConnection, {
    description: 'The normative-document register, newest first (规范性文件登记簿): every released document, and the documents in drafting the user may see',
  })
  async normativeDocuments(
    @Args(PAGE_ARGS) page: PageArgs,
    @Arg('filter', () => NormativeFilter, { nullable: true }) filter: NormativeFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await ctx.services.normative.list(requireUser(ctx), { ...page, fields: selectedNodeFields(info) }, filter ?? {}));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => NormativeDocument, { description: 'One document of the register (规范性文件): in drafting, its department’s users and the cross-department roles; once released, everyone' })
  normativeDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.normative.getVisible(requireUser(ctx), assertUuid(id));
  }

  @Authorized(...ALL_ROLES)
  @Query(() => [ViolationType], { description: 'Every blocker of the release, at once (发布前检查), R-ND-4' })
  releaseCheck(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('publishOn', () => LocalDateResolver, { nullable: true }) publishOn: string | undefined,
    @Arg('channel', () => String, { nullable: true }) channel: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.normative.releaseCheck(requireUser(ctx), assertUuid(documentId, 'documentId'), publishOn, channel);
  }

  @Authorized(FILING, Role.ADMIN, Role.LEGAL_ADVISOR, Role.DECISION_MAKER)
  @Query(() => FilingFlagConnection, {
    description: 'Every live filing problem, most urgent first (备案预警), R-ND-8: paged, filterable by kind, department and document, computed by the database',
  })
  async filingFlags(
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('kinds', () => [FilingFlagKind], { nullable: true, description: 'Only these kinds' }) kinds: FilingFlagKind[] | undefined,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only documents of this sponsoring department' }) departmentId: string | undefined,
    @Arg('documentId', () => ID, { nullable: true, description: 'Only this document' }) documentId: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<FilingFlagConnection> {
    const max = ctx.config.graphql.maxPageSize;
    if (first < 1 || first > max) throw new BadInputError(`first 应为 1–${max}`, 'first');
    if (after != null && after.length > 200) throw new BadInputError('after 不是有效的分页游标：请使用上一页返回的 endCursor', 'after');
    const filter: FlagFilter = {
      kinds: kinds ?? null,
      departmentId: departmentId ? assertUuid(departmentId, 'departmentId') : null,
      documentId: documentId ? assertUuid(documentId, 'documentId') : null,
    };
    const filing = ctx.services.normativeFiling;
    const today = filing.today;
    const rows = await filing.flagPage(filter, first + 1, after ? decodeFlagCursor(after) : null, today);
    const flags = rows.slice(0, first);
    const edges = flags.map((node) => ({ node, cursor: encodeFlagCursor({ urgency: node.urgency, dueOn: node.dueOn, documentId: node.documentId }) }));
    let counts: Promise<Map<FilingFlagKind, number>> | null = null;
    const counted = () => (counts ??= filing.flagCounts(filter, today));
    return {
      edges,
      nodes: flags,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after != null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      get totalCount() {
        return counted().then((c) => [...c.values()].reduce((a, b) => a + b, 0));
      },
      get overdueCount() {
        return counted().then((c) => OVERDUE_KINDS.reduce((a, k) => a + (c.get(k) ?? 0), 0));
      },
      get countsByKind() {
        return counted().then((c) =>
          Object.values(FilingFlagKind)
            .filter((k) => !kinds?.length || kinds.includes(k))
            .sort((a, b) => FLAG_URGENCY[a] - FLAG_URGENCY[b])
            .map((kind) => ({ kind, count: c.get(kind) ?? 0 })),
        );
      },
    };
  }

  @Authorized(FILING, Role.ADMIN, Role.DECISION_MAKER)
  @Query(() => FilingStatistics, { description: 'Filing rate, on-time rate and conformity rate (报备率、及时率、规范率)' })
  filingStatistics(@Arg('from', () => LocalDateResolver) from: string, @Arg('to', () => LocalDateResolver) to: string, @Ctx() ctx: Context) {
    return ctx.services.normativeFiling.filingStatistics(from, to);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => EndedDocumentConnection, { description: 'Expired, repealed and amended documents of a period, in date order, for publication (R-ND-10)' })
  async endedNormativeDocuments(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Args(PAGE_ARGS) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const ended = await ctx.services.normativeCleanup.endedList(from, to);
    // ended documents were released, so everyone sees them; the rule is applied all the same
    const visible = onlySeen(ctx, (user, e: (typeof ended)[number]) => canSeeNormativeDocument(user, e.document), ended);
    return toConnection(pageOfList(visible, page, ctx.config.graphql, (e) => e.document.id));
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => TextVersion, { nullable: true, description: 'The current text (现行文本); of a released document, the released text' })
  async currentVersion(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    const v = await ctx.loaders.versionByNumber.load({ ownerType: NORMATIVE_OWNER, ownerId: d.id, number: d.currentVersionNumber });
    return seen(ctx, (user, x: TextVersion) => canSeeNormativeVersion(user, d, x.number), v);
  }

  @FieldResolver(() => TextVersionConnection, {
    description: 'Text versions, oldest first (文本版本): every one for the sponsor department and the cross-department roles, only the released text for everyone else',
  })
  async versions(@Root() d: Row<NormativeDocument>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (canSeeNormativeWork(requireUser(ctx), d)) return toConnection(await ctx.loaders.versionsOf(NORMATIVE_OWNER).load(d.id, page, selectedNodeFields(info)));
    const released = await this.currentVersion(d, ctx);
    return toConnection(pageOfList(released ? [released] : [], page, ctx.config.graphql, (v) => v.id));
  }

  @FieldResolver(() => DecisionProposal, { nullable: true, description: 'The decision proposal it implements (R-DEC-14); null while the user may not see it' })
  async originatingProposal(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return d.originatingProposal ? seen(ctx, canSeeProposal, await ctx.loaders.proposalById.load(d.originatingProposal.id)) : null;
  }

  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The released document it amends, replaced when this one is released; null while the user may not see it' })
  async replaces(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return d.replaces ? seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeById.load(d.replaces.id)) : null;
  }

  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The document that replaced it (amended); null while the user may not see it' })
  async replacedBy(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return d.replacedBy ? seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeById.load(d.replacedBy.id)) : null;
  }

  @FieldResolver(() => Filing, { nullable: true, description: 'The filing with the supervising body (备案), once recorded' })
  filing(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return ctx.loaders.filingByDocument.load(d.id);
  }

  @FieldResolver(() => [FilingMaterial], {
    description: 'Prepared filing materials (报备材料): at most one per FilingMaterialKind, so a list; working papers, so for the sponsor department and the cross-department roles only',
  })
  async filingMaterials(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return canSeeNormativeWork(requireUser(ctx), d) ? ctx.loaders.filingMaterialsByDocument.load(d.id) : [];
  }

  @FieldResolver(() => String, { description: 'Filing authority by issuer (备案机关), R-ND-3' })
  filingAuthority(@Root() d: Row<NormativeDocument>): string {
    return FILING_AUTHORITY[d.issuer];
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Filing due (报备期限), R-ND-6' })
  filingDueOn(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): string | null {
    return d.publishedOn && d.confirmedVerdict === FilingVerdict.FILING_REQUIRED ? filingDueOn(d.publishedOn, ctx.config.rules) : null;
  }

  @FieldResolver(() => MarketEntitiesSuggestionType, { description: 'Does the title and current text suggest it touches market entities (R-ND-4)? The flag departs from it only with a reason' })
  async marketEntitiesSuggestion(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): Promise<MarketEntitiesSuggestionType> {
    const v = await ctx.loaders.versionByNumber.load({ ownerType: NORMATIVE_OWNER, ownerId: d.id, number: d.currentVersionNumber });
    const text = v ? (v.text ?? (await ctx.loaders.versionText.load(v.id)) ?? '') : '';
    return suggestMarketEntities(d.title, text) as MarketEntitiesSuggestionType;
  }

  @FieldResolver(() => NormativeFairCompetitionReview, {
    nullable: true,
    description: 'The latest fair-competition review, the one that counts (R-ND-4); a working paper, for the sponsor department and the cross-department roles',
  })
  async fairCompetitionReview(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    if (!canSeeNormativeWork(requireUser(ctx), d)) return null;
    return (await ctx.loaders.fairCompetitionReviewsByDocument.load(d.id)).at(-1) ?? null;
  }

  @FieldResolver(() => NormativeFairCompetitionConnection, { description: 'Every fair-competition review, oldest first (公平竞争审查记录); for the sponsor department and the cross-department roles' })
  async fairCompetitionReviews(@Root() d: Row<NormativeDocument>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    if (!canSeeNormativeWork(requireUser(ctx), d)) return toConnection(pageOfList([], page, ctx.config.graphql, (r: NormativeFairCompetitionReview) => r.id));
    return toConnection(await ctx.loaders.fairCompetitionReviewPages.load(d.id, page));
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'The end of validity a release would record when none is stated: the maximum from the effective date (R-ND-9); null under the REFUSE policy or without an effective date',
  })
  defaultValidUntil(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): string | null {
    return defaultValidUntil(d, ctx.config.rules);
  }

  @FieldResolver(() => Int, { description: 'Maximum validity in years: 5, or 2 for 暂行/试行 (R-ND-9)' })
  maxValidityYears(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): number {
    return maxValidityYears(d.title, ctx.config.rules);
  }

  @FieldResolver(() => Boolean, { description: 'Past its validity period: expired automatically (R-ND-9)' })
  expired(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): boolean {
    return ctx.services.normativeCleanup.expired(d);
  }

  @FieldResolver(() => Boolean, { description: 'Within the evaluation window before expiry (R-ND-9)' })
  evaluationDue(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): boolean {
    return ctx.services.normativeCleanup.evaluationDue(d);
  }

  @FieldResolver(() => [AvailableAction], { description: 'What the signed-in user may do with this document now (当前可办理的操作); releaseCheck says what still blocks the release' })
  availableActions(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(NORMATIVE_WORKFLOW, d.state, ctx.user);
  }

  // ------------------------------------------------------------ register and release

  @Authorized(...EDITORS)
  @Mutation(() => NormativeDocumentPayload, { description: 'Register a candidate with its text (登记文件); with replacesId it amends a released document' })
  async createNormativeDocument(@Arg('input') input: CreateNormativeInput, @Ctx() ctx: Context) {
    return { document: await ctx.services.normative.create(requireUser(ctx), input) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeVersionPayload, { description: 'New text version (修改文本)' })
  addNormativeVersion(@Arg('input') input: NormativeVersionInput, @Ctx() ctx: Context) {
    return ctx.services.normative.addVersion(requireUser(ctx), input);
  }

  @Authorized(FILING)
  @Mutation(() => NormativeDocumentPayload, { description: 'Answer the checklist; the system scans for red flags and gives its verdict (R-ND-2)' })
  async assessFilingObligation(@Arg('input') input: AssessInput, @Ctx() ctx: Context) {
    return { document: await ctx.services.normative.assess(requireUser(ctx), input) };
  }

  @Authorized(FILING)
  @Mutation(() => NormativeDocumentPayload, { description: 'Confirm or override the verdict (an override needs a reason)' })
  async confirmFilingAssessment(@Arg('input') input: ConfirmAssessmentInput, @Ctx() ctx: Context) {
    return { document: await ctx.services.normative.confirmAssessment(requireUser(ctx), input) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeDocumentPayload, {
    description: 'Record comment window, effective date, validity and urgent reason (the deliberation is the meeting’s agenda item, the fair-competition review its own record)',
  })
  async setReleaseFacts(@Arg('input') input: ReleaseFactsInput, @Ctx() ctx: Context) {
    return { document: await ctx.services.normative.setReleaseFacts(requireUser(ctx), input) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeDocumentPayload, { description: 'Correct title, issuer, joint issuers or flags before release, with a reason; audited before and after (更正登记事项), R-ND-4' })
  async correctNormativeFacts(@Arg('input') input: CorrectNormativeFactsInput, @Ctx() ctx: Context) {
    return { document: await ctx.services.normativeFacts.correctFacts(requireUser(ctx), input) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeFairCompetitionPayload, {
    description: 'Record a fair-competition review of the current text with its conclusion (公平竞争审查); the latest counts, only COMPLIANT clears the release (R-ND-4)',
  })
  recordNormativeFairCompetitionReview(@Arg('input') input: NormativeFairCompetitionInput, @Ctx() ctx: Context) {
    return ctx.services.normativeFacts.recordFairCompetitionReview(requireUser(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ReviewPayload, { description: 'Request the legality review (合法性审核) of the current text, R-LR-1' })
  async requestNormativeReview(@Arg('input') input: NormativeReviewInput, @Ctx() ctx: Context) {
    const review = await ctx.services.reviewIntake.request(requireUser(ctx), {
      subjectType: ReviewSubjectType.NORMATIVE_DOCUMENT,
      subjectId: input.documentId,
      requestedCompletionOn: input.requestedCompletionOn ?? null,
    });
    return { review };
  }

  @Authorized(FILING)
  @Mutation(() => NormativeDocumentPayload, { description: 'Assign the unified registration number (统一登记编号), R-ND-5' })
  async registerNormativeDocument(@Arg('input') input: DocumentVersionRef, @Ctx() ctx: Context) {
    return { document: await ctx.services.normative.register(requireUser(ctx), input) };
  }

  @Authorized(...EDITORS)
  @Mutation(() => FilingMaterialPayload, { description: 'Prepare a filing material (准备报备材料)' })
  prepareFilingMaterial(@Arg('input') input: FilingMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.normative.prepareFilingMaterial(requireUser(ctx), input);
  }

  @Authorized(FILING, Role.ADMIN)
  @Mutation(() => NormativeReleasePayload, { description: 'Release (publish) once releaseCheck is empty (公布), R-ND-4; the document it replaces is amended' })
  releaseNormativeDocument(@Arg('input') input: ReleaseInput, @Ctx() ctx: Context) {
    return ctx.services.normative.release(requireUser(ctx), input);
  }

  // ------------------------------------------------------------ filing

  @Authorized(FILING)
  @Mutation(() => FilingPayload, { description: 'Record the filing with the supervising body (报备), R-ND-6' })
  recordFiling(@Arg('input') input: RecordFilingInput, @Ctx() ctx: Context) {
    return ctx.services.normativeFiling.recordFiling(requireUser(ctx), input);
  }

  @Authorized(FILING)
  @Mutation(() => FilingPayload, { description: 'Record the supervising body’s answer (登记、暂缓登记、补正、审查结果), R-ND-7' })
  recordFilingOutcome(@Arg('input') input: FilingOutcomeInput, @Ctx() ctx: Context) {
    return ctx.services.normativeFiling.recordFilingOutcome(requireUser(ctx), input);
  }

  // ------------------------------------------------------------ clean-up

  @Authorized(FILING)
  @Mutation(() => CleanupCampaignPayload, { description: 'Start a clean-up campaign (清理工作), R-ND-10' })
  async createCleanupCampaign(@Arg('input') input: CleanupCampaignInput, @Ctx() ctx: Context) {
    return { campaign: await ctx.services.normativeCleanup.createCampaign(requireUser(ctx), input) };
  }

  @Authorized(FILING)
  @Mutation(() => CleanupEntryPayload, { description: 'Record keep / amend / repeal for a document, with a reason' })
  recordCleanupOutcome(@Arg('input') input: CleanupOutcomeInput, @Ctx() ctx: Context) {
    return ctx.services.normativeCleanup.recordOutcome(requireUser(ctx), input);
  }
}

@Resolver(() => Filing)
export class FilingResolver {
  @FieldResolver(() => [AvailableAction], { description: 'Answers of the supervising body that may be recorded now (当前可登记的处理结果)' })
  availableActions(@Root() f: Row<Filing>, @Ctx() ctx: Context): AvailableAction[] {
    return availableActions(FILING_WORKFLOW, f.status, ctx.user);
  }
}

/** The reviewed document, on a review of a normative document. */
@Resolver(() => ReviewRequest)
export class NormativeReviewFieldResolver {
  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The reviewed normative document, when the subject is one' })
  async normativeDocument(@Root() r: Row<ReviewRequest>, @Ctx() ctx: Context) {
    return r.subjectType === ReviewSubjectType.NORMATIVE_DOCUMENT ? seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeById.load(r.subjectId)) : null;
  }
}
