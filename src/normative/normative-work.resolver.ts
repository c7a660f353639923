import { LocalDateResolver } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid } from '../core/errors';
import { Role } from '../core/roles';
import type { Row } from '../db/rows';
import { requireUser } from '../graphql/auth';
import { ConnectionType, PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { selectedNodeFields } from '../graphql/selection';
import { ViolationType } from '../graphql/violation.type';
import { seen } from '../graphql/visibility';
import { CleanupCampaign, CleanupEntry, NormativeDocument } from './normative.entity';
import { ReleaseGateCondition, ReleaseGateStatus } from './normative.enums';
import { canSeeNormativeDocument } from './normative.visibility';
import { releaseGateChecklist } from './release-gate.rules';

/**
 * The filing officer's working views of the register (R-ND-4, R-ND-10): the release gate as a
 * checklist, and the clean-up campaigns with their outcomes.
 */

@ObjectType('ReleaseGateItem', { description: 'One condition of the release gate, met or not, with its rule (发布前检查项), R-ND-4' })
export class ReleaseGateItem {
  @Field(() => ReleaseGateCondition)
  condition!: ReleaseGateCondition;

  @Field({ description: 'Rule id, e.g. R-ND-4' })
  rule!: string;

  @Field({ description: 'What the condition asks, in Chinese, with the numbers in force' })
  label!: string;

  @Field(() => ReleaseGateStatus)
  status!: ReleaseGateStatus;

  @Field(() => [ViolationType], { description: 'The blockers that keep it unmet (those of releaseCheck); empty when met' })
  violations!: ViolationType[];
}

@ObjectType('ReleaseGate', { description: 'The release gate of a document for a release on a day (发布前检查清单), R-ND-4' })
export class ReleaseGate {
  @Field(() => LocalDateResolver, { description: 'The publication date the gate was judged for' })
  publishOn!: string;

  @Field({ description: 'Nothing blocks the release: releaseCheck is empty' })
  clear!: boolean;

  @Field(() => [ReleaseGateItem], { description: 'Every condition, in the order of the rule book (a dozen)' })
  items!: ReleaseGateItem[];
}

export const CleanupCampaignConnection = ConnectionType(CleanupCampaign, 'CleanupCampaign');
export const CleanupEntryConnection = ConnectionType(CleanupEntry, 'CleanupEntry');

const WORK_ROLES = [Role.FILING_OFFICER, Role.ADMIN, Role.LEGAL_ADVISOR, Role.DECISION_MAKER];

@Resolver()
export class NormativeWorkResolver {
  @Authorized(...WORK_ROLES)
  @Query(() => ReleaseGate, {
    description: 'The release gate as a checklist (发布前检查清单), R-ND-4: every condition with its rule, met or not, and the blockers behind each — the same blockers as releaseCheck',
  })
  async releaseGate(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('publishOn', () => LocalDateResolver, { nullable: true, description: 'Planned publication date; default today' }) publishOn: string | undefined,
    @Arg('channel', () => String, { nullable: true, description: 'Where it will be published (公开发布渠道); without one, PUBLIC_RELEASE is unmet' }) channel: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<ReleaseGate> {
    const user = requireUser(ctx);
    const id = assertUuid(documentId, 'documentId');
    const normative = ctx.services.normative;
    const d = await normative.getVisible(user, id);
    // without a channel nothing says where it will be published: PUBLIC_RELEASE stays unmet
    const blockers = await normative.releaseCheck(user, id, publishOn, channel ?? '');
    const items = releaseGateChecklist(
      {
        confirmedVerdict: d.confirmedVerdict ?? null,
        affectsBusinessesOrPublic: d.affectsBusinessesOrPublic,
        touchesMarketEntities: d.touchesMarketEntities,
        urgentReason: d.urgentReason ?? null,
      },
      blockers,
      ctx.config.rules,
    );
    return { publishOn: publishOn ?? normative.today, clear: blockers.length === 0, items };
  }

  @Authorized(...WORK_ROLES)
  @Query(() => CleanupCampaignConnection, { description: 'Clean-up campaigns, the latest started first (清理工作), R-ND-10' })
  async cleanupCampaigns(@Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await ctx.services.normativeCleanup.campaigns({ ...page, fields: selectedNodeFields(info) }));
  }

  @Authorized(...WORK_ROLES)
  @Query(() => CleanupCampaign, { description: 'One clean-up campaign (清理工作) with its outcomes, R-ND-10' })
  cleanupCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.normativeCleanup.campaign(assertUuid(id));
  }
}

@Resolver(() => CleanupCampaign)
export class CleanupCampaignResolver {
  @FieldResolver(() => CleanupEntryConnection, { description: 'The outcome recorded for each document (清理结果), in recording order' })
  async entries(@Root() c: Row<CleanupCampaign>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.loaders.cleanupEntryPages.load(c.id, page));
  }
}

@Resolver(() => CleanupEntry)
export class CleanupEntryResolver {
  @FieldResolver(() => NormativeDocument, { nullable: true, description: 'The document cleaned up (a released one, so everyone sees it); null while the user may not see it' })
  async document(@Root() e: Row<CleanupEntry>, @Ctx() ctx: Context) {
    return seen(ctx, canSeeNormativeDocument, await ctx.loaders.normativeById.load(e.document.id));
  }
}
