import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, BadInputError } from '../core/errors';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { ViolationType } from '../graphql/violation.type';
import { Role } from '../core/roles';
import { ReviewRequest } from '../review/review-request.entity';
import { CleanupCampaign, CleanupEntry, Filing, FilingMaterial, NORMATIVE_OWNER, NormativeDocument } from './normative.entity';
import { TextVersion } from '../content/text-version.entity';
import { ReviewSubjectType } from '../review/review.enums';
import { CleanupOutcome, DocumentState, ExcludedDocumentType, FILING_AUTHORITY, FilingMaterialKind, FilingOutcomeKind, FilingVerdict, Issuer } from './normative.enums';
import { filingDueOn, maxValidityYears } from './normative.rules';

export const NormativeConnection = ConnectionType(NormativeDocument, 'NormativeDocument');

@InputType({ description: 'New normative-document candidate (登记文件)' })
class CreateNormativeInput {
  @Field()
  @Length(2, 200)
  title!: string;

  @Field(() => Issuer)
  @IsEnum(Issuer)
  issuer!: Issuer;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  jointIssuers?: string;

  @Field()
  @Length(1, 500_000, { message: '文件文本不能为空' })
  text!: string;

  @Field()
  @IsBoolean()
  affectsBusinessesOrPublic!: boolean;

  @Field()
  @IsBoolean()
  touchesMarketEntities!: boolean;

  @Field(() => ID, { nullable: true, description: 'The decision it implements' })
  @IsOptional()
  @IsUUID('all')
  originatingProposalId?: string;

  @Field(() => ID, { nullable: true, description: 'The released document it amends (replaces on release)' })
  @IsOptional()
  @IsUUID('all')
  replacesId?: string;
}

@InputType()
class NormativeVersionInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field()
  @Length(1, 500_000)
  text!: string;

  @Field()
  @Length(1, 2000)
  changeNote!: string;
}

@InputType({ description: 'Checklist answers (报备判定清单), R-ND-1; null = not yet judged' })
class AssessmentAnswersInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  issuedWithinAuthority?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  affectsRights?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  generallyBinding?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  appliedRepeatedly?: boolean | null;

  @Field(() => ExcludedDocumentType, { nullable: true })
  @IsOptional()
  @IsEnum(ExcludedDocumentType)
  excludedType?: ExcludedDocumentType | null;
}

@InputType()
class AssessInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => AssessmentAnswersInput)
  answers!: AssessmentAnswersInput;
}

@InputType()
class DocumentVersionRef {
  @Field(() => ID)
  @IsUUID('all', { message: '文件 id 格式无效' })
  documentId!: string;

  @Field(() => Int)
  @Min(1)
  version!: number;
}

@InputType()
class ConfirmAssessmentInput extends DocumentVersionRef {
  @Field(() => FilingVerdict)
  @IsEnum(FilingVerdict)
  verdict!: FilingVerdict;

  @Field(() => String, { nullable: true, description: 'Required when it differs from the system’s verdict' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string;
}

@InputType()
class ReleaseFactsInput extends DocumentVersionRef {
  @Field(() => LocalDateResolver, { nullable: true })
  publicCommentStartsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  publicCommentEndsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  fairCompetitionReviewedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  deliberatedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  deliberationReference?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  effectiveOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  validUntil?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  urgentReason?: string;
}

@InputType()
class NormativeReviewInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedCompletionOn?: string;
}

@InputType()
class FilingMaterialInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => FilingMaterialKind)
  @IsEnum(FilingMaterialKind)
  kind!: FilingMaterialKind;

  @Field()
  @Length(1, 500_000)
  text!: string;
}

@InputType()
class ReleaseInput extends DocumentVersionRef {
  @Field(() => LocalDateResolver)
  publishedOn!: string;

  @Field({ description: 'Where it is published (公开发布渠道)' })
  @Length(1, 200)
  channel!: string;
}

@InputType()
class RecordFilingInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => [FilingMaterialKind], { nullable: true, description: 'Materials sent; default: those prepared' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(FilingMaterialKind, { each: true })
  materials?: FilingMaterialKind[];
}

@InputType({ description: 'The supervising body’s answer (备案机关处理结果), R-ND-7' })
class FilingOutcomeInput {
  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => Int, { description: 'The filing’s version you read' })
  @Min(1)
  version!: number;

  @Field(() => FilingOutcomeKind)
  @IsEnum(FilingOutcomeKind, { message: '处理结果无效' })
  outcome!: FilingOutcomeKind;

  @Field(() => LocalDateResolver)
  on!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string;

  @Field(() => [FilingMaterialKind], { nullable: true, description: 'CORRECT: the materials supplied' })
  @IsOptional()
  @IsEnum(FilingMaterialKind, { each: true })
  materials?: FilingMaterialKind[];
}

@InputType()
class CleanupCampaignInput {
  @Field()
  @Length(2, 200)
  title!: string;

  @Field(() => LocalDateResolver)
  startedOn!: string;
}

@InputType()
class CleanupOutcomeInput {
  @Field(() => ID)
  @IsUUID('all')
  campaignId!: string;

  @Field(() => ID)
  @IsUUID('all')
  documentId!: string;

  @Field(() => CleanupOutcome)
  @IsEnum(CleanupOutcome)
  outcome!: CleanupOutcome;

  @Field()
  @Length(2, 5000, { message: '请说明清理理由' })
  reason!: string;

  @Field(() => LocalDateResolver)
  on!: string;
}

@InputType()
class NormativeFilter {
  @Field(() => DocumentState, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentState)
  state?: DocumentState;

  @Field(() => Issuer, { nullable: true })
  @IsOptional()
  @IsEnum(Issuer)
  issuer?: Issuer;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ObjectType({ description: 'A live filing problem (备案预警), R-ND-8' })
export class FilingFlag {
  @Field(() => ID)
  documentId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field({ description: 'FILING_OVERDUE, DEFERRAL_OVERDUE, POSSIBLE_MISSED_FILING, RELEASED_UNCONFIRMED, FILING_DUE_SOON, MATERIALS_MISSING, CORRECTION_OPEN, EVALUATION_DUE, FILED_LATE, CORRECTED_LATE' })
  kind!: string;

  @Field()
  rule!: string;

  @Field()
  message!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  dueOn!: string | null;
}

@ObjectType()
class FilingFlagList {
  @Field(() => Int, { description: 'All live problems' })
  totalCount!: number;

  @Field(() => Int)
  overdueCount!: number;

  @Field(() => [FilingFlag], { description: 'The most urgent first (at most `first`)' })
  flags!: FilingFlag[];
}

@ObjectType({ description: 'Filing statistics for documents published in a period (备案统计)' })
class FilingStatistics {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => [ID])
  requiredIds!: string[];

  @Field(() => [ID])
  filedIds!: string[];

  @Field(() => [ID])
  onTimeIds!: string[];

  @Field(() => [ID])
  reviewedIds!: string[];

  @Field(() => [ID])
  conformIds!: string[];

  @Field(() => Float, { nullable: true, description: 'Filed / required (报备率)' })
  filingRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Filed on time / filed (及时率)' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'No issue / reviewed (规范率)' })
  conformityRate!: number | null;
}

@ObjectType({ description: 'A document that ended in a period (失效、废止、修改文件目录), R-ND-10' })
class EndedDocument {
  @Field(() => NormativeDocument)
  document!: NormativeDocument;

  @Field({ description: 'EXPIRED, REPEALED or AMENDED' })
  change!: string;

  @Field(() => LocalDateResolver)
  on!: string;
}

const ANY = [Role.DRAFTER, Role.LEGAL_ADVISOR, Role.ADMIN, Role.DECISION_MAKER, Role.FILING_OFFICER];
const EDITORS = [Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN];

@Resolver(() => NormativeDocument)
export class NormativeResolver {
  @Authorized(...ANY)
  @Query(() => NormativeConnection, { description: 'The normative-document register, newest first (规范性文件登记簿)' })
  async normativeDocuments(@Args() page: PageArgs, @Arg('filter', () => NormativeFilter, { nullable: true }) filter: NormativeFilter | undefined, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.normative.list(page, filter ?? {}));
  }

  @Authorized(...ANY)
  @Query(() => NormativeDocument)
  normativeDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.normative.get(assertUuid(id));
  }

  @Authorized(...ANY)
  @Query(() => [ViolationType], { description: 'Every blocker of the release, at once (发布前检查), R-ND-4' })
  releaseCheck(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('publishOn', () => LocalDateResolver, { nullable: true }) publishOn: string | undefined,
    @Arg('channel', () => String, { nullable: true }) channel: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.normative.releaseCheck(assertUuid(documentId, 'documentId'), publishOn, channel);
  }

  @Authorized(Role.FILING_OFFICER, Role.ADMIN, Role.LEGAL_ADVISOR, Role.DECISION_MAKER)
  @Query(() => FilingFlagList, { description: 'Every live filing problem, most urgent first (备案预警), R-ND-8' })
  async filingFlags(@Arg('first', () => Int, { defaultValue: 100 }) first: number, @Ctx() ctx: Context): Promise<FilingFlagList> {
    const max = ctx.config.graphql.maxPageSize;
    if (first < 1 || first > max) throw new BadInputError(`first 应为 1–${max}`, 'first');
    const flags = await ctx.services.normative.flags();
    return { totalCount: flags.length, overdueCount: flags.filter((f) => f.kind === 'FILING_OVERDUE' || f.kind === 'DEFERRAL_OVERDUE').length, flags: flags.slice(0, first) };
  }

  @Authorized(Role.FILING_OFFICER, Role.ADMIN, Role.DECISION_MAKER)
  @Query(() => FilingStatistics, { description: 'Filing rate, on-time rate and conformity rate (报备率、及时率、规范率)' })
  filingStatistics(@Arg('from', () => LocalDateResolver) from: string, @Arg('to', () => LocalDateResolver) to: string, @Ctx() ctx: Context) {
    return ctx.services.normative.filingStatistics(from, to);
  }

  @Authorized(...ANY)
  @Query(() => [EndedDocument], { description: 'Expired, repealed and amended documents of a period, for publication (R-ND-10)' })
  endedNormativeDocuments(@Arg('from', () => LocalDateResolver) from: string, @Arg('to', () => LocalDateResolver) to: string, @Ctx() ctx: Context) {
    return ctx.services.normative.endedList(from, to);
  }

  @FieldResolver(() => TextVersion, { nullable: true, description: 'The current text (现行文本)' })
  currentVersion(@Root() d: NormativeDocument, @Ctx() ctx: Context) {
    return ctx.loaders.versionByNumber.load({ ownerType: NORMATIVE_OWNER, ownerId: d.id, number: d.currentVersionNumber });
  }

  @FieldResolver(() => Filing, { nullable: true })
  filing(@Root() d: NormativeDocument, @Ctx() ctx: Context) {
    return ctx.loaders.filingByDocument.load(d.id);
  }

  @FieldResolver(() => [FilingMaterial])
  filingMaterials(@Root() d: NormativeDocument, @Ctx() ctx: Context) {
    return ctx.loaders.filingMaterialsByDocument.load(d.id);
  }

  @FieldResolver(() => String, { description: 'Filing authority by issuer (备案机关), R-ND-3' })
  filingAuthority(@Root() d: NormativeDocument): string {
    return FILING_AUTHORITY[d.issuer];
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Filing due (报备期限), R-ND-6' })
  filingDueOn(@Root() d: NormativeDocument, @Ctx() ctx: Context): string | null {
    return d.publishedOn && d.confirmedVerdict === FilingVerdict.FILING_REQUIRED ? filingDueOn(d.publishedOn, ctx.config.rules) : null;
  }

  @FieldResolver(() => Int, { description: 'Maximum validity in years: 5, or 2 for 暂行/试行 (R-ND-9)' })
  maxValidityYears(@Root() d: NormativeDocument, @Ctx() ctx: Context): number {
    return maxValidityYears(d.title, ctx.config.rules);
  }

  @FieldResolver(() => Boolean, { description: 'Past its validity period: expired automatically (R-ND-9)' })
  expired(@Root() d: NormativeDocument, @Ctx() ctx: Context): boolean {
    return ctx.services.normative.expired(d);
  }

  @FieldResolver(() => Boolean, { description: 'Within the evaluation window before expiry (R-ND-9)' })
  evaluationDue(@Root() d: NormativeDocument, @Ctx() ctx: Context): boolean {
    return ctx.services.normative.evaluationDue(d);
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeDocument, { description: 'Register a candidate with its text (登记文件)' })
  createNormativeDocument(@Arg('input') input: CreateNormativeInput, @Ctx() ctx: Context) {
    return ctx.services.normative.create(requireUser(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TextVersion, { description: 'New text version (修改文本)' })
  async addNormativeVersion(@Arg('input') input: NormativeVersionInput, @Ctx() ctx: Context) {
    return (await ctx.services.normative.addVersion(requireUser(ctx), input)).version;
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => NormativeDocument, { description: 'Answer the checklist; the system scans for red flags and gives its verdict (R-ND-2)' })
  assessFilingObligation(@Arg('input') input: AssessInput, @Ctx() ctx: Context) {
    const a = input.answers;
    return ctx.services.normative.assess(requireUser(ctx), {
      documentId: input.documentId,
      answers: {
        issuedWithinAuthority: a.issuedWithinAuthority ?? null,
        affectsRights: a.affectsRights ?? null,
        generallyBinding: a.generallyBinding ?? null,
        appliedRepeatedly: a.appliedRepeatedly ?? null,
        excludedType: a.excludedType ?? null,
      },
    });
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => NormativeDocument, { description: 'Confirm or override the verdict (an override needs a reason)' })
  confirmFilingAssessment(@Arg('input') input: ConfirmAssessmentInput, @Ctx() ctx: Context) {
    return ctx.services.normative.confirmAssessment(requireUser(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => NormativeDocument, { description: 'Record comment window, fair-competition review, deliberation, effective date, validity' })
  setReleaseFacts(@Arg('input') input: ReleaseFactsInput, @Ctx() ctx: Context) {
    return ctx.services.normative.setReleaseFacts(requireUser(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ReviewRequest, { description: 'Request the legality review (合法性审核) of the current text, R-LR-1' })
  requestNormativeReview(@Arg('input') input: NormativeReviewInput, @Ctx() ctx: Context) {
    return ctx.services.reviewIntake.request(requireUser(ctx), {
      subjectType: ReviewSubjectType.NORMATIVE_DOCUMENT,
      subjectId: input.documentId,
      requestedCompletionOn: input.requestedCompletionOn ?? null,
    });
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => NormativeDocument, { description: 'Assign the unified registration number (统一登记编号), R-ND-5' })
  registerNormativeDocument(@Arg('input') input: DocumentVersionRef, @Ctx() ctx: Context) {
    return ctx.services.normative.register(requireUser(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => FilingMaterial, { description: 'Prepare a filing material (准备报备材料)' })
  prepareFilingMaterial(@Arg('input') input: FilingMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.normative.prepareFilingMaterial(requireUser(ctx), input);
  }

  @Authorized(Role.FILING_OFFICER, Role.ADMIN)
  @Mutation(() => NormativeDocument, { description: 'Release (publish) once releaseCheck is empty (公布), R-ND-4' })
  releaseNormativeDocument(@Arg('input') input: ReleaseInput, @Ctx() ctx: Context) {
    return ctx.services.normative.release(requireUser(ctx), input);
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => Filing, { description: 'Record the filing with the supervising body (报备), R-ND-6' })
  recordFiling(@Arg('input') input: RecordFilingInput, @Ctx() ctx: Context) {
    return ctx.services.normative.recordFiling(requireUser(ctx), input);
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => Filing, { description: 'Record the supervising body’s answer (登记、暂缓登记、补正、审查结果), R-ND-7' })
  recordFilingOutcome(@Arg('input') input: FilingOutcomeInput, @Ctx() ctx: Context) {
    return ctx.services.normative.recordFilingOutcome(requireUser(ctx), input);
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => CleanupCampaign, { description: 'Start a clean-up campaign (清理工作), R-ND-10' })
  createCleanupCampaign(@Arg('input') input: CleanupCampaignInput, @Ctx() ctx: Context) {
    return ctx.services.normative.createCleanupCampaign(requireUser(ctx), input);
  }

  @Authorized(Role.FILING_OFFICER)
  @Mutation(() => CleanupEntry, { description: 'Record keep / amend / repeal for a document, with a reason' })
  recordCleanupOutcome(@Arg('input') input: CleanupOutcomeInput, @Ctx() ctx: Context) {
    return ctx.services.normative.recordCleanupOutcome(requireUser(ctx), input);
  }
}

/** The reviewed document, on a review of a normative document. */
@Resolver(() => ReviewRequest)
export class NormativeReviewFieldResolver {
  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The reviewed normative document, when the subject is one' })
  normativeDocument(@Root() r: ReviewRequest, @Ctx() ctx: Context) {
    return r.subjectType === ReviewSubjectType.NORMATIVE_DOCUMENT ? ctx.loaders.normativeById.load(r.subjectId) : null;
  }
}
