import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { PUBLIC_FIELDS } from './auth';
import type { Context } from './context';
import { Refusal } from './refusal';

/**
 * The cost of an operation, computed before it runs (graphql-query-complexity with one estimator):
 *
 * - every field costs 1; a long-text field (below) costs more, `textFieldCost` for 500,000 characters;
 * - a field with a `first` argument (a connection) multiplies the cost of its selection by the page
 *   size asked for (the default page size when omitted, the cap when larger), so nested pages multiply;
 *   the `edges`/`nodes` lists inside a connection are that page, not another multiplication;
 * - every other list is bounded by construction and multiplies by its fixed estimate below
 *   (`DEFAULT_LIST_ESTIMATE` when not listed);
 * - introspection (`__schema`, `__type`) costs nothing: it is bounded by the schema and switched off in
 *   production;
 * - for an anonymous caller, a root field that needs a signed-in user costs 1: it is refused
 *   (UNAUTHENTICATED) before it reads anything, so only the public fields' selections count.
 *
 * Aliases count once each, so fifteen aliases of one page cost fifteen pages.
 */

/** Lists without `first`, by `Type.field`: how many items to expect at most (or typically, where the server caps them). */
export const LIST_ESTIMATES: Record<string, number> = {
  // Bounded by the server: at most 2,000 events; a long history has a few hundred.
  'DecisionProposal.timeline': 500,
  // One line per line of the compared drafts.
  'DraftDiff.lines': 1000,
  // Reports over a period: one entry per opinion or document of the period.
  'ReviewStatistics.rows': 200,
  'ReviewStatistics.contractReviewIds': 200,
  'ConclusionCount.opinionIds': 200,
  'FilingStatistics.conformIds': 200,
  'FilingStatistics.filedIds': 200,
  'FilingStatistics.onTimeIds': 200,
  'FilingStatistics.requiredIds': 200,
  'FilingStatistics.reviewedIds': 200,
  // The rules registry.
  'Query.rules': 100,
  // Bounded by the members of the deliberating body.
  'Meeting.members': 20,
  'AgendaItem.positions': 20,
};

/** Lists not named above: alternatives, disagreements, findings, available actions, roles … — a handful. */
export const DEFAULT_LIST_ESTIMATE = 10;

/**
 * Fields that can hold a long text, with the most characters their input allows (or, for the archive,
 * a whole decision record as JSON). Each costs `textFieldCost` for 500,000 characters, in proportion.
 */
export const LONG_TEXT_FIELDS: Record<string, number> = {
  'TextVersion.text': 500_000,
  'Material.text': 500_000,
  'FilingMaterial.text': 500_000,
  'LegalOpinion.text': 200_000,
  'Meeting.minutes': 200_000,
  'Hearing.record': 100_000,
  'ExecutionReport.content': 50_000,
  'OpinionFinding.text': 50_000,
  'MeetingCorrection.text': 20_000,
  'ConsultationOpinion.content': 20_000,
  'ExpertOpinion.opinion': 20_000,
  'Query.decisionArchive': 2_500_000,
  // Scans the document's whole current text on the server (R-ND-4).
  'NormativeDocument.marketEntitiesSuggestion': 500_000,
};

/** What a long-text field costs at `textFieldCost` per 500,000 characters. */
export function textCost(maxChars: number, textFieldCost: number): number {
  return Math.max(1, Math.ceil((textFieldCost * maxChars) / 500_000));
}

export interface CostSettings {
  defaultPageSize: number;
  maxPageSize: number;
  textFieldCost: number;
}

/** Per request: an anonymous caller's root fields other than the public ones are refused before they read anything. */
interface CostContext {
  anonymous?: boolean;
  publicRootFields?: ReadonlySet<string>;
}

export function costEstimator(s: CostSettings): ComplexityEstimator {
  return ({ type, field, args, childComplexity, context }) => {
    // Introspection: bounded by the schema, and switched off in production.
    if (type.name.startsWith('__') || field.name.startsWith('__')) return childComplexity;
    const c = (context ?? {}) as CostContext;
    if (c.anonymous && (type.name === 'Query' || type.name === 'Mutation') && !c.publicRootFields?.has(field.name)) return 1;
    const key = `${type.name}.${field.name}`;
    const own = 1 + (key in LONG_TEXT_FIELDS ? textCost(LONG_TEXT_FIELDS[key]!, s.textFieldCost) : 0);
    if (field.args.some((a) => a.name === 'first')) {
      const asked = typeof args.first === 'number' && Number.isFinite(args.first) ? Math.max(1, Math.floor(args.first)) : s.defaultPageSize;
      return own + Math.min(asked, s.maxPageSize) * childComplexity;
    }
    if (isListType(getNullableType(field.type))) {
      const n = type.name.endsWith('Connection') ? 1 : (LIST_ESTIMATES[key] ?? DEFAULT_LIST_ESTIMATE);
      // A list of scalars costs one per item; a list of objects the selection per item.
      return own + n * (isLeafType(getNamedType(field.type)) ? 1 : childComplexity);
    }
    return own + childComplexity;
  };
}

/** The cost of one operation of a document; throws a GraphQLError when it cannot be computed (bad variables). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  settings: CostSettings,
  variables: Record<string, unknown> = {},
  operationName?: string,
  context: CostContext = {},
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    context: context as Record<string, unknown>,
    estimators: [costEstimator(settings)],
    maxQueryNodes: 100_000,
  });
}

/** How much the memo of operation costs keeps. */
export const COST_MEMO_LIMITS = {
  /** Variables whose key is longer (a large text in a mutation) are priced each time, never kept. */
  maxKeyChars: 4096,
  /** Entries per parsed document; the oldest go first. */
  maxEntriesPerDocument: 64,
};

type CostOf = (document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined, anonymous: boolean) => number;

/**
 * The cost of an operation computed once per parsed document (Apollo keeps one per query text) and
 * variables, within bounds: a key above `maxKeyChars` is never kept, and a document keeps at most
 * `maxEntriesPerDocument` entries, so a client sending large or ever-changing variables cannot make
 * the memo grow.
 */
export function costMemo(compute: CostOf, limits = COST_MEMO_LIMITS) {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    cost(document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined, anonymous: boolean): number {
      const key = `${anonymous ? 1 : 0}|${operationName ?? ''}|${JSON.stringify(variables)}`;
      if (key.length > limits.maxKeyChars) return compute(document, variables, operationName, anonymous);
      let byArgs = known.get(document);
      if (!byArgs) known.set(document, (byArgs = new Map()));
      let cost = byArgs.get(key);
      if (cost === undefined) {
        cost = compute(document, variables, operationName, anonymous);
        if (byArgs.size >= limits.maxEntriesPerDocument) byArgs.delete(byArgs.keys().next().value!);
        byArgs.set(key, cost);
      }
      return cost;
    },
    /** Entries kept for a document (tests). */
    size(document: DocumentNode): number {
      return known.get(document)?.size ?? 0;
    },
  };
}

/** Refuses an operation over its caller's cost limit before anything runs (anonymous callers get a tighter one). */
export function costLimitPlugin(schema: GraphQLSchema, settings: CostSettings & { maxCost: number; anonymousMaxCost: number }): ApolloServerPlugin<Context> {
  // `@Public()` marks resolver methods; their GraphQL field names are the method names.
  const publicRootFields = new Set([...PUBLIC_FIELDS].map((k) => k.slice(k.lastIndexOf('.') + 1)));
  const memo = costMemo((document, variables, operationName, anonymous) =>
    operationCost(schema, document, settings, variables, operationName, { anonymous, publicRootFields }),
  );
  const costOf = memo.cost;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          let cost: number;
          try {
            cost = costOf(document, request.variables ?? {}, operationName ?? undefined, !contextValue.user);
          } catch (e) {
            // Variables that do not coerce: execution refuses them before any resolver runs.
            if (e instanceof GraphQLError && !/maximum allowed number of nodes/.test(e.message)) return;
            cost = Number.POSITIVE_INFINITY;
          }
          const maxCost = contextValue.user ? settings.maxCost : settings.anonymousMaxCost;
          if (cost > maxCost) {
            const shown = Number.isFinite(cost) ? cost : null;
            throw new Refusal(
              400,
              'QUERY_TOO_COMPLEX',
              `查询代价过高（${shown ?? '节点过多'}，上限 ${maxCost}）：请减小 first、减少别名和嵌套列表，或少选长文本字段${contextValue.user ? '' : '；未登录时上限更低，请先登录'}`,
              { cost: shown, maxCost },
            ).toGraphQLError();
          }
        },
      };
    },
  };
}
