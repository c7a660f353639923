import express from 'express';
import { GraphQLError } from 'graphql';
import { AppError, ServiceUnavailableError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isDatabaseUnavailable } from '../db/availability';
import {
  CONTENT_TYPES,
  DocumentFormat,
  DocumentKind,
  isRegisterKind,
  KIND_FORMATS,
  type GeneratedFile,
  type RecordKind,
} from '../documents/document-kinds';
import type { Context } from './context';

/**
 * Official documents, registers and archives over plain HTTP, with the same authentication as
 * GraphQL (the console's session cookie or `Authorization: Bearer`):
 *
 * - `GET /documents/<kind>/<id>.<docx|pdf|zip>`: the document of one record, for users who may see the record;
 * - `GET /documents/<kind>.xlsx`: a register, the rows the caller may see.
 *
 * Errors are JSON with a stable code (401, 403, 404, 400), never a 500 for what a client sent.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^\d{4}$/;
const KINDS = new Set<string>(Object.values(DocumentKind));

type Send = (status: number, code: string, message: string, extra?: Record<string, unknown>) => void;
function sender(res: express.Response): Send {
  return (status, code, message, extra = {}) => {
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  };
}

function statusOf(e: AppError): number {
  return { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409, SERVICE_UNAVAILABLE: 503 }[e.code as string] ?? 400;
}

function unavailable(e: unknown): boolean {
  return (e instanceof GraphQLError && e.extensions.code === 'SERVICE_UNAVAILABLE') || isDatabaseUnavailable(e);
}

/** `<name>.<format>` → its parts, or null. */
function split(file: string): { name: string; format: DocumentFormat } | null {
  const m = /^(.+)\.([a-z]+)$/.exec(file);
  if (!m || !(Object.values(DocumentFormat) as string[]).includes(m[2]!)) return null;
  return { name: m[1]!, format: m[2] as DocumentFormat };
}

function generate(ctx: Context, kind: RecordKind, id: string, format: DocumentFormat): Promise<GeneratedFile> {
  const user = ctx.user!;
  const d = ctx.services.documents;
  switch (kind) {
    case DocumentKind.LEGAL_OPINION:
      return d.official.legalOpinion(user, id, format);
    case DocumentKind.RETURN_NOTICE:
      return d.official.returnNotice(user, id, format);
    case DocumentKind.DECISION:
      return d.official.decision(user, id, format);
    case DocumentKind.FILING_REPORT:
      return d.official.filingReport(user, id, format);
    case DocumentKind.DECISION_DIRECTORY:
      return d.official.directory(user, id, format);
    case DocumentKind.DECISION_ARCHIVE:
      return d.archives.archive(user, id);
    case DocumentKind.ANNUAL_REPORT:
      return d.annualReport.annualReport(user, Number(id), format);
  }
}

export function documentRoutes(deps: { logger: Logger; context: (req: express.Request) => Promise<Context> }): express.Router {
  const router = express.Router();

  const handle = async (req: express.Request, res: express.Response, kindText: string, file: string, withId: boolean) => {
    const send = sender(res);
    let streaming = false;
    try {
      const ctx = await deps.context(req);
      if (!ctx.user) return send(401, 'UNAUTHENTICATED', ctx.authProblem ?? '请先登录');
      const parts = split(file);
      if (!KINDS.has(kindText)) return send(404, 'NOT_FOUND', '没有这种文书', { reason: 'UNKNOWN_DOCUMENT_KIND' });
      const kind = kindText as DocumentKind;
      if (!parts || !KIND_FORMATS[kind].includes(parts.format)) {
        return send(400, 'BAD_USER_INPUT', `该文书提供的格式：${KIND_FORMATS[kind].join('、')}`, { reason: 'UNSUPPORTED_FORMAT' });
      }
      let out: GeneratedFile;
      if (isRegisterKind(kind)) {
        if (withId) return send(400, 'BAD_USER_INPUT', `登记簿的地址是 /documents/${String(kind)}.xlsx`, { reason: 'UNSUPPORTED_FORMAT' });
        out = await ctx.services.documents.registers.register(ctx.user, kind);
      } else {
        if (!withId) return send(400, 'BAD_USER_INPUT', `请在地址中给出记录 id：/documents/${String(kind)}/<id>.${String(parts.format)}`, { field: 'id' });
        if (kind === DocumentKind.ANNUAL_REPORT) {
          if (!YEAR.test(parts.name)) return send(400, 'BAD_USER_INPUT', '年度格式无效，应为四位数字，如 2026', { field: 'year' });
        } else if (!UUID.test(parts.name)) return send(400, 'BAD_USER_INPUT', 'id 格式无效', { field: 'id' });
        out = await generate(ctx, kind, parts.name, parts.format);
      }
      res.setHeader('Content-Type', CONTENT_TYPES[out.format]);
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      if (out.bytes) return res.send(out.bytes);
      streaming = true;
      await out.write!(res);
      res.end();
    } catch (e) {
      if (streaming) {
        // Headers and part of the file are out: the client sees a broken download, never a wrong file.
        deps.logger.error({ err: e }, 'document stream failed');
        res.destroy(e as Error);
        return;
      }
      if (e instanceof AppError) return send(statusOf(e), e.code, e.message, e.details);
      if (unavailable(e)) return send(503, 'SERVICE_UNAVAILABLE', new ServiceUnavailableError().message);
      deps.logger.error({ err: e }, 'document generation failed');
      return send(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
  };

  router.get('/documents/:kind/:file', (req, res) => handle(req, res, req.params.kind, req.params.file, true));
  router.get('/documents/:file', (req, res) => {
    const parts = split(req.params.file);
    return handle(req, res, parts?.name ?? req.params.file, req.params.file, false);
  });
  return router;
}
