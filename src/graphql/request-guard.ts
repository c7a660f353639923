import { requestAuthorization } from './session-cookie';
import express from 'express';
import { GraphQLError, Kind, parse, visit, type DocumentNode } from 'graphql';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { TokenService } from '../identity/token';
import { findFieldDuplication } from './field-duplication';
import { FORBIDDEN_CHARACTERS, hasForbiddenCharacters, INVALID_CHARACTERS_MESSAGE, Refusal } from './refusal';

/**
 * What a GraphQL request must pass before Apollo spends any work on it, cheapest check first:
 *
 * 1. the caller class — a bearer token whose signature and expiry verify (no database read) makes a
 *    signed-in caller; anyone else is anonymous and gets the tight limits;
 * 2. the body size of that class: a declared length over it is refused before a byte is read, a
 *    streamed body is cut off at the limit (413);
 * 3. the request shape: no persisted queries (APQ is switched off: no client of ours uses it, and an
 *    anonymous caller could fill its cache), no NUL characters or lone surrogates in any string;
 * 4. the document: parsed under the class's token limit; subscriptions refused (the schema has
 *    none); the field-duplication limit; NUL characters written as `\u0000` in string literals.
 *
 * Everything else — depth, aliases, cost with list sizes — is checked inside Apollo.
 */

type CallerClass = 'signed-in' | 'anonymous';

interface GuardDeps {
  config: Config;
  logger: Logger;
  tokens: TokenService;
  clock: Clock;
}

function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

export function bodyTooLarge(limit: number): Refusal {
  return new Refusal(413, 'BODY_TOO_LARGE', `请求体过大：上限 ${limit} 字节${limit < 1024 * 1024 ? '（未登录时）' : ''}；上传文件请使用 POST /materials`, { limitBytes: limit });
}

/** A syntax error in Chinese, with graphql-js's own detail and position. */
export function syntaxRefusal(e: GraphQLError, maxTokens: number): Refusal {
  // graphql-js 16 words it "more that N tokens"
  if (/more tha[nt] \d+ tokens/.test(e.message)) {
    return new Refusal(400, 'TOO_MANY_TOKENS', `查询过长：超过 ${maxTokens} 个记号（token）上限，请精简查询`, { maxTokens });
  }
  const loc = e.locations?.[0];
  const where = loc ? `（第 ${loc.line} 行第 ${loc.column} 列）` : '';
  return new Refusal(400, 'GRAPHQL_PARSE_FAILED', `GraphQL 语法错误${where}：${e.message.replace(/^Syntax Error:\s*/, '')}`);
}

/** The checks of steps 3 and 4 on an already-parsed JSON body (or GET parameters). */
export function checkGraphQLRequest(
  params: { query?: unknown; variables?: unknown; extensions?: unknown; operationName?: unknown },
  limits: { maxTokens: number; maxFieldDuplicates: number },
): Refusal | null {
  const ext = params.extensions;
  if (ext && typeof ext === 'object' && 'persistedQuery' in ext) {
    return new Refusal(400, 'PERSISTED_QUERY_NOT_SUPPORTED', '不支持持久化查询（persisted query），请在 query 中发送完整的查询文本');
  }
  if (hasForbiddenCharacters([params.query, params.variables, params.extensions, params.operationName])) {
    return new Refusal(400, 'INVALID_CHARACTERS', INVALID_CHARACTERS_MESSAGE);
  }
  if (typeof params.query !== 'string') return null; // Apollo explains a missing or non-string query
  const passedKey = `${limits.maxTokens}|${limits.maxFieldDuplicates}|${params.query}`;
  if (passed.has(passedKey)) return null;
  const refusal = checkDocument(params.query, limits);
  if (!refusal && params.query.length <= PASSED_MAX_LENGTH) remember(passedKey);
  return refusal;
}

/**
 * Query texts that passed step 4, per limits: the console sends the same few dozen documents over
 * and over, and the verdict depends on the text and the limits only. Bounded: the oldest entry goes
 * first, and a long text is never kept (an anonymous caller cannot fill memory with passes, since
 * its token limit keeps its texts short).
 */
const passed = new Set<string>();
const PASSED_MAX_ENTRIES = 1000;
const PASSED_MAX_LENGTH = 20_000;
function remember(key: string): void {
  if (passed.size >= PASSED_MAX_ENTRIES) passed.delete(passed.values().next().value!);
  passed.add(key);
}

function checkDocument(query: string, limits: { maxTokens: number; maxFieldDuplicates: number }): Refusal | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: false });
  } catch (e) {
    if (e instanceof GraphQLError) return syntaxRefusal(e, limits.maxTokens);
    throw e;
  }
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query' && d.operation !== 'mutation') {
      return new Refusal(400, 'OPERATION_NOT_SUPPORTED', '不支持订阅（subscription）操作：本接口只接受 query 和 mutation');
    }
  }
  const dup = findFieldDuplication(document, limits.maxFieldDuplicates);
  if (dup) {
    return new Refusal(
      400,
      'FIELD_DUPLICATION',
      dup.field === '…'
        ? '查询展开后过大（片段嵌套展开过多），请精简查询'
        : `字段 ${dup.field} 在同一选择集中出现 ${dup.count} 次以上（上限 ${limits.maxFieldDuplicates} 次，片段展开后计算），请去掉重复字段`,
      { field: dup.field, maxDuplicates: limits.maxFieldDuplicates },
    );
  }
  let forbidden = false;
  visit(document, {
    StringValue(node) {
      if (FORBIDDEN_CHARACTERS.test(node.value)) forbidden = true;
    },
  });
  if (forbidden) return new Refusal(400, 'INVALID_CHARACTERS', INVALID_CHARACTERS_MESSAGE);
  return null;
}

function parseJsonParam(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v; // Apollo explains malformed parameters
  }
}

/** The middleware chain placed in front of Apollo on /graphql. */
export function graphqlRequestGuard(deps: GuardDeps): express.RequestHandler[] {
  const { config, logger } = deps;
  const limits = {
    'signed-in': { body: config.graphql.bodyLimitBytes, maxTokens: config.graphql.maxTokens },
    anonymous: { body: config.graphql.anonymous.bodyLimitBytes, maxTokens: config.graphql.anonymous.maxTokens },
  } as const;
  const parsers = {
    'signed-in': express.json({ limit: limits['signed-in'].body }),
    anonymous: express.json({ limit: limits.anonymous.body }),
  };
  const refuse = (res: express.Response, r: Refusal, caller: CallerClass) => {
    logger.warn({ reason: r.reason, status: r.status, caller }, 'GraphQL request refused');
    res.status(r.status).json(r.body());
  };
  const classOf = (res: express.Response): CallerClass => (res.locals.callerClass as CallerClass | undefined) ?? 'anonymous';

  const classify: express.RequestHandler = async (req, res, next) => {
    const token = bearer(requestAuthorization(req));
    let caller: CallerClass = 'anonymous';
    if (token && token.length < 4096) {
      const verified = await deps.tokens.verify(token, deps.clock.now());
      if ('userId' in verified) caller = 'signed-in';
    }
    res.locals.callerClass = caller;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits[caller].body) {
      // Refused before reading: the connection closes so the rest of the body is not read either.
      res.setHeader('Connection', 'close');
      return refuse(res, bodyTooLarge(limits[caller].body), caller);
    }
    next();
  };

  const body: express.RequestHandler = (req, res, next) => parsers[classOf(res)](req, res, next);

  const check: express.RequestHandler = (req, res, next) => {
    const caller = classOf(res);
    let params: Record<string, unknown> | null = null;
    if (req.method === 'GET') {
      const q = req.query as Record<string, unknown>;
      params = { query: q.query, operationName: q.operationName, variables: parseJsonParam(q.variables), extensions: parseJsonParam(q.extensions) };
    } else if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
      params = req.body as Record<string, unknown>;
    }
    if (!params) return next(); // batches and odd shapes: Apollo answers them with a 400
    const r = checkGraphQLRequest(params, { maxTokens: limits[caller].maxTokens, maxFieldDuplicates: config.graphql.maxFieldDuplicates });
    if (r) return refuse(res, r, caller);
    next();
  };

  return [classify, body, check];
}
