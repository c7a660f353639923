import { GraphQLError } from 'graphql';

/**
 * Why a request was refused before it ran. Every refusal answers with code BAD_USER_INPUT, one of
 * these reasons, a Chinese message and a 4xx status; none is logged above a warning.
 */
export type RefusalReason =
  | 'BODY_TOO_LARGE'
  | 'MALFORMED_REQUEST'
  | 'INVALID_CHARACTERS'
  | 'GRAPHQL_PARSE_FAILED'
  | 'TOO_MANY_TOKENS'
  | 'OPERATION_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'FIELD_DUPLICATION'
  | 'QUERY_TOO_COMPLEX';

export const REFUSAL_REASONS: ReadonlySet<string> = new Set<RefusalReason>([
  'BODY_TOO_LARGE',
  'MALFORMED_REQUEST',
  'INVALID_CHARACTERS',
  'GRAPHQL_PARSE_FAILED',
  'TOO_MANY_TOKENS',
  'OPERATION_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'FIELD_DUPLICATION',
  'QUERY_TOO_COMPLEX',
]);

export class Refusal {
  constructor(
    readonly status: number,
    readonly reason: RefusalReason,
    readonly message: string,
    readonly details: Record<string, unknown> = {},
  ) {}

  /** The JSON body of a GraphQL-over-HTTP error response. */
  body() {
    return { errors: [{ message: this.message, extensions: { code: 'BAD_USER_INPUT', reason: this.reason, ...this.details } }] };
  }

  /** For refusals raised inside Apollo's pipeline (plugins): the status travels in `extensions.http`. */
  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: 'BAD_USER_INPUT', reason: this.reason, ...this.details, http: { status: this.status } },
    });
  }
}

/** A NUL character, or half of a surrogate pair without its other half: PostgreSQL text cannot hold either. */
export const FORBIDDEN_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const INVALID_CHARACTERS_MESSAGE = '输入包含不允许的控制字符或无效字符（空字符 U+0000，或不成对的 UTF-16 代理项），请删除后重试';

/** Whether any string (or object key) inside a JSON value holds a forbidden character. Iterative: depth cannot overflow the stack. */
export function hasForbiddenCharacters(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (FORBIDDEN_CHARACTERS.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (FORBIDDEN_CHARACTERS.test(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}
