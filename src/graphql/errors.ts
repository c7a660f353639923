import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import {
  DeadlockException,
  DriverException,
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, BadInputError, ERROR_CODES, ServiceUnavailableError, type ErrorCode } from '../core/errors';
import { isDatabaseUnavailable } from '../db/availability';
import type { Logger } from '../core/logger';
import { REFUSAL_REASONS } from './refusal';
import { translateCoercion, translateValidation, type ValidationErrorLike } from './validation-messages';

/** Apollo's own codes for requests that never reached execution: all reported as BAD_USER_INPUT. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);


/** graphql-js's "Did you mean …?" hints name parts of the schema: kept out of production answers. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** The name inside a variable's type (`UpdateDepartmentInput!` → UpdateDepartmentInput). */
function namedTypeOf(t: unknown): string | undefined {
  let cur = t as { kind?: string; type?: unknown; name?: { value: string } } | undefined;
  while (cur && cur.kind !== 'NamedType') cur = cur.type as typeof cur;
  return cur?.name?.value;
}

export function createFormatError(opts: { logger: Logger; exposeInternals: boolean; hideSuggestions?: boolean }) {
  const format = formatOne(opts);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return opts.hideSuggestions ? { ...out, message: withoutSuggestions(out.message) } : out;
  };
}

function formatOne(opts: { logger: Logger; exposeInternals: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    // graphql-js stops coercing variables after 50 problems and throws: the input is at fault, not the server.
    if (original instanceof Error && /Too many errors processing variables/.test(original.message)) {
      return { ...base, message: '输入中的错误过多（超过 50 处），请先修正已提示的错误后再提交', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_INPUT_ERRORS' } };
    }
    if (isDatabaseUnavailable(original)) {
      opts.logger.warn({ err: { message: (original as Error)?.message } }, 'database unavailable');
      const e = new ServiceUnavailableError();
      return { ...base, message: e.message, extensions: { code: e.code } };
    }
    if (original instanceof OptimisticLockError) {
      return { ...base, message: '数据已被他人修改，请刷新后重试', extensions: { code: 'CONFLICT' } };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return { ...base, message: '数据与已有记录冲突（可能已被他人同时提交），请刷新后重试', extensions: { code: 'CONFLICT' } };
    }
    if (original instanceof DeadlockException) {
      // Transactions retry these themselves (src/db/transaction.ts); one that still escapes is a lost race.
      return { ...base, message: '操作与其他人同时进行的操作冲突，请稍后重试', extensions: { code: 'CONFLICT' } };
    }
    const refused = refusedInput(original, opts.logger);
    if (refused) return { ...base, message: refused.message, extensions: { code: refused.code, ...refused.details } };

    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    // Refusals before execution (src/graphql/refusal.ts): already Chinese, with their reason and figures.
    if (code === 'BAD_USER_INPUT' && REFUSAL_REASONS.has(String(formatted.extensions?.reason))) {
      return { ...base, message: formatted.message, extensions: formatted.extensions };
    }
    if (code === 'GRAPHQL_PARSE_FAILED') {
      const detail = formatted.message.replace(/^Syntax Error:\s*/, '');
      return { ...base, message: `GraphQL 语法错误：${detail}`, extensions: { code: 'BAD_USER_INPUT', reason: code } };
    }
    if (code === 'BAD_USER_INPUT' && Array.isArray(formatted.extensions?.validationErrors)) {
      // class-validator's errors carry the whole input object (passwords included): keep only what to fix,
      // in Chinese, naming each field by its label. The original errors still hold their targets (the limits).
      const raw = (original as { extensions?: { validationErrors?: unknown } } | undefined)?.extensions?.validationErrors;
      const fields = translateValidation((Array.isArray(raw) ? raw : formatted.extensions.validationErrors) as ValidationErrorLike[]);
      const message = fields.length ? `输入不合法：${fields.flatMap((f) => f.messages).join('；')}` : '输入不合法';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT', validationErrors: fields } };
    }
    if (REQUEST_ERROR_CODES.has(code)) {
      return { ...base, message: `请求不合法：${formatted.message}`, extensions: { code: 'BAD_USER_INPUT', reason: code } };
    }
    if (code === 'BAD_USER_INPUT') {
      // e.g. a variable of the wrong type: graphql-js's explanation, in Chinese, naming the field.
      // graphql-js points at the variable's definition: its type names the fields of a top-level input.
      const node = (error as { nodes?: readonly { kind?: string; type?: unknown }[] } | undefined)?.nodes?.[0];
      const translated = translateCoercion(formatted.message, node?.kind === 'VariableDefinition' ? namedTypeOf(node.type) : undefined);
      return { ...base, message: `输入不合法：${translated ?? '请求中的变量不符合要求，请检查类型与必填项'}`, extensions: { code } };
    }
    if ((ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...base, message: formatted.message, extensions: { code: code as ErrorCode } };
    }

    opts.logger.error({ err: original }, 'unexpected error in a GraphQL operation');
    return {
      ...base,
      message: opts.exposeInternals ? `服务器内部错误：${formatted.message}` : '服务器内部错误，请稍后重试；如持续出现请联系管理员',
      extensions: opts.exposeInternals
        ? { code: 'INTERNAL_SERVER_ERROR', detail: formatted.message }
        : { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * A database error that only a client's input can cause, as the refusal it answers with: a missing
 * referenced row, a data exception (class 22: invalid text for a uuid or a date, a value too long or
 * out of range, a character PostgreSQL cannot store) or an empty value for a required column
 * (23502, not_null_violation) that slipped past validation. Never SQL in the message. Null for
 * anything else.
 */
export function refusedInput(original: unknown, logger: Logger): AppError | null {
  if (original instanceof ForeignKeyConstraintViolationException) return new BadInputError('引用的记录不存在或已被删除');
  const sqlState = original instanceof DriverException ? String(original.code ?? '') : '';
  if (sqlState.startsWith('22')) {
    logger.warn({ sqlState, err: original }, 'input refused by the database');
    return new AppError('BAD_USER_INPUT', '输入的数据格式、长度或取值不符合要求，请检查后重试', { reason: 'INVALID_VALUE' });
  }
  if (sqlState === '23502') {
    logger.warn({ sqlState, err: original }, 'input refused by the database');
    return new AppError('BAD_USER_INPUT', '缺少必填的内容：请补全必填项后重试', { reason: 'MISSING_VALUE' });
  }
  return null;
}

/** Answers HTTP 503 when the database was unavailable while the operation ran. */
export function serviceUnavailablePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) response.http.status = 503;
        },
      };
    },
  };
}
