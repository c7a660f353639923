/**
 * The fixed set of error codes every client can rely on (architecture.md, "Errors"). Services throw
 * these; the GraphQL layer turns them into `extensions.code`. Messages are Simplified Chinese and
 * say what the person can do.
 */

import { ruleById, type RuleId } from './rules/registry';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RULE_VIOLATION',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One broken rule: `rule` is an id of the rules registry (docs/rules.md), `code` a stable machine name. */
export interface Violation {
  rule: RuleId;
  code: string;
  message: string;
}

/** Builds a violation; `rule` must be registered (the compiler checks the id). */
export function violation(rule: RuleId, code: string, message: string): Violation {
  return { rule, code, message };
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录', details: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '您没有执行此操作的权限') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', `未找到${what}${id ? `（${id}）` : ''}，请确认后重试`, id ? { id } : {});
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field ? { field } : {});
  }
}

export class ConflictError extends AppError {
  constructor(message = '数据已被他人修改，请刷新后重试') {
    super('CONFLICT', message);
  }
}

/** The database cannot be reached: nothing the client sent is wrong; retrying later will work. */
export class ServiceUnavailableError extends AppError {
  constructor(message = '数据库不可用，请稍后重试；如持续出现请联系管理员') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

export class RuleViolationError extends AppError {
  constructor(public readonly violations: Violation[]) {
    super(
      'RULE_VIOLATION',
      violations.length === 1
        ? `不符合规则：${violations[0]!.message}`
        : `不符合 ${violations.length} 项规则：${violations.map((v) => v.message).join('；')}`,
      // Each violation carries its rule's title, so a client can show it without a second lookup.
      { violations: violations.map((v) => ({ ...v, title: ruleById(v.rule)?.title ?? null })) },
    );
  }
}

/** Throws RULE_VIOLATION listing every violation at once, or returns when there are none. */
export function assertNoViolations(violations: Violation[]): void {
  if (violations.length > 0) throw new RuleViolationError(violations);
}

/** Optimistic locking: the caller must have read the current version (CONFLICT otherwise). */
export function assertVersion(entity: { version: number }, expected: number, what: string): void {
  if (entity.version !== expected) {
    throw new ConflictError(`${what}已被他人修改（当前版本 ${entity.version}，您提交的是 ${expected}），请刷新后重试`);
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ids taken as plain arguments (input types validate theirs with class-validator). */
export function assertUuid(id: string, field = 'id'): string {
  if (!UUID_RE.test(id)) throw new BadInputError(`${field} 格式无效`, field);
  return id;
}
