import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** One rule an action broke, as the API lists it in `extensions.violations` (RULE_VIOLATION). */
export interface ApiViolation {
  rule: string;
  code: string;
  message: string;
  title: string | null;
}

/** One error of the API, the way it gives it: a Chinese message, a stable code, and any violations or field errors. */
export interface ApiError {
  message: string;
  code: string;
  violations: ApiViolation[];
  /** BAD_USER_INPUT with field-by-field messages (validationErrors). */
  fields: { field: string; label: string; messages: string[] }[];
}

interface RawGraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromGraphQL(e: RawGraphQLError): ApiError {
  const ext = e.extensions ?? {};
  const violations = Array.isArray(ext.violations) ? (ext.violations as ApiViolation[]) : [];
  const rawFields = Array.isArray(ext.validationErrors) ? (ext.validationErrors as { field?: string; label?: string; messages?: string[] }[]) : [];
  return {
    message: e.message,
    code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
    violations,
    fields: rawFields.map((f) => ({ field: f.field ?? '', label: f.label ?? f.field ?? '', messages: f.messages ?? [] })),
  };
}

/** Every error an Apollo call failed with, in the API's own terms (network trouble in Chinese too). */
export function apiErrors(error: unknown): ApiError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => fromGraphQL(e as RawGraphQLError));
  if (ServerError.is(error)) {
    // Refusals before GraphQL (413, 400 …) answer JSON with an errors list too.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawGraphQLError[] };
      if (body.errors?.length) return body.errors.map(fromGraphQL);
    } catch {
      /* not JSON */
    }
    return [{ message: `服务器返回错误（HTTP ${error.statusCode}），请稍后重试`, code: 'HTTP_ERROR', violations: [], fields: [] }];
  }
  if (ServerParseError.is(error)) return [{ message: '服务器的回答无法解析，请稍后重试', code: 'HTTP_ERROR', violations: [], fields: [] }];
  if (error instanceof TypeError) return [{ message: '无法连接服务器，请检查网络后重试', code: 'NETWORK_ERROR', violations: [], fields: [] }];
  return [{ message: error instanceof Error ? error.message : String(error), code: 'UNKNOWN', violations: [], fields: [] }];
}

/** True when the error says the object changed since it was read (optimistic lock). */
export function isConflict(error: unknown): boolean {
  return apiErrors(error).some((e) => e.code === 'CONFLICT');
}

/** True when the session is gone (expired, logged out elsewhere): the console returns to the login page. */
export function isUnauthenticated(error: unknown): boolean {
  return apiErrors(error).some((e) => e.code === 'UNAUTHENTICATED');
}
