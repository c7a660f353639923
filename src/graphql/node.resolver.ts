import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, NotFoundError } from '../core/errors';
import { Node } from '../core/node';
import { findOrThrow } from '../db/find';
import { Material } from '../content/material.entity';
import { TextVersion } from '../content/text-version.entity';
import { Decision } from '../deliberation/deliberation.entity';
import { DirectoryItem } from '../directory/directory.entity';
import { Filing } from '../normative/normative.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { canSeeOpinion } from '../review/review.visibility';
import { requireUser } from './auth';
import type { Context } from './context';

type Loader = (ctx: Context, id: string) => Promise<object>;

/**
 * Every Node type: its table, and how to load one with the same visibility as its own root query
 * (the area's `getVisible`, or its pure `canSee…` rule). `node(id:)` finds the table in one
 * statement, then loads through this registry.
 */
const NODE_TYPES: Record<string, { table: string; load: Loader }> = {
  DecisionProposal: { table: 'decision_proposal', load: (ctx, id) => ctx.services.proposals.getVisible(requireUser(ctx), id) },
  ReviewRequest: { table: 'review_request', load: (ctx, id) => ctx.services.reviewQueries.getVisible(requireUser(ctx), id) },
  LegalOpinion: {
    table: 'legal_opinion',
    load: async (ctx, id) => {
      const o = await findOrThrow(ctx.em, LegalOpinion, id, '法律意见');
      const r = await ctx.services.reviewQueries.getVisible(requireUser(ctx), o.review.id);
      // opinion drafts are the advisors' work in progress (as on ReviewRequest.opinions)
      if (!canSeeOpinion(requireUser(ctx), r, o)) throw new NotFoundError('法律意见', id);
      return o;
    },
  },
  Contract: { table: 'contract', load: (ctx, id) => ctx.services.contracts.getVisible(requireUser(ctx), id) },
  NormativeDocument: { table: 'normative_document', load: (ctx, id) => ctx.services.normative.getVisible(requireUser(ctx), id) },
  EnforcementCase: { table: 'enforcement_case', load: (ctx, id) => ctx.services.enforcementDecisions.getVisible(requireUser(ctx), id) },
  Filing: {
    table: 'filing',
    load: async (ctx, id) => {
      const f = await findOrThrow(ctx.em, Filing, id, '备案记录');
      await ctx.services.normative.getVisible(requireUser(ctx), f.document.id);
      return f;
    },
  },
  DecisionDirectory: { table: 'decision_directory', load: (ctx, id) => ctx.services.directory.get(id) },
  DirectoryItem: { table: 'directory_item', load: (ctx, id) => findOrThrow(ctx.em, DirectoryItem, id, '目录事项') },
  Meeting: { table: 'meeting', load: (ctx, id) => ctx.services.meetings.get(id) },
  StandingBody: { table: 'standing_body', load: (ctx, id) => ctx.services.bodies.get(id) },
  Decision: {
    table: 'decision',
    load: async (ctx, id) => {
      const d = await findOrThrow(ctx.em, Decision, id, '决定');
      await ctx.services.proposals.getVisible(requireUser(ctx), d.proposal.id);
      return d;
    },
  },
  LegalConsultation: { table: 'legal_consultation', load: (ctx, id) => ctx.services.legalConsultations.getVisible(requireUser(ctx), id) },
  DisputeMediation: { table: 'dispute_mediation', load: (ctx, id) => ctx.services.disputeMediations.getVisible(requireUser(ctx), id) },
  AdministrativeCase: { table: 'administrative_case', load: (ctx, id) => ctx.services.administrativeCases.getVisible(requireUser(ctx), id) },
  PublicityEvent: { table: 'publicity_event', load: (ctx, id) => ctx.services.publicityEvents.getVisible(requireUser(ctx), id) },
  User: { table: 'app_user', load: (ctx, id) => ctx.services.users.getVisible(requireUser(ctx), id) },
  Department: { table: 'department', load: (ctx, id) => ctx.services.departments.get(id) },
  // texts and materials: whoever may see the owner, by the owner's rule (services.owners)
  TextVersion: {
    table: 'text_version',
    load: async (ctx, id) => {
      const v = await findOrThrow(ctx.em, TextVersion, id, '文本版本');
      await ctx.services.owners.assertCanSee(requireUser(ctx), v, v.number, '文本版本');
      return v;
    },
  },
  Material: {
    table: 'material',
    load: async (ctx, id) => {
      const m = await findOrThrow(ctx.em, Material, id, '材料');
      await ctx.services.owners.assertCanSee(requireUser(ctx), m, null, '材料');
      return m;
    },
  },
};

export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES);

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { description: 'Refetch any object by its id (Relay Node), with the same visibility as its own query' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object> {
    assertUuid(id);
    const union = Object.entries(NODE_TYPES)
      .map(([type, t]) => `select '${type}' as type from "${t.table}" where id = ?`)
      .join(' union all ');
    const rows = await ctx.em.execute<{ type: string }[]>(`${union} limit 1`, Object.keys(NODE_TYPES).map(() => id));
    const type = rows[0]?.type;
    if (!type) throw new NotFoundError('对象', id);
    return NODE_TYPES[type]!.load(ctx, id);
  }
}
