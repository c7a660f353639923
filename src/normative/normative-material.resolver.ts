import { IsUUID } from 'class-validator';
import type { Row } from '../db/rows';
import { Arg, Args, Authorized, Ctx, Info, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedNodeFields } from '../graphql/selection';
import { MaterialFields } from '../content/content.inputs';
import { MaterialConnection } from '../content/content.resolver';
import { Material } from '../content/material.entity';
import { pageOfList } from '../core/page';
import { requireUser } from '../graphql/auth';
import { PAGE_ARGS, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Payload } from '../graphql/payload';
import { ViolationType } from '../graphql/violation.type';
import type { AddNormativeMaterialCommand } from './normative.commands';
import { NORMATIVE_OWNER, NormativeDocument } from './normative.entity';
import { canSeeNormativeWork } from './normative.visibility';
import { NORMATIVE_EDITORS } from './normative.workflow';

@InputType({ description: 'A material of a normative document’s review package: text, or a file sent as base64 (送审材料), R-LR-2' })
export class NormativeMaterialInput extends MaterialFields implements AddNormativeMaterialCommand {
  @Field(() => ID)
  @IsUUID('all', { message: '规范性文件 id 格式无效' })
  documentId!: string;
}

const NormativeMaterialPayload = Payload('NormativeMaterialPayload', 'A new material of a normative document (送审材料)', {
  document: { type: () => NormativeDocument },
  material: { type: () => Material },
});

/** A normative document's review package (R-LR-2): its materials and what is still missing. */
@Resolver(() => NormativeDocument)
export class NormativeMaterialResolver {
  @FieldResolver(() => MaterialConnection, {
    description: 'Materials of the review package, in upload order (送审材料): working papers, so for the sponsor department and the cross-department roles only (empty for others)',
  })
  async materials(@Root() d: Row<NormativeDocument>, @Args(PAGE_ARGS) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (!canSeeNormativeWork(requireUser(ctx), d)) return toConnection(pageOfList<Material>([], page, ctx.config.graphql, (m) => m.id));
    return toConnection(await ctx.loaders.materialsOf(NORMATIVE_OWNER).load(d.id, page, selectedNodeFields(info)));
  }

  @FieldResolver(() => [ViolationType], {
    nullable: true,
    description:
      'What a review request would be refused for now: not in drafting (R-ND-4), and every package item still missing (R-LR-2), as configured in review.packages.NORMATIVE_DOCUMENT; null for users who may not see the working papers',
  })
  reviewBlockers(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    const user = requireUser(ctx);
    return canSeeNormativeWork(user, d) ? ctx.services.normativeMaterials.reviewBlockers(user, d) : null;
  }

  @Authorized(...NORMATIVE_EDITORS)
  @Mutation(() => NormativeMaterialPayload, {
    description: 'Add a material to the review package while drafting: text or a small base64 file; larger files through POST /materials?normativeDocumentId= (送审材料), R-LR-2',
  })
  addNormativeMaterial(@Arg('input') input: NormativeMaterialInput, @Ctx() ctx: Context) {
    return ctx.services.normativeMaterials.add(requireUser(ctx), input);
  }
}
